"""収支精算書: one grant's settlement, made from the 出納帳 entries linked to it, for its 実績報告.

    令和8年度 / 公募制補助金 収支精算書 / 安食小学校区まちづくり協議会
    事業名 | 補助制度
    交付決定額 | 実績額 | 差額 | 返還額
    支出の内訳（科目ごと）
    証憑の一覧（月日 | 証憑番号 | 科目 | 摘要（相手先） | 金額）
    上記のとおり相違ありません。  date / 会長 name [印]

実績額 is what the linked entries spent (expense minus refunds); 差額 = 交付決定額 − 実績額; an
under-spent grant returns the 差額 (返還額), an over-spent one returns nothing (the council paid the rest).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.accounts_paper import (
    BookOwner,
    amount_style,
    amount_table,
    decor,
    missing_characters,
    signature_table,
    title_block,
    unit_line,
    yen,
)
from sakae_council.reports.fonts import markup
from sakae_council.reports.style import (
    SealBox,
    build_pdf,
    content_width,
    grid_table,
    name_para,
    para,
    para_markup,
    styles,
    table_heading,
)

DOCUMENT = "収支精算書"


@dataclass(frozen=True)
class GrantEntry:
    """An entry of the 出納帳 linked to the grant (expense positive, a refund negative)."""

    on: date
    voucher: str
    subject: str
    description: str
    counterparty: str
    amount: int


@dataclass(frozen=True)
class GrantSettlement:
    """What a grant's 収支精算書 prints."""

    owner: BookOwner
    printed_on: date
    project_title: str
    scheme: str
    granted: int
    entries: tuple[GrantEntry, ...]
    chair_name: str = ""
    #: Where the 出納帳 and the grant record disagree (said before printing, never printed).
    problems: tuple[str, ...] = ()

    @property
    def spent(self) -> int:
        """実績額: what the linked entries spent."""
        return sum(e.amount for e in self.entries)

    @property
    def difference(self) -> int:
        """差額 = 交付決定額 − 実績額 (negative when the council spent more than granted)."""
        return self.granted - self.spent

    @property
    def return_due(self) -> int:
        """返還額: the unspent part of the grant, 0 when it was all spent."""
        return max(self.difference, 0)

    def by_subject(self) -> list[tuple[str, int]]:
        totals: dict[str, int] = {}
        for e in self.entries:
            totals[e.subject] = totals.get(e.subject, 0) + e.amount
        return list(totals.items())

    def texts(self) -> list[str]:
        out = [self.owner.council, self.project_title, self.scheme, self.chair_name]
        for e in self.entries:
            out += [e.subject, e.description, e.counterparty]
        return out

    def unprintable(self) -> list[str]:
        return missing_characters(self.texts())


def _summary(g: GrantSettlement) -> list[Flowable]:
    st = styles()
    num = amount_style()
    width = content_width()
    info = grid_table(
        [
            [para("事業名", st.cell_head), para(g.project_title, st.cell)],
            [para("補助制度", st.cell_head), para(g.scheme or "（記載なし）", st.cell)],
        ],
        [30 * mm, width - 30 * mm],
        header_rows=0,
        extra=[("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#E8E8E8"))],
    )
    heads = ["交付決定額", "実績額", "差額", "返還額"]
    figures = amount_table(
        [
            [para(h, st.cell_head) for h in heads],
            [para(yen(v), num) for v in (g.granted, g.spent, g.difference, g.return_due)],
        ],
        [width / 4] * 4,
    )
    return [info, Spacer(1, 4 * mm), unit_line(), figures]


def _note(g: GrantSettlement) -> str:
    if g.return_due:
        return f"交付決定額のうち {yen(g.return_due)}円 を返還します。"
    if g.difference < 0:
        return f"実績額が交付決定額を {yen(-g.difference)}円 上回りました。超えた分は協議会が負担しました。"
    return "交付決定額のとおり執行しました。返還額はありません。"


def _entries(g: GrantSettlement) -> list[Flowable]:
    st = styles()
    num = amount_style()
    width = content_width()
    widths = [19 * mm, 13 * mm, 22 * mm, 0.0, 22 * mm]
    widths[3] = width - sum(widths)
    rows: list[list[Any]] = [
        [para(h, st.cell_head) for h in ("月日", "証憑\n番号", "科目", "摘要（相手先）", "金額")]
    ]
    font = st.cell.fontName
    for e in g.entries:
        text = markup(e.description, font) + (markup(f"（{e.counterparty}）", font) if e.counterparty else "")
        rows.append(
            [
                para(f"{e.on.month}月{e.on.day}日", st.cell),
                para(e.voucher, st.cell_center),
                para(e.subject, st.cell),
                para_markup(text, st.cell),
                para(yen(e.amount), num),
            ]
        )
    rows.append(["", "", para("合計", st.cell_head), "", para(yen(g.spent), num)])
    if not g.entries:
        rows.insert(1, ["", "", "", para("（この補助金に結び付けた記帳はありません）", st.cell), ""])
    return [
        *table_heading("証憑の一覧", st.heading),
        amount_table(rows, widths, total_rows=[len(rows) - 1], compact=True),
    ]


def _by_subject(g: GrantSettlement) -> list[Flowable]:
    st = styles()
    num = amount_style()
    width = content_width()
    rows: list[list[Any]] = [[para("科目", st.cell_head), para("実績額", st.cell_head)]]
    rows += [[para(s, st.cell), para(yen(v), num)] for s, v in g.by_subject()]
    rows.append([para("合計", st.cell_head), para(yen(g.spent), num)])
    table = amount_table(rows, [width * 0.4, width * 0.25], total_rows=[len(rows) - 1], compact=True)
    table.hAlign = "LEFT"
    return [para("支出の内訳（科目ごと）", st.heading), table]


def _signature(g: GrantSettlement) -> Flowable:
    """The council's name, then 「会長」 [name on a line] [印], at the right (a long name wraps on its own line)."""
    st = styles()
    seal = 15 * mm
    right = ParagraphStyle("grant-right", parent=st.cell, alignment=TA_RIGHT)
    widths = [content_width() - 50 * mm - seal - 6 * mm, 50 * mm, seal + 6 * mm]
    return signature_table(
        [
            [para(g.owner.council, right), "", ""],
            [para("会長", right), name_para(g.chair_name, st.cell), SealBox(seal)],
        ],
        widths,
        [None, seal + 4 * mm],
        line=((1, 1), (1, 1)),
        extra=[("SPAN", (0, 0), (-1, 0))],
    )


def render_grant_settlement(g: GrantSettlement, output: str | Path) -> Path:
    """Write the 収支精算書 ``g`` as an A4 PDF; returns the path."""
    st = styles()
    name = f"{g.scheme} {DOCUMENT}" if g.scheme else DOCUMENT
    story: list[Flowable] = title_block(g.owner, name)
    story += _summary(g)
    story += [Spacer(1, 2 * mm), para(_note(g), st.body), Spacer(1, 2 * mm)]
    story += _by_subject(g)
    story += _entries(g)
    story.append(
        KeepTogether(
            [
                Spacer(1, 2 * mm),
                para("上記のとおり相違ありません。", st.body),
                para(to_wareki(g.printed_on), st.right),
                _signature(g),
            ]
        )
    )
    d = decor(g.owner, DOCUMENT, g.printed_on, note=g.project_title)
    return build_pdf(
        output, story, title=f"{g.owner.council} {g.project_title} {DOCUMENT}", subject=DOCUMENT, decor=d
    )
