#!/usr/bin/env python3
"""Screenshots for the user guide, made from the demo town offscreen: ``python scripts/screenshots.py``.

Writes ``docs/images/``: ``welcome.png`` (the first start), ``page_<key>.png`` for every page of the
navigation, ``dialog_<name>.png`` for the editors the guide explains, and ``xlarge_roster.png`` (文字サイズ
特大). Everything is drawn in Japanese at 文字サイズ 中 on a 1280×800 window, with the demo town's "today"
(令和8年11月28日), so the pictures change only when the screens do.

Options: ``--out DIR`` (another folder), ``--lang en`` (the English interface), ``--size xlarge``,
``--screen 1366x768`` (a laptop's screen: Qt's offscreen platform is given a screen of that width whose height
is less a 40-pixel task bar, and the window fills it), ``--every-window`` (also ``window_<Dialog>-new.png`` and,
where a list opens a record with Enter, ``window_<Dialog>-edit.png`` for every
dialog the program opens from its pages, tabs and menus — found by the walk of
``tests/journeys/test_every_window_closes.py`` — for looking at the whole program before a release).
Each picture is taken once the database worker is idle and the window has painted (never half loaded).
Needs no display (Qt's offscreen platform) and never touches the user's own data or settings.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WINDOW_SIZE = (1280, 800)
#: What a laptop's task bar takes from its screen's height.
TASK_BAR = 40


def _settle(app, ms: int = 50) -> None:  # type: ignore[no-untyped-def]
    """Wait as a person waits for the screen: until the database worker has answered everything asked of it
    (``gui.ops.is_idle``, as ``tests/gui/waiting.py::wait_idle`` waits), its answers are shown and the window
    has laid itself out and painted. ``ms`` is only the least time given to a debounced load to start; a
    page that takes longer is waited for (up to a minute), so no picture shows a half-loaded window."""
    from PySide6.QtCore import QThreadPool

    from sakae_council.gui import ops

    start = time.monotonic()
    quiet = 0
    while quiet < 3:  # three quiet rounds in a row: an answer delivered may have started another load
        app.processEvents()
        time.sleep(0.01)
        busy = not ops.is_idle() or QThreadPool.globalInstance().activeThreadCount() > 0
        quiet = 0 if busy or time.monotonic() - start < ms / 1000 else quiet + 1
        if time.monotonic() - start > 60:
            print("  (still busy after a minute: the picture may show a window still loading)", flush=True)
            break
    for widget in app.topLevelWidgets():
        if widget.isVisible():
            widget.repaint()  # paint now what the answers changed (grab() draws anyway; this settles layouts)
    app.processEvents()


def _save(widget, path: Path) -> None:  # type: ignore[no-untyped-def]
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"  {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}", flush=True)


def _dialog_shots(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The editors the guide explains, opened the way a user opens them."""
    from PySide6.QtWidgets import QApplication, QDialog, QPushButton

    wanted: list[tuple[str, str, Callable[[QPushButton], bool]]] = [
        (
            "roster",
            "person",
            lambda b: b.objectName() == "newButton" or b.text().startswith("名簿に新規登録"),
        ),
        ("roster", "print_roster", lambda b: b.text().startswith("名簿を印刷")),
        ("issues", "issue", lambda b: b.text().startswith("地域課題を登録") or b.objectName() == "newButton"),
        (
            "meetings",
            "meeting",
            lambda b: b.text().startswith("会議の新規登録") or b.objectName() == "newButton",
        ),
    ]
    for key, name, match in wanted:
        page = window.show_page(key)
        _settle(app)
        buttons = [b for b in page.findChildren(QPushButton) if b.isVisible() and b.isEnabled() and match(b)]
        if not buttons:
            print(f"  (no button for {name} on {key}: skipped)")
            continue
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        buttons[0].click()
        _settle(app)
        dialogs = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QDialog) and w.isVisible() and id(w) not in before
        ]
        for dialog in dialogs:
            _save(dialog, out / f"dialog_{name}.png")
            dialog.reject()
        _settle(app)


def _replies_shot(app, window, out: Path) -> None:  # type: ignore[no-untyped-def]
    """The 出欠 tab of the demo's next 安食 meeting, with the replies to its notice counted."""
    from sakae_council.services import meeting_bodies, meetings
    from sakae_council.services.demo import DEMO_TODAY

    db = window.ctx.db
    body = next(b for b in meeting_bodies.list_bodies(db) if b.district_name == "安食小学校区")
    upcoming = [m for m in meetings.list_meetings(db, body_id=body.id) if m.held_on > DEMO_TODAY]
    if not upcoming:
        return
    page = window.show_page("meetings")
    editor = page.open_editor(meetings.get_meeting(db, min(upcoming, key=lambda m: m.held_on).id))
    editor.tabs.setCurrentIndex(1)
    _settle(app)
    _save(editor, out / "dialog_meeting_replies.png")
    editor.reject()
    _settle(app)


def _laptop_screen(work: Path, size: tuple[int, int]) -> None:
    """Give Qt's offscreen platform (not yet started) a screen of ``size`` less the task bar."""
    if os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        return  # a real display, or a screen given by the caller
    screen = {"name": "laptop", "x": 0, "y": 0, "width": size[0], "height": size[1] - TASK_BAR}
    screen |= {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}
    config = work / "screen.json"
    config.write_text(json.dumps({"screens": [screen]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def _every_window(app, window, out: Path) -> list[Path]:  # type: ignore[no-untyped-def]
    """A picture of every dialog the walk of the running program reaches (a new record's and, where a list
    opens one with Enter, an existing record's), each taken while it is open, before the walk closes it."""
    sys.path.insert(0, str(ROOT / "tests"))
    from journeys.test_every_window_closes import Walk

    made: list[Path] = []

    seen: set[str] = set()

    class PictureWalk(Walk):
        def found(self, window, dialog, route, depth) -> None:  # type: ignore[no-untyped-def]
            # "-edit" when a listed record was opened with Enter (the window shows its data), else "-new"
            name = f"window_{type(dialog).__name__}-{'edit' if route[-1][0] == 'row' else 'new'}"
            if name not in seen:
                seen.add(name)
                _settle(app)
                _save(dialog, out / f"{name}.png")
                made.append(out / f"{name}.png")
            super().found(window, dialog, route, depth)

    # A council's books show once a 学区 is chosen (as a treasurer does): that page too.
    window.district_switcher.setCurrentIndex(1)
    window.show_page("accounts")
    _settle(app)
    _save(window, out / "page_accounts_council.png")
    made.append(out / "page_accounts_council.png")
    window.district_switcher.setCurrentIndex(0)
    PictureWalk().run(window)
    return made


def make_screenshots(
    out: Path,
    *,
    lang: str = "ja",
    size: str = "medium",
    screen: tuple[int, int] | None = None,
    every_window: bool = False,
) -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    # A fixed folder, so the path in the status bar is the same in every run (and the pictures too); one per
    # screen and text size, so those runs can go side by side.
    folder = "sakae_council_guide" + ("" if screen is None else f"-{screen[0]}x{screen[1]}-{size}")
    work = Path("/dev/shm" if Path("/dev/shm").is_dir() else tempfile.gettempdir()) / folder
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    if screen is not None and QApplication.instance() is None:
        _laptop_screen(work, screen)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    app = QApplication.instance() or QApplication(sys.argv[:1])

    from sakae_council.db.engine import open_database
    from sakae_council.gui import i18n
    from sakae_council.gui.app import prepare_application
    from sakae_council.gui.context import AppContext
    from sakae_council.gui.main_window import MainWindow
    from sakae_council.gui.settings import KEY_TEXT_SIZE, app_settings
    from sakae_council.gui.text_size import TextSize
    from sakae_council.gui.welcome import WelcomeDialog, create_file
    from sakae_council.services.demo import DEMO_TODAY

    settings = app_settings()
    settings.setValue(KEY_TEXT_SIZE, size)
    i18n.install_language(lang)
    family = prepare_application(app, settings)  # type: ignore[arg-type]
    out.mkdir(parents=True, exist_ok=True)
    made: list[Path] = []

    # The path a user sees on a first start (the usual data folder), not this script's scratch folder.
    import platformdirs

    from sakae_council.paths import APP_AUTHOR, APP_NAME

    usual = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "sakae_council.db"
    welcome = WelcomeDialog(str(usual), settings)
    welcome.show()
    _settle(app)
    _save(welcome, out / "welcome.png")
    welcome.close()

    print("building the demo town…", flush=True)
    target = str(work / "まちづくり協議会.db")
    create_file(target, with_demo=True)
    db = open_database(target, create=False, user="デモ")
    try:
        ctx = AppContext(db, settings, font_family=family, today=DEMO_TODAY)
        window = MainWindow(ctx, last_backup=lambda _db: None)
        window.resize(*(WINDOW_SIZE if screen is None else (screen[0], screen[1] - TASK_BAR)))
        window.show()
        _settle(app)
        for i in range(window.nav.count()):
            key = window.nav.item(i).data(0x0100)  # Qt.UserRole
            window.show_page(key)
            _settle(app)
            path = out / f"page_{key}.png"
            _save(window, path)
            made.append(path)
        _dialog_shots(app, window, out)
        _replies_shot(app, window, out)
        if every_window:
            made += _every_window(app, window, out)
        if size == "medium":
            ctx.set_text_size(TextSize.XLARGE)
            window.show_page("roster")
            _settle(app)
            _save(window, out / "xlarge_roster.png")
            ctx.set_text_size(TextSize.MEDIUM)
        window.close()
    finally:
        db.close()
        shutil.rmtree(work, ignore_errors=True)
    return made


def _screen_size(text: str) -> tuple[int, int]:
    width, _x, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()):
        raise argparse.ArgumentTypeError(f"{text!r}: give the screen as WIDTHxHEIGHT, e.g. 1366x768")
    return int(width), int(height)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument("--size", choices=["small", "medium", "large", "xlarge"], default="medium")
    parser.add_argument("--screen", type=_screen_size, default=None, metavar="WIDTHxHEIGHT")
    parser.add_argument("--every-window", action="store_true")
    args = parser.parse_args(argv)
    made = make_screenshots(
        args.out.resolve(), lang=args.lang, size=args.size, screen=args.screen, every_window=args.every_window
    )
    print(f"{len(made)} page and window screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
