#!/usr/bin/env python3
"""Screenshots for the user guide, made from the demo town offscreen: ``python scripts/screenshots.py``.

Writes ``docs/images/``: ``welcome.png`` (the first start), ``page_<key>.png`` for every page of the
navigation, ``dialog_<name>.png`` for the editors the guide explains, and ``xlarge_roster.png`` (文字サイズ
特大). Everything is drawn in Japanese at 文字サイズ 中 on a 1280×800 window, with the demo town's "today"
(令和8年11月28日), so the pictures change only when the screens do.

Options: ``--out DIR`` (another folder), ``--lang en`` (the English interface), ``--size xlarge``.
Needs no display (Qt's offscreen platform) and never touches the user's own data or settings.
"""

from __future__ import annotations

import argparse
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


def _settle(app, ms: int = 150) -> None:  # type: ignore[no-untyped-def]
    """Let layouts, lazy loads and background jobs (the dashboard) finish before a picture is taken."""
    from PySide6.QtCore import QThreadPool

    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline or QThreadPool.globalInstance().activeThreadCount():
        app.processEvents()
        time.sleep(0.01)
        if time.monotonic() > deadline + 20:
            break
    for _ in range(20):  # a finished job's "done" signal is still queued: deliver it, and what it starts
        app.processEvents()
        time.sleep(0.01)


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
        _settle(app, 300)
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
    _settle(app, 300)
    _save(editor, out / "dialog_meeting_replies.png")
    editor.reject()
    _settle(app)


def make_screenshots(out: Path, *, lang: str = "ja", size: str = "medium") -> list[Path]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    # A fixed folder, so the path in the status bar is the same in every run (and the pictures too).
    work = Path("/dev/shm" if Path("/dev/shm").is_dir() else tempfile.gettempdir()) / "sakae_council_guide"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
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
        window.resize(*WINDOW_SIZE)
        window.show()
        _settle(app, 300)
        for i in range(window.nav.count()):
            key = window.nav.item(i).data(0x0100)  # Qt.UserRole
            window.show_page(key)
            _settle(app, 400)
            path = out / f"page_{key}.png"
            _save(window, path)
            made.append(path)
        _dialog_shots(app, window, out)
        _replies_shot(app, window, out)
        if size == "medium":
            ctx.set_text_size(TextSize.XLARGE)
            window.show_page("roster")
            _settle(app, 300)
            _save(window, out / "xlarge_roster.png")
            ctx.set_text_size(TextSize.MEDIUM)
        window.close()
    finally:
        db.close()
        shutil.rmtree(work, ignore_errors=True)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "images")
    parser.add_argument("--lang", choices=["ja", "en"], default="ja")
    parser.add_argument("--size", choices=["small", "medium", "large", "xlarge"], default="medium")
    args = parser.parse_args(argv)
    made = make_screenshots(args.out.resolve(), lang=args.lang, size=args.size)
    print(f"{len(made)} page screenshots in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
