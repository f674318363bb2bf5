"""名簿: people, their memberships (役割・役職・任期) and roster queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import District, Membership, Organisation, Person
from sakae_council.domain.contact import normalize_email, normalize_phone, normalize_postal_code
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.terms import TermStatus, term_status
from sakae_council.domain.text import fold_for_search, kana_sort_key, normalize_furigana
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_date_order,
    check_version,
    get_or_raise,
    long_text,
    optional_text,
    required_text,
)


@dataclass(frozen=True)
class MembershipInput:
    district_id: int
    role: MemberRole
    public_post: str = ""
    officer_post: OfficerPost = OfficerPost.MEMBER
    commissioned_on: date | None = None
    term_start: date | None = None
    term_end: date | None = None
    ended_on: date | None = None
    id: int | None = None


@dataclass(frozen=True)
class PersonInput:
    name: str
    furigana: str = ""
    postal_code: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    notes: str = ""
    organisation_id: int | None = None
    memberships: tuple[MembershipInput, ...] = ()


@dataclass(frozen=True)
class MembershipDTO:
    id: int
    district_id: int
    district_name: str
    role: MemberRole
    public_post: str
    officer_post: OfficerPost
    commissioned_on: date | None
    term_start: date | None
    term_end: date | None
    ended_on: date | None

    @property
    def role_text(self) -> str:
        """役割 as printed: 町からの公職 shows the post's name."""
        if self.role is MemberRole.PUBLIC_POST and self.public_post:
            return f"{self.role.label}（{self.public_post}）"
        return self.role.label

    def status(self, today: date) -> TermStatus:
        return term_status(self.term_start, self.term_end, self.ended_on, today)


@dataclass(frozen=True)
class PersonDTO:
    id: int
    version: int
    name: str
    furigana: str
    postal_code: str
    address: str
    phone: str
    email: str
    notes: str
    organisation_id: int | None
    organisation_name: str
    memberships: tuple[MembershipDTO, ...] = field(default=())


def _membership_dto(m: Membership) -> MembershipDTO:
    return MembershipDTO(
        id=m.id,
        district_id=m.district_id,
        district_name=m.district.name,
        role=MemberRole(m.role),
        public_post=m.public_post,
        officer_post=OfficerPost(m.officer_post),
        commissioned_on=m.commissioned_on,
        term_start=m.term_start,
        term_end=m.term_end,
        ended_on=m.ended_on,
    )


def to_dto(p: Person) -> PersonDTO:
    return PersonDTO(
        id=p.id,
        version=p.version,
        name=p.name,
        furigana=p.furigana,
        postal_code=p.postal_code,
        address=p.address,
        phone=p.phone,
        email=p.email,
        notes=p.notes,
        organisation_id=p.organisation_id,
        organisation_name=p.organisation.name if p.organisation else "",
        memberships=tuple(_membership_dto(m) for m in p.memberships),
    )


def _search_text(name: str, furigana: str, organisation: str, notes: str) -> str:
    return "\n".join(fold_for_search(x) for x in (name, furigana, organisation, notes))


def _validate_person(s: Session, data: PersonInput) -> dict:
    name = required_text(data.name, "name", "氏名", 100)
    furigana = normalize_furigana(data.furigana)
    org_name = ""
    if data.organisation_id is not None:
        org_name = get_or_raise(s, Organisation, data.organisation_id, "団体").name
    notes = long_text(data.notes, "notes", "備考", 4000)
    return {
        "name": name,
        "furigana": furigana,
        "kana_key": kana_sort_key(furigana),
        "postal_code": normalize_postal_code(data.postal_code),
        "address": optional_text(data.address, "address", "住所", 400),
        "phone": normalize_phone(data.phone),
        "email": normalize_email(data.email),
        "notes": notes,
        "organisation_id": data.organisation_id,
        "search_text": _search_text(name, furigana, org_name, notes),
    }


def _validate_membership(s: Session, m: MembershipInput) -> dict:
    get_or_raise(s, District, m.district_id, "学区")
    role = MemberRole(m.role)
    public_post = optional_text(m.public_post, "public_post", "公職名", 100)
    if role is MemberRole.PUBLIC_POST and not public_post:
        raise ValidationError("public_post", "町からの公職の方は、公職名（例: 民生委員・児童委員）を入力してください。")
    check_date_order(m.term_start, m.term_end, "term_end", "任期の終わりが始まりより前になっています。日付を確認してください。")
    check_date_order(m.term_start, m.ended_on, "ended_on", "退任日が任期の始まりより前になっています。日付を確認してください。")
    return {
        "district_id": m.district_id,
        "role": role.value,
        "public_post": public_post if role is MemberRole.PUBLIC_POST else "",
        "officer_post": OfficerPost(m.officer_post).value,
        "commissioned_on": m.commissioned_on,
        "term_start": m.term_start,
        "term_end": m.term_end,
        "ended_on": m.ended_on,
    }


def _sync_memberships(s: Session, person: Person, items: tuple[MembershipInput, ...]) -> dict[str, tuple]:
    values = [(_validate_membership(s, m), m.id) for m in items]
    existing = {m.id: m for m in person.memberships}
    keep: set[int] = set()
    changes: dict[str, tuple] = {}
    for vals, mid in values:
        if mid is not None and mid in existing:
            diff = apply_changes(existing[mid], vals)
            if diff:
                changes[f"membership[{mid}]"] = ({k: v[0] for k, v in diff.items()}, {k: v[1] for k, v in diff.items()})
            keep.add(mid)
        else:
            person.memberships.append(Membership(**vals))
            changes["membership[new]"] = (None, vals["role"])
    for mid, m in existing.items():
        if mid not in keep:
            person.memberships.remove(m)
            changes[f"membership[{mid}]"] = ("removed", None)
    return changes


def _load(s: Session, person_id: int) -> Person:
    stmt = (
        select(Person)
        .where(Person.id == person_id)
        .options(selectinload(Person.memberships).selectinload(Membership.district), selectinload(Person.organisation))
    )
    person = s.scalar(stmt)
    if person is None:
        get_or_raise(s, Person, person_id, "名簿の人")
    assert person is not None
    return person


def create_person(db: Database, data: PersonInput) -> PersonDTO:
    """Add a person (and their memberships) to the roster."""
    with db.transaction() as s:
        p = Person(**_validate_person(s, data))
        s.add(p)
        _sync_memberships(s, p, data.memberships)
        s.flush()
        audit(s, db.user, "create", "person", p.id, f"「{p.name}」を名簿に登録")
        return to_dto(_load(s, p.id))


def update_person(db: Database, person_id: int, data: PersonInput, expected_version: int) -> PersonDTO:
    """Change a person's details and memberships; a stale copy raises ConflictError."""
    with db.transaction() as s:
        p = _load(s, person_id)
        check_version(p, expected_version, "名簿の情報")
        changes = apply_changes(p, _validate_person(s, data))
        changes.update(_sync_memberships(s, p, data.memberships))
        if changes:
            changes.pop("search_text", None)
            changes.pop("kana_key", None)
            p.updated_at = utcnow()  # a memberships-only edit still bumps the person's version
            s.flush()
            audit(s, db.user, "update", "person", p.id, f"「{p.name}」の名簿情報を変更", changes)
        return to_dto(_load(s, p.id))


def delete_person(db: Database, person_id: int, expected_version: int | None = None) -> None:
    """Remove a person from the roster (their memberships go with them)."""
    with db.transaction() as s:
        p = get_or_raise(s, Person, person_id, "名簿の人")
        check_version(p, expected_version, "名簿の情報")
        audit(s, db.user, "delete", "person", p.id, f"「{p.name}」を名簿から削除")
        s.delete(p)


def get_person(db: Database, person_id: int) -> PersonDTO:
    """One person with their memberships."""
    with db.reading() as s:
        return to_dto(_load(s, person_id))


@dataclass(frozen=True)
class RosterFilter:
    district_id: int | None = None
    role: MemberRole | None = None
    officer_post: OfficerPost | None = None
    term_status: TermStatus | None = None
    query: str = ""
    today: date | None = None


def list_members(db: Database, flt: RosterFilter | None = None) -> list[PersonDTO]:
    """People with at least one membership matching the filter, in 五十音順 by フリガナ."""
    flt = flt or RosterFilter()
    today = flt.today or date.today()
    with db.reading() as s:
        stmt = (
            select(Person)
            .join(Membership, Membership.person_id == Person.id)
            .options(
                selectinload(Person.memberships).selectinload(Membership.district),
                selectinload(Person.organisation),
            )
            .order_by(Person.kana_key, Person.id)
            .distinct()
        )
        if flt.district_id is not None:
            stmt = stmt.where(Membership.district_id == flt.district_id)
        if flt.role is not None:
            stmt = stmt.where(Membership.role == flt.role.value)
        if flt.officer_post is not None:
            stmt = stmt.where(Membership.officer_post == flt.officer_post.value)
        folded = fold_for_search(flt.query)
        if folded:
            stmt = stmt.where(Person.search_text.contains(folded, autoescape=True))
        result = []
        for p in s.scalars(stmt):
            dto = to_dto(p)
            ms = [
                m
                for m in dto.memberships
                if (flt.district_id is None or m.district_id == flt.district_id)
                and (flt.role is None or m.role is flt.role)
                and (flt.officer_post is None or m.officer_post is flt.officer_post)
            ]
            if flt.term_status is not None and not any(m.status(today) is flt.term_status for m in ms):
                continue
            result.append(dto)
        return result


def list_people(db: Database, query: str = "") -> list[PersonDTO]:
    """Everyone in the people table (members, staff, contacts), 五十音順, optionally searched."""
    with db.reading() as s:
        stmt = (
            select(Person)
            .options(selectinload(Person.memberships).selectinload(Membership.district), selectinload(Person.organisation))
            .order_by(Person.kana_key, Person.id)
        )
        folded = fold_for_search(query)
        if folded:
            stmt = stmt.where(Person.search_text.contains(folded, autoescape=True))
        return [to_dto(p) for p in s.scalars(stmt)]


def current_members(db: Database, district_id: int, today: date, *, roles: set[MemberRole] | None = None) -> list[PersonDTO]:
    """Members of a district whose term is running on ``today`` (現任 or 満了間近)."""
    people = list_members(db, RosterFilter(district_id=district_id, today=today))
    out = []
    for p in people:
        for m in p.memberships:
            if m.district_id != district_id or (roles is not None and m.role not in roles):
                continue
            if m.status(today) in (TermStatus.CURRENT, TermStatus.EXPIRING):
                out.append(p)
                break
    return out
