"""Faults a town laptop meets: a full disk, a read-only file, a busy database. In each case the user gets
a plain-Japanese message, the input that failed is intact and can be saved again, and nothing already
committed is lost.

The full disk and the write-protected medium are real: a small tmpfs mounted in a private mount
namespace (``unshare``), remounted read-only where needed. The database-full case also runs in-process
with SQLite's own ``max_page_count``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from sakae_council.db import engine
from sakae_council.db.engine import BusyError, Database, DiskFullError, open_database
from sakae_council.db.lock import ReadOnlyError
from sakae_council.db.models import AuditEntry, Person
from sakae_council.domain.errors import StorageError
from sakae_council.services.people import PersonInput, create_person, list_people

REPO = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _namespaces_available() -> bool:
    if sys.platform != "linux" or shutil.which("unshare") is None:
        return False
    probe = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True)
    return probe.returncode == 0


NAMESPACES = _namespaces_available()
needs_namespaces = pytest.mark.skipif(
    not NAMESPACES, reason="needs unprivileged user+mount namespaces (unshare) to mount a real small tmpfs"
)


def _run_on_tmpfs(tmp_path: Path, size: str, script: str) -> dict:
    """Run ``script`` in a child with a fresh tmpfs of ``size`` at argv[1]; return the JSON it prints."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    child = tmp_path / "child.py"
    child.write_text(textwrap.dedent(script), encoding="utf-8")
    shell = (
        f"mount -t tmpfs -o size={size},mode=0700 tmpfs '{mnt}' && exec '{sys.executable}' '{child}' '{mnt}'"
    )
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", shell],
        capture_output=True,
        text=True,
        env=_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def _count(db: Database, model: type) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# --- disk full -------------------------------------------------------------------------------------


def test_database_full_keeps_the_input_and_every_committed_record(tmp_path: Path) -> None:
    db = open_database(tmp_path / "town.db")
    try:
        before = [create_person(db, PersonInput(name=f"既存 {n}", furigana="キゾン")).id for n in "一二三"]
        with db.engine.connect() as conn:
            pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())
        limit = pages + 2

        def _cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_connection.execute(f"PRAGMA max_page_count={limit}")

        event.listen(db.engine, "connect", _cap)
        db.engine.dispose()
        form = PersonInput(name="新規 花子", furigana="シンキ ハナコ", notes="地域の見守り活動の記録。" * 300)
        kept = replace(form)
        audits = _count(db, AuditEntry)

        with pytest.raises(DiskFullError) as caught:
            create_person(db, form)
        assert "空き容量が足りない" in caught.value.message
        assert "入力した内容は消えていません" in caught.value.message
        assert form == kept, "the form's content is untouched and can be saved again"
        # Nothing half-written, nothing lost.
        assert sorted(p.id for p in list_people(db)) == before
        assert _count(db, AuditEntry) == audits

        event.remove(db.engine, "connect", _cap)
        db.engine.dispose()  # space freed
        saved = create_person(db, form)
        assert saved.name == "新規 花子" and saved.notes == form.notes
    finally:
        db.close()


@needs_namespaces
def test_a_really_full_disk(tmp_path: Path) -> None:
    result = _run_on_tmpfs(
        tmp_path,
        "3m",
        """
        import json, os, sqlite3, sys
        from pathlib import Path
        from sakae_council.db.engine import open_database
        from sakae_council.domain.errors import StorageError
        from sakae_council.services import backups
        from sakae_council.services.people import PersonInput, create_person

        mnt = Path(sys.argv[1])
        path = mnt / "town.db"
        db = open_database(path)
        old_backup = backups.make_backup(db)
        with open(mnt / "filler", "wb") as fh:  # something the user can delete to make room
            fh.write(b"x" * 400_000)
        committed, failure, form = [], None, None
        for i in range(10_000):
            form = PersonInput(name=f"住民 {i}", furigana="ジュウミン", notes="見守り訪問の記録。" * 400)
            try:
                committed.append(create_person(db, form).id)
            except StorageError as exc:
                failure = exc
                break
        out = {"committed": len(committed), "type": type(failure).__name__, "message": failure.message}
        try:
            backups.make_backup(db)
            out["backup"] = "made"
        except StorageError as exc:
            out["backup"] = exc.message
        out["backup_files"] = sorted(p.name for p in (mnt / "backups").iterdir() if not p.name.endswith(".json"))
        out["old_backup"] = old_backup.path.name
        os.remove(mnt / "filler")
        out["retry"] = create_person(db, form).id
        db.close()
        conn = sqlite3.connect(path)
        present = {r[0] for r in conn.execute("SELECT id FROM person")}
        out["lost"] = sorted(set(committed) - present)
        out["retry_present"] = out["retry"] in present
        out["integrity"] = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        conn.close()
        print(json.dumps(out, ensure_ascii=False))
        """,
    )
    assert result["committed"] > 3, "the disk filled only after some saves"
    assert result["type"] == "DiskFullError"
    assert "空き容量が足りない" in result["message"] and "入力した内容は消えていません" in result["message"]
    assert "空き容量が足りません" in result["backup"] and "データファイル本体は無事です" in result["backup"]
    assert result["backup_files"] == [result["old_backup"]], "no partial backup left, the old one kept"
    assert result["lost"] == []
    assert result["retry_present"], "after making room the same input saves"
    assert result["integrity"] == ["ok"]


# --- read-only --------------------------------------------------------------------------------------


@needs_namespaces
def test_a_write_protected_medium(tmp_path: Path) -> None:
    result = _run_on_tmpfs(
        tmp_path,
        "8m",
        """
        import json, subprocess, sys
        from pathlib import Path
        from sakae_council.db.engine import open_database
        from sakae_council.db.lock import ReadOnlyError
        from sakae_council.domain.errors import StorageError
        from sakae_council.services.people import PersonInput, create_person, list_people

        mnt = Path(sys.argv[1])
        path = mnt / "town.db"
        db = open_database(path)
        create_person(db, PersonInput(name="既存 一郎", furigana="キゾン イチロウ"))
        db.close()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        out = {}
        try:
            open_database(path)
            out["open"] = "opened"
        except ReadOnlyError as exc:
            out["open"] = exc.message
        ro = open_database(path, read_only=True)
        out["names"] = [p.name for p in list_people(ro)]
        form = PersonInput(name="新規 花子", furigana="シンキ ハナコ")
        try:
            create_person(ro, form)
            out["write"] = "written"
        except StorageError as exc:
            out["write"] = exc.message
        ro.close()
        out["files"] = sorted(p.name for p in mnt.iterdir())
        print(json.dumps(out, ensure_ascii=False))
        """,
    )
    assert "書き込みが禁止されています" in result["open"] and "読み取り専用で開く" in result["open"]
    assert result["names"] == ["既存 一郎"]
    assert "読み取り専用で開いているため保存できません" in result["write"]
    assert result["files"] == ["town.db"], "nothing was created or moved on the protected medium"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root ignores file modes")
def test_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    create_person(db, PersonInput(name="既存 一郎", furigana="キゾン イチロウ"))
    db.close()
    os.chmod(path, 0o400)
    with pytest.raises(ReadOnlyError, match="書き込みが禁止されています"):
        open_database(path)
    ro = open_database(path, read_only=True)
    try:
        assert [p.name for p in list_people(ro)] == ["既存 一郎"]
    finally:
        ro.close()


def test_read_only_database_refuses_writes_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    create_person(db, PersonInput(name="既存 一郎", furigana="キゾン イチロウ"))
    db.close()
    ro = open_database(path, read_only=True)
    try:
        form = PersonInput(name="新規 花子", furigana="シンキ ハナコ")
        with pytest.raises(StorageError, match="読み取り専用で開いているため保存できません"):
            create_person(ro, form)
        assert [p.name for p in list_people(ro)] == ["既存 一郎"]
    finally:
        ro.close()


# --- busy -------------------------------------------------------------------------------------------


def _hold_write_lock(path: Path, *, then: str) -> subprocess.Popen[str]:
    """Another program inside a write transaction; ``then`` is "commit" or "rollback" when stdin closes."""
    code = textwrap.dedent(
        f"""
        import sqlite3, sys
        c = sqlite3.connect({str(path)!r}, isolation_level=None)
        c.execute("BEGIN IMMEDIATE")
        c.execute("UPDATE person SET notes = '別のプログラムの変更'")
        print("ready", flush=True)
        sys.stdin.read()
        c.execute({then.upper()!r})
        c.close()
        """
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env()
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def _release(proc: subprocess.Popen[str]) -> None:
    assert proc.stdin is not None
    proc.stdin.close()
    assert proc.wait(timeout=30) == 0


def test_busy_database_keeps_the_input_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        first = create_person(db, PersonInput(name="既存 一郎", furigana="キゾン イチロウ"))
        other = _hold_write_lock(path, then="commit")
        form = PersonInput(name="新規 花子", furigana="シンキ ハナコ")
        kept = replace(form)
        try:
            with pytest.raises(BusyError) as caught:
                create_person(db, form)
        finally:
            _release(other)
        assert "使用中" in caught.value.message and "少し待ってから" in caught.value.message
        assert "入力した内容は消えていません" in caught.value.message
        assert form == kept
        saved = create_person(db, form)  # the user presses 保存 again
        with db.reading() as s:
            rows = {p.id: p.notes for p in s.scalars(select(Person))}
    finally:
        db.close()
    assert set(rows) == {first.id, saved.id}
    assert rows[first.id] == "別のプログラムの変更", "the other program's commit is kept too"


def test_a_briefly_busy_database_just_waits(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    try:
        create_person(db, PersonInput(name="既存 一郎", furigana="キゾン イチロウ"))
        other = _hold_write_lock(path, then="rollback")
        import threading

        releaser = threading.Timer(0.5, _release, args=(other,))
        releaser.start()
        saved = create_person(
            db, PersonInput(name="新規 花子", furigana="シンキ ハナコ")
        )  # waits, then saves
        releaser.join()
        assert {p.name for p in list_people(db)} == {"既存 一郎", saved.name}
    finally:
        db.close()
