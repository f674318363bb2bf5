"""Work the user has to wait for (a restore, the closing backup): off the GUI thread, a window that says so.

``run_with_progress(parent, text, fn)`` runs ``fn`` in the thread pool while a small modal window with a
moving bar says ``text``; the window repaints the whole time and cannot be closed half-way. It returns
``fn``'s result, or raises its exception on the GUI thread, so callers read like ordinary code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QProgressDialog, QWidget

from sakae_council.gui.widgets.worker import run_in_background


def tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


class BusyDialog(QProgressDialog):
    """A moving bar and a sentence; Escape and the close button do nothing until the work is done."""

    def __init__(self, text: str, parent: QWidget | None = None, *, title: str = "") -> None:
        super().__init__(text, "", 0, 0, parent)
        self.setObjectName("busyDialog")
        self.setWindowTitle(title or tr("お待ちください"))
        self.setCancelButton(None)  # type: ignore[arg-type]
        self.setAutoClose(False)
        self.setAutoReset(False)
        self.setMinimumDuration(0)
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 24)
        self._finished = False

    def finish(self) -> None:
        self._finished = True
        self.close()

    def reject(self) -> None:
        if self._finished:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finished:
            event.ignore()
            return
        super().closeEvent(event)


def run_with_progress(parent: QWidget | None, text: str, fn: Callable[[], Any], *, title: str = "") -> Any:
    """Run ``fn`` in the background behind a :class:`BusyDialog`; its result, or its exception raised here."""
    dialog = BusyDialog(text, parent, title=title)
    loop = QEventLoop()
    outcome: dict[str, Any] = {}

    def done(result: object) -> None:
        outcome["result"] = result
        loop.quit()

    def failed(exc: BaseException) -> None:
        outcome["error"] = exc
        loop.quit()

    job = run_in_background(fn, done, failed)
    dialog.show()
    if not outcome:  # the signals are queued to this thread: they arrive inside the loop
        loop.exec()
    dialog.finish()
    dialog.deleteLater()
    del job
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
