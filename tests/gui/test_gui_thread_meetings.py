"""No query on the GUI thread in the meeting, manual and 総会 windows (issue 18, finding 1): each journey is
driven as a person drives it — typing, clicks, Ctrl+S, Esc, 閉じる — while every statement the test's
database receives is checked for the thread it runs on (thread_guard.py). What was saved is read back
through the services afterwards, outside the guard.

Each journey starts where the page's button or Enter starts it: the ``open_…`` function the page calls (the
pages' own list loads are moved apart from these windows), with the main window as the parent, so 保存 says
「保存しました」 in its status bar as it does in use.

Windows under this assertion: 会議の新規登録, 会議・議事録の編集 (its tabs, 議題・宿題事項, 宿題事項の完了,
出欠回答の入力, 回答から出欠を入れる, 確定…, 修正する), 開催通知を印刷, 宛名ラベルを印刷, 会議の印刷,
マニュアルの 変更を保存 / 保存履歴 / 章・節の追加 / 版を発行 / 冊子を印刷, 研修 and 職員地域活動,
会則, 役員改選, 総会議案書の文案 and its print window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from meeting_town import council, full_meeting
from notice_town import NoticeTown, notice_town
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.enums import (
    ActionStatus,
    AgendaResult,
    AttendanceStatus,
    MemberRole,
    MinutesStatus,
    OfficerPost,
)
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.bylaws import BylawsDialog, open_bylaws
from sakae_council.gui.dialogs.changeover import ACTION_COL, ChangeoverDialog, open_changeover
from sakae_council.gui.dialogs.labels_print import LabelsPrintWindow, open_labels_print
from sakae_council.gui.dialogs.manual_activity import StaffActivityDialog, open_staff_activity
from sakae_council.gui.dialogs.manual_history import ManualHistoryDialog, open_manual_history
from sakae_council.gui.dialogs.manual_print import ManualPrintDialog, open_manual_print
from sakae_council.gui.dialogs.manual_publish import ManualPublishDialog, open_manual_publish
from sakae_council.gui.dialogs.manual_save import ManualSaveDialog
from sakae_council.gui.dialogs.manual_section import ManualSectionDialog
from sakae_council.gui.dialogs.manual_training import TrainingDialog, open_training
from sakae_council.gui.dialogs.meeting_approval import ApproveDialog, ReviseDialog
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_items import ActionItemDialog, AgendaItemDialog
from sakae_council.gui.dialogs.meeting_new import NewMeetingDialog, open_new_meeting
from sakae_council.gui.dialogs.meeting_open import open_meeting_editor
from sakae_council.gui.dialogs.meeting_print import MeetingPrintDialog
from sakae_council.gui.dialogs.meeting_replies import RepliesDialog
from sakae_council.gui.dialogs.notice_print import NoticePrintWindow, open_notice_print
from sakae_council.gui.dialogs.pack_part import PackPartDialog
from sakae_council.gui.dialogs.print_general_meeting import GeneralMeetingPrintWindow, open_council_paper
from sakae_council.gui.main_window import MainWindow
from sakae_council.services import (
    action_items,
    bylaws,
    general_meeting,
    manual,
    manual_history,
    meeting_replies,
    meetings,
    minutes_approval,
    seats,
    staff_records,
)
from sakae_council.services.general_meeting import PackPart
from sakae_council.services.meetings import MeetingInput

from .helpers import add_member, answer_message_box, type_text
from .thread_guard import queries_off_gui_thread
from .waiting import wait_idle

W = TypeVar("W", bound=QWidget)
PDF_MS = 60_000


class Opened:
    """What an ``open_…`` function showed (the window is built once its data came from the worker)."""

    def __init__(self) -> None:
        self.windows: list[QWidget] = []

    def __call__(self, window: QWidget) -> None:
        self.windows.append(window)
        window.open()  # type: ignore[attr-defined]

    def wait(self, qtbot: QtBot, kind: type[W], count: int = 1) -> W:
        qtbot.waitUntil(lambda: len(self.windows) >= count, timeout=30_000)
        window = self.windows[count - 1]
        assert isinstance(window, kind)
        qtbot.waitExposed(window)
        wait_idle(qtbot)
        return window


def ctrl_s(qtbot: QtBot, window: QWidget) -> None:
    window.activateWindow()  # (offscreen, a new window is not made active by itself)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.focusWidget() or window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def editor_of(qtbot: QtBot, ctx: AppContext, window: MainWindow, meeting_id: int) -> MeetingEditor:
    """The editor as Enter on the meetings list opens it (the meeting read on the worker first)."""
    shown = Opened()
    open_meeting_editor(ctx, meeting_id, window, shown)
    return shown.wait(qtbot, MeetingEditor)


# --- meetings -----------------------------------------------------------------------------------------


def test_a_new_meeting_opens_its_editor_and_the_minutes_save_with_ctrl_s(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow
) -> None:
    town = council(db, members=3)
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        shown = Opened()
        open_new_meeting(ctx, [], None, window, shown)  # 新規登録 (the bodies read on the worker)
        new = shown.wait(qtbot, NewMeetingDialog)
        new.saved.connect(lambda d: open_meeting_editor(ctx, d.id, window, shown))  # as the page does
        new.body.set_value(town.body)
        type_text(qtbot, new.held_on, "R8.12.5")
        wait_idle(qtbot)
        assert new.numbering.text() == "令和8年度 第1回として登録されます。"
        type_text(qtbot, new.start_time, "19:00")
        type_text(qtbot, new.place, "安食ふれあいセンター")
        click(qtbot, new.save_button)
        editor = shown.wait(qtbot, MeetingEditor, 2)
        assert not new.isVisible() and editor.detail.number == 1

        editor.tabs.setCurrentIndex(1)  # 出欠
        click(qtbot, editor.attendance.all_present_button)
        assert "成立" in editor.attendance.quorum.text()
        editor.tabs.setCurrentIndex(3)  # 決定事項・宿題
        type_text(qtbot, editor.decisions, "見守り活動を広げる")
        editor.tabs.setCurrentIndex(4)  # 配布資料・次回
        type_text(qtbot, editor.next_meeting, "令和9年1月中旬")
        assert editor.is_dirty()
        ctrl_s(qtbot, editor)
        assert editor.isVisible() and not editor.is_dirty()  # 保存 keeps the editor open
        assert window.saved_label.text().startswith("保存しました")
        click(qtbot, editor.close_button)  # nothing unsaved: closes without asking
        assert not editor.isVisible()

    saved = meetings.get_meeting(db, editor.detail.id)
    assert (
        saved.place == "安食ふれあいセンター" and saved.start_time is not None and saved.start_time.hour == 19
    )
    assert saved.decisions == ("見守り活動を広げる",) and saved.next_meeting == "令和9年1月中旬"
    assert {a.status for a in saved.attendance} == {AttendanceStatus.PRESENT}


def test_agenda_and_action_items_and_a_carried_item_completed(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow
) -> None:
    first = full_meeting(db, council(db, members=3), agenda=1)  # set-up: its 宿題事項 are carried
    later = meetings.create_meeting(db, MeetingInput(first.body_id, date(2027, 1, 16)))
    carried = first.action_items[0]
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        editor = editor_of(qtbot, ctx, window, later.id)
        editor.tabs.setCurrentIndex(2)  # 議題
        click(qtbot, editor.agenda.add_button)
        item = editor.dialog
        assert isinstance(item, AgendaItemDialog)
        type_text(qtbot, item.title, "防災訓練の日程")
        item.result_choice.set_value(AgendaResult.APPROVED)
        click(qtbot, item.save_button)
        assert not item.isVisible() and editor.agenda.model.rowCount() == 1

        editor.tabs.setCurrentIndex(3)  # 決定事項・宿題
        section = editor.action_section
        click(qtbot, section.editor.add_button)
        action = section.dialog
        assert isinstance(action, ActionItemDialog)
        type_text(qtbot, action.content, "防災マップを配る")
        type_text(qtbot, action.assignee, "事務局")
        click(qtbot, action.save_button)
        assert [a.content for a in section.carried_model.rows()][0] == carried.content
        section.carried.select_row(0)
        click(qtbot, section.complete_button)  # 完了, written on the worker; the list read there again
        assert carried.content not in [a.content for a in section.carried_model.rows()]
        ctrl_s(qtbot, editor)
        assert not editor.is_dirty()

    saved = meetings.get_meeting(db, later.id)
    assert [(a.title, a.result) for a in saved.agenda_items] == [("防災訓練の日程", AgendaResult.APPROVED)]
    assert [(a.content, a.assignee) for a in saved.action_items] == [("防災マップを配る", "事務局")]
    assert action_items.get_action_item(db, carried.id).status is ActionStatus.DONE


def test_replies_are_entered_then_fill_the_attendance(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow
) -> None:
    town: NoticeTown = notice_town(db)
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        editor = editor_of(qtbot, ctx, window, town.meeting)
        editor.tabs.setCurrentIndex(1)
        bar = editor.reply_bar
        assert bar.summary.text().startswith("回答済 0 / 未回答")
        click(qtbot, bar.enter_button)  # the slips' window, its invitees read on the worker
        qtbot.waitUntil(lambda: isinstance(bar.dialog, RepliesDialog) and bar.dialog.isVisible())
        replies = bar.dialog
        assert isinstance(replies, RepliesDialog)
        replies.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is replies)
        for k in ("1", Qt.Key.Key_Tab, "2"):  # 髙橋 出席, 𠮷田 欠席
            target = replies.focusWidget()
            assert target is not None
            qtbot.keyClick(target, k)
        click(qtbot, replies.save_button)
        assert not replies.isVisible()
        assert bar.summary.text().startswith("回答済 2 / 未回答")
        click(qtbot, bar.fill_button)  # 回答から出欠を入れる
        assert "2名の出欠に回答を入れました" in bar.note.text()
        ctrl_s(qtbot, editor)

    saved = {a.name: a.status for a in meetings.get_meeting(db, town.meeting).attendance}
    assert saved["髙橋 一郎"] is AttendanceStatus.PRESENT and saved["𠮷田 花子"] is AttendanceStatus.ABSENT
    assert meeting_replies.get_replies(db, town.meeting).replied == 2


def test_minutes_are_approved_then_revised(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow, tmp_path: Path
) -> None:
    meeting = full_meeting(db, council(db, members=3), agenda=2)
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        editor = editor_of(qtbot, ctx, window, meeting.id)
        click(qtbot, editor.approve_button)  # saved first, then the 確定日 is asked
        approve = editor.dialog
        assert isinstance(approve, ApproveDialog) and approve.isVisible()
        click(qtbot, approve.save_button)
        assert not approve.isVisible() and editor.detail.status is MinutesStatus.APPROVED
        assert editor.revise_button.isVisible() and editor.next_meeting.isReadOnly()
        assert editor.revisions.text().startswith("版の記録:")  # read on the worker after 確定

        click(qtbot, editor.revise_button)
        editor.next_meeting.setFocus()
        editor.next_meeting.selectAll()
        type_text(qtbot, editor.next_meeting, "令和9年2月")
        click(qtbot, editor.save_button)  # 修正を保存…: asks the reason
        revise = editor.dialog
        assert isinstance(revise, ReviseDialog) and revise.isVisible()
        type_text(qtbot, revise.reason, "次回の日程を訂正")
        click(qtbot, revise.save_button)
        assert not revise.isVisible() and editor.detail.revision == 2
        assert "次回の日程を訂正" in editor.revisions.text()

        click(qtbot, editor.print_button)  # 印刷…: the meeting and its 版 read on the worker first
        printing = editor.dialog
        assert isinstance(printing, MeetingPrintDialog) and printing.isVisible()
        assert printing.version.currentText() == "最新（第2版）"
        minutes_text = pdf_text(qtbot, printing, tmp_path / "minutes.pdf")
        qtbot.keyClick(printing, Qt.Key.Key_Escape)
        assert not printing.isVisible()

    saved = meetings.get_meeting(db, meeting.id)
    assert saved.status is MinutesStatus.APPROVED and saved.next_meeting == "令和9年2月"
    assert [r.reason for r in minutes_approval.list_revisions(db, meeting.id)][-1] == "次回の日程を訂正"
    assert "令和9年2月" in minutes_text  # the minutes as revised, printed


def pdf_text(qtbot: QtBot, window: Any, out: Path) -> str:
    qtbot.waitUntil(lambda: window.pdf_path is not None and not window.is_busy(), timeout=PDF_MS)
    assert window.save_as(out)
    return "".join(p.extract_text() for p in PdfReader(str(out)).pages)


def test_the_notice_and_label_windows_read_and_draw_off_the_gui_thread(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow, tmp_path: Path
) -> None:
    town: NoticeTown = notice_town(db)
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        shown = Opened()
        open_notice_print(ctx, town.meeting, window, shown)
        notice = shown.wait(qtbot, NoticePrintWindow)
        text = pdf_text(qtbot, notice, tmp_path / "notice.pdf")
        qtbot.keyClick(notice, Qt.Key.Key_Escape)
        assert not notice.isVisible()

        open_labels_print(ctx, town.meeting, window, shown)
        labels = shown.wait(qtbot, LabelsPrintWindow, 2)
        label_text = pdf_text(qtbot, labels, tmp_path / "labels.pdf")
        labels.windowHandle().close()
        qtbot.waitUntil(lambda: not labels.isVisible())

    assert "開催通知" in text and "髙橋 一郎" in text
    assert "千葉県印旛郡栄町安食3丁目12番地の4" not in text  # names alone unless addresses are chosen
    assert "髙橋 一郎" in label_text and "〒270-1516" in label_text


# --- the manual ---------------------------------------------------------------------------------------


def test_a_manual_section_is_saved_with_its_note_and_brought_back_from_its_history(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow
) -> None:
    chapter = manual.create_section(db, None, "はじめに", "", "新規作成")  # set-up
    section = manual.create_section(db, chapter.id, "連絡先", "窓口は地域振興課です。", "新規作成")
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        # 保存… on the page: the summary is asked, the save runs on the worker
        dialog = ManualSaveDialog(ctx, section, "連絡先", "窓口は住民活動推進課です。", window)
        dialog.open()
        qtbot.waitExposed(dialog)
        click(qtbot, dialog.save_button)
        assert dialog.isVisible() and "変更の要約" in dialog.form.error_text("summary")
        type_text(qtbot, dialog.summary, "課の名前の変更")
        click(qtbot, dialog.save_button)
        assert not dialog.isVisible() and dialog.result_dto.revision == 2

        shown = Opened()
        open_manual_history(ctx, dialog.result_dto, window, shown)
        history = shown.wait(qtbot, ManualHistoryDialog)
        assert history.diff_summary.text() == "追加 1行・削除 1行"
        history.table.select_row(1)  # 第1版
        asked = answer_message_box(qtbot, "戻す")
        click(qtbot, history.restore_button)
        qtbot.waitUntil(lambda: history.model.rowCount() == 3)
        assert "第1版" in asked[0]
        qtbot.keyClick(history, Qt.Key.Key_Escape)
        assert not history.isVisible()

    revisions = manual_history.list_revisions(db, section.id)
    assert [r.summary for r in revisions] == ["新規作成", "課の名前の変更", "第1版を復元"]
    assert manual.get_section(db, section.id).body == "窓口は地域振興課です。"


def test_a_chapter_an_edition_its_booklet_and_the_staff_records(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    two_districts: tuple[int, int],
    window: MainWindow,
    tmp_path: Path,
) -> None:
    a, _b = two_districts
    sato = add_member(db, "佐藤 一郎", "サトウ イチロウ", a, role=MemberRole.STAFF).id  # set-up
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        chapter = ManualSectionDialog(ctx, None, window)  # 章を追加 (nothing to read first)
        chapter.open()
        qtbot.waitExposed(chapter)
        type_text(qtbot, chapter.title, "協働事業の広報")
        click(qtbot, chapter.save_button)
        assert not chapter.isVisible()

        shown = Opened()
        open_manual_publish(ctx, False, window, shown)  # 版を発行…
        publish = shown.wait(qtbot, ManualPublishDialog)
        assert publish.number == 1
        click(qtbot, publish.save_button)
        assert not publish.isVisible()

        open_manual_print(ctx, window, shown)  # 冊子を印刷…
        booklet = shown.wait(qtbot, ManualPrintDialog, 2)
        booklet_text = pdf_text(qtbot, booklet, tmp_path / "booklet.pdf")
        qtbot.keyClick(booklet, Qt.Key.Key_Escape)

        open_training(ctx, None, window, shown)  # 研修を記録
        training = shown.wait(qtbot, TrainingDialog, 3)
        training.set_attending({sato})
        type_text(qtbot, training.title, "個人情報の取り扱い研修")
        ctrl_s(qtbot, training)
        assert not training.isVisible()

        open_staff_activity(ctx, None, window, shown)  # 職員地域活動を記録
        activity = shown.wait(qtbot, StaffActivityDialog, 4)
        activity.person.set_value(sato)
        type_text(qtbot, activity.title, "ごみゼロ・草ゼロ（春）")
        ctrl_s(qtbot, activity)
        assert not activity.isVisible()

    assert [s.title for s in manual.list_tree(db)] == ["協働事業の広報"]
    assert [e.number for e in manual_history.list_editions(db)] == [1] and "協働事業の広報" in booklet_text
    assert [t.title for t in staff_records.list_trainings(db, person_id=sato)] == ["個人情報の取り扱い研修"]
    assert [e.title for e in staff_records.list_staff_activities(db, person_id=sato)] == [
        "ごみゼロ・草ゼロ（春）"
    ]


# --- the council's year ---------------------------------------------------------------------------------


def test_bylaws_are_made_then_revised(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    roster: Any,
    two_districts: tuple[int, int],
    window: MainWindow,
) -> None:
    a, _b = two_districts
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        shown = Opened()
        open_bylaws(ctx, a, window, shown)
        first = shown.wait(qtbot, BylawsDialog)
        assert "まだ会則が登録されていません" in first.history.text()
        first.body_edit.setFocus()
        type_text(qtbot, first.body_edit, "第1条（名称）")
        ctrl_s(qtbot, first)
        assert not first.isVisible()

        open_bylaws(ctx, a, window, shown)
        second = shown.wait(qtbot, BylawsDialog, 2)
        assert "第1版" in second.history.text()
        second.body_edit.setFocus()
        qtbot.keyClick(second.body_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        qtbot.keyClick(second.body_edit, Qt.Key.Key_Return)
        type_text(qtbot, second.body_edit, "第2条（目的）")
        type_text(qtbot, second.summary_edit, "第2条を追加")
        click(qtbot, second.save_button)
        assert not second.isVisible()

    saved = bylaws.get_bylaws(db, a)
    assert saved is not None and saved.revision == 2 and saved.body == "第1条（名称）\n第2条（目的）"


def test_the_changeover_is_applied_from_its_table(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    roster: Any,
    two_districts: tuple[int, int],
    window: MainWindow,
) -> None:
    a, _b = two_districts
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        shown = Opened()
        open_changeover(ctx, a, 2026, window, shown)
        dialog = shown.wait(qtbot, ChangeoverDialog)
        for row in range(len(dialog.seats)):
            combo = dialog.combo(row, ACTION_COL)
            combo.setFocus()
            qtbot.keyClick(combo, Qt.Key.Key_Down)  # 再任 for everyone
        click(qtbot, dialog.save_button)
        assert not dialog.isVisible()

    after = {s.name: s.officer_post for s in seats.seats_on(db, a, date(2027, 4, 1))}
    assert after["渡辺 花子"] is OfficerPost.CHAIR and len(after) == len(dialog.seats)


def test_a_pack_part_is_edited_and_the_pack_prints(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    roster: Any,
    two_districts: tuple[int, int],
    window: MainWindow,
    tmp_path: Path,
) -> None:
    a, _b = two_districts
    facts = general_meeting.pack_facts(db, a, 2026, today=ctx.today())  # set-up: what the page lists
    plan = next(p for p in general_meeting.pack_texts(db, facts) if p.part is PackPart.PLAN)
    wait_idle(qtbot)
    with queries_off_gui_thread(db):
        dialog = PackPartDialog(ctx, a, 2026, plan, window)  # Enter on the part in the page's list
        dialog.open()
        qtbot.waitExposed(dialog)
        dialog.text_edit.setFocus()
        qtbot.keyClick(dialog.text_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, dialog.text_edit, "見守り活動を広げます")
        ctrl_s(qtbot, dialog)
        assert not dialog.isVisible()

        shown = Opened()
        make: Callable[[str], GeneralMeetingPrintWindow] = lambda name: GeneralMeetingPrintWindow(  # noqa: E731
            ctx, a, 2026, window, name
        )
        open_council_paper(ctx, a, window, shown, make)
        printing = shown.wait(qtbot, GeneralMeetingPrintWindow)
        text = pdf_text(qtbot, printing, tmp_path / "pack.pdf")
        printing.windowHandle().close()

    kept = next(p for p in general_meeting.pack_texts(db, facts) if p.part is PackPart.PLAN)
    assert kept.edited and kept.text == "見守り活動を広げます"
    assert "見守り活動を広げます" in text
