"""What the main window shows and offers for the safety of the data (installed by MainWindow itself).

- ファイル menu: 今すぐバックアップ, バックアップから復元…, 名簿を取り込む…, 操作の記録…;
- a notice under the district bar when the file is open read-only, lives on a network share, or was
  left open by a program that ended abruptly (its lock was taken over);
- 「読み取り専用」 in the window title while the file is open read-only;
- the status bar's 最終バックアップ refreshed after every backup (``ctx.notify(Area.BACKUPS)``);
- at quit, the closing backup behind a progress window (when the program started a BackupScheduler).

Kept out of ``main_window.py`` so that file stays about navigation and pages.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QMenu, QPushButton, QVBoxLayout, QWidget

from sakae_council.gui.formatting import date_time_text
from sakae_council.gui.widgets.backup_timer import BACKUPS_AREA, BackupScheduler, can_back_up
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.messages import show_error

if TYPE_CHECKING:
    from sakae_council.gui.main_window import MainWindow

log = logging.getLogger(__name__)


class NoticeBanner(QWidget):
    """One or more notices (amber, with an icon) and a 閉じる button; hidden when there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.line = MessageLine("warning", self)
        self.line.setObjectName("noticeText")
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.close_button.setObjectName("noticeClose")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.close_button)
        self.hide()

    def show_notices(self, notices: list[str]) -> None:
        text = "\n".join(n for n in notices if n)
        self.line.show_message(text)
        self.setVisible(bool(text))

    def text(self) -> str:
        return self.line.text.text() if self.isVisibleTo(self.parentWidget() or self) else ""


class DataSafety(QObject):
    """The window's part of data safety (see the module docstring); one per MainWindow."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("dataSafety")
        self.ctx = window.ctx
        self._base_title = window.windowTitle()
        self._closing_done = False
        self._dialogs: dict[str, QDialog] = {}
        self._build_banner()
        self._build_menu()
        self.ctx.databaseChanged.connect(self.refresh)
        self.ctx.dataChanged.connect(self._data_changed)
        window.installEventFilter(self)
        self.refresh()

    @property
    def window(self) -> MainWindow:
        # Through the Qt parent, not a Python attribute: a window closed for a language switch must be
        # free to go (a reference cycle would keep its wrapper alive after Qt deleted it).
        return cast("MainWindow", self.parent())

    # --- building -----------------------------------------------------------------------------
    def _build_banner(self) -> None:
        # The banner goes above the navigation and the pages: wrap the central widget once.
        inner = self.window.takeCentralWidget()
        outer = QWidget(self.window)
        layout = QVBoxLayout(outer)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.banner = NoticeBanner(outer)
        layout.addWidget(self.banner)
        if inner is not None:
            layout.addWidget(inner, 1)
        self.window.setCentralWidget(outer)

    def _file_menu(self) -> QMenu | None:
        quit_action = getattr(self.window, "action_quit", None)
        for action in self.window.menuBar().actions():
            menu = action.menu()
            if isinstance(menu, QMenu) and quit_action in menu.actions():
                return menu
        return None

    def _build_menu(self) -> None:
        menu = self._file_menu()
        quit_action: QAction | None = getattr(self.window, "action_quit", None)
        self.action_backup_now = QAction(self.tr("今すぐバックアップ"), self.window)
        self.action_backup_now.setObjectName("actionBackupNow")
        self.action_backup_now.triggered.connect(self.backup_now)
        self.action_restore = QAction(self.tr("バックアップから復元…"), self.window)
        self.action_restore.setObjectName("actionRestore")
        self.action_restore.triggered.connect(self.open_restore)
        self.action_import = QAction(self.tr("名簿を取り込む（CSV・Excel）…"), self.window)
        self.action_import.setObjectName("actionImportMembers")
        self.action_import.triggered.connect(self.open_import)
        self.action_audit = QAction(self.tr("操作の記録（変更履歴）…"), self.window)
        self.action_audit.setObjectName("actionAuditLog")
        self.action_audit.triggered.connect(self.open_audit_log)
        if menu is None or quit_action is None:
            return
        for action in (self.action_backup_now, self.action_restore):
            menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)
        for action in (self.action_import, self.action_audit):
            menu.insertAction(quit_action, action)
        menu.insertSeparator(quit_action)

    # --- state --------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Title, notices and which actions are possible, for the database now open."""
        db = self.ctx.db
        title = self._base_title
        if db.read_only:
            title = self.tr("{title} — 読み取り専用").format(title=title)
        self.window.setWindowTitle(title)
        writable_file = can_back_up(db)
        for action in (self.action_backup_now, self.action_restore):
            action.setEnabled(writable_file)
        self.action_import.setEnabled(not db.read_only)  # on the town server too (no file backup there)
        self.banner.show_notices(self.notices())

    def notices(self) -> list[str]:
        """What the banner says for the open database."""
        db = self.ctx.db
        found: list[str] = []
        if db.read_only:
            found.append(
                self.tr(
                    "読み取り専用で開いています。見ることと印刷はできますが、変更は保存されません。"
                    "編集するには、ほかの人が終わってから開き直してください。"
                )
            )
        warning = db.network_warning
        if warning:
            found.append(warning)
        stale = db.stale_lock
        if stale is not None:
            text = (
                self.tr(  # the start opened it at once; gui/owed_check.py checks it in the background
                    "前回このデータを使っていたプログラム（{user}さん、{since}から）は、正しく終了していませんでした。"
                    "データはこのあと検査し、異常が見つかればお知らせします。"
                )
                if db.check_owed
                else self.tr(
                    "前回このデータを使っていたプログラム（{user}さん、{since}から）は、正しく終了していませんでした。"
                    "データは開くときに検査してあり、問題はありません。"
                )
            )
            found.append(text.format(user=stale.user or self.tr("利用者"), since=date_time_text(stale.since)))
        return found

    def _data_changed(self, area: str) -> None:
        if area == BACKUPS_AREA:
            self.window.update_status()

    # --- actions ------------------------------------------------------------------------------
    def scheduler(self) -> BackupScheduler:
        return BackupScheduler.of(self.ctx) or BackupScheduler(self.ctx)

    def backup_now(self) -> None:
        if not can_back_up(self.ctx.db):
            return
        self.action_backup_now.setEnabled(False)
        self.window.statusBar().showMessage(self.tr("バックアップを作っています…"))

        def done(dto: object) -> None:
            self.action_backup_now.setEnabled(can_back_up(self.ctx.db))
            path = getattr(dto, "path", None)
            self.window.statusBar().showMessage(
                self.tr("バックアップを作りました: {name}").format(
                    name=path.name if path is not None else ""
                ),
                15000,
            )

        def failed(exc: BaseException) -> None:
            self.action_backup_now.setEnabled(can_back_up(self.ctx.db))
            self.window.statusBar().clearMessage()
            show_error(self.window, exc, title=self.tr("バックアップを作れませんでした"))

        self.scheduler().backup_now(done, failed)

    def _show(self, kind: str, dialog: QDialog) -> QDialog:
        """Open ``dialog`` in place of the one of the same kind opened before (which is let go)."""
        old = self._dialogs.get(kind)
        if old is not None:
            old.close()
            old.deleteLater()
        self._dialogs[kind] = dialog
        dialog.open()
        return dialog

    def open_restore(self) -> QWidget:
        from sakae_council.gui.dialogs.restore import RestoreDialog

        return self._show("restore", RestoreDialog(self.ctx, self.window))

    def open_import(self) -> QWidget:
        from sakae_council.gui.dialogs.import_members import ImportMembersDialog

        return self._show("import", ImportMembersDialog(self.ctx, self.window))

    def open_audit_log(self) -> QWidget:
        from sakae_council.gui.dialogs.audit_log import AuditLogDialog

        return self._show("audit", AuditLogDialog(self.ctx, self.window))

    # --- quitting -----------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Close and self._is_last_window():
            scheduler = BackupScheduler.of(self.ctx)
            if scheduler is not None and not self._closing_done:
                self._closing_done = True
                # The closing backup runs on the database worker behind a progress window; the window
                # closes (asked again, the same way) once it is taken.
                if scheduler.finish(self.window, then=lambda _taken: self.window.close()):
                    event.ignore()
                    return True
        return False

    def _is_last_window(self) -> bool:
        # A language switch shows the rebuilt window before it closes this one: that is no quit.
        from sakae_council.gui.main_window import MainWindow

        return not any(
            isinstance(w, MainWindow) and w is not self.window and w.isVisible()
            for w in QApplication.topLevelWidgets()
        )


def install(window: MainWindow) -> DataSafety:
    """Add the data-safety menu items, notices and title to ``window``."""
    return DataSafety(window)
