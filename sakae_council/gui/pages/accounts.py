"""会計 page: one council's books for one 年度 — 出納帳, 予算, 集計 — with the balances, 実査, 決算確定 and
the papers.

    ┌ 会計  [令和8年度 ▼]  執行中　現金 ¥12,300　預金 ¥456,000   [現金の実査…] [決算確定…] [印刷…] ┐
    │ (notice: choose a 学区 / no book yet [この年度の帳簿を作る] / the year is closed)               │
    │ [出納帳] [予算] [集計]   — each tab a ListPage (title line, search, list)                       │
    └─────────────────────────────────────────────────────────────────────────────────────────────┘

The books belong to a council, so the page follows the district switcher and asks for a 学区 under 全学区.
Every change is announced as Area.ACCOUNTS; the page and its tabs reload from that. The page, its tabs and
its editors read and write on the database worker (gui/ops.py), never on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from sakae_council.domain.areas import Area
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_steps import CashCountDialog
from sakae_council.gui.district_names import district_name
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.pages.accounts_lists import BudgetList, CashbookList, UseList
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.list_page import ListPage
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import accounts
from sakae_council.services.accounts import BalanceDTO, BookDTO, CashCountDTO


@dataclass(frozen=True)
class BookState:
    """The page's load: the council (its name for the tabs' title lines), the 年度, and the book if any."""

    district_id: int | None
    district_name: str
    year: int
    book: BookDTO | None
    balances: tuple[BalanceDTO, ...]
    counts: tuple[CashCountDTO, ...]


class AccountsPage(QWidget):
    """会計 (see the module docstring)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.book: BookDTO | None = None
        #: What the last load found (the book, its balances and 実査), shown at the top.
        self.loaded = BookState(None, "", 0, None, (), ())
        self._loads = Generation()
        self.dialog: Any = None
        self.title = TitleLabel(QCoreApplication.translate("AccountsPage", "会計"), self)
        self.year = FiscalYearChoice(ctx.today(), parent=self)  # a child from the start: Tab reaches it first
        self.year.setObjectName("fiscalYear")
        self.year.setAccessibleName(self.tr("年度"))
        self.state = QLabel("", self)
        self.state.setObjectName("bookState")
        self.state.setFont(bold_font())
        self.balances = MutedLabel("", self)
        self.balances.setObjectName("balances")
        self.balances.setWordWrap(True)  # at 特大 the balances and the last count take two lines
        self.count_button = self._button(
            self.tr("現金の実査…"), lambda: self.count_cash(), "cashCountButton", edits=True
        )
        self.close_button = self._button(
            self.tr("決算確定…"), lambda: self.close_year(), "closeYearButton", edits=True
        )
        self.revise_button = self._button(
            self.tr("決算の修正…"), lambda: self.revise_year(), "reviseYearButton", edits=True
        )
        self.revise_button.hide()
        self.print_button = self._button(
            self.tr("印刷…"), lambda: self.print_papers(), "printButton", edits=False
        )
        add_print_action(self, self.print_button)
        self.notice = MessageLine("warning", self)
        self.create_button = QPushButton(self.tr("この年度の帳簿を作る"), self)
        self.create_button.setObjectName("createBookButton")
        self.create_button.clicked.connect(self.create_book)
        edit_guard.mark_edit(self.create_button)

        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.year)
        top.addSpacing(8)
        top.addWidget(self.state)
        top.addStretch(1)
        for b in (self.count_button, self.close_button, self.revise_button, self.print_button):
            top.addWidget(b)
        status = QHBoxLayout()
        status.addWidget(self.balances, 1)
        status.addWidget(self.create_button)

        self.tabs = QTabWidget(self)
        self.cashbook = CashbookList(ctx, self)
        self.budget = BudgetList(ctx, self)
        self.use = UseList(ctx, self)
        self.tabs.addTab(self.cashbook, self.tr("出納帳"))
        self.tabs.addTab(self.budget, self.tr("予算"))
        self.tabs.addTab(self.use, self.tr("集計（予算と執行）"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 0)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.tabs.currentChanged.connect(lambda _i: self._current_list().on_shown())
        ctx.districtChanged.connect(self._district_changed)
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def _button(self, text: str, slot: Any, name: str, *, edits: bool) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        if edits:
            edit_guard.mark_edit(button)
        return button

    def _current_list(self) -> ListPage:
        current = self.tabs.currentWidget()
        assert isinstance(current, ListPage)
        return current

    def _district_changed(self, _district_id: object) -> None:
        self.reload()

    def _data_changed(self, area: str) -> None:
        if area in (Area.ACCOUNTS, Area.DISTRICTS, Area.GRANTS):
            self.reload()

    # --- the book --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Find the chosen council's book of the chosen 年度 with its balances and 実査 on the database worker,
        then show its state and reload the tabs (each on the worker too)."""
        district_id, year, db = self.ctx.district_id, self.year.value(), self.ctx.db

        def load() -> BookState:
            name = district_name(db, district_id)
            book = accounts.find_book(db, district_id, year) if district_id is not None else None
            if book is None:
                return BookState(district_id, name, year, None, (), ())
            return BookState(
                district_id,
                name,
                year,
                book,
                tuple(accounts.balances(db, book.id)),
                tuple(accounts.list_cash_counts(db, book.id)),
            )

        QueryOp(load, parent=self).latest(self._loads).success(self._show_book).run()

    def _show_book(self, state: BookState) -> None:
        self.loaded = state
        self.book = state.book
        self.notice.clear()
        self.create_button.hide()
        if state.district_id is None:
            self.notice.show_message(
                self.tr("会計は協議会ごとです。上の学区の切り替えで学区を選んでください。")
            )
        elif state.book is None:
            self.notice.show_message(
                self.tr("{year}の帳簿はまだありません。作ると、前年度の繰越金と科目を引き継ぎます。").format(
                    year=fiscal_year_text(state.year)
                )
            )
            self.create_button.setVisible(state.year <= fiscal_year(self.ctx.today()) + 1)
        self._show_state()
        for page in (self.cashbook, self.budget, self.use):
            page.reload()

    def _show_state(self) -> None:
        book = self.book
        self.count_button.setEnabled(book is not None and not book.is_closed)
        self.close_button.setEnabled(book is not None and not book.is_closed)
        closed = book is not None and book.is_closed
        self.close_button.setVisible(not closed)
        self.revise_button.setVisible(closed)
        self.print_button.setEnabled(book is not None)
        if book is None:
            self.state.clear()
            self.balances.clear()
            return
        if book.is_closed:
            state = self.tr("決算確定（{day}）").format(day=wareki(book.closed_on))
            if book.revisions:
                revision = book.revisions[-1]
                state += self.tr("・第{n}号修正（{day}）").format(
                    n=revision.number, day=wareki(revision.made_on)
                )
            self.state.setText(state)
            self.notice.show_message(
                self.tr(
                    "この年度は決算が確定しています。見ることと印刷はできます。直すときは「決算の修正…」で理由とともに記録します。"
                )
            )
        else:
            self.state.setText(self.tr("執行中"))
        parts = [
            self.tr("{account}残高 {amount}").format(
                account=enum_label(b.account), amount=format_yen(b.closing)
            )
            for b in self.loaded.balances
        ]
        counts = self.loaded.counts
        if counts:
            last = max(
                counts, key=lambda c: (c.counted_on, c.id)
            )  # the latest count, whatever the list's order
            parts.append(
                self.tr("最後の実査 {day} {account} 差異 {diff}").format(
                    day=wareki(last.counted_on),
                    account=enum_label(last.account),
                    diff=format_yen(last.difference),
                )
            )
        self.balances.setText("　".join(parts))

    def explain_closed(self) -> None:
        if self.book is None:
            return
        self.notice.show_message(self.tr("この年度は決算が確定しているため、記帳も予算の変更もできません。"))

    def create_book(self) -> None:
        district_id, year, db = self.ctx.district_id, self.year.value(), self.ctx.db
        if district_id is None:
            return

        def make() -> BookDTO:
            accounts.ensure_starter_subjects(db, district_id)
            return accounts.open_book(db, district_id, year)

        QueryOp(make, parent=self).success(lambda _b: self.ctx.notify(Area.ACCOUNTS)).failure(
            lambda exc: show_error(self, exc, title=self.tr("帳簿を作れませんでした"))
        ).run()

    # --- actions ---------------------------------------------------------------------------------
    def count_cash(self) -> CashCountDialog | None:
        if self.book is None:
            return None
        self.dialog = CashCountDialog(self.ctx, self.book, self)
        self.dialog.saved.connect(lambda _c: self.ctx.notify(Area.ACCOUNTS))
        self.dialog.open()
        return self.dialog

    def close_year(self) -> None:
        """決算確定, after a question that names the year and the 次年度繰越金 it carries over."""
        book = self.book
        if book is None:
            return
        total = sum(b.closing for b in self.loaded.balances)  # as shown at the top
        if not confirm(
            self,
            self.tr("決算確定"),
            self.tr(
                "{council}の{year}の決算を確定しますか？\n"
                "確定すると、この年度の記帳・予算は変えられなくなります（後の修正は理由つきの「決算の修正」になります）。\n"
                "次年度繰越金 {amount} を、翌年度の前年度繰越金にします。"
            ).format(
                council=book.council_name or book.district_name,
                year=book.fiscal_year_label,
                amount=format_yen(total),
            ),
            self.tr("決算を確定する"),
        ):
            return
        db, book_id, today, version = self.ctx.db, book.id, self.ctx.today(), book.version
        QueryOp(lambda: accounts.close_year(db, book_id, today, version), parent=self).success(
            lambda _b: self.ctx.notify(Area.ACCOUNTS)
        ).failure(lambda exc: show_error(self, exc, title=self.tr("決算を確定できませんでした"))).run()

    def revise_year(self) -> None:
        """決算の修正 of the closed year (numbered, with its reason; the original kept)."""
        from sakae_council.gui.dialogs.account_closing import open_revision_editor

        if self.book is None or not self.book.is_closed:
            return

        def show(dialog: Any) -> None:
            self.dialog = dialog
            dialog.saved.connect(lambda _b: self.ctx.notify(Area.ACCOUNTS))
            dialog.open()

        open_revision_editor(self.ctx, self.book.id, self, show)

    def print_papers(self, *, document: str | None = None) -> None:
        """The print window on the paper of the tab in front (出納帳, 予算書, 決算書), opened once the councils
        and grants it offers are read on the database worker."""
        from sakae_council.gui.dialogs.accounts_print import open_accounts_print

        if self.book is None:
            return
        chosen = document or {0: "cashbook", 1: "budget", 2: "settlement"}.get(
            self.tabs.currentIndex(), "settlement"
        )

        def show(dialog: Any) -> None:
            self.dialog = dialog
            dialog.open()

        open_accounts_print(
            self.ctx, self.book.district_id, self.book.fiscal_year, self, show, document=chosen
        )

    def on_shown(self) -> None:
        """Brought to the front: the books as they are now (another user may have entered some)."""
        self.reload()


def create_page(ctx: AppContext) -> QWidget:
    return AccountsPage(ctx)
