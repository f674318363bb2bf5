"""NoteEdit: a few lines of free text in a form, where Tab moves on instead of typing a tab."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget


class NoteEdit(QPlainTextEdit):
    """``lines`` tall at the current text size; ``text()`` / ``setText()`` like a QLineEdit."""

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)
