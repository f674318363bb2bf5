"""The data file's quick check after an unclean shutdown, run in the background once the data shows.

At program start a file the last session did not close cleanly (a crash, a power cut, another program
wrote to it) needs ``PRAGMA quick_check`` — 1.5 s on a 500 MB file. The window opens it at once
(``open_database(defer_check=True)``) and :func:`start_owed_check` runs the check on its own lane
(``ops.Lane.CHECK``, its own read-only connection) once the first page shows its data. A sound file: nothing
to say. A damaged one: the person is told, and the window closes; no clean close is noted, so the next start
checks the file first, keeps it aside and offers the newest good backup (gui/startup.py's recovery).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMessageBox

from sakae_council.gui.ops import Lane, OpHandle, QueryOp

if TYPE_CHECKING:
    from sakae_council.gui.main_window import MainWindow

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("OwedCheck", text)


class OwedCheck(QObject):
    """The background check of one open file (see the module docstring); ``sound``: its answer once known."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sound: bool | None = None
        self.job: OpHandle | None = None

    def start(self) -> None:
        db = self.window.ctx.db
        self.job = QueryOp(db.run_owed_check, parent=self, lane=Lane.CHECK).success(self._answered).run()

    def _answered(self, sound: bool | None) -> None:
        self.sound = sound
        if sound is not False:
            return  # sound, or it could not be told (busy): the next start checks again
        QMessageBox.critical(
            self.window,
            tr("データファイルの異常"),
            tr(
                "データファイルに異常が見つかりました（前回、プログラムが正しく終了しなかったためと考えられます）。"
                "このままではデータが失われるおそれがあるため、プログラムを終了します。\n\n"
                "もう一度起動すると、壊れたファイルを残したまま、バックアップからの復元を案内します。"
            ),
        )
        QTimer.singleShot(0, self.window.close)


def start_owed_check(window: MainWindow) -> OwedCheck | None:
    """Start the check the open deferred, if one is owed (a file closed cleanly owes none)."""
    if not window.ctx.has_database or not window.ctx.db.check_owed:
        return None
    check = OwedCheck(window)
    check.start()
    return check
