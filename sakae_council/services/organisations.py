"""団体・協働パートナー: organisations with kind, district and contact person."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import District, Organisation, Person
from sakae_council.domain.contact import normalize_phone
from sakae_council.domain.enums import OrganisationKind
from sakae_council.domain.search_text import person_search_text
from sakae_council.domain.text import kana_sort_key
from sakae_council.services import search
from sakae_council.services._crud import change, current, insert, set_removed
from sakae_council.services.common import (
    furigana_text,
    get_or_raise,
    long_text,
    optional_text,
    required_text,
)


@dataclass(frozen=True)
class OrganisationInput:
    name: str
    furigana: str = ""
    kind: OrganisationKind = OrganisationKind.OTHER
    district_id: int | None = None
    contact_person_id: int | None = None
    phone: str = ""
    address: str = ""
    notes: str = ""


@dataclass(frozen=True)
class OrganisationDTO:
    id: int
    version: int
    name: str
    furigana: str
    kind: OrganisationKind
    district_id: int | None
    district_name: str
    contact_person_id: int | None
    contact_person_name: str
    phone: str
    address: str
    notes: str
    #: Set while the organisation is soft-deleted (can be restored with 元に戻す).
    deleted_at: datetime | None = None


def to_dto(o: Organisation) -> OrganisationDTO:
    return OrganisationDTO(
        id=o.id,
        version=o.version,
        name=o.name,
        furigana=o.furigana,
        kind=OrganisationKind(o.kind),
        district_id=o.district_id,
        district_name=o.district.name if o.district else "",
        contact_person_id=o.contact_person_id,
        contact_person_name=o.contact_person.name if o.contact_person else "",
        phone=o.phone,
        address=o.address,
        notes=o.notes,
        deleted_at=o.deleted_at,
    )


def _validate(s: Session, data: OrganisationInput) -> dict:
    if data.district_id is not None:
        get_or_raise(s, District, data.district_id, "学区")
    if data.contact_person_id is not None:
        get_or_raise(s, Person, data.contact_person_id, "担当者")
    furigana = furigana_text(data.furigana, 190)  # kana_key is String(800)
    return {
        "name": required_text(data.name, "name", "団体名"),
        "furigana": furigana,
        "kana_key": kana_sort_key(furigana),
        "kind": OrganisationKind(data.kind).value,
        "district_id": data.district_id,
        "contact_person_id": data.contact_person_id,
        "phone": normalize_phone(data.phone),
        "address": optional_text(data.address, "address", "住所", 400),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def _options():  # type: ignore[no-untyped-def]
    return (selectinload(Organisation.district), selectinload(Organisation.contact_person))


def list_organisations(
    db: Database,
    *,
    district_id: int | None = None,
    query: str = "",
    kind: OrganisationKind | None = None,
    deleted: bool = False,
) -> list[OrganisationDTO]:
    """Organisations in 五十音順, optionally of one district and kind, matching a kana-insensitive query.

    Soft-deleted organisations are left out, or listed alone with ``deleted=True``.
    """
    with db.reading() as s:
        stmt = select(Organisation).options(*_options()).order_by(Organisation.kana_key, Organisation.id)
        stmt = stmt.where(
            Organisation.deleted_at.is_not(None) if deleted else Organisation.deleted_at.is_(None)
        )
        if district_id is not None:
            stmt = stmt.where(Organisation.district_id == district_id)
        if kind is not None:
            kind_code: str = kind.value
            stmt = stmt.where(Organisation.kind == kind_code)
        items = [to_dto(o) for o in s.scalars(stmt)]
    wanted = search.words(query)
    if wanted:
        items = [
            o for o in items if search.matches(wanted, (o.name, o.furigana, o.contact_person_name, o.notes))
        ]
    return items


def get_organisation(db: Database, organisation_id: int) -> OrganisationDTO:
    """One organisation by id (soft-deleted ones too)."""
    with db.reading() as s:
        return to_dto(get_or_raise(s, Organisation, organisation_id, "団体"))


def create_organisation(db: Database, data: OrganisationInput) -> OrganisationDTO:
    """Register a partner organisation."""
    with db.transaction() as s:
        o = Organisation(**_validate(s, data))
        insert(s, db.user, o, "organisation", f"団体「{o.name}」を登録")
        s.refresh(o)
        return to_dto(o)


def _refresh_member_search_text(s: Session, o: Organisation) -> None:
    """Members' search_text includes their organisation's name; keep it in step with a rename."""
    for p in s.scalars(select(Person).where(Person.organisation_id == o.id)):
        p.search_text = person_search_text(p.name, p.furigana, o.name, p.notes)


def update_organisation(
    db: Database, organisation_id: int, data: OrganisationInput, expected_version: int
) -> OrganisationDTO:
    """Change an organisation; a stale copy raises ConflictError."""
    with db.transaction() as s:
        o = current(s, Organisation, organisation_id, expected_version, "団体")
        values = _validate(s, data)
        changes = change(
            s, db.user, o, values, "organisation", f"団体「{values['name']}」を変更", quiet=["kana_key"]
        )
        if "name" in changes:
            _refresh_member_search_text(s, o)
        s.refresh(o)
        return to_dto(o)


def delete_organisation(
    db: Database, organisation_id: int, expected_version: int | None = None
) -> OrganisationDTO:
    """Take an organisation off the list (soft delete); restore_organisation undoes it."""
    with db.transaction() as s:
        o = current(s, Organisation, organisation_id, expected_version, "団体")
        set_removed(s, db.user, o, True, "organisation", f"団体「{o.name}」を削除（元に戻せます）")
        s.refresh(o)
        return to_dto(o)


def restore_organisation(db: Database, organisation_id: int) -> OrganisationDTO:
    """元に戻す: put a soft-deleted organisation back on the list."""
    with db.transaction() as s:
        o = get_or_raise(s, Organisation, organisation_id, "団体")
        set_removed(s, db.user, o, False, "organisation", f"団体「{o.name}」を元に戻す")
        s.refresh(o)
        return to_dto(o)
