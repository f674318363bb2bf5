"""RecordSection: a titled table of child records (partners, milestones, loans...) with 追加 / 編集 / 削除.

The section does not know the records: it shows a model, and says which row the user wants to add,
edit or remove through signals; the owner calls the service and hands the new rows back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sakae_council.gui.models.table import DtoTableModel
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel


class RecordSection(QWidget):
    """Title, table, buttons and an error line; Enter edits, Delete removes, as in every list."""

    addRequested = Signal()
    editRequested = Signal(object)
    removeRequested = Signal(object)

    def __init__(
        self,
        title: str,
        model: DtoTableModel[Any],
        *,
        add_text: str = "",
        remove_text: str = "",
        hint: str = "",
        editable: bool = True,
        min_rows: int = 3,
        max_rows: int = 8,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._min_rows, self._max_rows = min_rows, max_rows
        self.title = TitleLabel(title, self, factor=1.1)
        self.table = DataTable(self)
        self.table.setModel(model)
        self.title.setBuddy(self.table)
        self.add_button = QPushButton(add_text or self.tr("追加…"), self)
        self.edit_button = QPushButton(self.tr("編集…"), self)
        self.remove_button = QPushButton(remove_text or self.tr("削除"), self)
        self.buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setAutoDefault(False)
            self.buttons.addWidget(b)
        self.edit_button.setVisible(editable)
        edit_guard.mark_edit(self.add_button, self.remove_button)
        self.buttons.addStretch(1)
        self.error = MessageLine("error", self)
        layout = self._layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        if hint:
            layout.addWidget(MutedLabel(hint, self))
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self._add)
        self.edit_button.clicked.connect(lambda: self._edit(self.table.current_row()))
        self.remove_button.clicked.connect(lambda: self._remove(self.table.current_row()))
        if editable:
            self.table.activatedRow.connect(self._edit)
        self.table.deleteRequested.connect(self._remove)
        model.modelReset.connect(self._fit_height)
        self._fit_height()

    def add_action(self, text: str, slot: Any, name: str = "") -> QPushButton:
        """An extra button after 削除 (e.g. 次の段階へ…)."""
        button = QPushButton(text, self)
        button.setAutoDefault(False)
        if name:
            button.setObjectName(name)
        button.clicked.connect(slot)
        self.buttons.insertWidget(self.buttons.count() - 1, button)
        edit_guard.mark_edit(button)
        return button

    def add_footer(self, widget: QWidget) -> None:
        """A line under the buttons (totals, notes)."""
        self._layout.addWidget(widget)

    def set_rows(self, rows: list[Any]) -> None:
        selected = self.current_item()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        if selected is not None and hasattr(selected, "id"):
            row = self.model.row_of(lambda r: getattr(r, "id", None) == selected.id)
            self.table.select_row(row)

    def current_item(self) -> Any:
        return self.model.row_at(self.table.current_row())

    def _fit_height(self) -> None:
        rows = max(self._min_rows, min(self.model.rowCount(), self._max_rows))
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize() + 6
        self.table.setMinimumHeight(height)

    def _add(self) -> None:
        self.error.clear()
        self.addRequested.emit()

    def _edit(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is None:
            self.error.show_message(self.tr("編集する行を一覧で選んでください。"))
            return
        self.error.clear()
        self.editRequested.emit(item)

    def _remove(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is None:
            self.error.show_message(self.tr("削除する行を一覧で選んでください。"))
            return
        self.error.clear()
        self.removeRequested.emit(item)
