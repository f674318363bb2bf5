"""The 会計 page's three tabs, each a ListPage over the book chosen on the page (see ``pages/accounts.py``):

* 出納帳 — every entry with its running balance; Ctrl+N 記帳, Enter 修正, Delete 削除 (or 訂正 once the
  month is checked), 訂正…, 振替…, 月次確認…, 通帳CSVの取込…;
* 予算 — 当初予算 and 予算現額 per 科目; 予算の入力・補正… (Ctrl+N), 科目の追加…, 科目の修正…;
* 集計 — 予算 vs 執行 per 科目 with the remaining amount; a 科目 over its budget says 予算超過; 補助金の精算…
  and 監査報告の文言….
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QStyle, QVBoxLayout, QWidget

from sakae_council.domain.accounts import CashAccount
from sakae_council.domain.areas import Area
from sakae_council.domain.money import format_yen
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_budget import (
    open_budget_editor,
    open_subject_adder,
    open_subject_editor,
)
from sakae_council.gui.dialogs.account_closing import open_grant_settlement, open_wording_editor
from sakae_council.gui.dialogs.account_entry import EntryDialog, open_entry_editor
from sakae_council.gui.dialogs.account_steps import CorrectionDialog, MonthCheckDialog, TransferDialog
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.accounts import ENTRY_DESCRIPTION_COLUMN, BudgetUseModel, EntriesModel
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.action_bar import add_action_bar
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.enum_label import enum_choices, enum_label
from sakae_council.gui.widgets.labels import MutedLabel
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import accounts, search
from sakae_council.services.accounts import BookDTO, BudgetRevisionDTO, BudgetUseRow, EntryDTO

if TYPE_CHECKING:
    from sakae_council.gui.pages.accounts import AccountsPage


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("AccountsPage", text, None, n)


class BookList(ListPage):
    """A tab of the 会計 page: lists what the page's chosen book holds."""

    def __init__(
        self, ctx: AppContext, owner: AccountsPage, title: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, title, parent)
        self.owner = owner
        self.dialog: Any = None
        # A line of its own under the title for what the count line would carry further (the latest 補正,
        # the 科目 over budget): beside the title and buttons it widened the window past a laptop at 特大.
        self.note = MutedLabel("", self)
        self.note.setObjectName("bookNote")
        self.note.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.note)

    def show_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    @property
    def book(self) -> BookDTO | None:
        return self.owner.book

    def _district_changed(self, _district_id: object) -> None:
        pass  # the page chooses the book first, then reloads its tabs

    def changed(self, *_args: object) -> None:
        """After a save: every tab and the balances at the top show the books as they are now."""
        self.ctx.notify(Area.ACCOUNTS)

    def open_dialog(self, dialog: Any) -> Any:
        self.dialog = dialog
        dialog.saved.connect(self.changed)
        dialog.open()
        return dialog

    def delete_item(self, item: Any) -> None:
        pass


class CashbookList(BookList):
    """出納帳 (see the module docstring)."""

    def __init__(self, ctx: AppContext, owner: AccountsPage, parent: QWidget | None = None) -> None:
        super().__init__(ctx, owner, tr("出納帳"), parent)
        self.search.setPlaceholderText(self.tr("摘要・相手先・科目で検索（Ctrl+F）"))
        self.account_filter = ChoiceCombo([(self.tr("現金・預金"), None)] + enum_choices(CashAccount))
        self.account_filter.setObjectName("accountFilter")
        self.account_filter.setAccessibleName(self.tr("現金・預金で絞り込み"))
        self.account_filter.currentIndexChanged.connect(lambda _i: self.reload())
        self.add_filter(self.account_filter)
        self.new_button = self.add_button(
            self.tr("新しい記帳…"), self.new_item, primary=True, name="newEntryButton"
        )
        self.action_bar = add_action_bar(self)
        self.correct_button = self.action_bar.add_button(
            self.tr("訂正…"), self.correct_current, name="correctButton"
        )
        self.transfer_button = self.action_bar.add_button(
            self.tr("振替…"), self.transfer, name="transferButton"
        )
        self.check_button = self.action_bar.add_button(
            self.tr("月次確認…"), self.check_month, name="monthCheckButton"
        )
        self.import_button = self.action_bar.add_button(
            self.tr("通帳CSVの取込…"), self.import_statement, name="importButton"
        )
        self.entries_model = EntriesModel(self)
        self.set_model(self.entries_model)
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())

    def reload(self) -> None:
        self._update_buttons()  # the book's state is known now; its lines follow from the worker
        book, account, db = self.book, self.account_filter.value(), self.ctx.db
        words = search.words(self.search.text())

        def load() -> list[EntryDTO]:
            if book is None:
                return []
            rows = accounts.list_entries(db, book.id, account=account)
            if words:
                rows = [
                    e for e in rows if search.matches(words, (e.description, e.counterparty, e.subject_name))
                ]
            return rows

        self.load_in_background(load, self._show_entries)

    def _cap_description(self) -> None:
        """Cut a long 摘要 (its whole text in the tooltip) at about 18 characters, or at what the table has
        left beside the columns never hidden (証憑番号, 日付, the amounts, 残高) — at least 8 — so that at 特大
        on a laptop they all stay in view (the 日付 was hidden there, and the table still scrolled sideways)."""
        em = self.fontMetrics().horizontalAdvance("あ")
        cap = 18 * em
        if self.table.isVisible() and self.entries_model.rowCount():
            model = self.entries_model
            kept = [
                c
                for c in range(model.columnCount())
                if (c == 0 or model.column_priority(c) == 0) and c != ENTRY_DESCRIPTION_COLUMN  # (0: frozen)
            ]
            header = self.table.horizontalHeader()
            widths = [max(self.table.sizeHintForColumn(c), header.sectionSizeHint(c)) for c in kept]
            bar = self.table.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
            # (the cap is the header's, for every column: never below the widest kept one, the 日付)
            cap = max(8 * em, *widths, min(cap, self.table.viewport().width() - sum(widths) - bar))
        self.table.horizontalHeader().setMaximumSectionSize(cap)

    def _show_entries(self, rows: list[EntryDTO]) -> None:
        selected = self.current_item()
        self.entries_model.set_rows(rows)
        self._cap_description()
        self.set_count(len(rows), lambda n: self.tr("%n件", "", n), district=self.owner.loaded.district_name)
        if isinstance(selected, EntryDTO):
            self.select_where(lambda e: e.id == selected.id)
        elif rows:
            self.table.select_row(len(rows) - 1)  # the latest entry, where the next one goes
            self.table.scrollToBottom()
        self.fit_columns()
        self._update_buttons()

    def _update_buttons(self) -> None:
        entry = self.current_item()
        open_book = self.book is not None and not self.book.is_closed
        self.new_button.setEnabled(open_book)
        self.check_button.setEnabled(open_book)
        self.transfer_button.setEnabled(open_book)
        self.import_button.setEnabled(open_book)
        self.correct_button.setEnabled(
            open_book
            and isinstance(entry, EntryDTO)
            and not entry.is_correction
            and entry.cancelled_by_voucher_no is None
        )

    def new_item(self) -> None:
        book = self.book
        if book is None or book.is_closed:
            self.owner.explain_closed()
            return
        open_entry_editor(self.ctx, book, None, self, self._show_new_entry)

    def _show_new_entry(self, dialog: EntryDialog) -> None:
        self.open_dialog(dialog).saved.connect(self._select_saved)

    def _select_saved(self, entry: EntryDTO) -> None:
        self.select_where(lambda e: e.id == entry.id)

    def edit_item(self, item: Any) -> None:
        book = self.book
        if book is None:
            return
        if item.locked or book.is_closed or item.is_correction:
            self.owner.notice.show_message(
                self.tr(
                    "No.{n} は確認済みの月の記帳です。直すときは「訂正…」で取り消しの記帳を加えます。"
                ).format(n=item.voucher_no)
            )
            return
        open_entry_editor(self.ctx, book, item.id, self, self.open_dialog)

    def correct_current(self) -> None:
        entry = self.current_item()
        if self.book is not None and isinstance(entry, EntryDTO):
            self.open_dialog(CorrectionDialog(self.ctx, self.book, entry, self))

    def delete_item(self, item: Any) -> None:
        """An unchecked entry may be deleted; a checked one is corrected instead (it stays on the books)."""
        name = self.tr("No.{n}「{text}」（{amount}）").format(
            n=item.voucher_no, text=item.description, amount=format_yen(item.income or item.expense)
        )
        if item.locked:
            if confirm(
                self,
                self.tr("記帳の訂正"),
                self.tr(
                    "{name} は月次確認が済んでいるため削除できません。取り消す「訂正」の記帳を加えますか？"
                ).format(name=name),
                self.tr("訂正する…"),
            ):
                self.correct_current()
            return
        if not confirm(
            self,
            self.tr("記帳の削除"),
            self.tr("{name} を削除しますか？証憑番号 No.{n} は欠番になり、使い直しません。").format(
                name=name, n=item.voucher_no
            ),
            self.tr("削除"),
        ):
            return
        db, entry_id, version = self.ctx.db, item.id, item.version
        QueryOp(lambda: accounts.delete_entry(db, entry_id, version), parent=self).success(
            self.changed
        ).failure(lambda exc: show_error(self, exc, title=self.tr("削除できません"))).run()

    def transfer(self) -> None:
        if self.book is not None:
            self.open_dialog(TransferDialog(self.ctx, self.book, self))

    def check_month(self) -> None:
        if self.book is not None:
            self.open_dialog(MonthCheckDialog(self.ctx, self.book, self))

    def import_statement(self) -> None:
        from sakae_council.gui.dialogs.account_import import open_bank_import

        if self.book is not None and not self.book.is_closed:
            open_bank_import(self.ctx, self.book, self, self.open_dialog)


class BudgetList(BookList):
    """予算: 当初予算額 and 予算現額 (after 補正) per 科目; Ctrl+N or Enter opens 予算の入力・補正."""

    def __init__(self, ctx: AppContext, owner: AccountsPage, parent: QWidget | None = None) -> None:
        super().__init__(ctx, owner, tr("予算"), parent)
        self.search.setPlaceholderText(self.tr("科目で検索（Ctrl+F）"))
        self.subject_button = self.add_button(
            self.tr("科目の追加…"), self.add_subject, name="subjectButton", edits=True
        )
        self.edit_subject_button = self.add_button(
            self.tr("科目の修正…"), self.edit_subject, name="editSubjectButton", edits=True
        )
        self.new_button = self.add_button(
            self.tr("予算の入力・補正…"), self.new_item, primary=True, name="budgetButton"
        )
        self.budget_model: DtoTableModel[BudgetUseRow] = DtoTableModel(
            [
                Column(
                    self.tr("科目"),
                    lambda r: ("　" if r.is_detail else "") + f"{enum_label(r.kind)}：{r.label}",
                ),
                Column(self.tr("当初予算額"), lambda r: format_yen(r.original), align_right=True),
                Column(
                    self.tr("補正額"),
                    lambda r: format_yen(r.budget - r.original) if r.budget != r.original else "",
                    align_right=True,
                ),
                Column(self.tr("予算現額"), lambda r: format_yen(r.budget), align_right=True),
                # last, so the stretch of the last column falls on words, not on an amount pushed far right
                Column(self.tr("備考"), lambda r: self.tr("補正で変更") if r.budget != r.original else ""),
            ],
            self,
        )
        self.set_model(self.budget_model)

    def reload(self) -> None:
        self.new_button.setEnabled(self.book is not None and not self.book.is_closed)
        self.subject_button.setEnabled(self.book is not None)
        self.edit_subject_button.setEnabled(self.book is not None)
        book, db = self.book, self.ctx.db
        history = (lambda: accounts.list_budget_revisions(db, book.id)) if book is not None else list
        show_budget_rows(self, self.budget_model, history, self._show_history)

    def _show_history(self, history: list[BudgetRevisionDTO]) -> None:
        last = history[-1] if history else None
        self.show_note(
            self.tr("{title}（{day}議決）").format(title=last.title, day=wareki(last.decided_on))
            if last
            else ""
        )

    def new_item(self) -> None:
        if self.book is None or self.book.is_closed:
            self.owner.explain_closed()
            return
        open_budget_editor(self.ctx, self.book, self, self.open_dialog)

    def edit_item(self, item: Any) -> None:
        self.new_item()

    def add_subject(self) -> None:
        if self.book is not None:
            open_subject_adder(self.ctx, self.book.district_id, self, self.open_dialog)

    def edit_subject(self) -> None:
        """科目の修正 of the 科目 in the selected row (rename, or stop using it for new entries)."""
        if self.book is not None:
            row = self.current_item()
            chosen = row.subject_id if isinstance(row, BudgetUseRow) else None
            open_subject_editor(self.ctx, self.book.district_id, chosen, self, self.open_dialog)


class UseList(BookList):
    """集計: 予算 vs 執行 per 科目 with the remaining amount; Ctrl+N still adds an entry."""

    def __init__(self, ctx: AppContext, owner: AccountsPage, parent: QWidget | None = None) -> None:
        super().__init__(ctx, owner, tr("予算と執行"), parent)
        self.search.setPlaceholderText(self.tr("科目で検索（Ctrl+F）"))
        self.wording_button = self.add_button(
            self.tr("監査報告の文言…"), self.edit_wording, name="wordingButton", edits=True
        )
        self.grant_button = self.add_button(
            self.tr("補助金の精算…"), self.settle_grant, name="grantSettlementButton", edits=False
        )
        self.use_model = BudgetUseModel(self)
        self.set_model(self.use_model)

    def reload(self) -> None:
        self.wording_button.setEnabled(self.book is not None)
        self.grant_button.setEnabled(self.book is not None)
        show_budget_rows(self, self.use_model, list, self._show_over)

    def _show_over(self, _nothing: object) -> None:
        over = sum(1 for r in self.use_model.rows() if r.over)
        self.show_note(self.tr("うち予算超過 %n科目", "", over) if over else "")

    def new_item(self) -> None:
        self.owner.cashbook.new_item()

    def settle_grant(self) -> None:
        if self.book is not None:
            open_grant_settlement(self.ctx, self.book, self, self.open_dialog)

    def edit_wording(self) -> None:
        if self.book is not None:
            open_wording_editor(self.ctx, self.book.district_id, self, self.open_dialog)

    def edit_item(self, item: Any) -> None:
        pass


def show_budget_rows(
    page: BookList,
    model: DtoTableModel[BudgetUseRow],
    also: Callable[[], Any],
    then: Callable[[Any], object],
) -> None:
    """The book's 予算 vs 執行 rows matching the search, read on the database worker with ``also()``, into
    ``model`` and counted in the title line; then ``then(also's answer)``."""
    book, db = page.book, page.ctx.db
    words = search.words(page.search.text())

    def load() -> tuple[list[BudgetUseRow], Any]:
        if book is None:
            return [], also()
        rows = accounts.budget_vs_actual(db, book.id)
        if words:
            rows = [r for r in rows if search.matches(words, (r.label,))]
        return rows, also()

    def show(answer: tuple[list[BudgetUseRow], Any]) -> None:
        rows, extra = answer
        model.set_rows(rows)
        unit: Callable[[int], str] = lambda n: tr("%n科目", n)  # noqa: E731
        page.set_count(len(rows), unit, district=page.owner.loaded.district_name)
        page.fit_columns()
        then(extra)

    page.load_in_background(load, show)
