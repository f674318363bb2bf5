"""The 会計 page's smaller editors: 訂正 of a checked entry, 月次確認 of a month, and 現金・預金の実査.

Each is an EntityDialog (保存 / キャンセル / Esc / ×, Ctrl+S, errors under their field) that reads and saves on
the database worker.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from sakae_council.domain.accounts import CashAccount
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import era_year, fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_entry import entry_day
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
from sakae_council.services import accounts
from sakae_council.services.accounts import BookDTO, CashCountInput, EntryDTO


def _required_date(edit: WarekiDateEdit, field: str, label: str) -> date:
    value = edit.value()
    if value is None:
        raise ValidationError(field, label)
    return value


class CorrectionDialog(EntityDialog):
    """訂正: a new entry that cancels ``entry`` (kept, marked 訂正済み), with the date and the reason."""

    def __init__(
        self, ctx: AppContext, book: BookDTO, entry: EntryDTO, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("訂正（No.{n}）").format(n=entry.voucher_no), parent)
        self.ctx, self.entry = ctx, entry
        amount = format_yen(entry.income or entry.expense)
        about = MutedLabel(
            self.tr(
                "No.{n}　{day}　{subject}　{text}　{amount}\nこの記帳を取り消す訂正の記帳を加えます。元の記帳は残ります。"
            ).format(
                n=entry.voucher_no,
                day=wareki(entry.entry_date),
                subject=entry.subject_name,
                text=entry.description,
                amount=amount,
            )
        )
        about.setWordWrap(True)
        self.form.add_widget(about)
        self.date = WarekiDateEdit("on")
        self.date.set_value(entry_day(book, ctx.today()))
        self.reason = NoteEdit(2)
        self.form.add_field("on", self.tr("訂正の日付"), self.date, required=True)
        self.form.add_field("reason", self.tr("訂正の理由"), self.reason, required=True)
        self.fit_to_screen(34)

    def save_request(self) -> SaveRequest:
        on = _required_date(self.date, "on", self.tr("訂正の日付を入力してください。"))
        reason = self.reason.text()
        if not reason.strip():
            raise ValidationError("reason", self.tr("訂正の理由を書いてください（例: 金額の誤り）。"))
        db, entry_id = self.ctx.db, self.entry.id
        return SaveRequest(lambda _v: accounts.cancel_entry(db, entry_id, on, reason))


def month_text(month: date) -> str:
    """令和8年4月."""
    era, year = era_year(month)
    return f"{era}{'元' if year == 1 else year}年{month.month}月"


def month_choices(book: BookDTO, today: date) -> list[tuple[str, date]]:
    """The book's months up to today (or the whole year once past) not yet checked, oldest first."""
    first, last = fiscal_year_range(book.fiscal_year)
    checked = {m.month_start for m in book.checked_months}
    out = []
    month = first
    while month <= min(last, today):
        if month not in checked:
            out.append((month_text(month), month))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return out


class MonthCheckDialog(EntityDialog):
    """月次確認: the chosen month's entries can no longer be changed or deleted — only 訂正."""

    def __init__(self, ctx: AppContext, book: BookDTO, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("月次確認"), parent)
        self.ctx, self.book = ctx, book
        self.month = ChoiceCombo(month_choices(book, ctx.today()))
        self.month.setObjectName("monthChoice")
        self.form.add_field(
            "month_start",
            self.tr("確認する月"),
            self.month,
            hint=self.tr("確認した月の記帳は、削除も修正もできなくなります。誤りは「訂正」で直します。"),
        )
        self.save_button.setText(self.tr("確認済みにする"))
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        month = self.month.value()
        if month is None:
            raise ValidationError("month_start", self.tr("確認していない月はありません。"))
        db, book_id, today = self.ctx.db, self.book.id, self.ctx.today()
        return SaveRequest(lambda _v: accounts.check_month(db, book_id, month, today))


class CashCountDialog(EntityDialog):
    """現金・預金の実査: what was counted against the book's balance that day; a 差異 needs an explanation."""

    def __init__(self, ctx: AppContext, book: BookDTO, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("現金・預金の実査"), parent)
        self.ctx, self.book = ctx, book
        self.date = WarekiDateEdit("counted_on")
        self.date.set_value(entry_day(book, ctx.today()))
        self.account = ChoiceCombo(enum_choices(CashAccount))
        self.counted = YenEdit("counted")
        self.book_balance = QLabel("")
        self.book_balance.setObjectName("bookBalance")
        self.difference = MessageLine("warning")
        self.difference.setObjectName("difference")
        self.explanation = NoteEdit(2)
        f = self.form
        f.add_field("counted_on", self.tr("実査の日"), self.date, required=True)
        f.add_field("account", self.tr("現金・預金"), self.account)
        f.add_field("book_balance", self.tr("帳簿の残高"), self.book_balance)
        f.add_field(
            "counted",
            self.tr("数えた額（円）"),
            self.counted,
            required=True,
            hint=self.tr("金庫の現金、または通帳の残高を入力します。"),
        )
        f.add_widget(self.difference)
        f.add_field(
            "explanation",
            self.tr("差異の説明"),
            self.explanation,
            hint=self.tr("差異があるときは、わけを書いてください（例: 切手代の領収書待ち）。"),
        )
        self._balance: int | None = None
        self._asked: tuple[object, object] = ("", "")  # the day and account the balance shown is for
        self._balances = Generation()
        for signal in (self.date.editingFinished, self.account.currentIndexChanged):
            signal.connect(lambda *_a: self.load_balance())
        self.counted.textChanged.connect(lambda *_a: self.show_difference())
        self.load_balance()
        self.fit_to_screen(34)

    def load_balance(self) -> None:
        """The book's balance of the chosen account on the chosen day, read on the database worker."""
        try:
            on = self.date.value()
        except ValidationError:
            on = None
        account = self.account.value()
        if (on, account) == self._asked:
            return  # the field was left unchanged: the balance shown is still the one
        self._asked = (on, account)
        if on is None:
            self._balance = None
            self.show_difference()
            return
        db, book_id = self.ctx.db, self.book.id

        def load() -> int | None:
            for b in accounts.balances(db, book_id, as_of=on):
                if b.account is account:
                    return b.closing
            return None

        QueryOp(load, parent=self).latest(self._balances).success(self._got_balance).run()

    def _got_balance(self, balance: int | None) -> None:
        self._balance = balance
        self.show_difference()

    def balance(self) -> int | None:
        """The balance last read for the chosen account and day (None while the date is unreadable)."""
        return self._balance

    def show_difference(self) -> None:
        balance = self.balance()
        self.book_balance.setText(
            format_yen(balance) if balance is not None else self.tr("（日付を入力すると表示します）")
        )
        try:
            counted = self.counted.value()
        except ValidationError:
            counted = None
        if balance is None or counted is None:
            self.difference.clear()
        elif counted == balance:
            self.difference.show_message(self.tr("差異 ¥0 — 帳簿と一致しています。"))
        else:
            self.difference.show_message(
                self.tr(
                    "差異 {diff}（数えた額 − 帳簿の残高）。わけを「差異の説明」に書いてください。"
                ).format(diff=format_yen(counted - balance))
            )

    def save_request(self) -> SaveRequest:
        on = _required_date(self.date, "counted_on", self.tr("実査の日を入力してください。"))
        counted = self.counted.value()
        if counted is None:
            raise ValidationError("counted", self.tr("数えた額を入力してください。"))
        data = CashCountInput(
            counted_on=on, account=self.account.value(), counted=counted, explanation=self.explanation.text()
        )
        db, book_id = self.ctx.db, self.book.id
        return SaveRequest(lambda _v: accounts.record_cash_count(db, book_id, data))


class TransferDialog(EntityDialog):
    """振替: money moved between 現金 and 預金 (引き出し・預け入れ) — two entries without a 科目."""

    def __init__(self, ctx: AppContext, book: BookDTO, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("振替（現金と預金のあいだ）"), parent)
        self.ctx, self.book = ctx, book
        self.date = WarekiDateEdit("on")
        self.date.set_value(entry_day(book, ctx.today()))
        self.direction = ChoiceCombo(
            [
                (self.tr("預金から引き出して現金に"), CashAccount.BANK),
                (self.tr("現金を預金に預け入れ"), CashAccount.CASH),
            ]
        )
        self.amount = YenEdit("amount")
        self.description = QLineEdit()
        self.description.setPlaceholderText(self.tr("例: 小口現金の引き出し"))
        f = self.form
        f.add_field("on", self.tr("日付"), self.date, required=True)
        f.add_field("from_account", self.tr("向き"), self.direction)
        f.add_field("amount", self.tr("金額（円）"), self.amount, required=True)
        f.add_field("description", self.tr("摘要"), self.description)
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        on = _required_date(self.date, "on", self.tr("日付を入力してください。"))
        amount = self.amount.value()
        if amount is None:
            raise ValidationError("amount", self.tr("金額を入力してください。"))
        db, book_id, direction, text = (
            self.ctx.db,
            self.book.id,
            self.direction.value(),
            self.description.text(),
        )
        return SaveRequest(lambda _v: accounts.add_transfer(db, book_id, on, direction, amount, text))
