"""Reading meetings: the summary row of every list (one mapper, from plain columns), the list of meetings,
and one meeting's full detail with its attendance, agenda, decisions and action items (its own and those
carried over from the body's earlier meetings).
"""

from __future__ import annotations

from sqlalchemy import Select, or_, select
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
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services._crud import load_with
from sakae_council.services.meeting_dto import (
    ActionItemDTO,
    AgendaItemDTO,
    AttendanceDTO,
    AttendeeCategory,
    MeetingDetailDTO,
    MeetingSummaryDTO,
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
    m = load_with(
        s,
        Meeting,
        meeting_id,
        "会議",
        selectinload(Meeting.body).selectinload(MeetingBody.district),
        selectinload(Meeting.attendance),
        selectinload(Meeting.handouts),
        selectinload(Meeting.agenda_items),
        selectinload(Meeting.decisions),
        selectinload(Meeting.chair),
        selectinload(Meeting.recorder),
        selectinload(Meeting.signatory1),
        selectinload(Meeting.signatory2),
        # Refresh what the caller's session already holds (e.g. ``chair`` after ``chair_id`` changed).
        fresh=True,
    )
    body = m.body
    rows = [_attendance_dto(a) for a in sorted(m.attendance, key=lambda a: (a.position, a.id))]
    own = s.scalars(select(ActionItem).where(ActionItem.meeting_id == m.id).order_by(ActionItem.id))
    return MeetingDetailDTO(
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
        status=MinutesStatus(m.status),
        revision=m.revision,
        approved_on=m.approved_on,
        no_quorum_remark=body.district.no_quorum_remark if body.district else "",
    )


def get_meeting(db: Database, meeting_id: int) -> MeetingDetailDTO:
    """One meeting with attendance, agenda, decisions, its own and carried-over action items."""
    with db.reading() as s:
        return load_detail(s, meeting_id)
