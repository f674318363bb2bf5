"""Long work the person waits for: a bar, a sentence, and 中止 — never a frozen window, never a nested loop.

Two forms, both fed by :class:`sakae_council.gui.ops.QueryOp` (the work runs on the serial worker):

- :class:`TaskProgress`, a row to put beside the work it is about (the print window's preview, the
  import dialog): bar + 中止 button, hidden while nothing runs.
- :func:`start_with_progress` for work that stands alone (a restore, an erasure, the closing backup): a
  small window over ``parent`` with the sentence, the bar and 中止 (when the work can stop), which closes
  itself when the work ends; the answer arrives in ``on_done`` (or ``on_failed`` / ``on_cancelled``).
  Work that cannot stop half-way (the closing backup) shows no 中止 and cannot be closed until done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.cancel import CancelToken
from sakae_council.gui.ops import Lane, OpHandle, QueryOp
from sakae_council.gui.widgets.messages import show_error


def tr(text: str) -> str:
    return QCoreApplication.translate("Progress", text)


class TaskProgress(QWidget):
    """A bar and 中止 for one long task at a time; ``cancelRequested`` after 中止 was pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("taskProgress")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(self.fontMetrics().horizontalAdvance("あ") * 10)
        self.cancel_button = QPushButton(tr("中止"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setToolTip(tr("この作業をやめます。途中までの結果は残りません。"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self.cancel_button.clicked.connect(self.cancel)
        self._handle: OpHandle | None = None
        self.hide()

    def start(self, handle: OpHandle) -> None:
        """Show the bar (moving until the first step is reported) for the work ``handle`` stands for."""
        self._handle = handle
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def step(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def finish(self) -> None:
        self._handle = None
        self.hide()

    @property
    def running(self) -> bool:
        return self._handle is not None

    def cancel(self) -> None:
        """中止: the work stops at its next check; the bar stays until it has."""
        if self._handle is not None:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)


class BusyDialog(QDialog):
    """The window of :func:`start_with_progress`: closing it (×, Esc) is 中止 when the work can stop."""

    def __init__(self, text: str, parent: QWidget | None, *, title: str, cancellable: bool) -> None:
        super().__init__(parent)
        self.setObjectName("busyDialog")
        self.setWindowTitle(title or tr("お待ちください"))
        self.setWindowModality(
            Qt.WindowModality.WindowModal if parent is not None else Qt.WindowModality.ApplicationModal
        )
        self.label = QLabel(text, self)
        self.label.setWordWrap(True)
        self.task = TaskProgress(self)
        self.task.bar.setMaximumWidth(16777215)
        self.task.cancel_button.setVisible(cancellable)
        self.task.show()
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.task)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 26)
        self._cancellable = cancellable
        self._finished = False

    def finish(self) -> None:
        self._finished = True
        self.close()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self._stop_or_stay()
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self._finished:
            super().reject()
        else:
            self._stop_or_stay()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._finished:
            event.ignore()
            self._stop_or_stay()
            return
        super().closeEvent(event)

    def _stop_or_stay(self) -> None:
        if self._cancellable:
            self.task.cancel()  # the window closes when the work has stopped and cleaned up


def start_with_progress(
    parent: QWidget | None,
    text: str,
    fn: Callable[[CancelToken], Any],
    on_done: Callable[[Any], object],
    *,
    on_failed: Callable[[BaseException], object] | None = None,
    on_cancelled: Callable[[], object] | None = None,
    cancellable: bool = True,
    title: str = "",
    lane: Lane = Lane.DATABASE,
) -> BusyDialog:
    """Run ``fn(token)`` on the worker behind a :class:`BusyDialog`; returns at once (see the module docstring)."""
    token = CancelToken()
    window = BusyDialog(text, parent, title=title, cancellable=cancellable)

    def closing(then: Callable[..., object] | None) -> Callable[..., None]:
        def run(*args: Any) -> None:
            window.finish()  # gone before any message the answer brings
            if then is not None:
                then(*args)

        return run

    op = QueryOp(lambda: fn(token), parent=parent, token=token, lane=lane).progress(window.task.step)
    op.success(closing(on_done)).cancelled(closing(on_cancelled))
    if on_failed is not None:
        op.failure(closing(on_failed))
    else:
        op.failure(closing(lambda exc: show_error(parent, exc)))
    handle = op.run()
    window.task.start(handle)
    window.open()
    return window
