"""DtoTableModel: a read-only table over a list of frozen DTOs, described by Column specs.

A page never subclasses QAbstractTableModel itself: it lists its columns and hands rows (or a
fetcher for lazy paging) to this model. Sorting is done by the service: a sortable column names a
service sort key and the model only reports which one the user clicked (``sortRequested``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from sakae_council.gui.palette import status_style

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: Role under which every cell returns its row's DTO.
DtoRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column: header text, how to show a DTO, and optionally how to sort, explain and colour it."""

    title: str
    text: Callable[[T], str]
    sort_key: str | None = None
    tooltip: Callable[[T], str] | None = None
    status: Callable[[T], str | None] | None = None
    align_right: bool = False
    #: For lists held whole in memory: sort on the screen by this value instead of asking the service.
    sort_value: Callable[[T], Any] | None = None


class DtoTableModel(QAbstractTableModel, Generic[T]):
    """Rows are DTOs; with a ``fetcher`` they arrive in batches as the view scrolls (canFetchMore)."""

    sortRequested = Signal(str, bool)  # service sort key, descending

    BATCH = 200

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._fetcher: Callable[[int, int], list[T]] | None = None
        self._exhausted = True

    # --- feeding ------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """Show exactly these rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self._fetcher = None
        self._exhausted = True
        self.endResetModel()

    def set_fetcher(self, fetcher: Callable[[int, int], list[T]], *, at_least: int = 0) -> None:
        """Show rows fetched lazily: ``fetcher(offset, limit)`` returns the next batch.

        The first query asks for one batch, or for ``at_least`` rows when the view had scrolled that far
        (a refresh then keeps the user's place). If the fetcher raises, the model is left as it was."""
        first = max(self.BATCH, -(-at_least // self.BATCH) * self.BATCH)
        rows = fetcher(0, first)
        self.beginResetModel()
        self._fetcher = fetcher
        self._rows = rows
        self._exhausted = len(rows) < first
        self.endResetModel()

    def rows(self) -> list[T]:
        """The rows loaded so far."""
        return list(self._rows)

    def all_rows(self, chunk: int = 5000) -> Iterator[T]:
        """Every row the model stands for, not only those loaded: a lazy model asks its fetcher again in
        chunks, so an export of 200,000 rows neither fills the view nor holds them all at once."""
        if self._fetcher is None:
            yield from list(self._rows)
            return
        offset = 0
        while True:
            batch = self._fetcher(offset, chunk)
            yield from batch
            if len(batch) < chunk:
                return
            offset += len(batch)

    def headers(self) -> list[str]:
        return [c.title for c in self._columns]

    def texts(self, item: T) -> list[str]:
        """A row's cells as shown on screen."""
        return [c.text(item) for c in self._columns]

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, predicate: Callable[[T], bool]) -> int:
        """Index of the first loaded row matching ``predicate``, or -1."""
        for i, item in enumerate(self._rows):
            if predicate(item):
                return i
        return -1

    def sort_key_of(self, column: int) -> str:
        return (self._columns[column].sort_key or "") if 0 <= column < len(self._columns) else ""

    def column_of_sort_key(self, key: str) -> int:
        for i, col in enumerate(self._columns):
            if col.sort_key == key:
                return i
        return -1

    def is_sortable(self, column: int) -> bool:
        if not 0 <= column < len(self._columns):
            return False
        col = self._columns[column]
        return col.sort_key is not None or (col.sort_value is not None and self._fetcher is None)

    # --- lazy fetching ------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._fetcher is not None and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._fetcher is None or self._exhausted:
            return
        batch = self._fetcher(len(self._rows), self.BATCH)
        if len(batch) < self.BATCH:
            self._exhausted = True
        if not batch:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(batch) - 1)
        self._rows.extend(batch)
        self.endInsertRows()

    # --- QAbstractTableModel ------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < len(self._columns)):
            return None
        item = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(item) if column.tooltip else None
        if role == DtoRole:
            return item
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.align_right:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole) and column.status:
            style = status_style(column.status(item))
            if style is None:
                return None
            if role == Qt.ItemDataRole.BackgroundRole:
                return style.background_color
            return style.foreground_color
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._columns):
                return self._columns[section].title
            return None
        return str(section + 1)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.is_sortable(column):
            return
        col = self._columns[column]
        descending = order == Qt.SortOrder.DescendingOrder
        if col.sort_key is not None:
            self.sortRequested.emit(col.sort_key, descending)
            return
        assert col.sort_value is not None
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=col.sort_value, reverse=descending)
        self.layoutChanged.emit()
