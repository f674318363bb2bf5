"""Automatic backups while the program runs: at start, every ~30 minutes of work, and at the end.

``BackupScheduler(ctx)`` lives beside the AppContext (its Qt parent), so it outlasts a window rebuilt
for another language. It takes the start-up backup on the database worker (``gui/ops.py``), asks
``maybe_backup`` once a minute (the service decides whether 30 minutes of changes have passed), and at
quit takes the closing backup behind a progress window — also on the worker, after whatever was asked
of the database before it, without a nested event loop: the window closes once it is taken.
A file opened read-only, or a server, is never backed up from here.

After each backup it says ``ctx.notify(Area.BACKUPS)`` so the status bar's 「最終バックアップ」 refreshes.
Everything that writes backup files or replaces the data file (a restore, an import's safety backup)
runs on the database worker, one at a time; they also hold :data:`BACKUP_LOCK` (the command line and
tests call the same services from other threads).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from sakae_council import heap
from sakae_council.db.engine import Database
from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.gui.widgets.progress import start_with_progress
from sakae_council.services import backups

log = logging.getLogger(__name__)

#: Held by every background backup, restore and import of the data file (one at a time).
BACKUP_LOCK = threading.Lock()
#: How often the timer asks whether a backup is due (the service's own interval is 30 minutes).
CHECK_INTERVAL_MS = 60_000
#: The area name sent through ``ctx.notify`` after a backup was taken.
BACKUPS_AREA = Area.BACKUPS


def tr(text: str) -> str:
    return QCoreApplication.translate("BackupScheduler", text)


def locked(fn: Callable[[], Any]) -> Callable[[], Any]:
    """``fn`` wrapped to run while holding :data:`BACKUP_LOCK` (for a worker thread)."""

    def run() -> Any:
        with BACKUP_LOCK:
            return fn()

    return run


def can_back_up(db: Database) -> bool:
    """A file opened for writing; not a server, not a read-only open."""
    return db.path is not None and not db.read_only


class BackupScheduler(QObject):
    """See the module docstring. ``backupTaken(BackupDTO)`` and ``failed(exception)`` after each try."""

    backupTaken = Signal(object)
    failed = Signal(object)
    idle = Signal()

    def __init__(
        self,
        ctx: AppContext,
        *,
        interval_ms: int = CHECK_INTERVAL_MS,
        clock: Callable[[], datetime] = datetime.now,
    ) -> None:
        super().__init__(ctx)
        self.setObjectName("backupScheduler")
        self.ctx = ctx
        self._db = ctx.db
        self._clock = clock
        self._jobs: list[OpHandle] = []
        self.last_error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.tick)
        ctx.databaseChanged.connect(self._database_changed)

    @staticmethod
    def of(ctx: AppContext) -> BackupScheduler | None:
        """The scheduler running beside ``ctx``, if the program started one."""
        return ctx.findChild(BackupScheduler, "backupScheduler")

    # --- running ----------------------------------------------------------------------------------
    def start(self) -> None:
        """The start-up backup (only if the data changed since the newest one), then the timer."""
        db = self.ctx.db
        self._db = db
        if not can_back_up(db):
            self.timer.stop()
            return
        self._submit(lambda: backups.backup_on_open(db, self._clock()))
        self.timer.start()

    def tick(self) -> None:
        """Once a minute: a backup when changes were made and the last one is 30 minutes old."""
        db = self.ctx.db
        if self._jobs or not can_back_up(db):
            return
        self._submit(lambda: backups.maybe_backup(db, self._clock()))

    def backup_now(
        self,
        on_done: Callable[[object], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        """ファイル › 今すぐバックアップ: a verified backup into the backup folder, whatever changed."""
        db = self.ctx.db
        self._submit(lambda: backups.make_backup(db, reason="manual", now=self._clock()), on_done, on_failed)

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def _submit(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[object], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> None:
        holder: list[OpHandle] = []

        def done(result: object) -> None:
            self._finished(holder)
            self.last_error = ""
            if result is not None:
                self.backupTaken.emit(result)
                self.ctx.notify(BACKUPS_AREA)
            if on_done is not None:
                on_done(result)
            self._maybe_idle()

        def failed(exc: BaseException) -> None:
            self._finished(holder)
            self.last_error = exc.message if isinstance(exc, DomainError) else str(exc)
            log.warning("background backup failed: %s", exc)
            self.failed.emit(exc)
            if on_failed is not None:
                on_failed(exc)
            self._maybe_idle()

        job = QueryOp(locked(fn), parent=self).success(done).failure(failed).run()
        holder.append(job)
        self._jobs.append(job)

    def _finished(self, holder: list[OpHandle]) -> None:
        for job in holder:
            if job in self._jobs:
                self._jobs.remove(job)
        # the copy's check (integrity_check of the whole file) freed what it used on the worker's heap:
        # given back, not kept as the program's resident size
        heap.trim_heap()

    def _maybe_idle(self) -> None:
        if not self._jobs:
            self.idle.emit()

    # --- the end ----------------------------------------------------------------------------------
    def needs_closing_backup(self) -> bool:
        """Something was written since the last backup of a file this program backs up."""
        db = self.ctx.db
        return can_back_up(db) and db.writes != db.writes_at_last_backup

    def finish(
        self, parent: QWidget | None = None, then: Callable[[object | None], object] | None = None
    ) -> bool:
        """At quit: stop the timer, then the closing backup behind a progress window (after a backup already
        running: the worker takes one operation at a time). Returns at once: True when a backup was started
        (``then(BackupDTO or None)`` runs once it is taken, or failed and the user was told — the data itself
        is safe in the file), False when nothing changed since the last backup (``then`` is not called)."""
        self.timer.stop()
        if not self.needs_closing_backup():
            return False
        db = self.ctx.db
        start_with_progress(
            parent,
            tr("終了する前に、データのバックアップを作っています…"),
            lambda _token: locked(lambda: backups.backup_on_close(db, self._clock()))(),
            lambda taken: self._closed(taken, then),
            on_failed=lambda exc: self._closing_failed(parent, exc, then),
            cancellable=False,  # one sqlite3 backup: quick, and half a backup is no backup
            title=tr("バックアップ"),
        )
        return True

    def _closed(self, taken: object | None, then: Callable[[object | None], object] | None) -> None:
        if taken is not None:
            self.backupTaken.emit(taken)
        if then is not None:
            then(taken)

    def _closing_failed(
        self, parent: QWidget | None, exc: BaseException, then: Callable[[object | None], object] | None
    ) -> None:
        from sakae_council.gui.widgets.messages import show_error

        self.last_error = exc.message if isinstance(exc, DomainError) else str(exc)
        show_error(parent, exc, title=tr("終了時のバックアップを作れませんでした"))
        if then is not None:
            then(None)

    def finish_after_loop(self) -> object | None:
        """After the event loop has ended (``app.exec()`` returned): the closing backup on this thread, once
        the worker has finished what it was asked. Nothing waits on a window any more, so no loop is needed."""
        from sakae_council.gui import ops

        self.timer.stop()
        ops.worker().shutdown()
        if not self.needs_closing_backup():
            return None
        db = self.ctx.db
        try:
            return locked(lambda: backups.backup_on_close(db, self._clock()))()
        except DomainError as exc:
            log.warning("closing backup failed: %s", exc)
            return None

    def _database_changed(self) -> None:
        # AppContext.set_database emits before it closes the old database (and closes it on the worker,
        # after this): its closing backup is queued while it is open.
        old, new = self._db, self.ctx.db
        if old is new:
            return
        self.timer.stop()
        if can_back_up(old) and old.writes != old.writes_at_last_backup:
            self._submit(lambda: backups.backup_on_close(old, self._clock()))
        self.start()
