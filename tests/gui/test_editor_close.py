"""Editors close the three ways a person closes a window — the button, Esc, the window's close request —
and ask first only when something typed would be lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from meeting_town import Council, council, full_meeting
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.services import meetings
from sakae_council.services.meetings import MeetingDetailDTO

from .helpers import answer_message_box, type_text

UNSAVED = "保存していない変更があります。保存せずに閉じますか？"


@pytest.fixture()
def town(db: Database) -> Council:
    return council(db, members=4)


@pytest.fixture()
def meeting(db: Database, town: Council) -> MeetingDetailDTO:
    return full_meeting(db, town, agenda=1)


@pytest.fixture()
def page(ctx: AppContext, qtbot: QtBot) -> MeetingsPage:
    p = MeetingsPage(ctx)
    qtbot.addWidget(p)
    p.resize(1200, 700)
    p.show()
    qtbot.waitExposed(p)
    return p


def open_editor(page: MeetingsPage, qtbot: QtBot, meeting_id: int) -> MeetingEditor:
    page.reload()
    page.table.select_row(page.meetings_model.row_of(lambda m: m.id == meeting_id))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    editor = page.dialog
    assert isinstance(editor, MeetingEditor)
    qtbot.waitExposed(editor)
    return editor


def by_escape(qtbot: QtBot, editor: MeetingEditor) -> None:
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_Escape)


def by_button(qtbot: QtBot, editor: MeetingEditor) -> None:
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)


def by_close_request(qtbot: QtBot, editor: MeetingEditor) -> None:
    handle = editor.windowHandle()
    assert handle is not None
    handle.close()  # what the window manager's × sends


WAYS: dict[str, Callable[[QtBot, MeetingEditor], None]] = {
    "esc": by_escape,
    "button": by_button,
    "close_request": by_close_request,
}


@pytest.mark.parametrize("way", WAYS)
def test_meeting_editor_closes_without_a_question_when_nothing_was_typed(
    page: MeetingsPage, meeting: MeetingDetailDTO, qtbot: QtBot, way: str
) -> None:
    editor = open_editor(page, qtbot, meeting.id)
    WAYS[way](qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)


@pytest.mark.parametrize("way", WAYS)
def test_meeting_editor_asks_before_losing_typed_text(
    db: Database, page: MeetingsPage, meeting: MeetingDetailDTO, qtbot: QtBot, way: str
) -> None:
    editor = open_editor(page, qtbot, meeting.id)
    editor.place.setFocus()
    type_text(qtbot, editor.place, "X")
    seen = answer_message_box(qtbot, "キャンセル")
    WAYS[way](qtbot, editor)
    assert seen and UNSAVED in seen[0]
    assert editor.isVisible() and editor.place.text().endswith("X")  # back in the window, text kept
    seen = answer_message_box(qtbot, "保存せずに閉じる")
    WAYS[way](qtbot, editor)
    assert seen
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)
    assert meetings.get_meeting(db, meeting.id).place == meeting.place  # nothing saved
