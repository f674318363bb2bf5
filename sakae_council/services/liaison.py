"""連絡会 summary: what every district did in a fiscal year or a period, counted in SQL across all districts.

The 地域まちづくり連絡会 shares information (情報の共有) and organises issues (課題整理). This module gathers
what its summary shows — a cross-district table, projects by status, the district × category issue matrix,
one section per district (new issues, project progress, decisions, open action items), the issues flagged
連絡会で共有 and the plan's indicators — as frozen DTOs. Each figure comes from one GROUP BY over all
districts, never from a query per district.

Definitions (printed in the summary's notes too):
- 委員数: people with a running term (現任・満了間近) on the as-of date (the period's end, or today if earlier);
  地区担当職員 are town staff, not 委員, and are not counted (domain.council).
- 提起: issues raised in the period. 解決: issues moved to 解決 in the period. 未解決: issues raised by the
  period's end whose status is open now.
- 事業: projects whose period (start..end) overlaps the period, or that have no start date yet, by status now.
- 補助金: for a fiscal year, applications of that 年度 at 交付決定 or later; for another period, those whose
  交付決定日 falls in it. 交付決定額 is the sum granted.
- 会議: meetings of the district's bodies held in the period up to the as-of date.
- 課題の一覧表 and 連絡会で共有: issues raised by the period's end, except those already 解決・取り下げ
  before the period began.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    CollaborativeProject,
    District,
    GrantApplication,
    IndicatorValue,
    IssueCategory,
    IssueStatusChange,
    Meeting,
    MeetingBody,
    RegionalIssue,
)
from sakae_council.domain.enums import OPEN_ISSUE_STATUSES, GrantStatus, IssueStatus, Priority, ProjectStatus
from sakae_council.services.dashboard import member_totals, table_order
from sakae_council.services.indicator_values import indicator_table
from sakae_council.services.issue_matrix import IssueMatrixDTO, Ref
from sakae_council.services.liaison_dto import DistrictRowDTO, LiaisonSummaryDTO, Period, SharedIssueDTO
from sakae_council.services.liaison_sections import (
    ANNEX_ROWS,
    SECTION_LIMIT,
    annex_share,
    district_sections,
    project_in_period,
    section_totals,
)

AWARDED_GRANT_STATUSES = (GrantStatus.AWARDED, GrantStatus.REPORTED, GrantStatus.SETTLED)
_CLOSED_ISSUE_STATUSES = [s.value for s in IssueStatus if s not in OPEN_ISSUE_STATUSES]
#: How many fiscal years up to the period's last one the indicator table shows besides the plan's years.
RECENT_YEARS = 5


# --- conditions ----------------------------------------------------------------------------------


def _issue_on_table(period: Period) -> ColumnElement[bool]:
    """Issues raised by the period's end, except those closed (解決・取り下げ) before it began: open now, raised
    in the period, or with a status change from its first day on (so it was still open when it began)."""
    # IN (the issues changed since), not a correlated EXISTS: the set is built once (13,000 ids at stress
    # size) instead of one index probe for each of 60,000 long-closed issues.
    changed_since = RegionalIssue.id.in_(
        select(IssueStatusChange.issue_id).where(IssueStatusChange.changed_on >= period.start)
    )
    return and_(
        RegionalIssue.raised_on <= period.end,
        or_(
            RegionalIssue.status.not_in(_CLOSED_ISSUE_STATUSES),
            RegionalIssue.raised_on >= period.start,
            changed_since,
        ),
    )


def _project_in_period(period: Period) -> ColumnElement[bool]:
    return project_in_period(period.start, period.end)


def _counts(s: Session, stmt) -> dict[int, int]:  # type: ignore[no-untyped-def]
    return {d: int(n or 0) for d, n in s.execute(stmt)}


def _districts(s: Session) -> list[tuple[int, str, str]]:
    return [
        (d, name, council)
        for d, name, council in s.execute(
            select(District.id, District.name, District.council_name)
            .where(District.active.is_(True))
            .order_by(District.display_order, District.id)
        )
    ]


# --- the cross-district table --------------------------------------------------------------------


def cross_district_rows(db: Database, period: Period, today: date | None = None) -> list[DistrictRowDTO]:
    """Members, issues raised/resolved/open, projects by status, grants awarded and meetings per district."""
    with db.reading() as s:
        return _rows(s, period, period.as_of(today or date.today()), _issue_tallies(s, period))


@dataclass(frozen=True)
class _IssueTallies:
    """Per (district, category): issues on the table (the matrix), those of them flagged 連絡会で共有, and
    issues still open — one pass."""

    on_table: dict[tuple[int, int], int]
    still_open: dict[tuple[int, int], int]
    shared: dict[tuple[int, int], int] = field(default_factory=dict)

    def open_in(self, district_id: int) -> int:
        return sum(n for (d, _c), n in self.still_open.items() if d == district_id)

    def shared_by_district(self) -> dict[int, int]:
        out: dict[int, int] = defaultdict(int)
        for (d, _c), n in self.shared.items():
            out[d] += n
        return out


def _not_indexed(stmt: Select[Any]) -> Select[Any]:
    """Read regional_issue straight through on SQLite: these conditions keep most of its rows, and walking
    ix_regional_issue_raised_on to each of them costs a look-up per row (PostgreSQL plans this itself)."""
    return stmt.with_hint(RegionalIssue, "NOT INDEXED", "sqlite")


def _issue_tallies(s: Session, period: Period) -> _IssueTallies:
    """The matrix counts and the 未解決 counts in one read of regional_issue (each used to take a full pass)."""
    i = RegionalIssue
    still_open = and_(i.raised_on <= period.end, i.status.in_([st.value for st in OPEN_ISSUE_STATUSES]))
    on_table: dict[tuple[int, int], int] = {}
    open_now: dict[tuple[int, int], int] = {}
    shared: dict[tuple[int, int], int] = {}
    stmt = select(
        table_order(i.district_id, "district"),
        table_order(i.category_id, "category"),
        func.sum(case((_issue_on_table(period), 1), else_=0)),
        func.sum(case((still_open, 1), else_=0)),
        func.sum(case((and_(*_shared_where(period)), 1), else_=0)),
    ).group_by("district", "category")
    for d, c, table_n, open_n, shared_n in s.execute(_not_indexed(stmt)):
        if table_n:
            on_table[(d, c)] = int(table_n)
        if open_n:
            open_now[(d, c)] = int(open_n)
        if shared_n:
            shared[(d, c)] = int(shared_n)
    return _IssueTallies(on_table, open_now, shared)


def _rows(s: Session, period: Period, as_of: date, tallies: _IssueTallies) -> list[DistrictRowDTO]:
    members = member_totals(s, as_of)
    issue = RegionalIssue
    district = table_order(issue.district_id, "district")
    raised = _counts(
        s,
        select(district, func.count(issue.id))
        .where(issue.raised_on.between(period.start, period.end))
        .group_by(district),
    )
    resolved = _counts(
        s,
        select(district, func.count(func.distinct(issue.id)))
        .select_from(IssueStatusChange)
        .join(issue, issue.id == IssueStatusChange.issue_id)
        .where(
            IssueStatusChange.to_status == IssueStatus.RESOLVED.value,
            IssueStatusChange.changed_on.between(period.start, period.end),
        )
        .group_by(district),
    )
    projects: dict[int, dict[str, int]] = defaultdict(dict)
    for d, status, n in s.execute(
        select(
            table_order(CollaborativeProject.district_id, "district"),
            CollaborativeProject.status,
            func.count(CollaborativeProject.id),
        )
        .where(_project_in_period(period))
        .group_by("district", CollaborativeProject.status)
    ):
        projects[d][status] = int(n)
    grant_when = (
        GrantApplication.fiscal_year == period.fiscal_year
        if period.fiscal_year is not None
        else GrantApplication.decided_on.between(period.start, period.end)
    )
    grants = {
        d: (int(n), int(amount or 0))
        for d, n, amount in s.execute(
            select(
                CollaborativeProject.district_id,
                func.count(GrantApplication.id),
                func.coalesce(func.sum(GrantApplication.amount_granted), 0),
            )
            .join(CollaborativeProject, CollaborativeProject.id == GrantApplication.project_id)
            .where(grant_when, GrantApplication.status.in_([g.value for g in AWARDED_GRANT_STATUSES]))
            .group_by(CollaborativeProject.district_id)
        )
    }
    meetings = _counts(
        s,
        select(MeetingBody.district_id, func.count(Meeting.id))
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(Meeting.held_on.between(period.start, as_of), MeetingBody.district_id.is_not(None))
        .group_by(MeetingBody.district_id),
    )
    return [
        DistrictRowDTO(
            district_id=d,
            name=name,
            members=members.get(d, 0),
            issues_raised=raised.get(d, 0),
            issues_resolved=resolved.get(d, 0),
            issues_open=tallies.open_in(d),
            projects_by_status=tuple(
                (st, projects[d][st.value]) for st in ProjectStatus if projects.get(d, {}).get(st.value)
            ),
            grants_awarded=grants.get(d, (0, 0))[0],
            grant_amount=grants.get(d, (0, 0))[1],
            meetings_held=meetings.get(d, 0),
        )
        for d, name, _council in _districts(s)
    ]


def _matrix(s: Session, tallies: _IssueTallies) -> IssueMatrixDTO:
    counts = tallies.on_table
    districts = tuple(Ref(d, name) for d, name, _ in _districts(s))
    shown = {r.id for r in districts}
    counts = {k: n for k, n in counts.items() if k[0] in shown}
    categories = tuple(
        Ref(c, name)
        for c, name in s.execute(
            select(IssueCategory.id, IssueCategory.name).order_by(
                IssueCategory.display_order, IssueCategory.id
            )
        )
    )
    return IssueMatrixDTO(districts=districts, categories=categories, counts=counts)


def _shared_where(period: Period) -> list[ColumnElement[bool]]:
    return [RegionalIssue.shared_with_liaison.is_(True), _issue_on_table(period)]


def _shared(
    s: Session, period: Period, limit: int, read: int | None = None
) -> tuple[list[SharedIssueDTO], dict[str, int], list[SharedIssueDTO]]:
    """Issues flagged 連絡会で共有 still on the table: the first ``limit`` of each district (open ones first,
    then by 優先度 and date), their counts per district, and those after them up to the ``read``-th (None:
    all) in the same order, for the annex."""
    i = RegionalIssue
    where = _shared_where(period)
    priority = case({p.value: n for n, p in enumerate(Priority)}, value=i.priority, else_=len(Priority))
    by_district = table_order(i.district_id, "district_key")
    closed = case(
        (i.status.in_(_CLOSED_ISSUE_STATUSES), 1), else_=0
    )  # still open first: those are to discuss
    rank = func.row_number().over(partition_by=by_district, order_by=[closed, priority, i.raised_on, i.id])
    # Rank with the ordering columns only, then read title and description for the few rows kept: the
    # window sorts every shared issue on the table (27,000 at stress size), and their texts would be
    # carried through that sort for nothing.
    inner = select(
        i.id,
        rank.label("rank"),
        func.count().over(partition_by=by_district).label("total"),  # one pass: rows and counts
    ).where(*where)
    ranked = _not_indexed(inner).subquery()
    c = ranked.c
    stmt = (
        select(
            i.id,
            District.name,
            IssueCategory.name,
            i.title,
            i.description,
            i.status,
            i.raised_on,
            c.total,
            c.rank,
        )
        .select_from(ranked)
        .join(i, i.id == c.id)
        .join(District, District.id == i.district_id)
        .join(IssueCategory, IssueCategory.id == i.category_id)
        .order_by(District.display_order, District.id, c.rank)
    )
    if read is not None:
        stmt = stmt.where(c.rank <= max(read, limit))
    issues: list[SharedIssueDTO] = []
    more: list[SharedIssueDTO] = []
    totals: dict[str, int] = {}
    for iid, district, category, title, description, status, raised_on, total, n in s.execute(stmt):
        (issues if n <= limit else more).append(
            SharedIssueDTO(iid, district, category, title, description, IssueStatus(status), raised_on)
        )
        totals[district] = int(total)
    return issues, totals, more


def indicator_years(s: Session, period: Period) -> tuple[int, ...]:
    """Years the summary's indicator table shows: every year with a stored figure, and the last few."""
    stored = {fy for (fy,) in s.execute(select(IndicatorValue.fiscal_year).distinct())}
    last = period.last_fiscal_year
    recent = range(last - RECENT_YEARS + 1, last + 1)
    return tuple(sorted(stored | set(recent)))


def table_years(db: Database, last_fiscal_year: int) -> tuple[int, ...]:
    """The fiscal years an indicator table shows up to ``last_fiscal_year`` (see indicator_years)."""
    with db.reading() as s:
        return indicator_years(s, Period.for_fiscal_year(last_fiscal_year))


def liaison_summary(
    db: Database,
    period: Period,
    today: date | None = None,
    *,
    limit: int = SECTION_LIMIT,
    full_annex: bool = False,
    annex_rows: int = ANNEX_ROWS,
) -> LiaisonSummaryDTO:
    """Everything the 連絡会 summary prints for ``period``, counted as of ``today``; each district's lists are
    cut at ``limit`` items (with their full counts). The items cut are read for the annex: all of them with
    ``full_annex``, else at most ``annex_rows`` in all, shared evenly (``annex_share``)."""
    today = today or date.today()
    as_of = period.as_of(today)
    with db.reading() as s:
        tallies = _issue_tallies(s, period)
        rows = _rows(s, period, as_of, tallies)
        matrix = _matrix(s, tallies)
        raised = {r.district_id: r.issues_raised for r in rows}
        districts = _districts(s)
        totals = section_totals(s, period.start, period.end, as_of, today, raised)
        share: int | None = None
        if not full_annex:
            ids = [d for d, _name, _council in districts]
            shared_cut = [n - limit for n in tallies.shared_by_district().values() if n > limit]
            share = annex_share([*totals.overflows(ids, limit), *shared_cut], annex_rows)
        read = None if share is None else limit + share
        sections = district_sections(
            s, districts, period.start, period.end, as_of, today, totals, limit=limit, read=read
        )
        shared, shared_totals, more_shared = _shared(s, period, limit, read)
        years = indicator_years(s, period)
    return LiaisonSummaryDTO(
        period=period,
        today=today,
        as_of=as_of,
        rows=tuple(rows),
        matrix=matrix,
        sections=tuple(sections),
        shared_issues=tuple(shared),
        indicator_years=years,
        shared_totals=shared_totals,
        indicators=tuple(indicator_table(db, years, today=today)),
        more_shared_issues=tuple(more_shared),
        annex_share=share,
        limit=limit,
    )


def axis_ticks(values: Iterable[float | None], *, steps: int = 5) -> tuple[float, ...]:
    """Gridlines of an indicator chart, from 0 to at least the largest value: 0, 2, 4... or 0, 5, 10...

    Shared by the chart on screen and the one in the PDF so both read the same. Indicators count people and
    projects, so whole-number data gets whole-number steps (1, 2, 5 × 10ⁿ).
    """
    present = [float(v) for v in values if v is not None]
    top = max(present, default=0.0)
    if top <= 0:
        return (0.0, 1.0)
    raw = top / steps
    magnitude = 10 ** math.floor(math.log10(raw))
    whole = all(v.is_integer() for v in present)
    step = 10 * magnitude
    for m in (1, 2, 5, 10):
        if m * magnitude >= raw:
            step = m * magnitude
            break
    if whole:
        step = max(step, 1.0)
    count = math.ceil(top / step - 1e-9)
    return tuple(round(step * i, 10) for i in range(count + 1))
