"""Starting the program: the application object, fonts, text size, logging, the window, then the database.

The main window is painted first and the data file opened right after (:class:`OpenAfterPaint`): people
see the program at once, and the file's checks (lock, quick check, schema revision, the offers for a
file in use, damaged or gone) still come before any data is shown or can be edited. What the first paint
needs is kept free of SQLAlchemy, Alembic, ReportLab and the services; they are imported on the way to
the data (``tests/gui/test_lazy_start.py`` holds that line). On a file the last session closed cleanly, the
dashboard's first figures come even before those imports (the start sequence is in gui/first_figures.py).
"""

from __future__ import annotations

import gc
import logging
import sys
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from shiboken6 import isValid

from sakae_council.gui.context import AppContext
from sakae_council.gui.fonts import load_bundled_fonts
from sakae_council.gui.settings import APPLICATION, ENGLISH, KEY_LANGUAGE, ORGANISATION, app_settings
from sakae_council.gui.style import install_style
from sakae_council.gui.text_size import TextSize, apply_text_size

if TYPE_CHECKING:
    from datetime import date

    from sakae_council.db.engine import Database
    from sakae_council.gui.context import Rights
    from sakae_council.gui.main_window import MainWindow
    from sakae_council.gui.owed_check import OwedCheck
    from sakae_council.gui.startup import OpenFlow
    from sakae_council.gui.widgets.backup_timer import BackupScheduler
    from sakae_council.services.first_figures import FirstFigures

log = logging.getLogger(__name__)

#: Open the data even if no paint of the window was seen by then (a window started minimised).
OPEN_ANYWAY_MS = 3000
#: The quick check a file left by an unclean shutdown owes starts by then even if the first page never
#: showed its data (a page that fails on a damaged file must not keep the check from running).
OWED_CHECK_ANYWAY_MS = 2000
#: ReportLab and the papers are imported in the background this long after the page shows its data (not in
#: the middle of the start, where the import would hold the interpreter while the window paints).
PRELOAD_PAPERS_MS = 1500
#: Garbage collection comes back on by then even if the first page never showed its data.
GC_BACK_ANYWAY_MS = 15_000
#: The moments ``--quit-after`` can name: the main window painted, the first page showing its data (the
#: first figures, when read before the full open), or the page showing its data with the file fully open.
QUIT_MOMENTS = ("painted", "data", "ready")


def _install_translators(app: QApplication, *, before_paint: bool = False) -> None:
    """Qt's own strings and ours, in the language chosen in 設定; see gui/i18n.py.

    ``before_paint``: only if English was chosen (the window's own words need it). In Japanese the window
    is written in its own words, and Qt's translation (its dialogs' buttons, the line edits' menus) shows in
    nothing the first paint draws: it is installed right after it (:meth:`OpenAfterPaint.open`).
    """
    settings = app_settings()
    if before_paint and settings.value(KEY_LANGUAGE) != ENGLISH:
        return
    from sakae_council.gui.i18n import install_translators

    install_translators(app, settings)


def _setup_logging() -> None:
    """Tracebacks go to a log file (0600 in a 0700 folder, no personal data), never to the screen."""
    from sakae_council.logfile import setup_file_logging
    from sakae_council.paths import log_dir

    try:
        folder = log_dir()
    except OSError:
        return
    setup_file_logging(folder)


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    log.critical("unhandled exception", exc_info=(kind, value, tb))
    if QApplication.instance() is not None:
        from PySide6.QtWidgets import QMessageBox  # not imported before the window's first paint

        QMessageBox.warning(
            None,
            QCoreApplication.translate("App", "エラー"),
            QCoreApplication.translate(
                "App",
                "思わぬエラーが起きました。作業中の内容を確かめてください。直らないときは、ログファイルを担当者に渡してください。",
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


def create_window(ctx: AppContext) -> MainWindow:
    from sakae_council.gui.main_window import MainWindow

    return MainWindow(ctx)


class OpenAfterPaint(QObject):
    """Opens ``target`` for ``window`` once the window has painted (or after OPEN_ANYWAY_MS).

    The opening asks the user (in use, write-protected, damaged, gone) exactly as before, with the window
    behind the questions; backing out ends the program with exit code 1. Once open, the reference data
    is seeded, the window gets the database and the start-up backup starts in the background.
    """

    def __init__(self, window: MainWindow, target: str) -> None:
        super().__init__(window)
        self.window = window
        self.target = target
        self.started = False
        self.opened = False
        self.cancelled = False
        self._loading = False
        self._flow: OpenFlow | None = None
        #: The first figures shown before the full open (see gui/first_figures.py), if any.
        self.first_figures: FirstFigures | None = None
        self.backups: BackupScheduler | None = None
        #: The quick check a file left by an unclean shutdown owes, once started (gui/owed_check.py).
        self.owed_check: OwedCheck | None = None
        # The window itself, and the navigation's list (painted whatever covers the window's own area); not
        # the list's viewport(): asking for it makes PySide build every Qt class's type (see StartWatch).
        self._watched = (window, window.nav)
        for widget in self._watched:
            widget.installEventFilter(self)
        QTimer.singleShot(OPEN_ANYWAY_MS, self.open)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._watched:
            for widget in self._watched:
                widget.removeEventFilter(self)
            # after this paint has reached the screen: the first figures after the window, the rest after them
            QTimer.singleShot(0, self.open_fully if self.first_figures is not None else self.open)
        return False

    def open(self) -> None:
        """Step 2 of the start (gui/first_figures.py): the first figures when the file allows, else the full open."""
        if self.started:
            return
        self.started = True
        for widget in self._watched:
            widget.removeEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication) and self.window.ctx.settings.value(KEY_LANGUAGE) != ENGLISH:
            _install_translators(app)  # Qt's own Japanese (English was installed before the paint)
        self.window.attach_status_bar()  # after the paint, as the log file:
        _setup_logging()  # neither the status bar nor logging.handlers and platformdirs are needed for it
        from sakae_council.gui.first_figures import read_first_figures

        figures = read_first_figures(self.target, self.window.ctx.today())
        if figures is not None and self.window.show_first_figures(figures):
            self.first_figures = figures
            self._watched = (self.window.first_page,)  # type: ignore[assignment]
            for widget in self._watched:
                widget.installEventFilter(self)
            QTimer.singleShot(OPEN_ANYWAY_MS, self.open_fully)  # even if that page is never painted
            return
        self.open_fully()

    def open_fully(self) -> None:
        """Steps 3–4: with first figures on screen, the data layer is imported in the background first."""
        if self.opened or self._loading:
            return
        self._loading = True
        if self.first_figures is None:
            self._open_with_user()
            return
        from sakae_council.gui.first_figures import load_data_layer
        from sakae_council.gui.ops import QueryOp

        # On the database worker (its first operation: the file is opened right after, on the GUI thread).
        self._load_job = (
            QueryOp(load_data_layer, parent=self)
            .success(lambda _r: self._open_with_user())
            .failure(self._load_failed)
            .run()
        )

    def _load_failed(self, _exc: BaseException) -> None:
        self._open_with_user()  # the imports fail again there, on the GUI thread: told as any start error

    def _open_with_user(self) -> None:
        from sakae_council.gui.startup import OpenFlow

        flow = self._flow = OpenFlow(self.window, cancel_text=QCoreApplication.translate("OpenFlow", "終了"))
        try:
            # in use, write-protected, damaged, gone: the user decides (the file opens on the worker, as a
            # restore does). A file left by an unclean shutdown opens at once; its quick check runs in the
            # background once the data shows (gui/owed_check.py).
            flow.start(self.target, lambda db: self._opened(flow, db), defer_check=True)
        except Exception as exc:  # told (traceback to the log), and the program ends
            self._failed(flow, exc)

    def _opened(self, flow: OpenFlow, db: Database | None) -> None:
        if db is None:
            QApplication.exit(1)
            return
        if self.cancelled:  # the program is ending (--quit-after): nothing of the worker's uses it now
            flow.unclaimed = None
            db.close()
            return
        from sakae_council.gui.ops import QueryOp
        from sakae_council.gui.startup import prepare_for_window

        # The reference data is seeded (a full disk: told, and the program ends) and the rights read on the
        # worker too: the window gets the database with nothing left to read on the GUI thread.
        QueryOp(lambda: prepare_for_window(db), parent=self).success(
            lambda rights: self._use(flow, db, rights)
        ).failure(lambda exc: self._failed(flow, exc)).run()

    def _failed(self, flow: OpenFlow, exc: BaseException) -> None:
        log.warning("starting on %s failed: %s", self.target, exc)
        flow.error(exc, QCoreApplication.translate("App", "始められませんでした"))
        QApplication.exit(1)

    def _use(self, flow: OpenFlow, db: Database, rights: Rights) -> None:
        flow.unclaimed = None  # the window's now (closed when the program ends), or closed here
        if self.cancelled:
            db.close()
            return
        from sakae_council.gui.widgets.backup_timer import BackupScheduler

        ctx = self.window.ctx
        try:
            ctx.set_database(db, rights)
            if self.first_figures is not None:
                from sakae_council.gui.first_figures import refresh_if_changed

                refresh_if_changed(self.window, self.first_figures)
            self.backups = BackupScheduler(ctx)
            self.backups.start()  # the start-up backup in the background, then every ~30 minutes of work
        except Exception as exc:
            self._failed(flow, exc)
            return
        self.opened = True
        if db.check_owed:  # once the data shows (StartWatch), or by then even if the first page fails
            QTimer.singleShot(OWED_CHECK_ANYWAY_MS, self.data_shown)

    def data_shown(self) -> None:
        """The first page shows the file's data: the quick check it may owe now runs in the background."""
        if self.opened and self.owed_check is None and not self.cancelled:
            from sakae_council.gui.owed_check import start_owed_check

            self.owed_check = start_owed_check(self.window)

    def preload_papers(self) -> None:
        """Import ReportLab and the meeting papers on the papers' lane, so the session's first print does
        not wait for that import (most of a first print); nothing is opened, drawn or kept but modules."""
        if self.cancelled:
            return
        from sakae_council.gui.ops import Lane, QueryOp

        QueryOp(_import_papers, parent=self, lane=Lane.PAPERS).failure(_papers_not_loaded).run()

    def cancel(self) -> None:
        """Never open, and start nothing more (the program ends: ``--quit-after``)."""
        self.started = True
        self._loading = True
        self.cancelled = True

    def finish(self) -> None:
        if self.backups is not None:
            self.backups.finish_after_loop()  # nothing left to do when closing the window already took it
        self._close_unclaimed()

    def _close_unclaimed(self) -> None:
        """Close a database the open flow opened that the window never got (the program ended meanwhile),
        once the worker has ended: the lock released, the clean close noted, as for the window's own."""
        flow = self._flow
        if flow is None or flow.unclaimed is None:
            return
        from sakae_council.gui import ops

        ops.worker().shutdown()  # the flow's work, and anything asked of the database since, has finished
        db, flow.unclaimed = flow.unclaimed, None
        db.close()


class StartWatch(QObject):
    """Watches the start for three moments: the main window's first paint, the first page showing its data
    (the first figures, when they come before the full open), and the page showing data with the file open
    ("ready": the same moment as "data" when there were no first figures).

    Garbage collection is paused through the start (the many small objects made while importing and
    building would otherwise trigger full collections over the whole heap again and again); once ready it
    comes back on, with what exists by then frozen out of future collections. With ``quit_after``
    ("painted", "data" or "ready", the ``--quit-after`` option) the program ends with exit code 0 right
    after that moment, so the real start can be timed from outside.

    It watches the window and its navigation only, never the whole application: a Python event filter on
    the QApplication is handed every event of every object, and the first one of an object Qt made in C++
    with no Python class of its own (a style animation) makes PySide build the Python type of every Qt
    class (~180 enums, 20–40 ms before the first paint; ``tests/gui/test_paint_needs.py``). Every repaint
    of a widget in the window starts with an UpdateRequest to the window itself, so that is where the
    paints after the first one (the data) are seen.
    """

    def __init__(
        self,
        app: QApplication,
        window: MainWindow,
        opener: OpenAfterPaint,
        quit_after: str | None,
        *,
        resume_gc: bool,
    ) -> None:
        super().__init__(window)
        if quit_after not in (None, *QUIT_MOMENTS):
            raise ValueError(f"quit_after must be one of {QUIT_MOMENTS}, not {quit_after!r}")
        self.app = app
        self.window = window
        self.opener = opener
        self.quit_after = quit_after
        self.painted = False
        self.data_shown = False
        self.ready = False
        self.quit = False
        self._resume_gc = resume_gc
        self._watched: tuple[QObject, ...] = (window, window.nav)
        for widget in self._watched:
            widget.installEventFilter(self)
        QTimer.singleShot(GC_BACK_ANYWAY_MS, self._collect_again)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Paint or (kind == QEvent.Type.UpdateRequest and watched is self.window):
            if not self.painted:
                if kind == QEvent.Type.Paint:
                    self.painted = True
                    self._reached("painted")
            elif self._page_has_data():
                if not self.data_shown:
                    self.data_shown = True
                    self._reached("data")
                if self.opener.opened:
                    self.ready = True
                    self.stop()
                    self._collect_again()
                    if self.quit_after is None:
                        self.opener.data_shown()  # the quick check it may owe, in the background
                        QTimer.singleShot(PRELOAD_PAPERS_MS, self.opener, self.opener.preload_papers)
                    self._reached("ready")
        return False

    def stop(self) -> None:
        """Watch no more (the start is over)."""
        for widget in self._watched:
            if isValid(widget):
                widget.removeEventFilter(self)
        self._watched = ()

    def _page_has_data(self) -> bool:
        """The page on screen is a real page (not 「開いています…」) and, if it loads in the background, has its
        data — with the file open, or the first figures before it (gui/first_figures.py)."""
        if not self.opener.opened and self.opener.first_figures is None:
            return False
        page = self.window.current_page()
        if page is None or page is self.window.opening_label:
            return False
        return getattr(page, "data", True) is not None

    def _reached(self, moment: str) -> None:
        if moment == self.quit_after and not self.quit:
            self.quit = True
            self.opener.cancel()
            QTimer.singleShot(0, lambda: QApplication.exit(0))  # once this paint has reached the screen

    def _collect_again(self) -> None:
        if self._resume_gc and not gc.isenabled():
            self._resume_gc = False
            gc.freeze()  # what start-up made lives as long as the window: never scan it again
            from sakae_council.gui.ops import resume_gc

            resume_gc()  # on the GUI thread, never while a worker works (see gui/ops.py)


def _import_papers() -> None:
    import importlib

    importlib.import_module("sakae_council.reports.meeting_docs")


def _papers_not_loaded(exc: BaseException) -> None:
    log.warning("papers not imported in the background: %s", exc)  # the print window says it, if it fails


def run_gui(
    database: str, *, today: date | None = None, quit_after: str | None = None, gc_paused: bool = False
) -> int:
    """Start the window on ``database`` (a file path or a server URL); returns the exit code.

    ``quit_after`` ("painted" or "data"): end with exit code 0 right after that moment (see StartWatch).
    ``gc_paused``: the caller paused garbage collection for the start (the command line does, before the
    imports); it comes back on once the data shows, as if it had been on here.
    """
    resume_gc = gc.isenabled() or gc_paused
    gc.disable()  # through the start: see StartWatch
    try:
        return _run(database, today=today, quit_after=quit_after, resume_gc=resume_gc)
    finally:
        if resume_gc:
            gc.enable()


def _run(database: str, *, today: date | None, quit_after: str | None, resume_gc: bool) -> int:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    sys.excepthook = _excepthook  # the log file comes right after the first paint (OpenAfterPaint.open)
    _install_translators(app, before_paint=True)
    settings = app_settings()
    family = prepare_application(app, settings)
    ctx = AppContext(None, settings, font_family=family, today=today)
    window = create_window(ctx)  # painted before the data file is opened: see OpenAfterPaint
    opener = OpenAfterPaint(window, database)
    watch = StartWatch(app, window, opener, quit_after, resume_gc=resume_gc)
    window.show()
    try:
        code = app.exec()
    finally:
        watch.stop()
        watch._collect_again()
        opener.finish()
        if ctx.has_database:
            ctx.db.close()
    if watch.quit:
        return code
    return code if opener.opened else 1
