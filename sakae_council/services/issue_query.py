"""The 地域課題 list's query plan: the filter in SQL, the search through the n-gram index, the sort, and
which plan finds one page of ids cheapest. services/issues.py turns the ids into DTOs."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import case, select
from sqlalchemy.orm import Session

from sakae_council.db.models import (
    CollaborativeProject,
    District,
    IssueCategory,
    RegionalIssue,
    project_issue,
)
from sakae_council.db.models.search import KIND_ISSUE, SEARCH_GRAM
from sakae_council.domain.enums import (
    OPEN_ISSUE_STATUSES,
    IssueSource,
    IssueStatus,
    Priority,
)
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.services import search as search_rule
from sakae_council.services.search_plan import GramQuery, plan_search

IssueSort = Literal[
    "raised_on", "title", "category", "district", "status", "priority", "source", "shared", "projects"
]


@dataclass(frozen=True)
class IssueFilter:
    district_id: int | None = None
    category_id: int | None = None
    status: IssueStatus | None = None
    shared_only: bool = False
    query: str = ""
    fiscal_year: int | None = None
    open_only: bool = False
    #: Order of list_issues: by this key (ties: newest raised first), descending if asked.
    sort: IssueSort = "raised_on"
    descending: bool = True


def _conditions(flt: IssueFilter) -> list:
    """The filter's conditions except the text search (see _issue_query)."""
    conds: list = []
    if flt.district_id is not None:
        conds.append(RegionalIssue.district_id == flt.district_id)
    if flt.category_id is not None:
        conds.append(RegionalIssue.category_id == flt.category_id)
    if flt.status is not None:
        conds.append(RegionalIssue.status == IssueStatus.parse(flt.status, "status").value)
    if flt.open_only:
        conds.append(RegionalIssue.status.in_([s.value for s in OPEN_ISSUE_STATUSES]))
    if flt.shared_only:
        conds.append(RegionalIssue.shared_with_liaison.is_(True))
    if flt.fiscal_year is not None:
        first, last = fiscal_year_range(flt.fiscal_year)
        conds.append(RegionalIssue.raised_on.between(first, last))
    return conds


def _query_words(query: str) -> list[str]:
    return search_rule.words(query)


@dataclass(frozen=True)
class _IssueQuery:
    where: list
    search: GramQuery | None = None
    impossible: bool = False
    #: When set, the count is this gram's posting count (nothing else narrows the list).
    count_gram: str | None = None


def _issue_query(s: Session, flt: IssueFilter) -> _IssueQuery:
    """Filter terms and the planned search (through the n-gram index; see services.search_plan)."""
    conds = _conditions(flt)
    search = plan_search(s, KIND_ISSUE, _query_words(flt.query))
    if search is None:
        return _IssueQuery(conds)
    if search.impossible:
        return _IssueQuery(conds, search, impossible=True)
    return _IssueQuery(conds, search, count_gram=None if conds else search.single_exact_gram)


def _search_where(q: _IssueQuery, flt: IssueFilter) -> list:
    """All WHERE terms; with a district chosen (~1/100 of the issues) its index drives, not the postings."""
    if q.search is None:
        return q.where
    if flt.district_id is not None and not q.search.selective:
        return q.where + q.search.like_conditions(RegionalIssue.search_text)
    return q.where + q.search.driven_conditions(RegionalIssue.id, RegionalIssue.search_text)


def _page_ids(s: Session, q: _IssueQuery, flt: IssueFilter, limit: int | None, offset: int) -> list[int]:
    """The ids of one page, in order, by the cheapest plan for this search."""
    search = q.search
    if search is not None and flt.sort == "raised_on" and flt.district_id is None:
        # The postings are stored by date raised: walked newest (or oldest) first, the page's last row
        # ends the search. Issues raised the same day: newest id first, as the list shows them.
        tie = SEARCH_GRAM.c.record_id.desc() if flt.descending else SEARCH_GRAM.c.record_id
        stmt = search.ordered_ids(
            RegionalIssue.id, RegionalIssue.search_text, q.where, [tie], descending=flt.descending
        )
    else:
        stmt = select(RegionalIssue.id).where(*_search_where(q, flt)).order_by(*_issue_order(flt))
    stmt = stmt.offset(offset)
    return list(s.scalars(stmt if limit is None else stmt.limit(limit)))


def _issue_order(flt: IssueFilter) -> list:
    newest = [RegionalIssue.raised_on.desc(), RegionalIssue.id.desc()]
    if flt.sort == "raised_on":
        if flt.descending:
            return newest
        return [RegionalIssue.raised_on, RegionalIssue.id]
    if flt.sort == "projects":
        # 関連する事業: issues made into projects first, by the title of the first project (as listed).
        keys = [_first_project_title().is_(None), _first_project_title()]
        return [*(k.desc() if flt.descending else k for k in keys), *newest]
    key: Any = {
        "title": RegionalIssue.title,
        "category": select(IssueCategory.display_order)
        .where(IssueCategory.id == RegionalIssue.category_id)
        .scalar_subquery(),
        "district": select(District.display_order)
        .where(District.id == RegionalIssue.district_id)
        .scalar_subquery(),
        "status": case(
            {s.value: i for i, s in enumerate(IssueStatus)},
            value=RegionalIssue.status,
            else_=len(IssueStatus),
        ),
        "priority": case(
            {p.value: i for i, p in enumerate(Priority)}, value=RegionalIssue.priority, else_=len(Priority)
        ),
        "source": case(
            {x.value: i for i, x in enumerate(IssueSource)},
            value=RegionalIssue.source,
            else_=len(IssueSource),
        ),
        # 共有 first, as the list marks them.
        "shared": RegionalIssue.shared_with_liaison.is_(False),
    }[flt.sort]
    return [key.desc() if flt.descending else key, *newest]


def _first_project_title() -> Any:
    """The title of an issue's first linked project (lowest id), for sorting by 関連する事業."""
    return (
        select(CollaborativeProject.title)
        .join(project_issue, project_issue.c.project_id == CollaborativeProject.id)
        .where(project_issue.c.issue_id == RegionalIssue.id)
        .order_by(CollaborativeProject.id)
        .limit(1)
        .scalar_subquery()
    )
