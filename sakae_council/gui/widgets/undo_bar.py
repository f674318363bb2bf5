"""UndoBar: 「…を削除しました。」 with a 元に戻す button, shown after a delete until the next action."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from sakae_council.gui.palette import WARNING_BACKGROUND, WARNING_TEXT, set_background, set_text_colour


class UndoBar(QFrame):
    """A one-line message bar with a 元に戻す button (also Ctrl+Z on the page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("UndoBar")
        set_background(self, WARNING_BACKGROUND)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        set_text_colour(self.message, WARNING_TEXT)
        self.undo_button = QPushButton(self.tr("元に戻す"), self)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self._undo: Callable[[], None] | None = None
        self.undo_button.clicked.connect(self.undo)
        self.close_button.clicked.connect(self.dismiss)
        self.hide()

    def offer(self, message: str, undo: Callable[[], None]) -> None:
        self.message.setText(message)
        self._undo = undo
        self.show()

    def undo(self) -> None:
        action, self._undo = self._undo, None
        self.hide()
        if action is not None:
            action()

    def can_undo(self) -> bool:
        return self._undo is not None

    def dismiss(self) -> None:
        self._undo = None
        self.hide()
