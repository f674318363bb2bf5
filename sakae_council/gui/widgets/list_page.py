"""ListPage: the one pattern every list screen follows.

    ┌ 名簿  安食小学校区・23名                         [印刷] [新規登録] ┐
    │ [検索……………………………]  [役割 ▼] [役職 ▼] [任期 ▼]                     │
    │ (undo bar: 「栄 太郎」さんを削除しました。 [元に戻す])                │
    │ table                                                              │
    └────────────────────────────────────────────────────────────────────┘

A subclass builds its filters and model, and implements ``reload``, ``new_item``, ``edit_item`` and
``delete_item``. Keys: Ctrl+F search, Ctrl+N new, Enter edit, Delete delete, Ctrl+Z undo a delete.
Typing in the search field reloads the list (the first key after a pause at once, see ``search_field``),
through the service, on the database worker (``gui/ops.py``): :meth:`ListPage.show_paged` and
:meth:`ListPage.load_in_background` run the page's queries there and show only the newest answer.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import is_dataclass, replace
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.models.table import DtoTableModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.search_field import (
    SEARCH_DEBOUNCE_MS,
    SearchAsYouType,
    SearchField,
    SearchWarmUp,
)
from sakae_council.gui.widgets.undo_bar import UndoBar

# SEARCH_DEBOUNCE_MS and SearchField live in search_field; named here too, where list screens import them.
__all__ = ["SEARCH_DEBOUNCE_MS", "SELECT_AFTER_SAVE_ROWS", "CountText", "ListPage", "SearchField"]

#: How a page words its count: ``lambda n: self.tr("%n名", "", n)`` (English: "1 person", "2 people").
CountText = Callable[[int], str]

#: How far a lazily paged list loads on, after a save, to show and select the record just saved.
SELECT_AFTER_SAVE_ROWS = 5000
#: How many rows a paged list measures to fit its columns.
FIT_COLUMNS_ROWS = 40


class ListPage(QWidget):
    """Base of every list page (see the module docstring)."""

    def __init__(self, ctx: AppContext, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._title = title
        self.model: DtoTableModel[Any] | None = None
        self._sort_indicator = (-1, Qt.SortOrder.AscendingOrder)
        self.sort_key = ""
        self.sort_descending = False
        self._shown: object = None
        #: (district id, its name) as the last list load read them.
        self._district_shown: tuple[int | None, str] | None = None
        self._columns_fitted = False
        self._shortcuts: list[QShortcut] = []
        self._loads = Generation()
        self._loading = False
        self._wanted_selection: tuple[Any, int] | None = None
        self._warm = SearchWarmUp(self)  # the first search's costs paid ahead (warm_search)

        self.table = DataTable(self)
        self.table.freeze_first_column()  # the name stays in view while scrolling sideways
        self.table.fit_columns_to_width(ctx.settings, f"columns/{type(self).__name__}")
        self.title_label = TitleLabel(title, self)
        self.context_label = MutedLabel("", self)
        self.context_label.setWordWrap(False)
        self.search = SearchField(self.table, self)
        self.search.setObjectName("search")
        self.undo_bar = UndoBar(self)

        self._top = QHBoxLayout()
        self._top.addWidget(self.title_label)
        self._top.addSpacing(12)
        self._top.addWidget(self.context_label, 0, Qt.AlignmentFlag.AlignBottom)
        self._top.addStretch(1)
        self._buttons = QHBoxLayout()
        self._top.addLayout(self._buttons)

        # Search on a line of its own, filters below: at 特大 they would not fit side by side.
        self._search_row = QHBoxLayout()
        self._search_row.addWidget(self.search, 1)
        self.filters = QHBoxLayout()
        self.filters.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(self._top)
        layout.addLayout(self._search_row)
        layout.addLayout(self.filters)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.table, 1)

        self._typing = SearchAsYouType(self.search, self.reload, lambda: self._loading, self)

        self.table.activatedRow.connect(self._edit_row)
        self.table.deleteRequested.connect(self._delete_row)

        self._shortcut(QKeySequence.StandardKey.Find, self.focus_search)
        self._shortcut(QKeySequence.StandardKey.New, self._new_if_allowed)
        self._shortcut(QKeySequence.StandardKey.Undo, self._undo)
        # Bound methods, not lambdas: Qt drops the connection when the page is destroyed (database switch).
        ctx.districtChanged.connect(self._district_changed)

    # --- building -----------------------------------------------------------------------------
    def _shortcut(self, key: QKeySequence | QKeySequence.StandardKey | str, slot: Any) -> QShortcut:
        sc = QShortcut(QKeySequence(key), self)
        self._shortcuts.append(sc)
        # Window-wide, so Ctrl+N works from the navigation too; hidden pages (not current) do not react.
        sc.setContext(Qt.ShortcutContext.WindowShortcut)
        sc.activated.connect(slot)
        return sc

    def add_button(
        self, text: str, slot: Any, *, primary: bool = False, name: str = "", edits: bool | None = None
    ) -> QPushButton:
        """A button at the top right; the primary action comes last (rightmost) and is the default.

        ``edits``: the button changes data, so it is disabled while the data is read-only (by default,
        when its slot is ``new_item`` or ``delete_current``).
        """
        button = QPushButton(text, self)
        if name:
            button.setObjectName(name)
        button.clicked.connect(slot)
        button.setAutoDefault(False)
        if primary:
            button.setFont(bold_font())
        self._buttons.addWidget(button)
        if edits or (edits is None and slot in (self.new_item, self.delete_current)):
            edit_guard.mark_edit(button)
        return button

    def add_filter(self, widget: QWidget) -> None:
        self.filters.insertWidget(self.filters.count() - 1, widget)

    def set_model(self, model: DtoTableModel[Any], *, sort_column: int = -1) -> None:
        """Show ``model``; with ``sort_column`` the header sorts (through the model) starting there."""
        self.model = model
        self._columns_fitted = False
        self.table.setModel(model)
        if sort_column >= 0:
            header = self.table.horizontalHeader()
            header.setSortIndicator(sort_column, Qt.SortOrder.AscendingOrder)
            self._sort_indicator = (sort_column, Qt.SortOrder.AscendingOrder)
            header.sortIndicatorChanged.connect(self._keep_indicator_on_sortable)
            self.table.setSortingEnabled(True)

    def set_paged_model(self, model: DtoTableModel[Any], *, sort_column: int, descending: bool) -> None:
        """Show a lazily paged ``model`` whose header sorts in the database: ``sort_key`` and
        ``sort_descending`` say the order for the page's filter; a click changes them and reloads."""
        self.set_model(model, sort_column=sort_column)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(sort_column, order)
        # Connected only now: setting the indicator above must not load the list twice.
        self.sort_key = model.sort_key_of(sort_column)
        self.sort_descending = descending
        model.sortRequested.connect(self._sort_in_database)
        # Fit the columns to the rows a screen shows, not to every loaded row (a batch of 200 takes
        # longer to measure than to fetch).
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_COLUMNS_ROWS)

    def _sort_in_database(self, key: str, descending: bool) -> None:
        self.sort_key, self.sort_descending = key, descending
        self.reload()

    def show_paged(
        self,
        model: DtoTableModel[Any],
        fetch: Any,
        count: Any,
        shown: object,
        unit: CountText,
        *,
        capped: CountText | None = None,
        then: Callable[[], object] | None = None,
    ) -> None:
        """Show the first batch of ``fetch(offset, limit)`` (more as the list scrolls) and ``count()`` in the
        title line; ``count`` runs only when the first batch is full, so typing a search costs one query.
        Both run on the database worker (they must not touch a widget: read the filter before); only the
        newest load of the page lands, and ``then()`` runs after it has (fit the columns, update buttons).

        ``shown`` identifies what is listed (the filter): a refresh of the same list (after a save, or
        another user's change in shared mode) asks again for as many rows as were loaded and keeps the
        scroll position and the selection, so the user keeps their place. ``unit`` words the count (``lambda n: self.tr("%n件", "", n)``, so English says "1 item", "2 items"); ``capped`` is the wording when
        ``count`` stopped at the services' cap (a long search: 「1000件以上」). A DomainError is shown in a dialog."""
        from sakae_council.gui.district_names import district_name

        same = shown == self._shown
        asked = model.first_batch(model.rowCount() if same else 0)
        db, district_id = self.ctx.db, self.ctx.district_id
        # Typing in the search field changes only the query: the district's name read by the last load
        # stands (a rename reloads the list unchanged, which reads it again).
        known = self._district_shown if _only_query_changed(shown, self._shown) else None

        def load() -> tuple[list[Any], int, str]:
            # One read transaction: the rows and their count agree, and a keystroke costs few statements.
            with db.snapshot():
                rows = fetch(0, asked)
                total = count() if len(rows) >= asked else len(rows)
                if known is not None and known[0] == district_id:
                    return rows, total, known[1]
                return rows, total, district_name(db, district_id)

        def landed(answer: tuple[list[Any], int, str]) -> None:
            rows, total, district = answer
            self._district_shown = (district_id, district)
            keep_scroll = shown == self._shown
            selected_id = getattr(self.current_item(), "id", None)
            scroll = self.table.verticalScrollBar().value()
            model.show_fetched(rows, fetch, asked)
            self._shown = shown
            from sakae_council.services.search_plan import COUNT_AT_MOST

            self.set_count(
                total, capped if capped is not None and total == COUNT_AT_MOST else unit, district=district
            )
            if selected_id is not None:
                self._select_loaded(lambda item: item.id == selected_id)
            if keep_scroll:
                self.table.verticalScrollBar().setValue(scroll)
            if then is not None:
                then()

        self.load_in_background(load, landed)

    def show_rows(
        self,
        model: DtoTableModel[Any],
        load: Callable[[], Sequence[Any]],
        unit: CountText,
        *,
        district: str | None = None,
    ) -> None:
        """A list held whole in memory: ``load()`` on the database worker, then the rows shown sorted as the
        header says, the columns fitted, the count in the title line and the selected row kept. ``district``
        names the title line's scope when it is not the switcher's district (「町全体」 for town-wide lists)."""
        from sakae_council.gui.district_names import district_name

        db, district_id = self.ctx.db, self.ctx.district_id

        def landed(answer: tuple[list[Any], str]) -> None:
            rows, district = answer
            selected_id = getattr(self.current_item(), "id", None)
            model.set_rows(rows)
            header = self.table.horizontalHeader()
            if model.is_sortable(header.sortIndicatorSection()):
                model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
            self.table.resizeColumnsToContents()
            self.set_count(len(rows), unit, district=district)
            if selected_id is not None:
                self._select_loaded(lambda item: item.id == selected_id)

        def read() -> tuple[list[Any], str]:
            return list(load()), district if district is not None else district_name(db, district_id)

        self.load_in_background(read, landed)

    def load_in_background(self, load: Callable[[], Any], show: Callable[[Any], object]) -> None:
        """The page's list load on the database worker: ``show(load())`` on the GUI thread, for the newest
        load only; a selection asked for meanwhile (:meth:`select_where`) is made once it has landed."""
        self._loading = True
        self._warm.give_way()  # a search is asked for: the warming stops after the probe it is at

        def landed() -> None:  # after show, or after a failure was shown: the newest load is over
            self._loading = False
            wanted, self._wanted_selection = self._wanted_selection, None
            if wanted is not None:
                self.select_where(wanted[0], fetch_up_to=wanted[1])
            self._typing.load_landed()  # keys typed while it was out

        QueryOp(load, parent=self).latest(self._loads).success(show).finally_(landed).run()

    def warm_search(self, search: Callable[[str], object], probes: Sequence[str]) -> None:
        """Pay ahead, on the database worker, what the first search of the process costs beyond later ones:
        ``search(probe)`` for each probe, once per page, a moment after its list has landed (see
        ``search_field.SearchWarmUp``); a load asked for meanwhile stops it between probes."""
        self._warm.schedule(search, probes)

    def expect_load(self) -> None:
        """A list load is coming after another read (the filters' choices): a selection asked for meanwhile
        (:meth:`select_where`) waits for it. The page must then call :meth:`reload` whatever happens."""
        self._loading = True

    @property
    def loading(self) -> bool:
        """A list load is on the worker (its answer has not landed yet)."""
        return self._loading

    def fit_columns(self) -> None:
        """Fit the columns to the rows shown, once per page open (``on_shown``) or new model.

        Not on every reload: refitting on each keystroke of a search measured every visible cell again
        (a third of the time from keystroke to filtered table at the stress size), made the columns jump
        while typing, and threw away widths the user had dragged."""
        if self._columns_fitted or self.model is None or not self.model.rowCount():
            return
        self.table.resizeColumnsToContents()
        self._columns_fitted = True

    def _keep_indicator_on_sortable(self, column: int, order: Qt.SortOrder) -> None:
        # Columns the service cannot sort by keep the arrow where the rows really are sorted.
        header = self.table.horizontalHeader()
        if self.model is not None and self.model.is_sortable(column):
            self._sort_indicator = (column, order)
            return
        header.blockSignals(True)
        header.setSortIndicator(*self._sort_indicator)
        header.blockSignals(False)

    # --- title line ---------------------------------------------------------------------------
    def district_name(self) -> str:
        """Name of the district chosen in the switcher, or 全学区."""
        from sakae_council.gui.district_names import district_label

        return district_label(self.ctx)

    def set_count(self, count: int, unit: CountText, *, district: str | None = None) -> None:
        """「安食小学校区・23名」: ``unit(count)`` words the count with Qt's plural forms (``%n``); ``district``
        is the district's name when the caller read it already (on the worker), else it is read here."""
        name = district if district is not None else self.district_name()
        self.context_label.setText(self.tr("{district}・{count}").format(district=name, count=unit(count)))

    # --- actions ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def current_item(self) -> Any:
        if self.model is None:
            return None
        return self.model.row_at(self.table.current_row())

    def _edit_row(self, row: int) -> None:
        if self.model is not None:
            item = self.model.row_at(row)
            if item is not None:
                self.edit_item(item)

    def _new_if_allowed(self) -> None:
        if not edit_guard.refused(self):
            self.new_item()

    def _delete_row(self, row: int) -> None:
        if edit_guard.refused(self):
            return
        if self.model is not None:
            item = self.model.row_at(row)
            if item is not None:
                self.delete_item(item)

    def edit_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.edit_item(item)

    def delete_current(self) -> None:
        item = self.current_item()
        if item is not None:
            self.delete_item(item)

    def _district_changed(self, _district_id: object) -> None:
        self.undo_bar.dismiss()
        self.reload()

    def _undo(self) -> None:
        if self.undo_bar.can_undo():
            self.undo_bar.undo()

    def select_where(self, predicate: Any, *, fetch_up_to: int = 0) -> None:
        """Select the first loaded row matching ``predicate`` (after a save).

        With ``fetch_up_to`` a lazily paged list loads further batches (on the worker), up to that many rows,
        while the row is not among those loaded (a just-saved record sorted far down the list). While a load
        of the list is on its way, the selection is made once it has landed."""
        if self.model is None:
            return
        if self._loading:
            self._wanted_selection = (predicate, fetch_up_to)
            return
        if fetch_up_to:
            self.model.fetch_until(predicate, fetch_up_to, self._select_row)
            return
        self._select_loaded(predicate)

    def _select_loaded(self, predicate: Any) -> None:
        if self.model is not None:
            self._select_row(self.model.row_of(predicate))

    def _select_row(self, row: int) -> None:
        if row >= 0:
            self.table.select_row(row)

    @property
    def search_waiting(self) -> bool:
        """Text was typed that no load has read yet (it is searched once the load out lands, or the pause
        after the last search, SEARCH_DEBOUNCE_MS, is over)."""
        return self._typing.waiting

    def flush_search(self) -> None:
        """Search now for text waiting (an answer still out for older text is dropped)."""
        self._typing.flush()

    # --- for subclasses -----------------------------------------------------------------------
    def reload(self) -> None:
        raise NotImplementedError

    def new_item(self) -> None:
        raise NotImplementedError

    def edit_item(self, item: Any) -> None:
        raise NotImplementedError

    def delete_item(self, item: Any) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:
        # Every list page has Ctrl+N, Ctrl+F, Ctrl+Z: only the page in front may own them.
        for sc in self._shortcuts:
            sc.setEnabled(True)
        self._set_tab_order()
        super().showEvent(event)

    def _set_tab_order(self) -> None:
        """Tab in reading order of the work: search, filters, the list, then the buttons that act on it.

        (The table is built first, so left alone Tab would go to the list before the search field.)
        """
        widgets: list[QWidget] = [self.search]
        for layout in (self.filters, self._buttons):
            if layout is self._buttons:
                widgets.append(self.table)
            for i in range(layout.count()):
                item = layout.itemAt(i)
                w = item.widget() if item is not None else None
                if w is not None and w.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    widgets.append(w)
        for first, second in zip(widgets, widgets[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def hideEvent(self, event: QHideEvent) -> None:
        for sc in self._shortcuts:
            sc.setEnabled(False)
        super().hideEvent(event)

    def on_shown(self) -> None:
        """Called when the page comes to the front: the list is loaded again and its columns refitted."""
        self._columns_fitted = False
        self.reload()


def _only_query_changed(new: object, old: object) -> bool:
    """Whether two filters (dataclasses with a ``query``) differ in their search text alone."""
    if not (is_dataclass(new) and is_dataclass(old)) or type(new) is not type(old):
        return False
    query_new, query_old = getattr(new, "query", None), getattr(old, "query", None)
    if not isinstance(query_new, str) or query_new == query_old:
        return False
    return replace(cast(Any, new), query="") == replace(cast(Any, old), query="")
