"""Attendance is entered, never assumed: a new meeting's roster starts 未確認, its quorum is 未確定 until the
entered attendance decides it, and minutes cannot be 確定 while anyone is 未確認. The council's own wording
of the no-quorum remark travels with the meeting (and is frozen with approved minutes). Runs on SQLite and,
with SAKAE_TEST_PG_URL, on PostgreSQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from meeting_town import council

from sakae_council.db.engine import Database
from sakae_council.domain.council import QuorumState
from sakae_council.domain.enums import AgendaResult, AttendanceStatus, MemberRole
from sakae_council.domain.errors import ValidationError
from sakae_council.services import districts, meetings, minutes, minutes_approval
from sakae_council.services.dashboard import dashboard
from sakae_council.services.meetings import AttendeeCategory, MeetingInput, quorum
from sakae_council.services.minutes import AgendaItemInput, MinutesInput, minutes_input_from


def _entered(data: MinutesInput, status_of: dict[int, AttendanceStatus]) -> MinutesInput:
    """The attendance as typed from the sign-in sheet: the given people as said, everyone else 出席."""
    rows = tuple(
        replace(a, status=status_of.get(a.person_id or 0, AttendanceStatus.PRESENT), proxy_name="")
        for a in data.attendance
    )
    return replace(data, attendance=rows)


@pytest.mark.parametrize("days_ahead", [30, 0])
def test_a_meeting_not_held_yet_starts_unconfirmed_and_undecided(db: Database, days_ahead: int) -> None:
    c = council(db, members=8)  # 11 委員 and 2 地区担当職員
    held = date.today() + timedelta(days=days_ahead)
    m = meetings.create_meeting(db, MeetingInput(c.body, held))
    assert len(m.members) == 11 and len(m.staff) == 2
    assert {a.status for a in m.attendance} == {AttendanceStatus.UNCONFIRMED}
    q = quorum(m)
    assert (q.total, q.present, q.unconfirmed, q.state) == (11, 0, 11, QuorumState.UNDECIDED)
    assert not q.met

    # read back from the database, not only the DTO the create call returned
    again = meetings.get_meeting(db, m.id)
    assert quorum(again).state is QuorumState.UNDECIDED


def test_entered_attendance_decides_the_quorum(db: Database) -> None:
    c = council(db, members=8)
    m = meetings.create_meeting(db, MeetingInput(c.body, date(2026, 11, 28)))
    members = [a.person_id for a in m.members]
    # 5 of 11 entered 出席, the rest still 未確認: could go either way
    part = minutes_input_from(m)
    part = replace(
        part,
        attendance=tuple(
            replace(a, status=AttendanceStatus.PRESENT) if a.person_id in members[:5] else a
            for a in part.attendance
        ),
    )
    m = minutes.save_minutes(db, m.id, part, m.version)
    assert quorum(m).state is QuorumState.UNDECIDED
    # 6 absent entered: 5 + 0 未確認 of 11 — not met
    absent = {pid: AttendanceStatus.ABSENT for pid in members[5:] if pid is not None}
    m = minutes.save_minutes(db, m.id, _entered(minutes_input_from(m), absent), m.version)
    q = quorum(meetings.get_meeting(db, m.id))
    assert (q.present, q.total, q.state) == (5, 11, QuorumState.NOT_MET)
    # one of them came after all
    one_back = dict(list(absent.items())[1:])
    m = minutes.save_minutes(db, m.id, _entered(minutes_input_from(m), one_back), m.version)
    assert quorum(meetings.get_meeting(db, m.id)).state is QuorumState.MET


def test_minutes_cannot_be_approved_while_anyone_is_unconfirmed(db: Database) -> None:
    c = council(db, members=2)
    m = meetings.create_meeting(db, MeetingInput(c.body, date(2026, 11, 28)))
    roles = dict(
        chair_id=c.people["chair"],
        recorder_id=c.people["staff"],
        signatory1_id=c.people["vice"],
        signatory2_id=c.people["odd"],
        agenda_items=(AgendaItemInput(title="事業計画", result=AgendaResult.APPROVED),),
    )
    data = _entered(minutes_input_from(m), {})
    # the 2nd 地区担当職員 is left 未確認
    data = replace(
        data,
        attendance=tuple(
            replace(a, status=AttendanceStatus.UNCONFIRMED) if a.person_id == c.people["staff2"] else a
            for a in data.attendance
        ),
        **roles,
    )
    m = minutes.save_minutes(db, m.id, data, m.version)
    with pytest.raises(ValidationError) as e:
        minutes_approval.approve_minutes(db, m.id, date(2026, 12, 1), m.version)
    assert e.value.field == "attendance"
    assert "前田 和子" in str(e.value.message) and "未確認" in str(e.value.message)
    assert not meetings.get_meeting(db, m.id).is_approved

    m = minutes.save_minutes(db, m.id, _entered(minutes_input_from(m), {}), m.version)
    assert minutes_approval.approve_minutes(db, m.id, date(2026, 12, 1), m.version).is_approved


def test_the_councils_no_quorum_wording_travels_with_the_meeting_and_is_frozen_on_approval(
    db: Database,
) -> None:
    c = council(db, members=2)
    d = districts.get_district(db, c.district)
    wording = "出席が定足数に満たないため、本日の協議内容は次回の会議で改めて諮ります。"
    d = districts.update_district(
        db, d.id, replace(_district_input(d), no_quorum_remark=f"  {wording}\n"), d.version
    )
    assert d.no_quorum_remark == wording
    m = meetings.create_meeting(db, MeetingInput(c.body, date(2026, 11, 28)))
    assert m.no_quorum_remark == wording
    data = replace(
        _entered(minutes_input_from(m), {}),
        chair_id=c.people["chair"],
        recorder_id=c.people["staff"],
        signatory1_id=c.people["vice"],
        signatory2_id=c.people["odd"],
        agenda_items=(AgendaItemInput(title="事業計画"),),
    )
    m = minutes.save_minutes(db, m.id, data, m.version)
    m = minutes_approval.approve_minutes(db, m.id, date(2026, 12, 1), m.version)
    d = districts.update_district(db, d.id, replace(_district_input(d), no_quorum_remark=""), d.version)
    assert meetings.get_meeting(db, m.id).no_quorum_remark == ""  # the live meeting follows the setting
    assert (
        minutes_approval.get_revision_snapshot(db, m.id, 1).no_quorum_remark == wording
    )  # the record does not


def test_a_too_long_wording_is_refused_under_its_field(db: Database) -> None:
    c = council(db, members=0)
    d = districts.get_district(db, c.district)
    with pytest.raises(ValidationError) as e:
        districts.update_district(
            db, d.id, replace(_district_input(d), no_quorum_remark="あ" * 401), d.version
        )
    assert e.value.field == "no_quorum_remark"


def test_the_dashboard_the_roster_rule_and_the_meeting_count_the_same_members(db: Database) -> None:
    c = council(db, members=8)
    m = meetings.create_meeting(db, MeetingInput(c.body, date(2026, 11, 28)))
    card = dashboard(db, date(2026, 11, 28)).card(c.district)
    assert card.member_count == len(m.members) == 11
    assert dict(card.members_by_role)[MemberRole.STAFF] == 2
    assert all(a.category is AttendeeCategory.STAFF for a in m.staff)


def _district_input(d: districts.DistrictDTO) -> districts.DistrictInput:
    return districts.DistrictInput(
        name=d.name,
        council_name=d.council_name,
        council_status=d.council_status,
        established_on=d.established_on,
        display_order=d.display_order,
        notes=d.notes,
        no_quorum_remark=d.no_quorum_remark,
    )
