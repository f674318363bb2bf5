"""After 再読み込み of someone else's save: what happened and what the user had typed, to copy back.

A page whose text can be long (a manual section's 本文) shows the note in a read-only box of a few
lines that scrolls and can be selected and copied, rather than a label that would push the page apart.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from sakae_council.gui.palette import WARNING_BACKGROUND, WARNING_TEXT


class ConflictNoteBox(QPlainTextEdit):
    """Hidden until :meth:`show_message`; :meth:`clear` hides it again."""

    def __init__(self, parent: QWidget | None = None, lines: int = 6) -> None:
        super().__init__(parent)
        self.setObjectName("conflictNote")
        self.setAccessibleName(self.tr("注意"))
        self.setReadOnly(True)
        self.setTabChangesFocus(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # lines wrap
        pal = self.palette()
        pal.setColor(QPalette.ColorRole.Base, QColor(WARNING_BACKGROUND))
        pal.setColor(QPalette.ColorRole.Text, QColor(WARNING_TEXT))
        self.setPalette(pal)
        self.setMaximumHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setPlainText(text)
        self.show()

    def clear(self) -> None:
        super().clear()
        self.hide()

    def message(self) -> str:
        return self.toPlainText() if self.isVisible() else ""
