"""The 会議・議事録 page as a person has it in front of them, and a meeting's editor opened from its list the way
they open it (the row chosen, Enter) — shared by the page's tests and the meeting editor's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.pages.meetings import MeetingsPage

from .waiting import wait_idle


def shown_meetings_page(ctx: AppContext, qtbot: QtBot) -> MeetingsPage:
    """The page shown at 1200×700 with its list loaded (it is read on the database worker)."""
    page = MeetingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    return page


def open_meeting_editor(
    page: MeetingsPage, qtbot: QtBot, meeting_id: int, *, reload: bool = True
) -> MeetingEditor:
    """Choose the meeting's row and press Enter; the editor, shown. ``reload`` first reads the list again (a
    meeting the test made after the page was shown); without it the list is taken as it stands (its filters)."""
    if reload:
        page.reload()
        wait_idle()
    page.table.select_row(page.meetings_model.row_of(lambda m: m.id == meeting_id))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle()
    editor = page.dialog
    assert isinstance(editor, MeetingEditor)
    qtbot.waitExposed(editor)
    return editor
