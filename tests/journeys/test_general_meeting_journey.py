"""Journey 5: a council secretary prepares the spring 総会 of 安食小学校区 on a copy of the demo town —
opens 総会・役員改選, rewrites the 事業計画（案）, applies the 役員改選 (every ending term decided in the
table), prints the 委嘱状 it offers, then the 総会議案書 with Ctrl+P, and closes every window as a person does.

Driven with keys, clicks and typing on the real main window; services only read results back (said where).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui.helpers import answer_message_box, type_text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.gui.dialogs.changeover import ACTION_COL, ChangeoverDialog
from sakae_council.gui.dialogs.pack_part import PackPartDialog
from sakae_council.gui.dialogs.print_general_meeting import CommissionPrintWindow, GeneralMeetingPrintWindow
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.general_meeting import GeneralMeetingPage
from sakae_council.services import districts, seats

from .conftest import Shots
from .steps import (
    back_to,
    choose,
    click,
    closed_by_escape,
    closed_by_window_button,
    ctrl,
    flat,
    key,
    modal,
    pdf_text,
    preview_ready,
    print_dialog_prints_to,
)

DISTRICT = "安食小学校区"
PLAN = "見守り活動を毎月第2土曜日に行います"


def test_journey_5_the_spring_general_meeting_and_the_changeover(
    qtbot: QtBot, window: MainWindow, shots: Shots, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Ctrl+7: 総会・役員改選, for the district chosen in the switcher.
    ctrl(window, Qt.Key.Key_7)
    page = window.current_page()
    assert isinstance(page, GeneralMeetingPage)
    choose(qtbot, window.district_switcher, DISTRICT)
    qtbot.waitUntil(lambda: page.parts_model.rowCount() == 7)
    shots("総会・役員改選", window)

    # 第4号議案: Enter opens its text; the secretary replaces it and saves.
    page.table.setFocus()
    page.table.select_row(5)
    key(page.table, Qt.Key.Key_Return)
    part = modal(qtbot, PackPartDialog)
    part.text_edit.setFocus()
    key(part.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, part.text_edit, PLAN)
    shots("第4号議案の文案", part)
    click(part.save_button)
    qtbot.waitUntil(lambda: not part.isVisible(), timeout=5000)
    back_to(qtbot, window)
    # the list shows it once it has been read again (on the database worker)
    qtbot.waitUntil(lambda: page.parts_model.index(5, 1).data() == "編集済み")

    # 役員改選…: every ending term renewed (Down once picks 再任), posts kept; applied on 令和9年4月1日.
    click(page.changeover_button)
    dialog = modal(qtbot, ChangeoverDialog)
    ending = [row for row, seat in enumerate(dialog.seats) if seat.ending]
    assert ending, "the demo council has terms ending this year"
    for row in ending:
        combo = dialog.combo(row, ACTION_COL)
        combo.setFocus()
        key(combo, Qt.Key.Key_Down)
    shots("役員改選", dialog)
    asked = answer_message_box(qtbot, "委嘱状を印刷")
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert f"再任{len(ending)}名・退任0名・交代0名" in asked[0]

    # The 委嘱状 window the program offered: one letter per renewed member.
    letters = modal(qtbot, CommissionPrintWindow)
    preview_ready(qtbot, letters)
    shots("委嘱状", letters)
    assert letters.pdf_path is not None
    text = flat(pdf_text(letters.pdf_path))
    # Read back through the service: who sits from 令和9年4月1日, and with which post.
    ajiki = districts.district_id_by_name(window.ctx.db, DISTRICT)
    renewed = [
        s for s in seats.seats_on(window.ctx.db, ajiki, date(2027, 4, 1)) if s.term_start == date(2027, 4, 1)
    ]
    assert len(renewed) == len(ending) == text.count("委嘱します")
    for seat in renewed:
        assert flat(f"{seat.name}様") in text
    closed_by_window_button(qtbot, letters)
    back_to(qtbot, window)

    # Ctrl+P: the pack, printed through the system's print dialog (to a PDF file here).
    printed = tmp_path / "総会議案書.pdf"
    print_dialog_prints_to(monkeypatch, lambda: printed)
    ctrl(window, Qt.Key.Key_P)
    pack = modal(qtbot, GeneralMeetingPrintWindow)
    preview_ready(qtbot, pack)
    shots("総会議案書を印刷", pack)
    with qtbot.waitSignal(pack.printed, timeout=30_000):
        ctrl(pack, Qt.Key.Key_P)
    closed_by_escape(qtbot, pack)
    text = flat(pdf_text(printed))
    assert flat(f"第4号議案 令和9年度 事業計画（案）{PLAN}") in text
    assert "新役員（案）（令和9年度）" in text and "令和9年度の収支予算（案）は次のとおりです。" in text
    for seat in renewed:
        assert flat(seat.name) in text
