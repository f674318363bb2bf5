"""Opening a database: URL resolution, connect-time PRAGMAs, schema checks and upgrade on open."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from sakae_council.domain.errors import StorageError

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def to_url(target: str | Path) -> str:
    """A database URL from a path or a URL string."""
    text = str(target)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for a server or an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database)


def alembic_config(connection: object | None = None) -> Config:
    """An Alembic Config pointing at the migrations shipped inside the package."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest schema revision this program knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    """Every revision id in the shipped migrations."""
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def is_network_path(path: Path) -> bool:
    """True when the file lives on a network share (UNC path, or a mount of a network filesystem)."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    try:
        mounts = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return False
    best, fstype = "", ""
    resolved = str(path.resolve())
    for line in mounts:
        parts = line.split()
        if len(parts) >= 3 and resolved.startswith(parts[1]) and len(parts[1]) > len(best):
            best, fstype = parts[1], parts[2]
    return fstype in {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "9p"}


def _install_sqlite_pragmas(engine: Engine, *, wal: bool, read_only: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # Hand transaction control to SQLAlchemy so DDL is transactional too (migrations all-or-nothing).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            cursor.execute(f"PRAGMA journal_mode={'WAL' if wal else 'DELETE'}")
        cursor.execute("PRAGMA synchronous=FULL")
        if read_only:
            cursor.execute("PRAGMA query_only=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn) -> None:  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")


def check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database at all (a stray document, a damaged header)."""
    with path.open("rb") as fh:
        header = fh.read(16)
    if header and header != SQLITE_HEADER:
        raise StorageError(
            f"「{path.name}」はこのプログラムのデータファイルではないか、壊れています。"
            "ファイルを確認するか、バックアップから復元してください。"
        )


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
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One short transaction: commit on success, roll back on any error."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only; rolled back at the end."""
        with self._sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    def describe(self) -> str:
        """Human-readable location: the file path, or the server URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()


def make_engine(url: str, *, read_only: bool = False) -> Engine:
    """An engine with the right connect-time settings for SQLite or PostgreSQL."""
    path = sqlite_path(url)
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        wal = path is not None and not is_network_path(path)
        _install_sqlite_pragmas(engine, wal=wal, read_only=read_only)
        return engine
    return create_engine(url, pool_pre_ping=True)


def current_revision(engine: Engine) -> str | None:
    """The schema revision stamped in the database, or None for an empty one."""
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def sqlite_backup(source: Path, destination: Path) -> Path:
    """Copy a SQLite file with the online backup API (consistent even while others read it)."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(str(source))
    try:
        dst = sqlite3.connect(str(destination))
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return destination


def open_database(
    target: str | Path,
    *,
    create: bool = True,
    upgrade: bool = True,
    read_only: bool = False,
    backup_dir: Path | None = None,
    user: str = "",
) -> Database:
    """Open a file or server; create and migrate a new one, upgrade an older one after a backup.

    A file stamped with a revision this program does not know (made by a newer version) is refused and
    left untouched.
    """
    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        if path.exists():
            check_sqlite_header(path)
        elif not create:
            raise StorageError(f"データファイル「{path}」が見つかりません。場所を確認してください。")
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
    engine = make_engine(url, read_only=read_only)
    db = Database(url=url, engine=engine, path=path, read_only=read_only, user=user)
    try:
        _check_and_upgrade(db, upgrade=upgrade, backup_dir=backup_dir)
    except Exception:
        engine.dispose()
        raise
    return db


def _check_and_upgrade(db: Database, *, upgrade: bool, backup_dir: Path | None) -> None:
    try:
        revision = current_revision(db.engine)
        tables = set(inspect(db.engine).get_table_names())
    except Exception as exc:  # sqlite3.DatabaseError: file is not a database / malformed
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
            f"このデータファイルは新しい版のプログラムで作られています（スキーマ {revision}）。"
            "プログラムを最新版に更新してから開いてください。ファイルには手を加えていません。"
        )
    if revision == head:
        return
    if db.read_only or not upgrade:
        raise StorageError("データファイルの形式が古いため、読み取り専用では開けません。通常どおり開いて更新してください。")
    if revision is not None and db.path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = backup_dir or db.path.parent / "backups"
        db.pre_migration_backup = sqlite_backup(db.path, folder / f"{db.path.stem}-before-{head}-{stamp}.db")
    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    db.upgraded_from = revision
