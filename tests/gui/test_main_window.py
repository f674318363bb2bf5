"""The main window: navigation registry, placeholders, text sizes, persistence, status bar, the 特大 grab."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages import registry
from sakae_council.gui.pages.placeholder import PlaceholderPage
from sakae_council.gui.text_size import TextSize

from .helpers import clipped_texts
from .waiting import wait_idle

NAV = [
    "ダッシュボード",
    "名簿",
    "団体・協働パートナー",
    "地域課題",
    "協働事業",
    "会議・議事録",
    "総会・役員改選",
    "協働マニュアル",
    "資機材",
    "会計",
    "指標",
    "設定",
]


def nav_titles(window: MainWindow) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def test_navigation_lists_every_area_and_unbuilt_pages_say_so(window: MainWindow) -> None:
    assert nav_titles(window) == NAV
    assert window.stack.currentWidget() is window.page("roster")  # first start opens the roster
    for key in ("issues", "projects", "meetings", "manual", "equipment", "indicators", "dashboard"):
        if registry.module_available(next(s for s in registry.PAGES if s.key == key)):
            continue  # a colleague's page is plugged in already
        page = window.show_page(key)
        wait_idle()
        assert isinstance(page, PlaceholderPage)
        assert page.message.text() == "この画面は準備中です。"
        assert window.stack.currentWidget() is page


def test_registry_plugs_a_page_in_without_touching_the_window(
    qtbot: QtBot, ctx: AppContext, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(registry, "PAGES", list(registry.PAGES))

    def make(c: AppContext) -> QWidget:
        w = QLabel("課題の一覧")
        w.setProperty("ctx_ok", c is ctx)
        return w

    registry.register_page("issues", "地域課題", make)
    registry.register_page("reports", "報告", lambda c: QLabel("報告"), before="settings")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert nav_titles(window)[-2:] == ["報告", "設定"]
    page = window.show_page("issues")
    wait_idle()
    assert isinstance(page, QLabel) and page.text() == "課題の一覧" and page.property("ctx_ok")


def test_broken_page_module_shows_an_error_page(qtbot: QtBot, ctx: AppContext, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(registry, "PAGES", list(registry.PAGES))

    def broken(_c: AppContext) -> QWidget:
        raise RuntimeError("boom")

    registry.register_page("equipment", "資機材", broken)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    page = window.show_page("equipment")
    wait_idle()
    assert isinstance(page, PlaceholderPage) and "開けませんでした" in page.message.text()


def test_ctrl_number_switches_pages(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert window.nav.currentItem().text() == "団体・協働パートナー"
    qtbot.keyClick(window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert window.nav.currentItem().text() == "設定"


def test_text_size_menu_and_shortcuts_scale_the_app_and_persist(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    assert QApplication.font().pointSizeF() == TextSize.MEDIUM.points
    qtbot.keyClick(window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert ctx.text_size is TextSize.LARGE
    assert QApplication.font().pointSizeF() == 15
    window.size_actions[TextSize.XLARGE].trigger()
    assert QApplication.font().pointSizeF() == 18
    assert window.size_actions[TextSize.XLARGE].isChecked()
    qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert ctx.text_size is TextSize.LARGE
    assert ctx.settings.value("view/text_size") == "large"
    page = window.page("roster")
    qtbot.waitUntil(lambda: page.table.font().pointSizeF() == 15)  # widgets follow the application font
    assert QApplication.font().family() == "BIZ UDPGothic"


def test_geometry_page_and_district_persist(
    qtbot: QtBot, ctx: AppContext, two_districts, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window.resize(700, 500)
    window.show_page("organisations")
    wait_idle()
    window.district_switcher.setCurrentIndex(2)
    wait_idle()
    window.close()
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    wait_idle()
    assert (
        again.size().height() == 500
    )  # (the width is held at the layout's minimum on the 800×600 offscreen screen)
    assert ctx.settings.value("window/geometry")
    assert again.nav.currentItem().text() == "団体・協働パートナー"
    assert again.district_switcher.currentText() == "布鎌小学校区"
    settings_file = Path(ctx.settings.fileName())
    assert "settings" in settings_file.parts  # the test's folder, not the user's


def test_status_bar_names_the_database_and_last_backup(window: MainWindow, ctx: AppContext) -> None:
    wait_idle()  # the last backup is looked up on the database worker
    assert str(ctx.db.path) in window.database_label.full_text()
    assert str(ctx.db.path) in window.database_label.toolTip()
    assert window.backup_label.text().startswith("最終バックアップ:")


def test_switching_database_rebuilds_pages(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, ctx: AppContext
) -> None:
    window.switch_database(str(tmp_path / "other.db"), create=True)
    wait_idle()  # a new file's reference data is seeded on the database worker
    assert "other.db" in window.database_label.full_text()
    assert str(tmp_path / "other.db") in window.recent_menu.actions()[0].text()
    assert window.page("roster").model.rowCount() == 0  # type: ignore[attr-defined]
    window.district_switcher.setCurrentIndex(0)
    wait_idle()
    ctx.set_district(None)
    wait_idle()
    ctx.notify("people")  # signals reach only the new pages; the old ones are gone
    qtbot.wait(10)


def _not_blank(image: QImage) -> bool:
    colours = {
        image.pixelColor(x, y).rgb() for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)
    }
    return len(colours) > 20


def test_largest_text_size_grab_is_not_blank_and_nothing_is_clipped(
    qtbot: QtBot, roster, two_districts, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx.set_text_size(TextSize.XLARGE)
    window.resize(1280, 800)
    # Qt carries the new application font to the widgets from the event loop
    qtbot.waitUntil(lambda: window.nav.fontMetrics().height() >= 22, timeout=3000)
    wait_idle()
    for key in ("roster", "organisations", "settings"):
        window.show_page(key)
        wait_idle()
        qtbot.wait(100)  # let the page lay out at the new size
        image = window.grab().toImage()
        image.save(str(tmp_path / f"{key}.png"))
        assert _not_blank(image), key
        assert image.pixelColor(10, 10) != QColor(0, 0, 0)
        assert clipped_texts(window) == [], key
    fm = window.nav.fontMetrics()
    assert all(fm.horizontalAdvance(t) <= window.nav.viewport().width() for t in nav_titles(window))
