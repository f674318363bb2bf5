"""会計: the 出納帳 (entries with their running balance), the budget per 科目, and 予算 vs 執行."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from sakae_council.domain.money import format_yen
from sakae_council.gui.formatting import wareki
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.services.accounts import BudgetUseRow, EntryDTO


def tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("Accounts", text, None, n)


def _amount(n: int) -> str:
    return format_yen(n) if n else ""


def entry_state(e: EntryDTO) -> str:
    """訂正 / 訂正済み / 確認済み / "" — in words, beside the colour."""
    if e.is_correction:
        return tr("訂正（No.{n}を取消）").format(n=e.cancels_voucher_no)
    if e.cancelled_by_voucher_no is not None:
        return tr("No.{n}で訂正済み").format(n=e.cancelled_by_voucher_no)
    if e.locked:
        return tr("確認済み")
    return ""


def _signed(e: EntryDTO, n: int) -> str:
    """A 訂正 counts negatively: shown with a minus so the running balance reads right."""
    if not n:
        return ""
    return format_yen(-n) if e.is_correction else format_yen(n)


#: The 摘要 column of :class:`EntriesModel` (the page cuts it to the room the other columns leave).
ENTRY_DESCRIPTION_COLUMN = 6


class EntriesModel(DtoTableModel[EntryDTO]):
    """No. (証憑番号), 日付, 科目, 収入, 支出, 残高 (「現金 ¥40,880」), 摘要, 相手先, 状態 — the amounts before the free text,
    so a long 摘要 never pushes them out of sight."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(
                    # 「No.」 as in 「No.12で訂正済み」: 「証憑番号」 was four characters wide over three digits, the room
                    # the 残高's 現金/預金 needs at 特大 (the number is the 証憑番号, its tooltip says so)
                    tr("No."),
                    lambda e: str(e.voucher_no),
                    tooltip=lambda e: tr("証憑番号 {n}").format(n=e.voucher_no),
                    align_right=True,
                    sort_value=lambda e: e.voucher_no,
                ),
                Column(
                    tr("日付"),
                    # 月日, as a paper 出納帳 writes it: the book is one 年度's (chosen above the list), and
                    # the year's four characters are the room the 残高's 現金/預金 needs at 特大
                    lambda e: tr("{month}月{day}日").format(month=e.entry_date.month, day=e.entry_date.day),
                    tooltip=lambda e: wareki(e.entry_date),
                    sort_value=lambda e: (e.entry_date, e.voucher_no),
                    priority=0,  # never hidden: a cash book's line without its day (gone at 特大) says little
                ),
                Column(
                    tr("科目"), lambda e: e.subject_name, sort_value=lambda e: (e.subject_name, e.voucher_no)
                ),
                # the amounts and the balance are never hidden for room (a cash book without them says nothing)
                Column(tr("収入"), lambda e: _signed(e, e.income), align_right=True, priority=0),
                Column(tr("支出"), lambda e: _signed(e, e.expense), align_right=True, priority=0),
                # Each line's balance is its account's: 現金 and 預金 lines alternate in one list, so the
                # balance says whose it is (a 現金・預金 column of its own was the first hidden at 特大).
                Column(
                    tr("残高"),
                    lambda e: f"{enum_label(e.account)} {format_yen(e.balance)}",
                    tooltip=lambda e: tr("{account}の残高").format(account=enum_label(e.account)),
                    align_right=True,
                    priority=0,
                ),
                Column(
                    tr("摘要"),
                    lambda e: e.description,
                    tooltip=lambda e: "\n".join(
                        t for t in (e.description, e.counterparty, e.overspend_reason, e.notes) if t
                    ),
                    priority=0,  # never hidden: without it a row says nothing
                ),
                Column(tr("相手先"), lambda e: e.counterparty, priority=2),
                Column(
                    tr("状態"),
                    entry_state,
                    status=lambda e: "correction" if e.is_correction or e.cancelled_by_voucher_no else None,
                    priority=3,
                ),
            ],
            parent,
        )


def _rate(r: BudgetUseRow) -> str:
    return f"{r.executed * 100 // r.budget}%" if r.budget else ""


class BudgetUseModel(DtoTableModel[BudgetUseRow]):
    """科目, 当初予算額, 予算現額, 執行額, 残額, 執行率 — a 科目 spent past its budget says 予算超過."""

    def __init__(self, parent: QObject | None = None) -> None:
        over = lambda r: "overspent" if r.over else None  # noqa: E731
        super().__init__(
            [
                Column(
                    tr("科目"), lambda r: ("　" if r.is_detail else "") + f"{enum_label(r.kind)}：{r.label}"
                ),
                Column(tr("当初予算額"), lambda r: format_yen(r.original), align_right=True, priority=2),
                Column(tr("予算現額"), lambda r: format_yen(r.budget), align_right=True),
                Column(tr("執行額"), lambda r: format_yen(r.executed), align_right=True),
                Column(tr("残額"), lambda r: format_yen(r.remaining), align_right=True, status=over),
                Column(tr("執行率"), _rate, align_right=True, priority=2),
                Column(tr("状態"), lambda r: tr("予算超過") if r.over else "", status=over),
            ],
            parent,
        )
