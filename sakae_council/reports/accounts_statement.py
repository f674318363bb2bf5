"""収支予算書 and 収支決算書: a council's income and expense per 科目 for one 年度, as its 総会 sees them.

    令和8年度 / 収支決算書 / 安食小学校区まちづくり協議会
    収入の部                                           （単位：円）
    科目 | 予算額 | 決算額 | 増減 | 備考
    …    収入合計
    支出の部 … 支出合計
    収入合計 ¥… − 支出合計 ¥… ＝ 次年度繰越金 ¥…

The 予算書 compares this year's budget with last year's (増減 = 本年度 − 前年度); the 決算書 compares the
決算額 with the budget (増減 = 決算額 − 予算額, negative as △). 細目 are indented under their 科目 and are
not counted again in the totals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from sakae_council.domain.wareki import to_wareki
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
    yen_sign,
)
from sakae_council.reports.fonts import markup
from sakae_council.reports.style import (
    build_pdf,
    content_width,
    para,
    para_markup,
    plain_table,
    styles,
    table_heading,
)

BUDGET = "収支予算書"
SETTLEMENT = "収支決算書"


@dataclass(frozen=True)
class StatementLine:
    """One 科目 (or, indented, one 細目) with its two figures and a 備考."""

    subject: str
    #: 決算書: the 予算額 (after 補正); 予算書: 前年度予算額 (None when there was no such 科目).
    planned: int | None
    #: 決算書: the 決算額; 予算書: 本年度予算額.
    actual: int
    note: str = ""
    #: A 細目 under the 科目 above it: indented, and not added to the totals again.
    detail: bool = False

    @property
    def difference(self) -> int | None:
        return None if self.planned is None else self.actual - self.planned


@dataclass(frozen=True)
class Statement:
    """A 収支予算書 (``settlement=False``) or 収支決算書 of one council and 年度."""

    owner: BookOwner
    settlement: bool
    income: tuple[StatementLine, ...]
    expense: tuple[StatementLine, ...]
    printed_on: date
    #: The 年度 is closed (決算確定): otherwise the 決算書 is marked 未確定.
    closed: bool = False
    #: 「第1次補正後」 under the title of a revised budget.
    revision_label: str = ""
    #: Where the 次年度繰越金 is held: (現金, 1,234), (預金, 56,789) — printed under the 決算書's balance.
    holdings: tuple[tuple[str, int], ...] = field(default=())

    @property
    def document(self) -> str:
        return SETTLEMENT if self.settlement else BUDGET

    @property
    def income_total(self) -> int:
        return sum(line.actual for line in self.income if not line.detail)

    @property
    def expense_total(self) -> int:
        return sum(line.actual for line in self.expense if not line.detail)

    @property
    def balance(self) -> int:
        """収入合計 − 支出合計: the 次年度繰越金 of a 決算書."""
        return self.income_total - self.expense_total

    def _planned_total(self, lines: tuple[StatementLine, ...]) -> int | None:
        """The sum of the planned column, None when no 科目 has a planned figure (a first budget)."""
        top = [line.planned for line in lines if not line.detail and line.planned is not None]
        return sum(top) if top else None

    def texts(self) -> list[str]:
        """Every piece of user text printed (for the missing-glyph check)."""
        out = [self.owner.council, self.owner.district_name, self.revision_label]
        for line in (*self.income, *self.expense):
            out += [line.subject, line.note]
        out += [label for label, _ in self.holdings]
        return out

    def unprintable(self) -> list[str]:
        return missing_characters(self.texts())


def _headers(s: Statement) -> list[str]:
    if s.settlement:
        return ["科目", "予算額", "決算額", "増減", "備考"]
    return ["科目", "本年度予算額", "前年度予算額", "増減", "備考"]


def _part(s: Statement, title: str, lines: tuple[StatementLine, ...], total_label: str) -> list[Flowable]:
    st = styles()
    num = amount_style()
    width = content_width()
    widths = [width * 0.25, width * 0.17, width * 0.17, width * 0.14, 0.0]
    widths[4] = width - sum(widths)
    rows: list[list[Any]] = [[para(h, st.cell_head) for h in _headers(s)]]
    for line in lines:
        subject = para(("　" + line.subject) if line.detail else line.subject, st.cell)
        first, second = (line.planned, line.actual) if s.settlement else (line.actual, line.planned)
        diff = line.difference
        rows.append(
            [
                subject,
                para(yen(first), num),
                para(yen(second), num),
                para(yen(diff), num),
                para(line.note, st.cell),
            ]
        )
    planned = s._planned_total(lines)
    actual = sum(line.actual for line in lines if not line.detail)
    first_t, second_t = (planned, actual) if s.settlement else (actual, planned)
    total_diff = None if planned is None else actual - planned
    bold = st.cell_head
    rows.append(
        [
            para(total_label, bold),
            para(yen(first_t), num),
            para(yen(second_t), num),
            para(yen(total_diff), num),
            "",
        ]
    )
    table = amount_table(rows, widths, total_rows=[len(rows) - 1], compact=True)
    return [*table_heading(title, st.heading), table]


def _balance(s: Statement) -> list[Flowable]:
    """収入合計 − 支出合計 ＝ 次年度繰越金 (決算書) or the 収支差額 of a budget, in one line that adds up."""
    st = styles()
    font = st.body_gothic.fontName
    label = "次年度繰越金" if s.settlement else "収支差額"
    text = f"収入合計 {yen_sign(s.income_total)}　−　支出合計 {yen_sign(s.expense_total)}　＝　{label} {yen_sign(s.balance)}"
    line = plain_table(
        [[para_markup(markup(text, font), st.body_gothic)]],
        [content_width()],
        extra=[
            ("BOX", (0, 0), (-1, -1), 0.8, "#000000"),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
    )
    out: list[Flowable] = [Spacer(1, 5 * mm), line]
    if s.settlement and s.holdings:
        parts = "　".join(f"{label} {yen_sign(amount)}" for label, amount in s.holdings)
        out.append(para(f"（次年度繰越金の内訳）{parts}", st.body_gothic))
    return [KeepTogether(out)]


def render_statement(s: Statement, output: str | Path) -> Path:
    """Write the 収支予算書 or 収支決算書 ``s`` as an A4 PDF; returns the path."""
    st = styles()
    suffix = f"（{s.revision_label}）" if s.revision_label else ""
    story: list[Flowable] = title_block(s.owner, s.document, suffix=suffix)
    story.append(para(s.owner.period_text, st.subtitle))
    if s.settlement and not s.closed:
        story.append(
            para(
                f"【{OPEN_MARK}】決算は確定していません（{to_wareki(s.printed_on)}現在の数字です）", st.right
            )
        )
    story.append(unit_line())
    story += _part(s, "収入の部", s.income, "収入合計")
    story.append(Spacer(1, 3 * mm))
    story += _part(s, "支出の部", s.expense, "支出合計")
    story += _balance(s)
    open_settlement = s.settlement and not s.closed
    d = decor(
        s.owner,
        s.document,
        s.printed_on,
        watermark=OPEN_MARK if open_settlement else "",
        note=f"{OPEN_MARK}（{to_wareki(s.printed_on)}現在）" if open_settlement else "",
    )
    title = f"{s.owner.council} {s.owner.year_label} {s.document}"
    return build_pdf(output, story, title=title, subject=s.document, decor=d)
