"""Issue 9: a status step (課題のステータス変更, 補助金を次の段階へ, 資機材の返却) taken on a record that
another program instance saved meanwhile meets the two-version dialog, never a silent overwrite."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from dto_inputs import as_input
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictDialog
from sakae_council.gui.dialogs.equipment_loan import return_dialog
from sakae_council.gui.dialogs.grant_editor import grant_step_dialog
from sakae_council.gui.dialogs.issue_status import issue_status_dialog
from sakae_council.gui.dialogs.project_detail import ProjectDetailDialog
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.services import equipment, equipment_loans, grants, issues, organisations, projects

from ..conflict_cases import _issue, _project, answer
from ..helpers import TODAY


def _loan(db: Database) -> equipment_loans.LoanDTO:
    item = equipment.create_equipment(db, equipment.EquipmentInput(name="テント", quantity=3))
    org = organisations.create_organisation(db, organisations.OrganisationInput(name="自治会"))
    data = equipment_loans.LoanInput(
        item.id, 1, TODAY - timedelta(days=3), TODAY + timedelta(days=3), borrower_organisation_id=org.id
    )
    return equipment_loans.lend(db, data, today=TODAY)


@dataclass(frozen=True)
class StepCase:
    id: str
    seed: Callable[[Database], Any]
    open: Callable[[AppContext, Any], StepDialog]
    change: Callable[[Database, Any], Any]  # the other instance's save
    load: Callable[[Database, Any], Any]
    mark: str  # the compared row the other instance's save changed


CASES = [
    StepCase(
        "issue_status",
        _issue,
        issue_status_dialog,
        lambda db, i: issues.update_issue(
            db, i.id, as_input(i, issues.IssueInput, title="ほかの人が直した課題名"), i.version
        ),
        lambda db, i: issues.get_issue(db, i.id),
        "★ 課題名",
    ),
    StepCase(
        "grant_step",
        lambda db: grants.create_grant(
            db, grants.GrantInput(project_id=_project(db).id, fiscal_year=2026, scheme="町の補助金")
        ),
        grant_step_dialog,
        lambda db, g: grants.update_grant(
            db, g.id, as_input(g, grants.GrantInput, scheme="ほかの人が直した制度名"), g.version
        ),
        lambda db, g: grants.get_grant(db, g.id),
        "★ 補助制度",
    ),
    StepCase(
        "loan_return",
        _loan,
        return_dialog,
        lambda db, x: equipment_loans.return_loan(db, x.id, TODAY, x.version, condition="良好"),
        lambda db, x: equipment_loans.get_loan(db, x.id, TODAY),
        "★ 状況",
    ),
]


def stale_step(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: StepCase
) -> tuple[StepDialog, Any]:
    record = case.seed(db)
    dialog = case.open(ctx, record)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    if case.id == "loan_return":
        dialog.form.row("return_condition").editor.setText("良好")  # type: ignore[attr-defined]
    case.change(other, record)
    return dialog, record


def step_audits(db: Database) -> list[str]:
    with db.reading() as s:
        return list(s.scalars(select(AuditEntry.user).where(AuditEntry.action == "status")))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reload_shows_the_saved_record_and_keeps_my_choice(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: StepCase
) -> None:
    dialog, record = stale_step(qtbot, ctx, db, other, case)
    chosen = dialog.target.value()
    seen: list[list[tuple[str, str, str]]] = []
    answer("reload_button", seen)
    dialog.save_button.click()
    wait_idle()

    assert len(seen) == 1
    assert case.mark in [row[0] for row in seen[0]]
    assert dialog.isVisible()
    current = case.load(db, record)
    assert dialog.record == current  # the step now applies to what is saved
    assert dialog.conflict_note.isVisible()
    assert case.load(other, record).version == current.version  # nothing saved
    if case.id != "loan_return":  # (a returned loan allows no further step)
        assert dialog.target.value() is chosen
        assert "ほかの人が直した" in dialog.subject.text()
        with qtbot.waitSignal(dialog.saved, timeout=3000):
            dialog.save_button.click()
            wait_idle()
        assert len(seen) == 1
        assert case.load(other, record).status is chosen


@pytest.mark.parametrize("case", CASES[:2], ids=[c.id for c in CASES[:2]])
def test_overwrite_takes_the_step_on_the_saved_record(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: StepCase
) -> None:
    dialog, record = stale_step(qtbot, ctx, db, other, case)
    chosen = dialog.target.value()
    seen: list[list[tuple[str, str, str]]] = []
    answer("overwrite_button", seen)
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        dialog.save_button.click()
        wait_idle()
    assert len(seen) == 1
    after = case.load(other, record)
    assert after.status is chosen
    assert "ほかの人が直した" in (
        getattr(after, "title", "") + getattr(after, "scheme", "")
    )  # their edit stays
    assert step_audits(db)[-1] == "テスト担当"


def test_overwrite_of_a_loan_returned_meanwhile_is_refused_with_a_message(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database
) -> None:
    dialog, record = stale_step(qtbot, ctx, db, other, CASES[2])
    returned = CASES[2].load(other, record)
    seen: list[list[tuple[str, str, str]]] = []
    answer("overwrite_button", seen)
    dialog.save_button.click()
    wait_idle()
    assert len(seen) == 1
    assert dialog.isVisible()
    assert dialog.form.has_errors() or dialog.general_error.message()
    assert CASES[2].load(other, record) == returned


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cancel_changes_nothing(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: StepCase
) -> None:
    dialog, record = stale_step(qtbot, ctx, db, other, case)
    theirs = case.load(other, record)
    audits = step_audits(db)
    seen: list[list[tuple[str, str, str]]] = []
    answer("cancel_button", seen)
    dialog.save_button.click()
    wait_idle()
    assert len(seen) == 1
    assert dialog.isVisible() and dialog.record == record
    assert case.load(other, record) == theirs
    assert step_audits(db) == audits


@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_the_project_status_step_from_the_project_detail_dialog(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, button: str
) -> None:
    project = _project(db)
    detail = ProjectDetailDialog(ctx, project.id)
    qtbot.addWidget(detail)
    detail.show()
    qtbot.waitExposed(detail)
    detail.status_button.click()
    dialog = detail.child
    assert isinstance(dialog, StepDialog)
    qtbot.waitExposed(dialog)
    chosen = dialog.target.value()
    assert chosen is not None
    projects.update_project(
        other,
        project.id,
        as_input(project, projects.ProjectInput, purpose="ほかの人が直した目的"),
        project.version,
    )
    audits = step_audits(db)
    seen: list[list[tuple[str, str, str]]] = []
    dialogs: list[ConflictDialog] = []
    answer(button, seen, dialogs=dialogs)
    dialog.save_button.click()
    wait_idle()

    assert [r for r in seen[0] if r[0].startswith("★")] == [("★ 目的", "最初の目的", "ほかの人が直した目的")]
    assert dialogs[0].table.horizontalHeaderItem(1).text() == "あなたが見ていた内容"
    now = projects.get_project(other, project.id).project
    if button == "overwrite_button":  # the step is taken on the project as saved now; their edit stays
        assert now.status is chosen and now.purpose == "ほかの人が直した目的"
        assert step_audits(db) == [*audits, "テスト担当"] and not dialog.isVisible()
        assert enum_label(chosen) in detail.summary.text()  # the detail dialog shows the new status
        return
    assert now.status is project.status and step_audits(db) == audits
    assert dialog.isVisible() and dialog.target.value() is chosen
    if button == "reload_button":
        assert dialog.record == now and dialog.conflict_note.isVisible()
        with qtbot.waitSignal(dialog.saved, timeout=3000):
            dialog.save_button.click()
            wait_idle()
        assert projects.get_project(other, project.id).project.status is chosen and len(seen) == 1
    else:
        assert dialog.record == project
