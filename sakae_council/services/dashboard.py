"""ダッシュボード: one card per 小学校区 — council, members by role, issues, projects, meetings, what is late.

Everything is counted in SQL with a handful of GROUP BY queries over all districts at once (never a query
per district or per row), so the first page opens quickly at 100 districts and 100,000 people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, literal_column, or_, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActionItem,
    CollaborativeProject,
    District,
    EquipmentLoan,
    Meeting,
    MeetingBody,
    Membership,
    Person,
    RegionalIssue,
)
from sakae_council.domain.council import NON_MEMBER_ROLES
from sakae_council.domain.enums import (
    OPEN_ISSUE_STATUSES,
    ActionStatus,
    BodyKind,
    CouncilStatus,
    IssueStatus,
    LoanStatus,
    MemberRole,
    MinutesStatus,
    OfficerPost,
    ProjectStatus,
)
from sakae_council.domain.wareki import fiscal_year_label


@dataclass(frozen=True)
class MeetingRefDTO:
    """A meeting as a card names it: 令和8年度 第3回 ○○協議会, its date and minutes status."""

    id: int
    body_name: str
    fiscal_year: int
    number: int
    held_on: date
    status: MinutesStatus

    @property
    def title(self) -> str:
        return f"{fiscal_year_label(self.fiscal_year)} 第{self.number}回 {self.body_name}"


@dataclass(frozen=True)
class DistrictCardDTO:
    """What the dashboard shows for one district."""

    district_id: int
    name: str
    council_name: str
    council_status: CouncilStatus
    established_on: date | None
    chair_name: str
    #: People with a running term (現任 or 満了間近) in the district, each counted once.
    member_count: int
    #: Running memberships per role, in the order of MemberRole; roles without members are left out.
    members_by_role: tuple[tuple[MemberRole, int], ...]
    open_issue_count: int
    issues_by_status: tuple[tuple[IssueStatus, int], ...]
    #: Projects per status, in the order of ProjectStatus; statuses without projects are left out.
    projects_by_status: tuple[tuple[ProjectStatus, int], ...]
    last_meeting: MeetingRefDTO | None
    next_meeting: MeetingRefDTO | None
    overdue_action_count: int
    overdue_loan_count: int

    @property
    def project_count(self) -> int:
        return sum(n for _, n in self.projects_by_status)

    def members_with_role(self, role: MemberRole) -> int:
        return dict(self.members_by_role).get(role, 0)

    def projects_with_status(self, status: ProjectStatus) -> int:
        return dict(self.projects_by_status).get(status, 0)

    @property
    def needs_attention(self) -> bool:
        """Something is late: an action item past its due date or equipment not returned in time."""
        return self.overdue_action_count > 0 or self.overdue_loan_count > 0


@dataclass(frozen=True)
class DashboardDTO:
    today: date
    cards: tuple[DistrictCardDTO, ...]
    #: The town-wide 連絡会's latest and next meetings (None when it has none).
    liaison_last: MeetingRefDTO | None
    liaison_next: MeetingRefDTO | None

    def card(self, district_id: int) -> DistrictCardDTO:
        for c in self.cards:
            if c.district_id == district_id:
                return c
        raise KeyError(district_id)


def table_order(column: Any, name: str) -> Any:
    """``column + 0`` under ``name``, for GROUP BY: SQLite then reads the table in order instead of walking an
    index on ``column`` row by row (several times slower at 100,000 rows); PostgreSQL is not affected. The
    0 is written literally, so SELECT and GROUP BY carry the very same expression."""
    return (column + literal_column("0")).label(name)


def running_membership(today: date) -> ColumnElement[bool]:
    """SQL form of term_status(...) in (現任, 満了間近) for a Membership row on ``today``."""
    m = Membership
    return and_(
        or_(m.ended_on.is_(None), m.ended_on > today),
        or_(m.term_end.is_(None), m.term_end >= today),
        or_(m.term_start.is_(None), m.term_start <= today),
    )


def _grouped(rows: object) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for district_id, key, n in rows:  # type: ignore[attr-defined]
        out[district_id][key] = int(n)
    return out


def _in_order(counts: dict[str, int], enum: Iterable[Any]) -> tuple:
    return tuple((member, counts[member.value]) for member in enum if counts.get(member.value))


def _members(s: Session, today: date) -> tuple[dict[int, dict[str, int]], dict[int, int], dict[int, str]]:
    """Running memberships per district and role, distinct people per district, and the chairs' names.

    Two scans of the memberships in table order (see table_order).
    """
    running = [running_membership(today), Person.deleted_at.is_(None)]
    district = table_order(Membership.district_id, "district")
    chair = case((Membership.officer_post == OfficerPost.CHAIR.value, Membership.person_id))
    by_role: dict[int, dict[str, int]] = defaultdict(dict)
    chair_ids: dict[int, set[int]] = defaultdict(set)
    for d, role, n, first_chair, last_chair in s.execute(
        select(
            district,
            Membership.role,
            func.count(func.distinct(Membership.person_id)),
            func.min(chair),
            func.max(chair),
        )
        .join(Person, Person.id == Membership.person_id)
        .where(*running)
        .group_by(district, Membership.role)
    ):
        by_role[d][role] = int(n)
        chair_ids[d].update(x for x in (first_chair, last_chair) if x is not None)
    return by_role, member_totals(s, today), _chair_names(s, chair_ids)


def member_totals(s: Session, day: date) -> dict[int, int]:
    """委員 per district on ``day``: people with a running member seat (domain.council: 地区担当職員 are not
    委員), each counted once (in table order, see _members)."""
    district = table_order(Membership.district_id, "district")
    return {
        d: int(n)
        for d, n in s.execute(
            select(district, func.count(func.distinct(Membership.person_id)))
            .join(Person, Person.id == Membership.person_id)
            .where(
                running_membership(day),
                Person.deleted_at.is_(None),
                Membership.role.not_in([r.value for r in NON_MEMBER_ROLES]),
            )
            .group_by(district)
        )
    }


def _chair_names(s: Session, chair_ids: dict[int, set[int]]) -> dict[int, str]:
    wanted = {pid for ids in chair_ids.values() for pid in ids}
    if not wanted:
        return {}
    names = {
        pid: name
        for pid, name in s.execute(
            select(Person.id, Person.name).where(Person.id.in_(wanted)).order_by(Person.kana_key, Person.id)
        )
    }
    order = list(names)
    return {
        d: "・".join(names[pid] for pid in sorted(ids, key=order.index) if pid in names)
        for d, ids in chair_ids.items()
    }


def _meetings(s: Session, today: date, *, upcoming: bool) -> dict[int | None, MeetingRefDTO]:
    """Per district (None: the 連絡会), the latest meeting before ``today`` or the first from ``today`` on."""
    order = (
        (Meeting.held_on.asc(), Meeting.id.asc()) if upcoming else (Meeting.held_on.desc(), Meeting.id.desc())
    )
    when = Meeting.held_on >= today if upcoming else Meeting.held_on < today
    # The liaison body has no district; key it apart so its meetings never mix with a district's.
    group_key = func.coalesce(MeetingBody.district_id, -1)
    ranked = (
        select(
            Meeting.id.label("meeting_id"),
            func.row_number().over(partition_by=group_key, order_by=order).label("rank"),
        )
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(when, or_(MeetingBody.district_id.is_not(None), MeetingBody.kind == BodyKind.LIAISON.value))
        .subquery()
    )
    rows = s.execute(
        select(
            MeetingBody.district_id,
            Meeting.id,
            MeetingBody.name,
            Meeting.fiscal_year,
            Meeting.number,
            Meeting.held_on,
            Meeting.status,
        )
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .join(ranked, ranked.c.meeting_id == Meeting.id)
        .where(ranked.c.rank == 1)
    )
    return {
        district_id: MeetingRefDTO(mid, body, fy, number, held_on, MinutesStatus(status))
        for district_id, mid, body, fy, number, held_on, status in rows
    }


def _overdue_actions(s: Session, today: date) -> dict[int | None, int]:
    rows = s.execute(
        select(MeetingBody.district_id, func.count(ActionItem.id))
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(
            ActionItem.status == ActionStatus.OPEN.value,
            ActionItem.due_on < today,
            MeetingBody.district_id.is_not(None),
        )
        .group_by(MeetingBody.district_id)
    )
    return {d: int(n) for d, n in rows}


def _overdue_loans(s: Session, today: date) -> dict[int | None, int]:
    rows = s.execute(
        select(EquipmentLoan.district_id, func.count(EquipmentLoan.id))
        .where(
            EquipmentLoan.status == LoanStatus.LENT.value,
            EquipmentLoan.due_on < today,
            EquipmentLoan.district_id.is_not(None),
        )
        .group_by(EquipmentLoan.district_id)
    )
    return {d: int(n) for d, n in rows}


def dashboard(db: Database, today: date | None = None) -> DashboardDTO:
    """The cards of every active district in display order, counted as of ``today``."""
    today = today or date.today()
    open_statuses = {st.value for st in OPEN_ISSUE_STATUSES}
    with db.reading() as s:
        districts = list(
            s.execute(
                select(
                    District.id,
                    District.name,
                    District.council_name,
                    District.council_status,
                    District.established_on,
                )
                .where(District.active.is_(True))
                .order_by(District.display_order, District.id)
            )
        )
        by_role, member_totals, chairs = _members(s, today)
        issues = _grouped(
            s.execute(
                select(
                    RegionalIssue.district_id, RegionalIssue.status, func.count(RegionalIssue.id)
                ).group_by(RegionalIssue.district_id, RegionalIssue.status)
            )
        )
        projects = _grouped(
            s.execute(
                select(
                    CollaborativeProject.district_id,
                    CollaborativeProject.status,
                    func.count(CollaborativeProject.id),
                ).group_by(CollaborativeProject.district_id, CollaborativeProject.status)
            )
        )
        last = _meetings(s, today, upcoming=False)
        upcoming = _meetings(s, today, upcoming=True)
        actions = _overdue_actions(s, today)
        loans = _overdue_loans(s, today)
    cards = []
    for did, name, council_name, council_status, established_on in districts:
        issue_counts = issues.get(did, {})
        cards.append(
            DistrictCardDTO(
                district_id=did,
                name=name,
                council_name=council_name,
                council_status=CouncilStatus(council_status),
                established_on=established_on,
                chair_name=chairs.get(did, ""),
                member_count=member_totals.get(did, 0),
                members_by_role=_in_order(by_role.get(did, {}), MemberRole),
                open_issue_count=sum(n for st, n in issue_counts.items() if st in open_statuses),
                issues_by_status=_in_order(issue_counts, IssueStatus),
                projects_by_status=_in_order(projects.get(did, {}), ProjectStatus),
                last_meeting=last.get(did),
                next_meeting=upcoming.get(did),
                overdue_action_count=actions.get(did, 0),
                overdue_loan_count=loans.get(did, 0),
            )
        )
    return DashboardDTO(
        today=today, cards=tuple(cards), liaison_last=last.get(None), liaison_next=upcoming.get(None)
    )
