"""補助金の申請: amounts in whole yen (shown ¥12,000), the dates of each step, notes and the attached documents."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.domain.enums import GRANT_TRANSITIONS, GrantStatus
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.money import format_yen
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import EMPTY, ConflictField
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.models.project_grants import DocumentsModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.record_table import RecordSection
from sakae_council.gui.widgets.step_dialog import StepDialog
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.gui.widgets.yen_edit import YenEdit
from sakae_council.services import grants
from sakae_council.services.grants import AWARDED_OR_LATER, STEP_DATES, GrantDocumentDTO, GrantDTO, GrantInput

DATE_FIELDS = (
    ("applied_on", QCoreApplication.translate("GrantDialog", "申請日")),
    ("reviewed_on", QCoreApplication.translate("GrantDialog", "審査日")),
    ("decided_on", QCoreApplication.translate("GrantDialog", "決定日（交付決定・不採用）")),
    ("reported_on", QCoreApplication.translate("GrantDialog", "実績報告日")),
    ("settled_on", QCoreApplication.translate("GrantDialog", "確定日")),
)


def tr(text: str) -> str:
    return QCoreApplication.translate("GrantDialog", text)


class GrantDialog(EntityDialog):
    """New application (status 申請) or its amounts, dates and documents; the status moves by 次の段階へ."""

    documentsChanged = Signal()

    def __init__(
        self, ctx: AppContext, project_id: int, grant: GrantDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("補助金の申請"), parent)
        self.ctx, self.project_id, self.grant = ctx, project_id, grant
        self.year = FiscalYearChoice(ctx.today(), current=grant.fiscal_year if grant else None)
        self.scheme = QLineEdit()
        self.scheme.setPlaceholderText(self.tr("例: 地域まちづくり活動補助金"))
        self.requested = YenEdit("amount_requested")
        self.granted = YenEdit("amount_granted")
        self.spent = YenEdit("amount_spent")
        self.overspent = MessageLine("warning")
        self.dates = {name: WarekiDateEdit(name) for name, _ in DATE_FIELDS}
        self.notes = NoteEdit(3)
        f = self.form
        if grant is not None:
            status = MutedLabel(self.tr("ステータス: {status}").format(status=enum_label(grant.status)))
            status.setObjectName("grantStatus")
            f.add_widget(status)
        f.add_field("fiscal_year", self.tr("年度"), self.year, required=True)
        f.add_field("scheme", self.tr("補助制度"), self.scheme)
        f.add_field("amount_requested", self.tr("申請額（円）"), self.requested, required=True)
        awarded = grant is not None and grant.status in AWARDED_OR_LATER
        if awarded:
            f.add_field("amount_granted", self.tr("交付決定額（円）"), self.granted)
            f.add_field(
                "amount_spent",
                self.tr("支出額（円）"),
                self.spent,
                hint=self.tr("実績として使った額。交付決定額を超えると注意が出ます。"),
            )
            f.add_widget(self.overspent)
        for name, label in DATE_FIELDS:
            reached = (
                grant is None
                and name == "applied_on"
                or grant is not None
                and (getattr(grant, name) is not None or STEP_DATES[grant.status] == name)
            )
            if reached:
                f.add_field(name, label, self.dates[name])
        f.add_field("notes", self.tr("備考"), self.notes)
        if grant is None:
            self.requested.set_value(0)
            self.dates["applied_on"].set_value(ctx.today())
        else:
            self.fill(grant)
            self._add_documents(grant)
        self.granted.editingFinished.connect(self.check_overspent)
        self.spent.editingFinished.connect(self.check_overspent)
        self.check_overspent()
        self.fit_to_screen(38)

    def fill(self, grant: GrantDTO) -> None:
        """Show ``grant`` (on opening, and after 再読み込み of someone else's save)."""
        self.grant = grant
        super().fill(grant)
        self.check_overspent()

    # --- documents (saved at once, like every list) ---------------------------------------------
    def _add_documents(self, grant: GrantDTO) -> None:
        self.documents = RecordSection(
            self.tr("添付書類"),
            DocumentsModel(self),
            add_text=self.tr("書類を追加…"),
            editable=False,
            hint=self.tr("書類の名前と、紙やファイルの保管場所を記録します。"),
        )
        self.documents.setObjectName("documents")
        self.documents.set_rows(list(grant.documents))
        self.documents.addRequested.connect(self.add_document)
        self.documents.removeRequested.connect(self.remove_document)
        self.body_layout.addWidget(self.documents)

    def add_document(self) -> DocumentDialog | None:
        if self.grant is None:
            return None
        dialog = DocumentDialog(self.ctx, self.grant.id, self)
        dialog.saved.connect(lambda _d: self._reload_documents())
        self.document_dialog = dialog
        dialog.open()
        return dialog

    def remove_document(self, doc: GrantDocumentDTO) -> None:
        if not confirm(
            self,
            self.tr("書類の削除"),
            self.tr("書類「{title}」を一覧から外しますか？").format(title=doc.title),
            self.tr("削除"),
        ):
            return
        db, doc_id = self.ctx.db, doc.id
        QueryOp(lambda: grants.remove_document(db, doc_id), parent=self).success(
            lambda _none: self._reload_documents()
        ).failure(self.documents.error.show_failure).run()

    def _reload_documents(self) -> None:
        """The documents as saved now, read on the database worker."""
        assert self.grant is not None
        db, grant_id = self.ctx.db, self.grant.id
        QueryOp(lambda: grants.get_grant(db, grant_id), parent=self).success(self._show_documents).failure(
            self.documents.error.show_failure
        ).run()

    def _show_documents(self, fresh: GrantDTO) -> None:
        self.documents.set_rows(list(fresh.documents))
        self.documentsChanged.emit()

    # --- amounts --------------------------------------------------------------------------------
    def check_overspent(self) -> None:
        """Warn (the save is still allowed: it happens) when more was spent than granted."""
        try:
            granted, spent = self.granted.value(), self.spent.value()
        except ValidationError:
            return
        if granted is not None and spent is not None and spent > granted:
            self.overspent.show_message(
                self.tr("支出額が交付決定額を{over}超えています（超過）。").format(
                    over=format_yen(spent - granted)
                )
            )
        else:
            self.overspent.clear()

    def grant_input(self) -> GrantInput:
        awarded = self.grant is not None and self.grant.status in AWARDED_OR_LATER
        dates: dict[str, date | None] = {}
        for name, edit in self.dates.items():
            dates[name] = (
                edit.value()
                if self.form.has_field(name)
                else (getattr(self.grant, name) if self.grant else None)
            )
        requested = self.requested.value()
        return GrantInput(
            project_id=self.project_id,
            fiscal_year=self.year.value(),
            scheme=self.scheme.text(),
            amount_requested=requested if requested is not None else 0,
            amount_granted=self.granted.value() if awarded else None,
            amount_spent=self.spent.value() if awarded else None,
            notes=self.notes.text(),
            **dates,
        )

    def save_request(self) -> SaveRequest:
        """The application as typed, written on the database worker (an edit through the conflict dialog)."""
        if self.requested.value() is None:
            raise ValidationError("amount_requested", self.tr("申請額を入力してください（なければ0）。"))
        data = self.grant_input()
        db = self.ctx.db
        if self.grant is None:
            return SaveRequest(lambda _version: grants.create_grant(db, data))
        grant_id = self.grant.id
        return self.request_update(
            self.grant,
            lambda version: grants.update_grant(db, grant_id, data, version),
            db=db,
            entity="grant_application",
            what=self.tr("補助金の申請"),
            load=lambda: grants.get_grant(db, grant_id),
            mine=data,
        )


class DocumentDialog(EntityDialog):
    """One attached document: its name, where it is kept, when it was handed in."""

    def __init__(self, ctx: AppContext, grant_id: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("書類を追加"), parent)
        self.ctx, self.grant_id = ctx, grant_id
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("例: 事業計画書"))
        self.location = QLineEdit()
        self.location.setPlaceholderText(self.tr("例: 住民活動推進課 書庫 A-3 / ファイルの場所"))
        self.submitted_on = WarekiDateEdit("submitted_on")
        self.form.add_field("title", self.tr("書類名"), self.title_edit, required=True)
        self.form.add_field("location", self.tr("保管場所"), self.location)
        self.form.add_field("submitted_on", self.tr("提出日"), self.submitted_on)
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        """The document as typed, added on the database worker."""
        db, grant_id = self.ctx.db, self.grant_id
        title, location, submitted_on = (
            self.title_edit.text(),
            self.location.text(),
            self.submitted_on.value(),
        )
        return SaveRequest(lambda _version: grants.add_document(db, grant_id, title, location, submitted_on))


def grant_step_dialog(ctx: AppContext, grant: GrantDTO, parent: QWidget | None = None) -> StepDialog:
    """申請 → 審査 → 交付決定 / 不採用 → 実績報告 → 確定, dated; 交付決定 asks for the granted amount."""

    def subject(g: GrantDTO) -> str:
        return tr("{year}分 {scheme}\n今の段階: {status}　申請額: {amount}").format(
            year=fiscal_year_text(g.fiscal_year),
            scheme=g.scheme,
            status=enum_label(g.status),
            amount=format_yen(g.amount_requested),
        )

    def choices(g: GrantDTO) -> list[tuple[str, GrantStatus]]:
        return [(enum_label(s), s) for s in GrantStatus if s in GRANT_TRANSITIONS[g.status]]

    def perform(target: Any, day: date | None, _comment: str, amount: int | None, version: int) -> GrantDTO:
        return grants.change_grant_status(ctx.db, grant.id, target, day, version, amount_granted=amount)

    dialog = StepDialog(
        tr("補助金の申請を次の段階へ"),
        subject(grant),
        choices(grant),
        perform,
        today=ctx.today(),
        status_label=tr("次の段階"),
        date_label=tr("その段階の日付"),
        amount_label=tr("交付決定額（円）"),
        amount_for=(GrantStatus.AWARDED,),
        parent=parent,
    )
    yen = lambda v: format_yen(v) if isinstance(v, int) else EMPTY  # noqa: E731
    dialog.guard(
        grant,
        lambda: grants.get_grant(ctx.db, grant.id),
        db=ctx.db,
        entity="grant_application",
        what=tr("補助金の申請"),
        fields=[
            ConflictField("status", tr("段階"), enum_label),
            ConflictField("scheme", tr("補助制度")),
            ConflictField("amount_requested", tr("申請額"), yen),
            ConflictField("amount_granted", tr("交付決定額"), yen),
        ],
        subject=subject,
        choices=choices,
    )
    if dialog.amount is not None:
        dialog.amount.set_value(grant.amount_requested)
    return dialog
