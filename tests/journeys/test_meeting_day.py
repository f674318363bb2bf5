"""Journeys of the meeting day, driven as a person drives the program (keys, clicks, typing, closing
windows) on the real main window over a copy of the demo town:

1. 地区担当職員 prepares the next meeting of 安食小学校区: registers it, closes and reopens its editor,
   enters attendance and two agenda items, saves with Ctrl+S, and prints the 次第 and the 出席簿.
2. The meeting is held: the minutes, a decision and a 宿題 are written, the minutes are 確定 and printed,
   and the 宿題 is there at the next meeting.

Each step leaves a screenshot under tmp_path/shots. Services only set up data and read results back
(said where they do).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from sakae_council.domain.areas import Area
from sakae_council.domain.enums import AttendanceStatus, MinutesStatus
from sakae_council.gui.dialogs.meeting_approval import ApproveDialog
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_items import ActionItemDialog, AgendaItemDialog
from sakae_council.gui.dialogs.meeting_new import NewMeetingDialog
from sakae_council.gui.dialogs.meeting_print import MeetingPrintDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.services import meeting_bodies, meetings

from .conftest import Shots
from .steps import (
    SAVED,
    back_to,
    choose,
    choose_containing,
    click,
    click_and_type,
    click_row,
    closed_by_escape,
    closed_by_window_button,
    ctrl,
    flat,
    key,
    modal,
    open_tab,
    pdf_text,
    preview_ready,
    print_dialog_prints_to,
    status_texts,
)

COUNCIL = "安食小学校区地域まちづくり協議会"
PLACE = "安食ふれあいセンター 2階会議室"
AGENDA = ("防犯パトロールの冬季体制について", "三世代交流もちつき大会の開催について")


def meetings_page(qtbot: QtBot, window: MainWindow, shots: Shots) -> MeetingsPage:
    """Ctrl+6: 会議・議事録 is the sixth entry of the navigation."""
    ctrl(window, Qt.Key.Key_6)
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    qtbot.waitUntil(lambda: page.isVisible() and page.meetings_model.rowCount() > 0)
    shots("会議・議事録", window)
    return page


def new_meeting(qtbot: QtBot, window: MainWindow, shots: Shots, when: str) -> MeetingEditor:
    """Ctrl+N, the date and place typed, Enter (保存): the meeting's editor opens by itself."""
    ctrl(window, Qt.Key.Key_N)
    dialog = modal(qtbot, NewMeetingDialog)
    assert dialog.body.currentText() != COUNCIL  # under 全学区 no 会議体 is pre-chosen (the safe default)
    choose(qtbot, dialog.body, COUNCIL)
    click_and_type(qtbot, dialog.held_on, when)
    key(dialog, Qt.Key.Key_Tab)  # leaving the field shows the date back in 和暦 and the 第N回 it becomes
    click_and_type(qtbot, dialog.start_time, "19:00")
    click_and_type(qtbot, dialog.end_time, "20:30")
    click_and_type(qtbot, dialog.place, PLACE)
    shots("新規登録", dialog)
    key(dialog, Qt.Key.Key_Return)  # 保存 is the default button
    editor = modal(qtbot, MeetingEditor)
    assert not dialog.isVisible()
    return editor


def no_question_on_close(qtbot: QtBot, close: Callable[[], object]) -> list[str]:
    """Run ``close()``; any question the program asks meanwhile is recorded (and answered 保存せずに閉じる
    so that the journey can go on and report it)."""
    asked: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            asked.append(box.text())
            for button in box.buttons():
                if button.text() == "保存せずに閉じる":
                    button.click()

    QTimer.singleShot(300, answer)
    close()
    qtbot.wait(400)
    return asked


def add_agenda_item(qtbot: QtBot, editor: MeetingEditor, title: str, shots: Shots) -> None:
    """議題を追加 → the item's window: 議題 typed, 保存 (Enter in the title field)."""
    click(editor.agenda.add_button)
    dialog = modal(qtbot, AgendaItemDialog)
    click_and_type(qtbot, dialog.title, title)
    click_and_type(qtbot, dialog.presenter, "地区担当職員")
    shots("議題の追加", dialog)
    click(dialog.title)
    key(dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    back_to(qtbot, editor)


def print_paper(
    qtbot: QtBot, dialog: MeetingPrintDialog, paper: str, shots: Shots, target: Path, printed: list[Path]
) -> str:
    """Choose ``paper`` in 印刷するもの, look at the preview, Ctrl+P (印刷…) into ``target``; its text."""
    choose(qtbot, dialog.document, paper)
    preview_ready(qtbot, dialog)
    assert dialog.pages_label.text().startswith("全") and dialog.pages_label.text().endswith("ページ")
    shots(f"印刷 {paper}", dialog)
    printed.append(target)
    with qtbot.waitSignal(dialog.printed, timeout=10_000):
        ctrl(dialog, Qt.Key.Key_P)
    assert "プリンターに送りました" in dialog.status.text()
    return pdf_text(target)


def test_journey_1_staff_prepare_the_next_meeting(
    qtbot: QtBot, window: MainWindow, shots: Shots, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = meetings_page(qtbot, window, shots)
    before = page.meetings_model.rowCount()

    # Ctrl+N: the next meeting, on 令和9年1月16日 at 19:00 in the community centre.
    editor = new_meeting(qtbot, window, shots, "R9.1.16")
    assert "第5回" in editor.title.text() and "令和9年1月16日" in editor.title.text()
    shots("編集（登録直後）", editor)

    # Nothing was typed since the save that created it: Esc closes the editor without a question.
    asked = no_question_on_close(
        qtbot, lambda: QTest.keyClick(editor.focusWidget() or editor, Qt.Key.Key_Escape)
    )
    assert asked == [], f"the editor asked on Esc with nothing typed: {asked}"
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=3000)
    assert page.meetings_model.rowCount() == before + 1
    row = page.table.current_row()
    shown = page.meetings_model.row_at(row)
    assert shown is not None and shown.held_on == date(2027, 1, 16) and shown.place == PLACE  # selected
    shots("一覧に新しい会議", window)

    # Back in the list: the row clicked (the keyboard focus is not in the list after the editor closes —
    # it goes to the district switcher), Enter opens the meeting again.
    back_to(qtbot, window)
    click_row(page.table, row)
    key(page.table, Qt.Key.Key_Return)
    editor = modal(qtbot, MeetingEditor)
    assert editor.place.text() == PLACE and editor.start_time.text() == "19:00"

    # 出欠: every member marked as they answered — all 出席 but the first, who sends a 代理, and the last, 欠席.
    open_tab(editor.tabs, "出欠")
    members = [r for r in editor.attendance.ordered_rows() if r.data.category.value == "member"]
    assert len(members) >= 3
    scroll = editor.tabs.currentWidget()
    for row_widget in members:
        scroll.ensureWidgetVisible(row_widget)  # type: ignore[attr-defined]
        click(row_widget.buttons[AttendanceStatus.PRESENT])
    first, last = members[0], members[-1]
    click(first.buttons[AttendanceStatus.PROXY])
    click_and_type(qtbot, first.proxy, "代理 太郎")
    scroll.ensureWidgetVisible(last)  # type: ignore[attr-defined]
    click(last.buttons[AttendanceStatus.ABSENT])
    n = len(members)
    assert editor.attendance.quorum.text().startswith(f"委員 {n}名中 {n - 1}名出席")
    shots("出欠", editor)

    # 議題: two items.
    open_tab(editor.tabs, "議題")
    for title in AGENDA:
        add_agenda_item(qtbot, editor, title, shots)
    assert [editor.agenda.model.row_at(i).title for i in range(2)] == list(AGENDA)  # type: ignore[union-attr]
    shots("議題", editor)

    # Ctrl+S saves; the status bar says so.
    ctrl(editor, Qt.Key.Key_S)
    # Read back through the service: what was entered is in the database.
    qtbot.waitUntil(lambda: not editor.is_dirty(), timeout=3000)
    saved = meetings.get_meeting(window.ctx.db, shown.id)
    assert [a.title for a in saved.agenda_items] == list(AGENDA)
    statuses = {a.name: (a.status, a.proxy_name) for a in saved.attendance}
    assert statuses[first.data.name] == (AttendanceStatus.PROXY, "代理 太郎")
    assert statuses[last.data.name][0] is AttendanceStatus.ABSENT
    assert any(SAVED.fullmatch(t) for t in status_texts(window)), status_texts(window)
    shots("保存しました", window)

    # The window's close button: saved, so no question.
    asked = no_question_on_close(qtbot, lambda: closed_by_window_button(qtbot, editor))
    assert asked == [], f"the editor asked on closing after Ctrl+S: {asked}"
    assert not editor.isVisible()

    # The meeting clicked in the list, Ctrl+P: the print window, 次第 first (the meeting is ahead).
    printed: list[Path] = []
    print_dialog_prints_to(monkeypatch, lambda: printed[-1])
    back_to(qtbot, window)
    click_row(page.table, page.meetings_model.row_of(lambda m: m.id == shown.id))
    ctrl(window, Qt.Key.Key_P)
    dialog = modal(qtbot, MeetingPrintDialog)
    agenda_text = print_paper(qtbot, dialog, "次第（会議の前に配る）", shots, tmp_path / "次第.pdf", printed)
    assert all(flat(t) in flat(agenda_text) for t in AGENDA), agenda_text
    assert flat(PLACE) in flat(agenda_text)
    signin_text = print_paper(qtbot, dialog, "出席簿（署名欄つき）", shots, tmp_path / "出席簿.pdf", printed)
    assert "出席簿" in signin_text and first.data.name in signin_text
    closed_by_escape(qtbot, dialog)
    assert page.isVisible()


HELD_ON = date(2026, 11, 21)  # a week before the program's "today" (the demo town's)
MINUTES = (
    "冬季は午後7時から2班で巡回することとし、反射材付きのベストを追加で10着用意することとした。",
    "1月25日（日）に安食ふれあいセンターで開催する案が示され、子ども会と老人クラブに協力を依頼する。",
)
DECISION = "三世代交流もちつき大会を1月25日に開催する。"
ACTION = "もちつき用具の貸出を社会福祉協議会に依頼する"
ASSIGNEE = "地区担当職員"


def prepared_meeting(window: MainWindow) -> int:
    """Set-up through the services (not part of the journey): the meeting of 安食小学校区 held last week,
    prepared as journey 1 prepares one — attendance entered, two agenda items, nothing written yet."""
    from dataclasses import replace

    from sakae_council.domain.enums import AgendaKind
    from sakae_council.services import meeting_queries
    from sakae_council.services.meetings import MeetingInput
    from sakae_council.services.minutes import AgendaItemInput, minutes_input_from

    db = window.ctx.db
    body = next(b for b in meeting_bodies.list_bodies(db) if b.name == COUNCIL)
    detail = meetings.create_meeting(db, MeetingInput(body_id=body.id, held_on=HELD_ON, place=PLACE))
    data = minutes_input_from(detail)
    data = replace(
        data,
        attendance=tuple(replace(a, status=AttendanceStatus.PRESENT) for a in data.attendance),
        agenda_items=(
            AgendaItemInput(title=AGENDA[0], kind=AgendaKind.REPORT, presenter="地区担当職員"),
            AgendaItemInput(title=AGENDA[1], kind=AgendaKind.DELIBERATION, presenter="会長"),
        ),
    )
    meeting_queries.save_meeting_minutes(db, detail.id, HELD_ON, data, detail.version)
    window.ctx.notify(Area.MEETINGS)  # as the program does after any save: the list shows it
    return detail.id


def write_minutes(
    qtbot: QtBot, editor: MeetingEditor, row: int, text: str, result: str | None, shots: Shots
) -> None:
    """A row of 議題 clicked and Enter: the item's window; 議事の経過 typed, the 結果 chosen, 保存 clicked."""
    click_row(editor.agenda.table, row)
    key(editor.agenda.table, Qt.Key.Key_Return)
    dialog = modal(qtbot, AgendaItemDialog)
    click_and_type(qtbot, dialog.discussion, text)
    if result is not None:
        choose(qtbot, dialog.result_choice, result)
    shots(f"議事の経過 {row + 1}", dialog)
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    back_to(qtbot, editor)


def test_journey_2_the_meeting_is_held_and_its_action_item_carries_over(
    qtbot: QtBot, window: MainWindow, shots: Shots, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = prepared_meeting(window)
    page = meetings_page(qtbot, window, shots)

    # The meeting clicked in the list, Enter: its editor.
    click_row(page.table, page.meetings_model.row_of(lambda m: m.id == meeting_id))
    key(page.table, Qt.Key.Key_Return)
    editor = modal(qtbot, MeetingEditor)
    assert [editor.agenda.model.row_at(i).title for i in range(2)] == list(AGENDA)  # type: ignore[union-attr]

    # 日時・役割: who chaired, who wrote the minutes, who signs them.
    open_tab(editor.tabs, "日時・役割")
    names = [r.data.name for r in editor.attendance.ordered_rows() if r.data.category.value == "member"]
    chair = choose_containing(qtbot, editor.chair, names[0])
    recorder = choose_containing(qtbot, editor.recorder, names[1])
    choose_containing(qtbot, editor.signatory1, names[2])
    choose_containing(qtbot, editor.signatory2, names[3])
    shots("日時・役割", editor)

    # 議題: the minutes of each item, and the result of the deliberation.
    open_tab(editor.tabs, "議題")
    write_minutes(qtbot, editor, 0, MINUTES[0], None, shots)
    write_minutes(qtbot, editor, 1, MINUTES[1], "全会一致", shots)
    shots("議題（議事の経過）", editor)

    # 決定事項・宿題: one decision typed, one 宿題 added.
    open_tab(editor.tabs, "決定事項・宿題")
    click_and_type(qtbot, editor.decisions, DECISION)
    click(editor.action_section.editor.add_button)
    action = modal(qtbot, ActionItemDialog)
    click_and_type(qtbot, action.content, ACTION)
    click_and_type(qtbot, action.assignee, ASSIGNEE)
    click_and_type(qtbot, action.due_on, "R8.12.19")
    shots("宿題事項の追加", action)
    click(action.save_button)
    qtbot.waitUntil(lambda: not action.isVisible(), timeout=3000)
    back_to(qtbot, editor)
    shots("決定事項・宿題", editor)

    # 確定…: saves, asks the 確定日 (today), 確定する.
    click(editor.approve_button)
    approve = modal(qtbot, ApproveDialog)
    assert approve.approved_on.text() == "令和8年11月28日"
    shots("議事録を確定", approve)
    click(approve.save_button)
    qtbot.waitUntil(lambda: not approve.isVisible(), timeout=3000)
    back_to(qtbot, editor)
    assert editor.banner.text().startswith("確定（第1版）")
    assert not editor.save_button.isVisible() and editor.revise_button.isVisible()
    shots("確定した議事録", editor)
    # Read back through the service: approved, with what was typed.
    saved = meetings.get_meeting(window.ctx.db, meeting_id)
    assert (
        saved.status is MinutesStatus.APPROVED
        and saved.chair_name in chair
        and saved.recorder_name in recorder
    )
    assert [a.discussion for a in saved.agenda_items] == list(MINUTES)
    assert saved.decisions == (DECISION,) and [a.content for a in saved.action_items] == [ACTION]

    # Ctrl+P in the editor: the 議事録, previewed and printed.
    printed: list[Path] = []
    print_dialog_prints_to(monkeypatch, lambda: printed[-1])
    ctrl(editor, Qt.Key.Key_P)
    dialog = modal(qtbot, MeetingPrintDialog)
    assert dialog.document.currentText() == "議事録"
    text = flat(print_paper(qtbot, dialog, "議事録", shots, tmp_path / "議事録.pdf", printed))
    for typed in (*MINUTES, DECISION, ACTION, *AGENDA):
        assert flat(typed) in text, typed
    assert "下書き" not in text
    closed_by_escape(qtbot, dialog)
    back_to(qtbot, editor)
    closed_by_escape(qtbot, editor)  # approved and unchanged: no question
    back_to(qtbot, window)

    # The next meeting, registered on the list: the 宿題 is carried over to it, and onto its 次第.
    click_row(page.table, 0)
    next_editor = new_meeting(qtbot, window, shots, "R9.1.16")
    open_tab(next_editor.tabs, "決定事項・宿題")
    carried = next_editor.action_section.carried_model
    contents = [carried.row_at(i).content for i in range(carried.rowCount())]  # type: ignore[union-attr]
    assert ACTION in contents
    # Scrolled down to the carried list, and in it to this meeting's 宿題 (the older ones come first).
    table = next_editor.action_section.carried
    next_editor.tabs.currentWidget().ensureWidgetVisible(table)  # type: ignore[attr-defined]
    table.scrollTo(carried.index(contents.index(ACTION), 0))
    shots("次の会議に続く宿題", next_editor)
    ctrl(next_editor, Qt.Key.Key_P)
    dialog = modal(qtbot, MeetingPrintDialog)
    agenda_text = flat(
        print_paper(qtbot, dialog, "次第（会議の前に配る）", shots, tmp_path / "次回の次第.pdf", printed)
    )
    assert flat(ACTION) in agenda_text and flat(ASSIGNEE) in agenda_text
    closed_by_escape(qtbot, dialog)
    back_to(qtbot, next_editor)
    closed_by_escape(qtbot, next_editor)
