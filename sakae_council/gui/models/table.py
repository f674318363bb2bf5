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
from PySide6.QtGui import QColor

from sakae_council.gui.palette import status_style

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex

#: Role under which every cell returns its row's DTO.
DtoRole = Qt.ItemDataRole.UserRole + 1

# Plain ints: data() is called for every role of every painted cell (over a thousand calls per search
# keystroke), and reading an enum member or or-ing two flags costs more than the rest of the call.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_BACKGROUND = Qt.ItemDataRole.BackgroundRole.value
_FOREGROUND = Qt.ItemDataRole.ForegroundRole.value
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, _BACKGROUND, _FOREGROUND, DtoRole})
_ALIGN_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value
_ALIGN_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


@dataclass(frozen=True)
class _Cells:
    """One row as shown: each column's text and status colours (None: an ordinary cell)."""

    texts: list[str]
    colours: list[tuple[QColor, QColor] | None]


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
    #: How readily the column gives way when the window is narrow: the highest number is hidden first, 0
    #: never (the user can bring any back from the header's menu). See ``gui/widgets/table_columns.py``.
    priority: int = 1


class DtoTableModel(QAbstractTableModel, Generic[T]):
    """Rows are DTOs; with a ``fetcher`` they arrive in batches as the view scrolls (canFetchMore)."""

    sortRequested = Signal(str, bool)  # service sort key, descending

    BATCH = 200
    #: Rows of a lazy list's first query (a page opening, a search keystroke), None: a BATCH. A model may ask
    #: for fewer, enough to fill a screen, as every row asked for is read and built before the list shows.
    FIRST_BATCH: int | None = None

    def __init__(self, columns: Sequence[Column[T]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._rows: list[T] = []
        self._fetcher: Callable[[int, int], list[T]] | None = None
        self._exhausted = True
        # Fed by the database worker (show_fetched): further batches are fetched there too, one at a time.
        self._in_background = False
        self._fetching = False
        self._epoch = 0  # a new list: batches asked for the old one are dropped
        # Each row's texts and colours, worked out once when the row is first painted: a paint asks for
        # every role of every cell, and a repaint (scrolling, hovering) asks again.
        self._cells: dict[int, _Cells] = {}
        self.modelAboutToBeReset.connect(self._forget_cells)
        self.layoutAboutToBeChanged.connect(self._forget_cells)

    def _forget_cells(self) -> None:
        self._cells = {}

    def _row_cells(self, row: int) -> _Cells:
        cells = self._cells.get(row)
        if cells is None:
            item = self._rows[row]
            colours: list[tuple[QColor, QColor] | None] = []
            for c in self._columns:
                style = status_style(c.status(item)) if c.status else None
                colours.append(None if style is None else (style.background_color, style.foreground_color))
            cells = self._cells[row] = _Cells([c.text(item) for c in self._columns], colours)
        return cells

    # --- feeding ------------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[T]) -> None:
        """Show exactly these rows."""
        self.beginResetModel()
        self._rows = list(rows)
        self._fetcher = None
        self._exhausted = True
        self._new_list(background=False)
        self.endResetModel()

    def _new_list(self, *, background: bool) -> None:
        self._epoch += 1
        self._fetching = False
        self._in_background = background

    def first_batch(self, at_least: int = 0) -> int:
        """How many rows the first query of a lazy list asks for (a refresh asks for what was loaded: the
        first batch and as many further batches as were fetched)."""
        first = self.FIRST_BATCH or self.BATCH
        further = max(0, at_least - first)
        return first + -(-further // self.BATCH) * self.BATCH

    def show_fetched(self, rows: Sequence[T], fetcher: Callable[[int, int], list[T]], asked: int) -> None:
        """Show the first ``rows`` that ``fetcher(0, asked)`` returned on the database worker; further
        batches are fetched there too as the view scrolls (``fetcher`` must not touch a widget)."""
        self.beginResetModel()
        self._fetcher = fetcher
        self._rows = list(rows)
        self._exhausted = len(rows) < asked
        self._new_list(background=True)
        self.endResetModel()

    def fetch_until(self, predicate: Callable[[T], bool], up_to: int, then: Callable[[int], object]) -> None:
        """Load further batches on the worker until a row matches ``predicate`` or ``up_to`` rows are loaded;
        ``then(row)`` (-1: not found) on the GUI thread."""
        found = self.row_of(predicate)
        fetcher = self._fetcher
        if (
            found >= 0
            or fetcher is None
            or self._exhausted
            or len(self._rows) >= up_to
            or not self._in_background
        ):
            then(found)
            return
        from sakae_council.gui.ops import QueryOp

        epoch, start = self._epoch, len(self._rows)

        def more() -> tuple[list[T], bool]:
            rows: list[T] = []
            while start + len(rows) < up_to:
                batch = fetcher(start + len(rows), self.BATCH)
                rows += batch
                if len(batch) < self.BATCH:
                    return rows, True
                if any(predicate(r) for r in batch):
                    break
            return rows, False

        def arrived(answer: tuple[list[T], bool]) -> None:
            if epoch == self._epoch:
                self._append(answer[0], exhausted=answer[1])
            then(self.row_of(predicate))

        self._fetching = True
        QueryOp(more, parent=self).success(arrived).finally_(self._fetch_done(epoch)).run()

    def set_fetcher(self, fetcher: Callable[[int, int], list[T]], *, at_least: int = 0) -> None:
        """Show rows fetched lazily: ``fetcher(offset, limit)`` returns the next batch.

        The first query asks for one batch, or for ``at_least`` rows when the view had scrolled that far
        (a refresh then keeps the user's place). If the fetcher raises, the model is left as it was."""
        first = self.first_batch(at_least)
        rows = fetcher(0, first)
        self.beginResetModel()
        self._fetcher = fetcher
        self._rows = rows
        self._exhausted = len(rows) < first
        self._new_list(background=False)
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

    def column_priority(self, column: int) -> int:
        return self._columns[column].priority if 0 <= column < len(self._columns) else 1

    def is_sortable(self, column: int) -> bool:
        if not 0 <= column < len(self._columns):
            return False
        col = self._columns[column]
        return col.sort_key is not None or (col.sort_value is not None and self._fetcher is None)

    # --- lazy fetching ------------------------------------------------------------------------
    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return (
            not parent.isValid() and self._fetcher is not None and not self._exhausted and not self._fetching
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent):
            return
        fetcher = self._fetcher
        assert fetcher is not None
        if not self._in_background:
            batch = fetcher(len(self._rows), self.BATCH)
            self._append(batch, exhausted=len(batch) < self.BATCH)
            return
        from sakae_council.gui.ops import QueryOp

        epoch, offset = self._epoch, len(self._rows)

        def arrived(batch: list[T]) -> None:
            if epoch == self._epoch:
                self._append(batch, exhausted=len(batch) < self.BATCH)

        self._fetching = True  # the view asks again while the batch is out: one at a time
        QueryOp(lambda: fetcher(offset, self.BATCH), parent=self).success(arrived).finally_(
            self._fetch_done(epoch)
        ).run()

    def _fetch_done(self, epoch: int) -> Callable[[], None]:
        def done() -> None:
            if epoch == self._epoch:
                self._fetching = False

        return done

    @property
    def fetching(self) -> bool:
        """A further batch is being fetched on the worker."""
        return self._fetching

    def _append(self, batch: Sequence[T], *, exhausted: bool) -> None:
        if exhausted:
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

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED:
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= col < len(self._columns)) or not index.isValid():
            return None
        if role == _DISPLAY:
            return self._row_cells(row).texts[col]
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if self._columns[col].align_right else _ALIGN_LEFT
        if role in (_BACKGROUND, _FOREGROUND):
            colours = self._row_cells(row).colours[col]
            if colours is None:
                return None
            return colours[0] if role == _BACKGROUND else colours[1]
        if role == _TOOLTIP:
            column = self._columns[col]
            return column.tooltip(self._rows[row]) if column.tooltip else None
        return self._rows[row]  # DtoRole

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
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
        return _FLAGS

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
