"""What the cheap file stamps (db/stamps.py) spare at start-up, and what they must never spare.

- ``PRAGMA quick_check`` runs on open only when the last session did not close the file cleanly (a crashed
  holder's lock), or something wrote to the file since (its stamp moved), or nothing is known (no note).
- The start-up backup copies and hashes the file only when its stamp moved since the newest backup —
  including changes that so far live only in the ``-wal`` file.

The damage in the first tests is made invisible to the stamp on purpose (the same size, time and inode):
that a clean, untouched file is *not* checked is then observable from outside, as an open that succeeds.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from storage_support import add_people, names_in, overwrite_table_page

from sakae_council.db.backup import list_backup_files
from sakae_council.db.engine import DamagedDatabaseError, open_database
from sakae_council.db.lock import lock_path_for
from sakae_council.services import backups


def _closed_cleanly_with_a_backup(tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        add_people(db, 5)
        backups.make_backup(db, now=datetime.now() - timedelta(hours=2))
    finally:
        db.close()
    return path


def _damage_keeping_the_stamp(path: Path) -> None:
    before = os.stat(path)
    overwrite_table_page(path)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size == 0:
        wal.unlink()


def _lock_left_by_a_crash(path: Path) -> None:
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    lock_path_for(path).write_text(
        json.dumps(
            {
                "user": "佐藤",
                "host": socket.gethostname(),
                "pid": int(finished.stdout),
                "since": "2026-11-01T09:00:00",
            }
        ),
        encoding="utf-8",
    )


def test_after_a_clean_close_an_untouched_file_opens_without_the_quick_check(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    _damage_keeping_the_stamp(path)

    db = open_database(path)  # no DamagedDatabaseError: the (1.5 s at stress) check did not run
    db.close()


def test_after_an_unclean_shutdown_the_quick_check_still_runs(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    _damage_keeping_the_stamp(path)
    _lock_left_by_a_crash(path)

    with pytest.raises(DamagedDatabaseError):
        open_database(path)


def test_a_file_written_by_something_else_since_the_clean_close_is_checked(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    overwrite_table_page(path)  # a bad copy over it, a failing disk: the time moves

    with pytest.raises(DamagedDatabaseError):
        open_database(path)


def test_a_file_never_closed_here_is_checked(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    _damage_keeping_the_stamp(path)
    for note in (tmp_path / "backups").glob(".town.db.closed.json"):
        note.unlink()

    with pytest.raises(DamagedDatabaseError):
        open_database(path)


def test_an_unchanged_file_makes_no_backup_copy_at_start(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    folder = tmp_path / "backups"
    db = open_database(path)
    try:
        first = backups.backup_on_open(db)  # the clean close changed the file's time: compared by content
        assert first is None, "the same data as the newest backup"
        newest = list_backup_files(folder, "town.db")[0].path
        newest.write_bytes(b"not read again")  # had the start copied and hashed, this would differ
        assert backups.backup_on_open(db) is None, "nothing written since: no copy, no hashing"
        assert [b.path for b in list_backup_files(folder, "town.db")] == [newest]
        assert not list(folder.glob(".*.partial"))
    finally:
        db.close()


def test_a_change_still_in_the_wal_makes_a_backup_at_start(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    db = open_database(path)
    try:
        assert backups.backup_on_open(db) is None
        main_file = os.stat(path)
        add_people(db, 1, prefix="新")  # committed into the -wal; the main file is not touched yet
        assert (os.stat(path).st_size, os.stat(path).st_mtime_ns) == (
            main_file.st_size,
            main_file.st_mtime_ns,
        )

        taken = backups.backup_on_open(db, datetime.now() + timedelta(minutes=1))
    finally:
        db.close()

    assert taken is not None, "the change in the -wal file moved the stamp"
    assert "新000 太郎" in names_in(taken.path)


def test_a_changed_file_between_sessions_makes_a_backup_at_start(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    db = open_database(path)
    try:
        assert backups.backup_on_open(db) is None
        add_people(db, 1, prefix="次")
    finally:
        db.close()
    db = open_database(path)
    try:
        taken = backups.backup_on_open(db, datetime.now() + timedelta(minutes=1))
    finally:
        db.close()

    assert taken is not None and "次000 太郎" in names_in(taken.path)


def test_closing_cleanly_without_changes_keeps_the_next_start_from_copying(tmp_path: Path) -> None:
    path = _closed_cleanly_with_a_backup(tmp_path)
    folder = tmp_path / "backups"
    for _session in range(2):
        db = open_database(path)
        try:
            assert backups.backup_on_open(db) is None
        finally:
            db.close()  # checkpoints the -wal into the file: its time moves, its data does not
    newest = list_backup_files(folder, "town.db")[0].path
    newest.write_bytes(b"not read again")

    db = open_database(path)
    try:
        assert backups.backup_on_open(db) is None, "the close carried the note over: no copy, no hashing"
    finally:
        db.close()
