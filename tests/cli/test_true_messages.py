"""What ``check`` and the opening of a file say must be true: damaged, busy, write-protected and full are
four different things. Real conditions throughout: a second process holding the file, a tmpfs mounted
read-only or filled to the last byte (these skip where mounting is not allowed), a real SIGKILL.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from sakae_council.db.engine import open_database

REPO = Path(__file__).resolve().parents[2]


def run(*args: str, db: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "sakae_council", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


@contextlib.contextmanager
def tmpfs(where: Path, size: str) -> Iterator[Path]:
    """A small real filesystem of its own (root only; the test skips elsewhere)."""
    where.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here (needs root): " + done.stderr.decode(errors="replace"))
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def fill(folder: Path) -> None:
    """Write until the filesystem says ENOSPC."""
    # unbuffered, and the error suppressed outside the file: closing a buffered file would flush a last
    # partial block and raise ENOSPC again where nothing catches it
    with contextlib.suppress(OSError), (folder / "filler").open("wb", buffering=0) as fh:
        while True:
            fh.write(b"\0" * 65536)
    assert shutil.disk_usage(folder).free < 64 * 1024


def test_a_file_held_busy_is_called_busy_not_damaged(town: Path) -> None:
    holder = sqlite3.connect(town)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        out = run("check", db=town)
    finally:
        holder.rollback()
        holder.close()
    assert out.returncode == 1
    assert "使用中" in out.stderr and "壊れているわけではありません" in out.stderr
    assert "壊れています" not in out.stderr
    assert run("check", db=town).returncode == 0


def test_a_damaged_file_is_called_damaged(town: Path) -> None:
    data = bytearray(town.read_bytes())
    page = 4096
    data[page * 2 : page * 3] = os.urandom(page)  # garbage over a b-tree page
    town.write_bytes(bytes(data))
    out = run("check", db=town)
    assert out.returncode == 1
    assert "データファイルが壊れています" in out.stderr and "restore" in out.stderr


def test_a_write_protected_place_reads_and_says_so(town: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "8m") as mnt:
        shutil.copy(town, mnt / "town.db")
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        out = run("check", db=mnt / "town.db")
        assert out.returncode == 0, out.stderr
        assert "書き込めない場所" in out.stdout and "壊れてはおらず" in out.stdout
        assert "壊れています" not in out.stdout + out.stderr
        listed = run("list", "districts", db=mnt / "town.db")
        assert listed.returncode == 0, listed.stderr
        assert "安食小学校区" in listed.stdout and "読み取り専用で開きました" in listed.stderr


def test_a_full_disk_is_called_full_and_reading_still_works(town: Path, tmp_path: Path) -> None:
    with tmpfs(tmp_path / "full", "4m") as mnt:
        db = mnt / "town.db"
        shutil.copy(town, db)
        before = db.read_bytes()
        fill(mnt)
        checked = run("check", db=db)
        assert checked.returncode == 0, checked.stderr
        assert "空き容量がありません" in checked.stdout and "壊れてはいません" in checked.stdout
        listed = run("list", "districts", db=db)
        assert listed.returncode == 0, listed.stderr
        assert "安食小学校区" in listed.stdout
        assert "空き容量がない" in listed.stderr and "読み取り専用で開きました" in listed.stderr
        assert "Traceback" not in listed.stderr
        init = run("init", db=db)
        assert init.returncode == 1 and "空き容量がない" in init.stderr and "Traceback" not in init.stderr
        assert not (mnt / "town.db.lock").exists()  # no empty lock file left behind
        assert db.read_bytes() == before
        paper = run("print", "roster", "-o", str(mnt / "r.pdf"), db=db)
        assert paper.returncode == 1 and "空き容量が足りない" in paper.stderr
        assert sorted(p.name for p in mnt.iterdir()) == ["filler", "town.db"]


def test_a_newer_schema_file_keeps_its_mode(town: Path) -> None:
    with sqlite3.connect(town) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'zzzz_from_the_future'")
    sqlite3.connect(town).close()
    town.chmod(0o644)
    out = run("list", "districts", db=town)
    assert out.returncode == 1 and "新しい版" in out.stderr
    assert town.stat().st_mode & 0o777 == 0o644


def test_backups_of_a_sqlite_beside_a_db_are_their_own(town: Path) -> None:
    twin = town.with_suffix(".sqlite")
    shutil.copy(town, twin)
    assert run("backup", db=town).returncode == 0
    listed = run("backup", "--list", db=twin)
    assert listed.returncode == 0 and "（0件）" in listed.stdout
    assert run("backup", db=twin).returncode == 0
    assert "（1件）" in run("backup", "--list", db=town).stdout
    names = sorted(
        p.name for p in (town.parent / "backups").iterdir() if not p.name.startswith(".")
    )  # not the notes
    assert [n.split("-")[0] for n in names] == ["town.db", "town.sqlite"]


def test_the_cli_logs_no_english_lines_to_the_terminal(town: Path) -> None:
    lock = town.with_name("town.db.lock")
    left = {"user": "誰か", "host": socket.gethostname(), "pid": 999999, "since": "2026-01-01T00:00:00"}
    lock.write_text(json.dumps(left, ensure_ascii=False), encoding="utf-8")
    out = run("list", "districts", db=town)
    assert out.returncode == 0, out.stderr
    assert "WARNING" not in out.stderr and "stale" not in out.stderr


def test_read_only_option_and_the_advice_that_names_it(town: Path) -> None:
    holder = open_database(town)  # this process holds the single-user lock, as an open window would
    try:
        refused = run("list", "districts", db=town)
        assert refused.returncode == 1 and "--read-only" in refused.stderr
        shown = run("--read-only", "list", "districts", db=town)
        assert shown.returncode == 0 and "安食小学校区" in shown.stdout
        assert run("--read-only", "init", db=town).returncode == 1
    finally:
        holder.close()


def test_init_demo_killed_midway_then_check_and_init_demo_behave(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    rng = random.Random(17)
    for _ in range(2):
        proc = subprocess.Popen(
            [sys.executable, "-m", "sakae_council", "--db", str(db), "init", "--demo"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(rng.uniform(1.0, 6.0))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        checked = run("check", db=db)
        if db.exists() and checked.returncode == 0:
            # Whatever was committed is whole: either no demo town at all, or all of it.
            members = run("list", "members", db=db).stdout.strip().splitlines()[-1]
            assert members in ("（0件）", "（153件）"), members
        else:
            assert "Traceback" not in checked.stderr and "壊れています" not in checked.stderr, checked.stderr
    done = run("init", "--demo", db=db, timeout=300)
    if done.returncode == 1:  # a kill after the commit: the whole town is there
        assert "すでにデータがあります" in done.stderr
    else:
        assert "デモデータを登録しました" in done.stdout, done.stderr
    assert run("check", db=db).returncode == 0
    assert run("list", "members", db=db).stdout.strip().splitlines()[-1] == "（153件）"
