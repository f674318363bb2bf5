"""DiffView: what changed between two revisions of a manual section, line by line.

Added lines are marked 「＋」 on a green ground, removed lines 「－」 on a red one, so the meaning never
rests on colour alone; unchanged lines around a change are shown plain for context.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QTextBlockFormat, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from sakae_council.gui.palette import MUTED_TEXT

ADDED_BACKGROUND = "#DDF2E2"
ADDED_TEXT = "#17501F"
REMOVED_BACKGROUND = "#FBE3E1"
REMOVED_TEXT = "#8A1C14"


class DiffView(QTextBrowser):
    """Shows a unified diff (as ``services.manual_history.diff_revisions`` returns it) for people, not programs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self.setAccessibleName(self.tr("変更箇所"))
        self.setLineWrapMode(QTextBrowser.LineWrapMode.WidgetWidth)
        self.added = 0
        self.removed = 0

    def set_diff(self, lines: list[str]) -> None:
        self.clear()
        self.added = self.removed = 0
        cursor = QTextCursor(self.document())
        first = True
        body = [ln for ln in lines if not ln.startswith(("---", "+++"))]
        if not body:
            self._line(cursor, self.tr("（二つの版の内容は同じです）"), None, MUTED_TEXT, first)
            return
        for line in body:
            if line.startswith("@@"):
                self._line(cursor, self.tr("⋯"), None, MUTED_TEXT, first)
            elif line.startswith("+"):
                self.added += 1
                self._line(cursor, "＋ " + line[1:], ADDED_BACKGROUND, ADDED_TEXT, first)
            elif line.startswith("-"):
                self.removed += 1
                self._line(cursor, "－ " + line[1:], REMOVED_BACKGROUND, REMOVED_TEXT, first)
            else:
                self._line(cursor, "　 " + line[1:], None, None, first)
            first = False
        self.moveCursor(QTextCursor.MoveOperation.Start)

    @staticmethod
    def _line(
        cursor: QTextCursor, text: str, background: str | None, colour: str | None, first: bool
    ) -> None:
        block = QTextBlockFormat()
        if background:
            block.setBackground(QColor(background))
        char = QTextCharFormat()
        if colour:
            char.setForeground(QColor(colour))
        if first:
            cursor.setBlockFormat(block)
            cursor.setCharFormat(char)
        else:
            cursor.insertBlock(block, char)
        cursor.insertText(text, char)

    def summary(self) -> str:
        """「追加 3行・削除 1行」."""
        return self.tr("追加 {added}行・削除 {removed}行").format(added=self.added, removed=self.removed)
