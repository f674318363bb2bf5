"""Schema upgrades on open, refusal of newer files, and models in step with the migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sakae_council.db.engine import current_revision, head_revision, open_database
from sakae_council.db.models import Base
from sakae_council.domain.errors import StorageError


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.upgraded_from is None
    finally:
        db.close()


def test_models_match_migrations(tmp_path: Path) -> None:
    db = open_database(tmp_path / "m.db")
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        db.close()


def test_connect_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.db")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        db.close()


def test_empty_file_is_upgraded_from_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()  # a 0-byte file: what a crashed first start could leave
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_older_revision_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path)
    db.close()
    # Pretend the file is at an older revision: drop everything and stamp nothing but a base marker.
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    conn.execute("PRAGMA foreign_keys=OFF")
    for t in tables:
        if t != "alembic_version":
            conn.execute(f'DROP TABLE "{t}"')
    conn.execute("DELETE FROM alembic_version")
    conn.commit()
    conn.close()
    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    before = _sha(path)
    with pytest.raises(StorageError, match="新しい版"):
        open_database(path)
    assert _sha(path) == before


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.db"
    path.write_bytes("これは議事録の下書きです。".encode() * 100)
    before = _sha(path)
    with pytest.raises(StorageError, match="データファイルではない"):
        open_database(path)
    assert _sha(path) == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="以外の表"):
        open_database(path)


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="見つかりません"):
        open_database(tmp_path / "nowhere.db", create=False)
    assert not (tmp_path / "nowhere.db").exists()
