"""Pages as a person has them in front of them, shared by the pages' tests and their editors': any page shown
on its own, the 会議・議事録
page (and a meeting's editor opened from its list the way a person opens it: the row chosen, Enter) and the
会計 page of a council's book."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.accounts import AccountsPage
from sakae_council.gui.pages.meetings import MeetingsPage

from .waiting import wait_idle

W = TypeVar("W", bound=QWidget)


def shown(qtbot: QtBot, page: W, width: int = 1200, height: int = 700) -> W:
    """``page`` shown on its own at ``width``×``height``, what it reads on the database worker read."""
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    qtbot.waitExposed(page)
    wait_idle(qtbot)
    return page


def shown_meetings_page(ctx: AppContext, qtbot: QtBot) -> MeetingsPage:
    """The 会議・議事録 page shown at 1200×700 with its list loaded."""
    return shown(qtbot, MeetingsPage(ctx))


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


def shown_accounts_page(window: MainWindow, qtbot: QtBot, district_id: int) -> AccountsPage:
    """The 会計 page of ``district_id``'s council, its book and the tabs' lists loaded."""
    window.ctx.set_district(district_id)
    page = window.show_page("accounts")
    assert isinstance(page, AccountsPage)
    qtbot.waitUntil(lambda: page.book is not None)
    wait_idle(qtbot)
    return page
