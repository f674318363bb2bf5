"""資機材の貸出・予約 and 返却 (with the condition it came back in): a loan is checked against the stock on
every day it covers."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from sakae_council.domain.enums import LoanStatus
from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.conflict import ConflictField
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import equipment, equipment_loans, organisations, people, projects
from sakae_council.services.equipment_loans import LoanDTO, LoanInput
from sakae_council.services.projects import ProjectFilter


def tr(text: str) -> str:
    return QCoreApplication.translate("LoanDialog", text)


class LoanDialog(EntityDialog):
    """Lend now (貸出中) or book (予約); a clash with other loans is refused under 数量 with the days named."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, equipment_id: int | None = None
    ) -> None:
        super().__init__(self.tr("資機材の貸出・予約"), parent)
        self.ctx = ctx
        items = equipment.list_equipment(ctx.db, available_only=True)
        self.item = ChoiceCombo(
            [(self.tr("（選んでください）"), None)]
            + [(f"{e.code} {e.name}（{e.quantity}個）".strip(), e.id) for e in items]
        )
        self.quantity = QSpinBox()
        self.quantity.setRange(1, 100000)
        self.lent_on = WarekiDateEdit("lent_on")
        self.due_on = WarekiDateEdit("due_on")
        self.free = MutedLabel("")
        self.free.setObjectName("freeLine")
        self.organisation = ChoiceCombo(
            [(self.tr("（なし）"), None)] + [(o.name, o.id) for o in organisations.list_organisations(ctx.db)]
        )
        self.person = ChoiceCombo(
            [(self.tr("（なし）"), None)] + [(p.name, p.id) for p in people.list_people(ctx.db)]
        )
        self.project = ChoiceCombo(
            [(self.tr("（なし）"), None)]
            + [
                (p.title, p.id)
                for p in projects.list_projects(ctx.db, ProjectFilter(district_id=ctx.district_id))
            ]
        )
        self.district = DistrictChoice(ctx.db, ctx.district_id, none_text=self.tr("（団体の学区）"))
        self.reserve = QCheckBox(self.tr("予約として登録する（まだ渡していない）"))
        self.notes = NoteEdit(3)
        f = self.form
        f.add_field("equipment_id", self.tr("資機材"), self.item, required=True)
        f.add_field("quantity", self.tr("数量"), self.quantity, required=True)
        f.add_field("lent_on", self.tr("貸出日"), self.lent_on, required=True)
        f.add_field("due_on", self.tr("返却予定日"), self.due_on, required=True)
        f.add_widget(self.free)
        f.add_field(
            "borrower",
            self.tr("借りる団体"),
            self.organisation,
            required=True,
            hint=self.tr("団体か人のどちらかは必ず選びます。"),
        )
        f.add_field("borrower_person_id", self.tr("担当者（借りる人）"), self.person)
        f.add_field("project_id", self.tr("使う協働事業"), self.project)
        f.add_field("district_id", self.tr("学区"), self.district)
        f.add_widget(self.reserve)
        f.add_field("notes", self.tr("備考"), self.notes)
        self.lent_on.set_value(ctx.today())
        self.due_on.set_value(ctx.today() + timedelta(days=7))
        if equipment_id is not None:
            self.item.set_value(equipment_id)
        self.save_button.setText(self.tr("登録"))
        self.item.currentIndexChanged.connect(lambda _i: self.show_free())
        self.lent_on.editingFinished.connect(self.show_free)
        self.due_on.editingFinished.connect(self.show_free)
        self.reserve.toggled.connect(self._reserve_toggled)
        self.show_free()
        self.fit_to_screen(36)

    def _reserve_toggled(self, on: bool) -> None:
        self.save_button.setText(self.tr("予約する") if on else self.tr("登録"))

    def show_free(self) -> None:
        """How many pieces are free on every day of the chosen period (before saving)."""
        equipment_id = self.item.value()
        try:
            start, end = self.lent_on.value(), self.due_on.value()
        except ValidationError:
            start = end = None
        if equipment_id is None or start is None or end is None or end < start:
            self.free.setText("")
            return
        try:
            avail = equipment.availability(self.ctx.db, equipment_id, start, end, self.ctx.today())
        except DomainError:
            self.free.setText("")
            return
        self.free.setText(
            self.tr("この期間に貸し出せる数: {n}個（全{stock}個）").format(
                n=max(avail.min_free, 0), stock=avail.stock
            )
        )

    def loan_input(self) -> LoanInput:
        item = self.item.value()
        if item is None:
            raise ValidationError("equipment_id", self.tr("貸し出す資機材を選んでください。"))
        return LoanInput(
            equipment_id=item,
            quantity=self.quantity.value(),
            lent_on=self.lent_on.value(),
            due_on=self.due_on.value(),
            borrower_organisation_id=self.organisation.value(),
            borrower_person_id=self.person.value(),
            district_id=self.district.value(),
            project_id=self.project.value(),
            notes=self.notes.text(),
        )

    def save(self) -> LoanDTO:
        return equipment_loans.lend(
            self.ctx.db, self.loan_input(), reserve=self.reserve.isChecked(), today=self.ctx.today()
        )


class ConditionEdit(QComboBox):
    """返却時の状態: free text, with the usual answers to pick and complete (破損あり: then what)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.addItems([tr("良好"), tr("汚れあり"), tr("破損あり: "), tr("部品の不足あり: ")])
        self.setCurrentIndex(-1)
        line = self.lineEdit()
        assert line is not None
        line.setMaxLength(400)
        line.setPlaceholderText(tr("例: 良好／破損あり: 脚が1本曲がっている"))
        line.setClearButtonEnabled(True)

    def text(self) -> str:
        return self.currentText()

    def setText(self, text: str) -> None:
        self.setEditText(text)


def return_dialog(ctx: AppContext, loan: LoanDTO, parent: QWidget | None = None) -> StepDialog:
    """返却: the day it came back (today by default) and the condition it came back in."""
    condition = ConditionEdit()

    def perform(_target: Any, day: date | None, _comment: str, _amount: int | None, version: int) -> LoanDTO:
        # A wrong date is the service's to explain (it is the field above); only then ask for the condition.
        if not condition.text().strip() and isinstance(day, date) and day >= loan.lent_on:
            raise ValidationError(
                "return_condition", tr("返却時の状態を入力してください。問題がなければ「良好」を選びます。")
            )
        return equipment_loans.return_loan(ctx.db, loan.id, day, version, condition=condition.text())

    def subject(x: LoanDTO) -> str:
        return tr("{item} {n}個　{who}\n貸出 {lent}　返却予定 {due}").format(
            item=x.equipment_name,
            n=x.quantity,
            who=x.borrower_name,
            lent=wareki(x.lent_on),
            due=wareki(x.due_on),
        )

    def choices(_x: LoanDTO) -> list[tuple[str, LoanStatus]]:
        return [(enum_label(LoanStatus.RETURNED), LoanStatus.RETURNED)]

    dialog = StepDialog(
        tr("資機材の返却"),
        subject(loan),
        choices(loan),
        perform,
        today=ctx.today(),
        status_label=tr("変更後"),
        date_field="returned_on",
        date_label=tr("返却日"),
        parent=parent,
    )
    dialog.guard(
        loan,
        lambda: equipment_loans.get_loan(ctx.db, loan.id, ctx.today()),
        db=ctx.db,
        entity="equipment_loan",
        what=tr("貸出記録"),
        subject=subject,
        choices=choices,
        fields=[
            ConflictField("status", tr("状況"), enum_label),
            ConflictField("quantity", tr("数量")),
            ConflictField("lent_on", tr("貸出日")),
            ConflictField("due_on", tr("返却予定日")),
            ConflictField("returned_on", tr("返却日")),
        ],
    )
    dialog.form.add_field(
        "return_condition",
        tr("返却時の状態"),
        condition,
        required=True,
        hint=tr("傷・汚れ・足りない部品があれば、その内容も書きます。"),
    )
    dialog.save_button.setText(tr("返却を記録"))
    return dialog
