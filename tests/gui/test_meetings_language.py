"""The meetings page and its dialogs write dates as 和暦 in Japanese and Gregorian in English."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

import pytest
from meeting_town import Council, council, full_meeting
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.gui import i18n
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
from sakae_council.gui.dialogs.meeting_new import NewMeetingDialog
from sakae_council.services import meeting_bodies, meetings
from sakae_council.services.meetings import MeetingDetailDTO, MeetingInput

from .helpers import type_text
from .shown_pages import shown_meetings_page
from .test_i18n import visible_texts

ERA = re.compile(r"(明治|大正|昭和|平成|令和)(\d+|元)年")


@pytest.fixture(params=["ja", "en"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    assert i18n.install_language(request.param)
    yield request.param
    i18n.install_language(i18n.JAPANESE)


@pytest.fixture()
def town(db: Database) -> Council:
    return council(db, members=4)


@pytest.fixture()
def meeting(db: Database, town: Council) -> MeetingDetailDTO:
    full_meeting(db, town, agenda=2)  # 令和8年11月28日, with an action item carried to the next one
    return meetings.get_meeting(
        db, meetings.create_meeting(db, MeetingInput(town.body, date(2027, 1, 16))).id
    )


def texts_of(widget: QWidget) -> str:
    return "\n".join(text for _where, text in visible_texts(widget))


def check_language(language: str, text: str, *, gregorian: str, wareki: str) -> None:
    if language == "en":
        assert gregorian in text
        assert not ERA.search(text), ERA.findall(text)
    else:
        assert wareki in text
        assert gregorian not in text


def test_meetings_page_and_editor_follow_the_language(
    ctx: AppContext, meeting: MeetingDetailDTO, qtbot: QtBot, language: str
) -> None:
    page = shown_meetings_page(ctx, qtbot)
    table = texts_of(page)
    check_language(language, table, gregorian="Sat, Nov 28, 2026", wareki="令和8年11月28日（土）")
    check_language(
        language, table, gregorian="FY2026", wareki="令和8年度"
    )  # the 回 column and the year filter
    page.year_filter.set_value(2026)
    wait_idle()
    assert page.year_filter.currentText() == ("FY2026" if language == "en" else "令和8年度")

    page.table.select_row(page.meetings_model.row_of(lambda m: m.id == meeting.id))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    wait_idle()
    editor = page.dialog
    assert isinstance(editor, MeetingEditor)
    qtbot.waitExposed(editor)
    check_language(
        language, editor.title.text(), gregorian="Sat, Jan 16, 2027", wareki="令和9年1月16日（土）"
    )
    check_language(language, editor.title.text(), gregorian="FY2026", wareki="令和8年度")
    carried = "\n".join(
        str(editor.action_section.carried_model.index(r, 3).data())
        for r in range(editor.action_section.carried_model.rowCount())
    )
    check_language(language, carried, gregorian="FY2026", wareki="令和8年度")  # 出た会議 of a carried item
    editor.close()


def test_new_meeting_numbering_follows_the_language(
    ctx: AppContext, town: Council, qtbot: QtBot, language: str
) -> None:
    dialog = NewMeetingDialog(ctx, meeting_bodies.list_bodies(ctx.db))
    qtbot.addWidget(dialog)
    dialog.body.set_value(town.body)
    wait_idle()
    type_text(qtbot, dialog.held_on, "2026-12-05")
    wait_idle()  # the number is asked of the database worker
    check_language(language, dialog.numbering.text(), gregorian="FY2026", wareki="令和8年度 第1回")
