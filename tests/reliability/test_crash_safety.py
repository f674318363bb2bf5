"""Crash safety: a writer is killed with SIGKILL at random moments, over and over. After every kill the
file is reopened by the program itself; every id the writer reported as committed must be there, with
its content, and ``PRAGMA integrity_check`` must pass.

Most children are forked from this (already imported) process, so that well over a hundred kills fit
in a short test; some are fresh interpreters started the ordinary way. Both are real processes writing
a real file, killed by the kernel mid-whatever-they-were-doing.
"""

from __future__ import annotations

import os
import random
import select as io_select
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from crash_writer import write_until_killed
from sqlalchemy import select

from sakae_council.db import backup as files
from sakae_council.db.engine import open_database
from sakae_council.db.models import Person

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not hasattr(os, "fork") or sys.platform == "win32", reason="SIGKILL and fork are POSIX"
    ),
]

FORKED_KILLS = 115
EXEC_KILLS = 5
WRITER = Path(__file__).with_name("crash_writer.py")


@dataclass
class Tally:
    reported: dict[int, str] = field(default_factory=dict)
    kills: int = 0
    killed_while_writing: int = 0
    batches_per_round: list[int] = field(default_factory=list)


def _collect(fd: int, until: float, buffer: bytearray) -> None:
    """Read what the child reports until ``until`` (monotonic) or until the pipe closes."""
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return
        ready, _, _ = io_select.select([fd], [], [], left)
        if not ready:
            return
        chunk = os.read(fd, 65536)
        if not chunk:
            return
        buffer.extend(chunk)


def _drain(fd: int, buffer: bytearray) -> None:
    while chunk := os.read(fd, 65536):
        buffer.extend(chunk)


def _record(buffer: bytearray, tally: Tally) -> int:
    batches_seen = 0
    text = bytes(buffer).decode("utf-8")
    complete = text[: text.rfind("\n") + 1]  # a line cut by the kill was never fully reported
    for line in complete.splitlines():
        if line in {"ready", "backup"}:
            continue
        ident, name = line.split(" ", 1)
        tally.reported[int(ident)] = name
        batches_seen += name.endswith("-0")
    return batches_seen


def _wait_for(fd: int, buffer: bytearray, marker: bytes, count: int = 1, timeout: float = 60.0) -> None:
    give_up = time.monotonic() + timeout
    while buffer.count(marker) < count and time.monotonic() < give_up:
        before = len(buffer)
        _collect(fd, time.monotonic() + 0.01, buffer)
        if len(buffer) == before and not _alive(fd):
            return


def _alive(fd: int) -> bool:
    ready, _, _ = io_select.select([fd], [], [], 0)
    return not ready  # readable with nothing new means the writer closed the pipe (it died)


def _forked_round(
    path: Path,
    seed: int,
    delay: float,
    tally: Tally,
    *,
    after_ready: bool = True,
    after_backups: int = 0,
    backup_every: int = 0,
) -> None:
    """Fork a writer; kill it ``delay`` s after it opened the file (or after it was forked, when not
    ``after_ready``; or after ``after_backups`` completed backups)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: never return into pytest
        try:
            os.close(read_fd)
            write_until_killed(str(path), seed, write_fd, backup_every=backup_every)
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            os._exit(1)
    os.close(write_fd)
    buffer = bytearray()
    try:
        if after_ready:  # waiting on what the child says keeps kill points the same on a loaded machine
            _wait_for(read_fd, buffer, b"ready\n")
        if after_backups:
            _wait_for(read_fd, buffer, b"backup\n", after_backups)
        _collect(read_fd, time.monotonic() + delay, buffer)
        os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        _drain(read_fd, buffer)
    finally:
        os.close(read_fd)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, "the writer must die by SIGKILL"
    _finish_round(buffer, tally)


def _exec_round(path: Path, seed: int, delay: float, tally: Tally) -> None:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[2]) + os.pathsep + env.get("PYTHONPATH", "")
    proc = subprocess.Popen(
        [sys.executable, str(WRITER), str(path), str(seed)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    assert proc.stdout is not None
    fd = proc.stdout.fileno()
    buffer = bytearray()
    give_up = time.monotonic() + 30
    while b"ready\n" not in buffer and proc.poll() is None and time.monotonic() < give_up:
        _collect(fd, time.monotonic() + 0.01, buffer)  # interpreter start-up and open
    _collect(fd, time.monotonic() + delay, buffer)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    _drain(fd, buffer)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    _finish_round(buffer, tally)


def _finish_round(buffer: bytearray, tally: Tally) -> None:
    tally.kills += 1
    batches = _record(buffer, tally)
    tally.batches_per_round.append(batches)
    if b"ready\n" in buffer:
        tally.killed_while_writing += 1


def _verify(path: Path, tally: Tally) -> None:
    # Reopen exactly as the program does: stale lock taken over, quick check, schema check.
    db = open_database(path, user="checker")
    try:
        assert db.stale_lock is None or db.stale_lock.user == "crash-writer"
        with db.reading() as s:
            found = {row[0]: row[1] for row in s.execute(select(Person.id, Person.name))}
    finally:
        db.close()
    missing = {i: n for i, n in tally.reported.items() if found.get(i) != n}
    assert not missing, (
        f"after kill {tally.kills}: committed rows lost or changed: {list(missing.items())[:5]}"
    )
    conn = sqlite3.connect(path)
    try:
        assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        conn.close()


def test_committed_batches_survive_sigkill_at_random_moments(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    rng = random.Random(20261128)
    tally = Tally()
    started = time.monotonic()
    for n in range(FORKED_KILLS):
        if n % 8 == 0:  # during open: lock, quick check, WAL recovery, even the very first migration
            _forked_round(path, seed=n, delay=rng.uniform(0.0, 0.06), tally=tally, after_ready=False)
        else:  # mid-write: inside a transaction, during COMMIT, during a WAL checkpoint
            _forked_round(path, seed=n, delay=rng.uniform(0.0, 0.2), tally=tally)
        _verify(path, tally)
    for n in range(EXEC_KILLS):
        _exec_round(path, seed=1000 + n, delay=rng.uniform(0.0, 0.3), tally=tally)
        _verify(path, tally)
    elapsed = time.monotonic() - started

    assert tally.kills == FORKED_KILLS + EXEC_KILLS >= 100
    assert tally.killed_while_writing >= 0.8 * tally.kills, "most kills must land while batches are written"
    assert len(tally.reported) > 1000, "the writers must have committed plenty before being killed"
    print(
        f"\ncrash test: {tally.kills} SIGKILLs survived, {len(tally.reported)} committed rows checked, "
        f"{tally.killed_while_writing} kills mid-write, {elapsed:.1f} s"
    )


def test_a_backup_killed_midway_leaves_only_verified_backups(tmp_path: Path) -> None:
    path = tmp_path / "crash.db"
    db = open_database(path)
    with db.transaction() as s:  # enough pages that a backup takes a while
        s.add_all(Person(name=f"既存{i}", notes="メモ" * 200) for i in range(3000))
    db.close()
    rng = random.Random(7)
    tally = Tally()
    for n in range(12):
        if n % 3 == 2:  # let at least one backup finish, then kill soon after (likely inside the next)
            _forked_round(path, n, rng.uniform(0.0, 0.1), tally, after_backups=1, backup_every=2)
        else:
            _forked_round(path, n, rng.uniform(0.0, 0.4), tally, backup_every=2)
        _verify(path, tally)
    folder = tmp_path / "backups"
    listed = files.list_backup_files(folder, "crash.db")
    assert listed, "some backups completed between kills"
    for b in listed:
        conn = sqlite3.connect(f"file:{b.path}?mode=ro", uri=True)
        try:
            assert [r[0] for r in conn.execute("PRAGMA integrity_check")] == ["ok"], b.path.name
        finally:
            conn.close()
    # Whatever a kill interrupted stays hidden as .partial and is never listed or restored.
    visible = {p.name for p in folder.iterdir() if not p.name.startswith(".")}
    assert visible == {b.path.name for b in listed}
    # Old leftovers are swept by the next backup.
    partials = list(folder.glob(".*.partial"))
    for p in partials:
        os.utime(p, (time.time() - 7200, time.time() - 7200))
    files.make_backup(path, folder, reason="manual")
    assert not list(folder.glob(".*.partial"))
