"""The audit trail on screen: a person's 変更の履歴 from the editor, the whole log with filters and a CSV
export, and 本人の求めによる消去 (which scrubs the history it leaves)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.errors import NotFoundError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.audit_log import AuditLogDialog, PersonHistoryDialog
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.text_size import TextSize
from sakae_council.services import audit_log, people

from ..helpers import clipped_texts
from ..safety_helpers import ModalScript, click_box_button, pick_file


def _edit(qtbot: QtBot, window: MainWindow, person: people.PersonDTO) -> PersonDialog:
    page = window.show_page("roster")
    wait_idle()
    page.edit_item(person)  # type: ignore[attr-defined]
    wait_idle()
    dialog = page.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, PersonDialog)
    qtbot.waitExposed(dialog)
    return dialog


def test_a_persons_history_is_shown_from_the_editor(
    qtbot: QtBot, window: MainWindow, db: Database, roster, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    watanabe = roster["watanabe"]
    dialog = _edit(qtbot, window, watanabe)
    dialog.phone.setText("0476-95-3333")
    wait_idle()
    with qtbot.waitSignal(dialog.saved):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        wait_idle()

    dialog = _edit(qtbot, window, people.get_person(db, watanabe.id))
    qtbot.mouseClick(dialog.history_button, Qt.MouseButton.LeftButton)
    wait_idle()
    history = dialog.findChild(PersonHistoryDialog)
    assert history is not None and history.isVisible()
    qtmodeltester.check(history.view.model)
    assert "渡辺 花子" in history.windowTitle()
    assert history.count.text() == "2件（新しい順）"
    model = history.view.model
    assert [model.index(r, 2).data() for r in range(2)] == ["変更", "登録"]
    assert model.index(0, 1).data() == "テスト担当"
    assert model.index(0, 0).data().startswith("令和")
    detail = history.view.detail.toPlainText()  # the newest entry is selected
    assert "電話番号: 0476-95-1111 → 0476-95-3333" in detail
    assert "利用者: テスト担当" in detail
    history.view.table.select_row(1)
    assert "操作: 登録" in history.view.detail.toPlainText()
    history.close()
    dialog.reject()


def test_the_log_filters_and_exports_what_it_shows(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, db: Database, roster, tmp_path: Path, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    kita = roster["kita"]
    people.update_person(
        db,
        kita.id,
        people.PersonInput(
            name=kita.name,
            furigana=kita.furigana,
            phone="0476-95-4444",
            memberships=tuple(
                people.MembershipInput(
                    district_id=m.district_id, role=m.role, term_start=m.term_start, term_end=m.term_end
                )
                for m in kita.memberships
            ),
        ),
        kita.version,
    )
    everything = audit_log.count_entries(db)
    log = window.data_safety.open_audit_log()
    assert isinstance(log, AuditLogDialog)
    qtmodeltester.check(log.view.model)
    assert log.count.text() == f"{everything}件（新しい順）"
    assert log.view.model.rowCount() == everything

    log.action.set_value("update")
    wait_idle()
    assert log.view.model.rowCount() == 1
    assert log.count.text() == "1件（新しい順）"
    assert "0476-95-4444" in log.view.detail.toPlainText()
    assert log.view.model.index(0, 3).data() == f"名簿（ID {kita.id}）"

    log.action.set_value(None)
    wait_idle()
    log.entity.set_value("district")
    wait_idle()
    assert log.view.model.rowCount() == 2  # the two districts of the fixture
    log.entity.set_value(None)
    wait_idle()

    log.search.setText("渡辺")
    wait_idle()
    qtbot.waitUntil(lambda: log.view.model.rowCount() == 1)
    log.search.clear()
    qtbot.waitUntil(lambda: log.view.model.rowCount() == everything)

    assert log.user.values() == [None, "テスト担当"]
    log.since.setText("令和9年1月1日")
    wait_idle()
    log.since.editingFinished.emit()
    assert log.view.model.rowCount() == 0 and log.count.text() == "0件（新しい順）"
    log.since.setText("いつか")
    wait_idle()
    log.since.editingFinished.emit()
    assert log.error.isVisible()
    log.since.clear()
    log.since.editingFinished.emit()
    assert not log.error.isVisible() and log.view.model.rowCount() == everything

    # Export what the filters show, through the file dialog, in the background.
    log.entity.set_value("person")
    wait_idle()
    shown = log.view.model.rowCount()
    target = tmp_path / "exports" / "操作の記録.csv"
    target.parent.mkdir()
    script = ModalScript([(QFileDialog, pick_file(target))])
    with qtbot.waitSignal(log.exported, timeout=10_000):
        qtbot.mouseClick(log.export_button, Qt.MouseButton.LeftButton)
        wait_idle()
    script.check()
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == list(audit_log.EXPORT_COLUMNS)
    assert len(rows) == shown + 1
    assert {r[3] for r in rows[1:]} == {"名簿"}
    assert f"{shown}件を書き出しました" in log.result_line.text.text()
    assert (target.stat().st_mode & 0o077) == 0, "personal data: readable by its owner only"
    log.close()


def test_the_log_at_the_largest_text_size_cuts_nothing(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, roster, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    ctx.set_text_size(TextSize.XLARGE)
    log = window.data_safety.open_audit_log()
    qtbot.waitUntil(lambda: log.fontMetrics().height() >= 22)
    qtbot.wait(50)
    assert clipped_texts(log) == []
    log.grab().save(str(tmp_path / "audit-xlarge.png"))
    log.close()


# --- 本人の求めによる消去 -------------------------------------------------------------------------------


def test_erasure_at_the_persons_request_names_them_says_what_stays_and_scrubs_the_history(
    qtbot: QtBot, window: MainWindow, db: Database, roster
) -> None:  # type: ignore[no-untyped-def]
    aikawa = roster["aikawa"]
    dialog = _edit(qtbot, window, people.get_person(db, aikawa.id))
    dialog.notes.setPlainText("書きかけのメモ")  # unsaved: must not be saved back after the erasure

    # Changing one's mind first: nothing happens, the editor stays.
    script = ModalScript([(QMessageBox, click_box_button("キャンセル"))])
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    wait_idle()
    script.check()
    assert dialog.isVisible() and people.get_person(db, aikawa.id).notes == "PTA会長"

    script = ModalScript([(QMessageBox, click_box_button("消去する"))])
    qtbot.mouseClick(dialog.erase_button, Qt.MouseButton.LeftButton)
    wait_idle()
    script.check()
    question = script.seen[0][1]
    assert "「相川 健」さんの個人情報を、本人の求めにより消去しますか" in question
    assert "残るもの: 確定した議事録に印刷された氏名" in question
    assert "元に戻せません" in question
    qtbot.waitUntil(lambda: not dialog.isVisible())

    page = window.page("roster")
    box = next(b for b in page.findChildren(QMessageBox) if b.objectName() == "erasedBox")
    assert box.isVisible()
    assert "名簿から完全に削除しました" in box.text() and "公文書" not in box.text()
    box.accept()
    with pytest.raises(NotFoundError):
        people.get_person(db, aikawa.id)
    assert all(p.id != aikawa.id for p in page.model.rows())  # type: ignore[attr-defined]
    assert not any("相川" in e.summary or "PTA" in e.summary for e in audit_log.list_entries(db, limit=None))
    erased = audit_log.list_entries(db, audit_log.AuditFilter(action="erase"))
    assert len(erased) == 1 and "本人の求めにより" in erased[0].summary
