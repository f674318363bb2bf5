"""The connect-time settings of a SQLite engine (the PRAGMAs every connection gets)."""

from __future__ import annotations

from sqlalchemy import Engine, event


def install_sqlite_pragmas(engine: Engine, *, wal: bool, read_only: bool, busy_timeout_ms: int) -> None:
    """Every new SQLite connection of ``engine``: foreign keys, secure delete, WAL (not on a network share),
    full sync, the busy timeout; read-only ones query only; SQLAlchemy's own BEGIN for transactional DDL."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Hand transaction control to SQLAlchemy so DDL is transactional too (migrations all-or-nothing).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Erased values are overwritten with zeros, not left in free pages (some builds default to OFF).
        cursor.execute("PRAGMA secure_delete=ON")
        if not read_only:
            cursor.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
        cursor.execute("PRAGMA synchronous=FULL")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")
