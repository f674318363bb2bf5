"""バックアップから復元 (ファイル › バックアップから復元…): pick a backup by its date and what it holds,
next to what the data holds now; confirm naming the date; restore; every page shows the restored data.

The data as it was just before the restore is itself backed up first (the service does that), and the
dialog says where that copy went, so a restore can always be undone by another restore.
「ファイルから…」 restores a backup file kept elsewhere (a USB stick, another computer's folder).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import date_time_text
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.gui.startup import backup_when, summary_text
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.backup_timer import BACKUPS_AREA, can_back_up, locked
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.progress import start_with_progress
from sakae_council.services import backups
from sakae_council.services.backups import BackupDTO, RestoreResult

log = logging.getLogger(__name__)

#: Why a backup was taken, for the translation (the service's REASON_LABELS, by code).
REASON_TEXT = {
    "open": str(QT_TRANSLATE_NOOP("Restore", "起動時")),
    "auto": str(QT_TRANSLATE_NOOP("Restore", "自動（作業中30分ごと）")),
    "close": str(QT_TRANSLATE_NOOP("Restore", "終了時")),
    "manual": str(QT_TRANSLATE_NOOP("Restore", "手動")),
    "before-migration": str(QT_TRANSLATE_NOOP("Restore", "形式の更新前")),
    "before-restore": str(QT_TRANSLATE_NOOP("Restore", "復元の直前")),
    "before-import": str(QT_TRANSLATE_NOOP("Restore", "取り込みの直前")),
}


def reason_text(b: BackupDTO) -> str:
    return (
        QCoreApplication.translate("Restore", REASON_TEXT[b.reason])
        if b.reason in REASON_TEXT
        else b.reason_label
    )


def contents_text(b: BackupDTO) -> str:
    return b.problem or summary_text(b.counts)


def size_text(b: BackupDTO) -> str:
    return QCoreApplication.translate("Restore", "{size} KB").format(
        size=f"{max(1, round(b.size_bytes / 1024)):,}"
    )


class RestoreDialog(QDialog):
    """See the module docstring. ``restored(RestoreResult)`` after a restore succeeded."""

    restored = Signal(object)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.ctx = ctx
        self._job: OpHandle | None = None
        self.last_result: RestoreResult | None = None
        self.setWindowTitle(self.tr("バックアップから復元"))

        self.title = TitleLabel(self.tr("バックアップから復元"), self, factor=1.15)
        self.current = QLabel(self)
        self.current.setObjectName("currentSummary")
        self.current.setWordWrap(True)
        self.folder = MutedLabel("", self)
        self.folder.setObjectName("backupFolder")
        self.folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = MutedLabel("", self)
        self.status.setObjectName("restoreStatus")
        self.error = MessageLine("error", self)
        self.error.setObjectName("restoreError")
        self.done_line = MessageLine("warning", self)
        self.done_line.setObjectName("restoreDone")

        self.model: DtoTableModel[BackupDTO] = DtoTableModel(
            [
                Column(self.tr("作成日時"), lambda b: backup_when(b.taken_at)),
                Column(self.tr("いつ作ったか"), reason_text),
                Column(self.tr("入っているデータ"), contents_text, tooltip=contents_text),
                Column(self.tr("最後の変更"), self._last_change),
                Column(self.tr("大きさ"), size_text, align_right=True),
            ],
            self,
        )
        self.table = DataTable(self)
        self.table.setObjectName("backupTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("バックアップの一覧"))
        self.table.activatedRow.connect(lambda _row: self.restore_selected())
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._describe(current.row())
        )
        # The chosen backup in full, under the table: at large text sizes the contents column is cut.
        self.chosen = QLabel(self)
        self.chosen.setObjectName("chosenBackup")
        self.chosen.setWordWrap(True)

        self.restore_button = QPushButton(self.tr("このバックアップから復元…"), self)
        self.restore_button.setObjectName("restoreSelected")
        self.restore_button.setFont(bold_font())
        self.restore_button.setAutoDefault(False)
        self.restore_button.clicked.connect(self.restore_selected)
        self.file_button = QPushButton(self.tr("ファイルから…"), self)
        self.file_button.setObjectName("restoreFromFile")
        self.file_button.setAutoDefault(False)
        self.file_button.setToolTip(
            self.tr("USBメモリなど、ほかの場所にあるバックアップのファイルから復元します")
        )
        self.file_button.clicked.connect(self.restore_from_file)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        self.close_button.setObjectName("closeRestore")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)

        hint = MutedLabel(
            self.tr(
                "復元すると、今のデータは選んだバックアップの内容に置き換わります。"
                "今のデータは復元の直前に自動でバックアップするので、あとで戻すこともできます。"
            ),
            self,
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.current)
        layout.addWidget(self.folder)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.done_line)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.chosen)
        layout.addLayout(buttons)
        self._fit()
        self.reload()

    def _fit(self) -> None:
        em = self.fontMetrics().horizontalAdvance("あ")
        width, height = em * 58, self.fontMetrics().lineSpacing() * 26
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, int(area.width() * 0.95)), min(height, int(area.height() * 0.9))
        self.resize(width, height)

    @staticmethod
    def _last_change(b: BackupDTO) -> str:
        if b.last_change_at is None:
            return ""
        return date_time_text(b.last_change_at)

    # --- loading ------------------------------------------------------------------------------
    def reload(self) -> None:
        """The current data's summary now; the backups (each opened to count what it holds) in the background."""
        db = self.ctx.db
        self.error.clear()
        usable = can_back_up(db)
        self.restore_button.setEnabled(False)
        self.file_button.setEnabled(usable)
        if db.path is None:
            self.current.setText(
                self.tr(
                    "町のサーバーのデータは、ここでは復元できません。サーバーの管理者に依頼してください。"
                )
            )
            self.model.set_rows([])
            self.loaded.emit()
            return
        try:
            now = summary_text(backups.current_summary(db))
        except DomainError as exc:
            now = exc.message
        self.current.setText(self.tr("今のデータ: {summary}").format(summary=now))
        self.folder.setText(
            self.tr("バックアップの保存場所: {folder}").format(folder=backups.backup_folder(db))
        )
        if db.read_only:
            self.error.show_message(
                self.tr(
                    "読み取り専用で開いているため復元できません。通常どおり開き直してから復元してください。"
                )
            )
        self.status.setText(self.tr("バックアップを調べています…"))
        self._job = (
            QueryOp(lambda: backups.list_backups(db), parent=self)
            .success(self._listed)
            .failure(self._list_failed)
            .run()
        )

    def _listed(self, rows: object) -> None:
        self._job = None
        found = list(rows) if isinstance(rows, list) else []
        self.model.set_rows(found)
        self.chosen.clear()
        self.table.resizeColumnsToContents()  # with no rows, to the titles (cut at 特大 when left at 100 px)
        if found:
            self.status.setText(self.tr("バックアップ %n件（新しい順）", "", len(found)))
            self.table.select_row(0)
        else:
            self.status.setText(self.tr("バックアップはまだありません。"))
        self.restore_button.setEnabled(bool(found) and can_back_up(self.ctx.db))
        self.loaded.emit()

    def _list_failed(self, exc: BaseException) -> None:
        self._job = None
        self.status.setText("")
        self.error.show_message(exc.message if isinstance(exc, DomainError) else str(exc))
        self.loaded.emit()

    def _describe(self, row: int) -> None:
        b = self.model.row_at(row)
        if b is None:
            self.chosen.clear()
            return
        self.chosen.setText(
            self.tr("選んだバックアップ: {when}（{reason}）— {contents}").format(
                when=backup_when(b.taken_at), reason=reason_text(b), contents=contents_text(b)
            )
        )

    def selected(self) -> BackupDTO | None:
        return self.model.row_at(self.table.current_row())

    # --- restoring ----------------------------------------------------------------------------
    def restore_selected(self) -> None:
        backup = self.selected()
        if backup is not None:
            self.restore_from(backup)

    def choose_file(self) -> Path | None:
        """A backup file from anywhere (a file dialog)."""
        db = self.ctx.db
        start = str(backups.backup_folder(db)) if db.path is not None else str(Path.home())
        dialog = QFileDialog(self, self.tr("バックアップのファイルを選ぶ"), start)
        dialog.setObjectName("chooseBackupFile")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [self.tr("バックアップ (*.db *.sqlite *.sqlite3 *.bak)"), self.tr("すべてのファイル (*)")]
        )
        dialog.setOption(
            QFileDialog.Option.DontUseNativeDialog, QGuiApplication.platformName() == "offscreen"
        )
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def restore_from_file(self) -> None:
        path = self.choose_file()
        if path is None:
            return
        self.error.clear()
        try:
            info = backups.describe_backup(path)
        except (OSError, DomainError) as exc:
            self.error.show_message(
                exc.message
                if isinstance(exc, DomainError)
                else self.tr("そのファイルを読めません。ファイルの場所を確かめてください。")
            )
            return
        if info.problem:
            self.error.show_message(info.problem + self.tr("別のファイルを選んでください。"))
            return
        self.restore_from(info)

    def confirm_restore(self, backup: BackupDTO) -> bool:
        question = self.tr(
            "{when}のバックアップに戻しますか？\n\n"
            "バックアップの内容: {then}\n今のデータ: {now}\n\n"
            "{when}より後に入力した内容は、戻したデータには入っていません。"
            "今のデータは復元の直前にバックアップします。"
        ).format(when=backup_when(backup.taken_at), then=contents_text(backup), now=self._now_summary())
        return confirm(self, self.tr("バックアップから復元"), question, self.tr("復元する"))

    def _now_summary(self) -> str:
        try:
            return summary_text(backups.current_summary(self.ctx.db))
        except DomainError:
            return ""

    def restore_from(self, backup: BackupDTO) -> None:
        """Confirm naming the date, restore behind a progress window, then show the restored data everywhere."""
        if not can_back_up(self.ctx.db) or not self.confirm_restore(backup):
            return
        self.error.clear()
        self.done_line.clear()
        db = self.ctx.db
        # On the database worker, after a timer backup already asked for: one operation at a time. No 中止:
        # the restore is one sqlite3 backup into a temporary file, checked, then put in place — quick, and
        # it replaces the data file only once complete.
        start_with_progress(
            self,
            self.tr("バックアップから復元しています…"),
            lambda _token: locked(lambda: backups.restore_backup(db, backup.path))(),
            lambda result: self._restored(backup, result),
            on_failed=self._restore_failed,
            cancellable=False,
        )

    def _restore_failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.error.show_message(exc.message)
            return
        # unexpected: the service replaces the file only once all checks passed
        log.error("restore failed", exc_info=exc)
        self.error.show_message(self.tr("復元できませんでした。今のデータはそのままです。"))

    def _restored(self, backup: BackupDTO, result: RestoreResult) -> None:
        self.last_result = result
        message = self.tr("{when}のバックアップから復元しました。").format(when=backup_when(backup.taken_at))
        if result.safety_backup is not None:
            message += "\n" + self.tr("復元する前のデータは、次のファイルに保存しました: {path}").format(
                path=result.safety_backup
            )
        if result.moved_aside is not None:
            message += "\n" + self.tr("壊れていたデータファイルは、次の名前で残してあります: {path}").format(
                path=result.moved_aside
            )
        self.done_line.show_message(message)
        # Every page rebuilds on the restored data (same Database object, new contents).
        self.ctx.set_database(self.ctx.db)
        self.ctx.notify(BACKUPS_AREA)
        self.restored.emit(result)
        self.reload()
