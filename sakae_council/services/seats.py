"""委員の席 — council seats as the changeover and the papers read them: the seats running on a day, the
terms ending in a 年度, and who gets a 委嘱状 (or a 退任 thanks letter) on a changeover date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from sakae_council.db.engine import Database
from sakae_council.db.models import District, Membership, Person
from sakae_council.domain.council import is_member_seat
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.services.common import get_or_raise

#: Officers first (会長, 副会長 …), then 委員.
POST_RANK = {post: i for i, post in enumerate(OfficerPost)}


@dataclass(frozen=True)
class SeatDTO:
    """A council seat running at the 年度's end; ``ending`` when its term ends by 3月31日."""

    membership_id: int
    membership_version: int
    person_id: int
    name: str
    furigana: str
    role: MemberRole
    role_text: str
    officer_post: OfficerPost
    term_start: date | None
    term_end: date | None
    ending: bool


def seat_dto(m: Membership, last: date) -> SeatDTO:
    """A membership as a seat; ``ending`` when its term ends by ``last``."""
    role = MemberRole(m.role)
    role_text = (
        f"{role.label}（{m.public_post}）" if role is MemberRole.PUBLIC_POST and m.public_post else role.label
    )
    return SeatDTO(
        membership_id=m.id,
        membership_version=m.version,
        person_id=m.person_id,
        name=m.person.name,
        furigana=m.person.furigana,
        role=role,
        role_text=role_text,
        officer_post=OfficerPost(m.officer_post),
        term_start=m.term_start,
        term_end=m.term_end,
        ending=m.term_end is not None and m.term_end <= last,
    )


def seats_where(s: Session, district_id: int, *conds: object) -> list[Membership]:
    stmt = (
        select(Membership)
        .join(Person, Person.id == Membership.person_id)
        .options(joinedload(Membership.person))
        .where(Membership.district_id == district_id, Person.deleted_at.is_(None), *conds)  # type: ignore[arg-type]
    )
    rows = [m for m in s.scalars(stmt) if is_member_seat(m.role)]
    rows.sort(key=lambda m: (POST_RANK[OfficerPost(m.officer_post)], m.person.kana_key, m.id))
    return rows


def terms_ending(db: Database, district_id: int, fiscal_year: int) -> list[SeatDTO]:
    """Seats whose term ends within ``fiscal_year`` — decided or not (for 第3号議案)."""
    first, last = fiscal_year_range(fiscal_year)
    with db.reading() as s:
        rows = seats_where(s, district_id, Membership.term_end.between(first, last))
        return [seat_dto(m, last) for m in rows]


def seats_on(db: Database, district_id: int, day: date, *, officers_only: bool = False) -> list[SeatDTO]:
    """Seats running on ``day`` (officers first, then 五十音順); ``officers_only`` leaves out 委員."""
    with db.reading() as s:
        rows = seats_where(
            s,
            district_id,
            Membership.term_start.is_(None) | (Membership.term_start <= day),
            Membership.term_end.is_(None) | (Membership.term_end >= day),
            Membership.ended_on.is_(None) | (Membership.ended_on >= day),
        )
        if officers_only:
            rows = [m for m in rows if OfficerPost(m.officer_post) is not OfficerPost.MEMBER]
        return [seat_dto(m, day) for m in rows]


@dataclass(frozen=True)
class CommissionDTO:
    """委嘱状 (or, ``retiring``, a 退任 thanks letter) for one person."""

    name: str
    post: OfficerPost
    role_text: str
    term_start: date | None
    term_end: date | None
    retiring: bool = False


@dataclass(frozen=True)
class CommissionBatch:
    """The letters of one council for one changeover date, and who issues them."""

    district_name: str
    council_name: str
    issued_on: date
    chair_name: str
    letters: tuple[CommissionDTO, ...]
    thanks: tuple[CommissionDTO, ...]


def commission_batch(db: Database, district_id: int, on: date) -> CommissionBatch:
    """委嘱状 for every seat starting on ``on`` (new and renewed) and thanks letters for the seats that
    ended the day before without a new seat."""
    with db.reading() as s:
        district = get_or_raise(s, District, district_id, "学区")
        starting = seats_where(s, district_id, Membership.term_start == on)
        ended = seats_where(s, district_id, Membership.ended_on == on - timedelta(days=1))
        staying = {m.person_id for m in starting}
        chairs = [
            m
            for m in seats_where(
                s,
                district_id,
                Membership.officer_post == OfficerPost.CHAIR.value,
                Membership.term_start.is_(None) | (Membership.term_start <= on),
                Membership.term_end.is_(None) | (Membership.term_end >= on),
                Membership.ended_on.is_(None) | (Membership.ended_on >= on),
            )
        ]

        def letter(m: Membership, retiring: bool) -> CommissionDTO:
            seat = seat_dto(m, on)
            return CommissionDTO(
                seat.name, seat.officer_post, seat.role_text, m.term_start, m.term_end, retiring
            )

        return CommissionBatch(
            district_name=district.name,
            council_name=district.council_name or district.name,
            issued_on=on,
            chair_name=chairs[0].person.name if chairs else "",
            letters=tuple(letter(m, False) for m in starting),
            thanks=tuple(letter(m, True) for m in ended if m.person_id not in staying),
        )
