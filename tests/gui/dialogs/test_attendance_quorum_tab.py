"""The 出欠 tab and the meeting editor's quorum warning, driven with clicks and typing on a real database:
a meeting not held yet shows everyone 未確認 and the quorum 未確定; results typed for a meeting without
quorum bring up a warning line (never a blocking dialog); what is saved is what was clicked."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from meeting_town import Council, council
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.council import NO_QUORUM_REMARK, QuorumState
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.district import DistrictDialog
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.services import districts, meetings
from sakae_council.services.meetings import MeetingInput, quorum

from ..helpers import type_text
from ..shown_pages import open_meeting_editor, shown_meetings_page


@pytest.fixture()
def town(db: Database) -> Council:
    return council(db, members=4)  # 7 委員 (4 needed) and 2 地区担当職員


@pytest.fixture()
def page(ctx: AppContext, qtbot: QtBot) -> MeetingsPage:
    return shown_meetings_page(ctx, qtbot)


def test_upcoming_meeting_is_unconfirmed_until_attendance_is_clicked(
    db: Database, town: Council, page: MeetingsPage, qtbot: QtBot, tmp_path
) -> None:
    m = meetings.create_meeting(db, MeetingInput(town.body, date.today() + timedelta(days=10)))  # set-up
    editor = open_meeting_editor(page, qtbot, m.id)
    tab = editor.attendance
    editor.tabs.setCurrentIndex(1)
    wait_idle()
    assert all(r.buttons[AttendanceStatus.UNCONFIRMED].isChecked() for r in tab.rows)
    assert tab.quorum.text() == "委員 7名中 0名出席 — 未確定（出欠が未確認の方が7名います）"
    assert editor.quorum.text() == tab.quorum.text()  # the 日時・役割 tab says the same
    tab.grab().save(str(tmp_path / "attendance-unconfirmed.png"))

    qtbot.mouseClick(tab.all_present_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert all(r.status() is AttendanceStatus.PRESENT for r in tab.rows)
    assert tab.quorum.text() == "委員 7名中 7名出席 — 成立（過半数の出席）"
    assert not tab.all_present_button.isEnabled()

    for key in ("m0", "m1", "m2", "m3"):
        row = tab.row_for(town.people[key])
        assert row is not None
        qtbot.mouseClick(row.buttons[AttendanceStatus.ABSENT], Qt.MouseButton.LeftButton)
        wait_idle()
    assert tab.quorum.text() == "委員 7名中 3名出席 — 不成立（過半数に達していません）"
    assert not editor.quorum_warning.isVisible()  # no results typed yet

    editor.tabs.setCurrentIndex(3)
    wait_idle()
    type_text(qtbot, editor.decisions, "秋祭りを例年どおり開く。")
    assert editor.quorum_warning.isVisible()
    assert "定足数に達していません（委員7名中3名出席、成立には4名）" in editor.quorum_warning.message()
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    editor.grab().save(str(tmp_path / "editor-warning.png"))

    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)  # a warning, not a refusal
    wait_idle()
    qtbot.waitUntil(lambda: not editor.is_dirty())
    saved = meetings.get_meeting(db, m.id)
    assert saved.decisions == ("秋祭りを例年どおり開く。",)
    assert quorum(saved).state is QuorumState.NOT_MET
    assert sorted(a.status.value for a in saved.members) == ["absent"] * 4 + ["present"] * 3
    assert {a.status for a in saved.staff} == {AttendanceStatus.PRESENT}

    # one more member came: quorum met, the warning goes away
    editor.tabs.setCurrentIndex(1)
    wait_idle()
    row = tab.row_for(town.people["m0"])
    assert row is not None
    qtbot.mouseClick(row.buttons[AttendanceStatus.PRESENT], Qt.MouseButton.LeftButton)
    wait_idle()
    assert not editor.quorum_warning.isVisible()


def test_results_typed_while_attendance_is_unconfirmed_ask_for_it(
    db: Database, town: Council, page: MeetingsPage, qtbot: QtBot
) -> None:
    m = meetings.create_meeting(db, MeetingInput(town.body, date(2026, 11, 28)))  # set-up
    editor = open_meeting_editor(page, qtbot, m.id)
    editor.tabs.setCurrentIndex(3)
    wait_idle()
    type_text(qtbot, editor.decisions, "会場を公民館にする。")
    assert editor.quorum_warning.isVisible()
    assert "出欠が未確認の委員が7名いるため、会議の成立が未確定です" in editor.quorum_warning.message()
    editor.decisions.clear()
    assert not editor.quorum_warning.isVisible()


def test_the_councils_wording_is_typed_in_the_district_editor(
    db: Database, town: Council, ctx: AppContext, qtbot: QtBot
) -> None:
    dialog = DistrictDialog(ctx, districts.get_district(db, town.district))
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.no_quorum_remark.toPlainText() == ""
    assert dialog.no_quorum_remark.placeholderText() == NO_QUORUM_REMARK  # what prints while it is empty
    type_text(qtbot, dialog.no_quorum_remark, "定足数に満たないため、協議のみ行った。")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert (
        districts.get_district(db, town.district).no_quorum_remark == "定足数に満たないため、協議のみ行った。"
    )
    m = meetings.create_meeting(db, MeetingInput(town.body, date(2026, 11, 28)))
    assert m.no_quorum_remark == "定足数に満たないため、協議のみ行った。"
