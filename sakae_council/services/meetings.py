"""会議: meetings numbered 第N回 per body and 年度, their details and the list; the bodies (会議体) and the
attendance a new meeting starts with are services/meeting_bodies.py.

The minutes themselves (saving, approval, revisions, action items) live in ``services.minutes``; the DTOs
both share are ``services.meeting_dtos`` (no database library behind them, so the reports package and the
command line's quick print use them without SQLAlchemy), re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import TypeVar, cast

from sqlalchemy import Select, Table, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import ActionItem, Attendance, District, Meeting, MeetingBody
from sakae_council.domain.enums import (
    ActionStatus,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
    BodyKind,
    MinutesStatus,
)
from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    optional_text,
    require_id,
)
from sakae_council.services.meeting_bodies import _prefill
from sakae_council.services.meeting_dtos import (  # re-exported: defined here before
    ActionItemDTO,
    AgendaItemDTO,
    AttendanceDTO,
    AttendeeCategory,
    MeetingDetailDTO,
    MeetingInput,
    MeetingSummaryDTO,
)
from sakae_council.services.meeting_dtos import quorum as quorum  # re-exported for callers

T = TypeVar("T")

_NUMBERING_ATTEMPTS = 5


# --- meetings ----------------------------------------------------------------------------------------


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
            s.add(m)
            s.flush()
            audit(
                s, db.user, "create", "meeting", m.id, f"「{_label(m)}」を登録（{len(m.attendance)}名の出欠）"
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
            m = get_or_raise(s, Meeting, meeting_id, "会議")
            check_version(m, expected_version, "会議")
            _check_editable(m)
            if data.body_id != m.body_id:
                raise ValidationError(
                    "body_id", "会議体は変更できません。別の会議体の会議として新しく登録してください。"
                )
            if fy != m.fiscal_year:
                # Numbered before any attribute changes, so one UPDATE bumps the version once.
                values.update(fiscal_year=fy, number=_next_number(s, m.body_id, fy))
            changes = apply_changes(m, values)
            if changes:
                s.flush()
                audit(s, db.user, "update", "meeting", m.id, f"「{_label(m)}」の日時・場所を変更", changes)
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
        m = get_or_raise(s, Meeting, meeting_id, "会議")
        check_version(m, expected_version, "会議")
        if m.status != MinutesStatus.DRAFT.value:
            raise ValidationError(
                "status", "確定した議事録の会議は削除できません。修正が必要なら「修正」を使ってください。"
            )
        audit(s, db.user, "delete", "meeting", m.id, f"「{_label(m)}」を削除")
        s.delete(m)


def _summary(m: Meeting) -> MeetingSummaryDTO:
    body = m.body
    return MeetingSummaryDTO(
        id=m.id,
        version=m.version,
        body_id=body.id,
        body_name=body.name,
        body_kind=BodyKind(body.kind),
        district_id=body.district_id,
        district_name=body.district.name if body.district else "",
        fiscal_year=m.fiscal_year,
        fiscal_year_label=fiscal_year_label(m.fiscal_year),
        number=m.number,
        held_on=m.held_on,
        start_time=m.start_time,
        end_time=m.end_time,
        place=m.place,
        status=MinutesStatus(m.status),
        revision=m.revision,
        approved_on=m.approved_on,
    )


def summary_select() -> Select:
    """The columns of MeetingSummaryDTO, meetings joined to their bodies and districts (unfiltered, unordered)."""
    m, body = Meeting, MeetingBody
    return (
        select(
            m.id,
            m.version,
            m.body_id,
            body.name,
            body.kind,
            body.district_id,
            District.name,
            m.fiscal_year,
            m.number,
            m.held_on,
            m.start_time,
            m.end_time,
            m.place,
            m.status,
            m.revision,
            m.approved_on,
        )
        .join(body, body.id == m.body_id)
        .outerjoin(District, District.id == body.district_id)
    )


def read_summaries(s: Session, stmt: Select) -> list[MeetingSummaryDTO]:
    """Run ``stmt`` (built on summary_select) into DTOs, read as plain columns, not ORM objects, with the
    repeated texts (会議体, 学区, 年度) shared between rows."""
    texts: dict[str, str] = {}
    years: dict[int, str] = {}

    def one(text: str | None) -> str:
        return texts.setdefault(text or "", text or "")

    def year_label(fy: int) -> str:
        if fy not in years:
            years[fy] = fiscal_year_label(fy)
        return years[fy]

    return [
        MeetingSummaryDTO(
            id=mid,
            version=version,
            body_id=bid,
            body_name=one(name),
            body_kind=BodyKind(kind),
            district_id=did,
            district_name=one(dname),
            fiscal_year=fy,
            fiscal_year_label=year_label(fy),
            number=number,
            held_on=held_on,
            start_time=start,
            end_time=end,
            place=one(place),
            status=MinutesStatus(status),
            revision=revision,
            approved_on=approved_on,
        )
        for (
            mid,
            version,
            bid,
            name,
            kind,
            did,
            dname,
            fy,
            number,
            held_on,
            start,
            end,
            place,
            status,
            revision,
            approved_on,
        ) in s.execute(stmt)
    ]


def list_meetings(
    db: Database, body_id: int | None = None, fiscal_year: int | None = None, district_id: int | None = None
) -> list[MeetingSummaryDTO]:
    """Every meeting, newest first, optionally of one body, one 年度 or one district's bodies (for exports
    and the calendar; the 会議 page pages through services.meeting_list instead)."""
    m, body = Meeting, MeetingBody
    stmt = summary_select().order_by(m.held_on.desc(), m.start_time.desc(), m.id.desc())
    if body_id is not None:
        stmt = stmt.where(m.body_id == body_id)
    if fiscal_year is not None:
        stmt = stmt.where(m.fiscal_year == fiscal_year)
    if district_id is not None:
        stmt = stmt.where(body.district_id == district_id)
    with db.reading() as s:
        return read_summaries(s, stmt)


def _attendance_dto(a: Attendance) -> AttendanceDTO:
    return AttendanceDTO(
        id=a.id,
        person_id=a.person_id,
        name=a.name,
        affiliation=a.affiliation,
        category=AttendeeCategory(a.category),
        status=AttendanceStatus(a.status),
        proxy_name=a.proxy_name,
        position=a.position,
    )


def _action_dto(item: ActionItem, meeting: Meeting) -> ActionItemDTO:
    return ActionItemDTO(
        id=item.id,
        version=item.version,
        meeting_id=meeting.id,
        meeting_label=f"{fiscal_year_label(meeting.fiscal_year)} 第{meeting.number}回",
        meeting_held_on=meeting.held_on,
        content=item.content,
        assignee=item.assignee,
        due_on=item.due_on,
        status=ActionStatus(item.status),
        done_on=item.done_on,
        meeting_fiscal_year=meeting.fiscal_year,
        meeting_number=meeting.number,
    )


def _carried(s: Session, m: Meeting) -> list[ActionItemDTO]:
    """Open action items of the body's earlier meetings."""
    stmt = (
        select(ActionItem, Meeting)
        .join(Meeting, Meeting.id == ActionItem.meeting_id)
        .where(
            Meeting.body_id == m.body_id,
            ActionItem.status == ActionStatus.OPEN.value,
            or_(Meeting.held_on < m.held_on, (Meeting.held_on == m.held_on) & (Meeting.id < m.id)),
        )
        .order_by(Meeting.held_on, Meeting.id, ActionItem.id)
    )
    return [_action_dto(item, meeting) for item, meeting in s.execute(stmt)]


def load_detail(s: Session, meeting_id: int) -> MeetingDetailDTO:
    """The full detail of one meeting, read inside the caller's session."""
    require_id(meeting_id, "会議")
    stmt = (
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.body).selectinload(MeetingBody.district),
            selectinload(Meeting.attendance),
            selectinload(Meeting.handouts),
            selectinload(Meeting.agenda_items),
            selectinload(Meeting.decisions),
            selectinload(Meeting.chair),
            selectinload(Meeting.recorder),
            selectinload(Meeting.signatory1),
            selectinload(Meeting.signatory2),
        )
        # Refresh what the caller's session already holds (e.g. ``chair`` after ``chair_id`` changed).
        .execution_options(populate_existing=True)
    )
    m = s.scalar(stmt)
    if m is None:
        get_or_raise(s, Meeting, meeting_id, "会議")
    assert m is not None
    base = _summary(m)
    rows = [_attendance_dto(a) for a in sorted(m.attendance, key=lambda a: (a.position, a.id))]
    own = s.scalars(select(ActionItem).where(ActionItem.meeting_id == m.id).order_by(ActionItem.id))
    return MeetingDetailDTO(
        id=m.id,
        version=m.version,
        body_id=base.body_id,
        body_name=base.body_name,
        body_kind=base.body_kind,
        district_id=base.district_id,
        district_name=base.district_name,
        fiscal_year=m.fiscal_year,
        fiscal_year_label=base.fiscal_year_label,
        number=m.number,
        held_on=m.held_on,
        start_time=m.start_time,
        end_time=m.end_time,
        place=m.place,
        notes=m.notes,
        chair_id=m.chair_id,
        chair_name=m.chair.name if m.chair else "",
        recorder_id=m.recorder_id,
        recorder_name=m.recorder.name if m.recorder else "",
        signatory1_id=m.signatory1_id,
        signatory1_name=m.signatory1.name if m.signatory1 else "",
        signatory2_id=m.signatory2_id,
        signatory2_name=m.signatory2.name if m.signatory2 else "",
        members=tuple(r for r in rows if r.category is AttendeeCategory.MEMBER),
        staff=tuple(r for r in rows if r.category is AttendeeCategory.STAFF),
        guests=tuple(r for r in rows if r.category is AttendeeCategory.GUEST),
        observers=m.observers,
        handouts=tuple(h.title for h in sorted(m.handouts, key=lambda h: (h.position, h.id))),
        agenda_items=tuple(
            AgendaItemDTO(
                id=a.id,
                position=a.position,
                kind=AgendaKind(a.kind),
                title=a.title,
                presenter=a.presenter,
                discussion=a.discussion,
                result=AgendaResult(a.result),
                votes_for=a.votes_for,
                votes_against=a.votes_against,
                votes_abstain=a.votes_abstain,
            )
            for a in sorted(m.agenda_items, key=lambda a: (a.position, a.id))
        ),
        decisions=tuple(d.text for d in sorted(m.decisions, key=lambda d: (d.position, d.id))),
        action_items=tuple(_action_dto(item, m) for item in own),
        carried_action_items=tuple(_carried(s, m)),
        next_meeting=m.next_meeting,
        status=base.status,
        revision=m.revision,
        approved_on=m.approved_on,
        no_quorum_remark=m.body.district.no_quorum_remark if m.body.district else "",
    )


def get_meeting(db: Database, meeting_id: int) -> MeetingDetailDTO:
    """One meeting with attendance, agenda, decisions, its own and carried-over action items."""
    with db.reading() as s:
        return load_detail(s, meeting_id)
