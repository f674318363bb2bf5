"""Refresh lists when other users change data: a QTimer that polls the ChangeFeed off the GUI thread.

Create one per main window after the database is open::

    self.change_watcher = ChangeWatcher(ctx, parent=self)
    self.change_watcher.start()

Every few seconds it asks the feed (on the database worker, ``gui/ops.py``, so a slow network never freezes
the window and the question never runs beside another read or write)
what other users changed and calls ``ctx.notify(area)`` for each area — the same signal a page sends
after its own save, so every page that already refreshes on ``dataChanged`` shows the new data. When the
database is switched (``ctx.databaseChanged``) it follows. On a local file there is nothing to watch and
it stays idle.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from sakae_council.gui.context import AppContext
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.services.changes import ChangeFeed, ChangeSet

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MS = 3000


class ChangeWatcher(QObject):
    """Polls for other users' changes; emits ``changed(frozenset[str])`` and notifies the context."""

    changed = Signal(object)

    def __init__(
        self, ctx: AppContext, *, interval_ms: int = DEFAULT_INTERVAL_MS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._feed: ChangeFeed | None = None
        self._job: OpHandle | None = None
        self._wanted = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.poll_now)
        ctx.databaseChanged.connect(self._database_changed)

    @property
    def active(self) -> bool:
        """True while the timer runs on a database where others can change things."""
        return self._timer.isActive()

    def start(self) -> None:
        """Begin watching the context's database (does nothing on a single-user file)."""
        self._halt()
        self._wanted = True
        try:
            feed = ChangeFeed(self.ctx.db)
        except Exception:  # the server is unreachable right now: lists simply do not auto-refresh
            log.warning("cannot watch for changes", exc_info=True)
            return
        if not feed.live:
            feed.close()
            return
        self._feed = feed
        self._timer.start()

    def stop(self) -> None:
        """Stop the timer and close the feed's connection (also across database switches)."""
        self._wanted = False
        self._halt()

    def _halt(self) -> None:
        self._timer.stop()
        feed, self._feed = self._feed, None
        if feed is not None:
            feed.close()

    def poll_now(self) -> None:
        """Ask the feed once (skipped while the previous question is still out)."""
        feed = self._feed
        if feed is None or self._job is not None:
            return
        self._job = (
            QueryOp(feed.poll, parent=self)
            .success(lambda result: self._done(feed, result))
            .failure(self._failed)
            .run()
        )

    def _done(self, feed: ChangeFeed, result: ChangeSet) -> None:
        self._job = None
        if feed is not self._feed or not result:
            return
        areas = result.all_areas()
        self.changed.emit(areas)
        for area in sorted(areas):
            self.ctx.notify(area)

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        log.warning("polling for changes failed: %s", exc)

    def _database_changed(self) -> None:
        if self._wanted:
            self.start()
