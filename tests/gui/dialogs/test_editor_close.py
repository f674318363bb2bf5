"""Editors close the three ways a person closes a window — the button, Esc, the window's close request —
and ask first only when something typed would be lost."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from meeting_town import Council, council, full_meeting
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.meetings import MeetingsPage
from sakae_council.services import meetings, people
from sakae_council.services.meetings import MeetingDetailDTO

from ..helpers import answer_message_box, type_text
from ..shown_pages import open_meeting_editor, shown_meetings_page

UNSAVED = "保存していない変更があります。保存せずに閉じますか？"


@pytest.fixture()
def town(db: Database) -> Council:
    return council(db, members=4)


@pytest.fixture()
def meeting(db: Database, town: Council) -> MeetingDetailDTO:
    return full_meeting(db, town, agenda=1)


@pytest.fixture()
def page(ctx: AppContext, qtbot: QtBot) -> MeetingsPage:
    return shown_meetings_page(ctx, qtbot)


def by_escape(qtbot: QtBot, editor: MeetingEditor) -> None:
    qtbot.keyClick(editor.focusWidget() or editor, Qt.Key.Key_Escape)
    wait_idle()


def by_button(qtbot: QtBot, editor: MeetingEditor) -> None:
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    wait_idle()


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
    editor = open_meeting_editor(page, qtbot, meeting.id)
    WAYS[way](qtbot, editor)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)


@pytest.mark.parametrize("way", WAYS)
def test_meeting_editor_asks_before_losing_typed_text(
    db: Database, page: MeetingsPage, meeting: MeetingDetailDTO, qtbot: QtBot, way: str
) -> None:
    editor = open_meeting_editor(page, qtbot, meeting.id)
    editor.place.setFocus()
    type_text(qtbot, editor.place, "X")
    seen = answer_message_box(qtbot, "戻る")
    WAYS[way](qtbot, editor)
    assert seen and UNSAVED in seen[0]
    assert editor.isVisible() and editor.place.text().endswith("X")  # back in the window, text kept
    seen = answer_message_box(qtbot, "保存せずに閉じる")
    WAYS[way](qtbot, editor)
    assert seen
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=2000)
    assert meetings.get_meeting(db, meeting.id).place == meeting.place  # nothing saved


# --- Ctrl+S and 「保存しました（HH:MM）」 ----------------------------------------------------------------

SAVED = re.compile(r"保存しました（\d\d:\d\d）")


def test_ctrl_s_saves_a_new_person_and_the_status_bar_says_so(
    db: Database, window: MainWindow, two_districts: tuple[int, int], qtbot: QtBot
) -> None:
    page = window.show_page("roster")
    wait_idle()
    assert window.saved_label.text() == ""
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_idle()
    dialog = page.dialog  # type: ignore[attr-defined]
    assert isinstance(dialog, EntityDialog)
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()  # (offscreen, a new window is not made active by itself)
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(qtbot, dialog.name, "栄 花子")  # type: ignore[attr-defined]
    qtbot.keyClick(dialog.name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # type: ignore[attr-defined]
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert SAVED.fullmatch(window.saved_label.text())
    assert [p.name for p in people.list_people(db)] == ["栄 花子"]


def test_esc_in_an_editor_with_typed_text_asks_and_back_keeps_it(
    db: Database, window: MainWindow, two_districts: tuple[int, int], qtbot: QtBot
) -> None:
    page = window.show_page("roster")
    wait_idle()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_idle()
    dialog = page.dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)  # nothing typed: closes at once
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    wait_idle()
    dialog = page.dialog  # type: ignore[attr-defined]
    qtbot.waitUntil(dialog.isVisible)
    type_text(qtbot, dialog.name, "栄")
    seen = answer_message_box(qtbot, "戻る")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    wait_idle()
    assert seen == [UNSAVED] and dialog.isVisible() and dialog.name.text() == "栄"
    type_text(qtbot, dialog.name, "")  # still typing: the same text as when the question came
    seen = answer_message_box(qtbot, "保存せずに閉じる")
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert seen == [UNSAVED] and people.list_people(db) == []
    assert window.saved_label.text() == ""


def test_ctrl_s_in_the_meeting_editor_saves_stays_open_and_says_so(
    db: Database, window: MainWindow, meeting: MeetingDetailDTO, qtbot: QtBot
) -> None:
    page = window.show_page("meetings")
    wait_idle()
    assert isinstance(page, MeetingsPage)
    editor = open_meeting_editor(page, qtbot, meeting.id)
    editor.activateWindow()  # (offscreen, a new window is not made active by itself)
    qtbot.waitUntil(editor.isActiveWindow)
    editor.place.setFocus()
    editor.place.clear()
    type_text(qtbot, editor.place, "公民館")
    qtbot.keyClick(editor.place, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    wait_idle()
    assert meetings.get_meeting(db, meeting.id).place == "公民館"
    assert editor.isVisible() and not editor.is_dirty()
    assert SAVED.fullmatch(window.saved_label.text())
    by_escape(qtbot, editor)  # saved: nothing to ask
    qtbot.waitUntil(lambda: not editor.isVisible())
