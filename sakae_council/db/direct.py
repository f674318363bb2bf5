"""A SQLite file read or rewritten directly, without opening it as the program's Database.

Backups and copies are looked into (what a backup holds, which schema it has), a read-only file is
watched for other programs' writes, and a copy is rewritten in place (erasure from backups) — none of
them takes the file lock or upgrades the schema. This module is the only place outside ``db/`` where
such work is asked for, so ``sqlite3`` itself stays in ``db/`` (an import-linter contract checks it).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from sakae_council.db.integrity import sqlite_uri


class FileReadError(Exception):
    """A SQLite file could not be read (damaged, not a database, unreadable); ``str()`` is SQLite's reason."""


@dataclass(frozen=True)
class FileSummary:
    """What a data file holds, read without opening it as a Database."""

    #: (label, row count) for each wanted table the file has.
    counts: tuple[tuple[str, int], ...]
    #: ``max(audit_entry.at)`` as stored (UTC text), None without entries.
    last_audit_at: object
    #: The Alembic revision stamped in the file, None if none.
    revision: str | None


def read_summary(path: Path, wanted: Sequence[tuple[str, str, str]]) -> FileSummary:
    """Row counts of ``wanted`` ((label, table, SQL condition on a ``deleted_at`` table)), the newest
    audit entry and the schema revision of the file at ``path``, read-only. Raises FileReadError."""
    try:
        with closing(sqlite3.connect(sqlite_uri(path, "ro"), uri=True)) as conn:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            counts: list[tuple[str, int]] = []
            for label, table, condition in wanted:
                if table not in tables:
                    continue
                columns = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
                where = f" WHERE {condition}" if condition and "deleted_at" in columns else ""
                counts.append(
                    (label, int(conn.execute(f'SELECT count(*) FROM "{table}"{where}').fetchone()[0]))
                )
            last = None
            if "audit_entry" in tables:
                last = conn.execute("SELECT max(at) FROM audit_entry").fetchone()[0]
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
    except sqlite3.Error as exc:
        raise FileReadError(str(exc)) from exc
    return FileSummary(tuple(counts), last, revision)


def stamped_revision(path: Path) -> str | None:
    """The schema revision stamped in the file at ``path``; None if it has none or cannot be read."""
    try:
        with closing(sqlite3.connect(sqlite_uri(path, "ro"), uri=True)) as con:
            row = con.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    return str(row[0]) if row else None


class DataVersionWatch:
    """Notices that another connection wrote the file (SQLite's ``PRAGMA data_version``); for a file this
    program has open read-only while another program edits it."""

    def __init__(self, path: Path) -> None:
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False
        )
        self._version = self._read()

    def _read(self) -> int:
        assert self._conn is not None
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        """True if someone else wrote the file since the last call (or since the watch began)."""
        if self._conn is None:
            return False
        now = self._read()
        changed, self._version = now != self._version, now
        return changed

    def close(self) -> None:
        """Stop watching (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None


def open_scratch_copy(path: Path) -> tuple[Engine, sessionmaker[Session]]:
    """An engine and sessions on a private copy of a data file that is about to be rewritten in place:
    foreign keys on, ``secure_delete`` (freed pages are zeroed), no WAL; the sessions keep the derived
    columns and the search index exactly as the program's own sessions do."""
    from sakae_council.db.models import keep_derived_data

    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.execute("PRAGMA journal_mode=DELETE")
        cursor.close()

    sessions: sessionmaker[Session] = sessionmaker(engine)
    keep_derived_data(sessions)
    return engine, sessions
