"""Other users' changes reach open lists without a restart: LISTEN/NOTIFY on the server."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import text

from sakae_council.db.engine import open_database
from sakae_council.db.models import District
from sakae_council.services import changes, districts, people
from sakae_council.services.changes import ChangeFeed, ChangeSet

from .conftest import PgSchemas, Store
from .town import seat


def poll_until(feed: ChangeFeed, timeout: float = 5.0) -> ChangeSet:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        got = feed.poll()
        if got:
            return got
        time.sleep(0.05)
    return ChangeSet()


def test_other_users_changes_are_reported_by_area_and_own_ones_are_not(
    pg_store: Store, pg_schemas: PgSchemas
) -> None:
    mine, theirs = pg_store.open("自分"), pg_store.open("ほかの人")
    elsewhere = pg_store.__class__("postgresql", pg_schemas.new()).open("別のデータベース")
    feed = ChangeFeed(mine)
    try:
        assert feed.live and feed.poll() == ChangeSet()
        a = districts.create_district(mine, districts.DistrictInput(name="安食小学校区")).id  # my own save
        districts.create_district(elsewhere, districts.DistrictInput(name="布鎌小学校区"))  # another schema

        # Then another user's change in another area. The server delivers notices in commit order, so by the
        # time theirs arrives, a notice of the two saves above would have arrived too: waiting for a positive
        # event proves the absence of the others without sleeping and hoping.
        people.create_person(theirs, people.PersonInput(name="渡辺 花子", memberships=(seat(a),)))
        got = poll_until(feed)
        assert "people" in got.areas and "audit" in got.areas and not got.everything
        assert "districts" not in got.areas  # neither my own save nor the other database's
        assert feed.poll() == ChangeSet()  # reported once

        # a transaction that rolls back sends nothing
        try:
            with theirs.transaction() as s:
                s.add(District(name="幻の学区"))
                s.flush()
                raise RuntimeError("rolled back")
        except RuntimeError:
            pass
        people.create_person(theirs, people.PersonInput(name="渡辺 次郎", memberships=(seat(a),)))
        got = poll_until(feed)  # the marker arrived, so the rolled-back district would have arrived before it
        assert "people" in got.areas and "districts" not in got.areas
    finally:
        feed.close()
        elsewhere.close()


def test_a_broken_feed_reconnects_and_reports_everything(pg_store: Store, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db = pg_store.open("自分")
    monkeypatch.setattr(changes, "RECONNECT_EVERY_S", 0.0)
    feed = ChangeFeed(db)
    try:
        pid = feed._conn.info.backend_pid
        with db.engine.connect() as conn:  # the server drops the listening session (a restart, say)
            conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        got = poll_until(feed)
        assert got.everything and got.all_areas() == changes.ALL_AREAS
        assert feed.live
    finally:
        feed.close()


def test_a_local_file_has_nothing_to_watch_unless_opened_read_only(tmp_path: Path) -> None:
    writer = open_database(tmp_path / "local.db", user="自分")
    reader = open_database(tmp_path / "local.db", read_only=True, user="閲覧")
    own, other = ChangeFeed(writer), ChangeFeed(reader)
    try:
        assert not own.live and own.poll() == ChangeSet()  # single user: the lock keeps others out
        assert other.live and other.poll() == ChangeSet()
        districts.create_district(writer, districts.DistrictInput(name="安食小学校区"))
        assert own.poll() == ChangeSet()
        assert other.poll().everything  # the program that has the file read-only refreshes
    finally:
        own.close()
        other.close()
        reader.close()
        writer.close()


def test_the_last_change_of_a_record_names_its_author(store: Store) -> None:
    db = store.open("佐藤")
    d = districts.create_district(db, districts.DistrictInput(name="安食小学校区"))
    last = changes.last_change(db, "district", d.id)
    assert last is not None and last.user == "佐藤"
    assert changes.last_change(db, "district", 9999) is None
