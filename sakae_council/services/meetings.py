"""会議: meetings numbered 第N回 per body and 年度 — registering, changing and deleting them; the bodies
(会議体) and the attendance a new meeting starts with are services/meeting_bodies.py.

The DTOs live in ``services.meeting_dto`` and the reading (list, detail) in ``services.meeting_detail``; both
are re-exported here, where the rest of the program has always imported them. The minutes themselves (saving,
approval, revisions, action items) live in ``services.minutes``.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypeVar, cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import Meeting, MeetingBody
from sakae_council.domain.enums import MinutesStatus
from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label
from sakae_council.services._crud import change, current, insert, remove
from sakae_council.services.common import get_or_raise, long_text, optional_text, require_id
from sakae_council.services.meeting_bodies import _prefill
from sakae_council.services.meeting_detail import (
    get_meeting,
    list_meetings,
    load_detail,
    read_summaries,
    summary_select,
)
from sakae_council.services.meeting_dto import (
    ActionItemDTO,
    AgendaItemDTO,
    AttendanceDTO,
    AttendeeCategory,
    MeetingDetailDTO,
    MeetingInput,
    MeetingSummaryDTO,
    quorum,
)

__all__ = [
    "ActionItemDTO",
    "AgendaItemDTO",
    "AttendanceDTO",
    "AttendeeCategory",
    "MeetingDetailDTO",
    "MeetingInput",
    "MeetingSummaryDTO",
    "create_meeting",
    "delete_meeting",
    "get_meeting",
    "list_meetings",
    "load_detail",
    "quorum",
    "read_summaries",
    "summary_select",
    "update_meeting",
]

T = TypeVar("T")

_NUMBERING_ATTEMPTS = 5


def _lock_body(s: Session, body_id: int) -> None:
    """Serialise numbering per body: a no-op write as the transaction's first statement.

    On SQLite it takes the write lock before ``max(number)`` is read (waiting out the busy timeout instead
    of failing on a stale snapshot); on PostgreSQL it locks the body's row until commit.
    """
    body_id = require_id(body_id, "会議体")
    table = cast(Table, MeetingBody.__table__)
    s.execute(update(table).where(table.c.id == body_id).values(updated_at=table.c.updated_at))


def _next_number(s: Session, body_id: int, fy: int) -> int:
    """max+1 within the caller's transaction (the unique constraint catches a concurrent writer)."""
    current = s.scalar(
        select(func.max(Meeting.number)).where(Meeting.body_id == body_id, Meeting.fiscal_year == fy)
    )
    return (current or 0) + 1


def _retry_numbering(work: Callable[[], T]) -> T:
    """Run ``work`` (a whole transaction) again when another writer took the same 第N回 meanwhile."""
    for _ in range(_NUMBERING_ATTEMPTS - 1):
        try:
            return work()
        except IntegrityError as exc:
            text = str(exc.orig)
            if "uq_meeting_body_fy_number" not in text and "meeting.number" not in text:
                raise
    try:
        return work()
    except IntegrityError as exc:
        raise ConflictError(
            "同じ会議体・年度の会議が同時に登録されたため、回数を決められませんでした。もう一度保存してください。"
        ) from exc


def _check_times(start: time | None, end: time | None) -> None:
    if start is not None and end is not None and end <= start:
        raise ValidationError(
            "end_time", "終了時刻が開始時刻より前（または同じ）になっています。時刻を確認してください。"
        )


def _validate_meeting(data: MeetingInput) -> dict:
    if not isinstance(data.held_on, date) or isinstance(data.held_on, datetime):
        raise ValidationError("held_on", "開催日を入力してください。")
    _check_times(data.start_time, data.end_time)
    return {
        "held_on": data.held_on,
        "start_time": data.start_time,
        "end_time": data.end_time,
        "place": optional_text(data.place, "place", "場所"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def _label(m: Meeting) -> str:
    return f"{fiscal_year_label(m.fiscal_year)} 第{m.number}回 {m.body.name}"


def create_meeting(db: Database, data: MeetingInput, *, prefill_attendance: bool = True) -> MeetingDetailDTO:
    """Register a meeting as 第N回 of its body's 年度; attendance starts as the body's current members, all 未確認."""
    values = _validate_meeting(data)
    fy = fiscal_year(values["held_on"])
    fiscal_year_label(fy)  # refuses a date outside the 和暦 range early

    def work() -> MeetingDetailDTO:
        with db.transaction() as s:
            _lock_body(s, data.body_id)
            body = get_or_raise(s, MeetingBody, data.body_id, "会議体")
            m = Meeting(body_id=body.id, fiscal_year=fy, number=_next_number(s, body.id, fy), **values)
            m.status = MinutesStatus.DRAFT.value
            m.revision = 0
            m.observers = 0
            m.next_meeting = ""
            if prefill_attendance:
                m.attendance = _prefill(s, body, m.held_on)
            insert(
                s, db.user, m, "meeting", lambda m: f"「{_label(m)}」を登録（{len(m.attendance)}名の出欠）"
            )
            return load_detail(s, m.id)

    return _retry_numbering(work)


def update_meeting(
    db: Database, meeting_id: int, data: MeetingInput, expected_version: int
) -> MeetingDetailDTO:
    """Change a draft meeting's date, times, place and notes; a date in another 年度 gets that year's next 第N回."""
    checked = _validate_meeting(data)
    fy = fiscal_year(checked["held_on"])
    fiscal_year_label(fy)

    def work() -> MeetingDetailDTO:
        values = dict(checked)
        with db.transaction() as s:
            _lock_body(s, data.body_id)
            m = current(s, Meeting, meeting_id, expected_version, "会議")
            _check_editable(m)
            if data.body_id != m.body_id:
                raise ValidationError(
                    "body_id", "会議体は変更できません。別の会議体の会議として新しく登録してください。"
                )
            if fy != m.fiscal_year:
                # Numbered before any attribute changes, so one UPDATE bumps the version once.
                values.update(fiscal_year=fy, number=_next_number(s, m.body_id, fy))
            change(s, db.user, m, values, "meeting", lambda m: f"「{_label(m)}」の日時・場所を変更")
            return load_detail(s, m.id)

    return _retry_numbering(work)


def _check_editable(m: Meeting) -> None:
    if m.status == MinutesStatus.APPROVED.value:
        raise ValidationError(
            "status",
            "この議事録は確定済みのため変更できません。変更が必要なときは「修正」から理由を入力してください。",
        )


def delete_meeting(db: Database, meeting_id: int, expected_version: int | None = None) -> None:
    """Remove a draft meeting with its minutes; 確定 minutes are kept."""
    with db.transaction() as s:
        m = current(s, Meeting, meeting_id, expected_version, "会議")
        if m.status != MinutesStatus.DRAFT.value:
            raise ValidationError(
                "status", "確定した議事録の会議は削除できません。修正が必要なら「修正」を使ってください。"
            )
        remove(s, db.user, m, "meeting", lambda m: f"「{_label(m)}」を削除")
