"""The shared input widgets typed into as a person types: amounts, dates, choices, 年度, notes.

Each editor builds its form from these; the editors' own tests go through them only along one path.
Here every way of writing a value the README promises is typed key by key (Japanese through the input
method, like type_text does), the field is left with Tab, and what the field shows and returns is read.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice, fiscal_year_items
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.gui.widgets.yen_edit import YenEdit

from ..helpers import type_text

Show = Callable[..., QWidget]


def form_with(show_in_window: Show, qtbot: QtBot, field: QWidget) -> QLineEdit:
    """``field`` and a second field after it, shown; the second takes the focus when Tab leaves the first."""
    after = QLineEdit()
    show_in_window(field, after)
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return after


def type_and_leave(qtbot: QtBot, field: QWidget, after: QWidget, text: str) -> None:
    type_text(qtbot, field, text)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)


@pytest.mark.parametrize("typed", ["12000", "１２，０００", "12,000円", "¥12,000", "￥１２０００", " 12000 "])
def test_an_amount_typed_any_way_reads_as_yen_and_shows_back_tidy(
    show_in_window: Show, qtbot: QtBot, typed: str
) -> None:
    field = YenEdit("amount")
    after = form_with(show_in_window, qtbot, field)
    type_and_leave(qtbot, field, after, typed)
    assert field.value() == 12000
    assert field.text() == "¥12,000"


def test_an_amount_that_is_not_one_stays_as_typed_and_says_what_to_type(
    show_in_window: Show, qtbot: QtBot
) -> None:
    field = YenEdit("amount")
    after = form_with(show_in_window, qtbot, field)
    type_and_leave(qtbot, field, after, "12千円<&>")
    assert field.text() == "12千円<&>"  # nothing rewritten: the person sees what they typed
    with pytest.raises(ValidationError) as caught:
        field.value()
    assert caught.value.field == "amount"
    assert "金額として読み取れません" in caught.value.message


def test_an_empty_amount_is_none_and_set_value_shows_yen(show_in_window: Show, qtbot: QtBot) -> None:
    field = YenEdit("amount")
    form_with(show_in_window, qtbot, field)
    assert field.value() is None
    field.set_value(2_147_483_647)
    assert field.text() == "¥2,147,483,647" and field.value() == 2_147_483_647
    field.set_value(None)
    assert field.text() == "" and field.value() is None


@pytest.mark.parametrize(
    "typed", ["令和8年4月1日", "R8.4.1", "r8.4.1", "2026-04-01", "２０２６－０４－０１", "令和８年４月１日"]
)
def test_a_date_typed_in_wareki_or_iso_reads_and_shows_back_in_wareki(
    show_in_window: Show, qtbot: QtBot, typed: str
) -> None:
    field = WarekiDateEdit("held_on")
    after = form_with(show_in_window, qtbot, field)
    type_and_leave(qtbot, field, after, typed)
    assert field.value() == date(2026, 4, 1)
    assert field.text() == "令和8年4月1日"


@pytest.mark.parametrize("typed", ["令和8年2月30日", "あした", "2026-13-01"])
def test_a_date_that_is_not_one_is_kept_as_typed_and_refused_with_the_field_named(
    show_in_window: Show, qtbot: QtBot, typed: str
) -> None:
    field = WarekiDateEdit("held_on")
    after = form_with(show_in_window, qtbot, field)
    type_and_leave(qtbot, field, after, typed)
    assert field.text() == typed
    with pytest.raises(ValidationError) as caught:
        field.value()
    assert caught.value.field == "held_on" and caught.value.message


def test_a_date_cleared_by_its_clear_button_is_none(show_in_window: Show, qtbot: QtBot) -> None:
    field = WarekiDateEdit("held_on")
    form_with(show_in_window, qtbot, field)
    field.set_value(date(2019, 5, 1))
    assert field.text() == "令和元年5月1日"
    field.clear()  # what the line edit's ✕ does
    assert field.value() is None


def test_a_choice_keeps_enum_members_and_its_value_across_new_items(
    show_in_window: Show, qtbot: QtBot
) -> None:
    combo = ChoiceCombo([("すべて", None), ("推進員", MemberRole.SUISHIN), ("職員", MemberRole.STAFF)])
    form_with(show_in_window, qtbot, combo)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # a person steps to the next item with the arrow key
    assert combo.value() is MemberRole.SUISHIN
    combo.set_items([("職員", MemberRole.STAFF), ("推進員", MemberRole.SUISHIN)])
    assert combo.value() is MemberRole.SUISHIN  # the choice survives a reload of the items
    combo.set_items([("職員", MemberRole.STAFF)])
    assert combo.value() is MemberRole.STAFF and combo.currentIndex() == 0  # gone: the first item


def test_a_choice_that_must_be_made_starts_empty_and_refuses_until_chosen(
    show_in_window: Show, qtbot: QtBot
) -> None:
    combo = ChoiceCombo([("安食小学校区", 1), ("布鎌小学校区", 2)])
    form_with(show_in_window, qtbot, combo)
    combo.start_empty("学区を選んでください")
    assert not combo.is_chosen() and combo.value() is None
    with pytest.raises(ValidationError, match="学区を選んでください"):
        combo.check_chosen("district_id", "学区を選んでください")
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.is_chosen() and combo.value() == 1
    combo.check_chosen("district_id", "学区を選んでください")


def test_a_choice_does_not_confuse_a_value_with_an_equal_value_of_another_type(
    show_in_window: Show, qtbot: QtBot
) -> None:
    combo = ChoiceCombo([("いいえ", False), ("ゼロ", 0)])
    form_with(show_in_window, qtbot, combo)
    assert combo.set_value(0) and combo.currentText() == "ゼロ"
    assert combo.set_value(False) and combo.currentText() == "いいえ"
    assert not combo.set_value("0")


def test_fiscal_years_run_newest_first_around_this_year_with_an_all_choice(
    show_in_window: Show, qtbot: QtBot
) -> None:
    today = date(2027, 3, 31)  # still 令和8年度 (the year in which 1 April fell)
    combo = FiscalYearChoice(today, all_text="すべての年度")
    form_with(show_in_window, qtbot, combo)
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts[0] == "すべての年度" and combo.value() is None
    assert texts[1:3] == ["令和9年度", "令和8年度"] and texts[-1] == "令和2年度"
    plain = FiscalYearChoice(today)
    assert plain.value() == 2026 and plain.currentText() == "令和8年度"
    old = FiscalYearChoice(today, current=2010)  # an old record's year is offered even when out of range
    assert old.value() == 2010 and "平成22年度" in [old.itemText(i) for i in range(old.count())]
    assert [y for _t, y in fiscal_year_items(date(2026, 4, 1), back=1, ahead=0)] == [2026, 2025]


def test_a_note_moves_on_with_tab_instead_of_typing_one(show_in_window: Show, qtbot: QtBot) -> None:
    note = NoteEdit(lines=3)
    after = form_with(show_in_window, qtbot, note)
    type_text(qtbot, note, "会場は公民館")
    qtbot.keyClick(note, Qt.Key.Key_Return)
    type_text(qtbot, note, "<b>&amp;</b>")
    qtbot.keyClick(note, Qt.Key.Key_Tab)
    qtbot.waitUntil(after.hasFocus)
    assert note.text() == "会場は公民館\n<b>&amp;</b>"  # markup stays text; no tab character typed
    note.setText("𠮷野家")
    assert note.text() == "𠮷野家"
