"""Property tests: 資機材 (items, loans, returns) and 会議 (meetings, agenda, attendance, actions, minutes)."""

from __future__ import annotations

from datetime import date, time
from functools import partial

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from property_support import (
    PROPERTY,
    any_date,
    any_int,
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

from sakae_council.db.engine import Database
from sakae_council.domain.enums import AgendaKind, AgendaResult, AttendanceStatus, BodyKind, MemberRole
from sakae_council.services import (
    action_items,
    districts,
    equipment,
    equipment_loans,
    meeting_bodies,
    meetings,
    minutes,
    minutes_approval,
    organisations,
    people,
)
from sakae_council.services.districts import DistrictInput
from sakae_council.services.equipment import EquipmentInput
from sakae_council.services.equipment_loans import LoanInput
from sakae_council.services.meetings import AttendeeCategory, MeetingInput
from sakae_council.services.minutes import ActionItemInput, AgendaItemInput, AttendanceInput, MinutesInput
from sakae_council.services.organisations import OrganisationInput
from sakae_council.services.people import MembershipInput, PersonInput

DISTRICT = 1
ORG = 1
CHAIR, MEMBER, DELETED_PERSON = 1, 2, 3
ITEM = 1
LOAN = 1
BODY = 1
MEETING = 1


@pytest.fixture()
def town(db: Database) -> None:
    assert districts.create_district(db, DistrictInput(name="安食小学校区")).id == DISTRICT
    assert organisations.create_organisation(db, OrganisationInput(name="安食区自治会")).id == ORG
    seat = MembershipInput(district_id=DISTRICT, role=MemberRole.SUISHIN)
    for pid, name in ((CHAIR, "議長 一郎"), (MEMBER, "委員 花子"), (DELETED_PERSON, "削除 済子")):
        assert people.create_person(db, PersonInput(name=name, memberships=(seat,))).id == pid
    people.delete_person(db, DELETED_PERSON)
    assert equipment.create_equipment(db, EquipmentInput(name="テント", quantity=3)).id == ITEM
    loan = LoanInput(ITEM, 1, date(2025, 6, 1), date(2025, 6, 10), borrower_organisation_id=ORG)
    assert equipment_loans.lend(db, loan, today=date(2025, 6, 1)).id == LOAN
    assert (
        meeting_bodies.create_body(db, BodyKind.DISTRICT_COUNCIL, "安食地域まちづくり協議会", DISTRICT).id
        == BODY
    )
    assert meetings.create_meeting(db, MeetingInput(body_id=BODY, held_on=date(2025, 6, 14))).id == MEETING


equipment_inputs = st.builds(
    EquipmentInput,
    name=mostly("テント", "発電機 <2台目>"),
    code=mostly("", "T-01", "Ｔ－０２"),
    quantity=any_int,
    storage_place=nasty_text,
    condition=nasty_text,
    available=st.booleans(),
    notes=nasty_text,
)

loan_inputs = st.builds(
    LoanInput,
    equipment_id=ids(ITEM),
    quantity=any_int,
    lent_on=optional_date,
    due_on=optional_date,
    borrower_organisation_id=optional_ids(ORG),
    borrower_person_id=optional_ids(CHAIR, DELETED_PERSON),
    district_id=optional_ids(DISTRICT),
    project_id=optional_ids(1),
    notes=nasty_text,
)

loan_ids = ids(LOAN, 2, 3)

equipment_calls = st.one_of(
    call(equipment.create_equipment, data=equipment_inputs),
    call(
        equipment.update_equipment, equipment_id=ids(ITEM), data=equipment_inputs, expected_version=versions()
    ),
    call(equipment_loans.lend, data=loan_inputs, reserve=st.booleans(), today=optional_date),
    call(equipment_loans.hand_over, loan_id=loan_ids, expected_version=versions()),
    call(
        equipment_loans.return_loan,
        loan_id=loan_ids,
        returned_on=optional_date,
        expected_version=versions(),
        condition=mostly("良好", "破損あり: 支柱"),
    ),
    call(equipment_loans.cancel_loan, loan_id=loan_ids, expected_version=versions()),
    call(equipment.delete_equipment, equipment_id=ids(ITEM, 2), expected_version=versions()),
)

times = st.one_of(st.none(), st.times())

minutes_inputs = st.builds(
    MinutesInput,
    start_time=times,
    end_time=times,
    place=mostly("安食公民館"),
    chair_id=optional_ids(CHAIR, MEMBER, DELETED_PERSON),
    recorder_id=optional_ids(CHAIR, MEMBER),
    signatory1_id=optional_ids(CHAIR, MEMBER),
    signatory2_id=optional_ids(CHAIR, MEMBER, DELETED_PERSON),
    attendance=st.lists(
        st.builds(
            AttendanceInput,
            name=mostly("議長 一郎", "来賓 ﾀﾛｳ"),
            category=members(AttendeeCategory),
            status=members(AttendanceStatus),
            person_id=optional_ids(CHAIR, MEMBER, DELETED_PERSON),
            affiliation=nasty_text,
            proxy_name=nasty_text,
        ),
        max_size=3,
    ).map(tuple),
    observers=any_int,
    handouts=st.lists(nasty_text, max_size=2).map(tuple),
    agenda_items=st.lists(
        st.builds(
            AgendaItemInput,
            title=mostly("令和7年度事業計画", "<議題> & 報告"),
            kind=members(AgendaKind),
            presenter=nasty_text,
            discussion=nasty_text,
            result=members(AgendaResult),
            votes_for=st.one_of(st.none(), any_int),
            votes_against=st.one_of(st.none(), any_int),
            votes_abstain=st.one_of(st.none(), any_int),
        ),
        max_size=3,
    ).map(tuple),
    decisions=st.lists(nasty_text, max_size=2).map(tuple),
    action_items=st.lists(
        st.builds(
            ActionItemInput,
            content=mostly("案内文を配る"),
            assignee=nasty_text,
            due_on=optional_date,
            id=st.one_of(st.none(), st.sampled_from([1, 0, 2**63])),
        ),
        max_size=2,
    ).map(tuple),
    next_meeting=nasty_text,
)

meeting_inputs = st.builds(
    MeetingInput,
    body_id=ids(BODY),
    held_on=any_date,
    start_time=times,
    end_time=times,
    place=mostly("安食公民館"),
    notes=nasty_text,
)

meeting_ids = ids(MEETING, 2)

meeting_calls = st.one_of(
    call(
        meeting_bodies.create_body,
        kind=members(BodyKind),
        name=mostly("防災部会"),
        district_id=optional_ids(DISTRICT),
    ),
    call(meetings.create_meeting, data=meeting_inputs, prefill_attendance=st.booleans()),
    call(meetings.update_meeting, meeting_id=meeting_ids, data=meeting_inputs, expected_version=versions()),
    call(minutes.save_minutes, meeting_id=meeting_ids, data=minutes_inputs, expected_version=versions()),
    call(
        minutes_approval.approve_minutes,
        meeting_id=meeting_ids,
        approved_on=any_date,
        expected_version=versions(),
    ),
    call(
        minutes_approval.revise_minutes,
        meeting_id=meeting_ids,
        data=minutes_inputs,
        reason=mostly("誤字の訂正"),
        expected_version=versions(),
    ),
    call(action_items.complete_action_item, item_id=ids(1, 2), done_on=any_date, expected_version=versions()),
    call(action_items.reopen_action_item, item_id=ids(1, 2), expected_version=versions()),
    call(meetings.delete_meeting, meeting_id=ids(2, 3), expected_version=versions()),
)

GETTERS = {
    equipment.EquipmentDTO: equipment.get_equipment,
    meetings.MeetingDetailDTO: meetings.get_meeting,
}


@PROPERTY
@given(op=equipment_calls)
@example(
    op=partial(equipment_loans.lend, data=LoanInput(2**63, 1, date(2025, 7, 1), date(2025, 7, 2)))
)  # OverflowError
@example(  # was OverflowError: the loan's span was counted one day past date.max
    op=partial(
        equipment_loans.lend,
        data=LoanInput(ITEM, 1, date(9999, 12, 31), date(9999, 12, 31), borrower_organisation_id=ORG),
    )
)
def test_any_equipment_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    run(db, op, GETTERS)


@PROPERTY
@given(ops=st.lists(meeting_calls, min_size=1, max_size=3))
@example(  # was TypeError: a changed start time could not be written to the audit trail
    ops=[
        partial(
            meetings.update_meeting,
            meeting_id=MEETING,
            data=MeetingInput(BODY, date(2025, 6, 14), time(19, 30)),
            expected_version=None,
        )
    ]
)
@example(  # was OverflowError: the body id went into a lock statement before it was checked
    ops=[
        partial(
            meetings.update_meeting,
            meeting_id=MEETING,
            data=MeetingInput(2**63, date(2025, 6, 14)),
            expected_version=None,
        )
    ]
)
@example(  # was DataError on PostgreSQL: the district id went into a query before it was checked
    ops=[
        partial(
            meeting_bodies.create_body, kind=BodyKind.DISTRICT_COUNCIL, name="防災部会", district_id=2**31
        )
    ]
)
def test_any_meeting_call_ends_clean_or_is_refused_cleanly(
    db: Database, town: None, ops: list[partial]
) -> None:
    for op in ops:  # a few in a row, so that approval and revision meet saved minutes
        run(db, op, GETTERS)
