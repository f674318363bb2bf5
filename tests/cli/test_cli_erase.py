"""``sakae-council erase person ID [--from-backups] [--yes]``, through cli.main, on a real data file."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from sakae_council import cli
from sakae_council.db.engine import open_database
from sakae_council.services import backups
from tests.erasure_world import ADDRESS, NAME, PHONE, build_world, dump_sqlite_file, holding

REPO = Path(__file__).resolve().parents[2]


def _world(path: Path) -> int:
    db = open_database(path, user="テスト担当")
    try:
        world = build_world(db, in_approved_minutes=True)
        backups.make_backup(db)
    finally:
        db.close()
    return world.person_id


def test_erase_person_from_backups_leaves_no_file_holding_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "town.db"
    pid = _world(path)
    backup = backups.list_backups(path, summaries=False)[0].path
    assert holding(dump_sqlite_file(backup), PHONE)

    assert cli.main(["--db", str(path), "erase", "person", str(pid), "--from-backups", "--yes"]) == 0

    out = capsys.readouterr().out
    assert f"「{NAME}」さんの個人情報を消去しました。" in out
    assert (
        "確定済みの議事録1件（令和8年度 第1回 安食小学校区まちづくり協議会）に記載された氏名は、公文書のため残しました"
        in out
    )
    assert "バックアップ1件から消去し" in out
    for f in (path, backup):
        values = dump_sqlite_file(f)
        assert holding(values, PHONE) == set() and holding(values, ADDRESS) == set(), f


def test_erase_asks_and_a_refusal_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "town.db"
    pid = _world(path)
    before = path.read_bytes()
    # Without a terminal to ask on and without --yes, nothing is erased.
    assert cli.main(["--db", str(path), "erase", "person", str(pid)]) == 1
    assert "--yes を付けて実行してください" in capsys.readouterr().err
    assert holding(dump_sqlite_file(path), PHONE)
    assert len(path.read_bytes()) == len(before)


def test_erase_an_unknown_person_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "town.db"
    _world(path)
    assert cli.main(["--db", str(path), "erase", "person", "999", "--yes"]) == 1
    assert "エラー:" in capsys.readouterr().err


def test_erase_from_backups_after_the_person_is_gone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "town.db"
    pid = _world(path)
    assert cli.main(["--db", str(path), "erase", "person", str(pid), "--yes"]) == 0
    assert "バックアップ1件には、消去前の情報がまだ残っています" in capsys.readouterr().out
    backup = backups.list_backups(path, summaries=False)[0].path
    assert holding(dump_sqlite_file(backup), PHONE)
    # Later: the backups only (the backup itself knows the person's phone and address).
    assert cli.main(["--db", str(path), "erase", "person", str(pid), "--from-backups", "--yes"]) == 0
    assert holding(dump_sqlite_file(backup), PHONE) == set()


def test_a_busy_file_tells_the_user_and_the_terminal_shows_no_personal_data(tmp_path: Path) -> None:
    """The real command in its own process; another program holds the file: a Japanese message, exit 1,
    and the warning on stderr names the statement but none of the values (name, phone, address)."""
    path = tmp_path / "town.db"
    pid = _world(path)
    holder = sqlite3.connect(path, timeout=0)
    try:
        holder.execute("BEGIN EXCLUSIVE")
        done = subprocess.run(
            [sys.executable, "-m", "sakae_council", "--db", str(path), "erase", "person", str(pid), "--yes"],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=REPO,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
    finally:
        holder.rollback()
        holder.close()
    assert done.returncode == 1
    assert "使用中" in done.stderr and "Traceback" not in done.stderr
    for secret in (PHONE, ADDRESS, NAME.split()[1], "0476-95"):
        assert secret not in done.stderr + done.stdout, secret
