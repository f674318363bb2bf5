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
from reportlab.platypus import Flowable, PageBreak, Spacer, Table

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
    TableByPages,
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


class _Row(list[Any]):
    """A made row of the 出納帳, and whether it is a month's total (shaded) or the year's (ruled twice)."""

    kind = "line"


def _account_rows(a: CashbookAccount) -> list[tuple[Any, ...]]:
    """What each row of the account's table shows, in order, before any of it is made into cells: the
    carry-over, the lines with each month's total after its last line, and the year's total."""
    out: list[tuple[Any, ...]] = [("opening",)]
    month: tuple[int, int] | None = None
    month_in = month_out = 0
    for x in a.lines:
        key = (x.on.year, x.on.month)
        if month is not None and key != month:
            out.append(("month", month[1], month_in, month_out))
            month_in = month_out = 0
        month = key
        month_in += x.income
        month_out += x.expense
        out.append(("line", x))
    if month is not None:
        out.append(("month", month[1], month_in, month_out))
    out.append(("year", sum(x.income for x in a.lines), sum(x.expense for x in a.lines)))
    return out


def _row(a: CashbookAccount, what: tuple[Any, ...]) -> _Row:
    st = styles()
    num = amount_style()
    row = _Row()
    row.kind = what[0]
    if what[0] == "opening":
        row += [
            "",
            "",
            para("前年度繰越", st.cell),
            para("前年度からの繰越金", st.cell),
            "",
            "",
            para(yen(a.opening), num),
        ]
    elif what[0] == "month":
        _kind, month, income, expense = what
        row += [
            "",
            "",
            para(f"{month}月計", st.cell_head),
            "",
            para(yen(income), num),
            para(yen(expense), num),
            "",
        ]
    elif what[0] == "year":
        _kind, income, expense = what
        row += [
            "",
            "",
            para("年度合計", st.cell_head),
            para("残高は次年度への繰越", st.cell),
            para(yen(income), num),
            para(yen(expense), num),
            para(yen(a.closing), num),
        ]
    else:
        x = what[1]
        row += [
            para(f"{x.on.month}月{x.on.day}日", st.cell),
            para(x.voucher, st.cell_center),
            para(x.subject, st.cell),
            _description_cell(x),
            para(yen(x.income) if x.income else "", num),
            para(yen(x.expense) if x.expense else "", num),
            para(yen(x.balance), num),
        ]
    return row


def _account_table(a: CashbookAccount) -> list[Flowable]:
    """The account's lines as a ruled table made a page at a time (:class:`TableByPages`: a district's year
    at stress is thousands of lines), the header row on every page."""
    st = styles()
    width = content_width()
    widths = [19 * mm, 13 * mm, 22 * mm, 0.0, 18 * mm, 18 * mm, 22 * mm]
    widths[3] = width - sum(widths)
    heads = ["月日", "証憑\n番号", "科目", "摘要（相手先）", "収入", "支出", "残高"]
    header = [para(h, st.cell_head) for h in heads]
    plan = _account_rows(a)

    def table(rows: list[list[Any]]) -> Table:
        kinds = [getattr(r, "kind", "line") for r in rows]
        made = amount_table(
            [header, *rows],
            widths,
            total_rows=[i + 1 for i, k in enumerate(kinds) if k == "year"],
            compact=True,
        )
        made.setStyle(
            [("BACKGROUND", (0, i + 1), (-1, i + 1), HEAD_FILL) for i, k in enumerate(kinds) if k == "month"]
        )
        return made

    return [TableByPages(lambda start, stop: [_row(a, what) for what in plan[start:stop]], len(plan), table)]


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
