"""The 連絡会 summary's period and DTOs: what ``services.liaison.liaison_summary`` returns.

A :class:`Period` is a fiscal year or any span of days; :class:`LiaisonSummaryDTO` holds every figure and
list the printed summary shows, with the annex's share of the items its lists cut.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from sakae_council.domain.enums import IssueStatus, ProjectStatus
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label, fiscal_year_range, to_wareki
from sakae_council.services.indicator_values import IndicatorRowDTO
from sakae_council.services.issue_matrix import IssueMatrixDTO
from sakae_council.services.liaison_sections import SECTION_LIMIT, DistrictSectionDTO


@dataclass(frozen=True)
class Period:
    """A fiscal year (``fiscal_year`` set) or any span of days, both ends included."""

    start: date
    end: date
    fiscal_year: int | None = None

    @classmethod
    def for_fiscal_year(cls, fy: int) -> Period:
        first, last = fiscal_year_range(fy)
        return cls(first, last, fy)

    @classmethod
    def between(cls, start: date | None, end: date | None) -> Period:
        """A period from ``start`` to ``end``; a whole fiscal year is recognised as one."""
        if start is None:
            raise ValidationError("from", "期間の初日を入力してください（例: 2026-04-01）。")
        if end is None:
            raise ValidationError("to", "期間の最終日を入力してください（例: 2026-09-30）。")
        if end < start:
            raise ValidationError("to", "期間の最終日が初日より前になっています。日付を確認してください。")
        for day, which in ((start, "from"), (end, "to")):
            try:  # every day of the period must fall in a 年度 that can be named in 和暦 (the summary's tables)
                fiscal_year_range(fiscal_year(day))
            except ValidationError:
                raise ValidationError(
                    which,
                    msg(
                        "{day}は扱える範囲の外です。明治以降、西暦9998年度までの日付を入力してください。",
                        day=day.isoformat(),
                    ),
                ) from None
        fy = fiscal_year(start)
        if (start, end) == fiscal_year_range(fy):
            return cls(start, end, fy)
        return cls(start, end, None)

    @property
    def label(self) -> str:
        """令和8年度, or 令和8年4月1日〜令和8年9月30日."""
        if self.fiscal_year is not None:
            return fiscal_year_label(self.fiscal_year)
        return f"{to_wareki(self.start)}〜{to_wareki(self.end)}"

    @property
    def last_fiscal_year(self) -> int:
        return fiscal_year(self.end)

    def as_of(self, today: date) -> date:
        """The day counts of "now" refer to: the period's end, or today while the period runs."""
        return min(self.end, max(today, self.start))


# --- DTOs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DistrictRowDTO:
    """One district's line of the cross-district table."""

    district_id: int
    name: str
    members: int
    issues_raised: int
    issues_resolved: int
    issues_open: int
    projects_by_status: tuple[tuple[ProjectStatus, int], ...]
    grants_awarded: int
    grant_amount: int
    meetings_held: int

    def projects(self, status: ProjectStatus) -> int:
        return dict(self.projects_by_status).get(status, 0)

    @property
    def project_count(self) -> int:
        return sum(n for _, n in self.projects_by_status)


@dataclass(frozen=True)
class SharedIssueDTO:
    id: int
    district_name: str
    category: str
    title: str
    description: str
    status: IssueStatus
    raised_on: date


@dataclass(frozen=True)
class LiaisonSummaryDTO:
    period: Period
    today: date
    as_of: date
    rows: tuple[DistrictRowDTO, ...]
    matrix: IssueMatrixDTO
    sections: tuple[DistrictSectionDTO, ...]
    shared_issues: tuple[SharedIssueDTO, ...]
    indicator_years: tuple[int, ...]
    #: Issues flagged 連絡会で共有 per district name (``shared_issues`` holds at most the limit of each).
    shared_totals: dict[str, int] = field(default_factory=dict)
    indicators: tuple[IndicatorRowDTO, ...] = field(default=())
    #: The shared issues past the limit of each district, in the same order: those the annex lists.
    more_shared_issues: tuple[SharedIssueDTO, ...] = field(default=())
    #: Items past the limit each list of each district adds to the annex: None when it lists them all (the
    #: town's own size, or the full annex chosen); 0 when there are too many districts for any.
    annex_share: int | None = None
    #: Items each list of each district shows in its section.
    limit: int = SECTION_LIMIT

    @property
    def cut_items(self) -> int:
        """Items the sections and section 5 cut with 「ほか N件」: what a full annex lists."""
        cut = sum(total - shown for sec in self.sections for _k, total, shown, _a in sec.lists())
        return cut + sum(self.shared_totals.values()) - len(self.shared_issues)

    @property
    def annex_items(self) -> int:
        """Items the annex lists."""
        listed = sum(annexed for sec in self.sections for _k, _t, _s, annexed in sec.lists())
        return listed + len(self.more_shared_issues)

    @property
    def left_out(self) -> int:
        """Items cut from the sections that the annex does not list either (its share was smaller)."""
        return self.cut_items - self.annex_items

    @property
    def totals(self) -> DistrictRowDTO:
        """The 合計 line of the cross-district table."""
        statuses: dict[ProjectStatus, int] = defaultdict(int)
        for r in self.rows:
            for st, n in r.projects_by_status:
                statuses[st] += n
        return DistrictRowDTO(
            district_id=0,
            name="合計",
            members=sum(r.members for r in self.rows),
            issues_raised=sum(r.issues_raised for r in self.rows),
            issues_resolved=sum(r.issues_resolved for r in self.rows),
            issues_open=sum(r.issues_open for r in self.rows),
            projects_by_status=tuple((st, statuses[st]) for st in ProjectStatus if statuses.get(st)),
            grants_awarded=sum(r.grants_awarded for r in self.rows),
            grant_amount=sum(r.grant_amount for r in self.rows),
            meetings_held=sum(r.meetings_held for r in self.rows),
        )
