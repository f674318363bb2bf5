"""When saving fails for a reason outside the form — the database is full, the file is open read-only,
another program is writing — the person editor stays open with everything typed, says what happened,
and nothing is half-written. Real SQLite files every time: a real ``max_page_count``, a real read-only
open, a real second connection holding the write lock."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event, func, select

from gui.waiting import wait_idle
from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import AuditEntry
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.settings import app_settings
from sakae_council.services import people

from ..helpers import TODAY, answer_message_box, type_text, visible_error_boxes
from ..safety_helpers import add_people

NOTES = ("地域の見守り活動の記録。毎月第二土曜日に公民館で打ち合わせ。" * 130)[:3900]  # the form allows 4,000


def _dialog(qtbot: QtBot, ctx: AppContext, person: people.PersonDTO | None = None) -> PersonDialog:
    dialog = PersonDialog(ctx, person)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


def _audits(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def _fill_new_person(qtbot: QtBot, dialog: PersonDialog) -> None:
    type_text(qtbot, dialog.name, "新規 花子")
    type_text(qtbot, dialog.furigana, "シンキ ハナコ")
    dialog.phone.setText("0476-95-2222")
    wait_idle()
    dialog.notes.setPlainText(NOTES)


def _still_holds_the_input(dialog: PersonDialog) -> None:
    assert dialog.isVisible(), "the editor stays open"
    assert dialog.name.text() == "新規 花子"
    assert dialog.furigana.text() == "シンキ ハナコ"
    assert dialog.phone.text() == "0476-95-2222"
    assert dialog.notes.toPlainText() == NOTES


def test_a_full_database_keeps_the_editor_open_with_its_content(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    add_people(db, 3)
    before = {p.id for p in people.list_people(db)}
    audits = _audits(db)
    with db.engine.connect() as conn:
        pages = int(conn.exec_driver_sql("PRAGMA page_count").scalar_one())

    def cap(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(
            f"PRAGMA max_page_count={pages + 2}"
        )  # SQLite's own limit: the file is "full"

    event.listen(db.engine, "connect", cap)
    db.engine.dispose()
    try:
        dialog = _dialog(qtbot, ctx)
        _fill_new_person(qtbot, dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_idle()
        _still_holds_the_input(dialog)
        message = dialog.general_error.message()
        assert "ディスクの空き容量が足りないため保存できませんでした" in message
        assert "入力した内容は消えていません" in message
        assert dialog.general_error.isVisible()
        assert not visible_error_boxes(dialog), "one message, in the editor: no traceback, no extra box"
        assert {p.id for p in people.list_people(db)} == before, "nothing half-written"
        assert _audits(db) == audits

        # Room is made: the same, untouched input saves with 保存.
        event.remove(db.engine, "connect", cap)
        db.engine.dispose()
        with qtbot.waitSignal(dialog.saved) as saved:
            qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
            wait_idle()
        assert saved.args[0].notes == NOTES
        assert not dialog.isVisible()
    finally:
        if event.contains(db.engine, "connect", cap):
            event.remove(db.engine, "connect", cap)


def test_a_read_only_open_keeps_the_editor_open_with_its_content(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "town.db"
    writer = open_database(path)
    add_people(writer, 1)
    writer.close()
    ro = open_database(path, read_only=True)
    try:
        settings = app_settings()
        ctx = AppContext(ro, settings, font_family=prepare_application(qapp, settings), today=TODAY)
        person = people.list_people(ro)[0]
        dialog = _dialog(qtbot, ctx, people.get_person(ro, person.id))
        dialog.phone.setText("0476-95-9999")
        wait_idle()
        dialog.notes.setPlainText("電話番号が変わった")
        assert not dialog.save_button.isEnabled()  # 保存 says why it cannot be used (gui.widgets.edit_guard)
        assert dialog.save_button.toolTip() == "読み取り専用で開いています"
        dialog.accept()  # a save that gets through anyway (Enter in a field): the service refuses it
        wait_idle()
        assert dialog.isVisible()
        assert dialog.phone.text() == "0476-95-9999" and dialog.notes.toPlainText() == "電話番号が変わった"
        message = dialog.general_error.message()
        assert (
            "読み取り専用で開いているため保存できません" in message
            and "入力した内容は消えていません" in message
        )
        assert people.get_person(ro, person.id).phone == "0476-95-1111"
        assert not dialog.erase_button.isEnabled(), "no erasing on a read-only open either"
        asked = answer_message_box(qtbot, "保存せずに閉じる")
        qtbot.keyClick(
            dialog.phone, Qt.Key.Key_Escape
        )  # the typed text is still only on the screen: asked first
        wait_idle()
        assert asked and "保存していない変更があります" in asked[0] and not dialog.isVisible()
    finally:
        ro.close()


def test_a_busy_database_keeps_the_editor_open_with_its_content(
    qtbot: QtBot, ctx: AppContext, db: Database
) -> None:
    add_people(db, 1)
    assert db.path is not None
    other = sqlite3.connect(str(db.path), timeout=0.1, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program in the middle of writing
    try:
        dialog = _dialog(qtbot, ctx)
        _fill_new_person(qtbot, dialog)
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # waits the busy timeout (5 s)
        wait_idle()
        _still_holds_the_input(dialog)
        message = dialog.general_error.message()
        assert (
            "別の処理が使用中のため保存できませんでした" in message
            and "入力した内容は消えていません" in message
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [p.name for p in people.list_people(db)] == ["栄000 太郎"]
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_idle()
    assert {p.name for p in people.list_people(db)} == {"栄000 太郎", "新規 花子"}
