"""Opening a database: URL resolution, connect-time PRAGMAs, the Database (its sessions and transactions),
schema checks and upgrade on open.

The file's own preparation before an engine touches it (header, lock, quick check) is db/file_open.py; the
typed errors of opening and saving and the translation of driver errors are db/storage_errors.py. Their
names are importable from here as before.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from sakae_council.db import revisions
from sakae_council.db.connect_settings import install_sqlite_pragmas
from sakae_council.db.file_open import check_sqlite_header, make_owner_only, owed_check, prepare_file
from sakae_council.db.location import is_network_path, sqlite_path, to_url
from sakae_council.db.storage_errors import (
    BusyError,
    DamagedDatabaseError,
    DiskFullError,
    MissingDatabaseError,
    ServerConnectionError,
    server_error_from,
    storage_error_from,
)
from sakae_council.domain.errors import StorageError, msg
from sakae_council.logfile import safe_text

if TYPE_CHECKING:
    from alembic.config import Config

    from sakae_council.db.lock import DatabaseLock, LockInfo
    from sakae_council.domain.roles import AccessPolicy

log = logging.getLogger(__name__)

__all__ = [  # the names others import from here, wherever they live now
    "BUSY_TIMEOUT_MS",
    "alembic_config",
    "BusyError",
    "DamagedDatabaseError",
    "Database",
    "DiskFullError",
    "MissingDatabaseError",
    "ServerConnectionError",
    "check_and_upgrade",
    "check_sqlite_header",
    "current_revision",
    "is_network_path",
    "head_revision",
    "known_revisions",
    "make_engine",
    "open_database",
    "server_error_from",
    "sqlite_backup",
    "sqlite_path",
    "storage_error_from",
    "to_url",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
BUSY_TIMEOUT_MS = 5000


def alembic_config(connection: object | None = None) -> Config:
    """An Alembic Config pointing at the migrations shipped inside the package."""
    from alembic.config import Config  # Alembic only when migrating: see db/revisions.py

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest schema revision this program knows."""
    return revisions.head_revision(MIGRATIONS_DIR / "versions")


def known_revisions() -> set[str]:
    """Every revision id in the shipped migrations."""
    return revisions.known_revisions(MIGRATIONS_DIR / "versions")


@dataclass
class Database:
    """An open database: engine, session factory and where it lives."""

    url: str
    engine: Engine
    path: Path | None
    read_only: bool = False
    user: str = ""
    upgraded_from: str | None = None
    pre_migration_backup: Path | None = None
    #: Where backups of this file go (``backups/`` beside it unless configured).
    backup_dir: Path | None = None
    #: The single-user lock held while this file is open for writing.
    lock: DatabaseLock | None = None
    #: The file lives on a network share: WAL is off, and the user should be warned.
    on_network_share: bool = False
    #: Statements that wrote since open; the backup scheduler compares it with ``writes_at_last_backup``.
    writes: int = 0
    writes_at_last_backup: int = 0
    last_backup_at: datetime | None = None
    #: The quick check the open deferred (``open_database(defer_check=True)``) has not run yet: until it
    #: has found the file sound, closing notes no clean close (the next open checks first).
    check_owed: bool = False
    #: The class of this database's sessions (``open_database`` passes one that turns a stale save into
    #: a ConflictError).
    session_class: type[Session] = Session
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _batch: threading.local = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, class_=self.session_class, expire_on_commit=False)
        self._batch = threading.local()
        event.listen(self.engine, "after_cursor_execute", self._count_writes)

    def _count_writes(
        self, _conn: Any, _cursor: Any, statement: str, _params: Any, context: Any, _many: bool
    ) -> None:
        if context is not None and (
            context.isinsert or context.isupdate or context.isdelete or context.isddl
        ):
            self.writes += 1
            return
        verb = statement.lstrip()[:7].upper()
        if verb.startswith(("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")):
            self.writes += 1

    @property
    def network_warning(self) -> str | None:
        """The warning to show when the file lives on a network share, else None."""
        if not self.on_network_share:
            return None
        return (
            "このデータファイルはネットワーク上の共有フォルダにあります。通信が切れるとデータが壊れるおそれがあるため、"
            "パソコン本体のフォルダに置くことをお勧めします（複数人で使う場合は町のサーバーを使ってください）。"
        )

    @property
    def stale_lock(self) -> LockInfo | None:
        """What a crashed earlier session left in the lock file (its lock was taken over), if anything."""
        return self.lock.replaced_stale if self.lock is not None else None

    @property
    def session_factory(self) -> sessionmaker[Session]:
        """This database's own session factory: SessionEvents listeners registered on it
        (``event.listen(db.session_factory, "before_flush", fn)``) act on this database's sessions only —
        the hook ``open_database`` uses for derived data, permissions and change notices."""
        return self._sessions

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def _translate(self, exc: DBAPIError) -> StorageError | None:
        return storage_error_from(exc, read_only=self.read_only)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction: commit on success, roll back on any error.

        Inside :meth:`batch` it is a SAVEPOINT of the batch's transaction instead, so one failing call
        undoes only itself. Disk full, busy, read-only and I/O failures arrive as StorageError with a
        plain-Japanese message.
        """
        outer: Session | None = getattr(self._batch, "session", None)
        try:
            if outer is not None:
                with outer.begin_nested():
                    yield outer
                return
            with self._sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            log.warning("transaction failed: %s", safe_text(exc))
            raise translated from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; rolled back at the end (inside a batch: the batch's session, which
        sees what the batch has written so far)."""
        outer: Session | None = getattr(self._batch, "session", None) or getattr(self._batch, "reading", None)
        if outer is not None:
            yield outer
            return
        try:
            with self._sessions() as session:
                try:
                    yield session
                finally:
                    session.rollback()
        except DBAPIError as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            raise translated from exc

    @contextmanager
    def snapshot(self) -> Iterator[None]:
        """Several reads in this thread as one: every :meth:`reading` inside uses one read transaction, so
        they see the same data (a list's page and its count agree) and pay for one BEGIN. For reads only
        (a :meth:`transaction` inside is its own, as always); inside a batch, the batch's session is used."""
        if (
            getattr(self._batch, "session", None) is not None
            or getattr(self._batch, "reading", None) is not None
        ):
            yield
            return
        with self.reading() as session:
            self._batch.reading = session
            try:
                yield
            finally:
                self._batch.reading = None

    @contextmanager
    def batch(self, *, commit: bool = True) -> Iterator[Session]:
        """One transaction around many service calls in this thread (an import: all or nothing).

        Every ``transaction()`` inside becomes a SAVEPOINT, so a call that raises undoes only its own
        writes and the batch may go on; the batch commits once at the end — or rolls everything back
        when it raises, or when ``commit`` is False (a dry run that saw exactly what a real run would).
        """
        if getattr(self._batch, "session", None) is not None:
            raise RuntimeError("batches do not nest")
        try:
            with self._sessions() as session:
                session.begin()
                self._batch.session = session
                try:
                    yield session
                    if commit:
                        session.commit()
                    else:
                        session.rollback()
                except BaseException:
                    session.rollback()
                    raise
                finally:
                    self._batch.session = None
        except DBAPIError as exc:
            translated = self._translate(exc)
            if translated is None:
                raise
            log.warning("batch failed: %s", safe_text(exc))
            raise translated from exc

    def describe(self) -> str:
        """Human-readable location: the file path, or the server URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    def run_owed_check(self, *, raise_damage: bool = False) -> bool | None:
        """The quick check ``open_database`` deferred, run now in the calling thread (its own read-only
        connection: fine beside open sessions and off the GUI thread); see file_open.owed_check. Once the
        file is found sound the check is no longer owed."""
        if not self.check_owed or self.path is None:
            return None
        folder = self.backup_dir or self.path.parent / "backups"
        sound = owed_check(self.path, folder, self.read_only, BUSY_TIMEOUT_MS, raise_damage=raise_damage)
        self.check_owed = sound is not True
        return sound

    def close(self) -> None:
        """Close every connection, then release the lock (idempotent); a clean close is noted beside the
        file unless a deferred quick check is still owed."""
        from sakae_council.db.stamps import file_stamp, record_clean_close

        before = file_stamp(self.path) if self.lock is not None and self.path is not None else None
        self.engine.dispose()
        if self.lock is not None:
            lock, self.lock = self.lock, None
            lock.release()
            if (
                not lock.held
                and self.path is not None
                and self.backup_dir is not None
                and not self.check_owed
            ):
                # After the release: a writer that slipped in between only makes the next open check.
                record_clean_close(self.path, self.backup_dir, before)


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine with the right connect-time settings for SQLite or PostgreSQL.

    ``hide_parameters``: an error's text (logged, shown) names the SQL statement but never the values
    it carried — names, addresses and phone numbers must not reach a log file.
    """
    path = sqlite_path(url)
    if make_url(url).get_backend_name() == "sqlite":
        if read_only and path is not None:
            from sakae_council.db.integrity import sqlite_uri

            ro_path = path

            def _connect_read_only() -> sqlite3.Connection:
                # mode=ro: never create or write the file, even by accident (and works on write-protected media)
                return sqlite3.connect(
                    sqlite_uri(ro_path, "ro"),
                    uri=True,
                    timeout=BUSY_TIMEOUT_MS / 1000,
                    check_same_thread=False,
                )

            engine = create_engine(url, creator=_connect_read_only, hide_parameters=True)
        else:
            engine = create_engine(
                url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000}, hide_parameters=True
            )
        wal = path is not None and not is_network_path(path)
        install_sqlite_pragmas(engine, wal=wal, read_only=read_only, busy_timeout_ms=BUSY_TIMEOUT_MS)
        return engine
    return create_engine(url, pool_pre_ping=True, hide_parameters=True)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for an empty one."""
    with engine.connect() as conn:
        return revisions.stamped_revision(conn)


def sqlite_backup(source: Path, destination: Path) -> Path:
    """Copy a SQLite file with the online backup API into a new, verified, owner-only file."""
    from sakae_council.db.backup import export_copy

    destination.parent.mkdir(parents=True, exist_ok=True)
    return export_copy(source, destination)


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    upgrade: bool = True,
    read_only: bool = False,
    backup_dir: Path | None = None,
    user: str = "",
    lock: bool = True,
    check: bool = True,
    start_empty: bool = False,
    permissions: AccessPolicy | None = None,
    defer_check: bool = False,
) -> Database:
    """Open a file or server; create and migrate a new one, upgrade an older one after a backup.

    For a SQLite file opened for writing: the single-user lock is taken (LockedError names who has it),
    ``PRAGMA quick_check`` runs, and a damaged file is moved aside and DamagedDatabaseError raised with the
    newest good backup. A missing file whose backups show it held data raises MissingDatabaseError unless
    ``start_empty``. A file stamped with a revision this program does not know (made by a newer version)
    is refused and left untouched.

    The quick check is skipped for a file the last session closed cleanly and nothing touched since. With
    ``defer_check`` (the window's start) a file that needs it still opens at once, ``check_owed`` is set and
    the caller runs :meth:`Database.run_owed_check` in the background once the data shows; should the open
    itself fail on such a file, the check runs then, so damage is still met with the backup offer.
    """
    from sakae_council.db import shared
    from sakae_council.db.lock import current_user
    from sakae_council.db.models import keep_derived_data

    url = to_url(target)
    path = sqlite_path(url)
    user = user or current_user()
    held: DatabaseLock | None = None
    owed = False
    if path is not None:
        held, owed = prepare_file(
            path,
            create=create,
            read_only=read_only,
            backup_dir=backup_dir,
            user=user,
            lock=lock,
            check=check,
            start_empty=start_empty,
            busy_timeout_ms=BUSY_TIMEOUT_MS,
            defer_check=defer_check,
        )
    try:
        engine = make_engine(url, read_only=read_only)
    except Exception:
        if held is not None:
            held.release()
        raise
    db = Database(
        url=url,
        engine=engine,
        path=path,
        read_only=read_only,
        user=user,
        backup_dir=(backup_dir or path.parent / "backups") if path is not None else backup_dir,
        lock=held,
        on_network_share=path is not None and is_network_path(path),
        session_class=shared.GuardedSession,
        check_owed=owed,
    )
    try:
        # Meetings' search text and the search index are kept by flush listeners on this database's
        # sessions only (never SQLAlchemy's global Session class): explicit here, not by importing a module.
        keep_derived_data(db.session_factory)
        check_and_upgrade(db, upgrade=upgrade, backup_dir=db.backup_dir)
        if path is not None and not read_only:
            make_owner_only(path)  # only now: a file refused (too new, foreign) is left exactly as it was
        # Shared server (issue 9): roles, conflict translation, lock timeouts, change notices.
        # ``permissions`` fixes the user's rights; None: from app_user on a server, unrestricted on a file.
        shared.install(db, permissions)
    except Exception:
        try:
            if db.check_owed:  # a damaged file fails here: say so as the check on open would have
                db.engine.dispose()
                db.run_owed_check(raise_damage=True)
        finally:
            db.close()
        raise
    return db


def check_and_upgrade(db: Database, *, upgrade: bool, backup_dir: Path | None) -> None:
    """Refuse unknown or foreign schemas; upgrade an older one (after a verified backup) in one transaction."""
    try:
        revision = current_revision(db.engine)
        tables = set(inspect(db.engine).get_table_names())
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database / malformed
        if db.path is None:  # a server: the login, the network or the database name, never damage
            log.warning("cannot connect to the server: %s", type(exc).__name__)
            raise server_error_from(exc, db.url) from exc
        log.exception("cannot read schema")
        raise StorageError(
            "データファイルを読み込めません（壊れている可能性があります）。バックアップから復元してください。"
        ) from exc
    head = head_revision()
    if revision is None:
        if tables - {"alembic_version"}:
            raise StorageError(
                "このファイルには栄町まちづくり協議会のデータ以外の表が入っています。別のファイルを選んでください。"
            )
    elif revision not in known_revisions():
        raise StorageError(
            msg(
                "このデータファイルは新しい版のプログラムで作られています（スキーマ {revision}）。"
                "プログラムを最新版に更新してから開いてください。ファイルには手を加えていません。",
                revision=revision,
            )
        )
    if revision == head:
        return
    if db.read_only or not upgrade:
        raise StorageError(
            "データファイルの形式が古いため、読み取り専用では開けません。通常どおり開いて更新してください。"
        )
    if revision is not None and db.path is not None:
        from sakae_council.db.backup import default_backup_dir, make_backup

        taken = make_backup(db.path, backup_dir or default_backup_dir(db.path), reason="before-migration")
        assert taken is not None
        db.pre_migration_backup = taken.path
        db.last_backup_at = taken.taken_at
    from alembic import command

    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    db.upgraded_from = revision
