"""出納帳: every entry of one 年度, per account (現金, 預金), in date order with the running balance.

    月日 | 証憑番号 | 科目 | 摘要（相手先） | 収入 | 支出 | 残高
    4月1日 |  | 前年度繰越金 | 前年度から繰り越し |  |  | 52,300
    …
    4月計 | | | | 120,000 | 43,500 |
    …
    合計 | | | | 1,234,000 | 1,180,000 | 次年度へ 106,300

Each account starts on a page of its own and names itself in the running header, so a page taken out
of the binder still says whose book it is. A month ends with its 月計; a 訂正 entry says which entry it
cancels.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from sakae_council.reports.accounts_paper import (
    OPEN_MARK,
    BookOwner,
    amount_style,
    amount_table,
    decor,
    missing_characters,
    title_block,
    unit_line,
    yen,
)
from sakae_council.reports.fonts import markup
from sakae_council.reports.style import (
    HEAD_FILL,
    RunningMark,
    build_pdf,
    content_width,
    para,
    para_markup,
    styles,
)

DOCUMENT = "出納帳"


@dataclass(frozen=True)
class CashbookLine:
    """One entry as printed, with the account's balance after it."""

    on: date
    voucher: str
    subject: str
    description: str
    counterparty: str
    income: int
    expense: int
    balance: int
    #: 「No.12 を訂正」, 「No.15 で訂正済み」: how this entry stands to a correction.
    note: str = ""


@dataclass(frozen=True)
class CashbookAccount:
    """One account's pages: 現金 or 預金 (with the bank's name when known)."""

    name: str
    opening: int
    lines: tuple[CashbookLine, ...]

    @property
    def closing(self) -> int:
        return self.opening + sum(x.income - x.expense for x in self.lines)


@dataclass(frozen=True)
class Cashbook:
    """The 出納帳 of one council and 年度."""

    owner: BookOwner
    accounts: tuple[CashbookAccount, ...]
    printed_on: date
    closed: bool = False

    def texts(self) -> list[str]:
        out = [self.owner.council, self.owner.district_name]
        for a in self.accounts:
            out.append(a.name)
            for x in a.lines:
                out += [x.subject, x.description, x.counterparty, x.note]
        return out

    def unprintable(self) -> list[str]:
        return missing_characters(self.texts())


def _description_cell(x: CashbookLine) -> Any:
    st = styles()
    font = st.cell.fontName
    text = markup(x.description, font)
    if x.counterparty:  # on the same line when it fits: a year of entries on fewer pages
        text += f"<font color='#444444'>{markup('（' + x.counterparty + '）', font)}</font>"
    if x.note:
        text += f"<br/><font color='#B71C1C'>{markup(x.note, font)}</font>"
    return para_markup(text, st.cell)


def _account_table(a: CashbookAccount) -> list[Flowable]:
    st = styles()
    num = amount_style()
    width = content_width()
    widths = [19 * mm, 13 * mm, 22 * mm, 0.0, 18 * mm, 18 * mm, 22 * mm]
    widths[3] = width - sum(widths)
    heads = ["月日", "証憑\n番号", "科目", "摘要（相手先）", "収入", "支出", "残高"]
    rows: list[list[Any]] = [[para(h, st.cell_head) for h in heads]]
    totals: list[int] = []
    rows.append(
        [
            "",
            "",
            para("前年度繰越", st.cell),
            para("前年度からの繰越金", st.cell),
            "",
            "",
            para(yen(a.opening), num),
        ]
    )
    month: tuple[int, int] | None = None
    month_in = month_out = 0

    def month_total() -> None:
        assert month is not None
        rows.append(
            [
                "",
                "",
                para(f"{month[1]}月計", st.cell_head),
                "",
                para(yen(month_in), num),
                para(yen(month_out), num),
                "",
            ]
        )
        totals.append(len(rows) - 1)

    for x in a.lines:
        key = (x.on.year, x.on.month)
        if month is not None and key != month:
            month_total()
            month_in = month_out = 0
        month = key
        month_in += x.income
        month_out += x.expense
        rows.append(
            [
                para(f"{x.on.month}月{x.on.day}日", st.cell),
                para(x.voucher, st.cell_center),
                para(x.subject, st.cell),
                _description_cell(x),
                para(yen(x.income) if x.income else "", num),
                para(yen(x.expense) if x.expense else "", num),
                para(yen(x.balance), num),
            ]
        )
    if month is not None:
        month_total()
    income = sum(x.income for x in a.lines)
    expense = sum(x.expense for x in a.lines)
    rows.append(
        [
            "",
            "",
            para("年度合計", st.cell_head),
            para("残高は次年度への繰越", st.cell),
            para(yen(income), num),
            para(yen(expense), num),
            para(yen(a.closing), num),
        ]
    )
    table = amount_table(rows, widths, total_rows=[len(rows) - 1], compact=True)
    table.setStyle([("BACKGROUND", (0, r), (-1, r), HEAD_FILL) for r in totals])
    return [table]


def _context(book: Cashbook, a: CashbookAccount) -> str:
    """The running header's 「安食小学校区まちづくり協議会　令和8年度　現金」: whose book, which account."""
    return f"{book.owner.council}　{book.owner.year_label}　{a.name}"


def render_cashbook(
    book: Cashbook, output: str | Path, *, progress: Callable[[int], None] | None = None
) -> Path:
    """Write the 出納帳 ``book`` as an A4 PDF, an account per section; returns the path."""
    st = styles()
    story: list[Flowable] = title_block(book.owner, DOCUMENT)
    story.append(para(book.owner.period_text, st.subtitle))
    if not book.accounts:
        story.append(para("この年度の記帳はまだありません。", st.body))
    for i, a in enumerate(book.accounts):
        if i:
            story.append(PageBreak())
        story += [RunningMark(_context(book, a)), para(f"{a.name}出納帳", st.heading), unit_line()]
        story += _account_table(a)
        story += [Spacer(1, 2 * mm), para(f"{a.name}の残高　{yen(a.closing)}円", st.right)]
        if progress is not None:
            progress(int((i + 1) * 100 / len(book.accounts)))
    mark = "" if book.closed else OPEN_MARK
    d = decor(book.owner, DOCUMENT, book.printed_on, note=f"{mark}（記帳途中）" if mark else "")
    if book.accounts:
        d = replace(d, header_context=_context(book, book.accounts[0]))
    return build_pdf(
        output,
        story,
        title=f"{book.owner.council} {book.owner.year_label} {DOCUMENT}",
        subject=DOCUMENT,
        decor=d,
    )
