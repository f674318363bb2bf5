"""What the records say for a council's 総会議案書 of one 年度: the year's projects with their activities and
検証, the meetings held, the issues resolved, the terms ending and the officers from the changeover, the
projects carried into the next year and the open issues no project answers yet."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueStatus, OfficerPost, ProjectStatus
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.services import districts, issues, meetings, projects, seats
from sakae_council.services.seats import SeatDTO

#: Projects at these stages are carried into the next year's 事業計画（案）.
PLANNED_STATUSES = frozenset(
    {ProjectStatus.IDEA, ProjectStatus.APPLYING, ProjectStatus.GRANTED, ProjectStatus.RUNNING}
)


@dataclass(frozen=True)
class ProjectReport:
    """One project's year for 第1号議案."""

    title: str
    status: ProjectStatus
    activities: tuple[tuple[date, str, int], ...]
    participants: int
    volunteer_hours: int
    achievements: str
    issues_found: str
    next_steps: str


@dataclass(frozen=True)
class MeetingHeld:
    label: str
    held_on: date
    place: str
    agenda: tuple[str, ...]


@dataclass(frozen=True)
class PlannedProject:
    title: str
    status: ProjectStatus
    purpose: str
    start_on: date | None
    end_on: date | None
    issues: tuple[str, ...]


@dataclass(frozen=True)
class PackFacts:
    """What the records say for the pack (the generated texts are made from this)."""

    district_id: int
    district_name: str
    council_name: str
    fiscal_year: int
    projects: tuple[ProjectReport, ...]
    meetings: tuple[MeetingHeld, ...]
    resolved_issues: tuple[tuple[str, date], ...]
    ending: tuple[SeatDTO, ...]
    proposed: tuple[SeatDTO, ...]
    planned: tuple[PlannedProject, ...]
    chair_name: str
    #: Open issues no project answers yet: what the next year might take up.
    open_issues: tuple[str, ...] = ()


def _in_year(d: date | None, first: date, last: date) -> bool:
    return d is not None and first <= d <= last


def _project_reports(db: Database, district_id: int, fy: int) -> list[ProjectReport]:
    first, last = fiscal_year_range(fy)
    out = []
    for p in projects.list_projects(
        db, projects.ProjectFilter(district_id=district_id, sort="start", descending=False)
    ):
        detail = projects.get_project(db, p.id)
        acts = [a for a in detail.activities if _in_year(a.held_on, first, last)]
        evaluation = next((e for e in detail.evaluations if e.fiscal_year == fy), None)
        if not acts and evaluation is None:
            continue
        out.append(
            ProjectReport(
                title=p.title,
                status=p.status,
                activities=tuple((a.held_on, a.title, a.participants) for a in acts),
                participants=sum(a.participants for a in acts),
                volunteer_hours=sum(a.volunteer_hours for a in acts),
                achievements=evaluation.achievements if evaluation else "",
                issues_found=evaluation.issues_found if evaluation else "",
                next_steps=evaluation.next_steps if evaluation else "",
            )
        )
    return out


def _meetings_held(db: Database, district_id: int, fy: int, today: date) -> list[MeetingHeld]:
    rows = meetings.list_meetings(db, fiscal_year=fy, district_id=district_id)
    out = []
    for m in sorted(rows, key=lambda m: (m.held_on, m.number)):
        if m.held_on > today:
            continue
        detail = meetings.get_meeting(db, m.id)
        out.append(
            MeetingHeld(
                label=f"{m.number_label} {m.body_name}",
                held_on=m.held_on,
                place=m.place,
                agenda=tuple(a.title for a in detail.agenda_items),
            )
        )
    return out


def _resolved_issues(db: Database, district_id: int, fy: int) -> list[tuple[str, date]]:
    first, last = fiscal_year_range(fy)
    out = []
    for i in issues.list_issues(db, issues.IssueFilter(district_id=district_id, status=IssueStatus.RESOLVED)):
        history = issues.get_issue_history(db, i.id)
        when = next((h.changed_on for h in reversed(history) if h.to_status is IssueStatus.RESOLVED), None)
        if _in_year(when, first, last):
            assert when is not None
            out.append((i.title, when))
    return sorted(out, key=lambda x: x[1])


def _planned(db: Database, district_id: int, fy: int) -> list[PlannedProject]:
    _first, last = fiscal_year_range(fy)
    out = []
    for p in projects.list_projects(
        db, projects.ProjectFilter(district_id=district_id, sort="start", descending=False)
    ):
        if p.status not in PLANNED_STATUSES or (p.end_on is not None and p.end_on <= last):
            continue
        detail = projects.get_project(db, p.id)
        out.append(
            PlannedProject(
                p.title, p.status, p.purpose, p.start_on, p.end_on, tuple(i.title for i in detail.issues)
            )
        )
    return out


def pack_facts(db: Database, district_id: int, fiscal_year: int, *, today: date | None = None) -> PackFacts:
    """The records the pack is made from (meetings held up to ``today``)."""
    today = today or date.today()
    d = districts.get_district(db, district_id)
    _first, last = fiscal_year_range(fiscal_year)
    next_start = last + timedelta(days=1)
    chair = seats.seats_on(db, district_id, min(today, last), officers_only=True)
    return PackFacts(
        district_id=district_id,
        district_name=d.name,
        council_name=d.council_name or d.name,
        fiscal_year=fiscal_year,
        projects=tuple(_project_reports(db, district_id, fiscal_year)),
        meetings=tuple(_meetings_held(db, district_id, fiscal_year, today)),
        resolved_issues=tuple(_resolved_issues(db, district_id, fiscal_year)),
        ending=tuple(seats.terms_ending(db, district_id, fiscal_year)),
        proposed=tuple(seats.seats_on(db, district_id, next_start, officers_only=True)),
        planned=tuple(_planned(db, district_id, fiscal_year)),
        open_issues=tuple(
            i.title
            for i in issues.list_issues(
                db, issues.IssueFilter(district_id=district_id, open_only=True, descending=False)
            )
            if not i.project_ids
        ),
        chair_name=next((s.name for s in chair if s.officer_post is OfficerPost.CHAIR), ""),
    )
