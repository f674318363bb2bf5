"""One meeting's rows read with the standard library's ``sqlite3``, for the command line's quick print of its
papers (``sakae-council print minutes 12 -o x.pdf``): the plain-SQL twins of ``services.meetings.load_detail``
and of ``services.minutes_approval``'s revision reads (a test holds the two readers to the same result).

Through ``db.quick_read.reading`` only, so on a file fit for a first look alone (closed cleanly, nobody has it
open, the newest schema); the connection is read-only and every statement sees one snapshot. Values come
back as SQLite stores them (dates and times as ISO text): services/minutes_read.py turns them into DTOs.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

Row = tuple[Any, ...]

#: meeting columns, in this order, for :attr:`MeetingRows.meeting`.
MEETING_COLUMNS = (
    "m.id, m.version, m.body_id, b.name, b.kind, b.district_id, d.name, m.fiscal_year, m.number, m.held_on,"
    " m.start_time, m.end_time, m.place, m.notes, m.chair_id, chair.name, m.recorder_id, recorder.name,"
    " m.signatory1_id, s1.name, m.signatory2_id, s2.name, m.observers, m.next_meeting, m.status, m.revision,"
    " m.approved_on, d.no_quorum_remark"
)


@dataclass(frozen=True)
class MeetingRows:
    """What the papers of one meeting print, as rows (columns named by the statements below)."""

    meeting: Row
    #: (id, person_id, name, affiliation, category, status, proxy_name, position), in print order.
    attendance: list[Row]
    handouts: list[str]
    #: (id, position, kind, title, presenter, discussion, result, votes_for, votes_against, votes_abstain).
    agenda_items: list[Row]
    decisions: list[str]
    #: (id, version, meeting_id, fiscal_year, number, held_on, content, assignee, due_on, status, done_on).
    action_items: list[Row]
    carried_action_items: list[Row]


_ACTION = (
    "SELECT a.id, a.version, m.id, m.fiscal_year, m.number, m.held_on, a.content, a.assignee, a.due_on,"
    " a.status, a.done_on FROM action_item a JOIN meeting m ON m.id = a.meeting_id"
)


def meeting_rows(conn: sqlite3.Connection, meeting_id: int, open_status: str) -> MeetingRows | None:
    """The rows of meeting ``meeting_id`` (None: no such meeting); ``open_status``: ActionStatus.OPEN's code,
    for the open 宿題 of the body's earlier meetings."""
    meeting = conn.execute(
        f"SELECT {MEETING_COLUMNS} FROM meeting m JOIN meeting_body b ON b.id = m.body_id"
        " LEFT JOIN district d ON d.id = b.district_id"
        " LEFT JOIN person chair ON chair.id = m.chair_id"
        " LEFT JOIN person recorder ON recorder.id = m.recorder_id"
        " LEFT JOIN person s1 ON s1.id = m.signatory1_id"
        " LEFT JOIN person s2 ON s2.id = m.signatory2_id"
        " WHERE m.id = ?",
        (meeting_id,),
    ).fetchone()
    if meeting is None:
        return None
    body_id, held_on = meeting[2], meeting[9]
    return MeetingRows(
        meeting=meeting,
        attendance=conn.execute(
            "SELECT id, person_id, name, affiliation, category, status, proxy_name, position FROM attendance"
            " WHERE meeting_id = ? ORDER BY position, id",
            (meeting_id,),
        ).fetchall(),
        handouts=[
            r[0]
            for r in conn.execute(
                "SELECT title FROM handout WHERE meeting_id = ? ORDER BY position, id", (meeting_id,)
            )
        ],
        agenda_items=conn.execute(
            "SELECT id, position, kind, title, presenter, discussion, result, votes_for, votes_against,"
            " votes_abstain FROM agenda_item WHERE meeting_id = ? ORDER BY position, id",
            (meeting_id,),
        ).fetchall(),
        decisions=[
            r[0]
            for r in conn.execute(
                "SELECT text FROM decision WHERE meeting_id = ? ORDER BY position, id", (meeting_id,)
            )
        ],
        action_items=conn.execute(
            f"{_ACTION} WHERE a.meeting_id = ? ORDER BY a.id", (meeting_id,)
        ).fetchall(),
        carried_action_items=conn.execute(
            f"{_ACTION} WHERE m.body_id = ? AND a.status = ?"
            " AND (m.held_on < ? OR (m.held_on = ? AND m.id < ?)) ORDER BY m.held_on, m.id, a.id",
            (body_id, open_status, held_on, held_on, meeting_id),
        ).fetchall(),
    )


def revision_rows(conn: sqlite3.Connection, meeting_id: int) -> list[Row]:
    """(id, meeting_id, number, created_at, created_by, reason) of the meeting's frozen minutes, in order."""
    return conn.execute(
        "SELECT id, meeting_id, number, created_at, created_by, reason FROM minutes_revision"
        " WHERE meeting_id = ? ORDER BY number",
        (meeting_id,),
    ).fetchall()


def revision_snapshot(conn: sqlite3.Connection, meeting_id: int, number: int) -> str | None:
    """The snapshot JSON of revision ``number`` of the meeting's minutes (None: no such revision)."""
    row = conn.execute(
        "SELECT snapshot FROM minutes_revision WHERE meeting_id = ? AND number = ?", (meeting_id, number)
    ).fetchone()
    return None if row is None else str(row[0])
