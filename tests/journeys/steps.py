"""What a person does, step by step, in the journeys: click, choose in a list, type, find the window
that opened, print to a PDF file, read a PDF back. Only keys, clicks and typing reach the program."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pytest
from gui.helpers import type_text
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QMainWindow,
    QTabWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from sakae_council.gui.widgets.print_window import PrintWindow

W = TypeVar("W", bound=QWidget)

#: Drawing a paper in the background (ReportLab, fonts) on a busy two-core machine.
BUILD_MS = 30_000


def click(widget: QWidget, pos: QPoint | None = None) -> None:
    """A left click, in the middle of ``widget`` unless ``pos`` says where."""
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos or widget.rect().center()
    )


def key(
    widget: QWidget | None, k: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key pressed where the keyboard focus is — as on a real keyboard, wherever that is (the active
    window itself when no field has the focus); ``widget`` only says where the journey expects it."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, "no window takes the keyboard"
    if widget is not None and target is not widget and not widget.isAncestorOf(target):
        # Not a failure in itself (a shortcut works from anywhere in its window), but worth knowing.
        assert target.window() is widget.window(), (
            f"the keyboard is in {target!r}, not in {widget.window()!r}"
        )
    QTest.keyClick(target, k, modifier)


def ctrl(widget: QWidget | None, k: Qt.Key) -> None:
    key(widget, k, Qt.KeyboardModifier.ControlModifier)


def click_and_type(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Click into ``field`` and type ``text`` (Japanese as an input method commits it)."""
    click(field)
    assert field.hasFocus(), f"{field!r} did not take the keyboard focus on a click"
    type_text(qtbot, field, text)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the list with a click, move to ``text`` with the arrow keys and press Enter."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not offered: {[combo.itemText(i) for i in range(combo.count())]}"
    click(combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=2000)
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=2000)
    qtbot.wait(50)
    back_to(qtbot, combo.window())  # offscreen, the closed list would keep the activation
    assert combo.currentText() == text


def choose_containing(qtbot: QtBot, combo: QComboBox, part: str) -> str:
    """``choose`` the first entry whose text contains ``part``; returns its whole text."""
    texts = [combo.itemText(i) for i in range(combo.count())]
    text = next((t for t in texts if part in t), None)
    assert text is not None, f"nothing with {part!r} in {texts}"
    choose(qtbot, combo, text)
    return text


def open_tab(tabs: QTabWidget, title: str) -> QWidget:
    """Click the tab called ``title``."""
    index = next((i for i in range(tabs.count()) if tabs.tabText(i) == title), -1)
    assert index >= 0, f"no tab {title!r}"
    bar = tabs.tabBar()
    click(bar, bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    page = tabs.currentWidget()
    assert page is not None
    return page


def click_row(view: QAbstractItemView, row: int, column: int = 0) -> None:
    """Click a row of a table, where a person sees it (scrolled to first, as a person scrolls)."""
    model = view.model()
    index = model.index(row, column)
    view.scrollTo(index)
    click(view.viewport(), view.visualRect(index).center())


def modal(qtbot: QtBot, kind: type[W], timeout: int = 5000) -> W:
    """The window of ``kind`` that has just opened in front (the active modal window)."""
    found: list[W] = []

    def opened() -> bool:
        w = QApplication.activeModalWidget()
        if isinstance(w, kind) and w.isVisible():
            found[:] = [w]
            return True
        return False

    qtbot.waitUntil(opened, timeout=timeout)
    qtbot.waitUntil(found[0].isActiveWindow, timeout=timeout)  # in front, taking the keys
    return found[0]


def closed_by_escape(qtbot: QtBot, dialog: QDialog) -> None:
    """Esc, where the keyboard focus is in ``dialog``; the window must go without asking anything."""
    QTest.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def closed_by_window_button(qtbot: QtBot, dialog: QDialog) -> None:
    """The window manager's close button (×): a close request to the window."""
    handle = dialog.windowHandle()
    assert handle is not None
    handle.close()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)


def back_to(qtbot: QtBot, window: QWidget) -> None:
    """After a dialog closed, the window manager gives the keyboard back to the window under it; the
    offscreen platform has no window manager, so this stands in for it (no program code runs)."""

    def active() -> bool:
        if QApplication.activeWindow() is window:
            return True
        window.activateWindow()
        return False

    qtbot.waitUntil(active, timeout=3000)


#: What the status bar says after every save.
SAVED = re.compile(r"保存しました（\d{2}:\d{2}）")


def status_texts(window: QMainWindow) -> list[str]:
    """Everything the status bar of ``window`` says now."""
    return [label.text() for label in window.statusBar().findChildren(QLabel) if label.isVisible()]


def shows_ink(widget: QWidget) -> bool:
    """Something dark (text, rules) is painted on ``widget`` — a page drawn, not a blank sheet."""
    image = widget.grab().toImage()
    step = 3
    return any(
        image.pixelColor(x, y).lightness() < 100
        for y in range(0, image.height(), step)
        for x in range(0, image.width(), step)
    )


def preview_ready(qtbot: QtBot, dialog: PrintWindow) -> None:
    """Wait until the print window shows the paper's pages: drawn, loaded, and painted in the preview
    (QPdfView renders pages in the background, a moment after the document is loaded)."""
    qtbot.waitUntil(lambda: dialog.page_count() > 0 and not dialog.is_busy(), timeout=BUILD_MS)
    qtbot.waitUntil(lambda: shows_ink(dialog.view.viewport()), timeout=BUILD_MS)


def print_dialog_prints_to(monkeypatch: pytest.MonkeyPatch, target: Callable[[], Path]) -> list[QPrinter]:
    """The system's print dialog (QPrintDialog) cannot be driven offscreen: its ``exec`` is replaced by what
    a person does in it — choose "Print to File (PDF)" (QPrinter.OutputFormat.PdfFormat) with the file
    ``target()`` names, and press 印刷. Everything before and after it is the program's own code.
    Returns the printers the program handed to the dialog."""
    seen: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        seen.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target()))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return seen


def pdf_text(path: Path) -> str:
    """The text of every page of the PDF at ``path``, as pypdf reads it."""
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def flat(text: str) -> str:
    """Text without line breaks and spaces: a long line of a paper may wrap anywhere."""
    return "".join(text.split())
