"""The 会議・議事録 list over more meetings than one fetch: it loads a batch, more as it scrolls, sorts,
filters and searches in the database over every meeting, exports every matching one, and keeps the
user's place on a refresh."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database, open_database
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.meeting_tables import MeetingsModel
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.services import districts, meeting_bodies, meetings
from sakae_council.services.meetings import MeetingInput

from ..helpers import click_header, opened_copy, scroll_to_end, type_text

BATCH = MeetingsModel.BATCH
#: More than two batches, so a third fetch is partial.
MANY = 2 * BATCH + 50
FIRST_DAY = date(2024, 4, 1)
OLD_PLACE = "あおば会館"


def held(n: int) -> date:
    """The n-th meeting of the council (1-based): one every other day, the highest number newest."""
    return FIRST_DAY + timedelta(days=2 * n)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A database file with MANY meetings of the 安食 council at 公民館, plus one older meeting of the
    連絡会 at あおば会館 (first by place, last by date). Built once through the services; each test opens
    its own copy."""
    path = tmp_path_factory.mktemp("meetings") / "template.db"
    db = open_database(path, user="テスト担当")
    try:
        a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
        meeting_bodies.ensure_district_bodies(db)
        bodies = {b.district_id: b.id for b in meeting_bodies.list_bodies(db)}
        for n in range(1, MANY + 1):
            meetings.create_meeting(
                db,
                MeetingInput(bodies[a], held(n), start_time=time(19, 0), place="公民館"),
                prefill_attendance=False,
            )
        old = meetings.create_meeting(db, MeetingInput(bodies[None], date(2023, 7, 10), place=OLD_PLACE)).id
    finally:
        db.close()
    return path, {"old": old, "council": bodies[a], "district": a}


@pytest.fixture()
def db(template: tuple[Path, dict[str, int]], tmp_path: Path) -> Iterator[Database]:
    """This module's database: a private copy of the template (real SQLite, as everywhere)."""
    yield from opened_copy(template[0], tmp_path)


@pytest.fixture()
def many(template: tuple[Path, dict[str, int]], db: Database) -> dict[str, int]:
    return template[1]


def meetings_page(window: MainWindow) -> MeetingsPage:
    page = window.show_page("meetings")
    wait_idle()
    assert isinstance(page, MeetingsPage)
    return page


def column(page: MeetingsPage, c: int) -> list[str]:
    m = page.table.model()
    return [m.index(r, c).data() for r in range(m.rowCount())]


def test_the_list_loads_one_batch_and_more_as_it_scrolls(qtbot: QtBot, many, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = meetings_page(window)
    assert page.context_label.text() == f"全学区・{MANY + 1}件"  # counted in SQL, not by loading
    assert page.meetings_model.rowCount() == BATCH
    assert page.meetings_model.rows()[0].held_on == held(MANY)  # newest first
    scroll_to_end(qtbot, page)
    assert page.meetings_model.rowCount() == 2 * BATCH
    scroll_to_end(qtbot, page)
    assert page.meetings_model.rowCount() == MANY + 1
    assert not page.meetings_model.canFetchMore()
    assert column(page, 4)[-1] == OLD_PLACE


def test_a_header_click_sorts_every_meeting_in_the_database(qtbot: QtBot, many, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = meetings_page(window)
    assert OLD_PLACE not in column(page, 4)  # the old meeting is beyond the first batch
    click_header(qtbot, page, 4)  # 場所
    assert page.meetings_model.rowCount() == BATCH
    assert column(page, 4)[:2] == [OLD_PLACE, "公民館"]
    click_header(qtbot, page, 4)  # again: descending
    assert column(page, 4)[0] == "公民館" and page.meetings_model.rows()[0].held_on == held(
        MANY
    )  # ties newest first
    click_header(qtbot, page, 2)  # 会議体: 地域まちづくり連絡会 before 安食小学校区… (code point order)
    assert column(page, 2)[0] == "地域まちづくり連絡会"
    click_header(qtbot, page, 0)  # 開催日, ascending
    assert page.meetings_model.rows()[0].id == many["old"]
    click_header(qtbot, page, 3)  # 時間 cannot be sorted: the arrow stays where the rows are sorted
    header = page.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, Qt.SortOrder.AscendingOrder)
    assert page.context_label.text() == f"全学区・{MANY + 1}件"


def test_search_and_filters_reach_beyond_the_first_batch(qtbot: QtBot, many, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = meetings_page(window)
    type_text(qtbot, page.search, "アオバ")  # katakana finds the place written in hiragana
    qtbot.waitUntil(lambda: column(page, 4) == [OLD_PLACE], timeout=3000)
    wait_idle()
    assert page.context_label.text() == "全学区・1件"
    assert not page.meetings_model.canFetchMore()
    page.search.clear()
    page.flush_search()
    wait_idle()
    page.year_filter.set_value(2024)
    wait_idle()
    in_2024 = sum(1 for n in range(1, MANY + 1) if fiscal_year(held(n)) == 2024)
    assert page.context_label.text() == f"全学区・{in_2024}件"
    assert {m.fiscal_year for m in page.meetings_model.rows()} == {
        2024
    } and page.meetings_model.rowCount() == in_2024
    type_text(qtbot, page.search, "第１００回")  # 全角 digits
    page.flush_search()
    wait_idle()
    assert column(page, 1) == ["令和6年度 第100回"]


def test_export_writes_every_matching_meeting_without_loading_them_into_the_list(
    qtbot: QtBot, tmp_path, many, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from sakae_council.gui.widgets.export import export_model_to

    page = meetings_page(window)
    click_header(qtbot, page, 4)  # 場所, ascending
    out = export_model_to(page.model, tmp_path / "会議.csv", "会議・議事録")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["開催日", "回", "会議体", "時間", "場所", "議事録"]
    assert len(rows) == 1 + MANY + 1
    assert rows[1][4] == OLD_PLACE and rows[2][4] == "公民館"  # the list's order
    assert page.meetings_model.rowCount() == BATCH  # the view still holds one batch


def test_a_refresh_keeps_the_loaded_rows_and_the_selection(
    qtbot: QtBot, db: Database, many, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = meetings_page(window)
    scroll_to_end(qtbot, page)
    deep = BATCH + 50
    target = page.meetings_model.rows()[deep]
    page.table.select_row(deep)
    wait_idle()  # a view left at the end may fetch one batch more: the refresh keeps whatever was loaded
    loaded = page.meetings_model.rowCount()
    assert loaded >= 2 * BATCH
    # Another user moves the meeting to another room; the change arrives as a refresh of the page.
    meetings.update_meeting(
        db,
        target.id,
        MeetingInput(target.body_id, target.held_on, start_time=time(19, 0), place="第2会議室"),
        target.version,
    )
    window.ctx.notify("meetings")
    wait_idle()
    assert page.meetings_model.rowCount() == loaded
    assert page.current_item().id == target.id and page.current_item().place == "第2会議室"
    assert page.table.model().index(deep, 4).data() == "第2会議室"


def test_a_new_meeting_sorted_far_down_is_fetched_and_selected(
    qtbot: QtBot, db: Database, many, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = meetings_page(window)
    click_header(qtbot, page, 0)  # 開催日, oldest first: the new meeting comes last
    assert page.meetings_model.rowCount() == BATCH
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    dialog.body.set_value(many["council"])
    wait_idle()
    type_text(qtbot, dialog.held_on, "R9.3.20")
    type_text(qtbot, dialog.place, "安食ふれあいセンター")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: page.dialog is not dialog)  # the editor of the new meeting opens
    page.dialog.close()
    assert page.current_item().place == "安食ふれあいセンター"
    assert page.meetings_model.rowCount() == MANY + 2
