"""A first look at a SQLite data file with the standard library's ``sqlite3``: the rows the first page shows,
read before SQLAlchemy and the models are imported (together ~0.4 s, the larger part of the start).

Only when nothing can be wrong with reading the file directly: the last session closed it cleanly and
nothing touched it since (the ``closed`` stamp of db/stamps.py still matches, so ``PRAGMA quick_check`` has
nothing new to find), nobody has it open (no ``.lock`` beside it), and its schema is the newest this
program knows. Otherwise :func:`first_look` says no and the program opens the file the full way (lock,
check, upgrade, the questions), and shows the data after that. The connection is read-only
(``mode=ro`` and ``query_only``): the first look never writes.

The statements are the plain-SQL twins of ``services.dashboard``'s (a test holds the two readers to the
same result on the same file); they return rows in the same shapes, dates already as ``date``.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sakae_council.db import revisions, stamps
from sakae_council.db.integrity import SQLITE_HEADER, sqlite_uri
from sakae_council.domain.council import NON_MEMBER_ROLES
from sakae_council.domain.enums import ActionStatus, BodyKind, LoanStatus, OfficerPost

MIGRATIONS_VERSIONS = Path(__file__).resolve().parent / "migrations" / "versions"
#: What a direct read can raise from the driver (services catch this, never sqlite3 itself).
ReadError = sqlite3.Error

#: db/lock.py's, without importing it (and what it imports) before the data shows (a test holds them equal).
LOCK_SUFFIX = ".lock"


@dataclass(frozen=True)
class FirstLook:
    """A file fit for the first look: where it is and its stamp when it was read (unchanged since means the
    rows read then are still the file's)."""

    path: Path
    stamp: list[int]


def first_look(path: Path) -> FirstLook | None:
    """The file at ``path`` when it may be read before the full open (see the module docstring), else None."""
    try:
        if not path.is_file() or Path(f"{path}{LOCK_SUFFIX}").exists():
            return None
        with path.open("rb") as fh:
            if fh.read(16) != SQLITE_HEADER:
                return None
    except OSError:
        return None
    from sakae_council.db.backup import default_backup_dir

    note = stamps.read_note(default_backup_dir(path), stamps.note_key(path), stamps.CLOSED)
    stamp = stamps.file_stamp(path)
    if note is None or stamp is None or note.get("stamp") != stamp:
        return None
    return FirstLook(path, stamp)


@contextlib.contextmanager
def reading(look: FirstLook) -> Iterator[sqlite3.Connection]:
    """A read-only connection to the file, if its schema is the newest this program knows (else
    ``LookupError``: the full open upgrades it, or refuses a newer one)."""
    conn = sqlite3.connect(sqlite_uri(look.path, "ro"), uri=True, timeout=1.0, check_same_thread=False)
    try:
        conn.execute("PRAGMA query_only=ON")
        rows = conn.execute(f"SELECT version_num FROM {revisions.VERSION_TABLE}").fetchall()
        if [r[0] for r in rows] != [revisions.head_revision(MIGRATIONS_VERSIONS)]:
            raise LookupError("the schema is not the newest")
        conn.execute("BEGIN")  # one snapshot for every statement (WAL: a reader never blocks the writer)
        yield conn
    finally:
        conn.close()


def _day(value: Any) -> date | None:
    return date.fromisoformat(str(value)[:10]) if value else None


_RUNNING = (
    "(m.ended_on IS NULL OR m.ended_on > :day) AND (m.term_end IS NULL OR m.term_end >= :day)"
    " AND (m.term_start IS NULL OR m.term_start <= :day) AND p.deleted_at IS NULL"
)


@dataclass(frozen=True)
class DashboardRows:
    """What the dashboard counts, as rows (see services.dashboard_cards.assemble for what each holds)."""

    districts: list[tuple[int, str, str, str, date | None]]
    role_rows: list[tuple[int, str, int, int | None, int | None]]
    total_rows: list[tuple[int, int]]
    chair_rows: list[tuple[int, str]]
    issue_rows: list[tuple[int, str, int]]
    project_rows: list[tuple[int, str, int]]
    last_rows: list[tuple[int | None, int, str, int, int, date, str]]
    upcoming_rows: list[tuple[int | None, int, str, int, int, date, str]]
    action_rows: list[tuple[int | None, int]]
    loan_rows: list[tuple[int | None, int]]


def _meetings(
    conn: sqlite3.Connection, day: str, *, upcoming: bool
) -> list[tuple[int | None, int, str, int, int, date, str]]:
    order = "m.held_on ASC, m.id ASC" if upcoming else "m.held_on DESC, m.id DESC"
    when = "m.held_on >= :day" if upcoming else "m.held_on < :day"
    rows = conn.execute(
        "SELECT b.district_id, m.id, b.name, m.fiscal_year, m.number, m.held_on, m.status"
        " FROM meeting m JOIN meeting_body b ON b.id = m.body_id JOIN ("
        f"  SELECT m.id AS meeting_id, row_number() OVER (PARTITION BY coalesce(b.district_id, -1) ORDER BY {order}) AS rank"
        "   FROM meeting m JOIN meeting_body b ON b.id = m.body_id"
        f"  WHERE {when} AND (b.district_id IS NOT NULL OR b.kind = :liaison)"
        " ) ranked ON ranked.meeting_id = m.id WHERE ranked.rank = 1",
        {"day": day, "liaison": BodyKind.LIAISON.value},
    )
    return [
        (d, mid, body, fy, number, _day(held_on), status)  # type: ignore[misc]
        for d, mid, body, fy, number, held_on, status in rows
    ]


def dashboard_rows(conn: sqlite3.Connection, today: date) -> DashboardRows:
    """Every figure of the dashboard as of ``today`` (the statements of services.dashboard, in plain SQL)."""
    day = today.isoformat()
    districts = [
        (did, name, council, status, _day(established))
        for did, name, council, status, established in conn.execute(
            "SELECT id, name, council_name, council_status, established_on FROM district"
            " WHERE active IS 1 ORDER BY display_order, id"
        )
    ]
    # ``district_id + 0``: read the memberships in table order (see services.dashboard.table_order).
    role_rows = conn.execute(
        "SELECT m.district_id + 0 AS district, m.role, count(DISTINCT m.person_id),"
        " min(CASE WHEN m.officer_post = :chair THEN m.person_id END),"
        " max(CASE WHEN m.officer_post = :chair THEN m.person_id END)"
        f" FROM membership m JOIN person p ON p.id = m.person_id WHERE {_RUNNING}"
        " GROUP BY m.district_id + 0, m.role",
        {"day": day, "chair": OfficerPost.CHAIR.value},
    ).fetchall()
    staff = sorted(r.value for r in NON_MEMBER_ROLES)
    marks = ", ".join(f":r{i}" for i in range(len(staff)))
    total_rows = conn.execute(
        "SELECT m.district_id + 0 AS district, count(DISTINCT m.person_id)"
        f" FROM membership m JOIN person p ON p.id = m.person_id WHERE {_RUNNING} AND m.role NOT IN ({marks})"
        " GROUP BY m.district_id + 0",
        {"day": day, **{f"r{i}": r for i, r in enumerate(staff)}},
    ).fetchall()
    chair_ids = sorted({pid for row in role_rows for pid in row[3:5] if pid is not None})
    chair_rows = (
        conn.execute(
            f"SELECT id, name FROM person WHERE id IN ({', '.join('?' * len(chair_ids))}) ORDER BY kana_key, id",
            chair_ids,
        ).fetchall()
        if chair_ids
        else []
    )
    return DashboardRows(
        districts=districts,
        role_rows=role_rows,
        total_rows=total_rows,
        chair_rows=chair_rows,
        issue_rows=conn.execute(
            "SELECT district_id, status, count(id) FROM regional_issue GROUP BY district_id, status"
        ).fetchall(),
        project_rows=conn.execute(
            "SELECT district_id, status, count(id) FROM collaborative_project GROUP BY district_id, status"
        ).fetchall(),
        last_rows=_meetings(conn, day, upcoming=False),
        upcoming_rows=_meetings(conn, day, upcoming=True),
        action_rows=conn.execute(
            "SELECT b.district_id, count(a.id) FROM action_item a JOIN meeting m ON m.id = a.meeting_id"
            " JOIN meeting_body b ON b.id = m.body_id"
            " WHERE a.status = ? AND a.due_on < ? AND b.district_id IS NOT NULL GROUP BY b.district_id",
            (ActionStatus.OPEN.value, day),
        ).fetchall(),
        loan_rows=conn.execute(
            "SELECT district_id, count(id) FROM equipment_loan"
            " WHERE status = ? AND due_on < ? AND district_id IS NOT NULL GROUP BY district_id",
            (LoanStatus.LENT.value, day),
        ).fetchall(),
    )
