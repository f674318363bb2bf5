"""The person editor on its own: normalising as you leave a field, duplicates, memberships, errors."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.services import people, people_duplicates

from ..helpers import type_text
from ..waiting import wait_idle


def open_dialog(qtbot: QtBot, ctx: AppContext, person: people.PersonDTO | None = None) -> PersonDialog:
    dialog = PersonDialog(ctx, person)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    wait_idle(qtbot)  # the duplicate check of an opened person
    return dialog


def leave(qtbot: QtBot, edit) -> None:  # type: ignore[no-untyped-def]
    edit.editingFinished.emit()  # what Qt sends when focus leaves the field
    wait_idle(qtbot)  # the duplicate check runs on the database worker


def test_fields_are_normalised_when_left(qtbot: QtBot, ctx: AppContext) -> None:
    dialog = open_dialog(qtbot, ctx)
    type_text(qtbot, dialog.phone, "０４７６（９５）１２３４")
    leave(qtbot, dialog.phone)
    assert dialog.phone.text() == "0476-95-1234"
    type_text(qtbot, dialog.postal_code, "〒２７０１５１６")
    leave(qtbot, dialog.postal_code)
    assert dialog.postal_code.text() == "270-1516"
    type_text(qtbot, dialog.furigana, "ｻｶｴ ﾀﾛｳ")
    leave(qtbot, dialog.furigana)
    assert dialog.furigana.text() == "サカエ タロウ"
    type_text(qtbot, dialog.email, "taro@")
    leave(qtbot, dialog.email)
    assert "メールアドレスの形式が正しくありません" in dialog.form.error_text("email")
    assert dialog.email.text() == "taro@"
    dialog.email.setText("taro@example.jp")
    leave(qtbot, dialog.email)
    assert dialog.form.error_text("email") == ""


def test_duplicate_name_and_furigana_is_warned_not_refused(
    qtbot: QtBot, ctx: AppContext, db: Database, roster
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ctx)
    type_text(qtbot, dialog.name, "渡辺花子")
    type_text(qtbot, dialog.furigana, "わたなべ はなこ")
    leave(qtbot, dialog.furigana)
    assert dialog.duplicate_warning.isVisible()
    assert "渡辺 花子（安食小学校区）" in dialog.duplicate_warning.text.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert len(people_duplicates.find_duplicates(db, "渡辺 花子", "ワタナベ ハナコ")) == 2


def test_existing_person_is_not_warned_about_themselves(qtbot: QtBot, ctx: AppContext, roster) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ctx, roster["watanabe"])
    assert not dialog.duplicate_warning.isVisible()


def test_adding_a_membership_through_its_dialog(
    qtbot: QtBot, ctx: AppContext, db: Database, two_districts
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ctx)
    type_text(qtbot, dialog.name, "栄 花子")
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    sub = dialog.memberships.dialog
    assert sub is not None and sub.isVisible()
    sub.district.set_value(two_districts[1])
    sub.role.set_value(MemberRole.PUBLIC_POST)
    assert sub.public_post.isEnabled()
    sub.officer_post.set_value(OfficerPost.VICE_CHAIR)
    type_text(qtbot, sub.term_start, "R7.4.1")
    type_text(qtbot, sub.term_end, "2025-03-31")
    qtbot.mouseClick(sub.save_button, Qt.MouseButton.LeftButton)
    assert sub.isVisible()
    assert sub.form.error_text("public_post").startswith("町からの公職の方は")
    type_text(qtbot, sub.public_post, "民生委員・児童委員")
    qtbot.mouseClick(sub.save_button, Qt.MouseButton.LeftButton)
    assert (
        sub.form.error_text("term_end")
        == "任期の終わりが始まりより前になっています。日付を確認してください。"
    )
    sub.term_end.setText("令和9年3月31日")
    qtbot.mouseClick(sub.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not sub.isVisible())
    model = dialog.memberships.model
    assert [model.index(0, c).data() for c in range(4)] == [
        "布鎌小学校区",
        "町からの公職（民生委員・児童委員）",
        "副会長",
        "令和7年4月1日〜令和9年3月31日",
    ]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = dialog.result_dto
    assert saved is not None
    m = people.get_person(db, saved.id).memberships[0]
    assert (m.public_post, m.officer_post, m.term_start, m.term_end) == (
        "民生委員・児童委員",
        OfficerPost.VICE_CHAIR,
        date(2025, 4, 1),
        date(2027, 3, 31),
    )


def test_unreadable_date_is_shown_under_its_field(qtbot: QtBot, ctx: AppContext, two_districts) -> None:  # type: ignore[no-untyped-def]
    dialog = open_dialog(qtbot, ctx)
    dialog.memberships.add()
    sub = dialog.memberships.dialog
    assert sub is not None
    type_text(qtbot, sub.term_start, "令和7年2月30日")
    qtbot.mouseClick(sub.save_button, Qt.MouseButton.LeftButton)
    assert "という日付はありません" in sub.form.error_text("term_start")
    assert sub.term_start.text() == "令和7年2月30日"
