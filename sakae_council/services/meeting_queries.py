"""Meeting look-ups and one combined save the screens and the command line need beside ``meetings``/``minutes``.

- find a body by name and a meeting by (body, 年度, 第N回), for ``print minutes --body ... --number 3``;
- the 第N回 a new meeting will get, and the 年度 that have meetings, for the meetings page;
- ``save_meeting_minutes``: the editor's 保存 — the date and the minutes in one transaction;
- ``check_agenda_item``: the agenda rules, so the item dialog can refuse before the whole save;
- ``upcoming_ics``: upcoming meetings as iCalendar text for the staff's calendars.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event
from sqlalchemy import func, select

from sakae_council.db.engine import Database
from sakae_council.db.models import Meeting
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.text import fold_for_search
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label
from sakae_council.services import meeting_bodies, meetings, minutes
from sakae_council.services.common import audit, check_version, get_or_raise
from sakae_council.services.meeting_bodies import BodyDTO
from sakae_council.services.meetings import MeetingDetailDTO, MeetingSummaryDTO
from sakae_council.services.minutes import AgendaItemInput, MinutesInput

# --- look-ups ----------------------------------------------------------------------------------------


def find_body(db: Database, name: str) -> BodyDTO:
    """The body named ``name`` (exactly, or the one body whose name or district contains it)."""
    key = fold_for_search(name)
    bodies = meeting_bodies.list_bodies(db)
    exact = [b for b in bodies if fold_for_search(b.name) == key or fold_for_search(b.district_name) == key]
    found = exact or [
        b
        for b in bodies
        if key and (key in fold_for_search(b.name) or key in fold_for_search(b.district_name))
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise NotFoundError(
            msg("会議体「{name}」が見つかりません。会議体の名前を確かめてください。", name=name)
        )
    names = "、".join(b.name for b in found)
    raise ValidationError(
        "body",
        msg(
            "「{name}」に当てはまる会議体が複数あります（{names}）。名前をもう少し詳しく指定してください。",
            name=name,
            names=names,
        ),
    )


def find_meeting(db: Database, body_id: int, fy: int, number: int) -> MeetingSummaryDTO:
    """The 第``number``回 meeting of a body in 年度 ``fy``."""
    for m in meetings.list_meetings(db, body_id=body_id, fiscal_year=fy):
        if m.number == number:
            return m
    raise NotFoundError(
        msg(
            "{fiscal_year}の第{number}回の会議は登録されていません。年度と回数を確かめてください。",
            fiscal_year=fiscal_year_label(fy),
            number=number,
        )
    )


def next_number(db: Database, body_id: int, held_on: date) -> int:
    """The 第N回 a meeting of ``body_id`` on ``held_on`` would get if registered now."""
    fy = fiscal_year(held_on)
    with db.reading() as s:
        current = s.scalar(
            select(func.max(Meeting.number)).where(Meeting.body_id == body_id, Meeting.fiscal_year == fy)
        )
    return (current or 0) + 1


def fiscal_years(db: Database) -> list[int]:
    """The 年度 that have meetings, newest first."""
    with db.reading() as s:
        return list(s.scalars(select(Meeting.fiscal_year).distinct().order_by(Meeting.fiscal_year.desc())))


# --- saving ------------------------------------------------------------------------------------------


def save_meeting_minutes(
    db: Database, meeting_id: int, held_on: date, data: MinutesInput, expected_version: int
) -> MeetingDetailDTO:
    """Save a draft's 開催日 and minutes in one transaction (a date in another 年度 gets that year's 第N回)."""
    if not isinstance(held_on, date):
        raise ValidationError("held_on", "開催日を入力してください。")
    fy = fiscal_year(held_on)
    fiscal_year_label(fy)  # refuses a date outside the 和暦 range

    def work() -> MeetingDetailDTO:
        with db.transaction() as s:
            m = get_or_raise(s, Meeting, meeting_id, "会議")
            meetings._lock_body(s, m.body_id)
            check_version(m, expected_version, "議事録")
            meetings._check_editable(m)
            with s.no_autoflush:
                moved: dict[str, Any] = {}
                if held_on != m.held_on:
                    moved["held_on"] = (m.held_on.isoformat(), held_on.isoformat())
                    if fy != m.fiscal_year:
                        number = meetings._next_number(s, m.body_id, fy)
                        moved["number"] = (m.number, number)
                        m.fiscal_year, m.number = fy, number
                    m.held_on = held_on
                changes = minutes._save(s, m, data)
            changes.update(moved)
            if changes:
                s.flush()
                audit(
                    s, db.user, "update", "meeting", m.id, f"「{meetings._label(m)}」の議事録を保存", changes
                )
            return meetings.load_detail(s, m.id)

    return meetings._retry_numbering(work)


def check_agenda_item(item: AgendaItemInput) -> None:
    """Raise ValidationError (field ``title``, ``votes_for``...) if the item would be refused on save."""
    try:
        minutes._validate_agenda((item,))
    except ValidationError as exc:
        raise ValidationError(exc.field.removeprefix("agenda_items[0]."), exc.source_message) from None


# --- calendar ----------------------------------------------------------------------------------------


TOKYO = ZoneInfo("Asia/Tokyo")


def upcoming_ics(
    db: Database, today: date, *, district_id: int | None = None, host: str = "sakae-council"
) -> str:
    """Meetings on or after ``today`` as an iCalendar (.ics) text; times are local (Asia/Tokyo).

    The ``icalendar`` package writes the file (escaping, line folding, the VTIMEZONE), so calendars
    read titles and places with commas, semicolons, newlines and rare characters exactly.
    """
    cal = Calendar()
    cal.add("prodid", "-//Sakae Town//sakae_council//JA")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "まちづくり協議会の会議")
    cal.add("x-wr-timezone", "Asia/Tokyo")
    stamp = datetime.now(UTC)
    upcoming = [m for m in meetings.list_meetings(db, district_id=district_id) if m.held_on >= today]
    for m in sorted(upcoming, key=lambda m: (m.held_on, m.start_time or datetime.min.time(), m.id)):
        event = Event()
        event.add("uid", f"meeting-{m.id}@{host}")
        event.add("dtstamp", stamp)
        if m.start_time is None:
            event.add("dtstart", m.held_on)
            event.add("dtend", m.held_on + timedelta(days=1))
        else:
            start = datetime.combine(m.held_on, m.start_time, tzinfo=TOKYO)
            end = (
                datetime.combine(m.held_on, m.end_time, tzinfo=TOKYO)
                if m.end_time
                else start + timedelta(hours=2)
            )
            event.add("dtstart", start)
            event.add("dtend", end)
        event.add("summary", m.title)
        if m.place:
            event.add("location", m.place)
        event.add("description", f"{m.title}（{m.status.label}）")
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal.to_ical().decode("utf-8")
