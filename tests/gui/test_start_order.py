"""The order of the program start: the main window first (navigation, menus, no data), then the data file
with its questions, then the districts, the data-safety parts and the page last used."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sakae_council.db import stamps
from sakae_council.db.backup import default_backup_dir, list_backup_files
from sakae_council.db.engine import Database, open_database
from sakae_council.gui import app as gui_app
from sakae_council.gui import i18n
from sakae_council.gui.app import prepare_application, run_gui
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.registry import page_specs
from sakae_council.gui.settings import KEY_DISTRICT, KEY_PAGE, app_settings
from sakae_council.gui.startup import ChoiceDialog
from sakae_council.services import backups, districts

from .helpers import TODAY
from .safety_helpers import ModalScript, add_people, overwrite_table_page, start_holder
from .waiting import wait_idle


def _file_menu_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[0].menu()
    assert menu is not None
    return [action.text() for action in menu.actions()]


def test_the_window_is_whole_before_the_data_and_fills_in_once_it_is_open(
    qtbot: QtBot, qapp: QApplication, db: Database
) -> None:
    add_people(db, 3, district="安食小学校区")
    add_people(db, 2, district="布鎌小学校区", prefix="布")
    fukama = next(d.id for d in districts.list_districts(db) if d.name == "布鎌小学校区")
    settings = app_settings()
    settings.setValue(KEY_PAGE, "roster")
    settings.setValue(KEY_DISTRICT, fukama)
    ctx = AppContext(None, settings, font_family=prepare_application(qapp, settings), today=TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)

    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [s.title for s in page_specs()]
    assert window.nav.currentItem().text() == "名簿", "the page last used is marked already"
    assert window._pages == {}, "no page is built before the data is open"
    assert window.opening_label is not None and window.opening_label.isVisible()
    assert window.opening_label.text() == "データファイルを開いています…"
    assert window.database_label.full_text() == "データファイルを開いています…"
    assert not window.district_switcher.isEnabled()
    assert "今すぐバックアップ" not in _file_menu_texts(window)
    window.show_page("issues")  # Ctrl+4 before the data is there: nothing is built, nothing breaks
    assert window._pages == {}
    window.show_page("roster")
    wait_idle()

    ctx.set_database(db)
    wait_idle()

    assert ctx.district_id == fukama, "the district chosen last time stays for the file opened at start"
    assert window.district_switcher.isEnabled() and window.district_switcher.currentText() == "布鎌小学校区"
    assert window.opening_label is None
    roster = window.current_page()
    assert roster is window._pages["roster"]
    qtbot.waitUntil(
        roster.isVisible
    )  # shown from the event loop, as Qt shows widgets added to a shown window
    assert window.database_label.full_text() == f"データ: {db.describe()}"
    assert "今すぐバックアップ" in _file_menu_texts(window)
    assert window.data_safety is not None and window.shared_server is not None


@pytest.fixture()
def started(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[MainWindow]]:
    """run_gui in this process; yields the windows it made (a list, filled as they are made).

    In Japanese whatever the OS says; its log file handler and exception hook are for the real program
    only. Windows earlier tests left shown are hidden, so that closing run_gui's window ends the program
    as it does for the user; a program still running after a minute is ended with code 3 (the test fails
    instead of hanging).
    """
    made: list[MainWindow] = []

    def create_window(ctx: AppContext) -> MainWindow:
        made.append(MainWindow(ctx))
        return made[-1]

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(gui_app, "_setup_logging", lambda: None)
    monkeypatch.setattr(gui_app, "create_window", create_window)
    app_settings().setValue(i18n.KEY_LANGUAGE, i18n.JAPANESE)
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.hide()
    limit = QTimer()
    limit.setSingleShot(True)
    limit.timeout.connect(lambda: QApplication.exit(3))
    limit.start(60_000)
    yield made
    limit.stop()
    for window in made:
        window.hide()
        window.deleteLater()
    i18n.install_language(i18n.JAPANESE)


def _damaged_file_with_a_backup(folder: Path, table: str = "person") -> Path:
    path = folder / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        add_people(db, 3)
        backups.make_backup(db)
    finally:
        db.close()
    overwrite_table_page(path, table)
    return path


def _press_ok(box: QMessageBox) -> None:
    buttons = box.findChildren(QAbstractButton)
    assert len(buttons) == 1, [b.text() for b in buttons]
    buttons[0].click()


def test_a_damaged_file_is_told_once_its_data_shows_and_the_next_start_offers_the_backup_before_any_data(
    qapp: QApplication, tmp_path: Path, started: list[MainWindow]
) -> None:
    """A file the last session did not close cleanly opens at once; its quick check runs in the background
    (gui/owed_check.py). Damage found there is told and the window closes; the next start checks first."""
    path = _damaged_file_with_a_backup(tmp_path, "handout")  # a table the first page does not read
    first: dict[str, object] = {}

    def told(box: QMessageBox) -> None:
        window = started[0]
        first["data"] = window.ctx.has_database and window.current_page() is not window.opening_label
        _press_ok(box)

    script = ModalScript([(QMessageBox, told)])
    assert run_gui(str(path), today=TODAY) == 0, "the window closed after the message"
    script.check()
    assert "データファイルに異常が見つかりました" in script.seen[0][1]
    assert first == {"data": True}, "told after the data showed, over the window"
    assert path.exists(), "the open file is left as it is (the next start keeps it aside)"

    seen: dict[str, object] = {}

    def look_then_quit(dialog: ChoiceDialog) -> None:
        window = started[1]
        seen["shown"] = window.isVisible()
        seen["has_database"] = window.ctx.has_database
        seen["pages"] = dict(window._pages)
        seen["parent"] = dialog.parentWidget() is window
        seen["quit"] = dialog.cancel_button.text()
        dialog.cancel_button.click()  # 終了

    script = ModalScript([(ChoiceDialog, look_then_quit)])
    assert run_gui(str(path), today=TODAY) == 1, "backing out of the question ends the program"
    script.check()
    assert "壊れていた" in script.seen[0][1]
    assert seen == {"shown": True, "has_database": False, "pages": {}, "parent": True, "quit": "終了"}
    assert not path.exists(), "the damaged file was moved aside, nothing was created in its place"
    assert len(list(tmp_path.glob("town.damaged-*.db"))) == 1


def test_a_file_that_cannot_even_be_opened_is_offered_over_the_painted_window_before_any_data(
    qapp: QApplication, tmp_path: Path, started: list[MainWindow]
) -> None:
    path = _damaged_file_with_a_backup(tmp_path, "alembic_version")  # the open itself reads it
    seen: dict[str, object] = {}

    def look_then_quit(dialog: ChoiceDialog) -> None:
        window = started[0]
        seen["has_database"] = window.ctx.has_database
        seen["pages"] = dict(window._pages)
        dialog.cancel_button.click()  # 終了

    script = ModalScript([(ChoiceDialog, look_then_quit)])
    assert run_gui(str(path), today=TODAY) == 1
    script.check()
    assert "壊れていた" in script.seen[0][1]
    assert seen == {"has_database": False, "pages": {}}
    assert not path.exists() and len(list(tmp_path.glob("town.damaged-*.db"))) == 1


def test_a_sound_file_opens_after_the_first_paint_and_the_program_ends_with_its_window(
    qapp: QApplication, tmp_path: Path, started: list[MainWindow]
) -> None:
    path = tmp_path / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        add_people(db, 2)
    finally:
        db.close()
    app_settings().setValue(KEY_PAGE, "roster")
    seen: dict[str, object] = {}

    def when_open() -> None:
        if not started:
            return
        window = started[0]
        if not window.ctx.has_database or "roster" not in window._pages:
            return  # not yet: the timer asks again
        seen["read_only"] = window.ctx.db.read_only
        seen["page"] = window.current_page() is window._pages["roster"]
        window.close()

    poll = QTimer()
    poll.timeout.connect(when_open)
    poll.start(50)
    try:
        assert run_gui(str(path), today=TODAY) == 0
    finally:
        poll.stop()
    assert seen == {"read_only": False, "page": True}
    assert list_backup_files(default_backup_dir(path), path.name), "the start-up backup was taken"


def test_after_a_crash_the_data_shows_at_once_and_the_check_runs_behind_it(
    qapp: QApplication, tmp_path: Path, started: list[MainWindow]
) -> None:
    path = tmp_path / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        add_people(db, 2)
        backups.make_backup(db)
    finally:
        db.close()
    holder = start_holder(path, user="佐藤")  # a program that has the file open, then dies
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    seen: dict[str, object] = {}

    def when_checked() -> None:
        if not started:
            return
        window = started[0]
        if "hooked" not in seen:  # seen the moment the file is set, not at the next tick of this poll
            seen["hooked"] = True
            window.ctx.databaseChanged.connect(
                lambda: seen.setdefault("owed_at_first", window.ctx.db.check_owed)
            )
        if not window.ctx.has_database or window.data_safety is None:
            return
        seen.setdefault("notice", window.data_safety.banner.text())
        seen.setdefault("owed_at_first", window.ctx.db.check_owed)
        if not window.ctx.db.check_owed:  # the background check found the file sound
            window.close()

    poll = QTimer()
    poll.timeout.connect(when_checked)
    poll.start(20)
    try:
        assert run_gui(str(path), today=TODAY) == 0
    finally:
        poll.stop()
    assert seen["owed_at_first"] is True, "opened without waiting for the check"
    assert "佐藤さん" in str(seen["notice"]) and "このあと検査し" in str(seen["notice"])
    assert stamps.untouched_since_clean_close(path, default_backup_dir(path)), "checked sound, closed cleanly"
