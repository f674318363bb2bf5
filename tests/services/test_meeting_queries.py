"""services.meeting_queries: look-ups, the editor's combined save, the agenda check, iCalendar text."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

import pytest
from meeting_town import council, full_meeting

from sakae_council.db.engine import Database
from sakae_council.domain.enums import AgendaResult, BodyKind, MinutesStatus
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import meeting_bodies, meeting_queries, meetings, minutes_approval
from sakae_council.services.meetings import MeetingInput
from sakae_council.services.minutes import AgendaItemInput, minutes_input_from


def test_find_body_and_meeting(db: Database) -> None:
    c = council(db, members=2)
    m = meetings.create_meeting(db, MeetingInput(c.body, date(2026, 6, 1)))
    assert meeting_queries.find_body(db, "安食小学校区").id == c.body
    assert meeting_queries.find_body(db, "連絡会").name == "地域まちづくり連絡会"
    with pytest.raises(NotFoundError):
        meeting_queries.find_body(db, "布鎌")
    assert meeting_queries.find_meeting(db, c.body, 2026, 1).id == m.id
    with pytest.raises(NotFoundError, match="第2回"):
        meeting_queries.find_meeting(db, c.body, 2026, 2)
    assert meeting_queries.next_number(db, c.body, date(2026, 9, 1)) == 2
    assert meeting_queries.next_number(db, c.body, date(2027, 4, 1)) == 1
    assert meeting_queries.fiscal_years(db) == [2026]


def test_save_meeting_minutes_moves_the_date_and_renumbers_in_one_transaction(db: Database) -> None:
    c = council(db, members=2)
    meetings.create_meeting(db, MeetingInput(c.body, date(2027, 5, 1)))  # 令和9年度 第1回
    m = meetings.create_meeting(db, MeetingInput(c.body, date(2027, 3, 1), time(19)))  # 令和8年度 第1回
    data = replace(minutes_input_from(m), place="公民館 <2階>", next_meeting="未定")
    saved = meeting_queries.save_meeting_minutes(db, m.id, date(2027, 4, 10), data, m.version)
    assert (saved.fiscal_year, saved.number, saved.held_on, saved.place) == (
        2027,
        2,
        date(2027, 4, 10),
        "公民館 <2階>",
    )
    assert saved.version == m.version + 1

    # a refused save writes nothing, not even the new date
    bad = replace(minutes_input_from(saved), start_time=time(20), end_time=time(19))
    with pytest.raises(ValidationError) as err:
        meeting_queries.save_meeting_minutes(db, m.id, date(2027, 6, 1), bad, saved.version)
    assert err.value.field == "end_time"
    assert meetings.get_meeting(db, m.id).held_on == date(2027, 4, 10)
    with pytest.raises(ConflictError):
        meeting_queries.save_meeting_minutes(db, m.id, date(2027, 4, 10), data, m.version)


def test_save_meeting_minutes_refuses_approved_minutes(db: Database) -> None:
    c = council(db, members=4)
    m = full_meeting(db, c, agenda=1)
    m = minutes_approval.approve_minutes(db, m.id, date(2026, 12, 1), m.version)
    assert m.status is MinutesStatus.APPROVED
    with pytest.raises(ValidationError, match="確定済み"):
        meeting_queries.save_meeting_minutes(db, m.id, m.held_on, minutes_input_from(m), m.version)


def test_check_agenda_item_names_the_field() -> None:
    meeting_queries.check_agenda_item(AgendaItemInput(title="報告"))
    with pytest.raises(ValidationError) as err:
        meeting_queries.check_agenda_item(AgendaItemInput(title=""))
    assert err.value.field == "title"
    with pytest.raises(ValidationError) as err:
        meeting_queries.check_agenda_item(
            AgendaItemInput(title="採決", result=AgendaResult.MAJORITY, votes_for=2, votes_against=3)
        )
    assert err.value.field == "votes_for"


def test_upcoming_ics(db: Database) -> None:
    c = council(db, members=2)
    meetings.create_meeting(db, MeetingInput(c.body, date(2026, 1, 10), time(10)))
    meetings.create_meeting(
        db,
        MeetingInput(
            c.body, date(2026, 12, 5), time(19), time(20, 30), place="安食ふれあいセンター; 2階, 会議室"
        ),
    )
    meetings.create_meeting(db, MeetingInput(c.body, date(2026, 12, 20)))
    text = meeting_queries.upcoming_ics(db, date(2026, 11, 28))
    assert text.count("BEGIN:VEVENT") == 2
    assert (
        "DTSTART;TZID=Asia/Tokyo:20261205T190000\r\n" in text
        and "DTEND;TZID=Asia/Tokyo:20261205T203000\r\n" in text
    )
    assert "DTSTART;VALUE=DATE:20261220\r\n" in text
    assert "LOCATION:安食ふれあいセンター\\; 2階\\, 会議室\r\n" in text
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    unfolded = text.replace("\r\n ", "")
    assert "SUMMARY:令和8年度 第2回 安食小学校区まちづくり協議会\r\n" in unfolded


def test_upcoming_ics_reads_back_exactly_in_two_parsers(db: Database) -> None:
    """Titles and places with 𠮷, commas, semicolons, backslashes and newlines survive a round trip through
    the icalendar package and, independently, vobject (what calendar programs would see)."""
    import icalendar
    import vobject

    c = council(db, members=2)
    body = meeting_bodies.create_body(db, BodyKind.SUBCOMMITTEE, "𠮷野; 部会, 第二\\班", c.district)
    place = "𠮷田公民館; 2階, 会議室\n（奥の部屋）"
    meetings.create_meeting(db, MeetingInput(body.id, date(2026, 12, 5), time(19), time(20, 30), place=place))
    meetings.create_meeting(db, MeetingInput(c.body, date(2026, 12, 20)))
    text = meeting_queries.upcoming_ics(db, date(2026, 11, 28))
    stored = {m.id: m for m in meetings.list_meetings(db)}

    cal = icalendar.Calendar.from_ical(text)
    events = [e for e in cal.walk("VEVENT")]
    assert len(events) == 2
    timed = next(e for e in events if str(e["LOCATION"]) == stored[_meeting_id(e)].place)
    m = stored[_meeting_id(timed)]
    assert str(timed["SUMMARY"]) == m.title and "𠮷野; 部会, 第二" in m.title
    start = timed.decoded("DTSTART")
    assert (start.isoformat(), str(start.tzinfo)) == ("2026-12-05T19:00:00+09:00", "Asia/Tokyo")
    assert timed.decoded("DTEND").isoformat() == "2026-12-05T20:30:00+09:00"
    all_day = next(e for e in events if e is not timed)
    assert all_day.decoded("DTSTART") == date(2026, 12, 20) and "LOCATION" not in all_day
    assert cal.walk("VTIMEZONE")  # calendars that need the zone spelled out find it

    second = vobject.readOne(text)
    by_uid = {e.uid.value: e for e in second.vevent_list}
    again = by_uid[str(timed["UID"])]
    assert again.summary.value == m.title and again.location.value == m.place
    assert again.dtstart.value.isoformat() == "2026-12-05T19:00:00+09:00"
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))


def _meeting_id(event: object) -> int:
    return int(str(event["UID"]).split("-")[1].split("@")[0])  # type: ignore[index]
