"""引継ぎ資料 — what incoming officers of a council need to run it, read from the records in one go.

Officers and their contacts, the partner organisations and their 役割分担, open issues with their
history, active projects (milestones, partners), grants with their next step, equipment on loan, 宿題 not
done, the last three meetings' minutes, the books' balances (:func:`books_part`), the 年度's calendar and
the manual's chapters for coordinators.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import ActionItem, Meeting, MeetingBody
from sakae_council.domain.enums import ActionStatus, GrantStatus, IssueStatus, OfficerPost, ProjectStatus
from sakae_council.domain.wareki import fiscal_year, fiscal_year_range, to_wareki
from sakae_council.services import (
    districts,
    equipment_loans,
    grants,
    issues,
    manual,
    meetings,
    organisations,
    seats,
)
from sakae_council.services import people as roster
from sakae_council.services import projects as project_service
from sakae_council.services.equipment_loans import LoanDTO
from sakae_council.services.manual import ManualSectionDTO
from sakae_council.services.meetings import MeetingDetailDTO

#: Manual chapters whose title holds one of these words are the coordinators' (役割分担, 事業の流れ,
#: 会議の準備と議事録, 個人情報の取り扱い): the handover prints them whole.
COORDINATOR_CHAPTER_WORDS = ("役割分担", "事業", "会議", "個人情報")
ACTIVE_PROJECT_STATUSES = frozenset(
    {ProjectStatus.IDEA, ProjectStatus.APPLYING, ProjectStatus.GRANTED, ProjectStatus.RUNNING}
)
#: What a grant at each stage waits for next.
GRANT_NEXT_STEP = {
    GrantStatus.APPLIED: "審査を待つ",
    GrantStatus.REVIEWING: "交付決定を待つ",
    GrantStatus.AWARDED: "年度末までに実績報告を出す",
    GrantStatus.REPORTED: "額の確定を待つ",
}


@dataclass(frozen=True)
class OfficerContact:
    post: OfficerPost
    name: str
    role_text: str
    term_end: date | None
    phone: str
    email: str
    postal_code: str
    address: str


@dataclass(frozen=True)
class PartnerRoles:
    """A partner organisation (or person) and its shares of the council's projects."""

    name: str
    kind: str
    contact: str
    phone: str
    roles: tuple[tuple[str, str], ...]  # (project, 役割)


@dataclass(frozen=True)
class IssueHistory:
    title: str
    category: str
    status: IssueStatus
    priority: str
    raised_on: date
    description: str
    history: tuple[tuple[date, str, str], ...]  # (date, 提起→検討中, comment)


@dataclass(frozen=True)
class ActiveProject:
    title: str
    status: ProjectStatus
    purpose: str
    start_on: date | None
    end_on: date | None
    lead: str
    partners: tuple[tuple[str, str], ...]
    milestones: tuple[tuple[str, date | None, int, date | None], ...]  # title, due, progress %, done


@dataclass(frozen=True)
class GrantNext:
    project: str
    scheme: str
    fiscal_year: int
    status: GrantStatus
    amount: int
    next_step: str
    by: date | None


@dataclass(frozen=True)
class OpenAction:
    content: str
    assignee: str
    due_on: date | None
    meeting: str
    overdue: bool


@dataclass(frozen=True)
class CalendarEntry:
    held_on: date
    title: str
    place: str
    held: bool


@dataclass(frozen=True)
class HandoverDocument:
    """Everything the handover pack prints."""

    district_name: str
    council_name: str
    made_on: date
    fiscal_year: int
    officers: tuple[OfficerContact, ...]
    partners: tuple[PartnerRoles, ...]
    open_issues: tuple[IssueHistory, ...]
    projects: tuple[ActiveProject, ...]
    grants: tuple[GrantNext, ...]
    loans: tuple[LoanDTO, ...]
    actions: tuple[OpenAction, ...]
    minutes: tuple[MeetingDetailDTO, ...]
    #: The books' balances in the pack's text format; None while no books are kept (see books_part).
    balances: str | None
    calendar: tuple[CalendarEntry, ...]
    chapters: tuple[ManualSectionDTO, ...]

    def texts(self) -> list[str]:
        """User text printed (for the missing-glyph check)."""
        out = [self.council_name]
        out += [x for o in self.officers for x in (o.name, o.address)]
        out += (
            [p.name for p in self.partners]
            + [i.title for i in self.open_issues]
            + [p.title for p in self.projects]
        )
        out += [a.content for a in self.actions]
        return out


def books_part(db: Database, district_id: int, on: date) -> str | None:
    """The books' balances and the 科目 used, in the pack's text format; None while the council keeps
    no books in the program (the pack then prints 「会計の資料は未作成」)."""
    from sakae_council.services import books_text

    return books_text.balances_text(db, district_id, on)


def _officers(db: Database, district_id: int, today: date) -> list[OfficerContact]:
    out = []
    for seat in seats.seats_on(db, district_id, today, officers_only=True):
        p = roster.get_person(db, seat.person_id)
        out.append(
            OfficerContact(
                seat.officer_post,
                p.name,
                seat.role_text,
                seat.term_end,
                p.phone,
                p.email,
                p.postal_code,
                p.address,
            )
        )
    return out


def _projects(db: Database, district_id: int) -> list[project_service.ProjectDetailDTO]:
    flt = project_service.ProjectFilter(district_id=district_id, sort="start", descending=False)
    return [project_service.get_project(db, p.id) for p in project_service.list_projects(db, flt)]


def _partners(
    db: Database, district_id: int, details: list[project_service.ProjectDetailDTO]
) -> list[PartnerRoles]:
    roles: dict[str, list[tuple[str, str]]] = {}
    for d in details:
        if d.project.status not in ACTIVE_PROJECT_STATUSES:
            continue
        for p in d.partners:
            roles.setdefault(p.name, []).append((d.project.title, p.role_description))
    out = []
    seen = set()
    for o in organisations.list_organisations(db, district_id=district_id):
        seen.add(o.name)
        out.append(
            PartnerRoles(o.name, o.kind.label, o.contact_person_name, o.phone, tuple(roles.get(o.name, ())))
        )
    for name, shares in roles.items():
        if name not in seen:
            out.append(PartnerRoles(name, "", "", "", tuple(shares)))
    return out


def _issues(db: Database, district_id: int) -> list[IssueHistory]:
    out = []
    for i in issues.list_issues(
        db, issues.IssueFilter(district_id=district_id, open_only=True, descending=False)
    ):
        history = tuple(
            (
                h.changed_on,
                f"{h.from_status.label}→{h.to_status.label}" if h.from_status else h.to_status.label,
                h.comment,
            )
            for h in issues.get_issue_history(db, i.id)
        )
        out.append(
            IssueHistory(
                i.title, i.category_name, i.status, i.priority.label, i.raised_on, i.description, history
            )
        )
    return out


def _active(details: list[project_service.ProjectDetailDTO]) -> list[ActiveProject]:
    return [
        ActiveProject(
            d.project.title,
            d.project.status,
            d.project.purpose,
            d.project.start_on,
            d.project.end_on,
            d.lead_organisation_name,
            tuple((p.name, p.role_description) for p in d.partners),
            tuple((m.title, m.due_on, m.progress, m.done_on) for m in d.milestones),
        )
        for d in details
        if d.project.status in ACTIVE_PROJECT_STATUSES
    ]


def _grants(db: Database, district_id: int) -> list[GrantNext]:
    out = []
    for g in grants.list_grants(db, district_id=district_id):
        step = GRANT_NEXT_STEP.get(g.status)
        if step is None:
            continue
        by = fiscal_year_range(g.fiscal_year)[1] if g.status is GrantStatus.AWARDED else None
        amount = g.amount_granted if g.amount_granted is not None else g.amount_requested
        out.append(GrantNext(g.project_title, g.scheme, g.fiscal_year, g.status, amount, step, by))
    return sorted(out, key=lambda g: (g.by is None, g.by or date.max, g.project))


def _actions(db: Database, district_id: int, today: date) -> list[OpenAction]:
    stmt = (
        select(ActionItem, Meeting, MeetingBody.name)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(MeetingBody.district_id == district_id, ActionItem.status == ActionStatus.OPEN.value)
        .order_by(ActionItem.due_on.is_(None), ActionItem.due_on, Meeting.held_on, ActionItem.id)
    )
    with db.reading() as s:
        return [
            OpenAction(
                a.content,
                a.assignee,
                a.due_on,
                f"{to_wareki(m.held_on)} 第{m.number}回 {body}",
                a.due_on is not None and a.due_on < today,
            )
            for a, m, body in s.execute(stmt)
        ]


def collect_handover(db: Database, district_id: int, *, today: date | None = None) -> HandoverDocument:
    """Read everything the handover pack prints for a council, as of ``today``."""
    today = today or date.today()
    d = districts.get_district(db, district_id)
    fy = fiscal_year(today)
    details = _projects(db, district_id)
    all_meetings = meetings.list_meetings(db, district_id=district_id, fiscal_year=fy)
    held = [m for m in meetings.list_meetings(db, district_id=district_id) if m.held_on <= today]
    last_three = [meetings.get_meeting(db, m.id) for m in held[:3]]
    tree = manual.list_tree(db)
    return HandoverDocument(
        district_name=d.name,
        council_name=d.council_name or d.name,
        made_on=today,
        fiscal_year=fy,
        officers=tuple(_officers(db, district_id, today)),
        partners=tuple(_partners(db, district_id, details)),
        open_issues=tuple(_issues(db, district_id)),
        projects=tuple(_active(details)),
        grants=tuple(_grants(db, district_id)),
        loans=tuple(equipment_loans.list_loans(db, district_id=district_id, today=today, active_only=True)),
        actions=tuple(_actions(db, district_id, today)),
        minutes=tuple(last_three),
        balances=books_part(db, district_id, today),
        calendar=tuple(
            CalendarEntry(m.held_on, f"{m.number_label} {m.body_name}", m.place, m.held_on <= today)
            for m in sorted(all_meetings, key=lambda m: (m.held_on, m.number))
        ),
        chapters=tuple(c for c in tree if any(w in c.title for w in COORDINATOR_CHAPTER_WORDS)),
    )
