"""The first start: the welcome screen's four ways to begin, on real files; keys; language; leaving."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QPushButton
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import open_database
from sakae_council.gui import i18n, welcome
from sakae_council.gui.settings import app_settings
from sakae_council.gui.welcome import (
    DEMO,
    EMPTY,
    KEY_SERVER,
    RESTORE,
    SERVER,
    WelcomeDialog,
    choose_start,
    needs_welcome,
    without_password,
)
from sakae_council.services import backups, demo, districts, people

from .helpers import add_member, clipped_texts


@pytest.fixture()
def settings(qapp: QApplication) -> QSettings:
    return app_settings()


@pytest.fixture()
def japanese() -> Iterator[None]:
    i18n.install_language(i18n.JAPANESE)
    yield
    i18n.install_language(i18n.JAPANESE)


@pytest.fixture()
def dialog(qtbot: QtBot, tmp_path: Path, settings: QSettings, japanese: None) -> WelcomeDialog:
    d = WelcomeDialog(str(tmp_path / "data" / "sakae_council.db"), settings)
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def click_and_wait(qtbot: QtBot, dialog: WelcomeDialog, key: str, timeout: int = 120_000) -> None:
    with qtbot.waitSignal(dialog.accepted, timeout=timeout):
        qtbot.mouseClick(dialog.buttons[key], Qt.MouseButton.LeftButton)


def test_only_a_missing_data_file_needs_the_welcome(tmp_path: Path) -> None:
    missing = tmp_path / "new.db"
    assert needs_welcome(str(missing))
    db = open_database(missing, create=True, user="テスト担当")
    db.close()
    assert not needs_welcome(str(missing))
    assert not needs_welcome("postgresql+psycopg://staff@townhall/sakae")


def test_an_existing_file_opens_without_asking(tmp_path: Path, settings: QSettings) -> None:
    path = tmp_path / "existing.db"
    open_database(path, create=True, user="テスト担当").close()
    assert choose_start(str(path), settings) == str(path)


def test_the_screen_explains_the_four_ways_in_plain_japanese(dialog: WelcomeDialog) -> None:
    assert dialog.title.text() == "栄町 まちづくり協議会へようこそ"
    assert [b.text() for b in dialog.buttons.values()] == [
        "デモデータで始める(&D)",
        "空のデータで始める(&E)",
        "町役場のサーバーにつなぐ(&S)",
        "バックアップから復元する(&R)",
    ]
    for key, label in dialog.descriptions.items():
        assert label.isVisible() and label.text().endswith("。"), key
        assert dialog.buttons[key].accessibleDescription() == label.text()
    assert str(Path(dialog.target)) in dialog.where.text()


def test_start_empty_creates_the_file_with_reference_data_only(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    click_and_wait(qtbot, dialog, EMPTY)
    assert dialog.choice == EMPTY and dialog.chosen == dialog.target
    assert Path(dialog.target).exists()
    db = open_database(dialog.target, create=False, user="テスト担当")
    try:
        assert demo.is_empty(db)
        assert people.list_members(db) == []
    finally:
        db.close()


def test_start_with_demo_data_fills_the_demo_town(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    qtbot.mouseClick(dialog.buttons[DEMO], Qt.MouseButton.LeftButton)
    # While the town is being built the user sees progress and cannot start anything else.
    assert dialog.progress.isVisible() and "デモデータ" in dialog.status.text()
    assert not any(b.isEnabled() for b in dialog.buttons.values())
    dialog.reject()  # Esc while working does not leave a half-made file behind
    assert dialog.isVisible()
    with qtbot.waitSignal(dialog.accepted, timeout=120_000):
        pass
    assert dialog.choice == DEMO and dialog.chosen == dialog.target
    db = open_database(dialog.target, create=False, user="テスト担当")
    try:
        assert not demo.is_empty(db)
        assert len(districts.list_districts(db)) >= 5
        assert len(people.list_members(db)) > 100
    finally:
        db.close()


def test_restore_from_a_backup_file_brings_its_data(
    qtbot: QtBot, tmp_path: Path, dialog: WelcomeDialog
) -> None:
    old = open_database(tmp_path / "old_laptop.db", create=True, user="テスト担当")
    try:
        d = districts.create_district(old, districts.DistrictInput(name="安食小学校区", display_order=1))
        add_member(old, "渡辺 花子", "ワタナベ ハナコ", d.id)
        (tmp_path / "usb").mkdir()
        backup = backups.make_backup(old, tmp_path / "usb" / "協議会バックアップ.db")
    finally:
        old.close()
    asked: list[str] = []
    dialog.choose_backup_file = lambda: backup.path  # type: ignore[method-assign]
    dialog.confirm_restore = lambda question: asked.append(question) or True  # type: ignore[method-assign]
    click_and_wait(qtbot, dialog, RESTORE)
    assert "協議会バックアップ.db" in asked[0] and "名簿 1" in asked[0]
    assert dialog.choice == RESTORE and dialog.chosen == dialog.target
    db = open_database(dialog.target, create=False, user="テスト担当")
    try:
        assert [p.name for p in people.list_members(db)] == ["渡辺 花子"]
    finally:
        db.close()


def test_restore_refuses_a_file_that_is_not_a_backup(
    qtbot: QtBot, tmp_path: Path, dialog: WelcomeDialog
) -> None:
    junk = tmp_path / "memo.db"
    junk.write_bytes(b"not a database at all" * 100)
    dialog.choose_backup_file = lambda: junk  # type: ignore[method-assign]
    dialog.confirm_restore = lambda question: pytest.fail("must not ask to restore junk")  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.buttons[RESTORE], Qt.MouseButton.LeftButton)
    box = next(b for b in dialog.findChildren(QDialog) if b.objectName() == "errorBox")
    qtbot.waitUntil(box.isVisible)
    assert "選んでください" in box.text()  # says what to do
    assert not Path(dialog.target).exists() and dialog.isVisible()


def test_server_choice_remembers_the_url_but_never_the_password(
    qtbot: QtBot, dialog: WelcomeDialog, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        welcome, "ask_server", lambda parent: "postgresql+psycopg://staff:s3cret@townhall:5432/sakae"
    )
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.buttons[SERVER], Qt.MouseButton.LeftButton)
    assert dialog.choice == SERVER
    assert dialog.chosen == "postgresql+psycopg://staff:s3cret@townhall:5432/sakae"
    assert settings.value(KEY_SERVER) == "postgresql+psycopg://staff@townhall:5432/sakae"
    settings.sync()
    assert "s3cret" not in Path(settings.fileName()).read_text(encoding="utf-8")


def test_password_is_taken_out_of_a_url_before_it_is_remembered() -> None:
    assert (
        without_password("postgresql+psycopg://staff:p%40ss@townhall:5432/sakae")
        == "postgresql+psycopg://staff@townhall:5432/sakae"
    )
    assert (
        without_password("postgresql+psycopg://staff@townhall/sakae")
        == "postgresql+psycopg://staff@townhall/sakae"
    )


def test_the_server_choice_opens_the_connection_dialog(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    from sakae_council.gui.dialogs.connection import ConnectionDialog

    seen: list[str] = []

    def cancel() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, ConnectionDialog):
            QTimer.singleShot(20, cancel)
            return
        seen.append(box.windowTitle())
        box.reject()

    QTimer.singleShot(0, cancel)
    qtbot.mouseClick(dialog.buttons[SERVER], Qt.MouseButton.LeftButton)
    assert seen == ["町のサーバーに接続"]
    assert dialog.isVisible() and dialog.chosen is None  # backing out leaves the welcome screen up


def test_every_way_is_reachable_by_keyboard_in_a_sensible_order(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.buttons[DEMO]
    order = []
    for _ in range(7):
        order.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert order == [*dialog.buttons.values(), dialog.language, dialog.quit, dialog.buttons[DEMO]]
    # Every button has a mnemonic (Alt+letter) and they differ.
    letters = [b.text().split("(&")[1][0] for b in dialog.buttons.values()]
    assert len(set(letters)) == 4


def test_enter_on_the_focused_button_starts_it(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    dialog.buttons[EMPTY].setFocus()
    with qtbot.waitSignal(dialog.accepted, timeout=60_000):
        qtbot.keyClick(dialog.buttons[EMPTY], Qt.Key.Key_Space)
    assert dialog.choice == EMPTY


def test_the_english_link_switches_the_welcome_screen_and_back(
    qtbot: QtBot, dialog: WelcomeDialog, settings: QSettings
) -> None:
    assert dialog.title.text() == "栄町 まちづくり協議会へようこそ"  # Japanese first, whatever the computer
    assert dialog.language.text() == "English"
    qtbot.mouseClick(dialog.language, Qt.MouseButton.LeftButton)
    assert settings.value(i18n.KEY_LANGUAGE) == i18n.ENGLISH  # remembered for the main window and next start
    assert dialog.title.text() == "Welcome to the Sakae Town Community Councils"
    assert dialog.buttons[DEMO].text() == "Start with &demo data"
    assert all(isinstance(b, QPushButton) and b.text().isascii() for b in dialog.buttons.values())
    assert dialog.language.text() == "日本語"
    qtbot.mouseClick(dialog.language, Qt.MouseButton.LeftButton)
    assert settings.value(i18n.KEY_LANGUAGE) == i18n.JAPANESE
    assert dialog.title.text() == "栄町 まちづくり協議会へようこそ"
    assert dialog.language.text() == "English"


def test_no_sentence_is_cut_after_ctrl_plus(qtbot: QtBot, dialog: WelcomeDialog) -> None:
    """Each Ctrl++ makes the text larger and the screen grows with it: every wrapped sentence keeps the
    height its lines need (measured with the old font, they were cut off at the bottom)."""
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for step in range(3):
        before = dialog.descriptions[DEMO].fontMetrics().height()
        qtbot.keyClick(dialog, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda b=before, last=step == 2: dialog.descriptions[DEMO].fontMetrics().height() > b or last
        )
        qtbot.wait(50)
        for label in (dialog.intro, *dialog.descriptions.values()):
            assert label.height() >= label.heightForWidth(label.width()), (step, label.text())
        assert not clipped_texts(dialog)


def test_quit_leaves_without_creating_anything(
    qtbot: QtBot, tmp_path: Path, settings: QSettings, japanese: None
) -> None:
    target = tmp_path / "never.db"

    def press_quit() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, WelcomeDialog):
            QTimer.singleShot(20, press_quit)
            return
        qtbot.mouseClick(box.quit, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, press_quit)
    assert choose_start(str(target), settings) is None
    assert not target.exists()


def test_a_missing_file_with_backups_goes_to_recovery_not_to_the_welcome(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sakae_council.db.engine import open_database
    from sakae_council.gui.welcome import needs_welcome
    from sakae_council.services.backups import make_backup

    path = tmp_path / "data.db"
    assert needs_welcome(str(path)), "a file that never existed: first start"
    db = open_database(path)
    make_backup(db)
    db.close()
    path.unlink()
    assert not needs_welcome(str(path)), "the user's file went missing: offer the backup instead"


def test_stopping_the_demo_town_leaves_no_file_and_the_choices_open(
    qtbot: QtBot, dialog: WelcomeDialog
) -> None:
    qtbot.mouseClick(dialog.buttons[DEMO], Qt.MouseButton.LeftButton)
    # the longest wait of a first start has its 中止 beside the bar
    assert dialog.stop.isVisible() and dialog.stop.isEnabled() and dialog.stop.text() == "中止"
    with qtbot.waitSignal(dialog.finished_work, timeout=120_000):
        qtbot.mouseClick(dialog.stop, Qt.MouseButton.LeftButton)
    assert "中止しました" in dialog.status.text()
    assert dialog.isVisible() and dialog.chosen is None
    assert all(b.isEnabled() for b in dialog.buttons.values()) and not dialog.stop.isVisible()
    assert not Path(dialog.target).exists()  # nothing half-made is left to open next time
