"""開催通知, 宛名ラベル and 出欠回答 from the meeting editor's 出欠 tab, driven with keys and clicks on a real
database: the slips typed in with digits and Tab, the expected quorum counted as they are chosen, the
notice and labels previewed and saved, the margins remembered, and the day's attendance started from the replies."""

from __future__ import annotations

from pathlib import Path

import pytest
from notice_town import NoticeTown, notice_town
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.domain.replies import Reply
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.labels_print import LabelsPrintWindow
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_replies import RepliesDialog
from sakae_council.gui.dialogs.notice_print import NoticePrintWindow
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.services import meeting_replies

from ..helpers import type_text

BUILD_MS = 30000


@pytest.fixture()
def town(db: Database) -> NoticeTown:
    return notice_town(db)


@pytest.fixture()
def editor(ctx: AppContext, town: NoticeTown, qtbot: QtBot) -> MeetingEditor:
    return open_editor(ctx, town, qtbot)


def open_editor(ctx: AppContext, town: NoticeTown, qtbot: QtBot) -> MeetingEditor:
    """The meeting chosen on the meetings page and opened with Enter, on its 出欠 tab."""
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    wait_idle()
    page.table.select_row(page.meetings_model.row_of(lambda m: m.id == town.meeting))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle()
    ed = page.dialog
    assert isinstance(ed, MeetingEditor)
    qtbot.waitExposed(ed)
    ed.tabs.setCurrentIndex(1)
    wait_idle()
    return ed


def open_replies(qtbot: QtBot, editor: MeetingEditor) -> RepliesDialog:
    qtbot.mouseClick(editor.reply_bar.enter_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = editor.reply_bar.dialog
    assert isinstance(dialog, RepliesDialog)
    qtbot.waitExposed(dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def key(qtbot: QtBot, dialog: QWidget, k: Qt.Key | str) -> None:
    """A key to whatever has the focus in ``dialog``, as the keyboard sends it."""
    target = dialog.focusWidget()
    assert target is not None
    qtbot.keyClick(target, k)
    wait_idle()


def test_slips_are_typed_with_digits_and_tab_and_the_quorum_is_counted_as_they_are(
    db: Database, town: NoticeTown, editor: MeetingEditor, qtbot: QtBot, tmp_path: Path
) -> None:
    bar = editor.reply_bar
    assert bar.summary.text().startswith(
        "回答済 0 / 未回答 7 — 未回答の方の出欠しだい（委員6名中 出席・委任 0名、成立には4名）"
    )
    assert not bar.fill_button.isEnabled(), "nothing to fill from yet"
    dialog = open_replies(qtbot, editor)
    assert dialog.focusWidget() is dialog.rows[0].reply, "the first slip takes the keys at once"
    # 髙橋 1 (出席), 𠮷田 3 (委任) + the proxy's name, 相川 1, 上野 2 (欠席), 小川 1.
    key(qtbot, dialog, "1")
    key(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.rows[1].reply, "Tab skips a proxy field that is not needed"
    key(qtbot, dialog, "3")
    key(qtbot, dialog, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.rows[1].proxy
    type_text(qtbot, dialog.rows[1].proxy, "田村 美紀")
    for digit in ("1", "2", "1"):
        key(qtbot, dialog, Qt.Key.Key_Tab)
        key(qtbot, dialog, digit)
    assert dialog.summary.text().startswith(
        "回答済 5 / 未回答 2 — 成立見込み（委員6名中 出席・委任 4名、成立には4名）"
    )
    dialog.grab().save(str(tmp_path / "replies.png"))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)

    saved = {i.name: i for i in meeting_replies.get_replies(db, town.meeting).invitees}  # read back
    assert saved["𠮷田 花子"].reply is Reply.PROXY and saved["𠮷田 花子"].proxy_name == "田村 美紀"
    assert saved["上野 三郎"].reply is Reply.ABSENT and saved["木村 四郎"].reply is None
    qtbot.waitUntil(lambda: bar.summary.text().startswith("回答済 5 / 未回答 2 — 成立見込み"), timeout=10_000)

    # On the day: the rows still 未確認 start from the replies; the secretary then corrects one.
    qtbot.mouseClick(bar.fill_button, Qt.MouseButton.LeftButton)
    wait_idle()
    rows = {r.data.name: r for r in editor.attendance.rows}
    assert rows["髙橋 一郎"].status() is AttendanceStatus.PRESENT
    assert (
        rows["𠮷田 花子"].status() is AttendanceStatus.PROXY and rows["𠮷田 花子"].proxy.text() == "田村 美紀"
    )
    assert rows["上野 三郎"].status() is AttendanceStatus.ABSENT
    assert rows["木村 四郎"].status() is AttendanceStatus.UNCONFIRMED, "no reply: not assumed"
    assert "5名の出欠に回答を入れました" in bar.note.text()
    assert editor.attendance.quorum.text().startswith("委員 6名中 4名出席")


def test_a_proxy_without_a_name_is_shown_under_its_row_and_nothing_is_saved(
    db: Database, town: NoticeTown, editor: MeetingEditor, qtbot: QtBot
) -> None:
    dialog = open_replies(qtbot, editor)
    # 髙橋 left as it is (only the replies chosen are sent: the error still lands under 𠮷田's row)
    key(qtbot, dialog, Qt.Key.Key_Tab)
    key(qtbot, dialog, "3")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.rows[1].error.message() == "𠮷田 花子さんは「委任」です。代理人の氏名を入力してください。"
    assert dialog.focusWidget() is dialog.rows[1].proxy
    assert meeting_replies.get_replies(db, town.meeting).replied == 0  # read back: all or nothing
    # Esc asks before the typed replies are lost.
    from ..helpers import close_discarding

    close_discarding(qtbot, dialog)


def click_box(qtbot: QtBot, box: QWidget) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    wait_idle()


def test_the_notice_prints_names_alone_unless_addresses_are_chosen(
    town: NoticeTown, editor: MeetingEditor, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.mouseClick(editor.reply_bar.notice_button, Qt.MouseButton.LeftButton)
    wait_idle()
    window = editor.reply_bar.dialog
    assert isinstance(window, NoticePrintWindow)
    qtbot.waitUntil(lambda: window.pdf_path is not None, timeout=BUILD_MS)
    assert not window.addresses.isChecked(), "an address goes on paper only on purpose"
    assert window.page_count() == 7 and not window.warning.isVisible()
    with qtbot.waitSignal(window.built, timeout=BUILD_MS):
        click_box(qtbot, window.addresses)
    assert window.page_count() == 7, "6 letters and the page naming who got none"
    assert "住所が登録されていない方（小川 幸子）には通知を印刷しません" in window.warning.message()
    out = tmp_path / "notice.pdf"
    assert window.save_as(out)
    pages = [p.extract_text() for p in PdfReader(str(out)).pages]
    assert "〒270-1513" in pages[1] and "小川 幸子" in pages[-1]
    window.grab().save(str(tmp_path / "notice-window.png"))

    # 選んだ方だけ: nobody ticked yet says so under the list; Space ticks the 2nd and 3rd person.
    window.people.setFocus()
    qtbot.keyClick(window.people, Qt.Key.Key_End)
    wait_idle()
    assert window.people.value() == "chosen" and window.chosen.isVisible()
    qtbot.waitUntil(
        lambda: "チェックを入れてください" in window.form.row("chosen").error.message(), timeout=3000
    )
    window.chosen.setFocus()
    with qtbot.waitSignal(window.built, timeout=BUILD_MS):
        for k in (Qt.Key.Key_Down, Qt.Key.Key_Space, Qt.Key.Key_Down, Qt.Key.Key_Space):
            qtbot.keyClick(window.chosen, k)
            wait_idle()
    assert window.checked_people() == [town.people["𠮷田 花子"], town.people["相川 次郎"]]
    assert window.page_count() == 2, "a letter each for the two chosen"
    window.windowHandle().close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_labels_remember_their_margins_per_sheet_and_honour_the_start(
    ctx: AppContext, town: NoticeTown, editor: MeetingEditor, qtbot: QtBot, tmp_path: Path
) -> None:
    qtbot.mouseClick(editor.reply_bar.labels_button, Qt.MouseButton.LeftButton)
    wait_idle()
    window = editor.reply_bar.dialog
    assert isinstance(window, LabelsPrintWindow)
    qtbot.waitUntil(lambda: window.pdf_path is not None, timeout=BUILD_MS)
    assert (window.top.value(), window.left.value()) == (21.6, 18.6), "the 12-label sheet's own margins"
    assert "小川 幸子" in window.warning.message()
    window.sheet.setFocus()
    with qtbot.waitSignal(window.built, timeout=BUILD_MS):
        qtbot.keyClick(window.sheet, Qt.Key.Key_Down)  # 24面
        wait_idle()
    assert window.sheet.value() == 24 and window.start.maximum() == 24
    assert (window.top.value(), window.left.value()) == (12.9, 6.0)
    window.top.setFocus()
    with qtbot.waitSignal(window.built, timeout=BUILD_MS):
        qtbot.keyClick(window.top, Qt.Key.Key_Up)  # one step of 0.5 mm
        wait_idle()
        qtbot.keyClick(window.left, Qt.Key.Key_Down)
        wait_idle()
        window.start.selectAll()
        type_text(qtbot, window.start, "24")
    assert (window.top.value(), window.left.value(), window.start.value()) == (13.4, 5.5, 24)
    out = tmp_path / "labels.pdf"
    assert window.save_as(out)
    assert len(PdfReader(str(out)).pages) == 2, "label 24 of the first sheet, then five on a second"
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()

    # the next time, on the same computer (not qtbot.addWidget: closed, it deletes itself)
    again = LabelsPrintWindow(ctx, town.meeting)
    assert (again.top.value(), again.left.value()) == (21.6, 18.6), "the 12-label sheet untouched"
    again.sheet.set_value(24)
    wait_idle()
    assert (again.top.value(), again.left.value()) == (13.4, 5.5), "the 24-label sheet as it was set"
    again.reject()  # tidying up: the window's own closing is tested above


@pytest.mark.parametrize("size", [TextSize.MEDIUM, TextSize.XLARGE])
def test_the_reply_line_and_dialog_fit_at_every_text_size(
    ctx: AppContext, town: NoticeTown, qtbot: QtBot, tmp_path: Path, size: TextSize
) -> None:
    from ..helpers import clipped_texts

    apply_text_size(size)  # chosen before the windows open, as the setting is read at start
    editor = open_editor(ctx, town, qtbot)
    editor.resize(1366, 740)
    qtbot.wait(50)
    editor.grab().save(str(tmp_path / f"editor-{size.name}.png"))
    assert clipped_texts(editor.reply_bar) == []
    dialog = open_replies(qtbot, editor)
    dialog.grab().save(str(tmp_path / f"replies-{size.name}.png"))
    assert clipped_texts(dialog) == []
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    for button in (editor.reply_bar.notice_button, editor.reply_bar.labels_button):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_idle()
        window = editor.reply_bar.dialog
        assert isinstance(window, NoticePrintWindow | LabelsPrintWindow)
        qtbot.waitUntil(lambda w=window: w.pdf_path is not None, timeout=BUILD_MS)
        window.resize(window.width(), min(window.height(), 740))  # a 1366×768 laptop
        qtbot.wait(50)
        window.grab().save(str(tmp_path / f"{type(window).__name__}-{size.name}.png"))
        assert window.minimumSizeHint().height() <= 740, "fits a 1366×768 laptop"
        assert clipped_texts(window) == [] and window.view.height() >= window.fontMetrics().lineSpacing() * 5
        QTest.keyClick(window, Qt.Key.Key_Escape)
        assert not window.isVisible()


def test_a_whole_districts_labels_from_the_roster_page(
    ctx: AppContext, town: NoticeTown, qtbot: QtBot, tmp_path: Path
) -> None:
    from sakae_council.gui.pages.roster import RosterPage

    page = RosterPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    qtbot.mouseClick(page.labels_button, Qt.MouseButton.LeftButton)
    wait_idle()
    window = next(w for w in page.findChildren(LabelsPrintWindow) if w.isVisible())
    qtbot.waitUntil(lambda: window.pdf_path is not None, timeout=BUILD_MS)
    assert window.district.currentText() == "安食小学校区"
    window.order.setFocus()
    with qtbot.waitSignal(window.built, timeout=BUILD_MS):
        qtbot.keyClick(window.order, Qt.Key.Key_Down)  # 五十音順
        wait_idle()
    out = tmp_path / "district.pdf"
    assert window.save_as(out)
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    names = ["相川 次郎", "上野 三郎", "加藤 京子", "木村 四郎", "髙橋 一郎", "𠮷田 花子"]
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names), "五十音順"
    assert "小川 幸子" not in text and "小川 幸子" in window.warning.message()
    closed = window.windowHandle()
    assert closed is not None
    closed.close()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3000)


def test_the_meetings_page_opens_them_for_the_chosen_meeting(
    ctx: AppContext, town: NoticeTown, qtbot: QtBot
) -> None:
    from ..helpers import visible_error_boxes

    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    page.reload()
    wait_idle()
    page.table.clearSelection()
    page.table.setCurrentIndex(page.table.model().index(-1, -1))
    wait_idle()
    assert page.current_item() is None
    qtbot.mouseClick(page.notice_button, Qt.MouseButton.LeftButton)
    wait_idle()
    boxes = visible_error_boxes(page)
    assert [b.text() for b in boxes] == ["会議を一覧から選んでください。"]
    QTest.keyClick(boxes[0], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not boxes[0].isVisible(), timeout=3000)
    page.table.select_row(page.meetings_model.row_of(lambda m: m.id == town.meeting))
    for button, kind in (
        (page.replies_button, RepliesDialog),
        (page.notice_button, NoticePrintWindow),
        (page.labels_button, LabelsPrintWindow),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        wait_idle()
        dialog = page.dialog
        assert isinstance(dialog, kind) and dialog.isVisible()
        qtbot.waitUntil(lambda d=dialog: not getattr(d, "is_busy", lambda: False)(), timeout=BUILD_MS)
        QTest.keyClick(dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible(), timeout=3000)
