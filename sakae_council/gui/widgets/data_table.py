"""DataTable: the one table view every list uses — whole-row selection, keyboard first, rows that grow with the text.

A list page's table also keeps its first column (the name) in view while scrolling sideways
(``freeze_first_column``) and hides its least important columns when narrow, with the header's menu to
bring them back (``fit_columns_to_width``); see ``table_columns``.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from sakae_council.gui.widgets.table_columns import ColumnChooser, FrozenColumn, stretch_last


class DataTable(QTableView):
    """A read-only table: Enter/Return or double-click emits ``activatedRow``, Delete emits ``deleteRequested``."""

    activatedRow = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.frozen: FrozenColumn | None = None
        self.chooser: ColumnChooser | None = None
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(200)
        header.setHighlightSections(False)
        self.doubleClicked.connect(lambda index: self.activatedRow.emit(index.row()))
        self._fit_rows()

    # --- a laptop's width -----------------------------------------------------------------------
    def freeze_first_column(self) -> None:
        """Keep column 0 in view while the others scroll sideways (pixel by pixel, so none hides under it)."""
        if self.frozen is None:
            self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
            self.frozen = FrozenColumn(self)

    def fit_columns_to_width(self, settings: QSettings, key: str) -> None:
        """Hide the least important columns when narrow; the header's menu (remembered under ``key``) decides too."""
        if self.chooser is None:
            chooser = self.chooser = ColumnChooser(self, settings, key)
            if self.frozen is not None:  # the frozen column's header has the same menu
                header = self.frozen.horizontalHeader()
                header.customContextMenuRequested.connect(lambda pos: chooser.show_menu(header, pos))
            chooser.apply()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if self.frozen is not None:
            self.frozen.attach()
        if self.chooser is not None:
            self.chooser.measure()
            self.chooser.apply()

    def resizeColumnsToContents(self) -> None:
        super().resizeColumnsToContents()
        if self.chooser is not None:
            self.chooser.measure()
            self.chooser.apply()
        stretch_last(self)

    def showEvent(self, e: QShowEvent) -> None:
        super().showEvent(e)
        if self.chooser is not None:
            self.chooser.apply()

    def resizeEvent(self, e: QResizeEvent) -> None:
        super().resizeEvent(e)
        if self.chooser is not None:
            self.chooser.apply()
        if self.frozen is not None:
            self.frozen.place()

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if self.frozen is not None:
            self.frozen.place()

    def scrollTo(
        self,
        index: QModelIndex | QPersistentModelIndex,
        hint: QAbstractItemView.ScrollHint = QAbstractItemView.ScrollHint.EnsureVisible,
    ) -> None:
        """With a frozen column: a row is brought into view without losing the sideways position, and a
        cell is never left under the frozen column."""
        if self.frozen is None or not index.isValid():
            super().scrollTo(index, hint)
            return
        bar = self.horizontalScrollBar()
        sideways = bar.value()
        super().scrollTo(index, hint)
        if index.column() == 0:
            bar.setValue(sideways)
            return
        covered = self.columnWidth(0) - self.visualRect(index).left()
        if covered > 0:
            bar.setValue(bar.value() - covered)

    # --- rows -----------------------------------------------------------------------------------
    def _fit_rows(self) -> None:
        # Row height follows the font, so 特大 text is never cut at the bottom.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        if self.frozen is not None:
            self.frozen.follow_rows()

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.FontChange:
            self._fit_rows()
            self.resizeColumnsToContents()
            if self.chooser is not None:  # again once the header too has the new font (it gets it after)
                QTimer.singleShot(0, self, self.resizeColumnsToContents)
        super().changeEvent(e)

    def current_row(self) -> int:
        index = self.currentIndex()
        if index.isValid() and self.selectionModel().isRowSelected(index.row(), index.parent()):
            return index.row()
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        model = self.model()
        if model is None or not 0 <= row < model.rowCount():
            return
        sideways = self.horizontalScrollBar().value()
        self.selectRow(row)
        self.setCurrentIndex(model.index(row, 0))
        self.scrollTo(model.index(row, 0))
        self.horizontalScrollBar().setValue(
            sideways
        )  # a row is chosen: where the user scrolled sideways stays

    def keyPressEvent(self, e: QKeyEvent) -> None:
        key = e.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and e.modifiers() == Qt.KeyboardModifier.NoModifier:
            row = self.current_row()
            if row >= 0:
                self.activatedRow.emit(row)
                return
        if key == Qt.Key.Key_Delete and e.modifiers() == Qt.KeyboardModifier.NoModifier:
            row = self.current_row()
            if row >= 0:
                self.deleteRequested.emit(row)
                return
        super().keyPressEvent(e)
