"""Property tests: マニュアル (sections, staff training and activity records), 成果指標 (values, targets,
consultations, courses, startups), shared-mode 利用者, and the 連絡会 summary's periods."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from property_support import (
    PROPERTY,
    any_date,
    any_float,
    any_int,
    assert_clean,
    call,
    ids,
    members,
    mostly,
    nasty_text,
    optional_date,
    optional_ids,
    run,
    versions,
)

from sakae_council.db import shared
from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.roles import UserRole
from sakae_council.services import (
    districts,
    indicator_values,
    indicators,
    liaison,
    lifesupport,
    manual,
    manual_history,
    manual_import,
    people,
    staff_records,
    users,
)
from sakae_council.services.districts import DistrictInput
from sakae_council.services.indicators import IndicatorInput, ValueKind
from sakae_council.services.lifesupport import ConsultationInput, CourseInput, StartupInput
from sakae_council.services.people import MembershipInput, PersonInput
from sakae_council.services.staff_records import StaffActivityInput, StaffTrainingInput
from sakae_council.services.users import UserInput

DISTRICT = 1
STAFF, DELETED_PERSON = 1, 2
CHAPTER, SECTION = 1, 2
INDICATOR = 1
ADMIN = 1


@pytest.fixture()
def town(db: Database) -> None:
    assert districts.create_district(db, DistrictInput(name="安食小学校区")).id == DISTRICT
    seat = MembershipInput(district_id=DISTRICT, role=MemberRole.STAFF)
    assert people.create_person(db, PersonInput(name="職員 一郎", memberships=(seat,))).id == STAFF
    assert people.create_person(db, PersonInput(name="削除 済子", memberships=(seat,))).id == DELETED_PERSON
    people.delete_person(db, DELETED_PERSON)
    assert manual.create_section(db, None, "協議会とは").id == CHAPTER
    assert manual.create_section(db, CHAPTER, "設立の手順", "本文").id == SECTION
    assert (
        indicators.create_indicator(db, IndicatorInput(code="councils", name="協議会の設立数")).id
        == INDICATOR
    )
    state = shared.state_of(db)  # on a server the first 管理者 must be whoever is connected
    login = state.login if state is not None and state.server else "kanri"
    assert users.create_user(db, UserInput(login=login, role=UserRole.ADMIN)).id == ADMIN


section_ids = ids(CHAPTER, SECTION, 3)

manual_calls = st.one_of(
    call(
        manual.create_section,
        parent_id=optional_ids(CHAPTER, SECTION),
        title=mostly("会議の進め方", "第3章 <予算>"),
        body=nasty_text,
        summary=nasty_text,
    ),
    call(
        manual.save_section,
        section_id=section_ids,
        title=mostly("設立の手順"),
        body=nasty_text,
        summary=mostly("誤字の訂正"),
        expected_version=versions(),
    ),
    call(
        manual.move_section,
        section_id=section_ids,
        new_parent_id=optional_ids(CHAPTER, SECTION),
        new_position=st.one_of(st.none(), any_int),
    ),
    call(manual.delete_section, section_id=ids(3, 4), expected_version=versions()),
    call(
        manual_history.restore_revision, section_id=section_ids, number=any_int, expected_version=versions()
    ),
    call(
        manual_import.import_markdown, text=nasty_text.map(lambda t: "# 章\n## 節\n" + t), summary=nasty_text
    ),
    call(manual_history.publish_edition, title=mostly("令和7年度版"), published_on=any_date),
    call(
        staff_records.create_training,
        data=st.builds(
            StaffTrainingInput,
            person_id=ids(STAFF, DELETED_PERSON),
            held_on=any_date,
            title=mostly("ファシリテーション研修"),
            organiser=nasty_text,
            hours=any_int,
            notes=nasty_text,
        ),
    ),
    call(
        staff_records.create_staff_activity,
        data=st.builds(
            StaffActivityInput,
            person_id=ids(STAFF, DELETED_PERSON),
            held_on=any_date,
            title=mostly("夏祭りの支援"),
            district_id=optional_ids(DISTRICT),
            hours=any_int,
            notes=nasty_text,
        ),
    ),
)

indicator_inputs = st.builds(
    IndicatorInput,
    code=mostly("volunteers", "ＳＡＬＯＮ_２"),
    name=mostly("見守り活動の参加者数"),
    unit=mostly("人", "％"),
    project=nasty_text,
    computed=nasty_text,
    display_order=any_int,
    notes=nasty_text,
)

indicator_calls = st.one_of(
    call(indicators.create_indicator, data=indicator_inputs),
    call(
        indicators.update_indicator,
        indicator_id=ids(INDICATOR),
        data=indicator_inputs,
        expected_version=versions(),
    ),
    call(
        indicator_values.set_value,
        indicator_id=ids(INDICATOR),
        fiscal_year=st.one_of(st.integers(2019, 2031), any_int),
        kind=st.one_of(members(ValueKind), nasty_text),
        value=st.one_of(st.none(), any_float, any_int),
        reason=nasty_text,
        expected_version=versions(),
    ),
    call(
        indicator_values.clear_value,
        indicator_id=ids(INDICATOR),
        fiscal_year=st.one_of(st.integers(2019, 2031), any_int),
        kind=st.one_of(members(ValueKind), nasty_text),
    ),
    call(
        lifesupport.create_consultation,
        data=st.builds(
            ConsultationInput,
            held_on=any_date,
            person_name=mostly("相談 太郎"),
            person_id=optional_ids(STAFF, DELETED_PERSON),
            district_id=optional_ids(DISTRICT),
            topic=nasty_text,
            follow_up=nasty_text,
        ),
    ),
    call(
        lifesupport.create_course,
        data=st.builds(
            CourseInput, title=mostly("起業講座"), held_on=any_date, place=nasty_text, notes=nasty_text
        ),
    ),
    call(
        lifesupport.add_attendee,
        course_id=ids(1),
        person_id=optional_ids(STAFF, DELETED_PERSON),
        name=nasty_text,
    ),
    call(
        lifesupport.create_startup,
        data=st.builds(
            StartupInput,
            founder_name=mostly("起業 花子"),
            started_on=any_date,
            business_name=nasty_text,
            field=nasty_text,
            person_id=optional_ids(STAFF),
            district_id=optional_ids(DISTRICT),
            notes=nasty_text,
        ),
    ),
)

user_inputs = st.builds(
    UserInput,
    login=mostly("sato_hanako", "ＳＡＴＯ", "watanabe@sakae"),
    display_name=nasty_text,
    role=members(UserRole),
    district_ids=st.lists(ids(DISTRICT), max_size=2).map(tuple),
)

user_calls = st.one_of(
    call(users.create_user, data=user_inputs),
    call(users.update_user, user_id=ids(ADMIN, 2), data=user_inputs, expected_version=versions()),
    call(users.delete_user, user_id=ids(2, 3), expected_version=versions()),
)

GETTERS = {
    manual.ManualSectionDTO: manual.get_section,
    staff_records.StaffTrainingDTO: staff_records.get_training,
    staff_records.StaffActivityDTO: staff_records.get_staff_activity,
    indicators.IndicatorDTO: indicators.get_indicator,
    lifesupport.ConsultationDTO: lifesupport.get_consultation,
    lifesupport.CourseDTO: lifesupport.get_course,
    lifesupport.StartupDTO: lifesupport.get_startup,
    users.UserDTO: users.get_user,
}


@PROPERTY
@given(op=manual_calls)
@example(
    op=partial(manual_history.restore_revision, section_id=SECTION, number=10**12, expected_version=None)
)  # PG DataError
def test_any_manual_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    run(db, op, GETTERS)


@PROPERTY
@given(op=indicator_calls)
@example(  # was DataError on PostgreSQL (OverflowError on SQLite)
    op=partial(
        indicators.create_indicator,
        data=IndicatorInput(code="salon", name="サロン", display_order=-(2**63) - 1),
    )
)
@example(  # clearing a figure of an absurd year reached SQL (OverflowError / DataError)
    op=partial(indicator_values.clear_value, indicator_id=1, fiscal_year=2**63, kind=ValueKind.BASE)
)
def test_any_indicator_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    run(db, op, GETTERS)


@PROPERTY
@given(op=user_calls)
@example(  # the only 管理者 renamed their own login on the server and locked themselves out
    op=partial(
        users.update_user,
        user_id=ADMIN,
        data=UserInput(login="sato_hanako", role=UserRole.ADMIN),
        expected_version=None,
    )
)
def test_any_user_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    got = run(db, op, GETTERS)
    if isinstance(got, users.UserDTO) and got.id == ADMIN and got.role is UserRole.ADMIN:
        assert users.current_user(db).can_manage_users, "the connected 管理者 lost the right to manage users"


@PROPERTY
@given(start=optional_date, end=optional_date, today=any_date)
@example(start=date(2019, 5, 1), end=date(9999, 12, 31), today=date(1, 1, 1))  # was refused from deep inside
def test_any_liaison_period_gives_a_summary_or_a_clear_error(
    db: Database, town: None, start: date | None, end: date | None, today: date
) -> None:
    try:
        period = liaison.Period.between(start, end)
    except ValidationError as exc:
        assert exc.message
        return
    assert_clean(liaison.liaison_summary(db, period, today))
