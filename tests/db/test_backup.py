"""Backups: online copies that are verified, owner-only, taken when data changed, rotated by 世代管理,
and restored without losing what they replace. Real SQLite files throughout."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import textwrap
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from storage_support import (
    add_people,
    integrity,
    names_in,
    overwrite_table_page,
    start_child,
    stop_holder,
)

from sakae_council.db import backup as files
from sakae_council.db import engine
from sakae_council.db.engine import current_revision, head_revision, open_database
from sakae_council.domain.errors import StorageError
from sakae_council.services import backups

POSIX = os.name == "posix"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_backup_is_a_verified_standalone_copy(tmp_path: Path) -> None:
    db = open_database(tmp_path / "town.db")
    try:
        add_people(db, 3)
        taken = backups.make_backup(db)
    finally:
        db.close()
    assert taken.path.parent == tmp_path / "backups"
    assert taken.reason == "manual" and taken.reason_label == "手動"
    assert integrity(taken.path) == ["ok"]
    assert names_in(taken.path) == {"栄000 太郎", "栄001 太郎", "栄002 太郎"}
    assert not Path(f"{taken.path}-wal").exists()
    conn = sqlite3.connect(taken.path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file, nothing beside it
    finally:
        conn.close()
    assert dict(taken.counts) == {"学区": 1, "名簿": 3, "地域課題": 0, "協働事業": 0, "会議": 0}
    assert taken.revision == head_revision()
    assert taken.taken_at_text.startswith("令和")
    assert "名簿 3" in taken.summary_text


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_database_and_backups_are_readable_by_their_owner_only(tmp_path: Path) -> None:
    old_umask = os.umask(0o022)  # the usual default: new files world-readable unless we say otherwise
    try:
        db = open_database(tmp_path / "town.db")
        try:
            add_people(db, 1)
            assert _mode(tmp_path / "town.db") == 0o600
            assert _mode(tmp_path / "town.db-wal") == 0o600
            taken = backups.make_backup(db)
            exported = backups.make_backup(db, tmp_path / "copy.db")
        finally:
            db.close()
    finally:
        os.umask(old_umask)
    assert _mode(taken.path) == 0o600
    assert _mode(taken.path.parent) == 0o700
    assert _mode(exported.path) == 0o600


@pytest.mark.skipif(not POSIX, reason="POSIX file modes")
def test_an_existing_world_readable_file_is_tightened_on_open(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_database(path).close()
    os.chmod(path, 0o644)
    open_database(path).close()
    assert _mode(path) == 0o600


def test_on_open_backup_only_when_data_changed(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        first = backups.backup_on_open(db)
        assert first is not None and first.reason == "open"
        add_people(db, 2)
    finally:
        db.close()

    db = open_database(path)
    try:
        second = backups.backup_on_open(db)
        assert second is not None, "two people were added since the last backup"
        assert names_in(second.path) == {"栄000 太郎", "栄001 太郎"}
    finally:
        db.close()

    db = open_database(path)
    try:
        assert backups.backup_on_open(db) is None, "nothing changed since the last backup"
    finally:
        db.close()
    assert len(backups.list_backups(path)) == 2


def test_timer_backs_up_every_30_minutes_only_while_changes_are_made(tmp_path: Path) -> None:
    db = open_database(tmp_path / "town.db")
    try:
        t0 = datetime(2026, 11, 28, 9, 0)
        backups.backup_on_open(db, now=t0)
        assert backups.maybe_backup(db, now=t0 + timedelta(hours=3)) is None, "no changes, no backup"
        add_people(db, 1)
        assert backups.maybe_backup(db, now=t0 + timedelta(minutes=10)) is None, "too soon after the last one"
        auto = backups.maybe_backup(db, now=t0 + timedelta(minutes=31))
        assert auto is not None and auto.reason == "auto"
        assert backups.maybe_backup(db, now=t0 + timedelta(minutes=70)) is None, "nothing new since"
        add_people(db, 1, prefix="栃")
        assert backups.maybe_backup(db, now=t0 + timedelta(minutes=31 + 29)) is None
        later = backups.maybe_backup(db, now=t0 + timedelta(minutes=31 + 30))
        assert later is not None
        assert "栃000 太郎" in names_in(later.path)
        add_people(db, 1, prefix="楓")
        on_close = backups.backup_on_close(db, now=t0 + timedelta(minutes=95))
        assert on_close is not None and "楓000 太郎" in names_in(on_close.path)
    finally:
        db.close()


def test_backup_while_another_process_writes_holds_only_committed_data(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        add_people(db, 2)
        # A real second connection in another process keeps a write transaction open (uncommitted row).
        proc = start_child(
            f"""
            import sqlite3, sys
            c = sqlite3.connect({str(path)!r}, isolation_level=None)
            c.execute("BEGIN IMMEDIATE")
            c.execute("INSERT INTO person(name, furigana, kana_key, postal_code, address, phone, email, notes, search_text, version, created_at, updated_at) VALUES ('未確定', '', '', '', '', '', '', '', '', 1, '2026-01-01', '2026-01-01')")
            print("ready", flush=True)
            sys.stdin.read()
            c.execute("ROLLBACK")
            """
        )
        try:
            taken = backups.make_backup(db)
        finally:
            stop_holder(proc)
    finally:
        db.close()
    assert names_in(taken.path) == {"栄000 太郎", "栄001 太郎"}
    assert integrity(taken.path) == ["ok"]


def _fake(folder: Path, when: datetime, reason: str = "auto", stem: str = "town") -> files.BackupFile:
    path = folder / files.backup_name(stem, when, reason)
    path.write_bytes(b"")
    return files.BackupFile(path, when, reason, 0)


def test_retention_keeps_recent_all_then_daily_weekly_monthly(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28, 12, 0)
    made = [
        _fake(tmp_path, now - timedelta(hours=h)) for h in range(0, 24 * 420, 6)
    ]  # every 6 h for 14 months
    keep = files.retention_keep(made, now)
    kept = sorted((b for b in made if b.path in keep), key=lambda b: b.taken_at, reverse=True)
    ages = [now - b.taken_at for b in kept]
    assert sum(a <= timedelta(days=2) for a in ages) == 9  # every one of the last 2 days (0..48 h)
    daily = [b for b, a in zip(kept, ages, strict=True) if timedelta(days=2) < a <= timedelta(days=14)]
    assert len({b.taken_at.date() for b in daily}) == len(daily), "one per day"
    assert 11 <= len(daily) <= 13
    weekly = [b for b, a in zip(kept, ages, strict=True) if timedelta(days=14) < a <= timedelta(days=92)]
    assert len({b.taken_at.isocalendar()[:2] for b in weekly}) == len(weekly), "one per week"
    assert 10 <= len(weekly) <= 12
    monthly = [b for b, a in zip(kept, ages, strict=True) if timedelta(days=92) < a <= timedelta(days=366)]
    assert len({(b.taken_at.year, b.taken_at.month) for b in monthly}) == len(monthly), "one per month"
    assert 9 <= len(monthly) <= 10
    assert all(a <= timedelta(days=366) for a in ages), "nothing older than a year"
    # Each day keeps its newest backup among those past the keep-everything window.
    for b in daily:
        same_day = [
            x for x in made if x.taken_at.date() == b.taken_at.date() and now - x.taken_at > timedelta(days=2)
        ]
        assert b.taken_at == max(x.taken_at for x in same_day)


def test_retention_always_keeps_the_newest_even_if_ancient(tmp_path: Path) -> None:
    now = datetime(2026, 11, 28)
    only = _fake(tmp_path, now - timedelta(days=800))
    older = _fake(tmp_path, now - timedelta(days=900))
    assert files.retention_keep([only, older], now) == {only.path}


def test_rotation_removes_only_our_old_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    now = datetime(2026, 11, 28, 12, 0)
    same_day = [_fake(folder, now - timedelta(days=5, hours=h)) for h in (1, 2, 3)]
    other_db = _fake(folder, now - timedelta(days=5, hours=2), stem="other")
    stranger = folder / "メモ.txt"
    stranger.write_text("利用者のメモ", encoding="utf-8")
    removed = files.rotate(folder, "town", now)
    assert set(removed) == {same_day[1].path, same_day[2].path}
    assert same_day[0].path.exists() and other_db.path.exists() and stranger.exists()


def test_a_backup_that_fails_verification_is_discarded_and_nothing_rotates(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 20)
    db.close()
    folder = tmp_path / "backups"
    old = [
        files.make_backup(path, folder, reason="auto", now=datetime.now() - timedelta(days=40, hours=h))
        for h in (1, 2)
    ]
    before = sorted(p.name for p in folder.iterdir())
    overwrite_table_page(path)  # the source is now damaged: its copy cannot pass integrity_check
    with pytest.raises(StorageError) as caught:
        files.make_backup(path, folder, reason="auto")
    assert "異常" in caught.value.message and "これまでのバックアップはそのまま" in caught.value.message
    assert sorted(p.name for p in folder.iterdir()) == before, "no partial copy left, no old backup rotated"
    assert all(b is not None and b.path.exists() for b in old)


def test_restore_into_the_open_database_keeps_a_backup_of_what_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        add_people(db, 2)
        snapshot = backups.make_backup(db)
        add_people(db, 1, prefix="後")
        result = backups.restore_backup(db, snapshot.path)
        assert result.safety_backup is not None and "後000 太郎" in names_in(result.safety_backup)
        assert files.parse_backup_name(result.safety_backup)[2] == "before-restore"  # type: ignore[index]
        # The same open Database now holds the backup's data and keeps working.
        from sakae_council.services.people import list_people

        assert {p.name for p in list_people(db)} == {"栄000 太郎", "栄001 太郎"}
        add_people(db, 1, prefix="新")
        assert db.lock is not None and db.lock.held
    finally:
        db.close()
    assert integrity(path) == ["ok"]
    assert names_in(path) == {"栄000 太郎", "栄001 太郎", "新000 太郎"}


def test_restore_refuses_a_file_that_is_not_ours(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        add_people(db, 1)
        snapshot = backups.make_backup(db)
    finally:
        db.close()
    # A SQLite file with our tables but no revision stamp: not something this program wrote.
    conn = sqlite3.connect(snapshot.path)
    conn.execute("DROP TABLE alembic_version")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="このプログラムのバックアップではありません"):
        backups.restore_backup(path, snapshot.path)
    assert names_in(path) == {"栄000 太郎"}, "a refused restore changes nothing"


def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 20)
    db.close()
    bad = tmp_path / "bad.db"
    files.export_copy(path, bad)
    overwrite_table_page(bad)
    with pytest.raises(StorageError, match="壊れているため復元できません"):
        backups.restore_backup(path, bad)
    assert len(names_in(path)) == 20
    assert not (tmp_path / "backups").exists() or not backups.list_backups(path)


def test_restore_refuses_a_backup_from_a_newer_program(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    open_database(path).close()
    newer = tmp_path / "newer.db"
    files.export_copy(path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="新しい版"):
        backups.restore_backup(path, newer)


def test_backup_to_a_chosen_file_never_overwrites(tmp_path: Path) -> None:
    db = open_database(tmp_path / "town.db")
    try:
        add_people(db, 1)
        target = tmp_path / "USBメモリ" / "控え.db"
        target.parent.mkdir()
        made = backups.make_backup(db, target)
        assert made.path == target and names_in(target) == {"栄000 太郎"}
        with pytest.raises(StorageError, match="上書きはしない"):
            backups.make_backup(db, target)
    finally:
        db.close()


def test_migration_is_preceded_by_a_verified_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 2)
    db.close()
    # A later release: the shipped migrations plus one more revision (a real Alembic upgrade).
    newer = tmp_path / "migrations"
    shutil.copytree(engine.MIGRATIONS_DIR, newer, ignore=shutil.ignore_patterns("__pycache__"))
    (newer / "versions" / "0002_probe.py").write_text(
        textwrap.dedent(
            f"""
            import sqlalchemy as sa
            from alembic import op

            revision = "0002_probe"
            down_revision = {head_revision()!r}
            branch_labels = None
            depends_on = None


            def upgrade() -> None:
                op.create_table("zz_probe", sa.Column("id", sa.Integer(), primary_key=True))


            def downgrade() -> None:
                op.drop_table("zz_probe")
            """
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(engine, "MIGRATIONS_DIR", newer)
    db = open_database(path)
    try:
        assert db.upgraded_from is not None and current_revision(db.engine) == "0002_probe"
        assert db.pre_migration_backup is not None
    finally:
        db.close()
    parsed = files.parse_backup_name(db.pre_migration_backup)
    assert parsed is not None and parsed[2] == "before-migration"
    assert integrity(db.pre_migration_backup) == ["ok"]
    assert names_in(db.pre_migration_backup) == {"栄000 太郎", "栄001 太郎"}
    conn = sqlite3.connect(db.pre_migration_backup)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.upgraded_from
    finally:
        conn.close()


def test_list_backups_of_a_closed_file_with_summaries(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        backups.make_backup(db, now=datetime(2026, 11, 27, 8, 0))
        add_people(db, 4)
        backups.make_backup(db, now=datetime(2026, 11, 28, 8, 0))
        now_counts = dict(backups.current_summary(db))
    finally:
        db.close()
    listed = backups.list_backups(path)
    assert [b.taken_at for b in listed] == [datetime(2026, 11, 28, 8, 0), datetime(2026, 11, 27, 8, 0)]
    assert dict(listed[0].counts)["名簿"] == 4 == now_counts["名簿"]
    assert dict(listed[1].counts)["名簿"] == 0
    assert listed[0].taken_at_text == "令和8年11月28日（土） 8時00分"
    assert listed[0].last_change_at is not None


def test_a_backup_stopped_by_cancel_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """中止 during the copy (the running work's token): the copy stops between steps and nothing is left."""
    from sakae_council.cancel import Cancelled, CancelToken, scope

    db = open_database(tmp_path / "town.db")
    try:
        add_people(db, 200)
        monkeypatch.setattr(files, "COPY_STEP_PAGES", 2)  # many steps on a small file
        steps: list[tuple[int, int]] = []
        token = CancelToken()

        def report(done: int, total: int) -> None:
            steps.append((done, total))
            if len(steps) == 3:
                token.cancel()

        token.report_to(report)
        with scope(token), pytest.raises(Cancelled):
            backups.make_backup(db)
        assert len(steps) == 3 and steps[-1][0] < steps[-1][1]  # stopped part-way
        folder = tmp_path / "backups"
        assert (
            not folder.exists() or [p.name for p in folder.iterdir() if not p.name.startswith(".sakae")] == []
        )
        taken = backups.make_backup(db)  # not cancelled: the whole copy
    finally:
        db.close()
    assert integrity(taken.path) == ["ok"] and len(names_in(taken.path)) == 200
