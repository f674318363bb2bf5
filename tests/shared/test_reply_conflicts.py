"""出欠回答 typed in two windows of two program instances (a SQLite file opened twice, and two logins on
the PostgreSQL server when SAKAE_TEST_PG_URL is set): both secretaries type slips of the same meeting by
keys and save by Ctrl+S; the second meets the two-version dialog naming who saved, and each of its
answers (再読み込み, 上書き, キャンセル by click, by Esc and by the window's ×) leaves in the database, read
back through the services, what it says — never a silent overwrite, never a lost input."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from gui.helpers import TODAY, type_text
from gui.waiting import wait_idle
from notice_town import notice_town
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.replies import Reply
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictDialog
from sakae_council.gui.dialogs.meeting_open import open_replies
from sakae_council.gui.dialogs.meeting_replies import RepliesDialog
from sakae_council.services import meeting_replies

from .conftest import Store


@dataclass
class Seen:
    """What the conflict dialog showed: its rows (項目, mine, saved), explanation, help and headings."""

    rows: list[tuple[str, str, str]]
    explanation: str
    help: str
    headings: list[str]


def answer_conflict(qtbot: QtBot, how: str, seen: list[Seen], shot: Path | None = None) -> None:
    """When the two-version dialog comes up, note what it shows and answer it as a person does:
    a click on 再読み込み / 上書き / キャンセル, Esc, or the window's close button (×)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, act)
            return
        table = dialog.table
        seen.append(
            Seen(
                [tuple(dialog.cell(r, c) for c in range(3)) for r in range(table.rowCount())],  # type: ignore[misc]
                dialog.explanation.text(),
                dialog.help_text.text(),
                [table.horizontalHeaderItem(c).text() for c in range(3)],
            )
        )
        if shot is not None:
            dialog.grab().save(str(shot))
        if how == "escape":
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
        elif how == "close":
            handle = dialog.windowHandle()
            assert handle is not None
            handle.close()
        else:
            QTest.mouseClick(getattr(dialog, how), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


@pytest.fixture()
def instance(qapp: QApplication, tmp_path: Path) -> Callable[[Database], AppContext]:
    def make(db: Database) -> AppContext:
        settings = QSettings(str(tmp_path / f"{db.user}.ini"), QSettings.Format.IniFormat)
        return AppContext(db, settings, today=TODAY)

    return make


HOSTS: list[QWidget] = []  # the windows the replies open over (kept alive for the test)


def open_window(qtbot: QtBot, ctx: AppContext, meeting_id: int) -> RepliesDialog:
    """出欠回答を入力… as the meeting editor opens it: the invitees read on the worker, then the window."""
    host = QWidget()
    qtbot.addWidget(host)
    HOSTS[:] = [*HOSTS[-1:], host]
    shown: list[RepliesDialog] = []
    open_replies(ctx, meeting_id, host, shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    dialog = shown[0]
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def keys(qtbot: QtBot, dialog: RepliesDialog, *presses: str | Qt.Key) -> None:
    """Keys to whatever has the focus in ``dialog``, one after the other."""
    for k in presses:
        target = dialog.focusWidget()
        assert target is not None
        qtbot.keyClick(target, k)
    wait_idle(qtbot)


def save_by_ctrl_s(qtbot: QtBot, dialog: RepliesDialog) -> None:
    target = dialog.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def saved(db: Database, meeting_id: int) -> dict[str, str]:
    """Read back through the service: each person's reply as text."""
    return {i.name: i.reply_text for i in meeting_replies.get_replies(db, meeting_id).invitees}


@pytest.mark.parametrize("how", ["reload_button", "overwrite_button", "cancel_button", "escape", "close"])
def test_the_second_to_save_sees_both_versions_and_gets_what_they_chose(
    qtbot: QtBot, store: Store, instance: Callable[[Database], AppContext], tmp_path: Path, how: str
) -> None:
    yamada, sato = store.open("yamada"), store.open("sato")
    town = notice_town(yamada)  # set-up through the services: 安食's meeting and its seven invitees
    first = open_window(qtbot, instance(yamada), town.meeting)
    second = open_window(qtbot, instance(sato), town.meeting)

    # 山田: 髙橋 1 (出席), 𠮷田 skipped, 相川 2 (欠席); Ctrl+S. Rows: 髙橋, 𠮷田, 相川, 上野, 小川 (委員), staff.
    first.activateWindow()
    qtbot.waitUntil(first.isActiveWindow)
    first.rows[0].reply.setFocus()
    keys(qtbot, first, "1", Qt.Key.Key_Tab, Qt.Key.Key_Tab, "2")
    save_by_ctrl_s(qtbot, first)
    qtbot.waitUntil(lambda: not first.isVisible(), timeout=30_000)
    wait_idle(qtbot)
    assert saved(sato, town.meeting)["髙橋 一郎"] == "出席"

    # 佐藤, on the copy opened before: 髙橋 2 (欠席), 𠮷田 3 (委任) + the proxy; Ctrl+S.
    second.activateWindow()
    qtbot.waitUntil(second.isActiveWindow)
    second.rows[0].reply.setFocus()
    keys(qtbot, second, "2", Qt.Key.Key_Tab, "3", Qt.Key.Key_Tab)
    assert second.focusWidget() is second.rows[1].proxy
    type_text(qtbot, second.rows[1].proxy, "田村 美紀")
    seen: list[Seen] = []
    answer_conflict(qtbot, how, seen, tmp_path / "conflict.png")
    save_by_ctrl_s(qtbot, second)
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    wait_idle(qtbot)

    shown = seen[0]
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
    assert "ここで入力した2名分の回答はそのままです" in second.conflict_note.text.text()
    assert second.summary.text().startswith("回答済 3 / 未回答 4")
    second.activateWindow()  # (offscreen, closing the modal dialog does not give the window back its focus)
    qtbot.waitUntil(second.isActiveWindow)
    save_by_ctrl_s(qtbot, second)
    qtbot.waitUntil(lambda: not second.isVisible(), timeout=30_000)
    wait_idle(qtbot)
    after = saved(sato, town.meeting)
    assert (after["髙橋 一郎"], after["𠮷田 花子"], after["相川 次郎"]) == (
        "欠席",
        "委任（代理人: 田村 美紀）",
        "欠席",
    )
