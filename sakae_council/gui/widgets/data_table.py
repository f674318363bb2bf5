"""DataTable: the one table view every list uses — whole-row selection, keyboard first, rows that grow with the text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget


class DataTable(QTableView):
    """A read-only table: Enter/Return or double-click emits ``activatedRow``, Delete emits ``deleteRequested``."""

    activatedRow = Signal(int)
    deleteRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
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

    def _fit_rows(self) -> None:
        # Row height follows the font, so 特大 text is never cut at the bottom.
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)

    def changeEvent(self, e: QEvent) -> None:
        if e.type() == QEvent.Type.FontChange:
            self._fit_rows()
            self.resizeColumnsToContents()
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
        self.selectRow(row)
        self.setCurrentIndex(model.index(row, 0))
        self.scrollTo(model.index(row, 0))

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
