"""「古いバックアップからも消す」: every backup is rewritten without the person (verified), or deleted when it
cannot be rewritten — then no backup file holds their name, phone or address, in any table or in its bytes."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event

from sakae_council.db import backup as files
from sakae_council.db.engine import Database, make_engine, open_database
from sakae_council.db.integrity import assess_sqlite_file
from sakae_council.services import backups, erasure
from sakae_council.services.backup_erasure import erase_from_backups, unrewritable_backups
from tests.erasure_world import ADDRESS, EMAIL, NAME, OLD_PHONE, PHONE, build_world, dump_sqlite_file, holding


@pytest.fixture()
def filedb(tmp_path: Path) -> Database:
    db = open_database(tmp_path / "data.db", user="テスト担当")
    yield db
    db.close()


def _older_schema_backup(db: Database) -> Path:
    """A backup as an older version of the program left it (another schema revision)."""
    newest = backups.list_backups(db, summaries=False)[0].path
    assert db.path is not None
    older = newest.with_name(files.backup_name(files.backup_key(db.path), datetime(2025, 1, 1, 9, 0), "open"))
    shutil.copy(newest, older)
    with sqlite3.connect(older) as con:
        con.execute("UPDATE alembic_version SET version_num = '0001_first'")
    con.close()
    return older


def _holds_person(path: Path) -> list[str]:
    values = dump_sqlite_file(path)
    raw = path.read_bytes()
    found = [n for n in (NAME, PHONE, OLD_PHONE, ADDRESS, EMAIL) if holding(values, n)]
    found += [f"bytes:{n}" for n in (NAME, PHONE, ADDRESS, EMAIL) if n.encode() in raw]
    return found


def test_no_backup_holds_the_person_after_erasing_from_backups(filedb: Database) -> None:
    db = filedb
    world = build_world(db, in_approved_minutes=False)
    backups.make_backup(db, now=datetime(2026, 7, 10, 9, 0))
    backups.make_backup(db, now=datetime(2026, 7, 11, 9, 0))
    older = _older_schema_backup(db)
    assert len(backups.list_backups(db, summaries=False)) == 3
    # Copies the program left elsewhere: a damaged file moved aside, a backup a crash left half-written.
    assert db.path is not None
    moved_aside = db.path.with_name("data.damaged-20260601-120000.db")
    shutil.copy(older, moved_aside)
    Path(f"{moved_aside}-wal").write_bytes(PHONE.encode())
    partial = older.with_name(f".{older.name.replace('-open', '-auto')}.partial")
    shutil.copy(older, partial)
    os.utime(partial, (time.time() - 3600, time.time() - 3600))
    assert all(_holds_person(b.path) for b in backups.list_backups(db, summaries=False))

    report = erasure.erase_at_request(db, world.person_id)
    assert report.backups_holding == 3
    assert "バックアップ3件には、消去前の情報がまだ残っています" in report.message
    assert unrewritable_backups(db) == [older, moved_aside, partial]

    done = erase_from_backups(db, world.person_id, identity=report.identity, delete_unrewritable=True)

    assert (
        len(done.rewritten) == 2 and done.deleted == (older, moved_aside, partial) and not done.kept_holding
    )
    assert not moved_aside.exists() and not Path(f"{moved_aside}-wal").exists() and not partial.exists()
    left = backups.list_backups(db, summaries=True)
    assert [b.path for b in left] == list(done.rewritten)
    for b in left:
        assert _holds_person(b.path) == [], b.path
        assert assess_sqlite_file(b.path, full=True).ok and not b.problem
        assert b.path.stat().st_mode & 0o077 == 0
    assert not older.exists()
    assert "バックアップ2件から消去し、書き換えられなかった3件を削除しました" in done.message
    with db.reading() as s:
        from sqlalchemy import select

        from sakae_council.db.models import AuditEntry

        last = s.execute(select(AuditEntry.entity, AuditEntry.summary).order_by(AuditEntry.id.desc())).first()
    assert last is not None and last.entity == "backup" and NAME not in last.summary
    # A rewritten backup still restores, and what it restores does not hold the person.
    backups.restore_backup(db, left[0].path)
    db.engine.dispose()
    assert _holds_person(db.path) == []  # type: ignore[arg-type]


def test_a_backup_that_cannot_be_rewritten_may_be_kept(filedb: Database) -> None:
    db = filedb
    world = build_world(db, in_approved_minutes=True)
    backups.make_backup(db, now=datetime(2026, 7, 10, 9, 0))
    older = _older_schema_backup(db)
    report = erasure.erase_at_request(db, world.person_id)

    done = erase_from_backups(db, world.person_id, identity=report.identity, delete_unrewritable=False)

    assert done.kept_holding == (older,) and older.exists() and len(done.rewritten) == 1
    assert "まだ消去前の情報が残っています" in done.message
    rewritten = dump_sqlite_file(done.rewritten[0])
    for needle in (PHONE, OLD_PHONE, ADDRESS, EMAIL):
        assert holding(rewritten, needle) == set()
    # The name stays where the approved minutes print it, and in the record kept for them.
    assert holding(rewritten, NAME) <= {
        ("attendance", "name"),
        ("agenda_item", "presenter"),
        ("agenda_item", "discussion"),
        ("person", "name"),
        ("person", "search_text"),
    }


def test_secure_delete_is_on_for_every_connection(filedb: Database, tmp_path: Path) -> None:
    with filedb.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
    # Python builds whose SQLite has it OFF by default (this one compiles it ON): a connection that
    # starts with it OFF gets it from the program's own connect-time PRAGMAs.
    for read_only in (False, True):
        engine = make_engine(f"sqlite:///{filedb.path}", read_only=read_only)

        def start_off(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            dbapi_connection.execute("PRAGMA secure_delete=OFF")

        event.listen(engine, "connect", start_off, insert=True)
        try:
            with engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1, read_only
        finally:
            engine.dispose()


def test_the_erased_values_leave_the_live_file_too(filedb: Database) -> None:
    world = build_world(filedb, in_approved_minutes=False)
    erasure.erase_at_request(filedb, world.person_id)
    path = filedb.path
    filedb.close()  # checkpoints the WAL into the file
    assert path is not None
    raw = path.read_bytes()
    for needle in (PHONE, ADDRESS, EMAIL, NAME):
        assert needle.encode() not in raw, needle


def _postings_match_rows(path: Path) -> list[tuple[int, int]]:
    """(kind, record id) of every person or issue whose search postings in the file at ``path`` are not
    exactly the grams of its row's search text (a soft-deleted person: none)."""
    from sakae_council.db.models.search import KIND_ISSUE, KIND_PERSON, text_grams

    wrong = []
    with sqlite3.connect(path) as con:
        rows = [
            (KIND_PERSON, i, "" if d else t)
            for i, t, d in con.execute("SELECT id, search_text, deleted_at FROM person")
        ]
        rows += [(KIND_ISSUE, i, t) for i, t in con.execute("SELECT id, search_text FROM regional_issue")]
        for kind, record_id, text in rows:
            grams = {
                g
                for (g,) in con.execute(
                    "SELECT gram FROM search_gram WHERE kind=? AND record_id=?", (kind, record_id)
                )
            }
            if grams != text_grams(text):
                wrong.append((kind, record_id))
    con.close()
    return wrong


def test_a_rewritten_backup_keeps_its_search_index_in_step(filedb: Database) -> None:
    """The copy is erased through sessions that keep the search index, as the live file's do: no posting
    of the erased name stays behind (its bigrams would spell the name back)."""
    db = filedb
    world = build_world(db, in_approved_minutes=False)
    backups.make_backup(db, now=datetime(2026, 7, 10, 9, 0))
    report = erasure.erase_at_request(db, world.person_id)

    done = erase_from_backups(db, world.person_id, identity=report.identity)

    assert len(done.rewritten) == 1
    assert _postings_match_rows(done.rewritten[0]) == []
    assert db.path is not None and _postings_match_rows(db.path) == []
