"""Editors of a project's records: 活動記録 (kind, and the staff who took part) and 検証 (achieved or not,
contribution to the plan's indicators). They save on the database worker; the activity editor reads the
staff it offers there before it opens (``open_activity_editor``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.enums import ActivityKind
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import SaveRequest
from sakae_council.gui.dialogs.conflict import form_conflict_fields
from sakae_council.gui.dialogs.project_parts import PartDialog, count_box
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import project_parts, projects, staff_queries
from sakae_council.services.project_parts import ActivityDTO, ActivityInput, EvaluationDTO, EvaluationInput
from sakae_council.services.staff_queries import StaffMemberDTO


@dataclass(frozen=True)
class ActivityChoices:
    """The staff an activity may list, and which of them work on the project (read on the database worker)."""

    staff: list[StaffMemberDTO]
    district_id: int
    project_staff_ids: tuple[int, ...]


def load_activity_choices(db: Database, project_id: int) -> ActivityChoices:
    """The activity editor's choices (call it on the database worker)."""
    detail = projects.get_project(db, project_id)
    return ActivityChoices(
        staff_queries.list_staff(db),
        detail.project.district_id,
        tuple(s.person_id for s in detail.staff),
    )


def open_activity_editor(
    ctx: AppContext,
    project_id: int,
    activity: ActivityDTO | None,
    parent: QWidget,
    show: Callable[[ActivityDialog], object],
) -> None:
    """Read the staff on the database worker, then build the activity editor and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: load_activity_choices(db, project_id),
        lambda choices: ActivityDialog(ctx, project_id, activity, parent, choices=choices),
        show,
    )


class ActivityDialog(PartDialog):
    """活動記録: the day, its kind, what was done, how many took part, volunteer hours and the staff who joined."""

    def __init__(
        self,
        ctx: AppContext,
        project_id: int,
        activity: ActivityDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: ActivityChoices | None = None,
    ) -> None:
        super().__init__(self.tr("活動記録"), parent)
        self.ctx, self.project_id, self.activity = ctx, project_id, activity
        if choices is None:  # read here when the caller did not read them on the worker
            choices = load_activity_choices(ctx.db, project_id)
        self.held_on = WarekiDateEdit("held_on")
        self.kind = ChoiceCombo([(self.tr("（選んでください）"), None)] + enum_choices(ActivityKind))
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例: ごみゼロ・草ゼロ運動"))
        self.participants = count_box(100000, self.tr("人"))
        self.hours = count_box(100000, self.tr("時間"))
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
        self._fill_staff(choices)
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

    def _fill_staff(self, choices: ActivityChoices) -> None:
        """The project's own staff first, then the district's, then the rest of the town's; people already
        on the record stay listed (checked) even when they are no longer staff."""
        district_id = choices.district_id
        chosen = (
            dict(zip(self.activity.staff_ids, self.activity.staff_names, strict=True))
            if self.activity
            else {}
        )
        staff = list(choices.staff)
        assigned = set(choices.project_staff_ids)
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

    def save_request(self) -> SaveRequest:
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
        return self.request_part(
            self.activity,
            "activities",
            project_parts.add_activity,
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

    def save_request(self) -> SaveRequest:
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
        return self.request_part(
            self.evaluation,
            "evaluations",
            project_parts.add_evaluation,
            project_parts.update_evaluation,
            data,
            entity="project_evaluation",
            what=self.tr("事業の検証"),
        )
