"""The editors of existing records, each with a record to edit and a way for a second program instance
to save a change to one of its text fields first (for tests/gui/dialogs/test_conflicts.py)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from dto_inputs import as_input
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.roles import UserRole
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.conflict import ConflictDialog
from sakae_council.gui.dialogs.district import DistrictDialog
from sakae_council.gui.dialogs.equipment_editor import EquipmentDialog
from sakae_council.gui.dialogs.grant_editor import GrantDialog
from sakae_council.gui.dialogs.indicator_editor import IndicatorDialog
from sakae_council.gui.dialogs.issue_editor import IssueDialog
from sakae_council.gui.dialogs.lifesupport_consultation import ConsultationDialog
from sakae_council.gui.dialogs.lifesupport_course import CourseDialog
from sakae_council.gui.dialogs.lifesupport_startup import StartupDialog
from sakae_council.gui.dialogs.manual_activity import StaffActivityDialog
from sakae_council.gui.dialogs.manual_training import TrainingDialog
from sakae_council.gui.dialogs.organisation import OrganisationDialog
from sakae_council.gui.dialogs.project_editor import ProjectDialog
from sakae_council.gui.dialogs.project_parts import MilestoneDialog, PartnerDialog
from sakae_council.gui.dialogs.project_records import ActivityDialog, EvaluationDialog
from sakae_council.gui.dialogs.users import UserDialog
from sakae_council.services import (
    districts,
    equipment,
    grants,
    indicators,
    issues,
    lifesupport,
    organisations,
    project_parts,
    projects,
    staff_queries,
    staff_records,
    users,
)

from .helpers import TODAY, add_member


@dataclass(frozen=True)
class Case:
    """One editor: ``field`` is a text field of its form and of its service input."""

    id: str
    field: str
    label: str
    seed: Callable[[Database], Any]  # the record, as the first instance opens it
    open: Callable[[AppContext, Any], EntityDialog]
    update: Callable[[Database, Any, str], Any]  # another instance saves ``field`` = value
    load: Callable[[Database, Any], Any]  # the record as it is saved now
    audits_values: bool = (
        True  # the audit entry lists the changed values (a training's names only the training)
    )


def versioned(
    id: str,
    field: str,
    label: str,
    seed: Callable[[Database], Any],
    open: Callable[[AppContext, Any], EntityDialog],
    update: Callable[..., Any],
    get: Callable[[Database, int], Any],
    input_type: type,
) -> Case:
    """A record saved as ``update(db, id, input, version)`` and read back with ``get(db, id)``."""
    return Case(
        id,
        field,
        label,
        seed,
        open,
        lambda db, rec, value: update(
            db, rec.id, as_input(get(db, rec.id), input_type, **{field: value}), get(db, rec.id).version
        ),
        lambda db, rec: get(db, rec.id),
    )


def _district(db: Database) -> int:
    found = [d for d in districts.list_districts(db) if d.name == "安食小学校区"]
    if found:
        return found[0].id
    return districts.create_district(db, districts.DistrictInput(name="安食小学校区", notes="最初の備考")).id


def _project(db: Database) -> projects.ProjectDTO:
    return projects.create_project(
        db, projects.ProjectInput(title="ごみゼロ運動", district_id=_district(db), purpose="最初の目的")
    )


def _staff(db: Database) -> int:
    return add_member(db, "職員 一郎", "ショクイン イチロウ", _district(db), role=MemberRole.STAFF).id


def _part(kind: str, add: Callable[..., Any], data: Any) -> Callable[[Database], Any]:
    return lambda db: add(db, _project(db).id, data)


def _get_part(kind: str) -> Callable[[Database, int], Any]:
    def get(db: Database, part_id: int) -> Any:
        for p in projects.list_projects(db):
            for part in getattr(projects.get_project(db, p.id), kind):
                if part.id == part_id:
                    return part
        raise LookupError(part_id)

    return get


def _in_project(dialog: Callable[..., EntityDialog]) -> Callable[[AppContext, Any], EntityDialog]:
    return lambda ctx, rec: dialog(ctx, projects.list_projects(ctx.db)[0].id, rec)


def _issue(db: Database) -> issues.IssueDTO:
    category = issues.add_category(db, "防災")
    return issues.create_issue(
        db,
        issues.IssueInput(
            title="避難所の鍵", district_id=_district(db), category_id=category.id, raised_on=TODAY
        ),
    )


def _training(db: Database) -> staff_queries.TrainingSessionDTO:
    data = staff_queries.TrainingSessionInput(
        held_on=TODAY, title="協働の基本", person_ids=(_staff(db),), materials="資料A"
    )
    return staff_queries.save_training_session(db, data)


def _training_update(db: Database, session: Any, value: str) -> Any:
    current = staff_queries.get_training_session(db, session)
    data = staff_queries.TrainingSessionInput(
        held_on=current.held_on,
        title=current.title,
        person_ids=current.person_ids,
        organiser=current.organiser,
        hours=current.hours,
        materials=value,
    )
    return staff_queries.save_training_session(db, data, current)


def _staff_activity(db: Database) -> staff_queries.StaffActivityEntryDTO:
    staff_records.create_staff_activity(
        db, staff_records.StaffActivityInput(person_id=_staff(db), held_on=TODAY, title="清掃", notes="最初")
    )
    return staff_queries.staff_activity_entries(db)[0]


def _activity_update(db: Database, entry: Any, value: str) -> Any:
    current = staff_records.get_staff_activity(db, entry.record_id)
    return staff_records.update_staff_activity(
        db, current.id, as_input(current, staff_records.StaffActivityInput, notes=value), current.version
    )


def answer(
    button: str,
    seen: list[list[tuple[str, str, str]]],
    explanations: list[str] | None = None,
    screenshot: str = "",
    dialogs: list[ConflictDialog] | None = None,
) -> None:
    """When the conflict dialog comes up, note its rows (and explanation), grab it, click ``button``
    (``dialogs`` keeps the dialog itself, to look at its buttons and headings afterwards)."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, click)
            return
        seen.append([tuple(dialog.cell(r, c) for c in range(3)) for r in range(dialog.table.rowCount())])  # type: ignore[misc]
        if explanations is not None:
            explanations.append(dialog.explanation.text())
        if dialogs is not None:
            dialogs.append(dialog)
        if screenshot:
            dialog.grab().save(screenshot)
        getattr(dialog, button).click()

    QTimer.singleShot(0, click)


CASES = [
    versioned(
        "district",
        "notes",
        "備考",
        lambda db: districts.get_district(db, _district(db)),
        DistrictDialog,
        districts.update_district,
        districts.get_district,
        districts.DistrictInput,
    ),
    versioned(
        "organisation",
        "address",
        "住所",
        lambda db: organisations.create_organisation(
            db, organisations.OrganisationInput(name="自治会", address="安食1")
        ),
        OrganisationDialog,
        organisations.update_organisation,
        organisations.get_organisation,
        organisations.OrganisationInput,
    ),
    versioned(
        "issue",
        "description",
        "内容",
        _issue,
        IssueDialog,
        issues.update_issue,
        issues.get_issue,
        issues.IssueInput,
    ),
    versioned(
        "project",
        "purpose",
        "目的",
        _project,
        ProjectDialog,
        projects.update_project,
        lambda db, i: projects.get_project(db, i).project,
        projects.ProjectInput,
    ),
    versioned(
        "partner",
        "role_description",
        "役割分担",
        lambda db: project_parts.add_partner(
            db,
            _project(db).id,
            project_parts.PartnerInput(
                organisation_id=organisations.create_organisation(
                    db, organisations.OrganisationInput(name="商店会")
                ).id,
                role_description="会場",
            ),
        ),
        _in_project(PartnerDialog),
        project_parts.update_partner,
        _get_part("partners"),
        project_parts.PartnerInput,
    ),
    versioned(
        "milestone",
        "title",
        "工程名",
        _part("milestones", project_parts.add_milestone, project_parts.MilestoneInput(title="準備")),
        _in_project(MilestoneDialog),
        project_parts.update_milestone,
        _get_part("milestones"),
        project_parts.MilestoneInput,
    ),
    versioned(
        "activity",
        "description",
        "内容・メモ",
        _part(
            "activities",
            project_parts.add_activity,
            project_parts.ActivityInput(held_on=TODAY, title="清掃", description="最初"),
        ),
        _in_project(ActivityDialog),
        project_parts.update_activity,
        _get_part("activities"),
        project_parts.ActivityInput,
    ),
    versioned(
        "evaluation",
        "achievements",
        "成果（達成できたこと）",
        _part(
            "evaluations",
            project_parts.add_evaluation,
            project_parts.EvaluationInput(fiscal_year=2026, achievements="最初"),
        ),
        _in_project(EvaluationDialog),
        project_parts.update_evaluation,
        _get_part("evaluations"),
        project_parts.EvaluationInput,
    ),
    versioned(
        "grant",
        "scheme",
        "補助制度",
        lambda db: grants.create_grant(
            db, grants.GrantInput(project_id=_project(db).id, fiscal_year=2026, scheme="町の補助金")
        ),
        lambda ctx, rec: GrantDialog(ctx, rec.project_id, rec),
        grants.update_grant,
        grants.get_grant,
        grants.GrantInput,
    ),
    versioned(
        "equipment",
        "storage_place",
        "保管場所",
        lambda db: equipment.create_equipment(
            db, equipment.EquipmentInput(name="テント", storage_place="倉庫A")
        ),
        EquipmentDialog,
        equipment.update_equipment,
        equipment.get_equipment,
        equipment.EquipmentInput,
    ),
    versioned(
        "indicator",
        "unit",
        "単位",
        lambda db: indicators.create_indicator(
            db, indicators.IndicatorInput(code="volunteers", name="ボランティア数", unit="人")
        ),
        IndicatorDialog,
        indicators.update_indicator,
        indicators.get_indicator,
        indicators.IndicatorInput,
    ),
    versioned(
        "user",
        "display_name",
        "表示名",
        lambda db: users.create_user(
            db, users.UserInput(login="sato", display_name="佐藤", role=UserRole.ADMIN)
        ),
        UserDialog,
        users.update_user,
        users.get_user,
        users.UserInput,
    ),
    versioned(
        "consultation",
        "topic",
        "相談内容",
        lambda db: lifesupport.create_consultation(
            db, lifesupport.ConsultationInput(held_on=TODAY, person_name="相談 太郎", topic="最初")
        ),
        ConsultationDialog,
        lifesupport.update_consultation,
        lifesupport.get_consultation,
        lifesupport.ConsultationInput,
    ),
    versioned(
        "course",
        "place",
        "会場",
        lambda db: lifesupport.create_course(
            db, lifesupport.CourseInput(title="起業講座", held_on=TODAY, place="公民館")
        ),
        CourseDialog,
        lifesupport.update_course,
        lifesupport.get_course,
        lifesupport.CourseInput,
    ),
    versioned(
        "startup",
        "business_name",
        "事業名",
        lambda db: lifesupport.create_startup(
            db, lifesupport.StartupInput(founder_name="起業 花子", started_on=TODAY, business_name="カフェ")
        ),
        StartupDialog,
        lifesupport.update_startup,
        lifesupport.get_startup,
        lifesupport.StartupInput,
    ),
    Case(
        "training",
        "materials",
        "資料・備考",
        _training,
        TrainingDialog,
        _training_update,
        lambda db, s: staff_queries.get_training_session(db, s),
        audits_values=False,
    ),
    Case(
        "staff_activity",
        "notes",
        "備考",
        _staff_activity,
        StaffActivityDialog,
        _activity_update,
        lambda db, e: staff_records.get_staff_activity(db, e.record_id),
    ),
]
