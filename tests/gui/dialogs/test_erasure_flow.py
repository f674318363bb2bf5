"""The person page → 本人の求めにより消去… → the message saying what was kept and what the backups hold →
「古いバックアップからも消す」 (asking about a backup that cannot be rewritten), all by clicks."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db import backup as files
from sakae_council.db.engine import Database
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.text_size import TextSize
from sakae_council.services import backups, people
from tests.erasure_world import ADDRESS, NAME, OTHER, PHONE, build_world, dump_sqlite_file, holding

from ..helpers import clipped_texts, type_text
from ..safety_helpers import ModalScript, click_box_button


def test_erase_then_erase_from_old_backups(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    world = build_world(db, in_approved_minutes=True)  # set-up through the services
    backups.make_backup(db)
    newest = backups.list_backups(db, summaries=False)[0].path
    assert db.path is not None
    older = newest.with_name(files.backup_name(files.backup_key(db.path), datetime(2025, 1, 1, 9, 0), "open"))
    older.write_bytes(newest.read_bytes())
    with sqlite3.connect(older) as con:  # as an older version of the program left it
        con.execute("UPDATE alembic_version SET version_num = '0001_first'")
    con.close()

    page = window.show_page("roster")
    wait_idle()
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    type_text(qtbot, page.search, "下書 消太")  # type: ignore[attr-defined]
    model = page.table.model()  # type: ignore[attr-defined]
    # 栄 花子's notes mention 下書 消太 too; the list is in 五十音順 (サカエ before シタガキ).
    qtbot.waitUntil(lambda: [model.index(r, 0).data() for r in range(model.rowCount())] == [OTHER, NAME])
    qtbot.keyClick(page.search, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    wait_idle()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)  # type: ignore[attr-defined]
    wait_idle()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    wait_idle()
    dialog = page.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, PersonDialog) and dialog.name.text() == NAME
    qtbot.waitExposed(dialog)
    script = ModalScript([(QMessageBox, click_box_button("消去する"))])
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    wait_idle()
    script.check()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    left = people.get_person(db, world.person_id)  # read back: only the name, for the approved minutes
    assert (left.name, left.phone, left.address, left.furigana) == (NAME, "", "", "")
    box = next(b for b in page.findChildren(QMessageBox) if b.objectName() == "erasedBox")
    assert box.isVisible()
    text = box.text()
    assert f"「{NAME}」さんの個人情報を消去しました。" in text
    assert (
        "確定済みの議事録1件（令和8年度 第1回 安食小学校区まちづくり協議会）に記載された氏名は、公文書のため残しました。"
        in text
    )
    assert "バックアップ2件には、消去前の情報がまだ残っています" in text
    window.grab().save(str(tmp_path / "erase-message.png"))
    box.grab().save(str(tmp_path / "erase-box.png"))
    window.ctx.set_text_size(TextSize.XLARGE)  # the sentences still fit at 特大
    qtbot.waitUntil(lambda: box.fontMetrics().height() >= 22)
    qtbot.wait(50)
    assert clipped_texts(box) == []
    box.grab().save(str(tmp_path / "erase-box-xlarge.png"))

    button = box.findChild(QPushButton, "eraseBackupsButton")
    assert button is not None and button.text() == "古いバックアップからも消す"
    script = ModalScript([(QMessageBox, click_box_button("削除する"))])
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle()
    script.check()
    assert "書き換えられません" in script.seen[0][1]

    done = next(b for b in page.findChildren(QMessageBox) if b.objectName() == "erasedBackupsBox")
    qtbot.waitUntil(done.isVisible)
    assert "バックアップ1件から消去し、書き換えられなかった1件を削除しました" in done.text()
    assert not older.exists()
    assert [b.path for b in backups.list_backups(db, summaries=False)] == [newest]
    values = dump_sqlite_file(newest)
    assert holding(values, PHONE) == set() and holding(values, ADDRESS) == set()
    qtbot.mouseClick(done.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not done.isVisible())


def test_cancelling_the_backup_question_changes_no_backup(
    qtbot: QtBot, window: MainWindow, db: Database
) -> None:
    world = build_world(db, in_approved_minutes=False)  # set-up through the services
    backups.make_backup(db)
    newest = backups.list_backups(db, summaries=False)[0].path
    assert db.path is not None
    older = newest.with_name(files.backup_name(files.backup_key(db.path), datetime(2025, 1, 1, 9, 0), "open"))
    older.write_bytes(newest.read_bytes())
    with sqlite3.connect(older) as con:
        con.execute("UPDATE alembic_version SET version_num = '0001_first'")
    con.close()
    before = {p: p.read_bytes() for p in (newest, older)}

    page = window.show_page("roster")
    wait_idle()
    page.edit_item(people.get_person(db, world.person_id))  # type: ignore[attr-defined]
    wait_idle()
    dialog = page.dialog  # type: ignore[attr-defined]
    qtbot.waitExposed(dialog)
    script = ModalScript([(QMessageBox, click_box_button("消去する"))])
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    wait_idle()
    script.check()
    box = next(b for b in page.findChildren(QMessageBox) if b.objectName() == "erasedBox")
    qtbot.waitUntil(box.isVisible)
    script = ModalScript([(QMessageBox, lambda b: QTest.keyClick(b, Qt.Key.Key_Escape))])
    qtbot.mouseClick(box.findChild(QPushButton, "eraseBackupsButton"), Qt.MouseButton.LeftButton)
    wait_idle()
    script.check()
    assert {p: p.read_bytes() for p in (newest, older)} == before
    assert not [b for b in page.findChildren(QMessageBox) if b.objectName() == "erasedBackupsBox"]
