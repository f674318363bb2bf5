"""One section per district of the 連絡会 summary: new issues, project progress, decisions, open action items.

Every list is cut to the first ``limit`` items per district (``row_number()`` over the district) and
carries its full count, so a district with hundreds of records prints its most telling ones and 「ほか N件」,
and a town of 100 districts reads in one pass per list rather than a query per district. The items past the
limit are read too, up to ``read`` per district (``more_*``), for the annex at the end of the printed
summary. The counts are read first (``section_totals``) so that the caller can size the annex
(``annex_share``) before any item is read: a paper a meeting can hold, at any size of town.
Order within a list: new issues by 優先度 then date; projects by stage; the latest decisions; open action
items by due date (overdue first).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from sakae_council.db.models import (
    ActionItem,
    ActivityRecord,
    CollaborativeProject,
    Decision,
    IssueCategory,
    Meeting,
    MeetingBody,
    Milestone,
    RegionalIssue,
)
from sakae_council.domain.enums import ActionStatus, IssueStatus, Priority, ProjectKind, ProjectStatus
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services.dashboard import table_order

#: Items of each list printed per district (the rest are counted: 「ほか N件」). The 連絡会 reads every district
#: on paper, so each shows its five most telling items; the full lists are on the screens.
SECTION_LIMIT = 5
#: The annex lists at most this many items in all (about a dozen pages): what a town's annex holds, whatever
#: the number of districts and records. The town's own annex (6 districts) fits whole.
ANNEX_ROWS = 300
#: A share of the annex under this many items per list is no use to a reader: the annex is left out.
ANNEX_MIN = 3


@dataclass(frozen=True)
class NewIssueDTO:
    id: int
    title: str
    category: str
    status: IssueStatus
    priority: Priority
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
    #: Full counts (the tuples above hold at most the limit).
    new_issue_total: int = 0
    project_total: int = 0
    decision_total: int = 0
    open_action_total: int = 0
    overdue_action_total: int = 0
    #: The items past the limit, in the same order: those the annex lists (all of them, or its share).
    more_new_issues: tuple[NewIssueDTO, ...] = ()
    more_projects: tuple[ProjectProgressDTO, ...] = ()
    more_decisions: tuple[DecisionDTO, ...] = ()
    more_open_actions: tuple[OpenActionDTO, ...] = ()

    def lists(self) -> tuple[tuple[str, int, int, int], ...]:
        """(list, total, shown in the section, listed in the annex) of each list, in the order printed."""
        return (
            ("issues", self.new_issue_total, len(self.new_issues), len(self.more_new_issues)),
            ("projects", self.project_total, len(self.projects), len(self.more_projects)),
            ("decisions", self.decision_total, len(self.decisions), len(self.more_decisions)),
            ("actions", self.open_action_total, len(self.open_actions), len(self.more_open_actions)),
        )

    @property
    def is_empty(self) -> bool:
        return not (
            self.new_issue_total or self.project_total or self.decision_total or self.open_action_total
        )


@dataclass(frozen=True)
class SectionTotals:
    """The full count of each list per district id (open action items: with those overdue)."""

    new_issues: dict[int, int]
    projects: dict[int, int]
    decisions: dict[int, int]
    actions: dict[int, tuple[int, int]]

    def overflows(self, districts: Iterable[int], limit: int) -> list[int]:
        """How many items of each list of ``districts`` the sections cut (the annex's candidates)."""
        out: list[int] = []
        for d in districts:
            counts = (
                self.new_issues.get(d, 0),
                self.projects.get(d, 0),
                self.decisions.get(d, 0),
                self.actions.get(d, (0, 0))[0],
            )
            out += [n - limit for n in counts if n > limit]
        return out


def annex_share(overflows: Iterable[int], budget: int = ANNEX_ROWS, minimum: int = ANNEX_MIN) -> int | None:
    """Items past the section each list of each district may add to the annex, so that it lists at most
    ``budget`` in all: None when every one fits; else the largest even share (a shorter list keeps all of
    its own, the rest is shared by the longer ones); 0 when that share is under ``minimum``."""
    counts = sorted(n for n in overflows if n > 0)
    used = 0
    for k, n in enumerate(counts):
        left = len(counts) - k
        if used + n * left > budget:
            share = (budget - used) // left
            return share if share >= minimum else 0
        used += n
    return None


def project_in_period(start: date, end: date) -> ColumnElement[bool]:
    """Projects whose span overlaps start..end, and those without a start date (still being planned)."""
    p = CollaborativeProject
    return or_(p.start_on.is_(None), and_(p.start_on <= end, or_(p.end_on.is_(None), p.end_on >= start)))


def meeting_title(fy: int, number: int, body: str) -> str:
    """令和8年度 第3回 ○○小学校区地域まちづくり協議会."""
    return f"{fiscal_year_label(fy)} 第{number}回 {body}"


def _cut(s: Session, inner: Any, limit: int | None) -> list[Any]:
    """Rows of the ranked subquery ``inner`` by district and rank: the first ``limit`` of each district, or
    all of them (``None``)."""
    stmt = select(inner)
    if limit is not None:
        stmt = stmt.where(inner.c.rank <= limit)
    return list(s.execute(stmt.order_by(inner.c.district_id, inner.c.rank)))


def _ranked(columns: list[Any], district: Any, order: list[Any]) -> list[Any]:
    """``columns`` plus the row's place within its district (``rank``), for a subquery cut at the limit."""
    key = table_order(district, "district_key")  # sort the rows found, not walk an index on the district
    return [*columns, func.row_number().over(partition_by=key, order_by=order).label("rank")]


def _new_issues(s: Session, start: date, end: date, limit: int | None) -> dict[int, list[NewIssueDTO]]:
    i = RegionalIssue
    priority = case({p.value: n for n, p in enumerate(Priority)}, value=i.priority, else_=len(Priority))
    inner = (
        select(
            *_ranked(
                [
                    i.district_id,
                    i.id,
                    i.title,
                    IssueCategory.name.label("category"),
                    i.status,
                    i.priority,
                    i.raised_on,
                    i.shared_with_liaison,
                ],
                i.district_id,
                [priority, i.raised_on, i.id],
            )
        )
        .join(IssueCategory, IssueCategory.id == i.category_id)
        .where(i.raised_on.between(start, end))
        .subquery()
    )
    out: dict[int, list[NewIssueDTO]] = defaultdict(list)
    for row in _cut(s, inner, limit):
        out[row.district_id].append(
            NewIssueDTO(
                row.id,
                row.title,
                row.category,
                IssueStatus(row.status),
                Priority(row.priority),
                row.raised_on,
                bool(row.shared_with_liaison),
            )
        )
    return out


def _projects(
    s: Session, start: date, end: date, limit: int, read: int | None
) -> dict[int, list[ProjectProgressDTO]]:
    """Projects of each district by stage: the first ``read`` (all if None); the first ``limit`` of them with
    their milestones and activities (the annex lists the rest by name and stage)."""
    p = CollaborativeProject
    stage = case(
        {st.value: n for n, st in enumerate(ProjectStatus)}, value=p.status, else_=len(ProjectStatus)
    )
    inner = (
        select(
            *_ranked(
                [p.district_id, p.id, p.title, p.kind, p.status, p.start_on, p.end_on],
                p.district_id,
                [stage, p.start_on, p.id],
            )
        )
        .where(project_in_period(start, end))
        .subquery()
    )
    rows = _cut(s, inner, read)
    ids = [r.id for r in rows if r.rank <= limit]
    milestones: dict[int, tuple[int, int]] = {}
    activities: dict[int, tuple[int, int]] = {}
    if ids:
        # COUNT(column) counts the rows where it is set: the milestones done.
        for pid, done, total in s.execute(
            select(Milestone.project_id, func.count(Milestone.done_on), func.count(Milestone.id))
            .where(Milestone.project_id.in_(ids))
            .group_by(Milestone.project_id)
        ):
            milestones[pid] = (int(done or 0), int(total))
        for pid, n, people in s.execute(
            select(
                ActivityRecord.project_id,
                func.count(ActivityRecord.id),
                func.sum(ActivityRecord.participants),
            )
            .where(ActivityRecord.project_id.in_(ids), ActivityRecord.held_on.between(start, end))
            .group_by(ActivityRecord.project_id)
        ):
            activities[pid] = (int(n), int(people or 0))
    out: dict[int, list[ProjectProgressDTO]] = defaultdict(list)
    for r in rows:
        done, total = milestones.get(r.id, (0, 0))
        count, participants = activities.get(r.id, (0, 0))
        out[r.district_id].append(
            ProjectProgressDTO(
                r.id,
                r.title,
                ProjectKind(r.kind),
                ProjectStatus(r.status),
                r.start_on,
                r.end_on,
                done,
                total,
                count,
                participants,
            )
        )
    return out


def _project_totals(s: Session, start: date, end: date) -> dict[int, int]:
    p = CollaborativeProject
    return {
        d: int(n)
        for d, n in s.execute(
            select(table_order(p.district_id, "district"), func.count(p.id))
            .where(project_in_period(start, end))
            .group_by("district")
        )
    }


def _decisions(
    s: Session, start: date, as_of: date, limit: int, read: int | None
) -> dict[int, list[DecisionDTO]]:
    """The latest ``limit`` decisions of each district in date order, then (up to ``read``, all if None)
    the older ones, in date order too."""
    where = _decision_where(start, as_of)
    inner = (
        select(
            *_ranked(
                [
                    MeetingBody.district_id,
                    Meeting.id.label("meeting_id"),
                    Meeting.fiscal_year,
                    Meeting.number,
                    MeetingBody.name.label("body"),
                    Meeting.held_on,
                    Decision.text,
                    Decision.position,
                    Decision.id.label("decision_id"),
                ],
                MeetingBody.district_id,
                [Meeting.held_on.desc(), Meeting.id.desc(), Decision.position, Decision.id],  # the latest
            )
        )
        .join(Meeting, Meeting.id == Decision.meeting_id)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(*where)
        .subquery()
    )
    out: dict[int, list[DecisionDTO]] = defaultdict(list)
    rows = sorted(
        _cut(s, inner, read),
        key=lambda r: (r.district_id, r.rank > limit, r.held_on, r.meeting_id, r.position, r.decision_id),
    )
    for r in rows:
        out[r.district_id].append(
            DecisionDTO(r.meeting_id, meeting_title(r.fiscal_year, r.number, r.body), r.held_on, r.text)
        )
    return out


def _decision_where(start: date, as_of: date) -> list[ColumnElement[bool]]:
    return [MeetingBody.district_id.is_not(None), Meeting.held_on.between(start, as_of)]


def _decision_totals(s: Session, start: date, as_of: date) -> dict[int, int]:
    return {
        d: int(n)
        for d, n in s.execute(
            select(MeetingBody.district_id, func.count(Decision.id))
            .join(Meeting, Meeting.id == Decision.meeting_id)
            .join(MeetingBody, MeetingBody.id == Meeting.body_id)
            .where(*_decision_where(start, as_of))
            .group_by(MeetingBody.district_id)
        )
        if d is not None
    }


def _action_where(as_of: date) -> list[ColumnElement[bool]]:
    return [
        MeetingBody.district_id.is_not(None),
        ActionItem.status == ActionStatus.OPEN.value,
        Meeting.held_on <= as_of,
    ]


def _actions(s: Session, as_of: date, today: date, limit: int | None) -> dict[int, list[OpenActionDTO]]:
    where = _action_where(as_of)
    no_due = case((ActionItem.due_on.is_(None), 1), else_=0)
    inner = (
        select(
            *_ranked(
                [
                    MeetingBody.district_id,
                    ActionItem.id,
                    ActionItem.content,
                    ActionItem.assignee,
                    ActionItem.due_on,
                    Meeting.fiscal_year,
                    Meeting.number,
                    MeetingBody.name.label("body"),
                    Meeting.held_on,
                ],
                MeetingBody.district_id,
                [no_due, ActionItem.due_on, Meeting.held_on, ActionItem.id],
            )
        )
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(*where)
        .subquery()
    )
    out: dict[int, list[OpenActionDTO]] = defaultdict(list)
    for r in _cut(s, inner, limit):
        overdue = r.due_on is not None and r.due_on < today
        out[r.district_id].append(
            OpenActionDTO(
                r.id, r.content, r.assignee, r.due_on, meeting_title(r.fiscal_year, r.number, r.body), overdue
            )
        )
    return out


def _action_totals(s: Session, as_of: date, today: date) -> dict[int, tuple[int, int]]:
    """Open action items per district, and how many of them are overdue."""
    late = case((and_(ActionItem.due_on.is_not(None), ActionItem.due_on < today), 1), else_=0)
    return {
        d: (int(n), int(overdue or 0))
        for d, n, overdue in s.execute(
            select(MeetingBody.district_id, func.count(ActionItem.id), func.sum(late))
            .join(Meeting, Meeting.id == ActionItem.meeting_id)
            .join(MeetingBody, MeetingBody.id == Meeting.body_id)
            .where(*_action_where(as_of))
            .group_by(MeetingBody.district_id)
        )
        if d is not None
    }


def section_totals(
    s: Session, start: date, end: date, as_of: date, today: date, raised: dict[int, int]
) -> SectionTotals:
    """The full count of every list of every district (``raised`` counts the new issues)."""
    return SectionTotals(
        new_issues=raised,
        projects=_project_totals(s, start, end),
        decisions=_decision_totals(s, start, as_of),
        actions=_action_totals(s, as_of, today),
    )


def district_sections(
    s: Session,
    districts: list[tuple[int, str, str]],
    start: date,
    end: date,
    as_of: date,
    today: date,
    totals: SectionTotals,
    *,
    limit: int = SECTION_LIMIT,
    read: int | None = SECTION_LIMIT,
) -> list[DistrictSectionDTO]:
    """The sections of ``districts`` (id, name, council name) for start..end: the first ``limit`` items of
    each list, and those after them up to the ``read``-th for the annex (``more_*``; None: all of them)."""
    new_issues = _new_issues(s, start, end, read)
    projects = _projects(s, start, end, limit, read)
    decisions = _decisions(s, start, as_of, limit, read)
    actions = _actions(s, as_of, today, read)
    return [
        DistrictSectionDTO(
            district_id=d,
            name=name,
            council_name=council,
            new_issues=tuple(new_issues.get(d, [])[:limit]),
            projects=tuple(projects.get(d, [])[:limit]),
            decisions=tuple(decisions.get(d, [])[:limit]),
            open_actions=tuple(actions.get(d, [])[:limit]),
            more_new_issues=tuple(new_issues.get(d, [])[limit:]),
            more_projects=tuple(projects.get(d, [])[limit:]),
            more_decisions=tuple(decisions.get(d, [])[limit:]),
            more_open_actions=tuple(actions.get(d, [])[limit:]),
            new_issue_total=totals.new_issues.get(d, 0),
            project_total=totals.projects.get(d, 0),
            decision_total=totals.decisions.get(d, 0),
            open_action_total=totals.actions.get(d, (0, 0))[0],
            overdue_action_total=totals.actions.get(d, (0, 0))[1],
        )
        for d, name, council in districts
    ]
