"""会議・議事録 page and its dialogs, driven through real widgets on a real database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from meeting_town import Council, council, full_meeting
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import ActionStatus, AgendaResult, AttendanceStatus, MinutesStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_approval import ApproveDialog, ReviseDialog
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_items import AgendaItemDialog
from sakae_council.gui.dialogs.meeting_new import NewMeetingDialog
from sakae_council.gui.dialogs.meeting_print import MeetingPrintDialog
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.gui.text_size import TextSize
from sakae_council.services import meeting_bodies, meetings, minutes, minutes_approval
from sakae_council.services.meetings import MeetingDetailDTO, MeetingInput
from sakae_council.services.minutes import minutes_input_from

from ..helpers import clipped_texts, type_text
from ..shown_pages import open_meeting_editor, shown_meetings_page


@pytest.fixture()
def town(db: Database) -> Council:
    return council(db, members=10)


@pytest.fixture()
def meeting(db: Database, town: Council) -> MeetingDetailDTO:
    return full_meeting(db, town, agenda=3)


@pytest.fixture()
def page(ctx: AppContext, qtbot: QtBot) -> MeetingsPage:
    return shown_meetings_page(ctx, qtbot)


def test_list_by_body_and_year_with_status(  # type: ignore[no-untyped-def]
    db: Database, town: Council, meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot, qtmodeltester
) -> None:
    older = meetings.create_meeting(db, MeetingInput(town.body, date(2025, 9, 1)))
    liaison = next(b for b in meeting_bodies.list_bodies(db) if b.district_id is None)
    meetings.create_meeting(db, MeetingInput(liaison.id, date(2026, 7, 1)))
    minutes_approval.approve_minutes(db, meeting.id, date(2026, 12, 1), meeting.version)
    page.ctx.notify("meetings")
    wait_idle()
    assert page.meetings_model.rowCount() == 3
    assert "全学区・3件" in page.context_label.text()
    qtmodeltester.check(page.meetings_model)
    texts = [[page.meetings_model.index(r, c).data() for c in range(6)] for r in range(3)]
    assert texts[0][0].startswith("令和8年11月28日")  # newest first
    assert texts[0][1] == "令和8年度 第1回" and texts[0][5] == "確定"
    page.year_filter.set_value(2025)
    wait_idle()
    assert [m.id for m in page.meetings_model.rows()] == [older.id]
    assert page.meetings_model.rows()[0].number_label == "第1回"
    page.year_filter.set_value(None)
    wait_idle()
    page.body_filter.set_value(liaison.id)
    wait_idle()
    assert [m.body_name for m in page.meetings_model.rows()] == ["地域まちづくり連絡会"]
    page.body_filter.set_value(None)
    wait_idle()
    page.status_filter.set_value(MinutesStatus.APPROVED)
    wait_idle()
    assert [m.id for m in page.meetings_model.rows()] == [meeting.id]
    page.status_filter.set_value(None)
    wait_idle()
    page.ctx.set_district(town.district)  # the 連絡会 belongs to no district
    wait_idle()
    assert page.meetings_model.rowCount() == 2 and "安食小学校区・2件" in page.context_label.text()
    type_text(qtbot, page.search, "ふれあい")
    page.flush_search()
    wait_idle()
    assert [m.id for m in page.meetings_model.rows()] == [meeting.id]


def test_new_meeting_is_numbered_and_opens_with_the_members_present(
    db: Database, town: Council, page: MeetingsPage, qtbot: QtBot
) -> None:
    meetings.create_meeting(db, MeetingInput(town.body, date(2026, 5, 10)))
    page.ctx.notify("meetings")
    wait_idle()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, NewMeetingDialog)
    dialog.body.set_value(town.body)
    wait_idle()
    type_text(qtbot, dialog.held_on, "R8.12.5")
    wait_idle()  # the number is asked of the database worker
    assert "令和8年度 第2回として登録されます。" in dialog.numbering.text()
    type_text(qtbot, dialog.start_time, "19:00")
    type_text(qtbot, dialog.end_time, "18:00")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "終了時刻が開始時刻より前" in dialog.form.error_text("end_time")  # under the field, dialog open
    dialog.end_time.setText("20時30分")
    wait_idle()
    type_text(qtbot, dialog.place, "公民館")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    editor = page.dialog
    assert isinstance(editor, MeetingEditor)
    assert (
        editor.detail.number == 2 and editor.detail.end_time is not None and editor.detail.end_time.hour == 20
    )
    rows = editor.attendance.rows
    assert len(rows) == 13 + 2  # 会長, 副会長, one more, 10 members; 2 staff listed apart
    assert all(r.status() is AttendanceStatus.UNCONFIRMED for r in rows)  # entered, never assumed
    assert "委員 13名中 0名出席 — 未確定" in editor.attendance.quorum.text()
    assert page.meetings_model.rowCount() == 2


def test_signatory_marked_absent_is_refused_under_the_field(
    db: Database, town: Council, meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot
) -> None:
    page.reload()
    wait_idle()
    editor = open_meeting_editor(page, qtbot, meeting.id, reload=False)
    row = editor.attendance.row_for(town.people["vice"])
    assert row is not None
    editor.tabs.setCurrentIndex(1)
    wait_idle()
    qtbot.mouseClick(row.buttons[AttendanceStatus.ABSENT], Qt.MouseButton.LeftButton)
    wait_idle()
    assert "［欠席］" in editor.signatory1.currentText()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert editor.tabs.currentIndex() == 0
    assert "議事録署名人は、出欠が「出席」か「代理」の出席者から選んでください" in editor.basic.error_text(
        "signatory1"
    )
    assert minutes_input_from(meetings.get_meeting(db, meeting.id)) == minutes_input_from(
        meeting
    )  # nothing written

    # a 代理 without the proxy's name: the message appears under that person's row
    editor.tabs.setCurrentIndex(1)
    wait_idle()
    qtbot.mouseClick(row.buttons[AttendanceStatus.PRESENT], Qt.MouseButton.LeftButton)
    wait_idle()
    other = editor.attendance.row_for(town.people["m3"])
    assert other is not None
    qtbot.mouseClick(other.buttons[AttendanceStatus.PROXY], Qt.MouseButton.LeftButton)
    wait_idle()
    assert other.proxy.isVisible()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert editor.tabs.currentIndex() == 1
    assert "代理で出席した方の氏名を入力してください" in other.error.message()
    type_text(qtbot, other.proxy, "代理 太郎")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    saved = meetings.get_meeting(db, meeting.id)
    assert next(a for a in saved.members if a.person_id == town.people["m3"]).proxy_name == "代理 太郎"
    assert not editor.is_dirty()


def test_agenda_item_added_through_its_dialog(
    db: Database, meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot
) -> None:
    page.reload()
    wait_idle()
    editor = open_meeting_editor(page, qtbot, meeting.id, reload=False)
    editor.tabs.setCurrentIndex(2)
    wait_idle()
    qtbot.mouseClick(editor.agenda.add_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = editor.dialog
    assert isinstance(dialog, AgendaItemDialog)
    type_text(qtbot, dialog.title, "防犯パトロール <夜間> & 見守り")
    dialog.result_choice.set_value(AgendaResult.MAJORITY)
    wait_idle()
    assert dialog.votes_for.isVisibleTo(dialog)
    dialog.votes_for.setValue(3)
    wait_idle()
    dialog.votes_against.setValue(5)
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "賛成数が反対数以下です" in dialog.form.error_text("votes_for")
    dialog.votes_for.setValue(9)
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert editor.agenda.model.rowCount() == 4
    assert editor.agenda.model.index(3, 3).data() == "賛成多数（賛成9・反対5）"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    saved = meetings.get_meeting(db, meeting.id)
    assert saved.agenda_items[-1].title == "防犯パトロール <夜間> & 見守り"
    assert saved.agenda_items[-1].votes_for == 9


def test_approve_locks_and_a_change_needs_a_reason_and_makes_revision_2(
    db: Database, meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot
) -> None:
    page.reload()
    wait_idle()
    editor = open_meeting_editor(page, qtbot, meeting.id, reload=False)
    qtbot.mouseClick(editor.approve_button, Qt.MouseButton.LeftButton)
    wait_idle()
    approve = editor.dialog
    assert isinstance(approve, ApproveDialog)
    approve.approved_on.setText("令和8年11月1日")  # before the meeting: refused under the field
    wait_idle()
    qtbot.mouseClick(approve.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "確定日が開催日より前" in approve.form.error_text("approved_on")
    approve.approved_on.setText("令和8年12月3日")
    wait_idle()
    qtbot.mouseClick(approve.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert editor.detail.status is MinutesStatus.APPROVED and editor.detail.revision == 1
    assert not editor.save_button.isVisible() and editor.revise_button.isVisible()
    assert editor.next_meeting.isReadOnly() and "確定（第1版）" in editor.banner.text()
    assert page.meetings_model.rows()[0].status is MinutesStatus.APPROVED

    qtbot.mouseClick(editor.revise_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert editor.save_button.isVisible() and editor.save_button.text() == "修正を保存…"
    editor.next_meeting.setPlainText("令和9年2月 会場変更")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    revise = editor.dialog
    assert isinstance(revise, ReviseDialog)
    qtbot.mouseClick(revise.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "理由を入力してください" in revise.form.error_text("reason")
    assert meetings.get_meeting(db, meeting.id).revision == 1  # unchanged without a reason
    type_text(qtbot, revise.reason, "次回予定の訂正")
    qtbot.mouseClick(revise.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    saved = meetings.get_meeting(db, meeting.id)
    assert saved.revision == 2 and saved.next_meeting == "令和9年2月 会場変更"
    revisions = minutes_approval.list_revisions(db, meeting.id)
    assert [r.number for r in revisions] == [1, 2] and revisions[1].reason == "次回予定の訂正"
    assert (
        minutes_approval.get_revision_snapshot(db, meeting.id, 1).next_meeting == meeting.next_meeting
    )  # original kept
    assert "第2版" in editor.banner.text() and "次回予定の訂正" in editor.revisions.text()


def test_action_items_carry_over_until_marked_done(
    db: Database, town: Council, meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot
) -> None:
    nxt = meetings.create_meeting(db, MeetingInput(town.body, date(2027, 1, 16)))
    page.reload()
    wait_idle()
    editor = open_meeting_editor(page, qtbot, nxt.id, reload=False)
    editor.tabs.setCurrentIndex(3)
    wait_idle()
    section = editor.action_section
    assert [a.content for a in section.carried_model.rows()] == ["送迎車両の保険の確認"]
    section.carried.select_row(0)
    qtbot.mouseClick(section.complete_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert section.carried_model.rowCount() == 0
    done = meetings.get_meeting(db, meeting.id).action_items[0]
    assert done.status is ActionStatus.DONE and done.done_on == page.ctx.today()


def test_print_dialog_previews_saves_and_prints(
    db: Database, meeting: MeetingDetailDTO, ctx: AppContext, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = MeetingPrintDialog(ctx, meeting.id)
    dialog.show()
    with qtbot.waitSignal(dialog.built, timeout=30000):
        pass
    assert dialog.save_button.isEnabled()
    assert dialog.warning.message() == ""  # 𠮷 and 髙 print through the fallback font
    out = tmp_path / "minutes.pdf"
    assert dialog.save_as(out)
    reader = PdfReader(str(out))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "議　事　録" in text and "下書き" in text
    assert dialog.page_count() == len(reader.pages)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printed = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer) == len(reader.pages)
    assert [p.extract_text() for p in PdfReader(str(printed)).pages] == [
        p.extract_text() for p in reader.pages
    ]
    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.document.set_value("signin")
        wait_idle()
    assert not dialog.version_row.isVisible()
    assert dialog.suggested_name() == "出席簿_安食小学校区まちづくり協議会_令和8年度第1回.pdf"
    dialog.close()


def open_print_window(page: MeetingsPage, qtbot: QtBot, meeting_id: int) -> MeetingPrintDialog:
    """Select the meeting in the list and press Ctrl+P, as a person does."""
    page.activateWindow()  # back in the list's window after a print window closed
    qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
    before = page.dialog
    page.table.select_row(page.meetings_model.row_of(lambda m: m.id == meeting_id))
    page.table.setFocus()
    QTest.keyClick(page.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    # the meeting is read on the database worker before the window opens (the PDF is drawn after that)
    qtbot.waitUntil(lambda: page.dialog is not before and page.dialog is not None)
    dialog = page.dialog
    assert isinstance(dialog, MeetingPrintDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_print_window_closes_by_its_button_esc_and_the_close_request(
    meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot
) -> None:
    dialog = open_print_window(page, qtbot, meeting.id)
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    dialog = open_print_window(page, qtbot, meeting.id)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=30000)
    folder = dialog.pdf_path.parent if dialog.pdf_path else None
    QTest.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert folder is not None and not folder.exists()  # its temporary PDFs are gone with it

    dialog = open_print_window(page, qtbot, meeting.id)  # closed while the PDF is still being drawn
    assert dialog.windowHandle().close()
    assert not dialog.isVisible()
    qtbot.wait(200)  # a drawing finishing after the close changes nothing
    assert dialog.pdf_path is None


def test_ctrl_p_in_the_meeting_editor_opens_its_print_window(
    meeting: MeetingDetailDTO, page: MeetingsPage, qtbot: QtBot
) -> None:
    editor = open_meeting_editor(page, qtbot, meeting.id, reload=False)
    editor.activateWindow()  # as the window manager does for a new window
    qtbot.waitUntil(editor.isActiveWindow)
    wait_idle()
    QTest.keyClick(editor.tabs, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle()  # the meeting is read on the database worker before the window opens
    dialog = editor.dialog
    assert isinstance(dialog, MeetingPrintDialog) and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None and not dialog.is_busy(), timeout=30000)
    assert dialog.page_count() >= 1
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and editor.isVisible()


def test_unprintable_characters_are_named_before_printing(
    db: Database, meeting: MeetingDetailDTO, ctx: AppContext, qtbot: QtBot
) -> None:
    data = replace(minutes_input_from(meeting), place="公民館\U0010fffd")
    minutes.save_minutes(db, meeting.id, data, meeting.version)
    dialog = MeetingPrintDialog(ctx, meeting.id)
    with qtbot.waitSignal(dialog.built, timeout=30000):
        dialog.show()
    assert "場所: \U0010fffd" in dialog.warning.message()
    dialog.close()


def calendar_box(qtbot: QtBot, page: MeetingsPage) -> QMessageBox:
    """The box the page shows once the worker has written (or failed to write) the calendar."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [b for b in page.findChildren(QMessageBox) if b.isVisible()]
        return bool(found)

    qtbot.waitUntil(shown, timeout=30000)
    return found[0]


def test_calendar_export_lists_upcoming_meetings(
    db: Database, town: Council, meeting: MeetingDetailDTO, page: MeetingsPage, tmp_path: Path, qtbot: QtBot
) -> None:
    meetings.create_meeting(db, MeetingInput(town.body, date(2025, 6, 1)))  # past: not exported
    path = tmp_path / "会議.ics"
    page.write_calendar(path)  # what 保存 in the file dialog of カレンダーに書き出す… does (on the worker)
    box = calendar_box(qtbot, page)
    assert box.objectName() == "calendarBox" and "これからの会議1件を書き出しました" in box.text()
    box.close()
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and "DTSTART;TZID=Asia/Tokyo:20261128T190000" in text
    assert "LOCATION:安食ふれあいセンター 2階 <会議室A>" in text
    assert path.stat().st_mode & 0o777 == 0o600  # owner-only, as every export and paper
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []


def test_calendar_export_to_a_folder_that_is_gone_says_so_and_writes_nothing(
    meeting: MeetingDetailDTO, page: MeetingsPage, tmp_path: Path, qtbot: QtBot
) -> None:
    path = tmp_path / "消えたフォルダ" / "会議.ics"
    page.write_calendar(path)
    box = calendar_box(qtbot, page)
    assert box.objectName() != "calendarBox"
    assert "消えたフォルダ」がありません。フォルダを作るか、別の場所を指定してください。" in box.text()
    box.close()
    assert not path.parent.exists()


def test_largest_text_size_nothing_clipped(
    db: Database, meeting: MeetingDetailDTO, ctx: AppContext, page: MeetingsPage, qtbot: QtBot, tmp_path: Path
) -> None:
    ctx.set_text_size(TextSize.XLARGE)
    page.resize(1400, 900)
    # Qt carries the new application font to the widgets from the event loop
    qtbot.waitUntil(lambda: page.context_label.fontMetrics().height() >= 22, timeout=3000)
    wait_idle()
    page.reload()
    wait_idle()
    qtbot.wait(100)
    page.grab().save(str(tmp_path / "page-xlarge.png"))
    assert clipped_texts(page) == []
    editor = open_meeting_editor(page, qtbot, meeting.id, reload=False)
    editor.resize(1400, 900)
    qtbot.wait(100)
    editor.grab().save(str(tmp_path / "editor-xlarge.png"))
    assert clipped_texts(editor) == []
    editor.close()
