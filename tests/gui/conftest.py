"""GUI fixtures: a temporary QSettings file, an AppContext on a fresh database, a main window, helpers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.gui.widgets import edit_guard
from sakae_council.services import districts, people

from .helpers import TODAY, add_member


@pytest.fixture(autouse=True)
def user_settings(tmp_path: Path, qapp: QApplication) -> Iterator[Path]:
    """Every test writes its settings to its own folder, never to the user's; text size back to 中 after."""
    folder = tmp_path / "settings"
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    apply_text_size(TextSize.MEDIUM)
    edit_guard.set_reason("")  # a read-only test's context does not disable the next test's buttons


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """Text a test typed and left in an open editor: closing it at the end of the test asks nothing.

    (Runs before pytest-qt closes the test's widgets; the question itself is tested where it is meant.)
    """
    for w in QApplication.topLevelWidgets():
        if isinstance(w, EntityDialog):
            w.mark_clean()
    yield


@pytest.fixture()
def ctx(db: Database, qapp: QApplication) -> AppContext:
    settings = app_settings()
    family = prepare_application(qapp, settings)
    return AppContext(db, settings, font_family=family, today=TODAY)


@pytest.fixture()
def two_districts(db: Database) -> tuple[int, int]:
    a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1))
    b = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2))
    return a.id, b.id


@pytest.fixture()
def roster(db: Database, two_districts: tuple[int, int]) -> dict[str, people.PersonDTO]:
    a, b = two_districts
    return {
        "watanabe": add_member(
            db, "渡辺 花子", "ワタナベ ハナコ", a, post=OfficerPost.CHAIR, phone="0476-95-1111"
        ),
        "aikawa": add_member(db, "相川 健", "アイカワ ケン", a, notes="ＰＴＡ会長"),
        "yoshida": add_member(db, "𠮷田 次郎", "ヨシダ ジロウ", a, role=MemberRole.PUBLIC_POST),
        "kita": add_member(db, "北 三郎", "キタ サブロウ", b, term=(date(2025, 4, 1), date(2027, 1, 31))),
        "mae": add_member(db, "前 退子", "マエ タイコ", b, term=(date(2021, 4, 1), date(2023, 3, 31))),
    }


@pytest.fixture()
def window(ctx: AppContext, qtbot: QtBot) -> Iterator[MainWindow]:
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    yield w
    w.close()


@pytest.fixture()
def other(db: Database) -> Iterator[Database]:
    """A second program instance on the same file, signed in as someone else."""
    assert db.path is not None
    second = open_database(db.path, user="ほかの人", lock=False)
    try:
        yield second
    finally:
        second.close()
