"""課題の一覧表: how many issues each district has per category."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    District,
    IssueCategory,
    RegionalIssue,
)
from sakae_council.services.issue_query import IssueFilter, _conditions


@dataclass(frozen=True)
class Ref:
    id: int
    name: str


@dataclass(frozen=True)
class IssueMatrixDTO:
    """Counts of issues per (district_id, category_id), with the rows and columns in display order."""

    districts: tuple[Ref, ...]
    categories: tuple[Ref, ...]
    counts: dict[tuple[int, int], int]

    def count(self, district_id: int, category_id: int) -> int:
        return self.counts.get((district_id, category_id), 0)

    def district_total(self, district_id: int) -> int:
        return sum(n for (d, _), n in self.counts.items() if d == district_id)

    def category_total(self, category_id: int) -> int:
        return sum(n for (_, c), n in self.counts.items() if c == category_id)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def issue_matrix(db: Database, open_only: bool = False, fiscal_year: int | None = None) -> IssueMatrixDTO:
    """課題の一覧表: how many issues each district has per category (counted in SQL)."""
    conds = _conditions(IssueFilter(open_only=open_only, fiscal_year=fiscal_year))
    with db.reading() as s:
        stmt = (
            select(RegionalIssue.district_id, RegionalIssue.category_id, func.count(RegionalIssue.id))
            .where(*conds)
            .group_by(RegionalIssue.district_id, RegionalIssue.category_id)
        )
        counts = {(d, c): n for d, c, n in s.execute(stmt)}
        with_issues = {d for d, _ in counts}
        districts = tuple(
            Ref(d.id, d.name)
            for d in s.scalars(
                select(District).order_by(District.active.desc(), District.display_order, District.id)
            )
            if d.active or d.id in with_issues
        )
        categories = tuple(
            Ref(c.id, c.name)
            for c in s.scalars(select(IssueCategory).order_by(IssueCategory.display_order, IssueCategory.id))
        )
        return IssueMatrixDTO(districts=districts, categories=categories, counts=counts)
