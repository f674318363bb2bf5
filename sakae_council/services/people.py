"""名簿: people, their memberships (役割・役職・任期) and roster queries.

How a roster query finds its page of ids (filters, n-gram search, sort) is services/roster_query.py."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, or_, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Attendance,
    District,
    Meeting,
    MeetingBody,
    Membership,
    Organisation,
    Person,
)
from sakae_council.db.models.search import KIND_PERSON
from sakae_council.domain.contact import normalize_email, normalize_phone, normalize_postal_code
from sakae_council.domain.enums import MemberRole, MinutesStatus, OfficerPost
from sakae_council.domain.errors import ConflictError, ValidationError, msg
from sakae_council.domain.search_text import person_search_text
from sakae_council.domain.terms import TermStatus, term_status
from sakae_council.domain.text import kana_sort_key
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services._crud import change, current, insert, load_with, set_removed
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_date_order,
    check_version,
    furigana_text,
    get_or_raise,
    long_text,
    optional_text,
    required_text,
)
from sakae_council.services.erasure import scrub_person
from sakae_council.services.roster_query import (
    RosterFilter,
    _page_ids,
    _roster_query,
    _search_where,
)
from sakae_council.services.search_plan import capped_count, posting_count


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

    def as_input(self) -> MembershipInput:
        """The input that saves this membership unchanged (where an editor starts)."""
        return MembershipInput(**{f.name: getattr(self, f.name) for f in fields(MembershipInput)})


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
    #: Set while the person is soft-deleted (名簿から削除, can be restored with 元に戻す).
    deleted_at: datetime | None = None

    def as_input(self) -> PersonInput:
        """The input that saves this person unchanged, memberships included."""
        kept = {f.name: getattr(self, f.name) for f in fields(PersonInput) if f.name != "memberships"}
        return PersonInput(**kept, memberships=tuple(m.as_input() for m in self.memberships))


def _membership_dto(m: Any, district_name: str) -> MembershipDTO:
    """``m``: a Membership, or a row with its columns (a page of the roster reads no ORM objects)."""
    return MembershipDTO(
        id=m.id,
        district_id=m.district_id,
        district_name=district_name,
        role=MemberRole(m.role),
        public_post=m.public_post,
        officer_post=OfficerPost(m.officer_post),
        commissioned_on=m.commissioned_on,
        term_start=m.term_start,
        term_end=m.term_end,
        ended_on=m.ended_on,
    )


def _person_dto(p: Any, organisation_name: str, memberships: Iterable[MembershipDTO]) -> PersonDTO:
    """``p``: a Person, or a row with its columns."""
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
        organisation_name=organisation_name,
        memberships=tuple(memberships),
        deleted_at=p.deleted_at,
    )


def to_dto(p: Person) -> PersonDTO:
    # term_start alone leaves ties (and NULLs sort first on SQLite, last on PostgreSQL): add the id
    memberships = sorted(p.memberships, key=lambda m: (m.term_start or date.min, m.id or 0))
    return _person_dto(
        p,
        p.organisation.name if p.organisation else "",
        (_membership_dto(m, m.district.name) for m in memberships),
    )


def person_values(data: PersonInput) -> dict:
    """The validated, normalised column values of a person without an organisation (ValidationError on
    the first bad field); ``_validate_person`` adds the organisation's name to the search text."""
    name = required_text(data.name, "name", "氏名", 100)
    furigana = furigana_text(data.furigana, 90)  # kana_key is String(400)
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
        "search_text": person_search_text(name, furigana, "", notes),
    }


def _validate_person(s: Session, data: PersonInput) -> dict:
    values = person_values(data)
    if data.organisation_id is not None:
        org_name = get_or_raise(s, Organisation, data.organisation_id, "団体").name
        values["search_text"] = person_search_text(
            values["name"], values["furigana"], org_name, values["notes"]
        )
    return values


def _validate_membership(s: Session, m: MembershipInput) -> dict:
    get_or_raise(s, District, m.district_id, "学区")
    return membership_values(m)


def membership_values(m: MembershipInput) -> dict:
    """The validated column values of a membership whose district is known to exist."""
    role = MemberRole(m.role)
    public_post = optional_text(m.public_post, "public_post", "公職名", 100)
    if role is MemberRole.PUBLIC_POST and not public_post:
        raise ValidationError(
            "public_post", "町からの公職の方は、公職名（例: 民生委員・児童委員）を入力してください。"
        )
    check_date_order(
        m.term_start,
        m.term_end,
        "term_end",
        "任期の終わりが始まりより前になっています。日付を確認してください。",
    )
    check_date_order(
        m.term_start,
        m.ended_on,
        "ended_on",
        "退任日が任期の始まりより前になっています。日付を確認してください。",
    )
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
    given = [mid for _, mid in values if mid is not None]
    if len(given) != len(set(given)):  # two rows for one stored membership: one would silently vanish
        raise ValidationError(
            "memberships",
            msg("同じ所属（役割・任期）が二つ指定されています。片方を削除してから保存してください。"),
        )
    existing = {m.id: m for m in person.memberships}
    keep: set[int] = set()
    changes: dict[str, tuple] = {}
    for vals, mid in values:
        if mid is not None and mid in existing:
            diff = apply_changes(existing[mid], vals)
            if diff:
                changes[f"membership[{mid}]"] = (
                    {k: v[0] for k, v in diff.items()},
                    {k: v[1] for k, v in diff.items()},
                )
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
    # fresh: after a save in this session, reload organisation and memberships as stored
    return load_with(s, Person, person_id, "名簿の人", *_person_options(), fresh=True)


def created_summary(name: str) -> str:
    """The audit log's line for a person added to the roster (by the form or by an import)."""
    return f"「{name}」を名簿に登録"


def create_person(db: Database, data: PersonInput) -> PersonDTO:
    """Add a person (and their memberships) to the roster."""
    with db.transaction() as s:
        p = Person(**_validate_person(s, data))
        _sync_memberships(s, p, data.memberships)
        insert(s, db.user, p, "person", lambda p: created_summary(p.name))
        return to_dto(_load(s, p.id))


def update_person(db: Database, person_id: int, data: PersonInput, expected_version: int) -> PersonDTO:
    """Change a person's details and memberships; a stale copy raises ConflictError."""
    with db.transaction() as s:
        p = current(s, Person, person_id, expected_version, "名簿の情報", load=_load)
        values = _validate_person(s, data)
        memberships = _sync_memberships(s, p, data.memberships)
        summary = f"「{values['name']}」の名簿情報を変更"
        change(s, db.user, p, values, "person", summary, quiet=("search_text", "kana_key"), extra=memberships)
        return to_dto(_load(s, p.id))


def delete_person(db: Database, person_id: int, expected_version: int | None = None) -> PersonDTO:
    """Take a person off the roster (soft delete); restore_person undoes it."""
    with db.transaction() as s:
        p = current(s, Person, person_id, expected_version, "名簿の情報", load=_load)
        set_removed(s, db.user, p, True, "person", f"「{p.name}」を名簿から削除（元に戻せます）")
        return to_dto(_load(s, p.id))


def restore_person(db: Database, person_id: int) -> PersonDTO:
    """元に戻す: put a soft-deleted person back on the roster."""
    with db.transaction() as s:
        p = _load(s, person_id)
        set_removed(s, db.user, p, False, "person", f"「{p.name}」を名簿に戻す")
        return to_dto(_load(s, p.id))


def _approved_minutes_naming(s: Session, person_id: int) -> list[str]:
    """Titles (令和8年度 第3回 ○○協議会) of approved minutes naming the person."""
    attended = select(Attendance.meeting_id).where(Attendance.person_id == person_id)
    stmt = (
        select(Meeting.fiscal_year, Meeting.number, MeetingBody.name)
        .join(MeetingBody, MeetingBody.id == Meeting.body_id)
        .where(
            Meeting.status == MinutesStatus.APPROVED.value,
            or_(
                Meeting.chair_id == person_id,
                Meeting.recorder_id == person_id,
                Meeting.signatory1_id == person_id,
                Meeting.signatory2_id == person_id,
                Meeting.id.in_(attended),
            ),
        )
        .order_by(Meeting.held_on, Meeting.id)
    )
    return [f"{fiscal_year_label(fy)} 第{n}回 {body}" for fy, n, body in s.execute(stmt)]


def approved_minutes_naming(db: Database, person_id: int) -> list[str]:
    """Approved minutes in which the person is chair, recorder, signatory or on the attendance list."""
    with db.reading() as s:
        return _approved_minutes_naming(s, person_id)


def erase_person(db: Database, person_id: int, expected_version: int | None = None) -> None:
    """Erase a person outright; refused (ConflictError) while approved minutes name them."""
    with db.transaction() as s:
        p = get_or_raise(s, Person, person_id, "名簿の人")
        check_version(p, expected_version, "名簿の情報")
        minutes = _approved_minutes_naming(s, person_id)
        if minutes:
            shown = "、".join(minutes[:3]) + (f" ほか{len(minutes) - 3}件" if len(minutes) > 3 else "")
            raise ConflictError(
                msg(
                    "「{name}」さんは確定した議事録（{shown}）に出席者・署名人などとして記録されているため、完全には削除できません。"
                    "名簿から削除した状態（一覧に表示されない状態）のままにするか、委嘱に退任日を入力してください。",
                    name=p.name,
                    shown=shown,
                )
            )
        scrub_person(s, p.id)
        audit(s, db.user, "erase", "person", person_id, "名簿の人を完全に削除（過去の履歴の個人情報も消去）")


def erase_personal_data(db: Database, person_id: int) -> str:
    """本人の求めによる消去 (services.erasure.erase_at_request); returns what was done, kept and left in
    the backups, in the interface's language."""
    from sakae_council.services.erasure import erase_at_request

    return erase_at_request(db, person_id).message


def get_person(db: Database, person_id: int) -> PersonDTO:
    """One person with their memberships (soft-deleted people too)."""
    with db.reading() as s:
        return to_dto(_load(s, person_id))


def _person_options():  # type: ignore[no-untyped-def]
    return (
        selectinload(Person.memberships).selectinload(Membership.district),
        selectinload(Person.organisation),
    )


def list_members(
    db: Database, flt: RosterFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[PersonDTO]:
    """People with a membership matching the filter, in 五十音順 by フリガナ; ``limit``/``offset`` page the list."""
    flt = flt or RosterFilter()
    today = flt.today or date.today()
    with db.reading() as s:
        q = _roster_query(s, flt, today)
        if q.impossible:
            return []
        ids = _page_ids(s, q, flt, limit, offset)
        return _page_dtos(s, ids)


def _page_dtos(s: Session, ids: list[int]) -> list[PersonDTO]:
    """The DTOs of one page's people, in the order of ``ids``, read with one plain SELECT.

    Building ORM objects (and their membership collections) for a page of 200 people cost more than
    finding them; a list row needs only the columns, so they go straight into the DTOs. Each person
    comes with their memberships joined (a row per membership, or one row without), so that a keystroke
    in the search field costs as few statements as possible."""
    if not ids:
        return []
    m, p = Membership, Person
    rows = s.execute(
        select(
            *(getattr(p, c) for c in _PERSON_COLUMNS),
            Organisation.name.label("organisation_name"),
            *(getattr(m, c).label(f"m_{c}") for c in _MEMBERSHIP_COLUMNS),
            District.name.label("district_name"),
        )
        .outerjoin(Organisation, Organisation.id == p.organisation_id)
        .outerjoin(m, m.person_id == p.id)
        .outerjoin(District, District.id == m.district_id)
        .where(p.id.in_(bindparam("ids", ids, expanding=True)))
        .order_by(p.id, m.term_start, m.id)  # Person.memberships' order (term_start), ties by id
    )
    found: dict[int, Any] = {}
    memberships: dict[int, list[MembershipDTO]] = {}
    first, last = len(_PERSON_COLUMNS) + 1, len(_PERSON_COLUMNS) + 1 + len(_MEMBERSHIP_COLUMNS)
    for row in rows:
        found.setdefault(row.id, row)
        if row.m_id is not None:
            columns = SimpleNamespace(**dict(zip(_MEMBERSHIP_COLUMNS, row[first:last], strict=True)))
            memberships.setdefault(row.id, []).append(_membership_dto(columns, row.district_name))
    return [
        _person_dto(found[i], found[i].organisation_name or "", memberships.get(i, ()))
        for i in ids
        if i in found
    ]


#: The columns ``_person_dto`` and ``_membership_dto`` read, selected as such for a page of the roster.
_PERSON_COLUMNS = (
    "id", "version", "name", "furigana", "postal_code", "address", "phone", "email", "notes",
    "organisation_id", "deleted_at",
)  # fmt: skip
_MEMBERSHIP_COLUMNS = (
    "person_id", "id", "district_id", "role", "public_post", "officer_post", "commissioned_on",
    "term_start", "term_end", "ended_on",
)  # fmt: skip


def count_members(db: Database, flt: RosterFilter | None = None, *, at_most: int | None = None) -> int:
    """How many people list_members would return for the filter (for the page's title line).

    With ``at_most``, a search whose count would have to read every matching row stops there and returns
    ``at_most`` (show it as 「1,000名以上」); counts the index answers exactly are returned as they are."""
    flt = flt or RosterFilter()
    today = flt.today or date.today()
    with db.reading() as s:
        q = _roster_query(s, flt, today)
        if q.impossible:
            return 0
        if q.count_gram is not None:
            # The index holds live people only, so the postings of a 1–2 character word are the answer.
            return posting_count(s, KIND_PERSON, q.count_gram)
        if q.search is None:
            return capped_count(s, select(Person.id).where(*q.where), None)
        if flt.district_id is not None and not q.search.selective:
            matching = select(Person.id).where(*_search_where(q, flt))  # the district's rows drive
        else:
            matching = q.search.driven_ids(Person.id, Person.search_text, q.where)
        return capped_count(s, matching, at_most)


def list_people(db: Database, query: str = "", *, limit: int | None = None) -> list[PersonDTO]:
    """Everyone on the roster (members, staff, contacts), 五十音順, optionally searched."""
    return list_members(db, RosterFilter(query=query, include_without_membership=True), limit=limit)


def current_members(
    db: Database, district_id: int, today: date, *, roles: set[MemberRole] | None = None
) -> list[PersonDTO]:
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
