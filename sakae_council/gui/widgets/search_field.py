"""The search box of a list page, and when typing in it searches.

The first key after a pause searches at once: a person who types 佐 sees the list filtered as soon as the
database has answered, with no fixed wait before the work starts. Keys typed while the list's load is out
make one more search as soon as it has landed, with the text as it is then; a key typed after it landed
but less than SEARCH_DEBOUNCE_MS after that search was asked for waits for the rest of that pause. So a
fast typist costs about one search per load or pause instead of one per key, and the newest text always
wins (an older answer still on its way is dropped by the page's ``latest`` generation, ``gui/ops.py``).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.gui.widgets.data_table import DataTable

#: The least time between two searches asked for while typing.
SEARCH_DEBOUNCE_MS = 150


class SearchField(QLineEdit):
    """The search box: Down or Enter moves into the list, Escape clears."""

    def __init__(self, table: DataTable, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._table = table
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            model = self._table.model()
            if model is not None and model.rowCount() > 0:
                self._table.setFocus(Qt.FocusReason.ShortcutFocusReason)
                if self._table.current_row() < 0:
                    self._table.select_row(0)
                return
        if e.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(e)


class SearchAsYouType(QObject):
    """Calls ``search()`` when the text of ``field`` changes, as the module docstring says; ``busy()`` tells
    whether the list's load is out, and the page calls :meth:`load_landed` when it has landed."""

    def __init__(
        self, field: QLineEdit, search: Callable[[], object], busy: Callable[[], bool], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._search = search
        self._busy = busy
        self._waiting = False  # text typed that no search has read yet
        self._since_search = QTimer(self)  # running while a search was asked for less than the pause ago
        self._since_search.setSingleShot(True)
        self._since_search.setInterval(SEARCH_DEBOUNCE_MS)
        self._since_search.timeout.connect(self._pause_over)
        field.textChanged.connect(self._changed)

    def _changed(self, _text: str) -> None:
        self._waiting = True
        if not self._busy() and not self._since_search.isActive():
            self._search_now()

    def _pause_over(self) -> None:
        if self._waiting and not self._busy():
            self._search_now()

    def load_landed(self) -> None:
        """The list's load has landed: text typed while it was out is searched now."""
        if self._waiting:
            self._search_now()

    def _search_now(self) -> None:
        self._waiting = False
        self._since_search.start()
        self._search()  # reads the field now: the newest text

    @property
    def waiting(self) -> bool:
        """Text was typed that no search has read yet."""
        return self._waiting

    def flush(self) -> None:
        """Search now for the waiting text, without waiting for the load out (its answer is then dropped)."""
        if self._waiting:
            self._search_now()
