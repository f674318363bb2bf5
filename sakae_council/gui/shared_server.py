"""町のサーバー in the main window: connect to it, manage its users, see who you are, see others' saves.

``install(window)`` (called once from MainWindow) adds to the ファイル menu

- 「町のサーバーに接続…」: the ConnectionDialog; the server is opened (and migrated) in the background, then
  the window switches to it — the current database stays open if that fails;
- 「利用者の管理…」: the UsersDialog;

puts the connected user and role in the status bar (nothing on a local file), and starts a ChangeWatcher
so the lists show other users' saves (it stays idle on a local file).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu

from sakae_council.db.engine import Database, open_database
from sakae_council.gui.ops import Generation, OpHandle, QueryOp
from sakae_council.gui.widgets.change_watcher import ChangeWatcher
from sakae_council.gui.widgets.messages import show_error
from sakae_council.services.users import CurrentUserDTO, current_user

if TYPE_CHECKING:
    from sakae_council.gui.context import Rights
    from sakae_council.gui.dialogs.connection import ServerConnection
    from sakae_council.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class SharedServer(QObject):
    """The shared-server parts of one main window (see the module docstring)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        # No Python reference to the window: the context outlives it (a language switch rebuilds the window),
        # and its signal keeps this object alive; ``parent()`` is the window while it exists.
        self.ctx = window.ctx
        self._job: OpHandle | None = None
        self._user_loads = Generation()  # a switch made twice quickly shows the newest file's user only

        menu = window.action_quit.parent()  # the ファイル menu (its actions are parented to it)
        before = window.action_quit
        self.action_connect = QAction(self.tr("町のサーバーに接続…"), window)
        self.action_connect.setObjectName("actionConnectServer")
        self.action_connect.triggered.connect(self.connect_to_server)
        self.action_users = QAction(self.tr("利用者の管理…"), window)
        self.action_users.setObjectName("actionManageUsers")
        self.action_users.triggered.connect(self.manage_users)
        if isinstance(menu, QMenu):
            menu.insertAction(before, self.action_connect)
            menu.insertAction(before, self.action_users)
            menu.insertSeparator(before)
        else:  # the quit action has moved elsewhere: keep the items reachable anyway
            first = window.menuBar().actions()[0].menu()
            if isinstance(first, QMenu):
                first.addActions([self.action_connect, self.action_users])

        self.user_label = QLabel(window)
        self.user_label.setObjectName("userLabel")
        window.statusBar().addPermanentWidget(self.user_label)
        self.update_user()

        self.watcher = ChangeWatcher(self.ctx, parent=self)
        self.watcher.start()  # idle on a local file; follows ctx.databaseChanged
        self.ctx.databaseChanged.connect(self.update_user)

    @property
    def main_window(self) -> MainWindow:
        return self.parent()  # type: ignore[return-value]

    # --- status bar -------------------------------------------------------------------------------
    def update_user(self) -> None:
        """「利用者: 渡辺 花子（協議会事務局・安食小学校区）」 on a server; nothing on a local file (read on the worker)."""
        db = self.ctx.db
        QueryOp(lambda: current_user(db), parent=self).latest(self._user_loads).success(
            self._show_user
        ).failure(self._user_unknown).run()

    def _show_user(self, me: CurrentUserDTO) -> None:
        if not me.shared:
            self.user_label.clear()
            self.user_label.hide()
            return
        self.user_label.setText(self.tr("利用者: {0}").format(me.describe()))
        self.user_label.show()

    def _user_unknown(self, _exc: BaseException) -> None:  # a status line must never take the window down
        self.user_label.clear()
        self.user_label.hide()

    # --- 町のサーバーに接続 ----------------------------------------------------------------------------
    def connect_to_server(self) -> None:
        from sakae_council.gui.dialogs.connection import ConnectionDialog

        if self._job is not None:
            return
        dialog = ConnectionDialog(parent=self.main_window)
        if not dialog.exec():
            return
        self.open_server(dialog.result_dto)

    def open_server(self, conn: ServerConnection) -> None:
        """Open (and migrate) the server off the GUI thread, then switch the window to it."""
        url, user = conn.url, conn.settings.user

        def work() -> tuple[Database, Rights]:
            from sakae_council.gui.startup import prepare_for_window

            db = open_database(url, user=user)
            return db, prepare_for_window(db)  # seeded, and the rights read (it closes db when that fails)

        self.action_connect.setEnabled(False)
        self.main_window.statusBar().showMessage(self.tr("サーバーに接続しています…"))
        self._job = QueryOp(work, parent=self).success(self._opened).failure(self._failed).run()

    def _opened(self, opened: tuple[Database, Rights]) -> None:
        db, rights = opened
        self._job = None
        self.action_connect.setEnabled(True)
        self.main_window.statusBar().clearMessage()
        self.ctx.set_database(db, rights)
        self.main_window.statusBar().showMessage(
            self.tr("サーバーに接続しました: {0}").format(db.describe()), 8000
        )

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.action_connect.setEnabled(True)
        self.main_window.statusBar().clearMessage()
        log.warning("cannot connect to the server: %s", exc)
        show_error(self.main_window, exc, title=self.tr("サーバーに接続できませんでした"))

    # --- 利用者の管理 ----------------------------------------------------------------------------
    def manage_users(self) -> None:
        from sakae_council.gui.dialogs.users import UsersDialog, open_users_dialog

        def show(dialog: UsersDialog) -> None:
            # the user may have registered themselves or changed their own role
            dialog.finished.connect(lambda _result: self.update_user())
            dialog.open()

        open_users_dialog(
            self.ctx,
            self.main_window,
            show,
            failure=lambda exc: show_error(
                self.main_window, exc, title=self.tr("利用者の一覧を開けませんでした")
            ),
        )


def install(window: MainWindow) -> SharedServer:
    """Add the shared-server menu items, the user in the status bar, and the change watcher."""
    return SharedServer(window)
