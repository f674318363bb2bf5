"""Integrity check on open and recovery: a damaged file is kept aside, the newest good backup offered,
and the program never quietly starts empty in place of the user's data."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from storage_support import (
    add_people,
    child_env,
    integrity,
    names_in,
    overwrite_table_page,
    start_child,
    stop_holder,
)

from sakae_council.db import backup as files
from sakae_council.db import engine
from sakae_council.db.engine import DamagedDatabaseError, MissingDatabaseError, open_database
from sakae_council.domain.errors import StorageError
from sakae_council.services import backups
from sakae_council.services.people import list_people


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _town_with_backups(tmp_path: Path) -> tuple[Path, backups.BackupDTO]:
    """A data file with an older and a newer backup, then one more change after the newest backup."""
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        add_people(db, 10)
        backups.make_backup(db, now=datetime.now() - timedelta(days=3))
        add_people(db, 5, prefix="後")
        newest = backups.make_backup(db, now=datetime.now() - timedelta(hours=1))
        add_people(db, 1, prefix="最")
    finally:
        db.close()
    return path, newest


def test_garbage_page_leads_to_the_offer_of_the_newest_backup_with_the_file_kept_aside(
    tmp_path: Path,
) -> None:
    path, newest = _town_with_backups(tmp_path)
    overwrite_table_page(path)
    damaged_bytes = _sha(path)

    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(path)
    err = caught.value
    # The damaged file is kept aside, byte for byte, and nothing was created in its place.
    assert not path.exists()
    assert err.moved_to.parent == path.parent and err.moved_to.name.startswith("town.damaged-")
    assert _sha(err.moved_to) == damaged_bytes
    # The newest good backup is offered, with its date, in plain Japanese.
    assert err.backup is not None and err.backup.path == newest.path
    assert err.moved_to.name in err.message
    assert "のバックアップから復元できます" in err.message
    assert f"{newest.taken_at.hour}時{newest.taken_at.minute:02d}分" in err.message
    assert "削除はしていません" in err.message

    # Starting again without deciding does not give an empty database either.
    with pytest.raises(MissingDatabaseError) as again:
        open_database(path)
    assert again.value.backup is not None and again.value.backup.path == newest.path
    assert not path.exists()

    # The user accepts the offer.
    result = backups.restore_backup(path, err.backup.path)
    assert result.safety_backup is None and result.taken_at == newest.taken_at
    db = open_database(path)
    try:
        names = {p.name for p in list_people(db)}
    finally:
        db.close()
    assert len(names) == 15 and "後004 太郎" in names
    assert err.moved_to.exists(), "the damaged file is still kept"


def test_damaged_file_without_backups_is_kept_and_nothing_empty_replaces_it(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 20)
    db.close()
    overwrite_table_page(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(path)
    assert caught.value.backup is None
    assert "使えるバックアップが見つかりません" in caught.value.message
    kept = caught.value.moved_to
    assert kept.exists()
    with pytest.raises(MissingDatabaseError):
        open_database(path)  # create=True by default, yet no silent empty start
    # Only when the user explicitly chooses to start over:
    db = open_database(path, start_empty=True)
    try:
        assert list_people(db) == []
    finally:
        db.close()
    assert kept.exists()


def test_an_older_damaged_backup_is_skipped_for_a_good_one(tmp_path: Path) -> None:
    path, newest = _town_with_backups(tmp_path)
    overwrite_table_page(newest.path)
    overwrite_table_page(path)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(path)
    offered = caught.value.backup
    assert offered is not None and offered.path != newest.path
    assert integrity(offered.path) == ["ok"] and len(names_in(offered.path)) == 10


def test_missing_file_with_backups_is_not_silently_recreated(tmp_path: Path) -> None:
    path, newest = _town_with_backups(tmp_path)
    os.rename(path, tmp_path / "elsewhere.db")  # the user moved it in the file manager
    with pytest.raises(MissingDatabaseError) as caught:
        open_database(path)
    assert caught.value.backup is not None and caught.value.backup.path == newest.path
    assert "見つかりません" in caught.value.message and "空のデータで始める前に" in caught.value.message
    assert not path.exists()


def test_garbage_header_with_backups_counts_as_damage(tmp_path: Path) -> None:
    path, newest = _town_with_backups(tmp_path)
    with path.open("r+b") as fh:
        fh.write(b"\x00garbage garbage")
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(path)
    assert caught.value.backup is not None and caught.value.backup.path == newest.path
    assert caught.value.moved_to.read_bytes().startswith(b"\x00garbage garbage")


def test_a_stray_document_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "議事録.docx"
    path.write_bytes(b"PK\x03\x04 this is a word document")
    with pytest.raises(StorageError, match="データファイルではないか") as caught:
        open_database(path)
    assert not isinstance(caught.value, DamagedDatabaseError)
    assert path.read_bytes().startswith(b"PK")
    assert list(tmp_path.iterdir()) == [path]


def test_read_only_open_never_moves_the_file(tmp_path: Path) -> None:
    path, _ = _town_with_backups(tmp_path)
    overwrite_table_page(path)
    with pytest.raises(StorageError, match="読み取り専用では修復できない") as caught:
        open_database(path, read_only=True)
    assert not isinstance(caught.value, DamagedDatabaseError)
    assert path.exists()


def test_a_busy_file_is_not_mistaken_for_a_damaged_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 2)
    db.close()
    # Another program (not ours, so without our lock) holds an exclusive lock on the file.
    proc = start_child(
        f"""
        import sqlite3, sys
        c = sqlite3.connect({str(path)!r}, isolation_level=None)
        c.execute("PRAGMA locking_mode=EXCLUSIVE")
        c.execute("BEGIN EXCLUSIVE")
        c.execute("UPDATE person SET notes = 'x'")
        print("ready", flush=True)
        sys.stdin.read()
        c.execute("ROLLBACK")
        """
    )
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    try:
        with pytest.raises(StorageError, match="検査できませんでした") as caught:
            open_database(path)
        assert not isinstance(caught.value, DamagedDatabaseError)
        assert path.exists(), "a busy file must never be moved aside"
    finally:
        stop_holder(proc)
    assert len(names_in(path)) == 2


def test_wal_of_a_damaged_file_moves_with_it(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 20)
    db.close()
    overwrite_table_page(path)
    # A process dies with committed transactions still only in the WAL.
    code = textwrap.dedent(
        f"""
        import os, sqlite3
        c = sqlite3.connect({str(path)!r}, isolation_level=None)
        c.execute("PRAGMA journal_mode=WAL")
        c.execute("UPDATE district SET notes = 'WALにだけある変更'")
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", code], check=True, env=child_env())
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    main_bytes, wal_bytes = _sha(path), _sha(wal)
    with pytest.raises(DamagedDatabaseError) as caught:
        open_database(path)
    moved = caught.value.moved_to
    assert not wal.exists(), "a WAL left at the old name would be replayed into the next file created there"
    # Kept exactly as found: the check neither checkpointed the WAL into the file nor deleted it.
    assert _sha(moved) == main_bytes and _sha(Path(f"{moved}-wal")) == wal_bytes


def test_the_lock_is_released_after_a_damaged_file_is_moved_aside(tmp_path: Path) -> None:
    path, newest = _town_with_backups(tmp_path)
    overwrite_table_page(path)
    with pytest.raises(DamagedDatabaseError):
        open_database(path)
    backups.restore_backup(path, newest.path)  # takes the lock itself: must not find it held
    open_database(path).close()
    assert files.list_backup_files(tmp_path / "backups", "town.db")
