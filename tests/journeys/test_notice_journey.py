"""Journey: a council's secretary posts the 開催通知 of the next meeting, records the replies and opens the
meeting on the day with attendance started from them — on the real main window over a copy of the demo
town, by keys, clicks and typing only.

The demo's next meeting of 安食小学校区 (令和8年12月5日) has replies from most members already. The
secretary prints the notice for those who have not answered (with addresses, for the post) and their
address labels on a sheet of 24, types the replies that came back, and on the day fills the attendance
from the replies, corrects the one member who did not come after all, and saves. Services only find the
meeting and read the results back (said where they do).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from gui.waiting import wait_idle
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from sakae_council.domain.enums import AttendanceStatus
from sakae_council.domain.replies import Reply
from sakae_council.gui.dialogs.labels_print import LabelsPrintWindow
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_replies import RepliesDialog
from sakae_council.gui.dialogs.notice_print import NoticePrintWindow
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.services import meeting_bodies, meeting_replies, meetings

from .conftest import Shots
from .steps import (
    SAVED,
    back_to,
    choose,
    click,
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


def next_meeting(window: MainWindow) -> int:
    """Set-up read: the demo's next meeting of 安食's council (the one with replies)."""
    db = window.ctx.db
    body = next(b for b in meeting_bodies.list_bodies(db) if b.district_name == "安食小学校区")
    upcoming = [m for m in meetings.list_meetings(db, body_id=body.id) if m.held_on > date(2026, 11, 28)]
    return min(upcoming, key=lambda m: m.held_on).id


def test_journey_secretary_posts_the_notice_records_replies_and_opens_the_meeting(
    qtbot: QtBot, window: MainWindow, shots: Shots, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting_id = next_meeting(window)
    before = meeting_replies.get_replies(
        window.ctx.db, meeting_id, with_addresses=True
    )  # read: the demo's replies
    silent = [i for i in before.invitees if i.reply is None]
    assert silent and before.replied, "the demo has answered and unanswered members"

    # 会議・議事録 (Ctrl+6), the meeting clicked, Enter: its editor; the 出欠 tab.
    ctrl(window, Qt.Key.Key_6)
    page = window.current_page()
    assert isinstance(page, MeetingsPage)
    qtbot.waitUntil(lambda: page.meetings_model.rowCount() > 0)
    click_row(page.table, page.meetings_model.row_of(lambda m: m.id == meeting_id))
    key(page.table, Qt.Key.Key_Return)
    editor = modal(qtbot, MeetingEditor)
    open_tab(editor.tabs, "出欠")
    bar = editor.reply_bar
    assert bar.summary.text().startswith(f"回答済 {before.replied} / 未回答 {before.unreplied} — ")
    shots("出欠の回答", editor)

    # 開催通知を印刷…: to those who have not answered, with their addresses, printed (Ctrl+P) to a file.
    printed: list[Path] = []
    print_dialog_prints_to(monkeypatch, lambda: printed[-1])
    click(bar.notice_button)
    notice = modal(qtbot, NoticePrintWindow)
    preview_ready(qtbot, notice)
    assert not notice.addresses.isChecked()
    choose(qtbot, notice.people, "まだ回答のない方だけ")
    click(notice.addresses, QPoint(8, notice.addresses.height() // 2))
    assert notice.addresses.isChecked()
    preview_ready(qtbot, notice)
    qtbot.waitUntil(lambda: not notice.is_busy(), timeout=30_000)
    shots("開催通知", notice)
    printed.append(tmp_path / "notice.pdf")
    with qtbot.waitSignal(notice.printed, timeout=10_000):
        ctrl(notice, Qt.Key.Key_P)
    text = flat(pdf_text(printed[-1]))
    addressed = [i for i in silent if i.has_address]
    for person in addressed:
        assert flat(f"{person.name}　様") in text and flat(person.address) in text
    assert text.count("いずれかに○をつけてください") == len(addressed), (
        "one letter (one slip) per addressed member"
    )
    unaddressed = [i for i in silent if not i.has_address]
    if unaddressed:
        assert "住所が登録されていない" in notice.warning.message()
    closed_by_escape(qtbot, notice)
    back_to(qtbot, editor)

    # 宛名ラベルを印刷…: the same people on a sheet of 24, printed, closed by the window's ×.
    click(bar.labels_button)
    labels = modal(qtbot, LabelsPrintWindow)
    preview_ready(qtbot, labels)
    choose(qtbot, labels.people, "まだ回答のない方だけ")
    choose(qtbot, labels.sheet, "24面（66.0 × 33.9 mm）")
    preview_ready(qtbot, labels)
    qtbot.waitUntil(lambda: not labels.is_busy(), timeout=30_000)
    shots("宛名ラベル", labels)
    printed.append(tmp_path / "labels.pdf")
    with qtbot.waitSignal(labels.printed, timeout=10_000):
        ctrl(labels, Qt.Key.Key_P)
    label_text = flat(pdf_text(printed[-1]))
    assert all(flat(f"〒{p.postal_code}") in label_text for p in addressed)
    closed_by_window_button(qtbot, labels)
    back_to(qtbot, editor)

    # The slips come back: 出欠回答を入力…, Tab down to each unanswered member, a digit each
    # (1 出席, the last one 2 欠席), Ctrl+S.
    click(bar.enter_button)
    replies = modal(qtbot, RepliesDialog)
    wanted = {i.person_id for i in silent}
    last = max(i for i, r in enumerate(replies.rows) if r.invitee.person_id in wanted)
    for index, row in enumerate(replies.rows):
        assert replies.focusWidget() is row.reply
        if row.invitee.person_id in wanted:
            key(row.reply, Qt.Key.Key_2 if index == last else Qt.Key.Key_1)
        if index < len(replies.rows) - 1:
            key(row.reply, Qt.Key.Key_Tab)
            if replies.focusWidget() is row.proxy:  # a 委任 row: its proxy's name comes next
                key(row.proxy, Qt.Key.Key_Tab)
    assert replies.summary.text().startswith(f"回答済 {len(replies.rows)} / 未回答 0 — 成立見込み")
    shots("出欠回答", replies)
    ctrl(replies, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not replies.isVisible(), timeout=5000)
    back_to(qtbot, editor)
    # the bar counts the replies again on the database worker once the window has saved: a person sees it change
    done = f"回答済 {len(replies.rows)} / 未回答 0 — 成立見込み"
    qtbot.waitUntil(lambda: bar.summary.text().startswith(done), timeout=10_000)
    after = {
        i.person_id: i for i in meeting_replies.get_replies(window.ctx.db, meeting_id).invitees
    }  # read back
    assert all(after[pid].reply in (Reply.PRESENT, Reply.ABSENT) for pid in wanted)

    # On the day: 回答から出欠を入れる; one member who said 出席 did not come (欠席 clicked); Ctrl+S.
    assert all(r.status() is AttendanceStatus.UNCONFIRMED for r in editor.attendance.rows if r.data.person_id)
    click(bar.fill_button)
    wait_idle(qtbot)  # the replies are read again on the database worker
    rows = {r.data.person_id: r for r in editor.attendance.rows if r.data.person_id}
    for pid, reply in after.items():
        if pid in rows and reply.reply is not None:
            assert rows[pid].status() is reply.reply.attendance
    no_show = next(pid for pid, r in after.items() if r.reply is Reply.PRESENT and pid in rows)
    click(rows[no_show].buttons[AttendanceStatus.ABSENT])
    shots("当日の出欠", editor)
    ctrl(editor, Qt.Key.Key_S)
    wait_idle(
        qtbot
    )  # saved on the database worker (the status line said 保存しました already, for the replies)
    qtbot.waitUntil(lambda: any(SAVED.fullmatch(t) for t in status_texts(window)), timeout=5000)
    saved = {a.person_id: a for a in meetings.get_meeting(window.ctx.db, meeting_id).attendance}  # read back
    assert saved[no_show].status is AttendanceStatus.ABSENT
    proxies = [pid for pid, r in after.items() if r.reply is Reply.PROXY and pid in saved]
    assert proxies and all(
        saved[p].status is AttendanceStatus.PROXY and saved[p].proxy_name == after[p].proxy_name
        for p in proxies
    )
    assert all(
        saved[pid].status is r.reply.attendance
        for pid, r in after.items()
        if pid != no_show and r.reply and pid in saved
    )
    click(editor.close_button)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=3000)
    QTest.qWait(10)
