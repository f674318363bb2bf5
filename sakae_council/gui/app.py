"""Starting the program: the application object, fonts, text size, logging, the database, the window."""

from __future__ import annotations

import logging
import sys
from datetime import date
from logging.handlers import RotatingFileHandler
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from sakae_council.gui.context import AppContext
from sakae_council.gui.fonts import load_bundled_fonts
from sakae_council.gui.settings import APPLICATION, ORGANISATION, app_settings
from sakae_council.gui.style import install_style
from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.paths import log_dir

log = logging.getLogger(__name__)


def _install_translators(app: QApplication) -> None:
    """Qt's own strings and ours, in the language chosen in 設定 (or the OS's); see gui/i18n.py."""
    from sakae_council.gui.i18n import install_translators

    install_translators(app, app_settings())


def _setup_logging() -> None:
    """Tracebacks go to a log file, never to the screen."""
    try:
        handler = RotatingFileHandler(log_dir() / "sakae_council.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        return
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    log.critical("unhandled exception", exc_info=(kind, value, tb))
    if QApplication.instance() is not None:
        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "エラー"),
            QCoreApplication.translate(
                "App", "思わぬエラーが起きました。作業中の内容を確かめてください。直らないときは、ログファイルを担当者に渡してください。"
            ),
        )


def prepare_application(app: QApplication, settings: QSettings) -> str | None:
    """Fonts and text size for ``app``; returns the UI font family (BIZ UD PGothic when it loads)."""
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    install_style(app)
    family = load_bundled_fonts()
    apply_text_size(TextSize.from_code(settings.value("view/text_size")), family)
    return family


def create_window(ctx: AppContext):  # type: ignore[no-untyped-def]
    from sakae_council.gui.main_window import MainWindow

    return MainWindow(ctx)


def run_gui(database: str, *, today: date | None = None) -> int:
    """Start the window on ``database`` (a file path or a server URL); returns the exit code."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    _setup_logging()
    sys.excepthook = _excepthook
    _install_translators(app)
    settings = app_settings()
    family = prepare_application(app, settings)
    from sakae_council.gui.startup import open_with_user

    db = open_with_user(None, database, at_start=True)  # in use, write-protected, damaged, gone: ask
    if db is None:
        return 1
    from sakae_council.gui.main_window import MainWindow, seed_reference_data
    from sakae_council.gui.widgets.backup_timer import BackupScheduler

    if not db.read_only:
        seed_reference_data(db)
    ctx = AppContext(db, settings, font_family=family, today=today)
    backups_running = BackupScheduler(ctx)
    window = MainWindow(ctx)
    window.show()
    backups_running.start()  # the start-up backup in the background, then every ~30 minutes of work
    try:
        return app.exec()
    finally:
        backups_running.finish()  # nothing left to do when closing the window already took it
        ctx.db.close()
