"""総会・役員改選 page, driven as a secretary drives it: a part of the pack edited and printed, the 役員改選
applied from its table (then 委嘱状 printed), the 会則 entered, the 引継ぎ資料 printed."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import TypeVar

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.dialogs.bylaws import BylawsDialog
from sakae_council.gui.dialogs.changeover import ACTION_COL, SUCCESSOR_COL, ChangeoverDialog
from sakae_council.gui.dialogs.pack_part import PackPartDialog
from sakae_council.gui.dialogs.print_general_meeting import (
    CommissionPrintWindow,
    GeneralMeetingPrintWindow,
    HandoverPrintWindow,
)
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.general_meeting import GeneralMeetingPage
from sakae_council.reports.handover import MARK
from sakae_council.services import bylaws, general_meeting, seats
from sakae_council.services.general_meeting import PackPart

from ..helpers import answer_message_box, type_text
from ..waiting import wait_idle

T = TypeVar("T")


def flat(path: Path | None) -> str:
    assert path is not None
    return re.sub(r"\s+", "", "".join(p.extract_text() for p in PdfReader(str(path)).pages))


def open_page(window: MainWindow, district: str | None) -> GeneralMeetingPage:
    if district is not None:
        window.district_switcher.setCurrentIndex(window.district_switcher.findText(district))
        wait_idle()
    page = window.show_page("general_meeting")
    wait_idle()
    assert isinstance(page, GeneralMeetingPage)
    return page


def opened(qtbot: QtBot, page: GeneralMeetingPage, kind: type[T]) -> T:
    """The window the page opens once what it shows is read on the database worker."""
    qtbot.waitUntil(lambda: isinstance(page.dialog, kind) and page.dialog.isVisible(), timeout=30000)
    assert isinstance(page.dialog, kind)
    return page.dialog


def wait_ready(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
    wait_idle()


def test_the_page_works_on_one_council_named_in_its_title_line(
    qtbot: QtBot,
    roster,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    page = open_page(window, None)  # 全学区 in the switcher: the page keeps a council of its own, named
    assert page.council.currentText() == "安食小学校区" and page.parts_model.rowCount() == 7
    assert page.context_label.text().startswith("安食小学校区") and page.print_button.isEnabled()
    choose_district = window.district_switcher
    choose_district.setCurrentIndex(choose_district.findText("布鎌小学校区"))
    qtbot.waitUntil(lambda: page.council.currentText() == "布鎌小学校区")
    wait_idle()
    assert page.context_label.text().startswith("布鎌小学校区")
    choose_district.setCurrentIndex(0)  # back to 全学区: the page stays on 布鎌
    assert page.council.currentText() == "布鎌小学校区" and not page.hint.isVisible()


def test_a_part_is_edited_kept_with_the_pack_and_printed(
    qtbot: QtBot,
    db: Database,
    roster,
    two_districts,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    a, _b = two_districts
    page = open_page(window, "安食小学校区")
    assert page.parts_model.rowCount() == 7 and not page.hint.isVisible()
    page.table.setFocus()
    page.table.select_row(5)  # 第4号議案 事業計画（案）
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, PackPartDialog) and dialog.isVisible()
    qtbot.keyClick(dialog.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    type_text(qtbot, dialog.text_edit, "見守り活動を広げます")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: page.parts_model.index(5, 1).data() == "編集済み")
    facts = general_meeting.pack_facts(db, a, 2026, today=date(2026, 11, 28))
    plan = next(p for p in general_meeting.pack_texts(db, facts) if p.part is PackPart.PLAN)
    assert plan.edited and plan.text == "見守り活動を広げます"

    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    printing = opened(qtbot, page, GeneralMeetingPrintWindow)
    wait_ready(qtbot, printing)
    text = flat(printing.pdf_path)
    assert "第4号議案令和9年度事業計画（案）見守り活動を広げます" in text
    assert "渡辺花子" in text and "相川健" in text  # their 書面表決書・委任状
    qtbot.keyClick(printing, Qt.Key.Key_Escape)
    wait_idle()
    qtbot.waitUntil(lambda: not printing.isVisible(), timeout=3000)
    wait_idle()


def _pick(qtbot: QtBot, combo: QComboBox, downs: int) -> None:
    combo.setFocus()
    for _ in range(downs):
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        wait_idle()


def test_changeover_is_applied_from_the_table_then_commissions_print(
    qtbot: QtBot,
    db: Database,
    roster,
    two_districts,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    a, _b = two_districts
    page = open_page(window, "安食小学校区")
    qtbot.mouseClick(page.changeover_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, ChangeoverDialog)
    names = [s.name for s in dialog.seats]
    assert names == ["渡辺 花子", "相川 健", "𠮷田 次郎"]
    # nothing chosen yet: 改選を適用 says what is missing and keeps everything
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert (
        dialog.isVisible()
        and "「渡辺 花子」さんの改選後（再任・退任・交代）を選んでください"
        in dialog.form.error_text("choices")
    )
    _pick(qtbot, dialog.combo(0, ACTION_COL), 1)  # 再任 (会長のまま)
    _pick(qtbot, dialog.combo(1, ACTION_COL), 2)  # 退任
    _pick(qtbot, dialog.combo(2, ACTION_COL), 3)  # 交代
    successor = dialog.combo(2, SUCCESSOR_COL)
    assert successor.isEnabled()
    line = successor.lineEdit()
    assert line is not None
    type_text(qtbot, line, "新田 一郎")
    asked = answer_message_box(qtbot, "委嘱状を印刷")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    wait_idle()
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    wait_idle()
    assert "再任1名・退任1名・交代1名" in asked[0]
    april = date(2027, 4, 1)
    after = {(s.name, s.officer_post.label) for s in seats.seats_on(db, a, april)}
    assert after == {("渡辺 花子", "会長"), ("新田 一郎", "委員")}
    printing = opened(qtbot, page, CommissionPrintWindow)
    wait_ready(qtbot, printing)
    text = flat(printing.pdf_path)
    assert (
        "渡辺花子様" in text
        and "の会長に委嘱します" in text
        and "新田一郎様" in text
        and "の委員に委嘱します" in text
    )
    assert "相川健" not in text  # no thanks letters unless asked
    printing.thanks.setFocus()
    qtbot.keyClick(printing.thanks, Qt.Key.Key_Space)
    wait_idle()
    assert printing.thanks.isChecked()
    qtbot.waitUntil(
        lambda: printing.pdf_path is not None and "相川健様" in flat(printing.pdf_path), timeout=30000
    )
    handle = printing.windowHandle()
    assert handle is not None
    handle.close()
    qtbot.waitUntil(lambda: not printing.isVisible(), timeout=3000)
    wait_idle()


def test_bylaws_are_entered_and_saved_with_ctrl_s(
    qtbot: QtBot,
    db: Database,
    roster,
    two_districts,
    window: MainWindow,  # type: ignore[no-untyped-def]
) -> None:
    a, _b = two_districts
    page = open_page(window, "安食小学校区")
    qtbot.mouseClick(page.bylaws_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, BylawsDialog)
    assert "まだ会則が登録されていません" in dialog.history.text()
    dialog.activateWindow()  # (offscreen, a new window is not made active by itself)
    qtbot.waitUntil(dialog.isActiveWindow)
    wait_idle()
    dialog.body_edit.setFocus()
    type_text(qtbot, dialog.body_edit, "第1条（名称）")
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    wait_idle()
    saved = bylaws.get_bylaws(db, a)
    assert saved is not None and saved.revision == 1 and saved.body == "第1条（名称）"


def test_handover_pack_prints_from_its_button(qtbot: QtBot, roster, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window, "安食小学校区")
    qtbot.mouseClick(page.handover_button, Qt.MouseButton.LeftButton)
    printing = opened(qtbot, page, HandoverPrintWindow)
    wait_ready(qtbot, printing)
    text = flat(printing.pdf_path)
    assert MARK in text and "会長渡辺花子" in text and "0476-95-1111" in text
    qtbot.mouseClick(printing.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not printing.isVisible(), timeout=3000)
    wait_idle()


def test_the_parts_model_passes_the_model_tester(qtmodeltester, roster, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = open_page(window, "安食小学校区")
    assert page.parts_model.rowCount() == 7
    qtmodeltester.check(page.parts_model)
