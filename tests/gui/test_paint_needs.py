"""What the window's first paint waits for, in a fresh process started as a user starts it: not
platformdirs or logging.handlers (the log file comes right after the paint), and not PySide's ``Qt``
namespace (building its ~100 enums is a large part of a start); the window is whole all the same, the
log file is set up once it has painted, and ReportLab is imported in the background after the data shows
(the session's first print does not wait for it). Which modules exist is pinned here; the time is bench/."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import open_database
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import ALIGN_CENTER, PAGE_KEY_ROLE, MainWindow
from sakae_council.gui.pages.registry import page_specs
from sakae_council.gui.settings import app_settings
from sakae_council.gui.text_size import TextSize
from sakae_council.services.setup import ensure_seeded

from .helpers import TODAY, fresh_process_env

ROOT = Path(__file__).resolve().parents[2]
#: (argparse is not among them: PySide6 imports it itself.)
NOT_BEFORE_PAINT = ("platformdirs", "logging.handlers", "socket")

DRIVER = textwrap.dedent(
    """
    import json, logging, sys
    import PySide6.QtCore as QtCore
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QToolBar

    NOT_BEFORE = sys.argv[2].split(",")
    app = QApplication(sys.argv[:1])
    seen = {}

    class Watch(QObject):
        def eventFilter(self, obj, event):
            if event.type() != QEvent.Type.Paint:
                return False
            windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
            if windows and "painted" not in seen:
                window = windows[0]
                seen["painted"] = {
                    "qt_namespace": "Qt" in QtCore.__dict__,
                    "modules": [m for m in NOT_BEFORE if m in sys.modules],
                    "navigation": [window.nav.item(i).text() for i in range(window.nav.count())],
                    "status": window.database_label.text(),
                    "district_bar": [b.objectName() for b in window.findChildren(QToolBar)],
                    "menus": [a.text() for a in window.menuBar().actions()],
                }
            if windows and windows[0].ctx.has_database and "open" not in seen:
                seen["open"] = {
                    "log_files": [type(h).__name__ for h in logging.getLogger().handlers if hasattr(h, "baseFilename")],
                    "papers": "reportlab" in sys.modules,
                }
                poll.start(100)
            return False

    def papers_loaded():  # ReportLab and the papers come in the background once the data shows
        window = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()][0]
        if "sakae_council.reports.meeting_docs" in sys.modules and "reportlab.platypus" in sys.modules:
            seen["papers_later"] = True
            poll.stop()
            window.close()

    poll = QTimer()
    poll.timeout.connect(papers_loaded)

    watch = Watch()
    app.installEventFilter(watch)
    QTimer.singleShot(120_000, app.quit)
    from sakae_council.cli import main

    code = main(["--db", sys.argv[1]])
    print(json.dumps({"code": code, **seen}, ensure_ascii=False))
    """
)


def _start(tmp_path: Path, driver: str, *names: tuple[str, ...]) -> dict[str, Any]:
    """Start the program through ``driver`` in a fresh process on a new seeded file; its JSON line."""
    path = tmp_path / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        ensure_seeded(db)
    finally:
        db.close()
    proc = subprocess.run(
        [sys.executable, "-c", driver, str(path), *(",".join(n) for n in names)],
        cwd=ROOT,
        env=fresh_process_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        timeout=240,
    )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    assert proc.returncode == 0 and lines, proc.stderr[-3000:]
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def test_the_first_paint_waits_for_no_folder_lookup_log_handler_or_qt_namespace(tmp_path: Path) -> None:
    result = _start(tmp_path, DRIVER, NOT_BEFORE_PAINT)

    assert result["code"] == 0
    painted = result["painted"]
    assert painted["qt_namespace"] is False, "PySide's Qt namespace is built only after the first paint"
    assert painted["modules"] == []
    assert painted["navigation"] == [spec.title for spec in page_specs()], "the whole window all the same"
    assert painted["status"] == "データファイルを開いています…"
    assert painted["district_bar"] == ["districtBar"]
    assert painted["menus"] == ["ファイル(&F)", "表示(&V)", "ヘルプ(&H)"]
    assert result["open"]["log_files"] == ["OwnerOnlyRotatingFileHandler"], (
        "the log file, right after the paint"
    )
    assert list((tmp_path / "home" / "state").rglob("sakae_council.log")), "and it is written where it was"


#: Modules the first paint does without (they come with the data, or when a menu item is chosen): the
#: database worker and its queues, dataclasses, datetime, the translation set-up, the log file module, the
#: message box helpers and the file and help dialogs.
LATER_MODULES = (
    "sakae_council.gui.ops",
    "sakae_council.gui.i18n",
    "sakae_council.gui.widgets.messages",
    "sakae_council.gui.window_actions",
    "sakae_council.logfile",
    "dataclasses",
    "datetime",
    "queue",
)
#: PySide classes the window does not draw at its first paint. PySide builds a class's Python type (and its
#: enums) on first use; an application-wide Python event filter, or asking for a widget Qt made itself
#: (``QListWidget.viewport()``), made it build every class it has (~180 enums) before the paint.
UNDRAWN_CLASSES = ("QMessageBox", "QFileDialog", "QWizard", "QTabWidget", "QGraphicsView", "QDockWidget")

TYPES_DRIVER = textwrap.dedent(
    """
    import json, sys
    import PySide6.QtWidgets as QtWidgets
    from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QToolBar

    LATER, UNDRAWN = sys.argv[2].split(","), sys.argv[3].split(",")
    app = QApplication(sys.argv[:1])
    seen = {}

    # Only the main window is watched (an application-wide filter would itself build every type).
    from sakae_council.gui.main_window import MainWindow

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "painted" not in seen:
                seen["painted"] = {
                    "modules": [m for m in LATER if m in sys.modules],
                    "types": [t for t in UNDRAWN if t in QtWidgets.__dict__],
                    "title": obj.windowTitle(),
                    "navigation": obj.nav.count(),
                    "district_bar": [b.objectName() for b in obj.findChildren(QToolBar)],
                    "opening": obj.opening_label.text() if obj.opening_label is not None else None,
                    "qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel"),
                }
            elif obj.ctx.has_database and "open" not in seen:  # Qt's Japanese comes right after the paint
                seen["open"] = {"qt_cancel": QCoreApplication.translate("QPlatformTheme", "Cancel")}
                QTimer.singleShot(0, obj.close)
            return False

    watch = FirstPaint()
    show = MainWindow.show

    def show_watched(window):
        window.installEventFilter(watch)
        show(window)

    MainWindow.show = show_watched
    QTimer.singleShot(120_000, app.quit)
    from sakae_council.cli import main

    code = main(["--db", sys.argv[1]])
    print(json.dumps({"code": code, **seen}, ensure_ascii=False))
    """
)


def test_the_first_paint_builds_only_the_qt_classes_it_draws_and_imports_nothing_it_does_without(
    tmp_path: Path,
) -> None:
    result = _start(tmp_path, TYPES_DRIVER, LATER_MODULES, UNDRAWN_CLASSES)

    painted = result["painted"]
    assert painted["types"] == [], "no Python type of a class the first paint does not draw"
    assert painted["modules"] == []
    assert painted["title"] == "栄町 まちづくり協議会", "the whole window all the same"
    assert painted["navigation"] == len(page_specs())
    assert painted["district_bar"] == ["districtBar"]
    assert painted["opening"] == "データファイルを開いています…"
    assert painted["qt_cancel"] == "Cancel", "Qt's own Japanese is not needed for the first paint"
    assert result["open"]["qt_cancel"] == "キャンセル", "and is there before the data file is opened"


def test_the_pages_role_and_the_opening_line_are_what_qt_names_them(qtbot: QtBot, qapp: QApplication) -> None:
    """The window names no Qt enum before its first paint; the values it uses instead mean the same."""
    assert Qt.ItemDataRole.UserRole.value == PAGE_KEY_ROLE
    assert Qt.AlignmentFlag.AlignCenter.value == ALIGN_CENTER
    settings = app_settings()
    ctx = AppContext(None, settings, today=TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    keys = [window.nav.item(i).data(Qt.ItemDataRole.UserRole) for i in range(window.nav.count())]
    assert keys == [spec.key for spec in page_specs()]
    assert window.opening_label is not None
    assert window.opening_label.alignment() == Qt.AlignmentFlag.AlignCenter
    size = window.opening_label.fontInfo().pointSizeF()
    ctx.set_text_size(TextSize.XLARGE)  # the opening line follows the text size like every other text
    qtbot.waitUntil(lambda: window.opening_label.fontInfo().pointSizeF() > size)
    assert [s.toString() for s in window.action_open_file.shortcuts()][0] == "Ctrl+O"
