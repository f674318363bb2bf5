"""Columns that fit a laptop: the first column frozen in view, the least important hidden first.

* :class:`FrozenColumn` — Qt's "frozen column" pattern: a second view over the same model and selection,
  showing only column 0, laid over the table's left edge. Scrolling sideways moves the other columns under
  it, so the name of each row stays in view. Its scrolling, row heights, column width and sort arrow
  follow the table's.
* :class:`ColumnChooser` — when the columns are wider than the table, hides those a page marked least
  important (``Column.priority``: the highest number goes first; 0 never) until the rest fit. The header's
  context menu shows or hides any column by hand; that choice wins over the automatic one and is kept in
  the settings under the page's key.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt
from PySide6.QtWidgets import QAbstractItemView, QFrame, QHeaderView, QMenu, QStyle, QTableView

from sakae_council.gui.settings import read_list


def tr(text: str) -> str:
    return QCoreApplication.translate("ColumnChooser", text)


#: The priority of a column when its model says none: hidden before 0, after 2, 3….
DEFAULT_PRIORITY = 1


class FrozenColumn(QTableView):
    """Column 0 of ``table``, drawn over it and kept in view (see the module docstring)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        self.setObjectName("frozenColumn")
        # Clicks give the focus to the table below (the first parent that takes focus): keys stay there.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionBehavior(table.selectionBehavior())
        self.setSelectionMode(table.selectionMode())
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(table.alternatingRowColors())
        self.setWordWrap(table.wordWrap())
        self.setFrameShape(
            QFrame.Shape.NoFrame
        )  # (not a style sheet: that would stop the text size reaching it)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(False)
        self.horizontalHeader().setSectionsClickable(True)
        self.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.verticalScrollBar().valueChanged.connect(table.verticalScrollBar().setValue)
        table.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        table.horizontalHeader().sectionResized.connect(self._table_section_resized)
        table.horizontalHeader().geometriesChanged.connect(self.place)
        table.horizontalHeader().sortIndicatorChanged.connect(self._show_sort)
        self.horizontalHeader().sectionResized.connect(self._own_section_resized)
        self.horizontalHeader().sectionClicked.connect(self._sort_clicked)
        self.doubleClicked.connect(table.doubleClicked)
        table.viewport().stackUnder(self)
        self.attach()

    def verticalScrollbarValueChanged(self, value: int) -> None:
        """Nothing: the table below loads more rows when scrolled to the end; this view following it must not
        ask for another batch itself (a paged list would load two at once)."""

    def attach(self) -> None:
        """Show the table's model and share its selection (after the table got a new model)."""
        model = self.table.model()
        if model is None:
            return
        if self.model() is not model:
            self.setModel(model)
            model.modelReset.connect(self._hide_others)
            model.columnsInserted.connect(self._hide_others)
            model.layoutChanged.connect(self._hide_others)
        self.setSelectionModel(self.table.selectionModel())
        self._hide_others()
        header = self.table.horizontalHeader()
        self.horizontalHeader().setSortIndicatorShown(header.isSortIndicatorShown())
        self._show_sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.follow_rows()

    def _hide_others(self) -> None:
        model = self.model()
        if model is None:
            return
        for column in range(model.columnCount()):
            self.setColumnHidden(column, column != 0)
        self.setColumnWidth(0, self.table.columnWidth(0))
        self.place()

    def follow_rows(self) -> None:
        """Rows as tall as the table's (they follow the text size)."""
        self.verticalHeader().setDefaultSectionSize(self.table.verticalHeader().defaultSectionSize())
        self.verticalHeader().setMinimumSectionSize(self.table.verticalHeader().minimumSectionSize())

    def place(self) -> None:
        """Lie exactly over the table's column 0, header included."""
        t = self.table
        if t.isColumnHidden(0) or t.model() is None:
            self.hide()
            return
        self.setGeometry(
            t.verticalHeader().width() + t.frameWidth(),
            t.frameWidth(),
            t.columnWidth(0),
            t.viewport().height() + t.horizontalHeader().height(),
        )
        self.horizontalHeader().setFixedHeight(t.horizontalHeader().height())
        self.show()

    def _table_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and self.columnWidth(0) != new:
            self.setColumnWidth(0, new)
        self.place()

    def _own_section_resized(self, column: int, _old: int, new: int) -> None:
        if column == 0 and self.table.columnWidth(0) != new:  # the user dragged the frozen column's edge
            self.table.setColumnWidth(0, new)

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        # Only an arrow on column 0 shows here; elsewhere the arrow is in the table's own header.
        self.horizontalHeader().setSortIndicator(column if column == 0 else -1, order)

    def _sort_clicked(self, column: int) -> None:
        """A click on the frozen header sorts the table as a click on its own column 0 would."""
        header = self.table.horizontalHeader()
        if column != 0 or not self.table.isSortingEnabled():
            return
        again = (
            header.sortIndicatorSection() == 0 and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
        )
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder if again else Qt.SortOrder.AscendingOrder)


class ColumnChooser:
    """Which of ``table``'s columns show: the user's choice from the header menu, then room (see above)."""

    def __init__(self, table: QTableView, settings: QSettings, key: str) -> None:
        self.table = table
        self.settings = settings
        self.key = key
        self.shown = {int(c) for c in read_list(settings, f"{key}/shown") if str(c).isdigit()}
        self.hidden = {int(c) for c in read_list(settings, f"{key}/hidden") if str(c).isdigit()}
        self.widths: list[int] = []
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(lambda pos: self.show_menu(header, pos))

    def priority(self, column: int) -> int:
        model = self.table.model()
        ask = getattr(model, "column_priority", None)
        return int(ask(column)) if callable(ask) else DEFAULT_PRIORITY

    def measure(self) -> None:
        """Each column's natural width (its contents and title), hidden columns included."""
        model = self.table.model()
        header = self.table.horizontalHeader()
        count = model.columnCount() if model is not None else 0
        last = header.logicalIndex(header.count() - 1) if header.stretchLastSection() else -1
        self.widths = [
            min(  # a page may cap its columns (a long 摘要): no column is laid out wider than that
                header.maximumSectionSize(),
                max(
                    self.table.sizeHintForColumn(c),
                    self._title_width(c) if header.isSectionHidden(c) else header.sectionSizeHint(c),
                    0 if header.isSectionHidden(c) or c == last else header.sectionSize(c),  # as laid out
                ),
            )
            for c in range(count)
        ]

    def _title_width(self, column: int) -> int:
        """The header's width for a hidden column's title (Qt gives no size hint for a hidden section)."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "") if model is not None else ""
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        metrics = header.fontMetrics()
        return metrics.horizontalAdvance(title) + 4 * margin + metrics.height()  # room for the sort arrow

    def hidden_for_room(self) -> set[int]:
        """The columns to hide now: the user's, then the least important while the rest do not fit."""
        count = len(self.widths)
        hidden = {c for c in self.hidden if 0 < c < count}
        room = self.table.viewport().width()
        bar = self.table.verticalScrollBar()
        if not bar.isVisible():  # it appears once the rows are loaded: keep room for it
            room -= self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, bar)
        total = sum(w for c, w in enumerate(self.widths) if c not in hidden)
        candidates = [
            c for c in range(1, count) if c not in hidden and c not in self.shown and self.priority(c) > 0
        ]
        candidates.sort(key=lambda c: (self.priority(c), c), reverse=True)
        for column in candidates:
            if total <= room:
                break
            hidden.add(column)
            total -= self.widths[column]
        return hidden

    def apply(self) -> None:
        """Show and hide columns for the room there is now (on every resize: no measuring here)."""
        model = self.table.model()
        if model is None or not self.table.isVisible():
            return  # before the page is shown its table is a few pixels wide: wait for the real width
        if len(self.widths) != model.columnCount():
            self.measure()
        hidden = self.hidden_for_room()
        header = self.table.horizontalHeader()
        changed = [c for c in range(1, model.columnCount()) if header.isSectionHidden(c) != (c in hidden)]
        if not changed:
            return
        # The stretched last column moves: every shown column goes back to its natural width (a column
        # stretched while last would otherwise keep its stretched width, and push the others sideways).
        stretch = header.stretchLastSection()
        header.setStretchLastSection(False)
        for column in changed:
            header.setSectionHidden(column, column in hidden)
        for column in range(model.columnCount()):
            if column not in hidden:
                header.resizeSection(column, self.widths[column])
        header.setStretchLastSection(stretch)
        stretch_last(self.table)

    def set_visible(self, column: int, visible: bool) -> None:
        """The user's choice from the header menu, remembered for the next start."""
        (self.shown if visible else self.hidden).add(column)
        (self.hidden if visible else self.shown).discard(column)
        self._store()
        self.apply()

    def reset(self) -> None:
        """Back to showing what fits, most important first."""
        self.shown.clear()
        self.hidden.clear()
        self._store()
        self.apply()

    def _store(self) -> None:
        self.settings.setValue(f"{self.key}/shown", [str(c) for c in sorted(self.shown)])
        self.settings.setValue(f"{self.key}/hidden", [str(c) for c in sorted(self.hidden)])

    def build_menu(self) -> QMenu:
        """The header's menu: a tick for every column but the first, and 「自動に戻す」."""
        menu = QMenu(self.table)
        menu.setObjectName("columnMenu")
        model = self.table.model()
        header = self.table.horizontalHeader()
        if model is None:
            return menu
        for column in range(1, model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            action = menu.addAction(title)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.toggled.connect(lambda on, c=column: self.set_visible(c, on))
        menu.addSeparator()
        reset = menu.addAction(tr("表示する列を自動に戻す（画面の幅に合わせる）"))
        reset.triggered.connect(self.reset)
        return menu

    def show_menu(self, header: QHeaderView, pos: QPoint) -> None:
        menu = self.build_menu()
        menu.exec(header.mapToGlobal(pos))
        menu.deleteLater()


def stretch_last(table: QTableView) -> None:
    """Let the last shown column fill the width again from its natural width.

    Qt stretches the last column only from the width it had before (for a column that was hidden while
    the others were fitted: the default 100 pixels, wider than 「電話」 needs, which pushed the table into
    sideways scrolling); and a column fitted to its contents while last no longer fills the table."""
    header = table.horizontalHeader()
    if not header.stretchLastSection() or header.count() == 0:
        return
    last = next(
        (
            header.logicalIndex(v)
            for v in reversed(range(header.count()))
            if not header.isSectionHidden(header.logicalIndex(v))
        ),
        -1,
    )
    header.setStretchLastSection(False)
    if last >= 0:
        header.resizeSection(last, max(table.sizeHintForColumn(last), header.sectionSizeHint(last)))
    header.setStretchLastSection(True)
