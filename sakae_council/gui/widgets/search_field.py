"""The search box of a list page, and when typing in it searches.

The first key after a pause searches at once: a person who types 佐 sees the list filtered as soon as the
database has answered, with no fixed wait before the work starts. Keys typed while the list's load is out
make one more search as soon as it has landed, with the text as it is then; a key typed after it landed
but less than SEARCH_DEBOUNCE_MS after that search was asked for waits for the rest of that pause. So a
fast typist costs about one search per load or pause instead of one per key, and the newest text always
wins (an older answer still on its way is dropped by the page's ``latest`` generation, ``gui/ops.py``).

What the first search of a process costs beyond later ones is paid ahead once the list has shown
(:class:`SearchWarmUp`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.gui.ops import CancelToken, QueryOp
from sakae_council.gui.widgets.data_table import DataTable

log = logging.getLogger(__name__)

#: The least time between two searches asked for while typing.
SEARCH_DEBOUNCE_MS = 150
#: How long after a list has landed its first search is paid ahead (SearchWarmUp).
WARM_AFTER_MS = 50


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


class SearchWarmUp:
    """Pays ahead, on the database worker, what the first search of the process costs beyond later ones
    (its statements compiled, the index's first pages read, first code paths), once per page.

    :meth:`schedule` runs ``search(probe)`` for each probe WARM_AFTER_MS after the list has landed (once it
    is painted: the worker's Python would slow the paint). A load asked for meanwhile (:meth:`give_way`:
    the person typing) stops it between probes, so a keystroke waits at most for one probe; one asked
    before it started puts it off until that load has landed and schedules again."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._token: CancelToken | None = None

    def schedule(self, search: Callable[[str], object], probes: Sequence[str]) -> None:
        if self._token is not None:
            return
        token = self._token = CancelToken()

        def work() -> None:
            for probe in probes:
                if token.cancelled:
                    return
                search(probe)

        def failed(exc: BaseException) -> None:  # the search itself will say what is wrong
            log.warning("warming the search failed: %s", exc)

        def start() -> None:
            if token.cancelled:
                self._token = None  # scheduled again when the load that came first has landed
                return
            QueryOp(work, parent=self._parent, token=token).failure(failed).run()

        QTimer.singleShot(WARM_AFTER_MS, self._parent, start)

    def give_way(self) -> None:
        if self._token is not None:
            self._token.cancel()


def search_probes(text: str) -> list[str]:
    """What to warm a search with: the first 1, 2 and 3 characters of a text the list shows (so the index
    holds them), the lengths a search plans differently."""
    chars = "".join(text.split())
    return list(dict.fromkeys(chars[:n] for n in (1, 2, 3) if len(chars) >= n))
