"""Property tests: the roster, organisations and districts take any input and end clean or refuse cleanly."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from property_support import (
    PROPERTY,
    any_date,
    any_int,
    ids,
    members,
    mostly,
    multi_line,
    nasty_text,
    one_line,
    optional_date,
    optional_ids,
    outcome,
)

from sakae_council.db.engine import Database
from sakae_council.domain.enums import CouncilStatus, MemberRole, OfficerPost, OrganisationKind
from sakae_council.services import districts, organisations, people
from sakae_council.services.districts import DistrictInput
from sakae_council.services.organisations import OrganisationInput
from sakae_council.services.people import MembershipInput, PersonInput


@dataclass
class Roster:
    district: int
    gone_district: int
    organisation: int
    person: int
    deleted_person: int


@pytest.fixture()
def roster(db: Database) -> Roster:
    anjiki = districts.create_district(db, DistrictInput(name="安食小学校区")).id
    gone = districts.create_district(db, DistrictInput(name="統合前学区")).id
    districts.merge_districts(db, gone, anjiki, date(2025, 4, 1))
    org = organisations.create_organisation(db, OrganisationInput(name="安食区自治会")).id
    person = people.create_person(db, PersonInput(name="山田 太郎")).id
    deleted = people.create_person(db, PersonInput(name="削除 済子")).id
    people.delete_person(db, deleted)
    return Roster(anjiki, gone, org, person, deleted)


def _memberships(r: Roster) -> st.SearchStrategy[tuple[MembershipInput, ...]]:
    one = st.builds(
        MembershipInput,
        district_id=ids(r.district, r.gone_district),
        role=members(MemberRole),
        public_post=mostly("民生委員・児童委員", "自治会長"),
        officer_post=members(OfficerPost),
        commissioned_on=optional_date,
        term_start=optional_date,
        term_end=optional_date,
        ended_on=optional_date,
        id=st.one_of(st.none(), st.sampled_from([0, -1, 2**63])),
    )
    return st.lists(one, max_size=3).map(tuple)


def _person_input(r: Roster) -> st.SearchStrategy[PersonInput]:
    return st.builds(
        PersonInput,
        name=mostly("山田 花子", "髙橋 一", "𠮷田　ﾊﾅｺ"),
        furigana=mostly("", "ヤマダ ハナコ", "ﾀｶﾊｼ ﾊｼﾞﾒ", "よしだ"),
        postal_code=mostly("", "270-1516", "２７０１５１６"),
        address=mostly("", "栄町安食1-2-3"),
        phone=mostly("", "0476-95-1111", "０９０１２３４５６７８"),
        email=mostly("", "taro@example.jp", "ＨＡＮＡ＠ＥＸＡＭＰＬＥ．ＪＰ"),
        notes=nasty_text,
        organisation_id=optional_ids(r.organisation),
        memberships=_memberships(r),
    )


def _check_person(db: Database, data: PersonInput, got: people.PersonDTO) -> None:
    assert got.name == one_line(data.name) and got.name
    assert got.notes == multi_line(data.notes)
    assert got.address == one_line(data.address)
    assert len(got.memberships) == len(data.memberships)
    assert people.get_person(db, got.id) == got


@PROPERTY
@given(data=st.data())
def test_any_person_is_saved_clean_or_refused_cleanly(
    db: Database, roster: Roster, data: st.DataObject
) -> None:
    entry = data.draw(_person_input(roster))
    got = outcome(db, lambda: people.create_person(db, entry))
    if got is not None:
        _check_person(db, entry, got)


@PROPERTY
@given(data=st.data())
def test_any_person_update_is_saved_clean_or_refused_cleanly(
    db: Database, roster: Roster, data: st.DataObject
) -> None:
    target = data.draw(ids(roster.person, roster.deleted_person))
    entry = data.draw(_person_input(roster))
    version = data.draw(st.one_of(st.just(None), st.just(None), any_int))
    if version is None:
        try:
            version = people.get_person(db, target).version
        except Exception:
            version = 1
    got = outcome(db, lambda: people.update_person(db, target, entry, version))
    if got is not None:
        _check_person(db, entry, got)


@PROPERTY
@given(data=st.data())
def test_any_organisation_is_saved_clean_or_refused_cleanly(
    db: Database, roster: Roster, data: st.DataObject
) -> None:
    entry = data.draw(
        st.builds(
            OrganisationInput,
            name=mostly("栄町商工会", "ＮＰＯ法人 さかえ"),
            furigana=mostly("", "サカエ"),
            kind=members(OrganisationKind),
            district_id=optional_ids(roster.district, roster.gone_district),
            contact_person_id=optional_ids(roster.person, roster.deleted_person),
            phone=mostly("", "0476-95-1111"),
            address=nasty_text,
            notes=nasty_text,
        )
    )
    update = data.draw(st.booleans())
    if update:
        version = organisations.get_organisation(db, roster.organisation).version
        got = outcome(db, lambda: organisations.update_organisation(db, roster.organisation, entry, version))
    else:
        got = outcome(db, lambda: organisations.create_organisation(db, entry))
    if got is not None:
        assert got.name == one_line(entry.name) and got.notes == multi_line(entry.notes)
        assert organisations.get_organisation(db, got.id) == got


@PROPERTY
@given(data=st.data())
def test_any_district_is_saved_clean_or_refused_cleanly(
    db: Database, roster: Roster, data: st.DataObject
) -> None:
    entry = data.draw(
        st.builds(
            DistrictInput,
            name=mostly(
                st.text("安食酒直竜角寺台布鎌北ﾆｼ𠮷髙", min_size=1, max_size=5).map(lambda n: n + "小学校区")
            ),
            council_name=nasty_text,
            council_status=members(CouncilStatus),
            established_on=optional_date,
            display_order=any_int,
            notes=nasty_text,
        )
    )
    update = data.draw(st.booleans())
    if update:
        version = districts.get_district(db, roster.district).version
        got = outcome(db, lambda: districts.update_district(db, roster.district, entry, version))
    else:
        got = outcome(db, lambda: districts.create_district(db, entry))
    if got is not None:
        assert got.name == one_line(entry.name) and got.notes == multi_line(entry.notes)
        assert districts.get_district(db, got.id) == got


@PROPERTY
@given(data=st.data())
def test_any_district_order_or_merge_ends_clean(db: Database, roster: Roster, data: st.DataObject) -> None:
    known = (roster.district, roster.gone_district)
    if data.draw(st.booleans()):
        order = data.draw(st.lists(ids(*known), max_size=4))
        outcome(db, lambda: districts.set_district_order(db, order))
    else:
        source, target = data.draw(ids(*known)), data.draw(ids(*known))
        when = data.draw(any_date)
        outcome(db, lambda: districts.merge_districts(db, source, target, when))
