"""The main window's status bar: where the data is, 「保存しました（HH:MM）」 after every save, and when the
last backup was taken (read on the database worker: the backups folder may sit on a slow disk)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.generation import Generation
from sakae_council.gui.widgets.labels import ElidedLabel

if TYPE_CHECKING:
    from datetime import datetime

    from sakae_council.db.engine import Database


def tr(text: str) -> str:
    # The main window's context: these lines were part of it, and their translations stay where they are.
    return QCoreApplication.translate("MainWindow", text)


log = logging.getLogger(__name__)

LastBackup = Callable[["Database"], "datetime | None"]


def newest_backup_file(db: Database) -> datetime | None:
    """Time of the newest backup of the database file (in ``backups/`` beside it), if any."""
    if db.path is None:
        return None
    try:
        from sakae_council.db.backup import default_backup_dir, list_backup_files
    except ImportError:  # the backup module is not part of this build: look at the folder itself
        pass
    else:
        found = list_backup_files(default_backup_dir(db.path), db.path.name)
        return found[0].taken_at if found else None
    folder = db.path.parent / "backups"
    try:
        times = [p.stat().st_mtime for p in folder.iterdir() if p.is_file()]
    except OSError:
        return None
    from datetime import datetime

    return datetime.fromtimestamp(max(times)) if times else None


class StatusLine(QWidget):
    """The three parts of the status bar; not shown itself (its labels go into the window's status bar).

    The labels are made at once, but put into the window's QStatusBar only by :meth:`attach` — right after
    the first paint at program start (making Qt's status bar is a good part of building the window)."""

    def __init__(self, ctx: AppContext, window: QMainWindow, last_backup: LastBackup) -> None:
        super().__init__(window)
        self.hide()
        self.ctx = ctx
        self._last_backup = last_backup
        self._loads = Generation()
        self.database_label = ElidedLabel("")
        self.database_label.setObjectName("databaseLabel")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupLabel")
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")

    def attach(self, window: QMainWindow) -> None:
        """Put the labels into ``window``'s status bar (once)."""
        if self.database_label.parent() is None:
            bar = window.statusBar()
            bar.addWidget(self.database_label, 1)
            bar.addPermanentWidget(self.saved_label)
            bar.addPermanentWidget(self.backup_label)

    def show_saved(self, when: datetime) -> None:
        self.saved_label.setText(tr("保存しました（{time}）").format(time=when.strftime("%H:%M")))

    def refresh(self) -> None:
        """Name the data in use, and look up the last backup on the worker."""
        if not self.ctx.has_database:
            self.database_label.set_full_text(tr("データファイルを開いています…"))
            self.backup_label.setText("")
            return
        from sakae_council.gui.ops import QueryOp  # with the data, not before the first paint

        db, last_backup = self.ctx.db, self._last_backup
        self.database_label.set_full_text(tr("データ: {where}").format(where=db.describe()))

        def when() -> datetime | None:
            try:
                return last_backup(db)
            except Exception:  # a status line must never take the window down
                log.exception("cannot read last backup time")
                return None

        QueryOp(when, parent=self).latest(self._loads).success(self._show_backup).run()

    def _show_backup(self, when: datetime | None) -> None:
        if when is None:
            text = tr("最終バックアップ: まだありません")
        else:
            from sakae_council.gui.formatting import wareki  # with the data, not before the first paint

            text = tr("最終バックアップ: {date} {time}").format(
                date=wareki(when.date()), time=when.strftime("%H:%M")
            )
        self.backup_label.setText(text)
