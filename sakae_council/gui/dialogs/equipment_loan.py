"""資機材の貸出・予約 and 返却 (with the condition it came back in): a loan is checked against the stock on
every day it covers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QCheckBox, QComboBox, QSpinBox, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.enums import LoanStatus
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import ConflictField
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.formatting import wareki
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import districts, equipment, equipment_loans, organisations, people, projects
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.equipment import EquipmentAvailability, EquipmentDTO
from sakae_council.services.equipment_loans import LoanDTO, LoanInput
from sakae_council.services.projects import ProjectFilter


def tr(text: str) -> str:
    return QCoreApplication.translate("LoanDialog", text)


@dataclass(frozen=True)
class LoanChoices:
    """What the loan editor offers, as (name, id) where it is a plain list: read on the database worker."""

    equipment: list[EquipmentDTO]
    organisations: list[tuple[str, int]]
    people: list[tuple[str, int]]
    projects: list[tuple[str, int]]
    districts: list[DistrictDTO]


def load_choices(db: Database, district_id: int | None) -> LoanChoices:
    """The equipment that may be lent, the borrowers, the district's projects (call it on the worker)."""
    return LoanChoices(
        equipment.list_equipment(db, available_only=True),
        [(o.name, o.id) for o in organisations.list_organisations(db)],
        [(p.name, p.id) for p in people.list_people(db)],
        [(p.title, p.id) for p in projects.list_projects(db, ProjectFilter(district_id=district_id))],
        districts.list_districts(db),
    )


def open_loan_editor(
    ctx: AppContext, parent: QWidget, show: Callable[[LoanDialog], object], *, equipment_id: int | None = None
) -> None:
    """Read the choices on the database worker, then build the loan editor and ``show`` it."""
    db, district_id = ctx.db, ctx.district_id
    open_after_loading(
        parent,
        lambda: load_choices(db, district_id),
        lambda choices: LoanDialog(ctx, parent, equipment_id=equipment_id, choices=choices),
        show,
    )


class LoanDialog(EntityDialog):
    """Lend now (貸出中) or book (予約); a clash with other loans is refused under 数量 with the days named.

    Opened through :func:`open_loan_editor` it touches the database only on the worker: the choices before
    it opens, how many are free when the item or the days change, the save."""

    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        equipment_id: int | None = None,
        choices: LoanChoices | None = None,
    ) -> None:
        super().__init__(self.tr("資機材の貸出・予約"), parent)
        self.ctx = ctx
        self._free_checks = Generation()
        if choices is None:  # read here when the caller did not read them on the worker
            choices = load_choices(ctx.db, ctx.district_id)
        items = choices.equipment
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
        self.organisation = ChoiceCombo([(self.tr("（なし）"), None), *choices.organisations])
        self.person = ChoiceCombo([(self.tr("（なし）"), None), *choices.people])
        self.project = ChoiceCombo([(self.tr("（なし）"), None), *choices.projects])
        self.district = DistrictChoice(
            choices.districts, ctx.district_id, none_text=self.tr("（団体の学区）")
        )
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
        """How many pieces are free on every day of the chosen period (before saving), asked on the worker."""
        equipment_id = self.item.value()
        try:
            start, end = self.lent_on.value(), self.due_on.value()
        except ValidationError:
            start = end = None
        if equipment_id is None or start is None or end is None or end < start:
            self._free_checks.next()  # an answer on its way no longer applies
            self.free.setText("")
            return
        db, today = self.ctx.db, self.ctx.today()
        QueryOp(lambda: equipment.availability(db, equipment_id, start, end, today), parent=self).latest(
            self._free_checks
        ).success(self._show_free).failure(lambda _exc: self.free.setText("")).run()

    def _show_free(self, avail: EquipmentAvailability) -> None:
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

    def save_request(self) -> SaveRequest:
        """The loan as typed, written on the database worker."""
        data, reserve = self.loan_input(), self.reserve.isChecked()
        db, today = self.ctx.db, self.ctx.today()
        return SaveRequest(lambda _version: equipment_loans.lend(db, data, reserve=reserve, today=today))


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


class ReturnDialog(StepDialog):
    """返却 (a StepDialog with the condition it came back in, required, read before the step is taken)."""

    def __init__(self, ctx: AppContext, loan: LoanDTO, parent: QWidget | None = None) -> None:
        db = ctx.db

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

        super().__init__(
            tr("資機材の返却"),
            subject(loan),
            choices(loan),
            None,  # the step is taken by save_request, with the condition typed
            today=ctx.today(),
            status_label=tr("変更後"),
            date_field="returned_on",
            date_label=tr("返却日"),
            parent=parent,
        )
        self.loan, self._db, today = loan, db, ctx.today()
        self.condition = ConditionEdit()
        self.guard(
            loan,
            lambda: equipment_loans.get_loan(db, loan.id, today),
            db=db,
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
        self.form.add_field(
            "return_condition",
            tr("返却時の状態"),
            self.condition,
            required=True,
            hint=tr("傷・汚れ・足りない部品があれば、その内容も書きます。"),
        )
        self.save_button.setText(tr("返却を記録"))

    def save_request(self) -> SaveRequest:
        """The return as typed: the condition checked here, the return taken on the database worker."""
        day, condition = self.day.value(), self.condition.text()
        # A wrong date is the service's to explain (it is the field above); only then ask for the condition.
        if not condition.strip() and isinstance(day, date) and day >= self.loan.lent_on:
            raise ValidationError(
                "return_condition", tr("返却時の状態を入力してください。問題がなければ「良好」を選びます。")
            )
        db, loan_id = self._db, self.loan.id

        def perform(
            _target: Any, day: date | None, _comment: str, _amount: int | None, version: int
        ) -> LoanDTO:
            return equipment_loans.return_loan(db, loan_id, day, version, condition=condition)

        return self.step_request(perform)


def return_dialog(ctx: AppContext, loan: LoanDTO, parent: QWidget | None = None) -> ReturnDialog:
    """返却: the day it came back (today by default) and the condition it came back in."""
    return ReturnDialog(ctx, loan, parent)
