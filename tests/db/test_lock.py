"""The single-user lock, with real second processes: who has the file, read-only instead, stale locks."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from storage_support import add_people, child_env, start_holder, stop_holder

from sakae_council.db.engine import is_network_path, open_database
from sakae_council.db.lock import LockedError, break_lock, lock_path_for, read_lock
from sakae_council.domain.errors import StorageError
from sakae_council.services.people import list_people

POSIX = os.name == "posix"


def test_second_program_is_told_who_has_the_file_and_may_read_it(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 2)
    db.close()

    holder = start_holder(path, user="山田 花子")
    try:
        with pytest.raises(LockedError) as caught:
            open_database(path)
        err = caught.value
        assert err.info is not None
        assert err.info.user == "山田 花子"
        assert err.info.host == socket.gethostname()
        assert err.info.pid == holder.pid
        assert not err.other_machine
        message = err.message
        assert "山田 花子さん" in message
        assert f"パソコン「{socket.gethostname()}」" in message
        assert err.info.since_text in message and err.info.since_text.startswith("令和")
        assert "読み取り専用で開く" in message
        assert isinstance(err, StorageError)

        # The offered alternative works: read-only, no lock taken, the data is there.
        ro = open_database(path, read_only=True)
        try:
            assert {p.name for p in list_people(ro)} == {"栄000 太郎", "栄001 太郎"}
            assert ro.lock is None
            with pytest.raises(StorageError, match="読み取り専用で開いているため保存できません"):
                add_people(ro, 1, prefix="書")
        finally:
            ro.close()
    finally:
        stop_holder(holder)
    assert not lock_path_for(path).exists(), "a normal close removes the lock file"
    open_database(path).close()  # and the file is free again


def test_the_same_program_may_open_a_file_twice(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    first = open_database(path)
    second = open_database(path)
    try:
        assert first.lock is second.lock
        add_people(second, 1)
    finally:
        second.close()
    assert lock_path_for(path).exists(), "still held by the first"
    first.close()
    assert not lock_path_for(path).exists()


def test_lock_of_a_killed_program_is_recognised_and_cleared(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    holder = start_holder(path, user="佐藤")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    left = read_lock(path)
    assert left is not None and left.pid == holder.pid, "a crash leaves its lock file behind"

    db = open_database(path)
    try:
        assert db.stale_lock is not None and db.stale_lock.pid == holder.pid
        assert db.lock is not None and db.lock.info.pid == os.getpid()
        assert read_lock(path) == db.lock.info
    finally:
        db.close()


def test_lock_file_naming_a_dead_process_on_this_machine_is_stale(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    open_database(path).close()
    finished = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    dead_pid = int(finished.stdout)
    lock_path_for(path).write_text(
        json.dumps(
            {"user": "佐藤", "host": socket.gethostname(), "pid": dead_pid, "since": "2026-11-01T09:00:00"}
        ),
        encoding="utf-8",
    )
    db = open_database(path)
    try:
        assert db.stale_lock is not None and db.stale_lock.user == "佐藤"
    finally:
        db.close()


def test_lock_from_another_machine_is_kept_until_the_user_breaks_it(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    open_database(path).close()
    lock_path_for(path).write_text(
        json.dumps({"user": "鈴木", "host": "YAKUBA-PC07", "pid": 4242, "since": "2026-11-28T09:05:00"}),
        encoding="utf-8",
    )
    with pytest.raises(LockedError) as caught:
        open_database(path)
    assert caught.value.other_machine
    assert "鈴木さんがパソコン「YAKUBA-PC07」で令和8年11月28日 9時05分から使用中" in caught.value.message
    assert lock_path_for(path).exists(), "never assumed stale: that machine may still be writing"

    said = break_lock(path)  # after the user confirmed that PC is off
    assert said is not None and said.host == "YAKUBA-PC07"
    open_database(path).close()


def test_break_lock_refuses_while_a_program_holds_it(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    holder = start_holder(path)
    try:
        with pytest.raises(LockedError):
            break_lock(path)
    finally:
        stop_holder(holder)


def test_programs_racing_to_open_never_hold_it_at_the_same_time(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    open_database(path).close()
    code = (
        "import sys, time\n"
        "from sakae_council.db.engine import open_database\n"
        "from sakae_council.db.lock import LockedError\n"
        "sys.stdin.readline()\n"  # all start together
        "try:\n"
        f"    db = open_database({str(path)!r})\n"
        "except LockedError:\n"
        "    print('locked', flush=True); sys.exit(0)\n"
        "got = time.time(); time.sleep(0.5); released = time.time(); db.close()\n"
        "print('got', got, released, flush=True)\n"
    )
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=child_env(),
        )
        for _ in range(5)
    ]
    for p in procs:
        assert p.stdin is not None
        p.stdin.write("go\n")
        p.stdin.flush()
    outputs = [p.communicate(timeout=60)[0].split() for p in procs]
    held = sorted((float(o[1]), float(o[2])) for o in outputs if o and o[0] == "got")
    refused = [o for o in outputs if o == ["locked"]]
    assert held, "someone must get the file"
    assert len(held) + len(refused) == 5
    for (_, end_a), (start_b, _) in zip(held, held[1:], strict=False):
        assert start_b >= end_a, "two programs held the lock at the same time"


def test_lock_records_user_host_pid_and_time(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path, user="事務局 田中")
    try:
        info = json.loads(lock_path_for(path).read_text(encoding="utf-8"))
        assert info["user"] == "事務局 田中"
        assert info["host"] == socket.gethostname()
        assert info["pid"] == os.getpid()
        assert abs((datetime.fromisoformat(info["since"]) - datetime.now()).total_seconds()) < 60
    finally:
        db.close()


def test_local_file_uses_wal_and_has_no_network_warning(tmp_path: Path) -> None:
    db = open_database(tmp_path / "town.db")
    try:
        assert not db.on_network_share and db.network_warning is None
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.close()


def test_network_paths_are_recognised() -> None:
    assert is_network_path(Path("//fileserver/kyogikai/sakae_council.db"))
    assert is_network_path(Path("\\\\fileserver\\kyogikai\\sakae_council.db"))
    assert not is_network_path(Path("/tmp/sakae_council.db"))
