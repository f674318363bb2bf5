"""Editors of the records inside a project: 協働パートナー (役割分担), 工程, 担当職員, 活動記録 (kind and the
staff who took part), 検証 (achieved or not, contribution to the plan's indicators)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QRadioButton, QSpinBox, QWidget

from sakae_council.domain.enums import ActivityKind, MemberRole
from sakae_council.domain.errors import NotFoundError, ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.conflict import ConflictField, editor_shower, form_conflict_fields
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import (
    organisations,
    people,
    project_parts,
    project_staff,
    projects,
    staff_queries,
)
from sakae_council.services.people import RosterFilter
from sakae_council.services.project_parts import (
    ActivityDTO,
    ActivityInput,
    EvaluationDTO,
    EvaluationInput,
    MilestoneDTO,
    MilestoneInput,
    PartnerDTO,
    PartnerInput,
)
from sakae_council.services.project_staff import StaffDTO


class PartDialog(EntityDialog):
    """An editor of one record inside a project (its current copy is read from the project)."""

    ctx: AppContext
    project_id: int

    def save_part(
        self, record: Any, part: str, update: Any, data: Any, *, entity: str, what: str, **kw: Any
    ) -> Any:
        """``update(db, id, data, version)`` through the conflict dialog; ``part`` names the project's list."""
        record_id = record.id

        def load() -> Any:
            for current in getattr(projects.get_project(self.ctx.db, self.project_id), part):
                if current.id == record_id:
                    return current
            raise NotFoundError(self.tr("この記録はほかの人が削除しました。"))

        return self.update_record(
            record,
            lambda version: update(self.ctx.db, record_id, data, version),
            db=self.ctx.db,
            entity=entity,
            what=what,
            load=load,
            mine=data,
            **kw,
        )


def _count_box(maximum: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, maximum)
    box.setSuffix(suffix)
    return box


class PartnerDialog(PartDialog):
    """A partner — a person on the roster or an organisation — and its 役割分担."""

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        partner: PartnerDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("協働パートナー"), parent)
        self.ctx, self.project_id, self.partner = ctx, project_id, partner
        self.is_org = QRadioButton(self.tr("団体"))
        self.is_person = QRadioButton(self.tr("個人（名簿の人）"))
        self.organisation = ChoiceCombo(
            [(self.tr("（選んでください）"), None)]
            + [(o.name, o.id) for o in organisations.list_organisations(ctx.db)]
        )
        self.person = ChoiceCombo(
            [(self.tr("（選んでください）"), None)] + [(p.name, p.id) for p in people.list_people(ctx.db)]
        )
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

    def save(self) -> PartnerDTO:
        if self.is_org.isChecked():
            data = PartnerInput(organisation_id=self.organisation.value(), role_description=self.role.text())
        else:
            data = PartnerInput(person_id=self.person.value(), role_description=self.role.text())
        if self.partner is None:
            return project_parts.add_partner(self.ctx.db, self.project_id, data)
        fields = form_conflict_fields(self.form, ["organisation_id"])
        fields.append(
            ConflictField("person_id", self.form.row("partner").label_text, editor_shower(self.person))
        )
        fields += form_conflict_fields(self.form, ["role_description"])
        return self.save_part(
            self.partner,
            "partners",
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
        self.progress = _count_box(100, "%")
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

    def save(self) -> MilestoneDTO:
        data = MilestoneInput(
            title=self.title_edit.text(),
            due_on=self.due_on.value(),
            progress=self.progress.value(),
            done_on=self.done_on.value(),
        )
        if self.milestone is None:
            return project_parts.add_milestone(self.ctx.db, self.project_id, data)
        return self.save_part(
            self.milestone,
            "milestones",
            project_parts.update_milestone,
            data,
            entity="milestone",
            what=self.tr("工程"),
        )


class StaffDialog(EntityDialog):
    """Add a 地区担当職員 (someone on the roster with the staff role) to the project."""

    def __init__(self, ctx: AppContext, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("担当職員を追加"), parent)
        self.ctx, self.project_id = ctx, project_id
        staff = people.list_members(ctx.db, RosterFilter(role=MemberRole.STAFF, today=ctx.today()))
        self.person = ChoiceCombo([(self.tr("（選んでください）"), None)] + [(p.name, p.id) for p in staff])
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

    def save(self) -> StaffDTO:
        person_id = self.person.value()
        if person_id is None:
            raise ValidationError("person_id", self.tr("担当する職員を選んでください。"))
        return project_staff.add_staff(self.ctx.db, self.project_id, person_id, self.role.text())


class ActivityDialog(PartDialog):
    """活動記録: the day, its kind, what was done, how many took part, volunteer hours and the staff who joined."""

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        activity: ActivityDTO | None = None,
        parent: QWidget | None = None,
        *,
        district_id: int | None = None,
        project_staff_ids: tuple[int, ...] | None = None,
    ) -> None:
        super().__init__(self.tr("活動記録"), parent)
        self.ctx, self.project_id, self.activity = ctx, project_id, activity
        self.held_on = WarekiDateEdit("held_on")
        self.kind = ChoiceCombo([(self.tr("（選んでください）"), None)] + enum_choices(ActivityKind))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例: ごみゼロ・草ゼロ運動"))
        self.participants = _count_box(100000, self.tr("人"))
        self.hours = _count_box(100000, self.tr("時間"))
        self.staff = QListWidget()
        self.staff.setAccessibleName(self.tr("参加した地区担当職員"))
        self.description = NoteEdit(4)
        f = self.form
        f.add_field("held_on", self.tr("実施日"), self.held_on, required=True)
        f.add_field("kind", self.tr("活動の種類"), self.kind, required=True)
        f.add_field("title", self.tr("活動名"), self.title_edit, required=True)
        f.add_field("participants", self.tr("参加者数"), self.participants)
        f.add_field("volunteer_hours", self.tr("ボランティア時間（延べ）"), self.hours)
        f.add_field(
            "staff_ids",
            self.tr("参加した地区担当職員"),
            self.staff,
            hint=self.tr("参加した職員に印を付けます。職員地域活動の記録になります。"),
        )
        f.add_field("description", self.tr("内容・メモ"), self.description)
        self._fill_staff(district_id, project_staff_ids)
        if activity is not None:
            self.fill(activity)
        else:
            self.held_on.set_value(ctx.today())
        self.fit_to_screen(34)

    def fill(self, activity: ActivityDTO) -> None:
        self.activity = activity
        super().fill(activity)
        listed = {self.staff.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.staff.count())}
        for person_id, name in zip(activity.staff_ids, activity.staff_names, strict=True):
            if person_id not in listed:
                self._add_person(person_id, name, True)
        self.set_staff(set(activity.staff_ids))

    def _show_staff(self, ids: Any) -> str:
        names = {
            self.staff.item(i).data(Qt.ItemDataRole.UserRole): self.staff.item(i).text()
            for i in range(self.staff.count())
        }
        return "\n".join(names.get(i, str(i)) for i in ids) if ids else self.tr("（なし）")

    def _fill_staff(self, district_id: int | None, project_staff_ids: tuple[int, ...] | None) -> None:
        """The project's own staff first, then the district's, then the rest of the town's; people already
        on the record stay listed (checked) even when they are no longer staff."""
        if district_id is None or project_staff_ids is None:
            detail = projects.get_project(self.ctx.db, self.project_id)
            district_id = detail.project.district_id
            project_staff_ids = tuple(s.person_id for s in detail.staff)
        chosen = (
            dict(zip(self.activity.staff_ids, self.activity.staff_names, strict=True))
            if self.activity
            else {}
        )
        staff = staff_queries.list_staff(self.ctx.db)
        assigned = set(project_staff_ids)
        staff.sort(key=lambda m: (m.id not in assigned, district_id not in m.district_ids))
        for m in staff:
            note = self.tr("この事業の担当") if m.id in assigned else "、".join(m.district_names)
            self._add_person(m.id, f"{m.name}（{note}）", m.id in chosen)
        listed = {m.id for m in staff}
        for person_id, name in chosen.items():
            if person_id not in listed:
                self._add_person(person_id, name, True)
        # Room between the rows: elderly hands tick the box of the name they mean, not the one beside it.
        self.staff.setSpacing(3)
        rows = min(max(self.staff.count(), 2), 6)
        row = max(self.staff.sizeHintForRow(0), self.staff.fontMetrics().height()) + 6
        self.staff.setFixedHeight(row * rows + 2 * self.staff.frameWidth() + 4)

    def _add_person(self, person_id: int, text: str, checked: bool) -> None:
        item = QListWidgetItem(text)
        item.setData(Qt.ItemDataRole.UserRole, person_id)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.staff.addItem(item)

    def set_staff(self, person_ids: set[int]) -> None:
        for i in range(self.staff.count()):
            item = self.staff.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in person_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def staff_ids(self) -> tuple[int, ...]:
        return tuple(
            int(self.staff.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.staff.count())
            if self.staff.item(i).checkState() == Qt.CheckState.Checked
        )

    def save(self) -> ActivityDTO:
        kind = self.kind.value()
        if kind is None:
            raise ValidationError("kind", self.tr("活動の種類を選んでください。"))
        data = ActivityInput(
            held_on=self.held_on.value(),
            title=self.title_edit.text(),
            participants=self.participants.value(),
            volunteer_hours=self.hours.value(),
            description=self.description.text(),
            kind=kind,
            staff_ids=self.staff_ids(),
        )
        if self.activity is None:
            return project_parts.add_activity(self.ctx.db, self.project_id, data)
        return self.save_part(
            self.activity,
            "activities",
            project_parts.update_activity,
            data,
            entity="activity_record",
            what=self.tr("活動記録"),
            fields=form_conflict_fields(self.form, shows={"staff_ids": self._show_staff}),
        )


class EvaluationDialog(PartDialog):
    """活性化事業の検証 of one fiscal year: results, problems found, next steps, a 1–5 rating."""

    record_attr = "evaluation"

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        evaluation: EvaluationDTO | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("事業の検証"), parent)
        self.ctx, self.project_id, self.evaluation = ctx, project_id, evaluation
        self.year = FiscalYearChoice(ctx.today(), current=evaluation.fiscal_year if evaluation else None)
        self.rating = ChoiceCombo(
            [(self.tr("未評価"), None)] + [(f"{'★' * n}（{n}）", n) for n in range(5, 0, -1)]
        )
        self.achieved = ChoiceCombo(
            [(self.tr("未判定"), None), (self.tr("達成"), True), (self.tr("未達成"), False)]
        )
        self.achievements = NoteEdit(3)
        self.contribution = NoteEdit(3)
        self.issues_found = NoteEdit(3)
        self.next_steps = NoteEdit(3)
        self.evaluated_on = WarekiDateEdit("evaluated_on")
        f = self.form
        f.add_field("fiscal_year", self.tr("年度"), self.year, required=True)
        f.add_field("rating", self.tr("評価（5が最高）"), self.rating)
        f.add_field(
            "achieved",
            self.tr("目標の達成"),
            self.achieved,
            hint=self.tr(
                "その年度に目指したことを達成できたか。まだ判断できなければ「未判定」のままにします。"
            ),
        )
        f.add_field("achievements", self.tr("成果（達成できたこと）"), self.achievements)
        f.add_field(
            "indicator_contribution",
            self.tr("計画の指標への貢献"),
            self.contribution,
            hint=self.tr(
                "例: ⑬ 小学校区協働事業として1件に計上。ごみゼロ・草ゼロの延べ参加者が120人増えた。"
            ),
        )
        f.add_field("issues_found", self.tr("見えてきた課題"), self.issues_found)
        f.add_field("next_steps", self.tr("今後の方向性"), self.next_steps)
        f.add_field("evaluated_on", self.tr("検証日"), self.evaluated_on)
        if evaluation is not None:
            self.fill(evaluation)
        else:
            self.evaluated_on.set_value(ctx.today())
        self.fit_to_screen(36)

    def save(self) -> EvaluationDTO:
        data = EvaluationInput(
            fiscal_year=self.year.value(),
            achievements=self.achievements.text(),
            issues_found=self.issues_found.text(),
            next_steps=self.next_steps.text(),
            rating=self.rating.value(),
            evaluated_on=self.evaluated_on.value(),
            achieved=self.achieved.value(),
            indicator_contribution=self.contribution.text(),
        )
        if self.evaluation is None:
            return project_parts.add_evaluation(self.ctx.db, self.project_id, data)
        return self.save_part(
            self.evaluation,
            "evaluations",
            project_parts.update_evaluation,
            data,
            entity="project_evaluation",
            what=self.tr("事業の検証"),
        )
