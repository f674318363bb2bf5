"""設定 page: districts created and edited through the dialog, reordered, merged; text size radio buttons."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.enums import CouncilStatus
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.settings import SettingsPage
from sakae_council.gui.text_size import TextSize
from sakae_council.services import districts, people
from sakae_council.services.people import RosterFilter

from ..helpers import answer_message_box, type_text
from ..waiting import wait_idle


def district_names(page: SettingsPage) -> list[str]:
    return [d.name for d in page.model.rows()]


def test_create_edit_and_reorder_districts(qtbot: QtBot, db: Database, window: MainWindow) -> None:
    page = window.show_page("settings")
    wait_idle()
    assert isinstance(page, SettingsPage)
    for name in ("安食小学校区", "酒直小学校区"):
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        wait_idle()
        dialog = page.dialog
        assert dialog is not None
        type_text(qtbot, dialog.name, name)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_idle()
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())
        wait_idle()
    assert district_names(page) == ["安食小学校区", "酒直小学校区"]
    assert window.district_switcher.count() == 3  # 全学区 + the two new districts

    page.table.select_row(1)
    qtbot.mouseClick(page.up_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert district_names(page) == ["酒直小学校区", "安食小学校区"]

    page.table.select_row(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle()
    dialog = page.dialog
    assert dialog is not None
    dialog.council_status.set_value(CouncilStatus.ESTABLISHED)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.form.error_text("established_on") == "設立済の協議会には設立日を入力してください。"
    type_text(qtbot, dialog.established_on, "令和8年4月1日")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert page.model.index(0, 3).data() == "令和8年4月1日"


def test_merge_districts_through_the_dialog(
    qtbot: QtBot, db: Database, roster, two_districts, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    a, b = two_districts
    page = window.show_page("settings")
    wait_idle()
    assert isinstance(page, SettingsPage)
    page.table.select_row(1)  # 布鎌
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    assert dialog is not None
    assert (dialog.source.value(), dialog.target.value()) == (b, a)
    dialog.merged_on.setText("R8.4.1")
    seen = answer_message_box(qtbot, "統合する")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert "「布鎌小学校区」を「安食小学校区」に統合します（令和8年4月1日）" in seen[0]
    assert page.model.index(1, 4).data() == "統合済み → 安食小学校区（令和8年4月1日）"
    assert page.history_model.rowCount() == 1
    assert "布鎌小学校区" in page.history_model.index(0, 1).data()
    assert window.district_switcher.findText("布鎌小学校区") == -1  # merged districts leave the switcher
    moved = people.list_members(db, RosterFilter(district_id=a, today=date(2026, 11, 28)))
    assert "北 三郎" in [p.name for p in moved]
    assert districts.get_district(db, b).merged_into_id == a


def test_text_size_radio_buttons(qtbot: QtBot, window: MainWindow, ctx) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("settings")
    wait_idle()
    assert isinstance(page, SettingsPage)
    qtbot.mouseClick(page.size_radios[TextSize.LARGE], Qt.MouseButton.LeftButton)
    wait_idle()
    assert QApplication.font().pointSizeF() == 15
    window.size_actions[TextSize.SMALL].trigger()
    assert page.size_radios[TextSize.SMALL].isChecked()
