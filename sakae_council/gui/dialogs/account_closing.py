"""The 会計 page's editors of a year's end: 決算の修正 of a closed year, a grant's 収支精算, and the council's
own 監査報告の文言.

Each reads what it offers on the database worker before it opens (``open_…`` functions) and saves there
(``save_request``): 保存 / キャンセル / Esc / ×, Ctrl+S, errors under their field.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton, QWidget

from sakae_council.domain.accounts import CashAccount, SubjectKind
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.money import format_yen
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_entry import entry_day, subject_text
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.formatting import wareki
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.enum_label import enum_choices
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.gui.widgets.yen_edit import YenEdit
from sakae_council.services import accounts, grants
from sakae_council.services.accounts import (
    AuditWordingDTO,
    BookDTO,
    EntryDTO,
    EntryInput,
    GrantSettlementDTO,
    SubjectDTO,
)
from sakae_council.services.grants import GrantDTO


def _limit_width(*combos: QComboBox) -> None:
    """Long 科目/事業 names must not widen the window past a laptop's screen at 特大."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)


# --- 決算の修正 ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RevisionChoices:
    """What 決算の修正 offers: the book as it stands, its 科目 in use and the entries a 訂正 may cancel."""

    book: BookDTO
    subjects: tuple[SubjectDTO, ...]
    entries: tuple[EntryDTO, ...]


def open_revision_editor(
    ctx: AppContext, book_id: int, parent: QWidget, show: Callable[[CloseRevisionDialog], object]
) -> None:
    """Read the closed book and its entries on the database worker, then build 決算の修正 and ``show`` it."""
    db = ctx.db

    def load() -> RevisionChoices:
        book = accounts.get_book(db, book_id)
        subjects = tuple(s for s in accounts.list_subjects(db, book.district_id) if s.active)
        entries = tuple(
            e
            for e in accounts.list_entries(db, book_id)
            if not e.is_correction and e.cancelled_by_voucher_no is None and e.subject_id is not None
        )
        return RevisionChoices(book, subjects, entries)

    QueryOp(load, parent=parent).success(lambda c: show(CloseRevisionDialog(ctx, c, parent))).run()


class CloseRevisionDialog(EntityDialog):
    """決算の修正 (第N号): a reason, then an entry the year missed and/or a 訂正 of a wrong one; the
    original figures are kept and the 次年度繰越金 follows."""

    def __init__(self, ctx: AppContext, choices: RevisionChoices, parent: QWidget | None = None) -> None:
        book = choices.book
        self.number = len(book.revisions) + 1
        super().__init__(self.tr("決算の修正（第{n}号）").format(n=self.number), parent)
        self.ctx, self.book = ctx, book
        self._kinds = {s.id: s.kind for s in choices.subjects}
        about = MutedLabel(
            self.tr(
                "{year}は{day}に決算確定しています。修正は第{n}号として理由とともに記録し、"
                "元の記帳と数字は残ります。次年度繰越金も直ります。"
            ).format(year=book.fiscal_year_label, day=wareki(book.closed_on), n=self.number)
        )
        about.setWordWrap(True)
        self.form.add_widget(about)
        self.made_on = WarekiDateEdit("made_on")
        self.made_on.set_value(ctx.today())
        self.reason = NoteEdit(2)
        self.reason.setObjectName("revisionReason")
        self.date = WarekiDateEdit("entry_date")
        self.date.set_value(entry_day(book, ctx.today()))
        self.subject = ChoiceCombo([(subject_text(s), s.id) for s in choices.subjects])
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("例: 3月分 通信費（領収書の記帳漏れ）"))
        self.amount = YenEdit("amount")
        self.account = ChoiceCombo(enum_choices(CashAccount))
        self.cancel_entry = ChoiceCombo(
            [(self.tr("（取り消さない）"), None)]
            + [
                (
                    f"No.{e.voucher_no}　{wareki(e.entry_date)}　{e.subject_name}　{e.description}"
                    f"　{format_yen(e.income or e.expense)}",
                    e.id,
                )
                for e in choices.entries
            ]
        )
        self.cancel_entry.setObjectName("cancelChoice")
        _limit_width(self.subject, self.cancel_entry)
        f = self.form
        f.add_field("made_on", self.tr("修正の日付"), self.made_on, required=True)
        f.add_field(
            "reason",
            self.tr("修正の理由"),
            self.reason,
            required=True,
            hint=self.tr("例: 監査で3月の通信費の記帳漏れが見つかったため"),
        )
        f.add_widget(MutedLabel(self.tr("加える記帳（記帳漏れがあったとき）")))
        f.add_field("entry_date", self.tr("日付"), self.date)
        f.add_field("subject_id", self.tr("科目"), self.subject)
        f.add_field("description", self.tr("摘要"), self.description)
        f.add_field("amount", self.tr("金額（円）"), self.amount)
        f.add_field("account", self.tr("現金・預金"), self.account)
        f.add_field(
            "cancel",
            self.tr("取り消す記帳（訂正）"),
            self.cancel_entry,
            hint=self.tr("誤っていた記帳を選ぶと、取り消す訂正の記帳を加えます。"),
        )
        self.save_button.setText(self.tr("修正を記録する"))
        self.fit_to_screen(38)

    def added(self) -> list[EntryInput]:
        """The entry to add, when an amount is typed (else none)."""
        amount = self.amount.value()
        if amount is None:
            if self.description.text().strip():
                raise ValidationError("amount", self.tr("加える記帳の金額を入力してください。"))
            return []
        when = self.date.value()
        if when is None:
            raise ValidationError("entry_date", self.tr("加える記帳の日付を入力してください。"))
        subject_id = self.subject.value()
        if subject_id is None:
            raise ValidationError("subject_id", self.tr("科目を選んでください。"))
        income = self._kinds[subject_id] is SubjectKind.INCOME
        return [
            EntryInput(
                entry_date=when,
                subject_id=subject_id,
                description=self.description.text(),
                income=amount if income else 0,
                expense=0 if income else amount,
                account=self.account.value(),
            )
        ]

    def save_request(self) -> SaveRequest:
        made_on = self.made_on.value()
        if made_on is None:
            raise ValidationError("made_on", self.tr("修正の日付を入力してください。"))
        add = self.added()
        cancel = [self.cancel_entry.value()] if self.cancel_entry.value() is not None else []
        db, book_id, reason = self.ctx.db, self.book.id, self.reason.text()
        return SaveRequest(
            lambda _v: accounts.revise_closed_year(db, book_id, reason, made_on, add=add, cancel=cancel)
        )

    def show_field_error(self, error: ValidationError) -> None:
        if error.field in ("income", "expense"):
            error = ValidationError("amount", error.message)
        elif error.field == "entries":
            error = ValidationError("cancel", error.message)
        super().show_field_error(error)


# --- 補助金の収支精算 ------------------------------------------------------------------------------------


def open_grant_settlement(
    ctx: AppContext, book: BookDTO, parent: QWidget, show: Callable[[GrantSettlementDialog], object]
) -> None:
    """Read the year's grants on the database worker, then build the 収支精算 window and ``show`` it."""
    db = ctx.db
    QueryOp(
        lambda: grants.list_grants(db, fiscal_year=book.fiscal_year, district_id=book.district_id),
        parent=parent,
    ).success(lambda found: show(GrantSettlementDialog(ctx, book, found, parent))).run()


class GrantSettlementDialog(EntityDialog):
    """収支精算 of one grant: its linked entries' figures against the grant record; 保存 writes the 実績額
    into the record (実績報告の支出額); 収支精算書… prints it."""

    def __init__(
        self, ctx: AppContext, book: BookDTO, found: list[GrantDTO], parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("補助金の収支精算"), parent)
        self.ctx, self.book = ctx, book
        self.settlement: GrantSettlementDTO | None = None
        self._loads = Generation()
        self.grant = ChoiceCombo(
            [(f"{g.project_title}（{g.scheme or self.tr('補助金')}）", g.id) for g in found]
        )
        self.grant.setObjectName("grantChoice")
        _limit_width(self.grant)
        figures = QWidget()
        grid = QGridLayout(figures)
        grid.setContentsMargins(0, 0, 0, 0)
        self.figures: dict[str, QLabel] = {}
        for row, (key, label) in enumerate(
            (
                ("granted", self.tr("交付決定額")),
                ("received", self.tr("補助金の収入（出納帳）")),
                ("spent", self.tr("実績額（結び付いた支出）")),
                ("difference", self.tr("差額（交付決定額 − 実績額）")),
                ("return_due", self.tr("返還額")),
                ("recorded", self.tr("補助金の記録の支出額")),
                ("entries", self.tr("結び付いた記帳")),
            )
        ):
            value = QLabel("")
            value.setObjectName(f"figure_{key}")
            grid.addWidget(QLabel(label), row, 0)
            grid.addWidget(value, row, 1)
            self.figures[key] = value
        grid.setColumnStretch(1, 1)
        self.problems = MessageLine("warning")
        self.problems.setObjectName("settlementProblems")
        self.agreement = QLabel("")
        self.agreement.setObjectName("settlementAgrees")
        self.agreement.setWordWrap(True)
        self.form.add_field("grant", self.tr("補助金"), self.grant, required=True)
        self.form.add_widget(figures)
        self.form.add_widget(self.problems)
        self.form.add_widget(self.agreement)
        self.form.add_widget(
            MutedLabel(
                self.tr(
                    "記帳に補助金を選ぶと、ここに集まります。「実績額を記録する」で、補助金の記録の支出額を出納帳の実績額にします。"
                )
            )
        )
        self.save_button.setText(self.tr("実績額を記録する"))
        self.print_button = QPushButton(self.tr("収支精算書を印刷…"), self)
        self.print_button.setObjectName("printSettlementButton")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_settlement)
        self.buttons_row.insertWidget(0, self.print_button)
        self.print_dialog: Any = None
        if not found:
            self.problems.show_message(
                self.tr("この学区・年度の補助金がありません。協働事業のページで補助金を登録してください。")
            )
        self.save_button.setEnabled(bool(found))
        self.print_button.setEnabled(bool(found))
        self.grant.currentIndexChanged.connect(lambda _i: self.load())
        self.load()
        self.fit_to_screen(36)

    def load(self) -> None:
        """The chosen grant's settlement, read on the worker (only the newest answer is shown)."""
        grant_id = self.grant.value()
        if grant_id is None:
            return
        db = self.ctx.db
        QueryOp(lambda: accounts.grant_settlement(db, grant_id), parent=self).latest(self._loads).success(
            self.show_settlement
        ).failure(lambda exc: self.show_general_error(str(getattr(exc, "message", exc)))).run()

    def show_settlement(self, g: GrantSettlementDTO) -> None:
        self.settlement = g
        f = self.figures
        f["granted"].setText(format_yen(g.granted) if g.granted else self.tr("（未決定）"))
        f["received"].setText(format_yen(g.received))
        f["spent"].setText(format_yen(g.spent))
        f["difference"].setText(format_yen(g.difference))
        f["return_due"].setText(format_yen(g.return_due))
        f["recorded"].setText(
            format_yen(g.recorded_spent) if g.recorded_spent is not None else self.tr("（未記録）")
        )
        f["entries"].setText(self.tr("%n件", "", len(g.entries)))
        problems = list(g.problems)
        if g.recorded_spent is None and g.granted:
            problems.append(
                self.tr("実績額はまだ補助金の記録にありません。「実績額を記録する」で記録します。")
            )
        if problems:
            self.problems.show_message("\n".join(problems))
        else:
            self.problems.clear()
        self.agreement.setText("" if problems else self.tr("✓ 出納帳と補助金の記録は一致しています。"))

    def save_request(self) -> SaveRequest:
        g = self.settlement
        if g is None:
            raise ValidationError("grant", self.tr("補助金を選んでください。"))
        db, grant_id, version = self.ctx.db, g.grant_id, g.grant_version
        return SaveRequest(lambda _v: accounts.record_grant_settlement(db, grant_id, version))

    def print_settlement(self) -> None:
        from sakae_council.gui.dialogs.accounts_print import open_accounts_print

        def show(dialog: Any) -> None:
            self.print_dialog = dialog
            dialog.open()

        open_accounts_print(
            self.ctx,
            self.book.district_id,
            self.book.fiscal_year,
            self,
            show,
            document="grant",
            grant_id=self.grant.value(),
        )


# --- 監査報告の文言 --------------------------------------------------------------------------------------


def open_wording_editor(
    ctx: AppContext, district_id: int, parent: QWidget, show: Callable[[AuditWordingDialog], object]
) -> None:
    """Read the council's wording on the database worker, then build its editor and ``show`` it."""
    db = ctx.db
    QueryOp(lambda: accounts.get_audit_wording(db, district_id), parent=parent).success(
        lambda w: show(AuditWordingDialog(ctx, w, parent))
    ).run()


class AuditWordingDialog(EntityDialog):
    """監査報告の文言: the sentence the council's 監事 sign; empty prints the standard one."""

    record_attr = "record"

    def __init__(self, ctx: AppContext, record: AuditWordingDTO, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("監査報告の文言"), parent)
        self.ctx, self.record = ctx, record
        from sakae_council.reports.accounts_audit import STANDARD_WORDING

        self.wording = NoteEdit(5)
        self.wording.setObjectName("auditWording")
        self.wording.setPlaceholderText(STANDARD_WORDING)
        self.wording.setText(record.wording)
        standard = QPushButton(self.tr("標準の文言に戻す"), self)
        standard.setObjectName("standardWordingButton")
        standard.setAutoDefault(False)
        standard.clicked.connect(self.wording.clear)
        self.form.add_widget(
            MutedLabel(self.tr("{council}の監査報告書に印刷する文です。").format(council=record.council_name))
        )
        self.form.add_field(
            "wording",
            self.tr("文言"),
            self.wording,
            hint=self.tr(
                "空のときは標準の文言（薄く表示）を印刷します。{year} は年度（令和8年度）、"
                "{period} は期間（自 令和8年4月1日 至 令和9年3月31日）に置き換わります。"
            ),
        )
        self.form.add_widget(standard)
        self.fit_to_screen(38)

    def save_request(self) -> SaveRequest:
        db, district_id, text = self.ctx.db, self.record.district_id, self.wording.text()
        return self.request_update(
            self.record,
            lambda version: accounts.set_audit_wording(db, district_id, text, version),
            db=db,
            entity="district",
            what=self.tr("監査報告の文言"),
            load=lambda: accounts.get_audit_wording(db, district_id),
            mine={"wording": text},
        )
