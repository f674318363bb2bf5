"""services.meeting_list: the 会議 list filtered, searched, sorted and paged in the database (SQLite and
PostgreSQL), with meeting.search_text kept in step by every write and found by the same queries as the
in-memory filter the page used before."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

import pytest
from alembic import command
from sqlalchemy import select

from sakae_council.db.engine import Database, alembic_config, current_revision, head_revision
from sakae_council.db.models import Meeting
from sakae_council.domain.enums import MinutesStatus
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.search_text import meeting_search_text
from sakae_council.domain.text import fold_for_search
from sakae_council.services import (
    demo,
    districts,
    meeting_bodies,
    meeting_list,
    meeting_queries,
    meetings,
    minutes,
)
from sakae_council.services.meeting_list import MeetingFilter
from sakae_council.services.meetings import MeetingInput, MeetingSummaryDTO


@dataclass
class Bodies:
    district: int
    ajiki: int
    fukama: int
    liaison: int


@pytest.fixture()
def bodies(db: Database) -> Bodies:
    d = districts.create_district(
        db,
        districts.DistrictInput(
            name="安食小学校区", council_name="安食小学校区まちづくり協議会", display_order=1
        ),
    ).id
    districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2))
    meeting_bodies.ensure_district_bodies(db)
    by_name = {b.name: b.id for b in meeting_bodies.list_bodies(db)}
    return Bodies(
        d,
        by_name["安食小学校区まちづくり協議会"],
        by_name["布鎌小学校区まちづくり協議会"],
        by_name["地域まちづくり連絡会"],
    )


def add(db: Database, body: int, held_on: date, place: str = "", start: time | None = time(19, 0)) -> int:
    return meetings.create_meeting(
        db,
        MeetingInput(body_id=body, held_on=held_on, start_time=start, place=place),
        prefill_attendance=False,
    ).id


def ids(db: Database, **kw: object) -> list[int]:
    return [m.id for m in meeting_list.list_meetings(db, MeetingFilter(**kw))]  # type: ignore[arg-type]


def old_filter(rows: list[MeetingSummaryDTO], query: str) -> list[int]:
    """What the page did before it paged: every meeting in memory, kept when the folded query occurs in
    the folded 「名前 名前 場所」 (the list's name and the DTO's title are the same text in Japanese)."""
    folded = fold_for_search(query)
    return [m.id for m in rows if not folded or folded in fold_for_search(f"{m.title} {m.title} {m.place}")]


#: 1–2 characters, hiragana against katakana, 全角 against 半角, spaces, LIKE's wildcards and its escape.
QUERIES = [
    "",
    "安",
    "食",
    "会",
    "第",
    "回",
    "3",
    "３",
    "0",
    "セ",
    "せ",
    "ｾ",
    "大",
    "ー",
    "度",
    "町",
    "安食",
    "あじ",
    "ふれ",
    "フレ",
    "ﾌﾚ",
    "令和",
    "れいわ",
    "7年",
    "７年",
    "第1",
    "第１",
    "1回",
    "１０回",
    "連絡",
    "れんらく",
    "役場",
    "室",
    "センタ",
    "せんたー",
    "ｾﾝﾀｰ",
    "安食台",
    "まちづくり",
    "マチヅクリ",
    "ﾏﾁﾂﾞｸﾘ",
    "まち づくり",
    "コミュニティ",
    "こみゅにてぃ",
    "ｺﾐｭﾆﾃｨｾﾝﾀｰ",
    "令和7年度 第3回",
    "令和７年度第３回",
    "第2回竜角寺台",
    "栄町役場 大会議室",
    "栄町役場大会議室",
    "役場 大",
    "協議会",
    "きょうぎかい",
    "布鎌地区",
    "ふれあいセンター",
    "フレアイセンター",
    "ＦＵＲＥ",
    "%",
    "_",
    "/",
    "50%",
    "安食%",
    "第_回",
    "令和8年度第1回地域まちづくり連絡会",
    "存在しない会議",
]


def test_search_finds_what_the_in_memory_filter_found_on_the_demo_town(db: Database) -> None:
    demo.load_demo(db)
    every = meetings.list_meetings(db)
    assert len(every) > 40
    for query in QUERIES:
        flt = MeetingFilter(query=query)
        found = [m.id for m in meeting_list.list_meetings(db, flt)]
        assert found == old_filter(every, query), query
        assert meeting_list.count_meetings(db, flt) == len(found), query
    assert ids(db, query="ｾﾝﾀｰ") and ids(db, query="れいわ") == []  # the list is not vacuous
    # Paged: the pages of a search join up to the whole result.
    flt = MeetingFilter(query="まちづくり", sort="place", descending=False)
    pages = [m.id for o in range(0, 60, 7) for m in meeting_list.list_meetings(db, flt, limit=7, offset=o)]
    assert pages == [m.id for m in meeting_list.list_meetings(db, flt)]


def test_a_query_spanning_the_name_and_the_place_no_longer_matches(db: Database, bodies: Bodies) -> None:
    """The one intended difference: the old filter ran name and place together, so the end of one and
    the start of the other matched as one word (「協議会安食」); now each is searched on its own."""
    mid = add(db, bodies.ajiki, date(2026, 5, 10), place="安食ふれあいセンター")
    assert old_filter(meetings.list_meetings(db), "協議会安食") == [mid]
    assert ids(db, query="協議会安食") == []
    assert ids(db, query="協議会") == ids(db, query="安食ふれあい") == [mid]


def test_filters_and_count(db: Database, bodies: Bodies) -> None:
    a1 = add(db, bodies.ajiki, date(2026, 3, 20))
    a2 = add(db, bodies.ajiki, date(2026, 4, 20))
    f1 = add(db, bodies.fukama, date(2026, 5, 20))
    li = add(db, bodies.liaison, date(2026, 6, 20))
    with db.transaction() as s:  # 確定 (approving through the service needs a full set of minutes)
        s.get_one(Meeting, a2).status = MinutesStatus.APPROVED.value
    assert ids(db) == [li, f1, a2, a1]
    assert ids(db, body_id=bodies.ajiki) == [a2, a1]
    assert ids(db, fiscal_year=2026) == [li, f1, a2]
    assert ids(db, district_id=bodies.district) == [a2, a1]
    assert ids(db, status=MinutesStatus.APPROVED) == [a2]
    assert ids(db, status=MinutesStatus.DRAFT, fiscal_year=2026) == [li, f1]
    assert meeting_list.count_meetings(db, MeetingFilter(district_id=bodies.district, fiscal_year=2026)) == 1
    assert meeting_list.count_meetings(db) == 4
    with pytest.raises(ValidationError):
        ids(db, status="未定")


def test_each_column_sorts_in_the_database_with_ties_newest_first(db: Database, bodies: Bodies) -> None:
    early = add(db, bodies.fukama, date(2026, 5, 1), place="公民館", start=None)
    late = add(db, bodies.fukama, date(2026, 5, 1), place="公民館", start=time(19, 0))
    other = add(db, bodies.ajiki, date(2026, 6, 1), place="あおば会館")
    old = add(db, bodies.ajiki, date(2025, 6, 1), place="公民館")
    assert ids(db, sort="held_on") == [other, late, early, old]
    assert ids(db, sort="held_on", descending=False) == [old, early, late, other]  # no time: as 0:00
    # 令和7年度 第1回; 令和8年度 第1回 of both bodies (newest first); 令和8年度 第2回
    assert ids(db, sort="number", descending=False) == [old, other, early, late]
    assert ids(db, sort="number") == [late, other, early, old]
    assert ids(db, sort="body", descending=False) == [
        old,
        other,
        late,
        early,
    ]  # 安食… before 布鎌…, then by date
    assert ids(db, sort="place", descending=False) == [
        other,
        late,
        early,
        old,
    ]  # あおば first; ties newest first
    assert ids(db, sort="place") == [late, early, old, other]
    flt = MeetingFilter(sort="place", descending=False)
    pages = [[m.id for m in meeting_list.list_meetings(db, flt, limit=3, offset=o)] for o in (0, 3)]
    assert pages == [[other, late, early], [old]]


def test_search_text_follows_every_change_of_name_or_place(db: Database, bodies: Bodies) -> None:
    mid = add(db, bodies.ajiki, date(2026, 5, 10), place="安食ふれあいセンター")
    assert ids(db, query="ふれあい") == [mid]
    d = meetings.get_meeting(db, mid)
    d = meetings.update_meeting(
        db, mid, MeetingInput(bodies.ajiki, date(2026, 5, 10), place="ｺﾐｭﾆﾃｨ会館"), d.version
    )
    assert ids(db, query="ふれあい") == [] and ids(db, query="コミュニティ") == [mid]
    add(db, bodies.ajiki, date(2027, 1, 10))  # 令和8年度 第2回
    # Moved into the next 年度, the meeting becomes 令和9年度 第1回: the name it is found by changes too.
    d = meetings.update_meeting(
        db, mid, MeetingInput(bodies.ajiki, date(2027, 5, 10), place="ｺﾐｭﾆﾃｨ会館"), d.version
    )
    assert ids(db, query="令和9年度第1回") == [mid] and mid not in ids(db, query="令和8年度")
    d = minutes.save_minutes(
        db, mid, replace(minutes.minutes_input_from(d), place="役場 大会議室"), d.version
    )
    assert ids(db, query="大会議室") == [mid]
    d = meeting_queries.save_meeting_minutes(
        db, mid, date(2027, 3, 1), minutes.minutes_input_from(d), d.version
    )
    assert ids(db, query="令和8年度第3回") == [mid]
    with db.reading() as s:
        for m in s.scalars(select(Meeting)):
            assert m.search_text == meeting_search_text(m.fiscal_year, m.number, m.body.name, m.place)


def test_upgrading_from_0003_fills_the_search_text_of_every_meeting(db: Database, bodies: Bodies) -> None:
    """Revision 0004 on a database written before it (both backends): the column is added and filled."""
    mids = [add(db, bodies.ajiki, date(2026, 4 + i, 1), place=f"ｾﾝﾀｰ{i}") for i in range(3)]
    mids.append(add(db, bodies.liaison, date(2025, 7, 10), place="栄町役場 大会議室"))
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    with db.engine.connect() as conn:
        assert "search_text" not in list(conn.exec_driver_sql("SELECT * FROM meeting").keys())
    with db.engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    assert current_revision(db.engine) == head_revision()
    with db.reading() as s:
        texts = {i: t for i, t in s.execute(select(Meeting.id, Meeting.search_text))}
    assert texts[mids[0]] == "令和8年度第1回安食小学校区まちづくり協議会\nせんたー0"
    assert texts[mids[3]] == "令和7年度第1回地域まちづくり連絡会\n栄町役場大会議室"
    assert ids(db, query="センター2") == [mids[2]]
    assert ids(db, query="第1回") == [mids[0], mids[3]]
