"""The window while only the first figures are there (gui/first_figures.py): the dashboard can be read and
its cards clicked; the page chosen meanwhile is the one shown once the file is open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import open_database
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import KEY_PAGE, app_settings
from sakae_council.services import districts
from sakae_council.services.first_figures import read_first_figures

from .helpers import TODAY
from .safety_helpers import add_people


def _closed_town(folder: Path) -> Path:
    path = folder / "town.db"
    (folder / "backups").mkdir()  # as after the first start-up backup: the clean close is noted there
    db = open_database(path, user="テスト担当")
    try:
        add_people(db, 3, district="安食小学校区")
        add_people(db, 2, district="布鎌小学校区", prefix="布")
    finally:
        db.close()
    return path


def _showing_first_figures(qtbot: QtBot, qapp: QApplication, path: Path) -> MainWindow:
    """The main window at program start, before the file is open, showing the file's first figures."""
    settings = app_settings()
    settings.setValue(KEY_PAGE, "dashboard")
    ctx = AppContext(None, settings, font_family=prepare_application(qapp, settings), today=TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    figures = read_first_figures(str(path), TODAY)
    assert figures is not None and window.show_first_figures(figures)
    return window


def test_a_card_clicked_before_the_file_is_open_leads_to_that_districts_page_once_it_is(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = _closed_town(tmp_path)
    window = _showing_first_figures(qtbot, qapp, path)

    first = window.current_page()
    assert first is window.first_page and [c.card.name for c in first.cards] == [
        "安食小学校区",
        "布鎌小学校区",
    ]
    assert [window.district_switcher.itemText(i) for i in range(window.district_switcher.count())] == [
        "全学区",
        "安食小学校区",
        "布鎌小学校区",
    ]
    assert not first.print_button.isEnabled(), "printing waits for the file"
    fukama = first.cards[1]
    qtbot.mouseClick(
        fukama.lines["members"], Qt.MouseButton.LeftButton
    )  # 委員 → 名簿 of 布鎌, before the file is open

    assert window.nav.currentItem().text() == "名簿"
    assert window.current_page() is window.opening_label, (
        "the 名簿 is not built without its data: 開いています…"
    )
    assert window.district_switcher.currentText() == "布鎌小学校区"

    db = open_database(path, user="テスト担当")
    try:
        window.ctx.set_database(db)

        roster = window.current_page()
        assert roster is window._pages["roster"], "the page chosen meanwhile, now with its data"
        assert window.ctx.district_id == next(
            d.id for d in districts.list_districts(db) if d.name == "布鎌小学校区"
        )
        assert window.first_page is None and "dashboard" not in window._pages
    finally:
        window.close()
        db.close()


def test_the_dashboard_of_the_first_figures_is_kept_and_its_buttons_work_once_the_file_is_open(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = _closed_town(tmp_path)
    window = _showing_first_figures(qtbot, qapp, path)
    first = window.current_page()

    db = open_database(path, user="テスト担当")
    try:
        window.ctx.set_database(db)

        assert window.current_page() is first and window._pages["dashboard"] is first
        assert first.print_button.isEnabled() and first.refresh_button.isEnabled()
        with qtbot.waitSignal(first.loaded, timeout=10_000):
            qtbot.mouseClick(
                first.refresh_button, Qt.MouseButton.LeftButton
            )  # 最新の状態にする: through the ORM now
        assert [c.card.member_count for c in first.cards] == [3, 2]
    finally:
        window.close()
        db.close()
