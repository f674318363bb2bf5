"""Issue 9 for the meeting editor: 保存 of the minutes, 修正 of approved minutes and 確定, each taken on
minutes that another program instance saved meanwhile, meet the two-version dialog. 確定 minutes are
never written over: 上書き is not offered and the dialog says why."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from meeting_town import council, full_meeting
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.domain.enums import ActionStatus, MinutesStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictDialog
from sakae_council.gui.dialogs.meeting_actions import ActionsSection
from sakae_council.gui.dialogs.meeting_approval import ApproveDialog, ReviseDialog
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.services import action_items, meetings, minutes, minutes_approval
from sakae_council.services.meetings import MeetingDetailDTO, MeetingInput
from sakae_council.services.minutes import minutes_input_from

from ..conflict_cases import answer
from ..waiting import wait_idle

MINE = "令和9年1月 安食ふれあいセンター 私の入力"
THEIRS = "令和9年1月 公民館 ほかの人の保存"
NEXT = "★ 今後の予定・次回"


@pytest.fixture()
def meeting(db: Database) -> MeetingDetailDTO:
    return full_meeting(db, council(db, members=4), agenda=2)


@pytest.fixture()
def opened(qtbot: QtBot) -> Iterator[list[MeetingEditor]]:
    editors: list[MeetingEditor] = []
    yield editors
    for editor in editors:  # (not qtbot.addWidget: it closes them before this runs)
        editor.populate()  # typed text left over: closing at the end of the test asks nothing
        editor.close()
        editor.deleteLater()


def open_editor(
    qtbot: QtBot, ctx: AppContext, db: Database, meeting_id: int, opened: list[MeetingEditor]
) -> MeetingEditor:
    editor = MeetingEditor(ctx, meetings.get_meeting(db, meeting_id))
    opened.append(editor)
    editor.show()
    qtbot.waitExposed(editor)
    wait_idle(qtbot)  # its 版 and replies are read on the database worker
    return editor


def save(editor: MeetingEditor) -> bool:
    """保存 clicked as a person clicks it; True once the save was written (it lands from the worker)."""
    written: list[object] = []
    editor.saved.connect(written.append)
    editor.save_button.click()
    wait_idle()
    editor.saved.disconnect(written.append)
    return bool(written)


def their_save(other: Database, meeting_id: int, next_meeting: str = THEIRS) -> MeetingDetailDTO:
    d = meetings.get_meeting(other, meeting_id)
    return minutes.save_minutes(
        other, meeting_id, replace(minutes_input_from(d), next_meeting=next_meeting), d.version
    )


def their_revision(other: Database, meeting_id: int) -> MeetingDetailDTO:
    d = meetings.get_meeting(other, meeting_id)
    data = replace(minutes_input_from(d), next_meeting=THEIRS)
    return minutes_approval.revise_minutes(other, meeting_id, data, "ほかの人の修正", d.version)


def meeting_audits(db: Database) -> list[tuple[str, str]]:
    with db.reading() as s:
        rows = s.execute(select(AuditEntry.user, AuditEntry.action).where(AuditEntry.entity == "meeting"))
        return [(u, a) for u, a in rows]


def marked(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [r for r in rows if r[0].startswith("★")]


# --- 保存 (a draft) ------------------------------------------------------------------------------------


@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_a_stale_save_of_the_minutes_meets_the_two_versions(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    button: str,
    opened: list[MeetingEditor],
) -> None:
    editor = open_editor(qtbot, ctx, db, meeting.id, opened)
    theirs = their_save(other, meeting.id)
    editor.next_meeting.setPlainText(MINE)
    audits = meeting_audits(db)
    seen: list[list[tuple[str, str, str]]] = []
    explanations: list[str] = []
    answer(button, seen, explanations)
    written = save(editor)

    assert len(seen) == 1, "a stale save meets the conflict dialog"
    assert marked(seen[0]) == [(NEXT, MINE, THEIRS)]  # only what differs is marked
    assert "ほかの人 が 令和" in explanations[0]  # who saved, from the audit trail
    now = meetings.get_meeting(other, meeting.id)
    if button == "reload_button":
        assert not written and now == theirs
        assert editor.next_meeting.toPlainText() == THEIRS and editor.detail == theirs
        assert f"・今後の予定・次回: {MINE}" in editor.conflict_note.text.text()
        assert not editor.is_dirty()
        editor.next_meeting.setPlainText("もう一度")  # the reloaded minutes save without asking again
        assert save(editor) and len(seen) == 1
        assert meetings.get_meeting(other, meeting.id).next_meeting == "もう一度"
    elif button == "overwrite_button":
        assert written and now.next_meeting == MINE and now.version == theirs.version + 1
        assert meeting_audits(db) == [*audits, ("テスト担当", "update")]
        assert editor.detail == now and not editor.is_dirty()
    else:
        assert not written and now == theirs and meeting_audits(db) == audits
        assert editor.next_meeting.toPlainText() == MINE and editor.is_dirty()
        assert editor.detail.version == meeting.version  # still the version the user opened


def test_minutes_approved_meanwhile_are_not_overwritten(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    opened: list[MeetingEditor],
) -> None:
    editor = open_editor(qtbot, ctx, db, meeting.id, opened)
    approved = minutes_approval.approve_minutes(other, meeting.id, meeting.held_on, meeting.version)
    editor.next_meeting.setPlainText(MINE)
    seen: list[list[tuple[str, str, str]]] = []
    dialogs: list[ConflictDialog] = []
    answer("reload_button", seen, dialogs=dialogs)
    assert not save(editor)

    dialog = dialogs[0]
    assert not dialog.overwrite_button.isEnabled()
    assert (
        "確定済み（第1版）のため、上書きできません" in dialog.refusal.text() and not dialog.refusal.isHidden()
    )
    assert "上書きできません" in dialog.overwrite_button.toolTip()
    assert meetings.get_meeting(other, meeting.id) == approved
    # 再読み込み: the approved minutes, locked; what was typed is listed
    assert editor.detail.status is MinutesStatus.APPROVED
    assert editor.next_meeting.isReadOnly() and editor.revise_button.isVisible()
    assert f"・今後の予定・次回: {MINE}" in editor.conflict_note.text.text()


# --- 修正 (approved minutes) ----------------------------------------------------------------------------


def stale_revision(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    opened: list[MeetingEditor],
) -> tuple[MeetingEditor, ReviseDialog, MeetingDetailDTO]:
    minutes_approval.approve_minutes(db, meeting.id, meeting.held_on, meeting.version)
    editor = open_editor(qtbot, ctx, db, meeting.id, opened)
    editor.revise_button.click()
    editor.next_meeting.setPlainText(MINE)
    editor.save_button.click()
    revise = editor.dialog
    assert isinstance(revise, ReviseDialog)
    qtbot.waitExposed(revise)
    revise.reason.setPlainText("私の修正")
    theirs = their_revision(other, meeting.id)
    return editor, revise, theirs


@pytest.mark.parametrize("button", ["reload_button", "cancel_button"])
def test_a_stale_revision_is_never_written_over_the_approved_minutes(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    button: str,
    opened: list[MeetingEditor],
) -> None:
    editor, revise, theirs = stale_revision(qtbot, ctx, db, other, meeting, opened)
    seen: list[list[tuple[str, str, str]]] = []
    dialogs: list[ConflictDialog] = []
    answer(button, seen, dialogs=dialogs)
    revise.save_button.click()
    wait_idle()

    assert marked(seen[0]) == [(NEXT, MINE, THEIRS)]
    assert not dialogs[0].overwrite_button.isEnabled() and "第2版" in dialogs[0].refusal.text()
    assert meetings.get_meeting(other, meeting.id) == theirs  # revision 2 is theirs, untouched
    assert [r.reason for r in minutes_approval.list_revisions(other, meeting.id)] == [
        "確定",
        "ほかの人の修正",
    ]
    if button == "reload_button":
        assert not revise.isVisible()  # the reason belonged to the changes just replaced
        assert editor.detail == theirs and editor.next_meeting.toPlainText() == THEIRS
        assert not editor.next_meeting.isReadOnly()  # still 修正中: the change can be made again
        assert f"・今後の予定・次回: {MINE}" in editor.conflict_note.text.text()
    else:
        assert revise.isVisible() and revise.reason.toPlainText() == "私の修正"
        assert editor.next_meeting.toPlainText() == MINE


# --- 確定 ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_approving_minutes_changed_meanwhile_shows_what_would_be_approved(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    button: str,
    opened: list[MeetingEditor],
) -> None:
    editor = open_editor(qtbot, ctx, db, meeting.id, opened)
    editor.approve_button.click()
    wait_idle()
    approve = editor.dialog
    assert isinstance(approve, ApproveDialog)
    qtbot.waitExposed(approve)
    theirs = their_save(other, meeting.id)  # while the 確定日 is being chosen
    seen: list[list[tuple[str, str, str]]] = []
    dialogs: list[ConflictDialog] = []
    answer(button, seen, dialogs=dialogs)
    approve.save_button.click()
    wait_idle()

    assert marked(seen[0]) == [(NEXT, meeting.next_meeting, THEIRS)]
    assert dialogs[0].table.horizontalHeaderItem(1).text() == "あなたが見ていた内容"
    now = meetings.get_meeting(other, meeting.id)
    if button == "overwrite_button":  # 確定 of the minutes as saved now, knowingly
        assert now.status is MinutesStatus.APPROVED and now.next_meeting == THEIRS
        assert meeting_audits(db)[-1] == ("テスト担当", "approve")
        assert not approve.isVisible() and editor.detail == now
        return
    assert now == theirs and now.status is MinutesStatus.DRAFT
    assert approve.isVisible()
    if button == "reload_button":
        assert editor.detail == theirs and editor.next_meeting.toPlainText() == THEIRS
        assert "もう一度実行してください" in approve.conflict_note.text.text()
        approve.save_button.click()  # 確定 of what is shown now goes through
        wait_idle()
        assert meetings.get_meeting(other, meeting.id).status is MinutesStatus.APPROVED and len(seen) == 1
    else:
        assert editor.detail == meeting


# --- 宿題事項を完了にする (carried from an earlier meeting) -----------------------------------------------


def carried_section(
    qtbot: QtBot, ctx: AppContext, db: Database, meeting: MeetingDetailDTO, opened: list[MeetingEditor]
) -> ActionsSection:
    later = meetings.create_meeting(db, MeetingInput(meeting.body_id, date(2027, 1, 16)))
    editor = open_editor(qtbot, ctx, db, later.id, opened)
    editor.tabs.setCurrentIndex(3)
    section = editor.action_section
    wait_idle()
    assert [a.content for a in section.carried_model.rows()] == [meeting.action_items[0].content]
    section.carried.select_row(0)
    return section


def their_edit_of_the_action(other: Database, meeting: MeetingDetailDTO) -> str:
    d = meetings.get_meeting(other, meeting.id)
    data = minutes_input_from(d)
    first = replace(data.action_items[0], content="送迎車両の保険を更新して写しを配る")
    minutes.save_minutes(
        other, meeting.id, replace(data, action_items=(first, *data.action_items[1:])), d.version
    )
    return first.content


@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_completing_an_action_item_changed_meanwhile(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    button: str,
    opened: list[MeetingEditor],
) -> None:
    section = carried_section(qtbot, ctx, db, meeting, opened)
    item = meeting.action_items[0]
    content = their_edit_of_the_action(other, meeting)
    seen: list[list[tuple[str, str, str]]] = []
    explanations: list[str] = []
    answer(button, seen, explanations)
    section.complete_button.click()
    wait_idle()

    assert marked(seen[0]) == [("★ 内容", item.content, content)]
    assert "ほかの人 が 令和" in explanations[0]  # their save of the meeting's minutes
    now = action_items.get_action_item(other, item.id)
    if button == "overwrite_button":  # 完了 of the item as saved now
        assert now.status is ActionStatus.DONE and now.content == content
        assert section.carried_model.rowCount() == 0
        with db.reading() as s:
            last = s.execute(
                select(AuditEntry.user, AuditEntry.action, AuditEntry.entity).order_by(AuditEntry.id.desc())
            ).first()
        assert tuple(last) == ("テスト担当", "complete", "action_item")  # type: ignore[arg-type]
        return
    assert now.status is ActionStatus.OPEN
    shown = section.carried_model.rows()
    if button == "reload_button":
        assert [a.content for a in shown] == [content] and section.carried.current_row() == 0
        assert "もう一度実行してください" in section.carried_note.text.text()
        section.complete_button.click()  # completed as shown now, without asking again
        wait_idle()
        assert action_items.get_action_item(other, item.id).status is ActionStatus.DONE and len(seen) == 1
    else:
        assert [a.content for a in shown] == [item.content] and section.carried_note.isHidden()


def test_an_action_item_completed_meanwhile_is_not_completed_again(
    qtbot: QtBot,
    ctx: AppContext,
    db: Database,
    other: Database,
    meeting: MeetingDetailDTO,
    opened: list[MeetingEditor],
) -> None:
    section = carried_section(qtbot, ctx, db, meeting, opened)
    item = meeting.action_items[0]
    theirs = action_items.complete_action_item(other, item.id, date(2026, 12, 20), item.version)
    dialogs: list[ConflictDialog] = []
    answer("reload_button", [], dialogs=dialogs)
    section.complete_button.click()
    wait_idle()
    assert not dialogs[0].overwrite_button.isEnabled()
    assert "すでに完了にしています" in dialogs[0].refusal.text()
    assert action_items.get_action_item(other, item.id) == theirs  # their 完了日 stays
    assert section.carried_model.rowCount() == 0
