"""Helpers for the data-safety GUI tests: answering a chain of modal dialogs; the real second programs and
the files (people added, names read back, a page damaged) are the storage tests' (tests/db/storage_support.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from sakae_council.gui.widgets.progress import BusyDialog
from tests.db.storage_support import add_people, names_in, overwrite_table_page, start_holder, stop_holder
from tests.db.storage_support import child_env as storage_child_env

__all__ = [  # the storage tests' helpers are the GUI tests' too, imported from here
    "GIVE_UP_MS",
    "POLL_MS",
    "UNEXPECTED_MS",
    "ModalScript",
    "add_people",
    "child_env",
    "choose",
    "click_box_button",
    "dialog_text",
    "names_in",
    "ok",
    "overwrite_table_page",
    "pick_file",
    "start_holder",
    "stop_holder",
]

POLL_MS = 20
#: A modal the script does not expect is closed (and recorded) after this long.
UNEXPECTED_MS = 3_000
#: The script stops watching after this long in any case.
GIVE_UP_MS = 90_000


class ModalScript:
    """Answer the modal dialogs that a blocking call will open, in order.

    ``steps`` are (dialog class, action) pairs; each action gets the dialog when it is the active modal
    window. ``seen`` records (class name, text) of every dialog answered, for the assertions. A dialog
    nobody expected is rejected after a few seconds and named in ``unexpected``, so a test fails instead
    of hanging. ``check()`` ends the watching and asserts that every step ran.
    """

    def __init__(self, steps: list[tuple[type[QWidget], Callable[[Any], None]]]) -> None:
        self.steps = list(steps)
        self.seen: list[tuple[str, str]] = []
        self.errors: list[BaseException] = []
        self.unexpected: list[str] = []
        self._last: QWidget | None = None
        self._stuck = 0
        self._alive = 0
        self._stopped = False
        QTimer.singleShot(0, self._poll)

    @property
    def finished(self) -> bool:
        return not self.steps

    def _poll(self) -> None:
        if self._stopped:
            return
        widget = QApplication.activeModalWidget()
        if isinstance(widget, BusyDialog):  # "please wait" windows close by themselves
            widget = None
        if widget is not None and widget is self._last and widget.isVisible():
            # Answered but still open (its button did not close it): fail the test instead of hanging.
            self._stuck += POLL_MS
            if self._stuck >= UNEXPECTED_MS:
                self.unexpected.append(
                    f"still open after the answer: {type(widget).__name__}: {dialog_text(widget)}"
                )
                self._stuck = 0
                if isinstance(widget, QDialog):
                    widget.reject()
        elif widget is not None and widget is not self._last and widget.isVisible():
            if self.steps and isinstance(widget, self.steps[0][0]):
                _cls, action = self.steps.pop(0)
                self._last = widget
                self._stuck = 0
                self.seen.append((type(widget).__name__, dialog_text(widget)))
                try:
                    action(widget)
                except Exception as exc:  # noqa: BLE001 - reported by check(), and the dialog closed
                    self.errors.append(exc)
                    if isinstance(widget, QDialog):
                        widget.reject()
            else:
                self._stuck += POLL_MS
                if self._stuck >= UNEXPECTED_MS:
                    self.unexpected.append(f"{type(widget).__name__}: {dialog_text(widget)}")
                    self._last = widget
                    self._stuck = 0
                    if isinstance(widget, QDialog):
                        widget.reject()
        self._alive += POLL_MS
        if self._alive < GIVE_UP_MS:
            QTimer.singleShot(POLL_MS, self._poll)

    def check(self) -> None:
        self._stopped = True
        assert not self.errors, self.errors
        assert not self.unexpected, self.unexpected
        assert self.finished, f"dialogs never shown: {[cls.__name__ for cls, _ in self.steps]}"


def dialog_text(widget: QWidget) -> str:
    if isinstance(widget, QMessageBox):
        return widget.text()
    message = getattr(widget, "message", None)
    if message is not None and hasattr(message, "text"):
        return str(message.text())
    return widget.windowTitle()


def click_box_button(text: str) -> Callable[[QMessageBox], None]:
    """An action for ModalScript: press the message box button whose text is ``text``."""

    def press(box: QMessageBox) -> None:
        for button in box.findChildren(QAbstractButton):
            if button.text() == text:
                button.click()
                return
        raise AssertionError(f"no button {text!r} in {[b.text() for b in box.findChildren(QAbstractButton)]}")

    return press


def choose(key: str) -> Callable[[Any], None]:
    """An action for ModalScript: press the ChoiceDialog button for ``key``."""

    def press(dialog: Any) -> None:
        dialog.buttons[key].click()

    return press


def pick_file(path: Path) -> Callable[[QFileDialog], None]:
    """An action for ModalScript: choose ``path`` in a (non-native) file dialog."""

    def pick(dialog: QFileDialog, tries: int = 0) -> None:
        # As a user would: type the whole path into the dialog's file name box, then 開く. (selectFile
        # races with the dialog's background listing of the folder, which may clear the box again.)
        name_box = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name_box is not None
        name_box.setText(str(path))
        if dialog.selectedFiles() != [str(path)] and tries < 100:
            QTimer.singleShot(30, lambda: pick(dialog, tries + 1))
            return
        assert dialog.selectedFiles() == [str(path)], dialog.selectedFiles()
        dialog.done(QDialog.DialogCode.Accepted)

    return pick


def ok(box: QMessageBox) -> None:
    box.accept()


def child_env() -> dict[str, str]:
    """The environment of a child process: this tree's package first, Qt offscreen."""
    env = storage_child_env()
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env
