"""団体・協働パートナー page: create through the dialog, search, kind filter, district switcher, delete/undo."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.enums import OrganisationKind
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.organisations import OrganisationsPage
from sakae_council.services import organisations
from sakae_council.services.organisations import OrganisationInput

from ..helpers import answer_message_box, type_text
from ..waiting import wait_idle


def names(page: OrganisationsPage) -> list[str]:
    wait_idle()  # as a person waits for the list to settle
    m = page.table.model()
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_organisations_page(qtbot: QtBot, db: Database, roster, two_districts, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    a, b = two_districts
    organisations.create_organisation(
        db,
        OrganisationInput(
            name="布鎌自治会", furigana="フカマジチカイ", kind=OrganisationKind.NEIGHBOURHOOD, district_id=b
        ),
    )
    page = window.show_page("organisations")
    assert isinstance(page, OrganisationsPage)
    assert names(page) == ["布鎌自治会"]

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)  # the editor opens once its choices are read
    dialog = page.dialog
    assert dialog is not None
    type_text(qtbot, dialog.name, "ＮＰＯ法人さかえ子育てネット")
    type_text(qtbot, dialog.furigana, "えぬぴーおーほうじんさかえこそだてねっと")
    dialog.kind.set_value(OrganisationKind.NPO)
    dialog.district.set_value(a)
    dialog.contact.setCurrentText("渡辺 花子（ワタナベ ハナコ）")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert names(page) == ["NPO法人さかえ子育てネット", "布鎌自治会"]
    row = [page.table.model().index(0, c).data() for c in range(6)]
    assert row[2:5] == ["NPO法人", "安食小学校区", "渡辺 花子"]

    type_text(qtbot, page.search, "ｺｿﾀﾞﾃ")
    qtbot.waitUntil(lambda: names(page) == ["NPO法人さかえ子育てネット"])
    page.search.clear()
    qtbot.waitUntil(lambda: len(names(page)) == 2)
    page.kind_filter.set_value(OrganisationKind.NEIGHBOURHOOD)
    assert names(page) == ["布鎌自治会"]
    page.kind_filter.setCurrentIndex(0)
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("安食小学校区"))
    assert names(page) == ["NPO法人さかえ子育てネット"]
    assert page.context_label.text() == "安食小学校区・1団体"

    page.table.select_row(0)
    answer_message_box(qtbot, "削除")
    page.delete_current()
    assert names(page) == []
    assert page.undo_bar.isVisible()
    window.activateWindow()  # the confirmation box had the focus; a window manager hands it back
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert names(page) == ["NPO法人さかえ子育てネット"]


def test_contact_must_be_someone_on_the_roster(qtbot: QtBot, roster, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = window.show_page("organisations")
    assert isinstance(page, OrganisationsPage)
    page.new_item()
    wait_idle(qtbot)
    dialog = page.dialog
    assert dialog is not None
    type_text(qtbot, dialog.name, "栄町商工会")
    dialog.contact.setCurrentText("名簿にいない人")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert dialog.isVisible()
    assert "担当者は一覧から選んでください" in dialog.form.error_text("contact_person_id")
