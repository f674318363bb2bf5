"""No query on the GUI thread on the pages moved onto the database worker in the second step of issue 18,
driven as a person drives them on the demo town, while every statement the database receives is checked for
the thread it runs on (thread_guard.py). Data is read back through the services outside the guard.

Screens under this assertion here:
- 指標: the indicator table, the 相談記録・講座・起業者 tabs (tab clicks, search typed, the year filter by
  keyboard, the district switch, Delete and its question).
- 協働マニュアル: the outline, a section opened by a click, the search typed and cleared with Esc, the 研修の記録
  and 職員地域活動 tabs with their staff filter and the district switch.
- 設定: the districts and the merge history, 下へ.
- 会議・議事録: the body filter by keyboard (its choices follow the district), the search typed.
- 地域課題: the category filter, 課題の一覧表 with its year filter and a click on a count, 書き出し to CSV.
- 総会・役員改選: the council and the year by keyboard.
- The main window: every page by Ctrl+digit or a click in the navigation, the district switcher by keyboard,
  the status bar.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QPushButton, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.issue_matrix import IssueMatrixDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.general_meeting import GeneralMeetingPage
from sakae_council.gui.pages.indicators import IndicatorsPage
from sakae_council.gui.pages.issues import IssuesPage
from sakae_council.gui.pages.manual import ManualPage
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.gui.pages.registry import page_specs
from sakae_council.gui.pages.settings import SettingsPage
from sakae_council.gui.settings import app_settings
from sakae_council.services import (
    districts,
    indicators,
    issues,
    lifesupport,
    manual,
    meeting_bodies,
    meeting_list,
    staff_queries,
)
from sakae_council.services.demo import DEMO_TODAY
from sakae_council.services.issues import IssueFilter
from sakae_council.services.meeting_list import MeetingFilter

from .demo_town import demo_town_copy
from .helpers import answer_message_box, type_text
from .safety_helpers import ModalScript, pick_file
from .shown_pages import shown
from .thread_guard import queries_off_gui_thread
from .waiting import wait_idle

THIS_YEAR = fiscal_year(DEMO_TODAY)
FUKAMA = "布鎌小学校区"


@pytest.fixture()
def town(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the demo town."""
    db = open_database(demo_town_copy(tmp_path_factory, tmp_path / "demo.db"))
    yield db
    wait_idle()  # nothing of the test's may still be reading when the file closes
    db.close()


@pytest.fixture()
def town_ctx(town: Database, qapp: QApplication) -> AppContext:
    settings = app_settings()
    return AppContext(town, settings, font_family=prepare_application(qapp, settings), today=DEMO_TODAY)


def district_id(db: Database, name: str) -> int:
    return next(d.id for d in districts.list_districts(db) if d.name == name)


def texts(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` in a combo with the keyboard (Home, then Down until it shows), then wait for the list."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(combo.count()):
        if combo.currentText() == text:
            break
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == text, [combo.itemText(i) for i in range(combo.count())]
    wait_idle(qtbot)


def click_tab(qtbot: QtBot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(tabs.count()) if tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    wait_idle(qtbot)


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def search(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    type_text(qtbot, field, text)
    qtbot.wait(400)  # the typing pause after which the list is searched
    wait_idle(qtbot)


def test_indicators_and_the_lifesupport_records(qtbot: QtBot, town: Database, town_ctx: AppContext) -> None:
    indicator_count = len(indicators.list_indicators(town))
    every_year = lifesupport.list_consultations(town, None, None, "")
    this_year = lifesupport.list_consultations(town, THIS_YEAR, None, "")
    someone = every_year[0].person_name
    with_name = lifesupport.list_consultations(town, None, None, someone)
    fukama = district_id(town, FUKAMA)
    in_fukama = lifesupport.list_consultations(town, None, fukama, "")
    startups = lifesupport.list_startups(town, None, None)
    courses = lifesupport.list_courses(town, None)

    with queries_off_gui_thread(town):
        page = shown(qtbot, IndicatorsPage(town_ctx), height=760)
        assert isinstance(page, IndicatorsPage)
        assert page.context_label.text().startswith(f"{indicator_count}指標・")
        assert page.indicators_tab.model.rowCount() == 3 * indicator_count  # 現状値・目標値・実績値
        assert page.indicators_tab.chart_title.text().startswith("グラフ: ")

        click_tab(qtbot, page.tabs, "相談記録（⑫）")
        records = page.consultations
        assert records.context_label.text() == f"全学区・{len(every_year)}件"
        search(qtbot, records.search, someone)
        assert records.records.rowCount() == len(with_name) >= 1
        assert set(texts(records.records, 1)) == {someone}
        records.search.setFocus()
        qtbot.keyClick(records.search, Qt.Key.Key_Escape)  # clears the search
        qtbot.wait(400)
        pick(qtbot, records.year_filter, "令和8年度")
        assert records.records.rowCount() == len(this_year) < len(every_year)
        pick(qtbot, records.year_filter, "すべての年度")
        town_ctx.set_district(fukama)  # what the main window's switcher does
        wait_idle(qtbot)
        assert records.records.rowCount() == len(in_fukama)
        assert records.context_label.text() == f"{FUKAMA}・{len(in_fukama)}件"
        town_ctx.set_district(None)
        wait_idle(qtbot)

        click_tab(qtbot, page.tabs, "講座（⑫）")
        pick(qtbot, page.courses.year_filter, "すべての年度")
        assert (
            page.courses.context_label.text() == f"町全体・{len(courses)}講座"
        )  # courses belong to no district

        click_tab(qtbot, page.tabs, "起業者（⑫）")
        pick(qtbot, page.startups.year_filter, "すべての年度")
        assert page.startups.records.rowCount() == len(startups)
        page.startups.table.select_row(0)
        page.startups.table.setFocus()
        asked = answer_message_box(qtbot, "削除")
        qtbot.keyClick(page.startups.table, Qt.Key.Key_Delete)
        wait_idle(qtbot)
        assert asked and "起業記録を削除しますか" in asked[0]
        assert page.startups.records.rowCount() == len(startups) - 1

    assert len(lifesupport.list_startups(town, None, None)) == len(startups) - 1


def test_the_manual_and_the_staff_records(qtbot: QtBot, town: Database, town_ctx: AppContext) -> None:
    chapter = manual.list_tree(town)[0]
    section = chapter.children[1]
    body = manual.get_section(town, section.id).body
    sessions = staff_queries.list_training_sessions(town, THIS_YEAR, None)
    staff = staff_queries.list_staff(town, None)
    trained = next(m for m in staff if any(m.id in s.person_ids for s in sessions))
    theirs = staff_queries.list_training_sessions(town, THIS_YEAR, trained.id)
    anjiki = district_id(town, "安食小学校区")
    entries = staff_queries.staff_activity_entries(town, THIS_YEAR, None, None)
    entries_anjiki = staff_queries.staff_activity_entries(town, THIS_YEAR, None, anjiki)

    with queries_off_gui_thread(town):
        page = shown(qtbot, ManualPage(town_ctx), height=760)
        assert isinstance(page, ManualPage)
        assert "章・" in page.context_label.text()
        assert page.outline.model.section(section.id) is not None

        index = page.outline.model.index_of(section.id)
        page.outline.tree.scrollTo(index)
        qtbot.mouseClick(
            page.outline.tree.viewport(),
            Qt.MouseButton.LeftButton,
            pos=page.outline.tree.visualRect(index).center(),
        )
        wait_idle(qtbot)
        assert page.section.title_edit.text() == section.title
        assert page.section.editor.text() == body

        qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        search(qtbot, page.finder.search, "協働")
        assert page.left.currentIndex() == 1 and page.finder.results_model.rowCount() > 0
        assert page.finder.results_label.text().startswith("「協働」: ")
        qtbot.keyClick(page.finder.search, Qt.Key.Key_Escape)
        qtbot.wait(400)
        wait_idle(qtbot)
        assert page.left.currentIndex() == 0

        click_tab(qtbot, page.tabs, "研修の記録")
        training = page.training_tab
        assert training.sessions.rowCount() == len(sessions)
        assert training.summary.text().startswith("研修（全学区・")
        pick(qtbot, training.staff, trained.name)
        assert training.sessions.rowCount() == len(theirs)
        assert training.summary.text().startswith(f"{trained.name}さんの研修履歴")

        click_tab(qtbot, page.tabs, "職員地域活動")
        activity = page.activity_tab
        assert activity.entries_model.rowCount() == len(entries)
        town_ctx.set_district(anjiki)
        wait_idle(qtbot)
        assert activity.entries_model.rowCount() == len(entries_anjiki)
        assert activity.summary.text().startswith("職員地域活動（安食小学校区・")
        assert activity.staff.itemText(0) == "すべての職員"


def test_settings_lists_and_moves_districts(qtbot: QtBot, town: Database, town_ctx: AppContext) -> None:
    before = [d.name for d in districts.list_districts(town)]
    with queries_off_gui_thread(town):
        page = shown(qtbot, SettingsPage(town_ctx), height=760)
        assert isinstance(page, SettingsPage)
        assert texts(page.model, 0)[: len(before)] == before
        page.table.select_row(0)
        click(qtbot, page.down_button)
        assert texts(page.model, 0)[:2] == [before[1], before[0]]
        assert page.current() is not None and page.current().name == before[0]  # still the one moved
    assert [d.name for d in districts.list_districts(town)][:2] == [before[1], before[0]]


def test_meetings_filters_and_search(qtbot: QtBot, town: Database, town_ctx: AppContext) -> None:
    fukama = district_id(town, FUKAMA)
    council = next(b for b in meeting_bodies.list_bodies(town) if b.name.startswith(FUKAMA))
    of_council = meeting_list.count_meetings(town, MeetingFilter(body_id=council.id))
    fukama_bodies = meeting_bodies.list_bodies(town, district_id=fukama)
    every_body = len(meeting_bodies.list_bodies(town))
    with queries_off_gui_thread(town):
        page = shown(qtbot, MeetingsPage(town_ctx), height=760)
        assert isinstance(page, MeetingsPage)
        assert page.body_filter.count() == every_body + 1  # すべての会議体 first
        pick(qtbot, page.body_filter, council.name)
        assert page.meetings_model.rowCount() == of_council
        assert page.context_label.text() == f"全学区・{of_council}件"
        town_ctx.set_district(fukama)
        wait_idle(qtbot)
        assert [page.body_filter.itemText(i) for i in range(page.body_filter.count())] == [
            "すべての会議体",
            *(b.name for b in fukama_bodies),
        ]
        assert page.context_label.text().startswith(f"{FUKAMA}・")


def test_issues_categories_matrix_and_export(
    qtbot: QtBot, town: Database, town_ctx: AppContext, tmp_path: Path
) -> None:
    bosai = next(c for c in issues.list_categories(town) if c.name == "防災")
    of_bosai = issues.count_issues(town, IssueFilter(category_id=bosai.id))
    every = issues.count_issues(town, IssueFilter())
    names = [d.name for d in districts.list_districts(town, include_inactive=False)]
    with queries_off_gui_thread(town):
        page = shown(qtbot, IssuesPage(town_ctx), height=760)
        assert isinstance(page, IssuesPage)
        assert page.category_filter.count() == 11  # すべて + 10 categories
        pick(qtbot, page.category_filter, "防災")
        assert page.issues_model.rowCount() == of_bosai
        pick(qtbot, page.category_filter, "すべての分類")

        # 書き出し: every matching issue, also those the list has not loaded, read on the worker
        target = tmp_path / "exports" / "課題.csv"
        target.parent.mkdir()
        export = next(b for b in page.findChildren(QPushButton) if b.objectName() == "exportButton")
        script = ModalScript([(QFileDialog, pick_file(target))])
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
        wait_idle(qtbot)
        qtbot.waitUntil(target.exists)
        script.check()

        click(qtbot, page.matrix_button)
        dialog = page.dialog
        assert isinstance(dialog, IssueMatrixDialog) and dialog.isVisible()
        m = dialog.model
        assert [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())] == [*names, "合計"]
        pick(qtbot, dialog.year, "すべての年度")
        total = m.index(m.rowCount() - 1, m.columnCount() - 1).data()
        assert str(every) in str(total)
        fukama_row = names.index(FUKAMA)
        qtbot.mouseClick(
            dialog.view.viewport(),
            Qt.MouseButton.LeftButton,
            pos=dialog.view.visualRect(m.index(fukama_row, m.columnCount() - 1)).center(),
        )
        wait_idle(qtbot)
        assert not dialog.isVisible()
        assert page.context_label.text().startswith(f"{FUKAMA}・")

    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == every + 1


def test_general_meeting_council_and_year(qtbot: QtBot, town: Database, town_ctx: AppContext) -> None:
    names = [d.name for d in districts.list_districts(town, include_inactive=False)]
    with queries_off_gui_thread(town):
        page = shown(qtbot, GeneralMeetingPage(town_ctx), height=760)
        assert isinstance(page, GeneralMeetingPage)
        assert [page.council.itemText(i) for i in range(page.council.count())] == names
        assert page.council.currentText() == names[0]
        assert page.context_label.text() == f"{names[0]}・7項目"
        pick(qtbot, page.council, FUKAMA)
        assert page.context_label.text() == f"{FUKAMA}・7項目"
        first = page.parts_model.index(0, 1).data()
        pick(qtbot, page.year, page.year.itemText(page.year.count() - 1))
        assert page.parts_model.rowCount() == 7 and page.council.currentText() == FUKAMA
        assert first is not None


def test_the_main_window_switches_every_page_and_district_without_a_query_on_the_gui_thread(
    qtbot: QtBot, town: Database, town_ctx: AppContext
) -> None:
    specs = page_specs()
    fukama = district_id(town, FUKAMA)
    with queries_off_gui_thread(town):
        window = MainWindow(town_ctx)
        qtbot.addWidget(window)
        window.resize(1280, 760)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        wait_idle(qtbot)
        assert window.district_switcher.count() == 7 and window.district_switcher.isEnabled()
        assert window.backup_label.text().startswith("最終バックアップ:")

        for i, spec in enumerate(specs):
            digit = i + 1 if i < 9 else 0 if i == len(specs) - 1 else None
            if digit is not None:
                qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + digit), Qt.KeyboardModifier.ControlModifier)
            else:  # no key of its own: a click on its line in the navigation
                item = window.nav.item(i)
                rect = window.nav.visualItemRect(item)
                qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            wait_idle(qtbot)
            assert window.current_page() is window.page(spec.key), spec.key

        # the district switcher, by keyboard, on a list page
        qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 名簿
        wait_idle(qtbot)
        pick(qtbot, window.district_switcher, FUKAMA)
        assert town_ctx.district_id == fukama
        roster = window.current_page()
        assert roster is not None and roster.context_label.text().startswith(f"{FUKAMA}・")  # type: ignore[attr-defined]
        meetings = window.show_page("meetings")
        wait_idle(qtbot)
        assert meetings.context_label.text().startswith(f"{FUKAMA}・")  # type: ignore[attr-defined]
        window.close()
