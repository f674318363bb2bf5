"""団体・協働パートナー service: validation, search, kind/district filters, soft delete, conflicts."""

from __future__ import annotations

import pytest

from sakae_council.db.engine import Database
from sakae_council.domain.enums import OrganisationKind
from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.services import districts, organisations, people
from sakae_council.services.organisations import OrganisationInput


def test_create_validates_and_normalises(db: Database) -> None:
    with pytest.raises(ValidationError) as err:
        organisations.create_organisation(db, OrganisationInput(name=" "))
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        organisations.create_organisation(db, OrganisationInput(name="NPO法人さかえ", furigana="NPO"))
    assert err.value.field == "furigana"
    with pytest.raises(ValidationError) as err:
        organisations.create_organisation(db, OrganisationInput(name="NPO法人さかえ", phone="abc"))
    assert err.value.field == "phone"
    assert organisations.list_organisations(db) == []
    o = organisations.create_organisation(
        db,
        OrganisationInput(
            name="ＮＰＯ法人さかえ", furigana="えぬぴーおーほうじんさかえ", phone="０４７６９５１２３４"
        ),
    )
    assert (o.name, o.furigana, o.phone) == ("NPO法人さかえ", "エヌピーオーホウジンサカエ", "0476-95-1234")


def test_list_filters_and_searches_kana_insensitively(db: Database) -> None:
    d = districts.create_district(db, districts.DistrictInput(name="安食小学校区"))
    contact = people.create_person(db, people.PersonInput(name="栄 太郎", furigana="サカエ タロウ"))
    organisations.create_organisation(
        db,
        OrganisationInput(
            name="安食自治会",
            furigana="アジキジチカイ",
            kind=OrganisationKind.NEIGHBOURHOOD,
            district_id=d.id,
            contact_person_id=contact.id,
        ),
    )
    organisations.create_organisation(
        db,
        OrganisationInput(
            name="栄町商工会", furigana="サカエマチショウコウカイ", kind=OrganisationKind.BUSINESS
        ),
    )
    assert [o.name for o in organisations.list_organisations(db)] == ["安食自治会", "栄町商工会"]
    assert [o.name for o in organisations.list_organisations(db, district_id=d.id)] == ["安食自治会"]
    assert [o.name for o in organisations.list_organisations(db, kind=OrganisationKind.BUSINESS)] == [
        "栄町商工会"
    ]
    assert [o.name for o in organisations.list_organisations(db, query="ｼｮｳｺｳ")] == ["栄町商工会"]
    assert [o.name for o in organisations.list_organisations(db, query="栄太郎")] == ["安食自治会"]
    assert organisations.list_organisations(db)[0].contact_person_name == "栄 太郎"


def test_soft_delete_restore_and_conflict(db: Database) -> None:
    o = organisations.create_organisation(
        db, OrganisationInput(name="栄町商工会", furigana="サカエマチショウコウカイ")
    )
    changed = organisations.update_organisation(
        db, o.id, OrganisationInput(name="栄町商工会", notes="会員40社"), o.version
    )
    with pytest.raises(ConflictError):
        organisations.update_organisation(db, o.id, OrganisationInput(name="別の名前"), o.version)
    with pytest.raises(ConflictError):
        organisations.delete_organisation(db, o.id, o.version)
    deleted = organisations.delete_organisation(db, o.id, changed.version)
    assert deleted.deleted_at is not None
    assert organisations.list_organisations(db) == []
    assert [x.name for x in organisations.list_organisations(db, deleted=True)] == ["栄町商工会"]
    organisations.restore_organisation(db, o.id)
    assert [x.notes for x in organisations.list_organisations(db)] == ["会員40社"]
