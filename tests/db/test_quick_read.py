"""db.quick_read: when the first look (plain sqlite3, before SQLAlchemy) may read a file, and that it never writes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from sakae_council.db import lock, quick_read
from sakae_council.db.engine import open_database
from sakae_council.db.stamps import file_stamp
from sakae_council.services.setup import ensure_seeded


def _closed_file(tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    (tmp_path / "backups").mkdir()  # made by the first start-up backup; the note of a clean close goes there
    db = open_database(path, user="テスト担当")
    try:
        ensure_seeded(db)
    finally:
        db.close()  # a clean close: the stamp is noted in backups/
    return path


def test_a_file_closed_cleanly_and_untouched_gets_a_first_look(tmp_path: Path) -> None:
    path = _closed_file(tmp_path)

    look = quick_read.first_look(path)

    assert look is not None and look.path == path and look.stamp == file_stamp(path)


def test_a_file_open_elsewhere_is_left_to_the_full_open(tmp_path: Path) -> None:
    path = _closed_file(tmp_path)
    db = open_database(path, user="ほかの人")  # holds the lock (its questions come with the full open)
    try:
        assert quick_read.first_look(path) is None
    finally:
        db.close()
    assert quick_read.first_look(path) is not None, "closed again cleanly: fine again"


def test_a_file_written_by_another_program_after_the_close_is_left_to_the_full_open(tmp_path: Path) -> None:
    path = _closed_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE district SET name = name WHERE 0")  # a write transaction of another program
    conn.execute("CREATE TABLE other_program (x)")
    conn.commit()
    conn.close()

    assert quick_read.first_look(path) is None, "the stamp moved: the quick check must run first"


def test_a_file_never_closed_by_the_program_or_missing_or_foreign_gets_no_first_look(tmp_path: Path) -> None:
    made_elsewhere = tmp_path / "elsewhere.db"
    sqlite3.connect(made_elsewhere).execute("CREATE TABLE t (x)").connection.close()
    text = tmp_path / "note.db"
    text.write_text("not a database", encoding="utf-8")

    assert quick_read.first_look(made_elsewhere) is None, "no note of a clean close"
    assert quick_read.first_look(tmp_path / "gone.db") is None
    assert quick_read.first_look(text) is None


def test_an_older_schema_is_not_read_directly(tmp_path: Path) -> None:
    path = _closed_file(tmp_path)
    look = quick_read.first_look(path)
    assert look is not None
    raw = sqlite3.connect(path)
    raw.execute("UPDATE alembic_version SET version_num = '0001'")
    raw.commit()
    raw.close()

    with pytest.raises(LookupError), quick_read.reading(look):
        pass


def test_the_first_look_reads_without_writing(tmp_path: Path) -> None:
    path = _closed_file(tmp_path)
    look = quick_read.first_look(path)
    assert look is not None

    with quick_read.reading(look) as conn:
        with pytest.raises(sqlite3.OperationalError):
            conn.execute("DELETE FROM district")
        quick_read.dashboard_rows(conn, __import__("datetime").date(2026, 11, 28))

    assert quick_read.first_look(path) == look, "the file's stamp is as before: nothing was written"


def test_the_lock_files_name_is_the_lock_modules() -> None:
    assert quick_read.LOCK_SUFFIX == lock.LOCK_SUFFIX
