"""ダッシュボード: one card per 小学校区 — council, members by role, issues, projects, meetings, what is late.

Everything is counted in SQL with a handful of GROUP BY queries over all districts at once (never a query
per district or per row), so the first page opens quickly at 100 districts and 100,000 people. The cards
themselves (the DTOs, and how rows become cards) are in ``services.dashboard_cards``, shared with the first
look at program start (``services.first_figures``).
"""

from __future__ import annotations

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
from sakae_council.domain.enums import ActionStatus, BodyKind, LoanStatus, OfficerPost
from sakae_council.services.dashboard_cards import (
    DashboardDTO,
    DistrictCardDTO,
    MeetingRefDTO,
    assemble,
    chair_ids,
)

__all__ = ["DashboardDTO", "DistrictCardDTO", "MeetingRefDTO", "dashboard", "member_totals", "table_order"]


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


def _role_rows(s: Session, today: date) -> list[Any]:
    """Running memberships per district and role, with the first and last 会長 among them (in table order,
    see table_order)."""
    district = table_order(Membership.district_id, "district")
    chair = case((Membership.officer_post == OfficerPost.CHAIR.value, Membership.person_id))
    return list(
        s.execute(
            select(
                district,
                Membership.role,
                func.count(func.distinct(Membership.person_id)),
                func.min(chair),
                func.max(chair),
            )
            .join(Person, Person.id == Membership.person_id)
            .where(running_membership(today), Person.deleted_at.is_(None))
            .group_by(district, Membership.role)
        )
    )


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


def _chair_rows(s: Session, wanted: set[int]) -> list[Any]:
    if not wanted:
        return []
    return list(
        s.execute(
            select(Person.id, Person.name).where(Person.id.in_(wanted)).order_by(Person.kana_key, Person.id)
        )
    )


def _meetings(s: Session, today: date, *, upcoming: bool) -> list[Any]:
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
    return list(
        s.execute(
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
    )


def _overdue_actions(s: Session, today: date) -> list[Any]:
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
    return list(rows)


def _overdue_loans(s: Session, today: date) -> list[Any]:
    rows = s.execute(
        select(EquipmentLoan.district_id, func.count(EquipmentLoan.id))
        .where(
            EquipmentLoan.status == LoanStatus.LENT.value,
            EquipmentLoan.due_on < today,
            EquipmentLoan.district_id.is_not(None),
        )
        .group_by(EquipmentLoan.district_id)
    )
    return list(rows)


def dashboard(db: Database, today: date | None = None) -> DashboardDTO:
    """The cards of every active district in display order, counted as of ``today``."""
    today = today or date.today()
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
        role_rows = _role_rows(s, today)
        return assemble(
            today,
            districts=districts,
            role_rows=role_rows,
            total_rows=member_totals(s, today).items(),
            chair_rows=_chair_rows(s, chair_ids(role_rows)),
            issue_rows=s.execute(
                select(
                    RegionalIssue.district_id, RegionalIssue.status, func.count(RegionalIssue.id)
                ).group_by(RegionalIssue.district_id, RegionalIssue.status)
            ),
            project_rows=s.execute(
                select(
                    CollaborativeProject.district_id,
                    CollaborativeProject.status,
                    func.count(CollaborativeProject.id),
                ).group_by(CollaborativeProject.district_id, CollaborativeProject.status)
            ),
            last_rows=_meetings(s, today, upcoming=False),
            upcoming_rows=_meetings(s, today, upcoming=True),
            action_rows=_overdue_actions(s, today),
            loan_rows=_overdue_loans(s, today),
        )
