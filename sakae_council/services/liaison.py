"""連絡会 summary: what every district did in a fiscal year or a period, counted in SQL across all districts.

The 地域まちづくり連絡会 shares information (情報の共有) and organises issues (課題整理). This module gathers
what its summary shows — a cross-district table, projects by status, the district × category issue matrix,
one section per district (new issues, project progress, decisions, open action items), the issues flagged
連絡会で共有 and the plan's indicators — as frozen DTOs. Each figure comes from one GROUP BY over all
districts, never from a query per district.

Definitions (printed in the summary's notes too):
- 委員数: people with a running term (現任・満了間近) on the as-of date (the period's end, or today if earlier).
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

from sqlalchemy import ColumnElement, and_, func, not_, or_, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActionItem,
    ActivityRecord,
    CollaborativeProject,
    Decision,
    District,
    GrantApplication,
    IndicatorValue,
    IssueCategory,
    IssueStatusChange,
    Meeting,
    MeetingBody,
    Membership,
    Milestone,
    Person,
    RegionalIssue,
)
from sakae_council.domain.enums import (
    OPEN_ISSUE_STATUSES,
    ActionStatus,
    GrantStatus,
    IssueStatus,
    ProjectKind,
    ProjectStatus,
)
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label, fiscal_year_range, to_wareki
from sakae_council.services.dashboard import running_membership
from sakae_council.services.indicators import IndicatorRowDTO, indicator_table
from sakae_council.services.issues import IssueMatrixDTO, Ref

AWARDED_GRANT_STATUSES = (GrantStatus.AWARDED, GrantStatus.REPORTED, GrantStatus.SETTLED)
_CLOSED_ISSUE_STATUSES = [s.value for s in IssueStatus if s not in OPEN_ISSUE_STATUSES]
#: How many fiscal years up to the period's last one the indicator table shows besides the plan's years.
RECENT_YEARS = 5


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
class NewIssueDTO:
    id: int
    title: str
    category: str
    status: IssueStatus
    raised_on: date
    shared_with_liaison: bool


@dataclass(frozen=True)
class ProjectProgressDTO:
    id: int
    title: str
    kind: ProjectKind
    status: ProjectStatus
    start_on: date | None
    end_on: date | None
    milestones_done: int
    milestones_total: int
    activities_in_period: int
    participants_in_period: int


@dataclass(frozen=True)
class DecisionDTO:
    meeting_id: int
    meeting_title: str
    held_on: date
    text: str


@dataclass(frozen=True)
class OpenActionDTO:
    id: int
    content: str
    assignee: str
    due_on: date | None
    meeting_title: str
    overdue: bool


@dataclass(frozen=True)
class DistrictSectionDTO:
    district_id: int
    name: str
    council_name: str
    new_issues: tuple[NewIssueDTO, ...] = ()
    projects: tuple[ProjectProgressDTO, ...] = ()
    decisions: tuple[DecisionDTO, ...] = ()
    open_actions: tuple[OpenActionDTO, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not (self.new_issues or self.projects or self.decisions or self.open_actions)


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
    indicators: tuple[IndicatorRowDTO, ...] = field(default=())

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


# --- conditions ----------------------------------------------------------------------------------


def _issue_on_table(period: Period) -> ColumnElement[bool]:
    """Issues raised by the period's end, except those closed (解決・取り下げ) before it began."""
    last_change = (
        select(func.max(IssueStatusChange.changed_on))
        .where(IssueStatusChange.issue_id == RegionalIssue.id)
        .scalar_subquery()
    )
    closed_before = and_(
        RegionalIssue.status.in_(_CLOSED_ISSUE_STATUSES),
        func.coalesce(last_change, RegionalIssue.raised_on) < period.start,
    )
    return and_(RegionalIssue.raised_on <= period.end, not_(closed_before))


def _project_in_period(period: Period) -> ColumnElement[bool]:
    p = CollaborativeProject
    return or_(
        p.start_on.is_(None),
        and_(p.start_on <= period.end, or_(p.end_on.is_(None), p.end_on >= period.start)),
    )


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
        return _rows(s, period, period.as_of(today or date.today()))


def _rows(s: Session, period: Period, as_of: date) -> list[DistrictRowDTO]:
    members = _counts(
        s,
        select(Membership.district_id, func.count(func.distinct(Membership.person_id)))
        .join(Person, Person.id == Membership.person_id)
        .where(running_membership(as_of), Person.deleted_at.is_(None))
        .group_by(Membership.district_id),
    )
    issue = RegionalIssue
    raised = _counts(
        s,
        select(issue.district_id, func.count(issue.id))
        .where(issue.raised_on.between(period.start, period.end))
        .group_by(issue.district_id),
    )
    resolved = _counts(
        s,
        select(issue.district_id, func.count(func.distinct(issue.id)))
        .join(IssueStatusChange, IssueStatusChange.issue_id == issue.id)
        .where(
            IssueStatusChange.to_status == IssueStatus.RESOLVED.value,
            IssueStatusChange.changed_on.between(period.start, period.end),
        )
        .group_by(issue.district_id),
    )
    still_open = _counts(
        s,
        select(issue.district_id, func.count(issue.id))
        .where(issue.raised_on <= period.end, issue.status.in_([st.value for st in OPEN_ISSUE_STATUSES]))
        .group_by(issue.district_id),
    )
    projects: dict[int, dict[str, int]] = defaultdict(dict)
    for d, status, n in s.execute(
        select(
            CollaborativeProject.district_id, CollaborativeProject.status, func.count(CollaborativeProject.id)
        )
        .where(_project_in_period(period))
        .group_by(CollaborativeProject.district_id, CollaborativeProject.status)
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
            issues_open=still_open.get(d, 0),
            projects_by_status=tuple(
                (st, projects[d][st.value]) for st in ProjectStatus if projects.get(d, {}).get(st.value)
            ),
            grants_awarded=grants.get(d, (0, 0))[0],
            grant_amount=grants.get(d, (0, 0))[1],
            meetings_held=meetings.get(d, 0),
        )
        for d, name, _council in _districts(s)
    ]


def _matrix(s: Session, period: Period) -> IssueMatrixDTO:
    counts = {
        (d, c): int(n)
        for d, c, n in s.execute(
            select(RegionalIssue.district_id, RegionalIssue.category_id, func.count(RegionalIssue.id))
            .where(_issue_on_table(period))
            .group_by(RegionalIssue.district_id, RegionalIssue.category_id)
        )
    }
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


# --- district sections ---------------------------------------------------------------------------


def _meeting_title(fy: int, number: int, body: str) -> str:
    return f"{fiscal_year_label(fy)} 第{number}回 {body}"


def _sections(s: Session, period: Period, as_of: date, today: date) -> list[DistrictSectionDTO]:
    new_issues: dict[int, list[NewIssueDTO]] = defaultdict(list)
    for row in s.execute(
        select(
            RegionalIssue.district_id,
            RegionalIssue.id,
            RegionalIssue.title,
            IssueCategory.name,
            RegionalIssue.status,
            RegionalIssue.raised_on,
            RegionalIssue.shared_with_liaison,
        )
        .join(IssueCategory, IssueCategory.id == RegionalIssue.category_id)
        .where(RegionalIssue.raised_on.between(period.start, period.end))
        .order_by(RegionalIssue.raised_on, RegionalIssue.id)
    ):
        d, iid, title, category, status, raised_on, shared = row
        new_issues[d].append(NewIssueDTO(iid, title, category, IssueStatus(status), raised_on, bool(shared)))

    milestones = {
        pid: (int(done or 0), int(total))
        for pid, done, total in s.execute(
            # COUNT(column) counts the rows where it is set: the milestones done.
            select(Milestone.project_id, func.count(Milestone.done_on), func.count(Milestone.id))
            .join(CollaborativeProject, CollaborativeProject.id == Milestone.project_id)
            .where(_project_in_period(period))
            .group_by(Milestone.project_id)
        )
    }
    activities = {
        pid: (int(n), int(people or 0))
        for pid, n, people in s.execute(
            select(
                ActivityRecord.project_id,
                func.count(ActivityRecord.id),
                func.sum(ActivityRecord.participants),
            )
            .where(ActivityRecord.held_on.between(period.start, period.end))
            .group_by(ActivityRecord.project_id)
        )
    }
    status_rank = {st.value: i for i, st in enumerate(ProjectStatus)}
    projects: dict[int, list[ProjectProgressDTO]] = defaultdict(list)
    for p in s.execute(
        select(
            CollaborativeProject.district_id,
            CollaborativeProject.id,
            CollaborativeProject.title,
            CollaborativeProject.kind,
            CollaborativeProject.status,
            CollaborativeProject.start_on,
            CollaborativeProject.end_on,
        ).where(_project_in_period(period))
    ):
        d, pid, title, kind, status, start_on, end_on = p
        done, total = milestones.get(pid, (0, 0))
        count, participants = activities.get(pid, (0, 0))
        projects[d].append(
            ProjectProgressDTO(
                pid,
                title,
                ProjectKind(kind),
                ProjectStatus(status),
                start_on,
                end_on,
                done,
                total,
                count,
                participants,
            )
        )
    for items in projects.values():
        items.sort(key=lambda x: (status_rank[x.status.value], x.start_on or date.max, x.id))

    decisions: dict[int | None, list[DecisionDTO]] = defaultdict(list)
    for body_district, mid, fy, number, body, held_on, text in s.execute(
        select(
            MeetingBody.district_id,
            Meeting.id,
            Meeting.fiscal_year,
            Meeting.number,
            MeetingBody.name,
            Meeting.held_on,
            Decision.text,
        )
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(MeetingBody.district_id.is_not(None), Meeting.held_on.between(period.start, as_of))
        .order_by(Meeting.held_on, Meeting.id, Decision.position, Decision.id)
    ):
        decisions[body_district].append(DecisionDTO(mid, _meeting_title(fy, number, body), held_on, text))

    actions: dict[int | None, list[OpenActionDTO]] = defaultdict(list)
    for body_district, aid, content, assignee, due_on, fy, number, body in s.execute(
        select(
            MeetingBody.district_id,
            ActionItem.id,
            ActionItem.content,
            ActionItem.assignee,
            ActionItem.due_on,
            Meeting.fiscal_year,
            Meeting.number,
            MeetingBody.name,
        )
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(
            MeetingBody.district_id.is_not(None),
            ActionItem.status == ActionStatus.OPEN.value,
            Meeting.held_on <= as_of,
        )
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, Meeting.held_on, ActionItem.id)
    ):
        overdue = due_on is not None and due_on < today
        actions[body_district].append(
            OpenActionDTO(aid, content, assignee, due_on, _meeting_title(fy, number, body), overdue)
        )

    return [
        DistrictSectionDTO(
            district_id=d,
            name=name,
            council_name=council,
            new_issues=tuple(new_issues.get(d, ())),
            projects=tuple(projects.get(d, ())),
            decisions=tuple(decisions.get(d, ())),
            open_actions=tuple(actions.get(d, ())),
        )
        for d, name, council in _districts(s)
    ]


def _shared(s: Session, period: Period) -> list[SharedIssueDTO]:
    rows = s.execute(
        select(
            RegionalIssue.id,
            District.name,
            IssueCategory.name,
            RegionalIssue.title,
            RegionalIssue.description,
            RegionalIssue.status,
            RegionalIssue.raised_on,
        )
        .join(District, District.id == RegionalIssue.district_id)
        .join(IssueCategory, IssueCategory.id == RegionalIssue.category_id)
        .where(RegionalIssue.shared_with_liaison.is_(True), _issue_on_table(period))
        .order_by(District.display_order, District.id, RegionalIssue.raised_on, RegionalIssue.id)
    )
    return [
        SharedIssueDTO(iid, district, category, title, description, IssueStatus(status), raised_on)
        for iid, district, category, title, description, status, raised_on in rows
    ]


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


def liaison_summary(db: Database, period: Period, today: date | None = None) -> LiaisonSummaryDTO:
    """Everything the 連絡会 summary prints for ``period``, counted as of ``today``."""
    today = today or date.today()
    as_of = period.as_of(today)
    with db.reading() as s:
        rows = _rows(s, period, as_of)
        matrix = _matrix(s, period)
        sections = _sections(s, period, as_of, today)
        shared = _shared(s, period)
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
        indicators=tuple(indicator_table(db, years, today=today)),
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
