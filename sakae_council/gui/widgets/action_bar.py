"""ActionBar: the row of secondary actions of a list page (ステータス変更…, 書き出し…), under its filters.

The title line keeps only the primary action at the top right; at 特大 a title line with five more
buttons would be cut off, so the others sit on a line of their own, just above the list they act on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.list_page import ListPage


class ActionBar(QWidget):
    """Buttons left-aligned in one row; ``add_button`` returns the button for enabling and tests."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(0, 0, 0, 0)
        self._row.addStretch(1)

    def add_button(self, text: str, slot: Any, *, name: str = "", edits: bool = True) -> QPushButton:
        """``edits=False`` for an action that only reads (印刷, 空き状況); the others are disabled while read-only."""
        button = QPushButton(text, self)
        if name:
            button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        self.add_widget(button)
        if edits:
            edit_guard.mark_edit(button)
        return button

    def add_widget(self, widget: QWidget) -> None:
        self._row.insertWidget(self._row.count() - 1, widget)


def add_action_bar(page: ListPage) -> ActionBar:
    """Put an ActionBar into ``page`` between its filters and its list."""
    bar = ActionBar(page)
    bar.setObjectName("actionBar")
    layout = page.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(layout.indexOf(page.undo_bar), bar)
    return bar
