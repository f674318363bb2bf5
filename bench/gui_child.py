"""Run in a fresh process by the start-up and memory benchmarks: start, watch for paint, report, quit.

    python -m bench.gui_child bare|window|dashboard|ready|settle|memory|memory-bare DB_PATH

``bare`` shows an empty QMainWindow; ``window`` starts the real program as ``sakae-council --db FILE`` does
(through ``cli.main``: the command line, the welcome decision, then the window) and stops at the main
window's first paint; ``dashboard`` starts it on the dashboard page and stops at the first paint after the
cards have their data (the first figures, read before the full open, count: a person sees them); ``ready``
stops once the file is fully open and the dashboard has its data; ``settle`` (not timed) starts the
program, lets it finish its start and closes the window, so the file is closed cleanly; ``memory`` visits every page, prints each paper once (``bench/memory_papers.py``) and reports the OS's peak resident
set (``ru_maxrss``) as well as the resident set at the end. The child prints one JSON line:
``{"painted": <time.monotonic()>, "rss_mb": ..., "hwm_mb": ..., "peak_mb": ...}``.
The parent gives it a private settings folder (XDG_CONFIG_HOME), so no user's settings are read or changed.

The timed modes watch no events of the whole application: a Python event filter on the QApplication sees
every event of every object, and the first event of an object Qt made in C++ with no Python class of its
own (a style animation, say) makes PySide build the Python type of every class it has (~180 enums, some
20–40 ms) — the bare window never has such an object, so the watch itself made the real window look
slower. ``bare`` watches its own window; the program's three moments are its own ``--quit-after
painted|data|ready`` (gui/app.StartWatch, the option an outside tool times the real start with), and the
time is taken when each has ended its event loop after that paint.
"""

from __future__ import annotations

import json
import sys
import time
from typing import Any

START = time.monotonic()


def _peak_mb() -> float:
    """The process's peak resident set as the OS counts it: Linux's VmHWM of this program image — not
    ``ru_maxrss``, which after fork and exec keeps the parent's peak (the benchmark process's, over 1 GB
    after the stress summary) — elsewhere ``ru_maxrss`` (macOS: bytes)."""
    import resource

    hwm = _rss().get("hwm_mb")
    if hwm:
        return hwm

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _rss() -> dict[str, float]:
    out: dict[str, float] = {}
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key = "rss_mb" if line.startswith("VmRSS") else "hwm_mb"
                    out[key] = int(line.split()[1]) / 1024
    except OSError:  # not Linux: report nothing rather than a wrong figure
        pass
    return out


def main(argv: list[str]) -> int:
    mode, database = argv[0], argv[1]
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    result: dict[str, Any] = {}

    def finish(**extra: Any) -> None:
        if "painted" in result:
            return
        result["painted"] = time.monotonic()
        result.update(extra)
        QTimer.singleShot(0, app.quit)

    def main_window() -> Any:
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and isinstance(w, QMainWindow):
                return w
        return None

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and "painted" not in result:
                window = main_window()
                if window is not None and (
                    obj is window or (hasattr(obj, "window") and obj.window() is window)
                ):
                    on_paint(window)
            return False

    def on_paint(window: Any) -> None:
        if mode == "memory-bare" or (mode == "memory" and window.ctx.has_database):  # pages need the file
            if "visiting" in result:
                return
            result["visiting"] = True
            QTimer.singleShot(0, lambda: visit_all(window))

    def visit_all(window: Any) -> None:
        per_page: dict[str, float] = {}
        extra: dict[str, Any] = {}
        if mode == "memory":
            from bench.day import TODAY
            from sakae_council.gui import ops

            window.ctx._today = TODAY  # the data's day (its 年度's books, its meetings), not the calendar's
            for spec in window._specs:
                window.show_page(spec.key)
                _settle(app, 0.3)
                # the page's data on screen: every lane idle (at the first start on a file the start-up
                # backup runs first on the database lane, and the pages' reads wait behind it)
                end = time.monotonic() + 300
                while not ops.is_idle() and time.monotonic() < end:
                    _settle(app, 0.05)
                per_page[spec.key] = _rss().get("rss_mb", 0.0)
            extra["peak_mb_after_pages"] = _peak_mb()
            from bench.memory_papers import print_each

            extra["papers"] = print_each(window, lambda s: _settle(app, s), _rss)
            _settle(app, 2.0)  # background jobs (dashboard cards) finish and free their temporaries
        finish(**_rss(), peak_mb=_peak_mb(), per_page=per_page, **extra)

    if mode == "phases":
        print(json.dumps(_phases(app, database)), flush=True)
        return 0
    if mode == "bare":
        return _bare(app, result)
    if mode in QUIT_AFTER:
        return _program(app, mode, database, result)
    if mode == "settle":
        return _settle_file(app, database)
    watch = Watch()
    app.installEventFilter(watch)  # memory only, not timed (see the module's docstring)
    if mode == "memory-bare":
        window = QMainWindow()
        window.setWindowTitle("bare")
        window.resize(1200, 800)
        window.show()
        app.exec()
    else:
        if mode != "memory":  # memory prints every paper: its parent's timeout bounds it
            QTimer.singleShot(120_000, lambda: finish(timeout=True))
        from sakae_council.cli import main as program  # the real path: the command line, then the window

        program(["--db", database])
    print(json.dumps({k: v for k, v in result.items() if k != "visiting"}), flush=True)
    return 0


#: The timed modes of the program and the ``--quit-after`` moment each ends at.
QUIT_AFTER = {"window": "painted", "dashboard": "data", "ready": "ready"}


def _bare(app: Any, result: dict[str, Any]) -> int:
    """An empty QMainWindow, ended (as the program's ``--quit-after``) right after its first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QMainWindow

    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1200, 800)

    class FirstPaint(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                QTimer.singleShot(0, app.quit)
            return False

    watch = FirstPaint()
    window.installEventFilter(watch)
    window.show()
    app.exec()
    result["painted"] = time.monotonic()
    print(json.dumps(result), flush=True)
    return 0


def _program(app: Any, mode: str, database: str, result: dict[str, Any]) -> int:
    """The real start through ``cli.main`` with ``--quit-after``; "painted" is when it has ended after that moment."""
    from PySide6.QtCore import QTimer

    if mode in ("dashboard", "ready"):
        from sakae_council.gui.settings import KEY_PAGE, app_settings

        settings = app_settings()
        settings.setValue(KEY_PAGE, "dashboard")
        settings.sync()

    def give_up() -> None:
        result["timeout"] = True
        app.exit(3)

    QTimer.singleShot(120_000, give_up)
    from sakae_council.cli import main as program  # the real path: the command line, then the window

    code = program(["--db", database, "--quit-after", QUIT_AFTER[mode]])
    result["painted"] = time.monotonic()
    if code != 0 and not result.get("timeout"):
        raise SystemExit(f"the program ended with {code} before {QUIT_AFTER[mode]}")
    print(json.dumps(result), flush=True)
    return 0


def _settle_file(app: Any, database: str) -> int:
    """Not timed: start the program, let it open the file and finish what it does after (the quick check a
    file not closed cleanly owes, the start-up backup), then close the window as a person does — the file
    is then as a user's is after a session (closed cleanly: the next start shows its first figures)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    from sakae_council.gui import ops

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow) and w.isVisible()]
        ctx = getattr(windows[0], "ctx", None) if windows else None
        if ctx is not None and ctx.has_database and not ctx.db.check_owed and ops.is_idle():
            poll.stop()
            windows[0].close()

    poll = QTimer()
    poll.timeout.connect(look)
    poll.start(100)
    QTimer.singleShot(900_000, app.quit)
    from sakae_council.cli import main as program

    code = program(["--db", database])
    print(json.dumps({"painted": time.monotonic(), "code": code}), flush=True)
    return 0


def _phases(app: Any, database: str) -> dict[str, float]:
    """Where the time goes, in run_gui's order (window first, data after), in ms since the child began."""
    laps: dict[str, float] = {}

    def lap(name: str) -> None:
        laps[name] = (time.monotonic() - START) * 1000

    lap("python + PySide6 + QApplication")
    from sakae_council.gui.app import app_settings, prepare_application
    from sakae_council.gui.context import AppContext
    from sakae_council.gui.main_window import MainWindow, seed_reference_data

    lap("import the main window (no data layer)")
    settings = app_settings()
    family = prepare_application(app, settings)
    lap("style and bundled fonts")
    ctx = AppContext(None, settings, font_family=family)
    window = MainWindow(ctx)
    lap("build the main window (before the data)")
    window.show()
    window.repaint()
    app.processEvents()
    lap("show and paint")
    from sakae_council.db.engine import open_database

    lap("import SQLAlchemy and the engine")
    db = open_database(database, user="bench")
    lap("open database (models, lock, quick_check, revision)")
    seed_reference_data(db)
    lap("seed reference data (first ORM query configures the mappers)")
    ctx.set_database(db)
    lap("districts, data-safety parts and the first page")
    from sakae_council.gui import ops

    while not ops.is_idle():  # the first page's loads, answered on the worker, before the file closes
        app.processEvents()
        time.sleep(0.002)
    lap("first page's data on screen (the worker's answers delivered)")
    window.close()
    ops.shutdown_all()
    db.close()
    return laps


def _settle(app: Any, seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
