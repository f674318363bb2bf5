"""会議体 (the councils and the 連絡会) and who is expected at their meetings: the attendance a new meeting
starts with, pre-filled from the roster (members and staff whose term runs on the day, 未確認 until entered).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import Attendance, District, MeetingBody, Membership, Person
from sakae_council.domain.council import NON_MEMBER_ROLES, counts_as_member, is_member_seat
from sakae_council.domain.enums import (
    AttendanceStatus,
    BodyKind,
    MemberRole,
    OfficerPost,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.terms import TermStatus, term_status
from sakae_council.services.common import (
    audit,
    get_or_raise,
    order_number,
    require_id,
    required_text,
)

LIAISON_BODY_NAME = "地域まちづくり連絡会"
#: 連絡会 is listed after the district councils.
LIAISON_DISPLAY_ORDER = 1000


@dataclass(frozen=True)
class BodyDTO:
    id: int
    version: int
    kind: BodyKind
    name: str
    district_id: int | None
    district_name: str
    display_order: int


# --- bodies ------------------------------------------------------------------------------------------


def _body_dto(b: MeetingBody) -> BodyDTO:
    return BodyDTO(
        id=b.id,
        version=b.version,
        kind=BodyKind(b.kind),
        name=b.name,
        district_id=b.district_id,
        district_name=b.district.name if b.district else "",
        display_order=b.display_order,
    )


def list_bodies(
    db: Database, *, kind: BodyKind | None = None, district_id: int | None = None
) -> list[BodyDTO]:
    """Meeting bodies in display order (district councils, then the 連絡会)."""
    with db.reading() as s:
        stmt = select(MeetingBody).options(selectinload(MeetingBody.district))
        if kind is not None:
            stmt = stmt.where(MeetingBody.kind == BodyKind(kind).value)
        if district_id is not None:
            stmt = stmt.where(MeetingBody.district_id == district_id)
        stmt = stmt.order_by(MeetingBody.display_order, MeetingBody.id)
        return [_body_dto(b) for b in s.scalars(stmt)]


def _add_body(
    s: Session, user: str, kind: BodyKind, name: str, district_id: int | None, order: int
) -> MeetingBody:
    kind = BodyKind(kind)
    name = required_text(name, "name", "会議体の名前")
    if s.scalar(select(MeetingBody.id).where(MeetingBody.name == name)) is not None:
        raise ValidationError(
            "name", msg("会議体「{name}」はすでに登録されています。別の名前にしてください。", name=name)
        )
    if kind is BodyKind.DISTRICT_COUNCIL:
        if district_id is None:
            raise ValidationError("district_id", "地域まちづくり協議会には学区を選んでください。")
        clash = s.scalar(
            select(MeetingBody.name).where(
                MeetingBody.kind == kind.value, MeetingBody.district_id == require_id(district_id, "学区")
            )
        )
        if clash is not None:
            raise ValidationError(
                "district_id", msg("この学区の協議会は「{clash}」としてすでに登録されています。", clash=clash)
            )
    if kind is BodyKind.LIAISON and district_id is not None:
        raise ValidationError("district_id", "連絡会は町全体の会議体です。学区は選ばないでください。")
    if district_id is not None:
        get_or_raise(s, District, district_id, "学区")
    order = order_number(order, "display_order", "表示順")
    body = MeetingBody(kind=kind.value, name=name, district_id=district_id, display_order=order)
    s.add(body)
    s.flush()
    audit(s, user, "create", "meeting_body", body.id, f"会議体「{name}」（{kind.label}）を登録")
    return body


def create_body(
    db: Database, kind: BodyKind, name: str, district_id: int | None = None, *, display_order: int = 0
) -> BodyDTO:
    """Register a meeting body (a district council needs its district; the 連絡会 has none)."""
    with db.transaction() as s:
        body = _add_body(s, db.user, kind, name, district_id, display_order)
        s.refresh(body)
        return _body_dto(body)


def ensure_district_bodies(db: Database) -> list[BodyDTO]:
    """One 協議会 body per active district and one 連絡会 (idempotent); returns the bodies it created."""
    created: list[MeetingBody] = []
    with db.transaction() as s:
        for d in s.scalars(
            select(District).where(District.active.is_(True)).order_by(District.display_order)
        ):
            exists = s.scalar(
                select(MeetingBody.id).where(
                    MeetingBody.kind == BodyKind.DISTRICT_COUNCIL.value, MeetingBody.district_id == d.id
                )
            )
            if exists is not None:
                continue
            name = d.council_name or f"{d.name}まちづくり協議会"
            if s.scalar(select(MeetingBody.id).where(MeetingBody.name == name)) is not None:
                name = f"{name}（{d.name}）"
            created.append(_add_body(s, db.user, BodyKind.DISTRICT_COUNCIL, name, d.id, d.display_order))
        if s.scalar(select(MeetingBody.id).where(MeetingBody.kind == BodyKind.LIAISON.value)) is None:
            created.append(
                _add_body(s, db.user, BodyKind.LIAISON, LIAISON_BODY_NAME, None, LIAISON_DISPLAY_ORDER)
            )
        for b in created:
            s.refresh(b)
        return [_body_dto(b) for b in created]


# --- attendance pre-fill -----------------------------------------------------------------------------

_OFFICER_RANK = {post.value: i for i, post in enumerate(OfficerPost)}
_RUNNING = (TermStatus.CURRENT, TermStatus.EXPIRING)


def _running_memberships(s: Session, held_on: date, *conditions) -> list[Membership]:
    stmt = (
        select(Membership)
        .join(Person, Person.id == Membership.person_id)
        .where(Person.deleted_at.is_(None), *conditions)
        .options(selectinload(Membership.person), selectinload(Membership.district))
    )
    return [
        m for m in s.scalars(stmt) if term_status(m.term_start, m.term_end, m.ended_on, held_on) in _RUNNING
    ]


def _role_text(m: Membership) -> str:
    if m.officer_post != OfficerPost.MEMBER.value:
        return OfficerPost(m.officer_post).label
    role = MemberRole(m.role)
    if role is MemberRole.PUBLIC_POST and m.public_post:
        return m.public_post
    return role.label


def _district_roster(s: Session, district_id: int, held_on: date) -> list[Attendance]:
    """Members (officers first, then 五十音順) and 地区担当職員 of one district on ``held_on``."""
    by_person: dict[int, list[Membership]] = {}
    for m in _running_memberships(s, held_on, Membership.district_id == district_id):
        by_person.setdefault(m.person_id, []).append(m)
    rows: list[tuple[tuple, Attendance]] = []
    for ms in by_person.values():
        person = ms[0].person
        if counts_as_member(m.role for m in ms):
            seats = [m for m in ms if is_member_seat(m.role)]
            best = min(seats, key=lambda m: _OFFICER_RANK.get(m.officer_post, 99))
            key = (0, _OFFICER_RANK.get(best.officer_post, 99), person.kana_key, person.id)
            row = Attendance(
                person_id=person.id, name=person.name, affiliation=_role_text(best), category="member"
            )
        else:
            key = (1, 0, person.kana_key, person.id)
            row = Attendance(
                person_id=person.id, name=person.name, affiliation=MemberRole.STAFF.label, category="staff"
            )
        rows.append((key, row))
    return [row for _, row in sorted(rows, key=lambda r: r[0])]


def _liaison_roster(s: Session, held_on: date) -> list[Attendance]:
    """連絡会: the 会長 of every district, then every 地区担当職員."""
    chairs = _running_memberships(
        s,
        held_on,
        Membership.officer_post == OfficerPost.CHAIR.value,
        Membership.role.not_in([r.value for r in NON_MEMBER_ROLES]),
    )
    chairs.sort(key=lambda m: (m.district.display_order, m.district_id, m.person.kana_key, m.person_id))
    rows: list[Attendance] = []
    seen: set[int] = set()
    for m in chairs:
        if m.person_id in seen:
            continue
        seen.add(m.person_id)
        rows.append(
            Attendance(
                person_id=m.person_id,
                name=m.person.name,
                affiliation=f"{m.district.council_name or m.district.name} 会長",
                category="member",
            )
        )
    staff: dict[int, list[Membership]] = {}
    for m in _running_memberships(s, held_on, Membership.role.in_([r.value for r in NON_MEMBER_ROLES])):
        if m.person_id not in seen:
            staff.setdefault(m.person_id, []).append(m)
    for ms in sorted(staff.values(), key=lambda ms: (ms[0].person.kana_key, ms[0].person_id)):
        districts = "・".join(dict.fromkeys(m.district.name for m in ms))
        rows.append(
            Attendance(
                person_id=ms[0].person_id,
                name=ms[0].person.name,
                affiliation=f"{MemberRole.STAFF.label}（{districts}）",
                category="staff",
            )
        )
    return rows


def _prefill(s: Session, body: MeetingBody, held_on: date) -> list[Attendance]:
    if BodyKind(body.kind) is BodyKind.LIAISON:
        rows = _liaison_roster(s, held_on)
    elif body.district_id is not None:
        rows = _district_roster(s, body.district_id, held_on)
    else:
        rows = []
    for i, row in enumerate(rows):
        row.position = i
        row.status = AttendanceStatus.UNCONFIRMED.value  # entered from the sign-in sheet, never assumed
    return rows
