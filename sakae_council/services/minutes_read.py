"""A meeting's papers read without SQLAlchemy, for the command line's quick print: ``sakae-council print
minutes 12 -o x.pdf`` should take well under a second, and importing SQLAlchemy and the models, opening the
file the full way and configuring the mappers cost more than that alone.

Only for a SQLite file the last session closed cleanly, that nobody has open and whose schema is the newest
(``db.quick_read.first_look``): nothing can be wrong with reading it directly, and reading never writes.
For anything else — a server, a file in use, one to upgrade or check, a meeting that is not there —
:func:`read_meeting` returns None and the caller opens the file the full way (which also gives the
errors their usual wording). The DTOs are the same as ``services.meetings.get_meeting`` and
``reports.meeting_docs.collect_minutes`` return (a test holds the readers to the same result).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time
from pathlib import Path

from sakae_council.db import meeting_rows, quick_read
from sakae_council.domain.enums import (
    ActionStatus,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
    BodyKind,
    MinutesStatus,
)
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services.meeting_dto import (
    ActionItemDTO,
    AgendaItemDTO,
    AttendanceDTO,
    AttendeeCategory,
    MeetingDetailDTO,
)
from sakae_council.services.minutes_snapshot import RevisionDTO, detail_from_json

log = logging.getLogger(__name__)


def _day(value: object) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


def _clock(value: object) -> time | None:
    return time.fromisoformat(str(value)) if value else None


def _action(row: meeting_rows.Row) -> ActionItemDTO:
    aid, version, meeting_id, fy, number, held_on, content, assignee, due_on, status, done_on = row
    return ActionItemDTO(
        id=aid,
        version=version,
        meeting_id=meeting_id,
        meeting_label=f"{fiscal_year_label(fy)} 第{number}回",
        meeting_held_on=date.fromisoformat(str(held_on)[:10]),
        content=content,
        assignee=assignee,
        due_on=_day(due_on),
        status=ActionStatus(status),
        done_on=_day(done_on),
        meeting_fiscal_year=fy,
        meeting_number=number,
    )


def _attendance(row: meeting_rows.Row) -> AttendanceDTO:
    aid, person_id, name, affiliation, category, status, proxy_name, position = row
    return AttendanceDTO(
        id=aid,
        person_id=person_id,
        name=name,
        affiliation=affiliation,
        category=AttendeeCategory(category),
        status=AttendanceStatus(status),
        proxy_name=proxy_name,
        position=position,
    )


def detail_from_rows(rows: meeting_rows.MeetingRows) -> MeetingDetailDTO:
    """The MeetingDetailDTO of one meeting's rows (as services.meetings.load_detail builds it)."""
    (
        mid,
        version,
        body_id,
        body_name,
        body_kind,
        district_id,
        district_name,
        fy,
        number,
        held_on,
        start,
        end,
        place,
        notes,
        chair_id,
        chair,
        recorder_id,
        recorder,
        s1_id,
        s1,
        s2_id,
        s2,
        observers,
        next_meeting,
        status,
        revision,
        approved_on,
        remark,
    ) = rows.meeting
    people = [_attendance(r) for r in rows.attendance]
    held = _day(held_on)
    assert held is not None  # NOT NULL in the schema
    return MeetingDetailDTO(
        id=mid,
        version=version,
        body_id=body_id,
        body_name=body_name,
        body_kind=BodyKind(body_kind),
        district_id=district_id,
        district_name=district_name or "",
        fiscal_year=fy,
        fiscal_year_label=fiscal_year_label(fy),
        number=number,
        held_on=held,
        start_time=_clock(start),
        end_time=_clock(end),
        place=place,
        notes=notes,
        chair_id=chair_id,
        chair_name=chair or "",
        recorder_id=recorder_id,
        recorder_name=recorder or "",
        signatory1_id=s1_id,
        signatory1_name=s1 or "",
        signatory2_id=s2_id,
        signatory2_name=s2 or "",
        members=tuple(a for a in people if a.category is AttendeeCategory.MEMBER),
        staff=tuple(a for a in people if a.category is AttendeeCategory.STAFF),
        guests=tuple(a for a in people if a.category is AttendeeCategory.GUEST),
        observers=observers,
        handouts=tuple(rows.handouts),
        agenda_items=tuple(
            AgendaItemDTO(
                id=a[0],
                position=a[1],
                kind=AgendaKind(a[2]),
                title=a[3],
                presenter=a[4],
                discussion=a[5],
                result=AgendaResult(a[6]),
                votes_for=a[7],
                votes_against=a[8],
                votes_abstain=a[9],
            )
            for a in rows.agenda_items
        ),
        decisions=tuple(rows.decisions),
        action_items=tuple(_action(r) for r in rows.action_items),
        carried_action_items=tuple(_action(r) for r in rows.carried_action_items),
        next_meeting=next_meeting,
        status=MinutesStatus(status),
        revision=revision,
        approved_on=_day(approved_on),
        no_quorum_remark=remark or "",
    )


def _revision(row: meeting_rows.Row) -> RevisionDTO:
    rid, meeting_id, number, created_at, created_by, reason = row
    return RevisionDTO(
        id=rid,
        meeting_id=meeting_id,
        number=number,
        created_at=datetime.fromisoformat(str(created_at)),
        created_by=created_by,
        reason=reason,
    )


def read_meeting(
    target: str, meeting_id: int, *, minutes: bool = False, revision: int | None = None
) -> tuple[MeetingDetailDTO, list[RevisionDTO]] | None:
    """Meeting ``meeting_id`` of the file ``target`` as its papers print it, with its minutes' revisions.

    ``minutes``: what the 議事録 prints (``collect_minutes``'s choice: a draft as it stands, 確定 minutes as the
    revision asked for or the latest). None when the file must be opened the full way (see the module
    docstring), or the meeting or revision is not there (the full open says so in its own words)."""
    if "://" in target:
        return None
    path = Path(target).expanduser().resolve()
    look = quick_read.first_look(path)
    if look is None:
        return None
    try:
        with quick_read.reading(look) as conn:
            rows = meeting_rows.meeting_rows(conn, meeting_id, ActionStatus.OPEN.value)
            if rows is None:
                return None
            detail = detail_from_rows(rows)
            if not minutes:
                return detail, []
            revisions = [_revision(r) for r in meeting_rows.revision_rows(conn, meeting_id)]
            if revision is None and detail.is_approved and revisions:
                revision = revisions[-1].number
            if revision is not None:
                snapshot = meeting_rows.revision_snapshot(conn, meeting_id, revision)
                if snapshot is None:
                    return None
                detail = detail_from_json(snapshot)
    except (quick_read.ReadError, LookupError, OSError, ValueError) as exc:
        log.info("no quick read of %s: %s", path.name, exc)
        return None
    return detail, revisions
