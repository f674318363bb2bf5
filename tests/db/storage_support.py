"""Helpers for the storage tests: realistic records, real child processes, real damage to real files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import MembershipInput, PersonInput, create_person

REPO = Path(__file__).resolve().parents[2]


def add_people(db: Database, count: int, *, district: str = "安食小学校区", prefix: str = "栄") -> list[int]:
    """Create a district (if needed) and ``count`` people with a membership there; returns their ids."""
    with db.reading() as s:
        from sqlalchemy import select

        from sakae_council.db.models import District

        district_id = s.scalar(select(District.id).where(District.name == district))
    if district_id is None:
        district_id = create_district(db, DistrictInput(name=district)).id
    ids = []
    for i in range(count):
        person = create_person(
            db,
            PersonInput(
                name=f"{prefix}{i:03d} 太郎",
                furigana="サカエ" + "".join("アイウエオカキクケコ"[int(d)] for d in f"{i:03d}") + " タロウ",
                phone="0476-95-1111",
                memberships=(MembershipInput(district_id=district_id, role=MemberRole.SUISHIN),),
            ),
        )
        ids.append(person.id)
    return ids


def names_in(path: Path) -> set[str]:
    """Names of the people in a SQLite file, read without the program's own code."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM person")}
    finally:
        conn.close()


def integrity(path: Path) -> list[str]:
    """PRAGMA integrity_check rows of a file (["ok"] when sound)."""
    conn = sqlite3.connect(str(path))
    try:
        return [r[0] for r in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def overwrite_table_page(path: Path, table: str = "person") -> None:
    """Overwrite the root page of ``table`` with garbage, as a failing disk or a bad copy would.

    The file must be closed (WAL checkpointed into it).
    """
    conn = sqlite3.connect(str(path))
    try:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        rootpage = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    with path.open("r+b") as fh:
        fh.seek((rootpage - 1) * page_size)
        fh.write(bytes((i * 37 + 11) % 256 for i in range(page_size)))
        fh.flush()
        os.fsync(fh.fileno())


def child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def start_child(code: str) -> subprocess.Popen[str]:
    """A real second program running ``code`` (dedented): it says "ready" when it holds what it holds, and
    holds on until its stdin closes (``stop_holder``)."""
    proc = subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(),
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "ready":
        proc.kill()
        raise AssertionError(f"holder did not start: {line!r} {proc.stderr.read() if proc.stderr else ''}")
    return proc


def start_holder(path: Path, user: str = "山田 花子") -> subprocess.Popen[str]:
    """A real second program: opens ``path`` for writing, prints "ready", holds it until stdin closes."""
    return start_child(
        f"""
        import sys
        from sakae_council.db.engine import open_database
        db = open_database({str(path)!r}, user={user!r})
        print("ready", flush=True)
        sys.stdin.read()
        db.close()
        print("closed", flush=True)
        """
    )


def stop_holder(proc: subprocess.Popen[str]) -> None:
    """Let the holder close its database normally."""
    assert proc.stdin is not None
    proc.stdin.close()
    proc.wait(timeout=30)
