"""Journeys: the real main window, built the way ``python -m sakae_council`` builds it, on a copy of the demo town.

``gui.app.run_gui`` makes the AppContext without a database, the window, and an OpenAfterPaint that opens
the data file once the window has painted; the fixture does the same steps (without ``app.exec()``, which
pytest-qt's event loop stands in for) and waits until the data is open.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from gui.conftest import user_settings  # noqa: F401 - settings in the test's own folder (autouse)
from gui.demo_town import demo_town_copy  # tests/ is on sys.path (see tests/conftest.py)
from gui.helpers import TODAY
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.gui.app import OpenAfterPaint, create_window, prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings


def wait_for(check: Callable[[], bool], timeout_s: float = 5.0) -> None:
    """Let Qt run until ``check()`` holds (what qtbot.waitUntil does, usable outside a test function)."""
    deadline = time.monotonic() + timeout_s
    while not check():
        assert time.monotonic() < deadline, "timed out"
        QApplication.processEvents()
        time.sleep(0.01)


def start_program(qapp: QApplication, path: Path) -> tuple[MainWindow, OpenAfterPaint]:
    """What run_gui does up to ``app.exec()``: the window first, the data file once it has painted."""
    settings = app_settings()
    family = prepare_application(qapp, settings)
    ctx = AppContext(None, settings, font_family=family, today=TODAY)
    window = create_window(ctx)
    opener = OpenAfterPaint(window, str(path))
    window.resize(1280, 760)
    window.show()
    wait_for(lambda: ctx.has_database, 20)
    window.activateWindow()
    return window, opener


def stop_program(window: MainWindow, opener: OpenAfterPaint) -> None:
    """What the end of run_gui does: the window closed, the background work finished, the data closed."""
    db = window.ctx.db if window.ctx.has_database else None
    window.close()
    opener.finish()
    if db is not None:
        db.close()
    window.deleteLater()
    QApplication.processEvents()


@pytest.fixture()
def demo_path(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return demo_town_copy(tmp_path_factory, tmp_path / "demo.db")


@pytest.fixture()
def program(qtbot: QtBot, qapp: QApplication, demo_path: Path) -> Iterator[MainWindow]:
    """The main window on a fresh copy of the demo town, opened as the program opens it."""
    window, opener = start_program(qapp, demo_path)
    yield window
    stop_program(window, opener)  # (not qtbot.addWidget: it would delete the window before this runs)
