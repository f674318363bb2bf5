"""Editors of the records inside a project: 協働パートナー (役割分担), 工程, 担当職員 (活動記録 and 検証 are in
``project_records.py``). They save on the database worker; those that offer choices (partners, staff) read
them there before they open (``open_partner_editor``, ``open_staff_editor``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QRadioButton, QSpinBox, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import NotFoundError, ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import ConflictField, editor_shower, form_conflict_fields
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import organisations, people, project_parts, project_staff, projects
from sakae_council.services.people import RosterFilter
from sakae_council.services.project_parts import MilestoneDTO, MilestoneInput, PartnerDTO, PartnerInput


class PartDialog(EntityDialog):
    """An editor of one record inside a project (its current copy is read from the project)."""

    ctx: AppContext
    project_id: int

    def request_part(
        self,
        record: Any,
        part: str,
        add: Any,
        update: Any,
        data: Any,
        *,
        entity: str,
        what: str,
        **kw: Any,
    ) -> SaveRequest:
        """A new record (``record`` None): ``add(db, project_id, data)`` on the worker. Else
        ``update(db, id, data, version)`` there, through the conflict dialog; ``part`` names the project's
        list the current copy is read from."""
        project_id, db = self.project_id, self.ctx.db
        if record is None:
            return SaveRequest(lambda _version: add(db, project_id, data))
        record_id = record.id
        gone = self.tr("この記録はほかの人が削除しました。")

        def load() -> Any:
            for current in getattr(projects.get_project(db, project_id), part):
                if current.id == record_id:
                    return current
            raise NotFoundError(gone)

        return self.request_update(
            record,
            lambda version: update(db, record_id, data, version),
            db=db,
            entity=entity,
            what=what,
            load=load,
            mine=data,
            **kw,
        )


def count_box(maximum: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(suffix)
    return box


@dataclass(frozen=True)
class PartnerChoices:
    """The organisations and people a partner may be, as (name, id): read on the database worker."""

    organisations: list[tuple[str, int]]
    people: list[tuple[str, int]]


def load_partner_choices(db: Database) -> PartnerChoices:
    """The partner editor's choices (call it on the database worker)."""
    return PartnerChoices(
        [(o.name, o.id) for o in organisations.list_organisations(db)],
        [(p.name, p.id) for p in people.list_people(db)],
    )


def open_partner_editor(
    ctx: AppContext,
    project_id: int,
    partner: PartnerDTO | None,
    parent: QWidget,
    show: Callable[[PartnerDialog], object],
) -> None:
    """Read the choices on the database worker, then build the partner editor and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: load_partner_choices(db),
        lambda choices: PartnerDialog(ctx, project_id, partner, parent, choices=choices),
        show,
    )


class PartnerDialog(PartDialog):
    """A partner — a person on the roster or an organisation — and its 役割分担."""

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        partner: PartnerDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: PartnerChoices | None = None,
    ) -> None:
        super().__init__(self.tr("協働パートナー"), parent)
        self.ctx, self.project_id, self.partner = ctx, project_id, partner
        if choices is None:  # read here when the caller did not read them on the worker
            choices = load_partner_choices(ctx.db)
        self.is_org = QRadioButton(self.tr("団体"))
        self.is_person = QRadioButton(self.tr("個人（名簿の人）"))
        self.organisation = ChoiceCombo([(self.tr("（選んでください）"), None), *choices.organisations])
        self.person = ChoiceCombo([(self.tr("（選んでください）"), None), *choices.people])
        self.role = NoteEdit(4)
        f = self.form
        f.add_widget(self.is_org)
        f.add_widget(self.is_person)
        f.add_field("organisation_id", self.tr("団体"), self.organisation)
        f.add_field("partner", self.tr("個人"), self.person)
        f.add_field(
            "role_description",
            self.tr("役割分担"),
            self.role,
            hint=self.tr("例: 会場の提供、参加者の募集、当日の運営"),
        )
        self.is_org.toggled.connect(self._kind_changed)
        if partner is not None:
            self.fill(partner)
        else:
            self.is_org.setChecked(True)
        self._kind_changed()
        self.fit_to_screen(34)

    def fill(self, partner: PartnerDTO) -> None:
        self.partner = partner
        self.role.setText(partner.role_description)
        if partner.person_id is not None:
            self.person.set_value(partner.person_id)
            self.is_person.setChecked(True)
        else:
            self.organisation.set_value(partner.organisation_id)
            self.is_org.setChecked(True)

    def _kind_changed(self) -> None:
        self.form.row("organisation_id").setVisible(self.is_org.isChecked())
        self.form.row("partner").setVisible(not self.is_org.isChecked())

    def show_field_error(self, error: ValidationError) -> None:
        if error.field == "partner" and self.is_org.isChecked():
            error = ValidationError("organisation_id", error.message)
        super().show_field_error(error)

    def save_request(self) -> SaveRequest:
        if self.is_org.isChecked():
            data = PartnerInput(organisation_id=self.organisation.value(), role_description=self.role.text())
        else:
            data = PartnerInput(person_id=self.person.value(), role_description=self.role.text())
        fields = form_conflict_fields(self.form, ["organisation_id"])
        fields.append(
            ConflictField("person_id", self.form.row("partner").label_text, editor_shower(self.person))
        )
        fields += form_conflict_fields(self.form, ["role_description"])
        return self.request_part(
            self.partner,
            "partners",
            project_parts.add_partner,
            project_parts.update_partner,
            data,
            entity="project_partner",
            what=self.tr("協働パートナー"),
            fields=fields,
        )


class MilestoneDialog(PartDialog):
    """A step (工程) with a due date, progress in %, and the day it was done."""

    record_attr = "milestone"

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        milestone: MilestoneDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("工程"), parent)
        self.ctx, self.project_id, self.milestone = ctx, project_id, milestone
        self.title_edit = QLineEdit()
        self.due_on = WarekiDateEdit("due_on")
        self.progress = count_box(100, "%")
        self.progress.setSingleStep(10)
        self.done_on = WarekiDateEdit("done_on")
        f = self.form
        f.add_field("title", self.tr("工程名"), self.title_edit, required=True)
        f.add_field("due_on", self.tr("期日"), self.due_on)
        f.add_field(
            "progress",
            self.tr("進捗"),
            self.progress,
            hint=self.tr("0〜100%。終わったら100%にして完了日を入れます。"),
        )
        f.add_field("done_on", self.tr("完了日"), self.done_on)
        if milestone is not None:
            self.fill(milestone)
        self.fit_to_screen(30)

    def save_request(self) -> SaveRequest:
        data = MilestoneInput(
            title=self.title_edit.text(),
            due_on=self.due_on.value(),
            progress=self.progress.value(),
            done_on=self.done_on.value(),
        )
        return self.request_part(
            self.milestone,
            "milestones",
            project_parts.add_milestone,
            project_parts.update_milestone,
            data,
            entity="milestone",
            what=self.tr("工程"),
        )


def load_staff_choices(db: Database, today: date) -> list[tuple[str, int]]:
    """The 地区担当職員 on the roster today, as (name, id) (call it on the database worker)."""
    return [(p.name, p.id) for p in people.list_members(db, RosterFilter(role=MemberRole.STAFF, today=today))]


def open_staff_editor(
    ctx: AppContext, project_id: int, parent: QWidget, show: Callable[[StaffDialog], object]
) -> None:
    """Read the staff on the database worker, then build the editor and ``show`` it."""
    db, today = ctx.db, ctx.today()
    open_after_loading(
        parent,
        lambda: load_staff_choices(db, today),
        lambda staff: StaffDialog(ctx, project_id, parent, staff=staff),
        show,
    )


class StaffDialog(EntityDialog):
    """Add a 地区担当職員 (someone on the roster with the staff role) to the project."""

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        parent: QWidget | None = None,
        *,
        staff: list[tuple[str, int]] | None = None,
    ) -> None:
        super().__init__(self.tr("担当職員を追加"), parent)
        self.ctx, self.project_id = ctx, project_id
        if staff is None:  # read here when the caller did not read them on the worker
            staff = load_staff_choices(ctx.db, ctx.today())
        self.person = ChoiceCombo([(self.tr("（選んでください）"), None), *staff])
        self.role = QLineEdit()
        self.form.add_field(
            "person_id",
            self.tr("地区担当職員"),
            self.person,
            required=True,
            hint=self.tr("名簿で役割が「地区担当職員」の人から選びます。"),
        )
        self.form.add_field("role_description", self.tr("担当内容"), self.role)
        self.fit_to_screen(30)

    def save_request(self) -> SaveRequest:
        person_id = self.person.value()
        if person_id is None:
            raise ValidationError("person_id", self.tr("担当する職員を選んでください。"))
        db, project_id, role = self.ctx.db, self.project_id, self.role.text()
        return SaveRequest(lambda _version: project_staff.add_staff(db, project_id, person_id, role))
