"""The main window: navigation on the left, the district switcher on top, pages in the middle.

Pages come from ``gui.pages.registry`` (see there how to add one); the window only lists them,
builds each the first time it is opened, and calls its ``on_shown()`` whenever it comes to the front.

At program start the window is built and painted before the database is open (``ctx.has_database`` is
False): navigation, menus and status bar are there, the page area says the data is being opened, and
nothing is read. ``ctx.set_database`` then brings the districts, the status line, the data-safety and
server parts and the page last used. This module therefore imports no SQLAlchemy, services or pages at
import time: they come when the data does (see ``gui/app.py``). On a file closed cleanly the dashboard
may show its first figures before that (:meth:`MainWindow.show_first_figures`, gui/first_figures.py).
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QAction, QActionGroup, QFontMetrics, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.pages.registry import PageSpec, build_page, page_specs
from sakae_council.gui.screen_fit import fit_to_screen
from sakae_council.gui.settings import (
    KEY_GEOMETRY,
    KEY_PAGE,
    KEY_RECENT,
    KEY_WINDOW_STATE,
    add_recent_file,
    read_list,
)
from sakae_council.gui.text_size import TextSize
from sakae_council.gui.widgets.district_bar import add_district_bar
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.status_line import LastBackup, StatusLine, newest_backup_file

if TYPE_CHECKING:
    from datetime import datetime

    from PySide6.QtGui import QCloseEvent

    from sakae_council.db.engine import Database
    from sakae_council.gui.context import Rights
    from sakae_council.gui.data_safety import DataSafety
    from sakae_council.gui.shared_server import SharedServer
    from sakae_council.services.first_figures import FirstFigures

log = logging.getLogger(__name__)

#: ``Qt.ItemDataRole.UserRole``'s value: where each navigation item keeps its page's key. Nothing the window
#: does before its first paint names the ``Qt`` namespace: PySide builds all of its ~100 enums on first use
#: (tens of ms of the start; tests/gui/test_lazy_start.py holds the line and this value).
PAGE_KEY_ROLE = 256
#: ``Qt.AlignmentFlag.AlignCenter``'s value (AlignHCenter | AlignVCenter), for the same reason.
ALIGN_CENTER = 0x84


def _unique(keys: list[QKeySequence]) -> list[QKeySequence]:
    """Drop repeated key sequences: the same key twice on one action makes Qt call it ambiguous."""
    seen: dict[str, QKeySequence] = {}
    for key in keys:
        seen.setdefault(key.toString(), key)
    return list(seen.values())


def show_error(parent: QWidget, exc: BaseException) -> None:
    from sakae_council.gui.widgets.messages import show_error as show  # QMessageBox: not before the paint

    show(parent, exc)


def seed_reference_data(db: Database) -> None:
    """Make sure a new file has its reference data (categories, indicators, bodies)."""
    try:
        from sakae_council.services.setup import ensure_seeded

        ensure_seeded(db)
    except ImportError:  # an area's service is not installed in this build yet
        log.warning("reference data not seeded", exc_info=True)


class MainWindow(QMainWindow):
    """The window people live in all day."""

    def __init__(
        self,
        ctx: AppContext,
        *,
        specs: list[PageSpec] | None = None,
        last_backup: LastBackup = newest_backup_file,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self._specs = specs if specs is not None else page_specs()
        self._pages: dict[str, QWidget] = {}
        self._last_backup = last_backup
        self.shared_server: SharedServer | None = None
        self.data_safety: DataSafety | None = None
        self.setWindowTitle(self.tr("栄町 まちづくり協議会"))

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setAccessibleName(self.tr("画面の一覧"))
        for spec in self._specs:
            item = QListWidgetItem(spec.title)
            item.setData(PAGE_KEY_ROLE, spec.key)
            self.nav.addItem(item)
        self.stack = QStackedWidget(self)
        self.opening_label: QLabel | None = None
        #: The dashboard showing the first figures at program start, until the database is open.
        self.first_page: QWidget | None = None

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self._build_district_bar()
        self._build_status_bar()
        self._build_menus()
        self._fit_navigation()
        if ctx.has_database:
            self._install_database_parts()

        self.nav.currentRowChanged.connect(self._show_row)
        ctx.dataChanged.connect(self._data_changed)
        ctx.textSizeChanged.connect(self._text_size_changed)
        ctx.databaseChanged.connect(self._database_changed)
        ctx.pageRequested.connect(self._page_requested)

        self._restore_geometry()
        if ctx.has_database:
            self._restore_page()
        else:
            self._show_opening()

    # --- building -----------------------------------------------------------------------------
    def _build_district_bar(self) -> None:
        self.district_bar = add_district_bar(self, self.ctx)
        self.district_switcher = self.district_bar.switcher
        if self.ctx.has_database:
            self._fill_districts()

    def _fill_districts(self) -> None:
        self.district_bar.reload()

    def _build_status_bar(self) -> None:
        """The status line; in the status bar at once with the data, else after the paint (attach_status_bar)."""
        self.status_line = StatusLine(self.ctx, self, self._last_backup)
        self.database_label = self.status_line.database_label
        self.backup_label = self.status_line.backup_label
        self.saved_label = self.status_line.saved_label
        self.update_status()
        if self.ctx.has_database:
            self.attach_status_bar()

    def attach_status_bar(self) -> None:
        """The status line in the window's status bar (once; gui/app.OpenAfterPaint calls it after the paint)."""
        self.status_line.attach(self)

    def show_saved(self, when: datetime) -> None:
        """Every editor's successful 保存 ends here (gui.dialogs.base.announce_saved): 「保存しました（HH:MM）」."""
        self.status_line.show_saved(when)

    def update_status(self) -> None:
        """The data in use and the last backup (looked up on the database worker)."""
        self.status_line.refresh()

    def _build_menus(self) -> None:
        menu_file = self.menuBar().addMenu(self.tr("ファイル(&F)"))
        self.action_new_file = menu_file.addAction(self.tr("新規…"), self.new_database)
        self.action_open_file = menu_file.addAction(self.tr("開く…"), self.open_database_dialog)
        self.action_open_file.setShortcuts(QKeySequence.StandardKey.Open)
        self.recent_menu = menu_file.addMenu(self.tr("最近使ったファイル"))
        self._fill_recent()
        menu_file.addSeparator()
        self.action_quit = menu_file.addAction(self.tr("終了"), self.close)
        self.action_quit.setShortcuts(QKeySequence.StandardKey.Quit)

        menu_view = self.menuBar().addMenu(self.tr("表示(&V)"))
        size_menu = menu_view.addMenu(self.tr("文字サイズ"))
        self.size_group = QActionGroup(self)
        self.size_actions: dict[TextSize, QAction] = {}
        for size in TextSize:
            action = size_menu.addAction(size.label)
            action.setCheckable(True)
            action.setChecked(size is self.ctx.text_size)
            action.triggered.connect(lambda _checked=False, s=size: self.ctx.set_text_size(s))
            self.size_group.addAction(action)
            self.size_actions[size] = action
        size_menu.addSeparator()
        self.action_larger = size_menu.addAction(self.tr("大きくする"), self.larger_text)
        self.action_larger.setShortcuts(
            _unique(
                [
                    QKeySequence("Ctrl++"),
                    QKeySequence("Ctrl+="),
                    *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomIn),
                ]
            )
        )
        self.action_smaller = size_menu.addAction(self.tr("小さくする"), self.smaller_text)
        self.action_smaller.setShortcuts(
            _unique([QKeySequence("Ctrl+-"), *QKeySequence.keyBindings(QKeySequence.StandardKey.ZoomOut)])
        )
        menu_view.addSeparator()
        for i, spec in enumerate(self._specs):
            action = menu_view.addAction(spec.title)
            # Ctrl+1…9 for the first nine pages; Ctrl+0 is always the last (設定), however many there are.
            digit = i + 1 if i < 9 else 0 if i == len(self._specs) - 1 else None
            if digit is not None:
                action.setShortcuts([QKeySequence(f"Ctrl+{digit}")])  # setShortcut: see PAGE_KEY_ROLE
            action.triggered.connect(lambda _checked=False, key=spec.key: self.show_page(key))

        menu_help = self.menuBar().addMenu(self.tr("ヘルプ(&H)"))
        menu_help.addAction(self.tr("バージョン情報"), self.show_about)
        menu_help.addAction(self.tr("データの保存場所"), self.show_data_location)

    def _install_database_parts(self) -> None:
        """What needs the data: the server menu items, user and change watcher (町のサーバーに接続…,
        利用者の管理…), and the data-safety menu items, notices and title (backup, restore, import, log)."""
        from sakae_council.gui.data_safety import install as install_data_safety

        self.attach_status_bar()
        from sakae_council.gui.shared_server import install as install_shared_server

        self.shared_server = install_shared_server(self)
        self.data_safety = install_data_safety(self)

    def _show_opening(self) -> None:
        """The page area while the data file is being opened at start: one line saying so."""
        self.opening_label = MutedLabel(self.tr("データファイルを開いています…"), self.stack)
        self.opening_label.setObjectName("openingLabel")
        # Qt.AlignmentFlag.AlignCenter by value (see PAGE_KEY_ROLE); not a style sheet: it would keep the
        # label from following the text size.
        self.opening_label.setProperty("alignment", ALIGN_CENTER)
        self.stack.addWidget(self.opening_label)
        self.stack.setCurrentWidget(self.opening_label)
        key = self._remembered_page()
        for i in range(self.nav.count()):  # the page last used is marked; it is built once the data is open
            if self.nav.item(i).data(PAGE_KEY_ROLE) == key:
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(i)
                self.nav.blockSignals(False)

    def _database_opened(self) -> None:
        """The first database of a window painted before it was open (program start)."""
        self._install_database_parts()
        self._fill_districts()
        self.update_status()
        if self.opening_label is not None:
            self.stack.removeWidget(self.opening_label)
            self.opening_label.deleteLater()
            self.opening_label = None
        self._restore_page()
        first, self.first_page = self.first_page, None
        if first is not None and first not in self._pages.values():  # another page was chosen meanwhile
            self.stack.removeWidget(first)
            first.deleteLater()

    def show_first_figures(self, figures: FirstFigures) -> bool:
        """At program start, before the database is open: the dashboard and the district switcher with the
        figures read first (gui/first_figures.py). False, and nothing shown, when the page to show first is
        not the dashboard. The page is kept once the database is open (see :meth:`page`)."""
        from sakae_council.gui.first_figures import FIRST_PAGE
        from sakae_council.gui.pages.dashboard import DashboardPage

        row = self.nav.currentRow()
        if self.ctx.has_database or row < 0 or self.nav.item(row).data(PAGE_KEY_ROLE) != FIRST_PAGE:
            return False
        self.district_bar.show_districts(list(figures.districts))
        self.first_page = DashboardPage(self.ctx, first=figures.dashboard)
        self.first_page.setObjectName(f"page_{FIRST_PAGE}")
        self.stack.addWidget(self.first_page)
        self.stack.setCurrentWidget(self.first_page)
        return True

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = read_list(self.ctx.settings, KEY_RECENT)
        for target in recent:
            action = self.recent_menu.addAction(target)
            action.triggered.connect(partial(self.switch_database, target))
        self.recent_menu.setEnabled(bool(recent))

    def _fit_navigation(self) -> None:
        fm = QFontMetrics(QApplication.font())  # the nav's own font catches up only after events run
        widest = max((fm.horizontalAdvance(spec.title) for spec in self._specs), default=100)
        self.nav.setFixedWidth(widest + 48)
        for i in range(self.nav.count()):
            item = self.nav.item(i)
            item.setSizeHint(QSize(widest, fm.height() + 16))

    # --- pages --------------------------------------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page for ``key``, built on first use."""
        if key not in self._pages:
            if self.first_page is not None and self.first_page.objectName() == f"page_{key}":
                self._pages[key] = self.first_page  # the first figures' page, now with its database
                return self.first_page
            spec = next(s for s in self._specs if s.key == key)
            widget = build_page(spec, self.ctx)
            widget.setObjectName(f"page_{key}")
            self._pages[key] = widget
            self.stack.addWidget(widget)
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        for i in range(self.nav.count()):
            if self.nav.item(i).data(PAGE_KEY_ROLE) == key:
                if self.nav.currentRow() != i:
                    self.nav.setCurrentRow(i)  # calls _show_row
                if not self.ctx.has_database and self.opening_label is not None:
                    return self.opening_label  # marked now, built once the data is open
                return self.page(key)
        raise KeyError(key)

    def current_page(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        if (
            not self.ctx.has_database
        ):  # program start: the first figures' page, or 「開いています…」 for the others
            first = self.first_page
            key = self.nav.item(row).data(PAGE_KEY_ROLE)
            waiting = (
                first if first is not None and first.objectName() == f"page_{key}" else self.opening_label
            )
            if waiting is not None:
                self.stack.setCurrentWidget(waiting)
            return
        key = self.nav.item(row).data(PAGE_KEY_ROLE)
        widget = self.page(key)
        fresh = self.stack.currentWidget() is not widget
        self.stack.setCurrentWidget(widget)
        self.ctx.settings.setValue(KEY_PAGE, key)
        on_shown = getattr(widget, "on_shown", None)
        if fresh and callable(on_shown):
            try:
                on_shown()
            except DomainError as exc:
                show_error(self, exc)

    def _page_requested(self, key: str) -> None:
        try:
            self.show_page(key)
        except KeyError:
            log.warning("page %s requested but not in the navigation", key)

    def _data_changed(self, area: str) -> None:
        if area == Area.DISTRICTS:
            self._fill_districts()

    def _text_size_changed(self, _size: object = None) -> None:
        for size, action in self.size_actions.items():
            action.setChecked(size is self.ctx.text_size)
        self._fit_navigation()

    def larger_text(self) -> None:
        self.ctx.set_text_size(self.ctx.text_size.larger())

    def smaller_text(self) -> None:
        self.ctx.set_text_size(self.ctx.text_size.smaller())

    # --- databases ----------------------------------------------------------------------------
    def new_database(self) -> None:
        from sakae_council.gui.window_actions import new_database  # its window: later

        new_database(self)

    def open_database_dialog(self) -> None:
        from sakae_council.gui.window_actions import open_database_dialog  # its window: later

        open_database_dialog(self)

    def switch_database(self, target: str, *, create: bool = False) -> None:
        """Open another file (or server) and show it in this window; the current one stays open on failure.

        The questions (in use, damaged, gone) are asked on the spot; opening the file, a restore, the seeding
        of a new file's reference data and the reading of the person's rights run on the database worker
        before the window changes over."""
        from sakae_council.gui.ops import QueryOp
        from sakae_council.gui.startup import open_with_user, prepare_for_window

        def use(db: Database, rights: Rights) -> None:
            self.ctx.set_database(db, rights)
            add_recent_file(self.ctx.settings, target)
            self._fill_recent()

        def opened(db: Database | None) -> None:
            if db is not None:  # prepare_for_window closes it when it fails
                QueryOp(lambda: prepare_for_window(db), parent=self).success(lambda r: use(db, r)).run()

        open_with_user(self, target, opened, create=create)  # asks when the file is in use, damaged or gone

    def _database_changed(self) -> None:
        if self.data_safety is None:
            self._database_opened()
            return
        current = self.nav.currentRow()
        for widget in self._pages.values():
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self._pages.clear()
        self._fill_districts()
        self.update_status()
        self._show_row(max(current, 0))

    # --- help ---------------------------------------------------------------------------------
    def show_about(self) -> None:
        from sakae_council.gui.window_actions import show_about  # its window: later

        show_about(self)

    def show_data_location(self) -> None:
        from sakae_council.gui.window_actions import show_data_location  # its window: later

        show_data_location(self)

    # --- state --------------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        settings = self.ctx.settings
        geometry = settings.value(KEY_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1280, 800)  # fitted to the screen below
        state = settings.value(KEY_WINDOW_STATE)
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(QByteArray(state))
        fit_to_screen(self)  # a laptop's 1366×768, or a size remembered from a larger screen

    def _remembered_page(self) -> str:
        key = self.ctx.settings.value(KEY_PAGE) or "roster"
        keys = [s.key for s in self._specs]
        return str(key) if key in keys else keys[0]

    def _restore_page(self) -> None:
        row = self.nav.currentRow()
        if row >= 0 and not self._pages:
            self._show_row(row)  # marked while the data was opening (the last used, or chosen meanwhile)
        else:
            self.show_page(self._remembered_page())

    def save_state(self) -> None:
        self.ctx.settings.setValue(KEY_GEOMETRY, self.saveGeometry())
        self.ctx.settings.setValue(KEY_WINDOW_STATE, self.saveState())
        self.ctx.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        super().closeEvent(event)
