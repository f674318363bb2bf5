"""The quick check a start defers (``open_database(defer_check=True)``): a file the last session did not close
cleanly opens at once and owes the check; run later, it finds the file sound (and the close is noted clean
again) or damaged (and the next open checks first, keeps the file aside and offers the newest backup)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from storage_support import add_people, names_in, overwrite_table_page

from sakae_council.db import stamps
from sakae_council.db.backup import default_backup_dir
from sakae_council.db.engine import DamagedDatabaseError, open_database
from sakae_council.services import backups


def _town(folder: Path) -> Path:
    """Three people, a backup, closed cleanly."""
    path = folder / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        add_people(db, 3)
        backups.make_backup(db)
    finally:
        db.close()
    return path


def _written_by_another_program(path: Path) -> None:
    """A write the program did not make (as a crash leaves the file: the clean close no longer matches)."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE person SET notes = '外から' WHERE id = (SELECT min(id) FROM person)")
    conn.close()


def test_a_file_closed_cleanly_owes_no_check(tmp_path: Path) -> None:
    path = _town(tmp_path)
    db = open_database(path, user="テスト担当", defer_check=True)
    try:
        assert not db.check_owed
        assert db.run_owed_check() is None
    finally:
        db.close()


def test_an_unclean_file_opens_at_once_and_its_check_later_finds_it_sound(tmp_path: Path) -> None:
    path = _town(tmp_path)
    _written_by_another_program(path)
    folder = default_backup_dir(path)
    assert not stamps.untouched_since_clean_close(path, folder)

    db = open_database(path, user="テスト担当", defer_check=True)
    try:
        assert db.check_owed, "opened without the check; it is owed"
        assert len(names_in(path)) == 3
        assert db.run_owed_check() is True
        assert not db.check_owed
    finally:
        db.close()
    assert stamps.untouched_since_clean_close(path, folder), "closed cleanly: the next start skips the check"


def test_a_damaged_file_found_later_is_checked_first_at_the_next_open_and_kept_aside(tmp_path: Path) -> None:
    path = _town(tmp_path)
    overwrite_table_page(path, "handout")  # a table the start does not read: the open itself succeeds

    db = open_database(path, user="テスト担当", defer_check=True)
    try:
        assert db.check_owed
        assert db.run_owed_check() is False
        assert db.check_owed, "still owed: damaged"
    finally:
        db.close()
    folder = default_backup_dir(path)
    assert not stamps.untouched_since_clean_close(path, folder), "no clean close is noted for a damaged file"
    assert stamps.damage_noted(path, folder)

    with pytest.raises(DamagedDatabaseError) as caught:  # checked first, though the open would defer it
        open_database(path, user="テスト担当", defer_check=True)
    assert caught.value.backup is not None, "the newest good backup is offered"
    assert caught.value.moved_to.exists() and not path.exists(), "the damaged file is kept aside"


def test_a_damaged_file_that_fails_to_open_is_met_with_the_backup_offer(tmp_path: Path) -> None:
    path = _town(tmp_path)
    overwrite_table_page(path, "alembic_version")  # the open reads it: it fails before any check ran

    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(path, user="テスト担当", defer_check=True)
    assert caught.value.backup is not None and caught.value.moved_to.exists()
