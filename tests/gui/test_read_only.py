"""読み取り専用: a file opened read-only shows every page with its edit actions disabled, saying why;
the services refuse writes anyway."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database, open_database
from sakae_council.domain.errors import StorageError
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.gui.settings import app_settings
from sakae_council.gui.widgets import edit_guard
from sakae_council.services import people
from sakae_council.services.people import PersonInput

from .demo_town import demo_town_copy
from .helpers import TODAY

REASON = "読み取り専用で開いています"
#: Words on buttons that change data. Every such button a page shows must be disabled read-only, so a
#: button added later without edit_guard.mark_edit fails here.
EDIT_WORDS = re.compile(
    r"新規登録|追加|削除|保存(?!履歴)|統合|元に戻す|取り込み|発行|貸出・予約|貸し出す|返却|受け渡し|取消|"
    r"ステータス変更|事業にする|共有|記録…|上へ|下へ|確定|修正"
)


@pytest.fixture()
def demo_path(tmp_path_factory: pytest.TempPathFactory, tmp_path: Path) -> Path:
    return demo_town_copy(tmp_path_factory, tmp_path / "demo.db")


@pytest.fixture()
def read_only_db(demo_path: Path) -> Iterator[Database]:
    db = open_database(demo_path, create=False, read_only=True, user="テスト担当")
    assert db.read_only
    yield db
    db.close()


@pytest.fixture()
def ro_window(read_only_db: Database, qtbot: QtBot, qapp: QApplication) -> Iterator[MainWindow]:
    settings = app_settings()
    window = MainWindow(
        AppContext(read_only_db, settings, font_family=prepare_application(qapp, settings), today=TODAY)
    )
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    edit_guard.set_reason("")


def edit_buttons(root: QWidget) -> list[QPushButton]:
    return [
        b
        for b in root.findChildren(QPushButton)
        if b.isVisibleTo(root) and EDIT_WORDS.search(b.text().replace("&", ""))
    ]


def test_every_page_shows_its_edit_actions_disabled_with_the_reason(
    ro_window: MainWindow, qtbot: QtBot
) -> None:
    assert ro_window.ctx.write_block_reason() == REASON
    seen = 0
    for i in range(ro_window.nav.count()):
        key = ro_window.nav.item(i).data(Qt.ItemDataRole.UserRole)
        page = ro_window.show_page(key)
        wait_idle()
        qtbot.waitUntil(lambda p=page: ro_window.stack.currentWidget() is p)
        if hasattr(page, "table") and page.table.model() is not None and page.table.model().rowCount() > 0:
            page.table.selectRow(0)  # a selection is what enables most row actions
        QApplication.processEvents()
        buttons = edit_buttons(page)
        seen += len(buttons)
        enabled = [f"{key}: {b.text()}" for b in buttons if b.isEnabled()]
        assert not enabled, enabled
        assert all(b.toolTip() == REASON for b in buttons), [(b.text(), b.toolTip()) for b in buttons]
    assert seen >= 20  # the walk really met the pages' edit buttons


def test_an_editor_opens_to_read_but_cannot_save(ro_window: MainWindow, qtbot: QtBot) -> None:
    page = ro_window.show_page("roster")
    wait_idle()
    assert isinstance(page, RosterPage)
    page.table.select_row(0)
    page.edit_current()
    wait_idle()
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, EntityDialog) and w.isVisible())
    assert dialog.form.isEnabled()  # the record can be read
    assert not dialog.save_button.isEnabled() and dialog.save_button.toolTip() == REASON
    dialog.save_button.setEnabled(True)  # a page re-enabling it (after a change) does not lift the guard
    assert not dialog.save_button.isEnabled()
    dialog.reject()


def test_keyboard_new_is_refused_with_a_message(ro_window: MainWindow, qtbot: QtBot) -> None:
    page = ro_window.show_page("roster")
    wait_idle()
    assert isinstance(page, RosterPage)
    before = set(QApplication.topLevelWidgets())
    qtbot.keyClicks(page.search, "")
    wait_idle()
    qtbot.keySequence(page.search, QKeySequence(QKeySequence.StandardKey.New))  # Ctrl+N
    qtbot.waitUntil(
        lambda: any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    )
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    assert REASON in box.text()
    assert not any(
        isinstance(w, EntityDialog) and w.isVisible() for w in set(QApplication.topLevelWidgets()) - before
    )
    box.close()


def test_the_services_refuse_writes_anyway(read_only_db: Database) -> None:
    before = len(people.list_people(read_only_db))
    with pytest.raises(StorageError, match="読み取り専用"):
        people.create_person(read_only_db, PersonInput(name="新井 一郎", furigana="アライ イチロウ"))
    assert len(people.list_people(read_only_db)) == before


def test_a_writable_file_keeps_its_edit_actions(demo_path: Path, qtbot: QtBot, qapp: QApplication) -> None:
    db = open_database(demo_path, create=False, user="テスト担当")
    try:
        settings = app_settings()
        ctx = AppContext(db, settings, font_family=prepare_application(qapp, settings), today=TODAY)
        assert ctx.write_block_reason() == ""
        page = RosterPage(ctx)
        qtbot.addWidget(page)
        assert page.new_button.isEnabled() and page.new_button.toolTip() != REASON
    finally:
        db.close()
