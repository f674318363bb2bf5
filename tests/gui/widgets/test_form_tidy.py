"""The form base's live normalisation (``Form.tidy_on_leave``), used by the person and organisation editors:
leaving a field with Tab shows its text as it will be stored, or the service's message under it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.domain.contact import normalize_phone
from sakae_council.domain.text import normalize_furigana
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.organisation import OrganisationDialog
from sakae_council.gui.widgets.form import Form

from ..helpers import type_text


def leave_with_tab(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    type_text(qtbot, edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not edit.hasFocus())


def test_a_field_left_with_tab_is_tidied_or_shows_why_not(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    form = Form(window)
    phone, after = QLineEdit(), QLineEdit()
    form.add_field("phone", "電話番号", phone)
    form.add_field("after", "次の欄", after)
    form.tidy_on_leave("phone", normalize_phone)
    QVBoxLayout(window).addWidget(form)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)

    leave_with_tab(qtbot, phone, "０４７６（９５）１２３４")
    assert phone.text() == "0476-95-1234"
    assert form.error_text("phone") == ""
    assert after.hasFocus()  # the message never pulls the person back

    leave_with_tab(qtbot, phone, "電話は夜だけ")
    assert phone.text() == "電話は夜だけ"  # what was typed is kept to be corrected
    assert "電話番号" in form.error_text("phone")
    assert after.hasFocus()

    leave_with_tab(qtbot, phone, "0476951234")
    assert phone.text() == "0476-95-1234"
    assert form.error_text("phone") == ""


def test_the_organisation_editor_tidies_furigana_and_phone(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = OrganisationDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    leave_with_tab(qtbot, dialog.furigana, "ｻｶｴｼﾞﾁｶｲ")
    assert dialog.furigana.text() == normalize_furigana("サカエジチカイ")
    leave_with_tab(qtbot, dialog.phone, "０４７６－９５－１２３４")
    assert dialog.phone.text() == "0476-95-1234"
