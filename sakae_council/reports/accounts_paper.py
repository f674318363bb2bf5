"""What the council's account papers share: whose books and which 年度, amounts as a treasurer writes them,
the page decoration, and the check for characters no font can print.

The papers themselves: 収支予算書 / 収支決算書 (:mod:`.accounts_statement`), 出納帳
(:mod:`.accounts_cashbook`), 監査報告書 (:mod:`.accounts_audit`), a grant's 収支精算書
(:mod:`.accounts_grant`). Each draws a frozen document of plain text and whole yen, read through the
services beforehand by :mod:`.accounts_collect`, so drawing touches no database and may run off the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range, to_wareki
from sakae_council.reports.fonts import GOTHIC, MINCHO, unprintable_characters
from sakae_council.reports.style import HEAD_FILL, PageDecor, grid_table, para, styles

#: The mark of a 年度 whose 決算 is not yet 確定 (figures may still change).
OPEN_MARK = "未確定"


@dataclass(frozen=True)
class BookOwner:
    """Whose books and which year: the council (its 学区) and the 年度 (April–March)."""

    district_name: str
    council_name: str
    fiscal_year: int

    @property
    def council(self) -> str:
        """The council's name as printed (「安食小学校区まちづくり協議会」 when none was registered)."""
        return self.council_name or f"{self.district_name}まちづくり協議会"

    @property
    def year_label(self) -> str:
        return fiscal_year_label(self.fiscal_year)

    @property
    def period_text(self) -> str:
        """自 令和8年4月1日　至 令和9年3月31日."""
        first, last = fiscal_year_range(self.fiscal_year)
        return f"自 {to_wareki(first)}　至 {to_wareki(last)}"


def yen(n: int | None) -> str:
    """An amount as printed in a column headed （単位：円）: 12,000; a negative one △1,000; None blank."""
    if n is None:
        return ""
    return f"△{abs(n):,}" if n < 0 else f"{n:,}"


def yen_sign(n: int) -> str:
    """An amount standing alone in a sentence: ¥12,000 (negative: △¥1,000)."""
    return f"△¥{abs(n):,}" if n < 0 else f"¥{n:,}"


def decor(
    owner: BookOwner, document: str, printed_on: date, *, watermark: str = "", note: str = ""
) -> PageDecor:
    """Header: the paper, the council and 年度, the date; footer: the same identity above 「n / N」, so a
    loose page of one council's 出納帳 is never taken for another's."""
    return PageDecor(
        header_left=document,
        header_context=f"{owner.council}　{owner.year_label}",
        header_right=to_wareki(printed_on),
        footer_left=f"{owner.council}　{owner.year_label}　{document}",
        footer_right=note,
        watermark=watermark,
    )


def title_block(owner: BookOwner, document: str, *, suffix: str = "") -> list[Flowable]:
    """令和8年度 / 収支決算書 / the council — centred at the top of the first page."""
    st = styles()
    return [
        para(owner.year_label, st.subtitle),
        para(document + suffix, st.title),
        para(owner.council, st.subtitle),
        Spacer(1, 4 * mm),
    ]


def amount_style() -> ParagraphStyle:
    """Figures right-aligned in ゴシック (tables of amounts)."""
    st = styles()
    return ParagraphStyle("amount", parent=st.right, fontName=GOTHIC)


def amount_table(
    rows: list[list[Any]], widths: Sequence[float], *, total_rows: Iterable[int] = (), compact: bool = False
) -> Table:
    """A ruled table of amounts: header shaded; total rows shaded and ruled twice above (as in a ledger).

    ``compact`` rows (one line each, as a 決算書's 科目 are) have less padding, so the starter set of 科目
    and the balance line fit one page."""
    extra: list[tuple[Any, ...]] = [("VALIGN", (0, 1), (-1, -1), "TOP")]
    if compact:
        extra += [("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
    for r in total_rows:
        extra += [("BACKGROUND", (0, r), (-1, r), HEAD_FILL), ("LINEABOVE", (0, r), (-1, r), 1.2, "#000000")]
    return grid_table(rows, widths, extra=extra)


def signature_table(
    rows: list[list[Any]],
    col_widths: Sequence[float],
    row_heights: Sequence[float | None],
    *,
    line: tuple[tuple[int, int], tuple[int, int]],
    extra: Iterable[tuple[Any, ...]] = (),
) -> Table:
    """Rows of 役職 / name / 印 at the right of the page, the cells ``line`` (start, end) ruled below to sign on."""
    table = Table(rows, colWidths=list(col_widths), rowHeights=list(row_heights), hAlign="RIGHT")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LINEBELOW", line[0], line[1], 0.6, colors.black),
                *extra,
            ]
        )
    )
    return table


def unit_line() -> Flowable:
    """（単位：円） at the right, above a table of amounts."""
    return para("（単位：円）", styles().right)


def missing_characters(texts: Iterable[str]) -> list[str]:
    """Characters in ``texts`` that no font (main or fallback) in either family can print."""
    texts = [t for t in texts if t]
    found = dict.fromkeys(unprintable_characters(texts, MINCHO))
    found.update(dict.fromkeys(unprintable_characters(texts, GOTHIC)))
    return list(found)
