"""Revision 0012: the 出欠回答 of a file made before it get a version (1) and keep every answer; going back to
0011 drops the version and the rows of replies taken back (未回答 to the older program: no row at all)."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from alembic import command
from notice_town import NoticeTown, notice_town
from sqlalchemy import create_engine, text

from sakae_council.db.engine import alembic_config, current_revision, head_revision, open_database
from sakae_council.domain.errors import StaleVersionError
from sakae_council.domain.replies import Reply
from sakae_council.services import meeting_replies
from sakae_council.services.meeting_replies import ReplyInput


def _columns(db) -> set[str]:  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        return {c[1] for c in conn.execute(text("PRAGMA table_info(meeting_reply)"))}


def _answered(path: Path) -> NoticeTown:
    """A file with three replies, one of them taken back (set-up through the services at the head)."""
    db = open_database(path)
    try:
        town = notice_town(db)
        p = town.people
        meeting_replies.record_replies(
            db,
            town.meeting,
            [
                ReplyInput(p["髙橋 一郎"], Reply.PRESENT),
                ReplyInput(p["𠮷田 花子"], Reply.PROXY, "田村 美紀"),
                ReplyInput(p["上野 三郎"], Reply.ABSENT),
            ],
        )
        meeting_replies.record_replies(db, town.meeting, [ReplyInput(p["上野 三郎"], None)])
        return town
    finally:
        db.close()


def test_upgrade_from_0011_gives_every_reply_version_1_and_keeps_the_answers(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    town = _answered(path)
    db = open_database(path)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0011")
    assert "version" not in _columns(db)
    with db.engine.connect() as conn:
        rows = set(conn.execute(text("SELECT reply, proxy_name FROM meeting_reply")))
    assert rows == {("present", ""), ("proxy", "田村 美紀")}, "the taken-back reply is no row before 0012"
    db.close()

    db = open_database(path, backup_dir=tmp_path / "backups")  # as the program opens an older file
    try:
        assert current_revision(db.engine) == head_revision() and "version" in _columns(db)
        replies = meeting_replies.get_replies(db, town.meeting)
        by_name = {i.name: i for i in replies.invitees}
        assert (by_name["髙橋 一郎"].reply, by_name["髙橋 一郎"].version) == (Reply.PRESENT, 1)
        assert by_name["𠮷田 花子"].reply_text == "委任（代理人: 田村 美紀）"
        assert (by_name["上野 三郎"].reply, by_name["上野 三郎"].version) == (None, 0)
        # The versions guard the old rows at once: a save on a copy older than one made since is refused.
        takahashi = town.people["髙橋 一郎"]
        meeting_replies.record_replies(
            db, town.meeting, [ReplyInput(takahashi, Reply.ABSENT)], versions={takahashi: 1}
        )
        with pytest.raises(StaleVersionError):
            meeting_replies.record_replies(
                db, town.meeting, [ReplyInput(takahashi, Reply.PRESENT)], versions={takahashi: 1}
            )
    finally:
        db.close()


def test_downgrade_to_0011_keeps_the_answers_and_drops_the_taken_back_rows(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    town = _answered(path)
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM meeting_reply WHERE reply = ''")).scalar() == 1
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0011")
        assert "version" not in _columns(db)
        with db.engine.connect() as conn:
            left = set(conn.execute(text("SELECT person_id, reply FROM meeting_reply")))
        p = town.people
        assert left == {(p["髙橋 一郎"], "present"), (p["𠮷田 花子"], "proxy")}
    finally:
        db.close()


PG_URL = os.environ.get("SAKAE_TEST_PG_URL", "")


@pytest.mark.skipif(not PG_URL, reason="PostgreSQL がありません（SAKAE_TEST_PG_URL が未設定）")
def test_down_to_0011_and_up_again_on_the_server(tmp_path: Path) -> None:
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    db = open_database(f"{PG_URL}{sep}options=-csearch_path%3D{schema}", user="テスト担当")
    try:
        town = notice_town(db)
        p = town.people
        meeting_replies.record_replies(db, town.meeting, [ReplyInput(p["髙橋 一郎"], Reply.PRESENT)])
        meeting_replies.record_replies(db, town.meeting, [ReplyInput(p["髙橋 一郎"], None)])
        meeting_replies.record_replies(db, town.meeting, [ReplyInput(p["相川 次郎"], Reply.ABSENT)])
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0011")
        with db.engine.connect() as conn:
            cols = set(
                conn.execute(
                    text("SELECT column_name FROM information_schema.columns WHERE table_name = 'meeting_reply' "
                         "AND table_schema = :s"), {"s": schema},
                ).scalars()
            )  # fmt: skip
            left = set(conn.execute(text("SELECT person_id, reply FROM meeting_reply")))
        assert "version" not in cols and left == {(p["相川 次郎"], "absent")}
        with db.engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
        assert current_revision(db.engine) == head_revision()
        r = {i.name: (i.reply, i.version) for i in meeting_replies.get_replies(db, town.meeting).invitees}
        assert r["相川 次郎"] == (Reply.ABSENT, 1) and r["髙橋 一郎"] == (None, 0)
    finally:
        db.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
