"""MarkdownEditor: the text of a manual section as typed (Markdown) beside how it will read (preview).

Buttons insert the few Markdown marks the manual uses (太字, 箇条書き, 番号付き, チェック項目, 表), so
nobody has to remember them; the preview follows the typing after a short pause. Qt renders the
preview (GitHub dialect: tables and checklists); the booklet PDF maps the same marks to print styles.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.text import fold_for_search

PREVIEW_DELAY_MS = 250


def render_markdown(document: QTextDocument, text: str) -> None:
    """Show ``text`` (Markdown) in ``document`` the way the preview does."""
    document.setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)


class MarkdownEditor(QWidget):
    """An editor and its preview; ``modificationChanged(bool)`` when the text starts or stops differing
    from what was loaded."""

    modificationChanged = Signal(bool)

    def __init__(self, parent: QWidget | None = None, *, toggle_in_toolbar: bool = True) -> None:
        """``toggle_in_toolbar`` False leaves the 「プレビューを表示」 box (``show_preview``) for the
        caller to place, so the toolbar stays narrow at the largest text size."""
        super().__init__(parent)
        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("markdownEditor")
        self.editor.setAccessibleName(self.tr("本文（Markdown）"))
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.editor.setPlaceholderText(
            self.tr(
                "本文を入力します。行頭の「- 」で箇条書き、「1. 」で番号付き、「- [ ] 」でチェック項目、"
                "**太字**、*強調* になります。"
            )
        )
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("markdownPreview")
        self.preview.setAccessibleName(self.tr("プレビュー"))
        self.preview.setOpenExternalLinks(False)
        self.preview.setOpenLinks(False)

        self.buttons: dict[str, QPushButton] = {}
        tools = QHBoxLayout()
        tools.setSpacing(6)
        for key, text, tip in (
            ("bold", self.tr("太字"), self.tr("選んだ文字を **太字** にします")),
            ("bullet", self.tr("箇条書き"), self.tr("行の先頭に「- 」を付けます")),
            ("numbered", self.tr("番号付き"), self.tr("行の先頭に「1. 」を付けます")),
            ("check", self.tr("チェック"), self.tr("行の先頭に「- [ ] 」を付けます（冊子では□になります）")),
            ("table", self.tr("表"), self.tr("2列の表のひな形を入れます")),
        ):
            button = QPushButton(text, self)
            button.setObjectName(f"md_{key}")
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.clicked.connect(lambda _c=False, k=key: self.apply(k))
            tools.addWidget(button)
            self.buttons[key] = button
        tools.addStretch(1)
        self.show_preview = QCheckBox(self.tr("プレビューを表示"), self)
        self.show_preview.setChecked(True)
        self.show_preview.toggled.connect(self.preview.setVisible)
        if toggle_in_toolbar:
            tools.addWidget(self.show_preview)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.editor)
        self.splitter.addWidget(self.preview)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([1, 1])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(tools)
        layout.addWidget(self.splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        self.editor.textChanged.connect(self._timer.start)
        self.editor.document().modificationChanged.connect(self.modificationChanged)

    # --- text ---------------------------------------------------------------------------------
    def text(self) -> str:
        return self.editor.toPlainText()

    def set_text(self, text: str) -> None:
        """Load ``text`` as the unmodified starting point (undo history cleared)."""
        self.editor.setPlainText(text)
        self.editor.document().setModified(False)
        self.update_preview()

    def is_modified(self) -> bool:
        return self.editor.document().isModified()

    def set_modified(self, modified: bool) -> None:
        self.editor.document().setModified(modified)

    def set_read_only(self, read_only: bool) -> None:
        self.editor.setReadOnly(read_only)
        for button in self.buttons.values():
            button.setEnabled(not read_only)

    def update_preview(self) -> None:
        self._timer.stop()
        bar = self.preview.verticalScrollBar()
        at = bar.value()
        render_markdown(self.preview.document(), self.text())
        bar.setValue(at)

    def preview_text(self) -> str:
        return self.preview.toPlainText()

    # --- finding ------------------------------------------------------------------------------
    def select_match(self, query: str) -> bool:
        """Select the first place matching ``query`` the way search matches (kana, width, spaces
        ignored) and scroll to it; False when it is not in the text."""
        folded = fold_for_search(query)
        if not folded:
            return False
        text = self.text()
        offset = 0
        for line in text.split("\n"):
            pieces = [fold_for_search(ch) for ch in line]
            joined = "".join(pieces)
            at = joined.find(folded)
            if at >= 0:
                start = end = None
                pos = 0
                for i, piece in enumerate(pieces):
                    if start is None and pos + len(piece) > at and piece:
                        start = i
                    pos += len(piece)
                    if start is not None and pos >= at + len(folded):
                        end = i + 1
                        break
                cursor = self.editor.textCursor()
                cursor.setPosition(offset + (start or 0))
                cursor.setPosition(offset + (end or len(line)), QTextCursor.MoveMode.KeepAnchor)
                self.editor.setTextCursor(cursor)
                self.editor.centerCursor()
                return True
            offset += len(line) + 1
        return False

    # --- formatting buttons -------------------------------------------------------------------
    def apply(self, kind: str) -> None:
        """Insert the Markdown mark ``kind`` at the cursor or around the selection."""
        if self.editor.isReadOnly():
            return
        cursor = self.editor.textCursor()
        cursor.beginEditBlock()
        if kind == "bold":
            selected = cursor.selectedText()
            cursor.insertText(f"**{selected or self.tr('太字')}**")
        elif kind == "table":
            cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
            cursor.insertText("\n\n" + self.tr("| 項目 | 内容 |\n|---|---|\n| | |\n"))
        else:
            prefix = {"bullet": "- ", "numbered": "1. ", "check": "- [ ] "}[kind]
            self._prefix_lines(cursor, prefix)
        cursor.endEditBlock()
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def _prefix_lines(self, cursor: QTextCursor, prefix: str) -> None:
        doc = self.editor.document()
        first = doc.findBlock(cursor.selectionStart()).blockNumber()
        last = doc.findBlock(cursor.selectionEnd()).blockNumber()
        number = 1
        for block_no in range(first, last + 1):
            block = doc.findBlockByNumber(block_no)
            line = QTextCursor(block)
            line.movePosition(QTextCursor.MoveOperation.StartOfBlock)
            mark = f"{number}. " if prefix == "1. " else prefix
            if not block.text().startswith(mark):
                line.insertText(mark)
                number += 1
