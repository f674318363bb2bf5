"""出欠回答 typed in two windows of two program instances (a SQLite file opened twice, and two logins on
the PostgreSQL server when SAKAE_TEST_PG_URL is set): both secretaries type slips of the same meeting by
keys and save by Ctrl+S; the second meets the two-version dialog naming who saved, and each of its
answers (再読み込み, 上書き, キャンセル by click, by Esc and by the window's ×) leaves in the database, read
back through the services, what it says — never a silent overwrite, never a lost input."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.helpers import type_text
from gui.thread_guard import queries_off_gui_thread
from gui.waiting import wait_idle
from notice_town import notice_town
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.replies import Reply
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_open import open_replies
from sakae_council.gui.dialogs.meeting_replies import RepliesDialog
from sakae_council.services import meeting_replies

from .conftest import Store
from .two_windows import (
    ANSWERS,
    Seen,
    activate,
    answer_conflict,
    app_context,
    conflict_answered,
    keys,
    open_window,
    save_by_ctrl_s,
)


def open_replies_window(qtbot: QtBot, ctx: AppContext, meeting_id: int) -> RepliesDialog:
    """出欠回答を入力… as the meeting editor opens it: the invitees read on the worker, then the window."""
    return open_window(qtbot, lambda host, show: open_replies(ctx, meeting_id, host, show))


def saved(db: Database, meeting_id: int) -> dict[str, str]:
    """Read back through the service: each person's reply as text."""
    return {i.name: i.reply_text for i in meeting_replies.get_replies(db, meeting_id).invitees}


@pytest.mark.parametrize("programs", ["two programs", "one program"])
@pytest.mark.parametrize("how", ANSWERS)
def test_the_second_to_save_sees_both_versions_and_gets_what_they_chose(
    qtbot: QtBot, store: Store, tmp_path: Path, how: str, programs: str
) -> None:
    yamada = store.open("yamada")
    # Two program instances (logins yamada and sato), or two windows of one program (both yamada).
    sato = store.open("sato") if programs == "two programs" else yamada
    town = notice_town(yamada)  # set-up through the services: 安食's meeting and its seven invitees
    first = open_replies_window(qtbot, app_context(yamada, tmp_path), town.meeting)
    second = open_replies_window(qtbot, app_context(sato, tmp_path), town.meeting)

    # 山田: 髙橋 1 (出席), 𠮷田 skipped, 相川 2 (欠席); Ctrl+S. Rows: 髙橋, 𠮷田, 相川, 上野, 小川 (委員), staff.
    activate(qtbot, first)
    first.rows[0].reply.setFocus()
    keys(qtbot, first, "1", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "2")
    save_by_ctrl_s(qtbot, first)
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=30_000)
    wait_idle(qtbot)
    assert saved(sato, town.meeting)["髙橋 一郎"] == "出席"

    # 佐藤, on the copy opened before: 髙橋 2 (欠席), 𠮷田 3 (委任) + the proxy; Ctrl+S.
    activate(qtbot, second)
    second.rows[0].reply.setFocus()
    keys(qtbot, second, "2", Qt.Key.Key_Tab, "3", Qt.Key.Key_Tab)
    assert second.focusWidget() is second.rows[1].proxy
    type_text(qtbot, second.rows[1].proxy, "田村 美紀")
    seen: list[Seen] = []
    with queries_off_gui_thread(sato):  # the save, the conflict's reads and the answer: all on the worker
        answer_conflict(qtbot, how, seen, tmp_path / "conflict.png")
        save_by_ctrl_s(qtbot, second)
        shown = conflict_answered(qtbot, seen)
    assert shown.rows == [
        ("★ 髙橋 一郎", "欠席", "出席"),
        ("★ 𠮷田 花子", "委任（代理人: 田村 美紀）", "未回答"),
    ], "the people whose reply was chosen in this window: mine beside what is saved"
    assert (
        "この会議の出欠回答は、あなたが編集している間に、ほかの人が変更して保存しました。"
        in shown.explanation
    )
    assert "yamada が 令和" in shown.explanation, "who saved, from the audit trail"
    assert shown.headings[1:] == ["あなたの入力", "いま保存されている内容"]
    assert "ここで入力した回答はそのまま残ります" in shown.help

    after = saved(sato, town.meeting)
    if how == "overwrite_button":
        qtbot.waitUntil(lambda: not second.isVisible(), timeout=30_000)
        wait_idle(qtbot)
        after = saved(sato, town.meeting)
        assert after["髙橋 一郎"] == "欠席" and after["𠮷田 花子"] == "委任（代理人: 田村 美紀）"
        assert after["相川 次郎"] == "欠席", "山田's reply for a person 佐藤 did not touch stays"
        return
    assert second.isVisible(), "the window stays, with what was typed"
    assert after == {**after, "髙橋 一郎": "出席", "𠮷田 花子": "未回答", "相川 次郎": "欠席"}, (
        "nothing written"
    )
    assert second.rows[0].reply.value() is Reply.ABSENT
    assert second.rows[1].reply.value() is Reply.PROXY and second.rows[1].proxy.text() == "田村 美紀"
    if how != "reload_button":
        assert second.rows[2].reply.value() is None, "キャンセル reads nothing in"
        assert not second.conflict_note.isVisible() if hasattr(second, "conflict_note") else True
        return
    # 再読み込み: 山田's 相川 comes in, 佐藤's two choices stay; the note says so; Ctrl+S then saves them.
    assert second.rows[2].reply.value() is Reply.ABSENT
    assert "ここで入力した回答（髙橋 一郎、𠮷田 花子）はそのままです" in second.conflict_note.text.text()
    assert second.summary.text().startswith("回答済 3 / 未回答 4")
    activate(qtbot, second)  # (offscreen, closing the modal dialog does not give the window back its focus)
    save_by_ctrl_s(qtbot, second)
    qtbot.waitUntil(lambda: not second.isVisible(), timeout=30_000)
    wait_idle(qtbot)
    after = saved(sato, town.meeting)
    assert (after["髙橋 一郎"], after["𠮷田 花子"], after["相川 次郎"]) == (
        "欠席",
        "委任（代理人: 田村 美紀）",
        "欠席",
    )
