"""The 協働事業 page through its dialogs: register a project, partners with 役割分担, milestones, staff,
a grant from 申請 to 確定 with ¥ amounts and overspending flagged, status moves, activities, 検証, totals."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import ActivityKind, GrantStatus, MemberRole, ProjectKind, ProjectStatus
from sakae_council.gui.dialogs.project_detail import ProjectDetailDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.project_grants import DocumentsModel, GrantsModel, GrantTotalsModel
from sakae_council.gui.models.project_list import (
    ActivitiesModel,
    EvaluationsModel,
    LinkedIssuesModel,
    MilestonesModel,
    PartnersModel,
    ProjectsModel,
    StaffModel,
)
from sakae_council.gui.pages.projects import ProjectsPage
from sakae_council.gui.palette import STATUS_STYLES
from sakae_council.gui.text_size import TextSize
from sakae_council.services import grants, issues, organisations, project_parts, project_staff, projects
from sakae_council.services.organisations import OrganisationInput
from sakae_council.services.projects import ProjectInput

from ..helpers import TODAY, add_member, answer_message_box, clipped_texts, close_discarding, type_text


@pytest.fixture()
def world(db: Database, two_districts: tuple[int, int]) -> dict[str, int]:
    a, b = two_districts
    org = organisations.create_organisation(db, OrganisationInput(name="安食東区自治会", district_id=a)).id
    staff = add_member(db, "栄 職員", "サカエ ショクイン", a, role=MemberRole.STAFF).id
    existing = projects.create_project(
        db, ProjectInput(title="高齢者サロン", district_id=b, kind=ProjectKind.COMMUNITY)
    ).id
    return {"a": a, "b": b, "org": org, "staff": staff, "salon": existing}


def projects_page(window: MainWindow) -> ProjectsPage:
    page = window.show_page("projects")
    wait_idle()
    assert isinstance(page, ProjectsPage)
    return page


def open_detail(qtbot: QtBot, page: ProjectsPage, project_id: int) -> ProjectDetailDialog:
    """Choose the project in the list and press 詳細を開く…; the window opens once the project is read."""
    page.select_where(lambda p: p.id == project_id)
    wait_idle()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ProjectDetailDialog) and page.dialog.isVisible())
    return page.dialog


def cells(model, column: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_every_model_passes_the_model_tester(qtmodeltester, db: Database, world) -> None:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        issues.seed_categories(s)
    cat = issues.list_categories(db)[0].id
    issue = issues.create_issue(db, issues.IssueInput("居場所がない", world["b"], cat, date(2026, 4, 1)))
    salon = projects.get_project(db, world["salon"]).project
    pid = salon.id
    projects.update_project(
        db,
        pid,
        ProjectInput(
            title=salon.title, district_id=salon.district_id, kind=salon.kind, issue_ids=(issue.id,)
        ),
        salon.version,
    )
    project_parts.add_partner(
        db, pid, project_parts.PartnerInput(organisation_id=world["org"], role_description="会場")
    )
    project_parts.add_milestone(
        db, pid, project_parts.MilestoneInput("準備", due_on=date(2026, 5, 1), progress=50)
    )
    project_staff.add_staff(db, pid, world["staff"])
    project_parts.add_activity(
        db,
        pid,
        project_parts.ActivityInput(
            date(2026, 6, 1), "第1回", 12, 20, kind=ActivityKind.WATCHING, staff_ids=(world["staff"],)
        ),
    )
    project_parts.add_evaluation(
        db,
        pid,
        project_parts.EvaluationInput(
            2026, achievements="参加者増", rating=4, achieved=False, indicator_contribution="⑭ 1件"
        ),
    )
    g = grants.create_grant(db, grants.GrantInput(project_id=pid, fiscal_year=2026, amount_requested=100000))
    grants.add_document(db, g.id, "事業計画書")
    detail = projects.get_project(db, pid)
    for model, rows in (
        (ProjectsModel(), projects.list_projects(db)),
        (LinkedIssuesModel(), list(detail.issues)),
        (PartnersModel(), list(detail.partners)),
        (MilestonesModel(TODAY), list(detail.milestones)),
        (StaffModel(), list(detail.staff)),
        (ActivitiesModel(), list(detail.activities)),
        (EvaluationsModel(), list(detail.evaluations)),
        (GrantsModel(), grants.list_grants(db)),
        (DocumentsModel(), list(grants.get_grant(db, g.id).documents)),
        (GrantTotalsModel(), grants.grant_totals(db)),
    ):
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)


def test_list_filters_by_kind_and_status(world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = projects_page(window)
    assert cells(page.table.model(), 0) == ["高齢者サロン"]
    assert cells(page.table.model(), 1) == ["⑭ コミュニティ"]
    page.kind_filter.set_value(ProjectKind.DISTRICT_COLLABORATION)
    wait_idle()
    assert page.table.model().rowCount() == 0 and page.context_label.text() == "全学区・0事業"
    page.kind_filter.set_value(None)
    wait_idle()
    page.status_filter.set_value(ProjectStatus.IDEA)
    wait_idle()
    assert cells(page.table.model(), 3) == ["構想"]


def test_a_project_from_registration_to_completion(
    qtbot: QtBot, db: Database, world, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = projects_page(window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    type_text(qtbot, dialog.title_edit, "通学路見守り隊")
    dialog.district.set_value(world["a"])
    wait_idle()
    dialog.purpose.setText("下校時の見守りを地域で分担する")
    wait_idle()
    dialog.start_on.setText("R8.4.1")
    wait_idle()
    dialog.end_on.setText("令和8年3月31日")  # before the start
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.form.error_text("end_on") == "終了日が開始日より前になっています。日付を確認してください。"
    dialog.end_on.setText("令和9年3月31日")
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ProjectDetailDialog))
    detail: ProjectDetailDialog = page.dialog
    pid = detail.project_id
    assert detail.heading.text() == "通学路見守り隊"
    assert "構想" in detail.summary.text() and "小学校区協働事業（⑬）" in detail.summary.text()

    # a partner organisation with its 役割分担
    detail.partners.add_button.click()
    wait_idle()
    partner = detail.child
    partner.organisation.set_value(world["org"])
    wait_idle()
    partner.role.setText("見守りボランティアの募集")
    wait_idle()
    qtbot.mouseClick(partner.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not partner.isVisible())
    assert cells(detail.partners.model, 0) == ["安食東区自治会"] and cells(detail.partners.model, 2) == [
        "見守りボランティアの募集"
    ]
    detail.partners.add_button.click()  # the same partner twice is refused under the field
    wait_idle()
    again = detail.child
    again.organisation.set_value(world["org"])
    wait_idle()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "すでにこの事業に登録されています" in again.form.error_text("organisation_id")
    close_discarding(qtbot, again)

    # a milestone past its due date shows 期限切れ
    detail.milestones.add_button.click()
    wait_idle()
    ms = detail.child
    type_text(qtbot, ms.title_edit, "ボランティア説明会")
    ms.due_on.setText("令和8年10月1日")
    wait_idle()
    ms.progress.setValue(30)
    wait_idle()
    qtbot.mouseClick(ms.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not ms.isVisible())
    assert cells(detail.milestones.model, 2) == ["30%（期限切れ）"]
    assert detail.milestones.model.index(0, 2).data(Qt.ItemDataRole.BackgroundRole) == QColor(
        STATUS_STYLES["overdue"].background
    )

    # a staff member
    detail.staff.add_button.click()
    wait_idle()
    staff = detail.child
    staff.person.set_value(world["staff"])
    wait_idle()
    qtbot.mouseClick(staff.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not staff.isVisible())
    assert cells(detail.staff.model, 0) == ["栄 職員"]

    # a grant: 申請 with an amount typed in 全角
    detail.grant_section.add_button.click()
    wait_idle()
    gd = detail.child
    gd.requested.setText("")
    wait_idle()
    type_text(qtbot, gd.requested, "１５０，０００円")
    qtbot.mouseClick(gd.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not gd.isVisible())
    g = grants.list_grants(db, project_id=pid)[0]
    assert (g.amount_requested, g.status, g.applied_on) == (150000, GrantStatus.APPLIED, TODAY)
    assert cells(detail.grant_section.model, 4) == ["¥150,000"]

    # 申請 → 審査 → 交付決定 (with the granted amount)
    for target, amount in ((GrantStatus.REVIEWING, None), (GrantStatus.AWARDED, "¥120,000")):
        detail.grant_section.table.select_row(0)
        step = detail.grant_step()
        assert step is not None
        step.target.set_value(target)
        wait_idle()
        if amount:
            assert step.amount is not None and step.form.row("amount_granted").isVisibleTo(step)
            step.amount.setText(amount)
            wait_idle()
        qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
        wait_idle()
        qtbot.waitUntil(lambda s=step: not s.isVisible())
    g = grants.get_grant(db, g.id)
    assert (g.status, g.amount_granted) == (GrantStatus.AWARDED, 120000)
    assert cells(detail.grant_section.model, 5) == ["¥120,000"]

    # status moves: 構想 → 申請中 → 交付決定 → 実施中
    for target in (ProjectStatus.APPLYING, ProjectStatus.GRANTED, ProjectStatus.RUNNING):
        step = detail.change_status()
        assert step is not None
        step.target.set_value(target)
        wait_idle()
        qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
        wait_idle()
        qtbot.waitUntil(lambda s=step: not s.isVisible())
    p = projects.get_project(db, pid).project
    assert p.status is ProjectStatus.RUNNING and p.launched_on == TODAY

    # spending over the granted amount is flagged (and still saved: it happened)
    detail.grant_section.table.select_row(0)
    detail.grant_section.edit_button.click()
    wait_idle()
    gd = detail.child
    gd.spent.setText("128000")
    wait_idle()
    gd.spent.editingFinished.emit()
    assert "¥8,000超えています" in gd.overspent.text.text()
    qtbot.mouseClick(gd.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not gd.isVisible())
    assert grants.get_grant(db, g.id).overspent
    assert cells(detail.grant_section.model, 6) == ["¥128,000（¥8,000超過）"]
    assert "交付決定額を超えた申請が1件" in detail.grant_totals.text()

    # a negative amount is refused under its field
    detail.grant_section.edit_button.click()
    wait_idle()
    gd = detail.child
    gd.spent.setText("-5")
    wait_idle()
    qtbot.mouseClick(gd.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert gd.form.error_text("amount_spent") != ""
    close_discarding(qtbot, gd)
    assert grants.get_grant(db, g.id).amount_spent == 128000

    # an activity record, then 完了 and a yearly verification
    detail.activities.add_button.click()
    wait_idle()
    act = detail.child
    act.title_edit.setText("ごみゼロ・草ゼロ運動")
    wait_idle()
    act.kind.set_value(ActivityKind.CLEAN_UP)
    wait_idle()
    act.participants.setValue(25)
    wait_idle()
    act.hours.setValue(40)
    wait_idle()
    qtbot.mouseClick(act.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not act.isVisible())
    assert cells(detail.activities.model, 1) == ["ごみゼロ・草ゼロ"] and cells(
        detail.activities.model, 3
    ) == ["25人"]
    assert "延べ参加者 25人" in detail.activity_totals.text()
    assert "うち ごみゼロ・草ゼロ 1回" in detail.activity_totals.text()
    step = detail.change_status()
    step.target.set_value(ProjectStatus.COMPLETED)
    wait_idle()
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not step.isVisible())
    detail.evaluations.add_button.click()
    wait_idle()
    ev = detail.child
    ev.rating.set_value(4)
    wait_idle()
    ev.achievements.setText("見守りの空白時間がなくなった")
    wait_idle()
    qtbot.mouseClick(ev.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not ev.isVisible())
    saved = projects.get_project(db, pid)
    assert saved.project.status is ProjectStatus.COMPLETED
    assert [(e.fiscal_year, e.rating, e.achievements) for e in saved.evaluations] == [
        (2026, 4, "見守りの空白時間がなくなった")
    ]
    detail.grab().save(str(tmp_path / "project_detail_test.png"))
    detail.reject()
    assert "完了" in cells(page.table.model(), 3)


def test_an_illegal_status_move_is_not_offered_and_cancel_is(qtbot: QtBot, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = projects_page(window)
    detail = open_detail(qtbot, page, world["salon"])
    step = detail.change_status()
    assert step is not None
    offered = [step.target.itemText(i) for i in range(step.target.count())]
    assert offered == ["申請中", "実施中", "中止"]  # never straight to 完了 from 構想
    step.reject()


def test_removing_a_partner_asks_with_its_name(qtbot: QtBot, db: Database, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project_parts.add_partner(
        db, world["salon"], project_parts.PartnerInput(organisation_id=world["org"], role_description="会場")
    )
    page = projects_page(window)
    detail = open_detail(qtbot, page, world["salon"])
    detail.partners.table.select_row(0)
    seen = answer_message_box(qtbot, "削除")
    detail.partners.remove_button.click()
    wait_idle()
    assert seen == ["「安食東区自治会」を削除しますか？"]
    assert projects.get_project(db, world["salon"]).partners == ()


def test_grant_totals_per_year_and_district(qtbot: QtBot, db: Database, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    p2 = projects.create_project(db, ProjectInput(title="防災訓練", district_id=world["a"])).id
    for pid, fy, amount in ((world["salon"], 2026, 50000), (p2, 2026, 80000), (p2, 2025, 30000)):
        grants.create_grant(db, grants.GrantInput(project_id=pid, fiscal_year=fy, amount_requested=amount))
    page = projects_page(window)
    qtbot.mouseClick(page.totals_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    m = dialog.model
    rows = [[m.index(r, c).data() for c in range(4)] for r in range(m.rowCount())]
    assert rows == [
        ["令和7年度", "安食小学校区", "1件", "¥30,000"],
        ["令和8年度", "安食小学校区", "1件", "¥80,000"],
        ["令和8年度", "布鎌小学校区", "1件", "¥50,000"],
        ["合計", "合計", "3件", "¥160,000"],
    ]
    dialog.year.set_value(2026)
    wait_idle()
    assert m.rowCount() == 3 and m.index(2, 3).data() == "¥130,000"


def test_largest_text_size_cuts_nothing(qtbot: QtBot, ctx, world, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = projects_page(window)
    ctx.set_text_size(TextSize.XLARGE)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: clipped_texts(page) == [], timeout=3000)
    page.grab().save(str(tmp_path / "projects_page_xlarge.png"))
    detail = open_detail(qtbot, page, world["salon"])
    qtbot.waitExposed(detail)
    qtbot.waitUntil(lambda: clipped_texts(detail) == [], timeout=3000)
    detail.grab().save(str(tmp_path / "project_detail_xlarge.png"))


def test_an_activity_with_its_kind_and_staff_and_a_verification_with_its_outcome(  # type: ignore[no-untyped-def]
    qtbot: QtBot, db: Database, world, window: MainWindow, tmp_path: Path
) -> None:
    pid = world["salon"]  # a project in 布鎌; its own staff member is listed first
    own = add_member(db, "布鎌 職員", "フカマ ショクイン", world["b"], role=MemberRole.STAFF).id
    suishin = add_member(db, "推進 花子", "スイシン ハナコ", world["b"]).id  # not staff: never offered
    project_staff.add_staff(db, pid, own)
    page = projects_page(window)
    detail = open_detail(qtbot, page, pid)
    detail.activities.add_button.click()
    wait_idle()
    act = detail.child
    listed = [act.staff.item(i).text() for i in range(act.staff.count())]
    assert listed == ["布鎌 職員（この事業の担当）", "栄 職員（安食小学校区）"]
    assert suishin not in {act.staff.item(i).data(Qt.ItemDataRole.UserRole) for i in range(act.staff.count())}
    act.title_edit.setText("見守り活動と交流会")
    wait_idle()
    act.participants.setValue(18)
    wait_idle()
    act.set_staff({own, world["staff"]})
    qtbot.mouseClick(act.save_button, Qt.MouseButton.LeftButton)  # no kind chosen yet
    wait_idle()
    assert act.isVisible() and act.form.error_text("kind") == "活動の種類を選んでください。"
    assert projects.get_project(db, pid).activities == ()
    act.kind.set_value(ActivityKind.WATCHING)
    wait_idle()
    act.grab().save(str(tmp_path / "act-activity-dialog.png"))
    qtbot.mouseClick(act.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not act.isVisible())
    saved = projects.get_project(db, pid).activities
    assert [(a.kind, a.staff_names) for a in saved] == [(ActivityKind.WATCHING, ("栄 職員", "布鎌 職員"))]
    assert cells(detail.activities.model, 1) == ["見守り"]
    assert cells(detail.activities.model, 5) == ["栄 職員、布鎌 職員"]

    # editing keeps the ticks; un-ticking one takes them off the record
    detail.activities.table.select_row(0)
    detail.activities.edit_button.click()
    wait_idle()
    edit = detail.child
    assert set(edit.staff_ids()) == {own, world["staff"]} and edit.kind.value() is ActivityKind.WATCHING
    edit.set_staff({own})
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not edit.isVisible())
    assert projects.get_project(db, pid).activities[0].staff_names == ("布鎌 職員",)

    # a verification: 未達成 with what it still contributed to the plan's indicators
    detail.evaluations.add_button.click()
    wait_idle()
    ev = detail.child
    assert ev.achieved.value() is None  # 未判定 until someone decides
    ev.achieved.set_value(False)
    wait_idle()
    ev.achievements.setText("見守りの担い手が2名増えた")
    wait_idle()
    ev.contribution.setText("⑭ コミュニティ事業として1件に計上。")
    wait_idle()
    ev.grab().save(str(tmp_path / "act-evaluation-dialog.png"))
    qtbot.mouseClick(ev.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not ev.isVisible())
    e = projects.get_project(db, pid).evaluations[0]
    assert (e.achieved, e.indicator_contribution) == (False, "⑭ コミュニティ事業として1件に計上。")
    assert cells(detail.evaluations.model, 2) == ["未達成"] and cells(detail.evaluations.model, 4) == [
        "⑭ コミュニティ事業として1件に計上。"
    ]
    detail.evaluations.table.select_row(0)
    detail.evaluations.edit_button.click()
    wait_idle()
    again = detail.child
    assert (
        again.achieved.value() is False and again.contribution.text() == "⑭ コミュニティ事業として1件に計上。"
    )
    again.achieved.set_value(True)
    wait_idle()
    qtbot.mouseClick(again.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not again.isVisible())
    assert projects.get_project(db, pid).evaluations[0].achieved is True
    assert cells(detail.evaluations.model, 2) == ["達成"]
    detail.tabs.setCurrentIndex(detail.tabs.count() - 2)
    wait_idle()
    detail.grab().save(str(tmp_path / "act-detail-activities.png"))
    detail.reject()
