"""はじめに — the first start: no data file yet, so ask how to begin instead of guessing.

Four ways: デモデータで始める (the fictional town, to try things out), 空のデータで始める (reference
data only), 町役場のサーバーにつなぐ (the shared PostgreSQL server), バックアップから復元する (a backup
file from another computer). Whatever is chosen, the program then opens as usual on the result.

``run_gui_with_welcome(target)`` is what ``sakae-council`` without a subcommand calls: it shows this
screen only when ``target`` is a data file that does not exist yet; a server remembered from an earlier
start is offered again through the connection dialog (which keeps the password only in the OS
credential store, and only when asked to).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import StorageError
from sakae_council.gui import i18n
from sakae_council.gui.first_start import (  # noqa: F401  (imported from here by the CLI, tests, scripts)
    create_file,
    data_file,
    needs_welcome,
    restore_into,
    without_password,
)
from sakae_council.gui.ops import OpHandle, QueryOp
from sakae_council.gui.screen_fit import fit_to_screen
from sakae_council.gui.settings import KEY_TEXT_SIZE, app_settings
from sakae_council.gui.text_size import TextSize, apply_text_size, bold_font
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.messages import show_error

log = logging.getLogger(__name__)

#: The server URL (without any password) chosen at a start, offered again at the next start.
KEY_SERVER = "file/server"

DEMO = "demo"
EMPTY = "empty"
SERVER = "server"
RESTORE = "restore"


# --- connecting to the town-hall server ---------------------------------------------------------------


def ask_server(parent: QWidget | None) -> str | None:
    """The server URL to open (with the password, in memory only), or None if the user backed out.

    The connection dialog (gui/dialogs/connection.py) saves the server's settings itself, and the
    password only in the OS credential store when the user asks it to.
    """
    from sakae_council.gui.dialogs.connection import ConnectionDialog

    dialog = ConnectionDialog(parent=parent)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.result_dto is None:
        return None
    return str(dialog.result_dto.url)


# --- the welcome screen -------------------------------------------------------------------------------


class WelcomeDialog(QDialog):
    """はじめに: four large buttons, each saying what it does; the chosen data is opened afterwards.

    ``chosen`` holds the database to open (a path or a URL) once the dialog is accepted.
    """

    finished_work = Signal()

    def __init__(self, target: str, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self.target = target
        self.settings = settings
        self.chosen: str | None = None
        self.choice: str | None = None
        self._job: OpHandle | None = None
        self._build()
        self._retranslate()
        QShortcut(QKeySequence("Ctrl++"), self, self._larger)
        QShortcut(QKeySequence("Ctrl+="), self, self._larger)
        QShortcut(QKeySequence("Ctrl+-"), self, self._smaller)

    def _build(self) -> None:
        self.title = TitleLabel("", self)
        self.title.setObjectName("welcomeTitle")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        # A button that says what it does, and beside it one plain sentence on when to choose it; both
        # in the body text size (a command-link button would print the explanation smaller).
        self.buttons: dict[str, QPushButton] = {}
        self.descriptions: dict[str, QLabel] = {}
        choices = QGridLayout()
        choices.setHorizontalSpacing(16)
        choices.setVerticalSpacing(12)
        choices.setColumnStretch(1, 1)
        for row, (key, handler) in enumerate(
            (
                (DEMO, self.start_demo),
                (EMPTY, self.start_empty),
                (SERVER, self.connect_server),
                (RESTORE, self.restore_backup),
            )
        ):
            button = QPushButton(self)
            button.setObjectName(f"welcome_{key}")
            button.setFont(bold_font())
            button.setAutoDefault(False)
            button.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
            button.clicked.connect(handler)
            description = QLabel(self)
            description.setWordWrap(True)
            description.setObjectName(f"welcome_{key}_text")
            choices.addWidget(button, row, 0)
            choices.addWidget(description, row, 1)
            self.buttons[key] = button
            self.descriptions[key] = description
        self._choices = choices
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.hide()
        # 中止 beside the bar while the demo town is built (the longest wait of a first start)
        self.stop = QPushButton(self)
        self.stop.setObjectName("welcomeStop")
        self.stop.setAutoDefault(False)
        self.stop.clicked.connect(self._stop)
        self.stop.hide()
        self.status = QLabel(self)
        self.status.setObjectName("welcomeStatus")
        self.status.setWordWrap(True)
        self.where = MutedLabel("", self)
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        # A small link to the other language: 「English」 while Japanese is shown, 「日本語」 back.
        self.language = QPushButton(self)
        self.language.setObjectName("welcomeLanguage")
        self.language.setFlat(True)
        self.language.setAutoDefault(False)
        self.language.setCursor(Qt.CursorShape.PointingHandCursor)
        link = self.language.palette()
        link.setColor(QPalette.ColorRole.ButtonText, link.color(QPalette.ColorRole.Link))
        self.language.setPalette(link)
        underlined = QFont()  # only "underlined": size and family still follow the text size
        underlined.setUnderline(True)
        self.language.setFont(underlined)
        self.language.clicked.connect(self._switch_language)
        self.quit_button = QDialogButtonBox(self)
        self.quit = self.quit_button.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.quit.setObjectName("welcomeQuit")
        self.quit_button.rejected.connect(self.reject)

        bottom = QHBoxLayout()
        bottom.addWidget(self.language)
        bottom.addStretch(1)
        bottom.addWidget(self.quit_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(self._choices)
        working = QHBoxLayout()
        working.addWidget(self.progress, 1)
        working.addWidget(self.stop)
        layout.addLayout(working)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.where)
        layout.addLayout(bottom)
        self.buttons[DEMO].setFocus()

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("はじめに — 栄町 まちづくり協議会"))
        self.title.setText(self.tr("栄町 まちづくり協議会へようこそ"))
        self.intro.setText(self.tr("このパソコンには、まだデータがありません。始め方を選んでください。"))
        texts = {
            DEMO: (
                self.tr("デモデータで始める(&D)"),
                self.tr(
                    "架空の町のデータで、操作を試せます。本番に使うときは、ファイル → 新規 で新しいデータを作ります。"
                ),
            ),
            EMPTY: (
                self.tr("空のデータで始める(&E)"),
                self.tr("学区・名簿などを一から登録します。分類などの基本データは入っています。"),
            ),
            SERVER: (
                self.tr("町役場のサーバーにつなぐ(&S)"),
                self.tr(
                    "何人かで同じデータを使うときに選びます。接続先はサーバーの担当者にたずねてください。"
                ),
            ),
            RESTORE: (
                self.tr("バックアップから復元する(&R)"),
                self.tr("前のパソコンなどで作ったバックアップのファイルから、データを戻します。"),
            ),
        }
        for key, (title, description) in texts.items():
            self.buttons[key].setText(title)
            self.descriptions[key].setText(description)
            self.buttons[key].setAccessibleDescription(description)
        path = data_file(self.target)
        self.where.setText(self.tr("データの保存場所: {path}").format(path=path or self.target))
        other = i18n.JAPANESE if i18n.is_english() else i18n.ENGLISH
        self.language.setText(i18n.choice_label(other))  # the name of the language it switches to
        self.language.setAccessibleName(self.tr("表示言語"))
        self.quit.setText(self.tr("終了"))
        self.stop.setText(self.tr("中止"))
        self._fit()

    def _fit(self) -> None:
        """Wide enough for the sentences, and tall enough for them once wrapped (any language, any size)."""
        em = self.fontMetrics().horizontalAdvance("あ")
        for label in self.descriptions.values():
            label.setMinimumWidth(em * 18)
        self.setMinimumWidth(em * 44)
        layout = self.layout()
        width = max(self.width(), self.minimumSizeHint().width(), em * 44)
        height = self.sizeHint().height()
        if layout is not None:
            layout.activate()
            if layout.hasHeightForWidth():
                height = layout.totalHeightForWidth(width)
        self.setMinimumHeight(height)
        self.resize(width, height)
        fit_to_screen(self)

    def _switch_language(self) -> None:
        """The link: English when Japanese is shown, Japanese back; remembered for the next start."""
        choice = i18n.JAPANESE if i18n.is_english() else i18n.ENGLISH
        self.settings.setValue(i18n.KEY_LANGUAGE, choice)
        i18n.install_language(choice)
        self._retranslate()

    def _set_size(self, size: TextSize) -> None:
        self.settings.setValue(KEY_TEXT_SIZE, size.code)
        apply_text_size(size)  # the labels get the new font from the event loop: changeEvent fits then

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)
        if e.type() == QEvent.Type.FontChange:
            # Fitted once every label has its new font: measured at once, the old (smaller) font's
            # wrapped heights cut the sentences off after Ctrl++.
            QTimer.singleShot(0, self._fit)

    def _larger(self) -> None:
        self._set_size(TextSize.from_code(self.settings.value(KEY_TEXT_SIZE)).larger())

    def _smaller(self) -> None:
        self._set_size(TextSize.from_code(self.settings.value(KEY_TEXT_SIZE)).smaller())

    # --- the four ways ------------------------------------------------------------------------------
    def _busy(self, text: str) -> None:
        for button in self.buttons.values():
            button.setEnabled(False)
        self.language.setEnabled(False)
        self.quit.setEnabled(False)
        self.status.setText(text)
        self.progress.show()

    def _idle(self) -> None:
        for button in self.buttons.values():
            button.setEnabled(True)
        self.language.setEnabled(True)
        self.quit.setEnabled(True)
        self.progress.hide()
        self.stop.hide()

    def _run(self, choice: str, text: str, work: Callable[[], Any], *, stoppable: bool = False) -> None:
        self.choice = choice
        self._busy(text)
        op = QueryOp(work, parent=self).success(self._done).failure(self._failed)
        if stoppable:
            self.progress.setRange(0, 0)
            self.stop.setEnabled(True)
            self.stop.show()
            op.cancelled(self._stopped).progress(self._progressed)
        self._job = op.run()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _stop(self) -> None:
        if self._job is not None:
            self._job.cancel()
            self.stop.setEnabled(False)
            self.status.setText(self.tr("中止しています…"))

    def _stopped(self) -> None:
        self._job = None
        self._idle()
        self.status.setText(self.tr("中止しました。データファイルは作っていません。"))
        self.finished_work.emit()

    def _done(self, target: object) -> None:
        self._job = None
        self.chosen = str(target)
        self.progress.hide()
        self.finished_work.emit()
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self._idle()
        self.status.setText("")
        show_error(self, exc, title=self.tr("始められませんでした"))
        self.finished_work.emit()

    def start_demo(self) -> None:
        self._run(
            DEMO,
            self.tr("デモデータを作っています。しばらくお待ちください…"),
            lambda: create_file(self.target, with_demo=True),
            stoppable=True,
        )

    def start_empty(self) -> None:
        self._run(
            EMPTY, self.tr("データファイルを作っています…"), lambda: create_file(self.target, with_demo=False)
        )

    def connect_server(self) -> None:
        url = ask_server(self)
        if not url:
            return
        self.settings.setValue(KEY_SERVER, without_password(url))
        self.choice = SERVER
        self.chosen = url
        self.accept()

    def choose_backup_file(self) -> Path | None:
        """Ask for the backup file (a dialog; tests replace this method)."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("バックアップのファイルを選ぶ"),
            str(Path.home()),
            self.tr("バックアップ (*.db *.sqlite *.sqlite3 *.bak);;すべてのファイル (*)"),
        )
        return Path(path) if path else None

    def confirm_restore(self, question: str) -> bool:
        """Ask before restoring (a dialog; tests replace this method)."""
        box = QMessageBox(
            QMessageBox.Icon.Question, self.tr("バックアップから復元する"), question, parent=self
        )
        yes = box.addButton(self.tr("復元"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    def restore_backup(self) -> None:
        from sakae_council.services.backups import describe_backup

        backup = self.choose_backup_file()
        if backup is None:
            return
        try:
            info = describe_backup(backup)
        except (OSError, StorageError) as exc:
            show_error(self, exc if isinstance(exc, StorageError) else StorageError(str(exc)))
            return
        if info.problem:
            show_error(self, StorageError(info.problem + self.tr("別のファイルを選んでください。")))
            return
        question = self.tr(
            "次のバックアップからデータを戻します。\n\n{name}\n作成: {when}\n内容: {summary}"
        ).format(
            name=backup.name,
            when=i18n.format_date(info.taken_at.date()) + info.taken_at.strftime(" %H:%M"),
            summary=info.summary_text,
        )
        if not self.confirm_restore(question):
            return
        self._run(
            RESTORE, self.tr("バックアップから復元しています…"), lambda: restore_into(self.target, backup)
        )

    def reject(self) -> None:
        if self._job is not None:  # the file is half made: let the work finish first
            return
        super().reject()


def choose_start(target: str, settings: QSettings, parent: QWidget | None = None) -> str | None:
    """The database to open at start-up: ``target`` itself, or what the welcome screen made of it.

    None means the user chose 終了.
    """
    if not needs_welcome(target):
        return target
    if settings.value(KEY_SERVER):  # the town-hall server was chosen before: offer it again
        url = ask_server(parent)
        if url:
            return url
    dialog = WelcomeDialog(target, settings, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.chosen


def run_gui_with_welcome(target: str, *, quit_after: str | None = None) -> int:
    """``sakae-council`` without a subcommand: the welcome screen on a first start, then the window."""
    from sakae_council.gui.app import prepare_application, run_gui

    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    settings = app_settings()
    i18n.install_translators(app, settings)
    prepare_application(app, settings)
    chosen = choose_start(target, settings)
    if chosen is None:
        return 0
    return run_gui(chosen, quit_after=quit_after)
