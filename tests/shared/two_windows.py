"""Two windows of two program instances on one data store, driven as two people drive them: each window
opened the way its page opens it, keys to whatever has the focus, Ctrl+S, and the two-version dialog
answered by a click, by Esc or by the window's close button (×), with what it showed noted first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from gui.helpers import TODAY
from gui.waiting import wait_idle
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictDialog

W = TypeVar("W", bound=QWidget)

#: ``answer_conflict``'s ways of answering: its buttons by name, Esc, and the window's ×.
ANSWERS = ["reload_button", "overwrite_button", "cancel_button", "escape", "close"]
_HOSTS: list[QWidget] = []  # the windows the editors open over, kept alive while the test runs


@dataclass
class Seen:
    """What the two-version dialog showed: its rows (項目, mine, saved), explanation, help and headings."""

    rows: list[tuple[str, str, str]]
    explanation: str
    help: str
    headings: list[str]
    #: The scroll bar reaches the bottom of the last row (a long text is one tall row).
    reaches_end: bool


def app_context(db: Database, folder: Path) -> AppContext:
    """One program instance's context (its own settings file) on ``db``."""
    settings = QSettings(str(folder / f"{db.user}.ini"), QSettings.Format.IniFormat)
    return AppContext(db, settings, today=TODAY)


def open_window(qtbot: QtBot, opener: Callable[[QWidget, Callable[[W], object]], None]) -> W:
    """``opener(parent, show)`` as the page calls it (data read on the worker), then the window shown and active."""
    host = QWidget()
    qtbot.addWidget(host)
    _HOSTS[:] = [*_HOSTS[-3:], host]
    shown: list[W] = []
    opener(host, shown.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=30_000)
    window = shown[0]
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


def activate(qtbot: QtBot, window: QWidget) -> None:
    """The person clicks into ``window`` (offscreen, a window is not made active by itself)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def keys(qtbot: QtBot, window: QWidget, *presses: str | Qt.Key) -> None:
    """Keys to whatever has the focus in ``window``, one after the other."""
    for k in presses:
        target = window.focusWidget()
        assert target is not None
        qtbot.keyClick(target, k)
    wait_idle(qtbot)


def save_by_ctrl_s(qtbot: QtBot, window: QWidget) -> None:
    target = window.focusWidget()
    assert target is not None
    qtbot.keyClick(target, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def answer_conflict(qtbot: QtBot, how: str, seen: list[Seen], shot: Path | None = None) -> None:
    """When the two-version dialog comes up, note what it shows (and grab it to ``shot``), then answer
    it as a person does: a click on 再読み込み / 上書き / キャンセル, Esc, or the window's ×."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, act)
            return
        table = dialog.table
        headings = [table.horizontalHeaderItem(c) for c in range(3)]
        rows_height = sum(table.rowHeight(r) for r in range(table.rowCount()))
        bar = table.verticalScrollBar()
        seen.append(
            Seen(
                [tuple(dialog.cell(r, c) for c in range(3)) for r in range(table.rowCount())],  # type: ignore[misc]
                dialog.explanation.text(),
                dialog.help_text.text(),
                [h.text() if h is not None else "" for h in headings],
                bar.maximum() + table.viewport().height() >= rows_height,
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


def conflict_answered(qtbot: QtBot, seen: list[Seen]) -> Seen:
    """Wait for the dialog to have been shown and answered, and for what the answer started."""
    qtbot.waitUntil(lambda: bool(seen), timeout=30_000)
    wait_idle(qtbot)
    return seen[0]
