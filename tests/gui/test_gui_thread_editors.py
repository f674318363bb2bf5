"""No query on the GUI thread while a person opens, fills, saves and closes the editors moved onto the
database worker (issue 18): each journey runs under ``queries_off_gui_thread`` (thread_guard.py), opens
the editor the way a person does (Enter on a row, Ctrl+N, the page's button), types, saves with 保存 or
Ctrl+S, closes with Esc, and reads what was saved back through the services afterwards.

Editors under this assertion: 地域課題 (IssueDialog, ステータス変更), 協働事業 (ProjectDialog, the detail window
and its partner / 工程 / 担当職員 / 補助金 (and its documents and 次の段階へ) / 活動記録 / 検証 editors, removing a
partner, 補助金の集計), 資機材の貸出 (LoanDialog with its free count, 返却), ⑫ 相談記録・講座 (with 受講者)・起業者,
成果指標 and its figures (IndicatorDialog, IndicatorValueDialog and 値を消す), 学区 (DistrictDialog, 学区の統合),
利用者の管理 (UsersDialog, UserDialog, 削除), 委嘱 (MembershipDialog inside the person editor).

A page's own list load is that page's business (``test_gui_thread_queries.py`` lists the pages moved);
where a page still reads on the GUI thread when it is built, it is built before the guard starts.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.enums import (
    ActivityKind,
    GrantStatus,
    IssueStatus,
    LoanStatus,
    MemberRole,
    OfficerPost,
    ProjectStatus,
)
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.district import DistrictDialog, MergeDialog
from sakae_council.gui.dialogs.equipment_loan import LoanDialog, ReturnDialog
from sakae_council.gui.dialogs.grant_editor import GrantDialog
from sakae_council.gui.dialogs.grant_totals import GrantTotalsDialog
from sakae_council.gui.dialogs.indicator_editor import IndicatorDialog
from sakae_council.gui.dialogs.indicator_value import IndicatorValueDialog
from sakae_council.gui.dialogs.issue_editor import IssueDialog
from sakae_council.gui.dialogs.lifesupport_consultation import ConsultationDialog
from sakae_council.gui.dialogs.lifesupport_course import CourseDialog
from sakae_council.gui.dialogs.lifesupport_startup import StartupDialog
from sakae_council.gui.dialogs.membership import MembershipDialog
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.dialogs.project_detail import ProjectDetailDialog
from sakae_council.gui.dialogs.project_editor import ProjectDialog
from sakae_council.gui.dialogs.users import UserDialog, UsersDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.equipment import EquipmentPage
from sakae_council.gui.pages.indicators import IndicatorsPage
from sakae_council.gui.pages.issues import IssuesPage
from sakae_council.gui.pages.projects import ProjectsPage
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.gui.pages.settings import SettingsPage
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.services import (
    districts,
    equipment,
    equipment_loans,
    grants,
    indicator_values,
    indicators,
    issues,
    lifesupport,
    organisations,
    people,
    projects,
    users,
)
from sakae_council.services.indicators import ValueKind
from sakae_council.services.issues import IssueFilter, IssueInput

from .helpers import TODAY, add_member, answer_message_box, type_text
from .shown_pages import shown
from .thread_guard import queries_off_gui_thread
from .waiting import wait_idle

CTRL = Qt.KeyboardModifier.ControlModifier


def opened(qtbot: QtBot, owner: Any, kind: type, *, attr: str = "dialog", before: Any = None) -> Any:
    """The editor ``owner`` opened once its data came back from the worker (not the one open ``before``)."""
    qtbot.waitUntil(
        lambda: (
            isinstance(getattr(owner, attr), kind)
            and getattr(owner, attr) is not before
            and getattr(owner, attr).isVisible()
        )
    )
    return getattr(owner, attr)


def click(qtbot: QtBot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)


def save_and_wait(qtbot: QtBot, dialog: EntityDialog, *, key: bool = False) -> None:
    """保存 (or Ctrl+S); the save lands a moment later and the editor closes."""
    if key:
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_S, CTRL)
    else:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle(qtbot)


def type_into(qtbot: QtBot, field: QWidget, text: str) -> None:
    field.setFocus()
    type_text(qtbot, field, text)


def escape(qtbot: QtBot, dialog: QWidget) -> None:
    """Esc closes an editor with nothing typed, without a question."""
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def enter_on_row(qtbot: QtBot, page: Any, row: int) -> None:
    page.table.select_row(row)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)


def enter_on_cell(qtbot: QtBot, tab: Any, indicator_id: int, kind: ValueKind, year: int) -> None:
    row = tab.model.row_of(lambda line: line.indicator_id == indicator_id and line.kind is kind)
    tab.table.setCurrentIndex(tab.model.index(row, tab.model.column_of_year(year)))
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)


# --- 地域課題 -------------------------------------------------------------------------------------
def test_issue_editors_read_and_write_on_the_worker(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, two_districts
) -> None:
    a, _b = two_districts
    with db.transaction() as s:
        issues.seed_categories(s)
    cat = {c.name: c.id for c in issues.list_categories(db)}["防災"]
    old = issues.create_issue(db, IssueInput("防災倉庫の備蓄品の更新", a, cat, date(2026, 6, 1)))
    page = shown(qtbot, IssuesPage(ctx))  # the page's own category filter is read as it is built

    with queries_off_gui_thread(db):
        qtbot.keyClick(page.table, Qt.Key.Key_N, CTRL)  # Ctrl+N: a new issue
        new = opened(qtbot, page, IssueDialog)
        type_into(qtbot, new.title_edit, "空き家の増加")
        new.category.set_value(cat)
        new.district.set_value(a)
        save_and_wait(qtbot, new, key=True)

        enter_on_row(qtbot, page, [i.title for i in page.issues_model.rows()].index(old.title))
        edit = opened(qtbot, page, IssueDialog, before=new)
        assert edit.history_model.rowCount() == 1  # its history, read with it
        edit.description.setFocus()
        type_text(qtbot, edit.description, "水と毛布を入れ替える")
        save_and_wait(qtbot, edit)

        page.select_where(lambda i: i.id == old.id)
        wait_idle(qtbot)
        click(qtbot, page.status_button)  # ステータス変更…
        step = opened(qtbot, page, StepDialog, before=edit)
        step.target.set_value(IssueStatus.CONSIDERING)
        save_and_wait(qtbot, step)

        click(qtbot, page.project_button)  # 事業にする…: the project editor, then 事業化 offered
        project = opened(qtbot, page, ProjectDialog, before=step)
        assert project.issue_ids_checked() == {old.id}
        project.title_edit.selectAll()
        type_into(qtbot, project.title_edit, "備蓄品入れ替え事業")
        save_and_wait(qtbot, project, key=True)
        offer = opened(qtbot, page, StepDialog, before=project)
        assert offer.target.value() is IssueStatus.PROJECTIZED
        save_and_wait(qtbot, offer)

        enter_on_row(qtbot, page, 0)
        again = opened(qtbot, page, IssueDialog, before=offer)
        escape(qtbot, again)

    made = issues.list_issues(db, IssueFilter(query="空き家"))
    assert [(i.title, i.district_id, i.raised_on) for i in made] == [("空き家の増加", a, TODAY)]
    saved = issues.get_issue(db, old.id)
    assert saved.description == "水と毛布を入れ替える"
    assert saved.status is IssueStatus.PROJECTIZED and saved.project_titles == ("備蓄品入れ替え事業",)


def test_an_issue_deleted_meanwhile_is_said_and_no_editor_opens(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, two_districts
) -> None:
    a, _b = two_districts
    with db.transaction() as s:
        issues.seed_categories(s)
    cat = issues.list_categories(db)[0].id
    gone = issues.create_issue(db, IssueInput("消える課題", a, cat, date(2026, 6, 1)))
    assert gone.id == 1
    page = shown(qtbot, IssuesPage(ctx))
    issues.delete_issue(other, gone.id, gone.version)  # another program instance removes it

    with queries_off_gui_thread(db):
        said = answer_message_box(qtbot, "OK")
        enter_on_row(qtbot, page, 0)
        qtbot.waitUntil(lambda: bool(said))
        wait_idle(qtbot)
        assert page.dialog is None and page.issues_model.rowCount() == 0  # the list shows what is left
    assert said == ["地域課題（ID 1）が見つかりません。一覧を更新してください。"]


# --- 協働事業 -------------------------------------------------------------------------------------
def test_project_detail_and_its_editors_read_and_write_on_the_worker(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, two_districts
) -> None:
    a, b = two_districts
    org = organisations.create_organisation(
        db, organisations.OrganisationInput(name="安食東区自治会", district_id=a)
    )
    staff = add_member(db, "栄 職員", "サカエ ショクイン", a, role=MemberRole.STAFF)
    projects.create_project(db, projects.ProjectInput(title="旧事業", district_id=b))
    page = shown(qtbot, ProjectsPage(ctx))

    with queries_off_gui_thread(db):
        click(qtbot, page.new_button)  # 新規登録
        new = opened(qtbot, page, ProjectDialog)
        type_into(qtbot, new.title_edit, "通学路見守り隊")
        new.district.set_value(b)  # the issues of 布鎌 are read on the worker
        wait_idle(qtbot)
        new.district.set_value(a)
        wait_idle(qtbot)
        save_and_wait(qtbot, new, key=True)
        detail = opened(qtbot, page, ProjectDetailDialog, before=new)  # saved: its detail opens
        assert detail.heading.text() == "通学路見守り隊"

        click(qtbot, detail.partners.add_button)
        partner = opened(qtbot, detail, EntityDialog, attr="child")
        partner.organisation.set_value(org.id)
        type_into(qtbot, partner.role, "会場の提供")
        save_and_wait(qtbot, partner)

        click(qtbot, detail.milestones.add_button)
        milestone = opened(qtbot, detail, EntityDialog, attr="child", before=partner)
        type_into(qtbot, milestone.title_edit, "説明会")
        save_and_wait(qtbot, milestone, key=True)

        click(qtbot, detail.staff.add_button)
        staff_dialog = opened(qtbot, detail, EntityDialog, attr="child", before=milestone)
        staff_dialog.person.set_value(staff.id)
        save_and_wait(qtbot, staff_dialog)

        click(qtbot, detail.grant_section.add_button)
        grant = opened(qtbot, detail, GrantDialog, attr="child", before=staff_dialog)
        grant.requested.selectAll()
        type_into(qtbot, grant.requested, "150000")
        save_and_wait(qtbot, grant)
        detail.grant_section.table.select_row(0)
        click(qtbot, detail.grant_section.edit_button)  # its documents, added and removed on the worker
        grant = opened(qtbot, detail, GrantDialog, attr="child", before=grant)
        grant.documents.add_button.click()
        qtbot.waitUntil(lambda: grant.document_dialog.isVisible())
        document = grant.document_dialog
        type_into(qtbot, document.title_edit, "事業計画書")
        save_and_wait(qtbot, document, key=True)
        qtbot.waitUntil(lambda: grant.documents.model.rowCount() == 1)
        grant.documents.add_button.click()
        qtbot.waitUntil(lambda: grant.document_dialog is not document and grant.document_dialog.isVisible())
        type_into(qtbot, grant.document_dialog.title_edit, "見積書")
        save_and_wait(qtbot, grant.document_dialog)
        qtbot.waitUntil(lambda: grant.documents.model.rowCount() == 2)
        grant.documents.table.select_row(1)
        answer_message_box(qtbot, "削除")
        click(qtbot, grant.documents.remove_button)  # removed on the worker
        qtbot.waitUntil(lambda: grant.documents.model.rowCount() == 1)
        escape(qtbot, grant)
        detail.grant_section.table.select_row(0)
        click(qtbot, detail.grant_section.findChild(QPushButton, "grantStep"))  # 次の段階へ…
        step = opened(qtbot, detail, StepDialog, attr="child", before=grant)
        step.target.set_value(GrantStatus.REVIEWING)
        save_and_wait(qtbot, step)

        click(qtbot, detail.activities.add_button)
        activity = opened(qtbot, detail, EntityDialog, attr="child", before=step)
        assert activity.staff.count() == 1  # the staff, read before it opened
        type_into(qtbot, activity.title_edit, "見守り活動")
        activity.kind.set_value(ActivityKind.WATCHING)
        activity.set_staff({staff.id})
        save_and_wait(qtbot, activity)

        click(qtbot, detail.evaluations.add_button)
        evaluation = opened(qtbot, detail, EntityDialog, attr="child", before=activity)
        type_into(qtbot, evaluation.achievements, "空白時間がなくなった")
        save_and_wait(qtbot, evaluation)

        click(qtbot, detail.edit_button)  # 基本情報を編集…
        basic = opened(qtbot, detail, ProjectDialog, attr="child", before=evaluation)
        type_into(qtbot, basic.purpose, "下校時の見守り")
        save_and_wait(qtbot, basic)

        click(qtbot, detail.status_button)
        status = opened(qtbot, detail, StepDialog, attr="child", before=basic)
        status.target.set_value(ProjectStatus.APPLYING)
        save_and_wait(qtbot, status)

        detail.tabs.setCurrentIndex(1)
        detail.partners.table.select_row(0)
        answer_message_box(qtbot, "削除")
        click(qtbot, detail.partners.remove_button)
        qtbot.waitUntil(lambda: detail.partners.model.rowCount() == 0)
        escape(qtbot, detail)

        click(qtbot, page.totals_button)  # 補助金の集計…
        totals = opened(qtbot, page, GrantTotalsDialog, before=detail)
        assert totals.model.rowCount() == 2  # the district's line and 合計
        totals.year.set_value(2025)
        wait_idle(qtbot)
        assert totals.model.rowCount() == 0
        escape(qtbot, totals)

        page.select_where(lambda p: p.title == "旧事業")
        wait_idle(qtbot)
        page.table.setFocus()
        answer_message_box(qtbot, "削除")
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)  # Delete on the row: removed on the worker
        qtbot.waitUntil(lambda: [p.title for p in page.projects_model.rows()] == ["通学路見守り隊"])

    [made] = projects.list_projects(db)
    saved = projects.get_project(db, made.id)
    assert saved.project.purpose == "下校時の見守り" and saved.project.status is ProjectStatus.APPLYING
    assert saved.partners == () and [m.title for m in saved.milestones] == ["説明会"]
    assert [s.name for s in saved.staff] == ["栄 職員"]
    assert [(x.title, x.staff_names) for x in saved.activities] == [("見守り活動", ("栄 職員",))]
    assert [e.achievements for e in saved.evaluations] == ["空白時間がなくなった"]
    [g] = grants.list_grants(db, project_id=made.id)
    assert (g.amount_requested, g.status, [d.title for d in g.documents]) == (
        150000,
        GrantStatus.REVIEWING,
        ["事業計画書"],
    )


# --- 資機材の貸出 ----------------------------------------------------------------------------------
def test_loan_and_return_read_and_write_on_the_worker(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, two_districts
) -> None:
    tent = equipment.create_equipment(db, equipment.EquipmentInput(name="テント", code="T-01", quantity=3))
    org = organisations.create_organisation(db, organisations.OrganisationInput(name="自治会"))
    page = shown(qtbot, EquipmentPage(ctx)).loans

    with queries_off_gui_thread(db):
        click(qtbot, page.new_button)  # 貸出・予約…
        loan = opened(qtbot, page, LoanDialog)
        loan.item.set_value(tent.id)  # how many are free is asked on the worker
        qtbot.waitUntil(lambda: loan.free.text() == "この期間に貸し出せる数: 3個（全3個）")
        loan.quantity.setValue(2)
        loan.organisation.set_value(org.id)
        save_and_wait(qtbot, loan, key=True)
        qtbot.waitUntil(lambda: page.loans_model.rowCount() == 1)

        enter_on_row(qtbot, page, 0)  # Enter on a lent item: 返却
        back = opened(qtbot, page, ReturnDialog, before=loan)
        back.condition.setFocus()
        type_text(qtbot, back.condition, "OK")
        save_and_wait(qtbot, back)

        click(qtbot, page.new_button)  # a reservation, handed over, then another cancelled
        booking = opened(qtbot, page, LoanDialog, before=back)
        booking.item.set_value(tent.id)
        booking.organisation.set_value(org.id)
        booking.reserve.setChecked(True)
        save_and_wait(qtbot, booking)
        page.select_where(lambda x: x.status is LoanStatus.RESERVED)
        wait_idle(qtbot)
        click(qtbot, page.hand_over_button)  # 受け渡し
        qtbot.waitUntil(lambda: [x.status for x in page.loans_model.rows()].count(LoanStatus.LENT) == 1)
        page.select_where(lambda x: x.status is LoanStatus.LENT)
        wait_idle(qtbot)
        answer_message_box(qtbot, "取り消す")
        click(qtbot, page.cancel_button)  # 取消

    loans = sorted(
        (x.quantity, x.status, x.return_condition) for x in equipment_loans.list_loans(db, None, today=TODAY)
    )
    assert loans == [(1, LoanStatus.CANCELLED, ""), (2, LoanStatus.RETURNED, "OK")]


# --- ⑫ 相談記録・講座・起業者, and 成果指標 -----------------------------------------------------------
def test_lifesupport_and_indicator_editors_read_and_write_on_the_worker(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, roster, two_districts
) -> None:
    a, _b = two_districts
    ind = indicators.create_indicator(
        db, indicators.IndicatorInput(code="volunteers", name="ボランティア数", unit="人")
    )
    indicator_values.set_value(db, ind.id, 2026, ValueKind.BASE, 5)
    page = shown(qtbot, IndicatorsPage(ctx))

    with queries_off_gui_thread(db):
        page.tabs.setCurrentWidget(page.consultations)
        wait_idle(qtbot)
        qtbot.keyClick(page.consultations.table, Qt.Key.Key_N, CTRL)
        consultation = opened(qtbot, page.consultations, ConsultationDialog)
        type_into(qtbot, consultation.person_name, "買い物 支援子")
        consultation.district.set_value(a)
        save_and_wait(qtbot, consultation, key=True)
        qtbot.waitUntil(lambda: page.consultations.records.rowCount() == 1)
        enter_on_row(qtbot, page.consultations, 0)
        edit = opened(qtbot, page.consultations, ConsultationDialog, before=consultation)
        type_into(qtbot, edit.follow_up, "商工会を紹介")
        save_and_wait(qtbot, edit)

        page.tabs.setCurrentWidget(page.courses)
        wait_idle(qtbot)
        click(qtbot, page.courses.new_button)
        course = opened(qtbot, page.courses, CourseDialog)
        type_into(qtbot, course.title, "起業講座")
        qtbot.keyClick(course.title, Qt.Key.Key_S, CTRL)  # a new course stays open for its attendees
        qtbot.waitUntil(lambda: course.attendee_name.isEnabled())
        type_into(qtbot, course.attendee_name, "渡辺 花子（ワタナベ ハナコ）")
        qtbot.keyClick(course.attendee_name, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: course.attendees.model.rowCount() == 1)
        type_into(qtbot, course.attendee_name, "町外 一郎")
        click(qtbot, course.add_attendee_button)
        qtbot.waitUntil(lambda: course.attendees.model.rowCount() == 2)
        course.attendees.table.select_row(1)
        click(qtbot, course.attendees.remove_button)
        qtbot.waitUntil(lambda: course.attendees.model.rowCount() == 1)
        escape(qtbot, course)

        page.tabs.setCurrentWidget(page.startups)
        wait_idle(qtbot)
        click(qtbot, page.startups.new_button)
        startup = opened(qtbot, page.startups, StartupDialog)
        type_into(qtbot, startup.founder_name, "起業 花子")
        type_into(qtbot, startup.started_on, "R8.5.1")
        save_and_wait(qtbot, startup)

        page.tabs.setCurrentWidget(page.indicators_tab)
        wait_idle(qtbot)
        click(qtbot, page.new_button)  # 指標を追加…
        indicator = opened(qtbot, page.indicators_tab, IndicatorDialog)
        assert indicator.order.value() == 1  # after the last one (0), read on the worker
        type_into(qtbot, indicator.name, "サロンの数")
        type_into(qtbot, indicator.code, "salons")
        save_and_wait(qtbot, indicator, key=True)

        tab = page.indicators_tab
        enter_on_cell(qtbot, tab, ind.id, ValueKind.TARGET, 2026)  # Enter on a cell: its figure
        value = opened(qtbot, tab, IndicatorValueDialog, before=indicator)
        type_into(qtbot, value.value, "12")
        save_and_wait(qtbot, value, key=True)

        enter_on_cell(qtbot, tab, ind.id, ValueKind.BASE, 2026)
        base = opened(qtbot, tab, IndicatorValueDialog, before=value)
        answer_message_box(qtbot, "値を消す")
        qtbot.mouseClick(base.clear_button, Qt.MouseButton.LeftButton)  # 値を消す, on the worker
        qtbot.waitUntil(lambda: not base.isVisible())
        wait_idle(qtbot)

    [c] = lifesupport.list_consultations(db, None, None)
    assert (c.person_name, c.district_id, c.follow_up) == ("買い物 支援子", a, "商工会を紹介")
    [course_saved] = lifesupport.list_courses(db, None)
    assert [x.name for x in course_saved.attendees] == ["渡辺 花子"]
    assert [(s.founder_name, s.started_on) for s in lifesupport.list_startups(db, None, None)] == [
        ("起業 花子", date(2026, 5, 1))
    ]
    assert [(i.code, i.display_order) for i in indicators.list_indicators(db)] == [
        ("volunteers", 0),
        ("salons", 1),
    ]
    figures = {(v.kind, v.value) for v in indicators.get_indicator(db, ind.id).values}
    assert figures == {(ValueKind.TARGET, 12)}  # the base was cleared


# --- 学区 and 利用者の管理 --------------------------------------------------------------------------
def test_district_editors_read_and_write_on_the_worker(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, two_districts
) -> None:
    a, b = two_districts
    page = shown(qtbot, SettingsPage(ctx))

    with queries_off_gui_thread(db):
        click(qtbot, page.new_button)
        new = opened(qtbot, page, DistrictDialog)
        assert new.display_order.value() == 3  # after the others, read on the worker
        type_into(qtbot, new.name, "酒直小学校区")
        save_and_wait(qtbot, new, key=True)

        enter_on_row(qtbot, page, 0)
        edit = opened(qtbot, page, DistrictDialog, before=new)
        type_into(qtbot, edit.council_name, "安食小学校区まちづくり協議会")
        save_and_wait(qtbot, edit)

        page.table.select_row(1)
        click(qtbot, page.merge_button)  # 学区を統合…
        merge = opened(qtbot, page, MergeDialog, before=edit)
        merge.source.set_value(b)
        merge.target.set_value(a)
        answer_message_box(qtbot, "統合する")
        save_and_wait(qtbot, merge)

    saved = {d.name: d for d in districts.list_districts(db)}
    assert saved["安食小学校区"].council_name == "安食小学校区まちづくり協議会"
    assert not saved["布鎌小学校区"].active and saved["酒直小学校区"].display_order == 3


def test_users_dialog_reads_and_writes_on_the_worker(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, two_districts, window: MainWindow
) -> None:
    from sakae_council.domain.roles import UserRole

    with queries_off_gui_thread(db):
        action = window.findChild(QAction, "actionManageUsers")
        assert isinstance(action, QAction)
        action.trigger()  # ファイル → 利用者の管理…
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), UsersDialog))
        listing = QApplication.activeModalWidget()
        assert isinstance(listing, UsersDialog)
        click(qtbot, listing.add_button)  # the first user is a 管理者
        admin = opened(qtbot, listing, UserDialog, attr="editor")
        type_into(qtbot, admin.login, "kanri")
        admin.role.set_value(UserRole.ADMIN)
        save_and_wait(qtbot, admin, key=True)
        qtbot.waitUntil(lambda: listing.model.rowCount() == 1)

        click(qtbot, listing.add_button)
        user = opened(qtbot, listing, UserDialog, attr="editor", before=admin)
        type_into(qtbot, user.login, "jimukyoku")
        user.role.set_value(UserRole.SECRETARIAT)
        user.districts.item(1).setCheckState(Qt.CheckState.Checked)
        save_and_wait(qtbot, user)
        qtbot.waitUntil(lambda: listing.model.rowCount() == 2)

        listing.table.select_row(0)
        listing.table.setFocus()
        qtbot.keyClick(listing.table, Qt.Key.Key_Return)  # Enter: the user, read fresh
        edit = opened(qtbot, listing, UserDialog, attr="editor", before=user)
        type_into(qtbot, edit.display_name, "Kanri")
        save_and_wait(qtbot, edit)

        listing.table.select_row([u.login for u in listing.model.rows()].index("jimukyoku"))
        answer_message_box(qtbot, "削除")
        click(qtbot, listing.delete_button)
        qtbot.waitUntil(lambda: listing.model.rowCount() == 1)
        escape(qtbot, listing)

    assert [(u.login, u.role, u.display_name) for u in users.list_users(db)] == [
        ("kanri", UserRole.ADMIN, "Kanri")
    ]


# --- 委嘱 (inside the person editor) ---------------------------------------------------------------
def test_memberships_are_edited_without_the_database_and_saved_with_the_person(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, roster, two_districts
) -> None:
    _a, b = two_districts
    page = shown(qtbot, RosterPage(ctx))

    with queries_off_gui_thread(db):
        row = [p.name for p in page.roster_model.rows()].index("相川 健")
        enter_on_row(qtbot, page, row)
        person = opened(qtbot, page, PersonDialog)
        click(qtbot, person.memberships.add_button)  # 委嘱を追加: no database while it is open
        membership = person.memberships.dialog
        assert isinstance(membership, MembershipDialog) and membership.isVisible()
        membership.district.set_value(b)
        membership.officer_post.set_value(OfficerPost.VICE_CHAIR)
        type_into(qtbot, membership.term_start, "R8.4.1")
        save_and_wait(qtbot, membership, key=True)
        assert person.memberships.model.rowCount() == 2
        save_and_wait(qtbot, person)

    seats = people.get_person(db, roster["aikawa"].id).memberships
    assert sorted((m.district_id, m.officer_post, m.term_start) for m in seats if m.district_id == b) == [
        (b, OfficerPost.VICE_CHAIR, date(2026, 4, 1))
    ]
