"""Safe defaults in the 新規登録 dialogs, driven through the real windows: a new record starts in the district
the switcher shows and, under 全学区, with no district until one is chosen (a message under the field
otherwise); a new issue starts on no category; a new 委嘱 has no 役職 (「—」)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.roles import UserRole
from sakae_council.gui.dialogs.issue_editor import IssueDialog
from sakae_council.gui.dialogs.meeting_new import NewMeetingDialog
from sakae_council.gui.dialogs.organisation import OrganisationDialog
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.dialogs.project_editor import ProjectDialog
from sakae_council.gui.dialogs.users import UserDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.services import issues, meeting_bodies, meetings, organisations, people, projects

from .helpers import close_discarding, type_text


def show_district(window: MainWindow, name: str) -> None:
    """Pick a district (or 全学区) in the switcher, as the user does at the top of the window."""
    switcher = window.district_switcher
    index = switcher.findText(name)
    assert index >= 0, name
    switcher.setCurrentIndex(index)
    wait_idle()


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose an item with the arrow keys, as a keyboard user does."""
    combo.setFocus()
    for _ in range(combo.count() + 1):
        if combo.currentText() == text:
            return
        qtbot.keyClick(combo, Qt.Key.Key_Down)
        wait_idle()
    raise AssertionError(f"{text} is not in the list")


def click_new(qtbot: QtBot, window: MainWindow, page_name: str):  # type: ignore[no-untyped-def]
    page = window.show_page(page_name)
    wait_idle()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    return page, dialog


def click_save(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    """保存 clicked, the database worker's answer waited for."""
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()


def refused_save(qtbot: QtBot, dialog) -> str:  # type: ignore[no-untyped-def]
    """保存 clicked with no 学区 chosen: the editor stays open; the error under its 学区 field."""
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    return str(dialog.form.error_text("district_id"))


def save_closes(qtbot: QtBot, dialog) -> None:  # type: ignore[no-untyped-def]
    """保存 clicked: the editor saves and closes."""
    click_save(qtbot, dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def save_in(qtbot: QtBot, dialog, district: str) -> None:  # type: ignore[no-untyped-def]
    """``district`` chosen in the editor's 学区 field and 保存 clicked: the editor closes."""
    choose(qtbot, dialog.district, district)
    save_closes(qtbot, dialog)


@pytest.fixture()
def categories(db: Database, two_districts: tuple[int, int]) -> dict[str, int]:
    with db.transaction() as s:
        issues.seed_categories(s)
    return {c.name: c.id for c in issues.list_categories(db)}


def test_new_issue_starts_in_the_shown_district_and_on_no_category(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, categories, window: MainWindow
) -> None:
    show_district(window, "布鎌小学校区")
    _page, dialog = click_new(qtbot, window, "issues")
    assert isinstance(dialog, IssueDialog)
    assert dialog.district.currentText() == "布鎌小学校区"
    assert dialog.category.currentIndex() == -1 and dialog.category.currentText() == ""
    type_text(qtbot, dialog.title_edit, "空き家の増加")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.form.error_text("category_id") == "分類を選んでください。"
    assert issues.list_issues(db) == []  # nothing saved
    choose(qtbot, dialog.category, "防災")
    save_closes(qtbot, dialog)
    [saved] = issues.list_issues(db)
    assert (saved.district_id, saved.category_id) == (two_districts[1], categories["防災"])


def test_new_issue_under_all_districts_must_be_given_its_district(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, categories, window: MainWindow
) -> None:
    show_district(window, "全学区")
    _page, dialog = click_new(qtbot, window, "issues")
    assert dialog.district.currentIndex() == -1 and dialog.district.currentText() == ""
    assert dialog.district.placeholderText() == "学区を選んでください"
    type_text(qtbot, dialog.title_edit, "防犯灯の球切れ")
    choose(qtbot, dialog.category, "防犯")
    assert refused_save(qtbot, dialog) == "学区を選んでください。"
    assert issues.list_issues(db) == []
    save_in(qtbot, dialog, "布鎌小学校区")
    [saved] = issues.list_issues(db)
    assert saved.district_id == two_districts[1]


def test_new_project_follows_the_switcher(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, window: MainWindow
) -> None:
    show_district(window, "布鎌小学校区")
    _page, dialog = click_new(qtbot, window, "projects")
    assert isinstance(dialog, ProjectDialog)
    assert dialog.district.currentText() == "布鎌小学校区"
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    show_district(window, "全学区")
    _page, dialog = click_new(qtbot, window, "projects")
    assert dialog.district.currentIndex() == -1
    type_text(qtbot, dialog.title_edit, "ふれあい送迎")
    assert refused_save(qtbot, dialog) == "学区を選んでください。"
    assert projects.list_projects(db) == []
    save_in(qtbot, dialog, "安食小学校区")
    [saved] = projects.list_projects(db)
    assert saved.district_id == two_districts[0]


def test_new_meeting_starts_on_the_shown_districts_council_and_on_none_under_all(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, window: MainWindow
) -> None:
    meeting_bodies.ensure_district_bodies(db)
    window.ctx.notify("meetings")
    wait_idle()
    show_district(window, "布鎌小学校区")
    _page, dialog = click_new(qtbot, window, "meetings")
    assert isinstance(dialog, NewMeetingDialog)
    assert dialog.body.currentText() == "布鎌小学校区まちづくり協議会"
    dialog.reject()
    qtbot.waitUntil(lambda: not dialog.isVisible())

    show_district(window, "全学区")
    _page, dialog = click_new(qtbot, window, "meetings")
    assert dialog.body.currentIndex() == -1
    type_text(qtbot, dialog.held_on, "R8.12.5")
    click_save(qtbot, dialog)
    assert dialog.isVisible() and dialog.form.error_text("body_id") == "会議体を選んでください。"
    assert meetings.list_meetings(db) == []
    close_discarding(qtbot, dialog)  # a date was typed: Esc asks, and the person lets it go


def test_new_organisation_under_all_districts_asks_which(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, window: MainWindow
) -> None:
    show_district(window, "全学区")
    _page, dialog = click_new(qtbot, window, "organisations")
    assert isinstance(dialog, OrganisationDialog)
    assert dialog.district.currentIndex() == -1
    type_text(qtbot, dialog.name, "安食第一自治会")
    assert "町全体の団体は「町全体（学区なし）」を選びます" in refused_save(qtbot, dialog)
    assert organisations.list_organisations(db) == []
    save_in(qtbot, dialog, "町全体（学区なし）")  # None is a real choice once it is chosen
    [saved] = organisations.list_organisations(db)
    assert saved.district_id is None


def test_a_new_membership_has_no_post_and_under_all_districts_no_district(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, window: MainWindow
) -> None:
    show_district(window, "全学区")
    _page, dialog = click_new(qtbot, window, "roster")
    assert isinstance(dialog, PersonDialog)
    assert dialog.memberships.model.rowCount() == 0  # no district guessed, so no 委嘱 added for the user
    type_text(qtbot, dialog.name, "栄 花子")
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    wait_idle()
    sub = dialog.memberships.dialog
    assert sub is not None
    qtbot.waitExposed(sub)
    assert sub.officer_post.currentText() == "—"
    assert sub.district.currentIndex() == -1
    assert refused_save(qtbot, sub).startswith("学区を選んでください。")
    save_in(qtbot, sub, "安食小学校区")  # no post chosen: optional
    save_closes(qtbot, dialog)
    [person] = [p for p in people.list_people(db) if p.name == "栄 花子"]
    [m] = people.get_person(db, person.id).memberships
    assert (m.district_id, m.role, m.officer_post) == (
        two_districts[0],
        MemberRole.SUISHIN,
        OfficerPost.MEMBER,
    )


def test_a_membership_added_under_a_district_starts_there_with_no_post(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, two_districts, window: MainWindow
) -> None:
    show_district(window, "布鎌小学校区")
    _page, dialog = click_new(qtbot, window, "roster")
    qtbot.mouseClick(dialog.memberships.add_button, Qt.MouseButton.LeftButton)
    wait_idle()
    sub = dialog.memberships.dialog
    qtbot.waitExposed(sub)
    assert (sub.district.currentText(), sub.officer_post.currentText()) == ("布鎌小学校区", "—")
    choose(qtbot, sub.officer_post, "会長")  # a post is a deliberate choice
    choose(qtbot, sub.role, "町からの公職")
    type_text(qtbot, sub.public_post, "自治会長")
    type_text(qtbot, sub.term_start, "R8.4.1")
    save_closes(qtbot, sub)
    type_text(qtbot, dialog.name, "布鎌 一郎")
    save_closes(qtbot, dialog)
    [person] = [p for p in people.list_people(db) if p.name == "布鎌 一郎"]
    posts = sorted((m.officer_post.value, m.term_start) for m in people.get_person(db, person.id).memberships)
    # the 委嘱 the dialog added for the shown district, and the one chosen as 会長
    assert posts == [("chair", date(2026, 4, 1)), ("member", None)]


def test_a_new_user_starts_as_viewer_not_admin(qtbot: QtBot, ctx, two_districts) -> None:  # type: ignore[no-untyped-def]
    dialog = UserDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.role.value() is UserRole.VIEWER and dialog.role.currentText() == "閲覧のみ"
    assert "閲覧だけができます" in dialog.role_hint.text()
