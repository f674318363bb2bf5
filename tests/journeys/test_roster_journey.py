"""Journey 3: a coordinator adds a member to 名簿 with a phone number typed in full width, and prints the
district's roster — the handout (連絡先なし) by default: the name is on the paper, the phone number is not.

Driven as a person drives the program (keys, clicks, typing, closing windows) on the real main window
over a copy of the demo town; each step leaves a screenshot under tmp_path/shots. The database is read
back through the service only to check what was saved.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.dialogs.print_roster import PrintRosterDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.services import people

from .conftest import Shots
from .steps import (
    SAVED,
    back_to,
    choose,
    click_and_type,
    click_row,
    closed_by_escape,
    ctrl,
    flat,
    key,
    modal,
    pdf_text,
    preview_ready,
    print_dialog_prints_to,
    status_texts,
)

DISTRICT = "安食小学校区"
NAME = "新井 みどり"
FURIGANA = "アライ ミドリ"
PHONE_TYPED = "０４７６－９５－１２３４"  # as typed with the input method left in full width


def test_journey_3_a_new_members_phone_number_stays_off_the_handout(
    qtbot: QtBot, window: MainWindow, shots: Shots, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl+2: 名簿; the district chosen in the switcher above the page.
    ctrl(window, Qt.Key.Key_2)
    page = window.current_page()
    assert isinstance(page, RosterPage)
    choose(qtbot, window.district_switcher, DISTRICT)
    model = page.model
    assert model is not None
    qtbot.waitUntil(lambda: page.isVisible() and model.rowCount() > 0)
    count = model.rowCount()
    shots("名簿", window)

    # Ctrl+N: name, furigana and the phone number typed in full width; Enter saves.
    ctrl(window, Qt.Key.Key_N)
    dialog = modal(qtbot, PersonDialog)
    click_and_type(qtbot, dialog.name, NAME)
    click_and_type(qtbot, dialog.furigana, FURIGANA)
    click_and_type(qtbot, dialog.phone, PHONE_TYPED)
    assert dialog.phone.text() == PHONE_TYPED
    shots("名簿に新規登録", dialog)
    key(dialog, Qt.Key.Key_Return)  # 保存 is the default button
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    back_to(qtbot, window)

    # The new member is in the district's list, selected.
    qtbot.waitUntil(lambda: model.rowCount() == count + 1, timeout=5000)
    row = page.table.current_row()
    person = model.row_at(row)
    assert person is not None and person.name == NAME
    # Read back through the service: the number was kept, in the one form the program writes it.
    saved = people.get_person(window.ctx.db, person.id)
    assert saved.phone == "0476-95-1234"
    assert any(m.district_name == DISTRICT for m in saved.memberships)
    assert any(SAVED.fullmatch(t) for t in status_texts(window)), status_texts(window)
    shots("名簿に追加された", window)

    # The member clicked in the list, Ctrl+P: the roster's print window, on the handout.
    click_row(page.table, row)
    printed = tmp_path / "名簿.pdf"
    print_dialog_prints_to(monkeypatch, lambda: printed)
    ctrl(window, Qt.Key.Key_P)
    roster_print = modal(qtbot, PrintRosterDialog)
    assert roster_print.district.currentText() == DISTRICT
    assert not roster_print.contacts.isChecked(), "the handout (連絡先なし) is the default"
    preview_ready(qtbot, roster_print)
    shots("名簿を印刷", roster_print)
    with qtbot.waitSignal(roster_print.printed, timeout=10_000):
        ctrl(roster_print, Qt.Key.Key_P)
    shots("印刷しました", roster_print)
    closed_by_escape(qtbot, roster_print)

    text = flat(pdf_text(printed))
    assert flat(NAME) in text
    narrow = unicodedata.normalize("NFKC", PHONE_TYPED)
    for form in (PHONE_TYPED, narrow, narrow.replace("-", ""), "95-1234", "９５－１２３４", "951234"):
        assert flat(form) not in text, f"the phone number ({form}) is on the handout"
    assert "取扱注意" not in text
