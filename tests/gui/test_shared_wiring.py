"""Issue 9 in the GUI: a stale save in the person editor shows both versions (再読み込み / 上書き / キャンセル),
never a silent overwrite; the main window's server menu, user line and change watcher."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictDialog
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.services import people
from sakae_council.services.people import PersonDTO, PersonInput


def as_input(p: PersonDTO, **changes: object) -> PersonInput:
    return replace(p.as_input(), **changes)  # type: ignore[arg-type]


def answer_conflict(
    qtbot: QtBot, button: str, seen: list[ConflictDialog], *, screenshot: Path | None = None
) -> None:
    """When the conflict dialog comes up: record it (and its rows), then click ``button``."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, click)
            return
        seen.append(dialog)
        dialog.rows = [  # type: ignore[attr-defined]
            tuple(dialog.cell(r, c) for c in range(3)) for r in range(dialog.table.rowCount())
        ]
        if screenshot:
            dialog.grab().save(str(screenshot))
        getattr(dialog, button).click()
        wait_idle()

    QTimer.singleShot(0, click)


@pytest.fixture()
def person(db: Database, roster: dict[str, PersonDTO]) -> PersonDTO:
    return roster["aikawa"]


def stale_editor(qtbot: QtBot, ctx: AppContext, db: Database, person: PersonDTO) -> PersonDialog:
    """The editor opened on ``person``; then someone else changes the phone and notes; I change the phone."""
    dialog = PersonDialog(ctx, person)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    people.update_person(
        db, person.id, as_input(person, phone="0476-95-2222", notes="他の人の備考"), person.version
    )
    dialog.phone.setText("0476-95-3333")
    wait_idle()
    return dialog


def test_stale_save_shows_both_versions_and_reload_loads_theirs(
    qtbot: QtBot, ctx: AppContext, db: Database, person: PersonDTO, tmp_path: Path
) -> None:
    dialog = stale_editor(qtbot, ctx, db, person)
    seen: list[ConflictDialog] = []
    answer_conflict(qtbot, "reload_button", seen, screenshot=tmp_path / "conflict.png")
    dialog.save_button.click()
    wait_idle()

    assert len(seen) == 1
    rows = {label.lstrip("★ "): (mine, theirs) for label, mine, theirs in seen[0].rows}  # type: ignore[attr-defined]
    assert rows["電話番号"] == ("0476-95-3333", "0476-95-2222")
    assert rows["備考"] == (person.notes, "他の人の備考")
    assert set(seen[0].differences) == {"phone", "notes"}  # memberships and 所属団体 are written alike
    assert "テスト担当" in seen[0].explanation.text()  # who saved, from the audit trail

    assert dialog.isVisible()  # 再読み込み: the form now shows the saved version, nothing was saved
    assert dialog.phone.text() == "0476-95-2222"
    assert dialog.notes.toPlainText() == "他の人の備考"
    assert dialog.conflict_note.isVisible()
    saved = people.get_person(db, person.id)
    assert saved.phone == "0476-95-2222"

    # and a save from the reloaded form goes through, on the new version, without asking again
    dialog.address.setText("栄町安食1-1")
    wait_idle()
    dialog.save_button.click()
    wait_idle()
    assert not dialog.isVisible()
    after = people.get_person(db, person.id)
    assert (after.address, after.phone, after.notes) == ("栄町安食1-1", "0476-95-2222", "他の人の備考")
    assert after.version == saved.version + 1
    assert len(seen) == 1


def test_overwrite_saves_mine_on_top_of_theirs(
    qtbot: QtBot, ctx: AppContext, db: Database, person: PersonDTO
) -> None:
    dialog = stale_editor(qtbot, ctx, db, person)
    theirs = people.get_person(db, person.id)
    seen: list[ConflictDialog] = []
    answer_conflict(qtbot, "overwrite_button", seen)
    with qtbot.waitSignal(dialog.saved, timeout=3000) as saved:
        dialog.save_button.click()
        wait_idle()

    assert len(seen) == 1
    after = people.get_person(db, person.id)
    assert after.phone == "0476-95-3333"
    assert after.notes == person.notes  # my whole form, knowingly
    assert after.version == theirs.version + 1
    assert saved.args[0].version == after.version
    assert not dialog.isVisible()


def test_cancel_leaves_the_database_and_my_form_alone(
    qtbot: QtBot, ctx: AppContext, db: Database, person: PersonDTO
) -> None:
    dialog = stale_editor(qtbot, ctx, db, person)
    theirs = people.get_person(db, person.id)
    seen: list[ConflictDialog] = []
    answer_conflict(qtbot, "cancel_button", seen)
    dialog.save_button.click()
    wait_idle()

    assert len(seen) == 1
    assert people.get_person(db, person.id) == theirs
    assert dialog.isVisible()
    assert dialog.phone.text() == "0476-95-3333"  # my input is still there

    # saving again asks again: still no silent overwrite
    answer_conflict(qtbot, "cancel_button", seen)
    dialog.save_button.click()
    wait_idle()
    assert len(seen) == 2
    assert people.get_person(db, person.id) == theirs


def test_main_window_has_server_menu_user_line_and_an_idle_watcher_on_a_file(
    qtbot: QtBot, ctx: AppContext
) -> None:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    shared = window.shared_server
    file_menu = window.action_quit.parent()
    texts = [a.text() for a in file_menu.actions()]  # type: ignore[union-attr]
    assert "町のサーバーに接続…" in texts and "利用者の管理…" in texts
    assert texts.index("利用者の管理…") < texts.index(window.action_quit.text())
    assert shared.user_label.text() == ""  # nothing extra on a local file
    assert not shared.watcher.active  # nothing to watch on a single-user file
