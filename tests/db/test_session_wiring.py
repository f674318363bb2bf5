"""What every session of an open database does is wired by ``open_database`` on that database's own session
factory — not by importing a module, not on SQLAlchemy's global Session class, not by replacing a
private attribute."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session

import sakae_council.db.models  # noqa: F401 - importing the models must register nothing
from sakae_council.db.engine import open_database
from sakae_council.db.models import Meeting, Person, SearchGram
from sakae_council.db.shared import GuardedSession
from sakae_council.services import demo, meeting_list
from sakae_council.services.meeting_list import MeetingFilter
from sakae_council.services.setup import ensure_seeded

FLUSH_EVENTS = ("before_flush", "after_flush", "do_orm_execute")


def _global_listeners() -> dict[str, int]:
    """The listeners a plain Session (one made by anyone, anywhere) would run on each flush event."""
    plain = Session()
    return {name: len(list(getattr(plain.dispatch, name))) for name in FLUSH_EVENTS}


def test_importing_the_models_registers_no_global_session_listener() -> None:
    assert _global_listeners() == dict.fromkeys(FLUSH_EVENTS, 0)


def test_the_search_index_is_kept_by_this_databases_sessions_only(tmp_path: Path) -> None:
    db = open_database(tmp_path / "a.db", user="テスト")
    try:
        assert _global_listeners() == dict.fromkeys(FLUSH_EVENTS, 0), "opening registers nothing globally"
        with db.transaction() as s:
            assert isinstance(s, GuardedSession)  # stale saves become ConflictError
            s.add(Person(name="索引 太郎", furigana="サクイン タロウ", search_text="索引太郎"))
        with db.reading() as s:
            indexed = s.scalar(select(func.count()).select_from(SearchGram))
        assert indexed == len({"索", "引", "太", "郎", "索引", "引太", "太郎"})

        # A session made outside the database's factory keeps nothing: the wiring is per database.
        with Session(db.engine) as s, s.begin():
            s.add(Person(name="外部 花子", furigana="ガイブ ハナコ", search_text="外部花子"))
        with db.reading() as s:
            assert s.scalar(select(func.count()).select_from(SearchGram)) == indexed
    finally:
        db.close()


def test_a_second_database_has_its_own_listeners(tmp_path: Path) -> None:
    """Two databases open at once (a transfer, an erasure of backups): each keeps its own derived data,
    and the meeting search text is written by the flush of the database that saved the meeting."""
    first = open_database(tmp_path / "one.db", user="テスト")
    second = open_database(tmp_path / "two.db", user="テスト")
    try:
        for db in (first, second):
            ensure_seeded(db)
            demo.load_demo(db)
        with second.transaction() as s:
            meeting = s.scalars(select(Meeting).order_by(Meeting.id)).first()
            assert meeting is not None
            meeting.place = "配線確認センター"
        found = meeting_list.list_meetings(second, MeetingFilter(query="配線確認"))
        assert [m.place for m in found] == ["配線確認センター"]
        assert meeting_list.list_meetings(first, MeetingFilter(query="配線確認")) == []
        assert event.contains(second.session_factory, "before_flush", _meeting_listener())
        assert not event.contains(Session, "before_flush", _meeting_listener())
    finally:
        first.close()
        second.close()


def _meeting_listener():  # type: ignore[no-untyped-def]
    from sakae_council.db.models.meetings import _refresh_meeting_search_text

    return _refresh_meeting_search_text
