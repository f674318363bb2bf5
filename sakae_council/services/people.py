"""名簿: people, their memberships (役割・役職・任期) and roster queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, bindparam, func, not_, or_, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.base import utcnow
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
from sakae_council.domain.terms import EXPIRING_WINDOW, TermStatus, term_status
from sakae_council.domain.text import fold_for_search, kana_sort_key, normalize_furigana, normalize_text
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services import search as search_rule
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_date_order,
    check_version,
    furigana_text,
    get_or_raise,
    long_text,
    optional_text,
    require_id,
    required_text,
)
from sakae_council.services.erasure import scrub_person
from sakae_council.services.search_plan import GramQuery, capped_count, plan_search, posting_count, walk


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
    #: Set while the person is soft-deleted (名簿から削除, can be restored with 元に戻す).
    deleted_at: datetime | None = None


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
        # term_start alone leaves ties (and NULLs sort first on SQLite, last on PostgreSQL): add the id
        memberships=tuple(
            _membership_dto(m)
            for m in sorted(p.memberships, key=lambda m: (m.term_start or date.min, m.id or 0))
        ),
        deleted_at=p.deleted_at,
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
        values["search_text"] = person_search_text(values["name"], values["furigana"], org_name, values["notes"])
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
    require_id(person_id, "名簿の人")
    # populate_existing: after a save in this session, reload organisation and memberships as stored
    stmt = select(Person).where(Person.id == person_id).options(*_person_options())
    person = s.scalar(stmt.execution_options(populate_existing=True))
    if person is None:
        get_or_raise(s, Person, person_id, "名簿の人")
    assert person is not None
    return person


def created_summary(name: str) -> str:
    """The audit log's line for a person added to the roster (by the form or by an import)."""
    return f"「{name}」を名簿に登録"


def create_person(db: Database, data: PersonInput) -> PersonDTO:
    """Add a person (and their memberships) to the roster."""
    with db.transaction() as s:
        p = Person(**_validate_person(s, data))
        s.add(p)
        _sync_memberships(s, p, data.memberships)
        s.flush()
        audit(s, db.user, "create", "person", p.id, created_summary(p.name))
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


def delete_person(db: Database, person_id: int, expected_version: int | None = None) -> PersonDTO:
    """Take a person off the roster (soft delete); restore_person undoes it."""
    with db.transaction() as s:
        p = _load(s, person_id)
        check_version(p, expected_version, "名簿の情報")
        if p.deleted_at is None:
            p.deleted_at = utcnow()
            s.flush()
            audit(s, db.user, "delete", "person", p.id, f"「{p.name}」を名簿から削除（元に戻せます）")
        return to_dto(_load(s, p.id))


def restore_person(db: Database, person_id: int) -> PersonDTO:
    """元に戻す: put a soft-deleted person back on the roster."""
    with db.transaction() as s:
        p = _load(s, person_id)
        if p.deleted_at is not None:
            p.deleted_at = None
            s.flush()
            audit(s, db.user, "restore", "person", p.id, f"「{p.name}」を名簿に戻す")
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


def duplicate_key(name: str, furigana: str) -> tuple[str, str] | None:
    """What two people must share to be the same person: 氏名 and フリガナ, normalised, spaces ignored.
    None when nothing can match (no name, or a フリガナ that is not kana)."""
    wanted_name = normalize_text(name).replace(" ", "")
    if not wanted_name:
        return None
    try:
        return wanted_name, normalize_furigana(furigana).replace(" ", "")
    except ValidationError:
        return None


def stored_duplicate_key(name: str, furigana: str) -> tuple[str, str]:
    """duplicate_key of a stored row, compared as find_duplicates' SQL does (spaces removed, as stored)."""
    return name.replace(" ", ""), furigana.replace(" ", "")


def find_duplicates(
    db: Database, name: str, furigana: str, *, exclude_id: int | None = None
) -> list[PersonDTO]:
    """People on the roster with the same 氏名 and フリガナ (spaces ignored), to warn before a double entry."""
    key = duplicate_key(name, furigana)
    if key is None:
        return []
    wanted_name, wanted_kana = key
    with db.reading() as s:
        # Same 氏名 means the same folded name, so the n-gram index narrows the candidates to those
        # holding its rarest gram (an importer asks this for every row: no table scan each time).
        search = plan_search(s, KIND_PERSON, [fold_for_search(wanted_name)])
        if search is not None and search.impossible:
            return []
        narrow = search.driven_conditions(Person.id, Person.search_text)[:1] if search is not None else []
        stmt = (
            select(Person)
            .options(*_person_options())
            .where(
                Person.deleted_at.is_(None),
                *narrow,
                func.replace(Person.name, " ", "") == wanted_name,
                func.replace(Person.furigana, " ", "") == wanted_kana,
            )
            .order_by(Person.id)
        )
        if exclude_id is not None:
            stmt = stmt.where(Person.id != exclude_id)
        return [to_dto(p) for p in s.scalars(stmt)]


RosterSort = Literal["kana", "name", "district", "term_end"]


@dataclass(frozen=True)
class RosterFilter:
    district_id: int | None = None
    role: MemberRole | None = None
    officer_post: OfficerPost | None = None
    term_status: TermStatus | None = None
    query: str = ""
    today: date | None = None
    #: Also list people without any membership (contacts, newly registered) when no membership filter is set.
    include_without_membership: bool = False
    #: List only soft-deleted people (the 削除した人 view) instead of the roster.
    deleted: bool = False
    sort: RosterSort = "kana"
    descending: bool = False


def _term_condition(status: TermStatus, today: date) -> ColumnElement[bool]:
    """SQL form of domain.terms.term_status(...) == status for a Membership row."""
    m = Membership
    ended = or_(
        and_(m.ended_on.is_not(None), m.ended_on <= today),
        and_(m.term_end.is_not(None), m.term_end < today),
    )
    started = or_(m.term_start.is_(None), m.term_start <= today)
    soon = today + EXPIRING_WINDOW
    if status is TermStatus.ENDED:
        return ended
    if status is TermStatus.UPCOMING:
        return and_(not_(ended), m.term_start.is_not(None), m.term_start > today)
    if status is TermStatus.EXPIRING:
        return and_(not_(ended), started, m.term_end.is_not(None), m.term_end <= soon)
    return and_(not_(ended), started, or_(m.term_end.is_(None), m.term_end > soon))


def _membership_conditions(flt: RosterFilter, today: date) -> list[Any]:
    conds: list[Any] = []
    if flt.district_id is not None:
        conds.append(Membership.district_id == flt.district_id)
    if flt.role is not None:
        conds.append(Membership.role == MemberRole(flt.role).value)
    if flt.officer_post is not None:
        conds.append(Membership.officer_post == OfficerPost(flt.officer_post).value)
    if flt.term_status is not None:
        conds.append(_term_condition(TermStatus(flt.term_status), today))
    return conds


@dataclass(frozen=True)
class _RosterQuery:
    """A roster query: the filter's WHERE terms and, when there is a query, how to search it."""

    where: list[Any]
    search: GramQuery | None = None
    impossible: bool = False
    #: When set, the count is this gram's posting count (no other condition narrows the list).
    count_gram: str | None = None


def _roster_query(s: Session, flt: RosterFilter, today: date) -> _RosterQuery:
    where: list[Any] = [Person.deleted_at.is_not(None) if flt.deleted else Person.deleted_at.is_(None)]
    conds = _membership_conditions(flt, today)
    needs_membership = bool(conds) or not flt.include_without_membership
    if flt.district_id is not None:
        # Driven from the district's memberships (an index range of ~1/100 of the people), instead of
        # probing every person in 五十音順 — 3 ms instead of 80–180 ms at 100,000 people.
        where.append(Person.id.in_(select(Membership.person_id).where(*conds)))
    elif needs_membership:
        # EXISTS rather than JOIN + DISTINCT, so that ORDER BY kana_key LIMIT n can walk the index.
        where.append(select(Membership.id).where(Membership.person_id == Person.id, *conds).exists())
    wanted = search_rule.words(flt.query)  # 「花子 田中」: both words, in any order
    if not wanted:
        return _RosterQuery(where)
    if flt.deleted:
        # Soft-deleted people are not in the n-gram index; they are few, so LIKE over them is quick.
        where += search_rule.contains_all(Person.search_text, wanted)
        return _RosterQuery(where)
    search = plan_search(s, KIND_PERSON, wanted)
    if search is None:
        return _RosterQuery(where)
    if search.impossible:
        return _RosterQuery(where, search, impossible=True)
    gram = search.single_exact_gram if not needs_membership else None
    return _RosterQuery(where, search, count_gram=gram)


def _search_where(q: _RosterQuery, flt: RosterFilter) -> list[Any]:
    """All WHERE terms. With a district chosen its ~1/100 of the people drive, and a common term is
    checked on their rows (LIKE) rather than by reading its long posting list."""
    if q.search is None:
        return q.where
    if flt.district_id is not None and not q.search.selective:
        return q.where + q.search.like_conditions(Person.search_text)
    return q.where + q.search.driven_conditions(Person.id, Person.search_text)


def _page_ids(s: Session, q: _RosterQuery, flt: RosterFilter, limit: int | None, offset: int) -> list[int]:
    """The ids of one page of the roster, in order, by the cheapest plan for this search."""
    order = _roster_order(flt)

    def run(where: list[Any]) -> list[int]:
        stmt = select(Person.id).where(*where).order_by(*order).offset(offset)
        return list(s.scalars(stmt if limit is None else stmt.limit(limit)))

    search = q.search
    if search is None:
        return run(q.where)
    if search.selective or flt.district_id is not None or flt.sort != "kana" or limit is None:
        return run(_search_where(q, flt))
    # A common term: walk the first rows in 五十音順 (an index scan) and keep the matches; enough of
    # them make the page. Otherwise the matches cluster later on (a surname): the postings drive.
    keys = [Person.kana_key, Person.id]
    rows = select(Person.id, Person.search_text, *keys).where(*q.where).order_by(*order)
    ids = walk(s, rows, search.words, offset=offset, limit=limit, descending=flt.descending)
    if ids is not None:
        return ids
    return run(_search_where(q, flt))


def _roster_order(flt: RosterFilter) -> list[Any]:
    key: Any
    if flt.sort == "name":
        key = Person.name
    elif flt.sort == "district":
        key = (
            select(func.min(District.display_order))
            .join(Membership, Membership.district_id == District.id)
            .where(Membership.person_id == Person.id)
            .scalar_subquery()
        )
    elif flt.sort == "term_end":
        key = select(func.max(Membership.term_end)).where(Membership.person_id == Person.id).scalar_subquery()
    else:
        key = Person.kana_key
    if flt.descending:
        return [key.desc(), Person.kana_key.desc(), Person.id.desc()]
    return [key, Person.kana_key, Person.id]


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
    """The DTOs of one page's people, in the order of ``ids``, read with two plain SELECTs.

    Building ORM objects (and their membership collections) for a page of 200 people cost more than
    finding them; a list row needs only the columns, so they go straight into the DTOs."""
    if not ids:
        return []
    m, d = Membership, District
    memberships: dict[int, list[MembershipDTO]] = {}
    for row in s.execute(
        select(
            m.person_id,
            m.id,
            m.district_id,
            d.name,
            m.role,
            m.public_post,
            m.officer_post,
            m.commissioned_on,
            m.term_start,
            m.term_end,
            m.ended_on,
        )
        .join(d, d.id == m.district_id)
        .where(m.person_id.in_(bindparam("ids", ids, expanding=True)))
        .order_by(m.person_id, m.term_start, m.id),  # Person.memberships' order (term_start), ties by id
    ):
        memberships.setdefault(row[0], []).append(
            MembershipDTO(
                id=row[1],
                district_id=row[2],
                district_name=row[3],
                role=MemberRole(row[4]),
                public_post=row[5],
                officer_post=OfficerPost(row[6]),
                commissioned_on=row[7],
                term_start=row[8],
                term_end=row[9],
                ended_on=row[10],
            )
        )
    p = Person
    found: dict[int, PersonDTO] = {}
    for r in s.execute(
        select(
            p.id,
            p.version,
            p.name,
            p.furigana,
            p.postal_code,
            p.address,
            p.phone,
            p.email,
            p.notes,
            p.organisation_id,
            Organisation.name,
            p.deleted_at,
        )
        .outerjoin(Organisation, Organisation.id == p.organisation_id)
        .where(p.id.in_(bindparam("ids", ids, expanding=True))),
    ):
        found[r[0]] = PersonDTO(
            id=r[0],
            version=r[1],
            name=r[2],
            furigana=r[3],
            postal_code=r[4],
            address=r[5],
            phone=r[6],
            email=r[7],
            notes=r[8],
            organisation_id=r[9],
            organisation_name=r[10] or "",
            memberships=tuple(memberships.get(r[0], ())),
            deleted_at=r[11],
        )
    return [found[i] for i in ids if i in found]


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
