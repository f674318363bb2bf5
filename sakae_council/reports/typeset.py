"""Type and tables of the one print style (see :mod:`sakae_council.reports.style` for the rules): the page
geometry and type sizes, the paragraph styles (:func:`styles`), text and name markup (:func:`para`,
:func:`name_markup`), headed, grid and plain tables, and the seal box of the signature blocks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Table,
    TableStyle,
)

from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup, register_fonts
from sakae_council.reports.paragraph import JPParagraph

PAGE_SIZE = A4
#: The binding (left) side: room to punch two holes or staple.
MARGIN_INNER = 25 * mm
MARGIN_OUTER = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
#: Baselines of the running header (from the top edge) and of 「n / N」 (from the bottom edge).
HEADER_Y = 12 * mm
FOOTER_Y = 9 * mm
#: The smallest size of body text, and the sizes allowed below it (page furniture in the margins, ルビ).
BODY_SIZE = 10.5
FURNITURE_SIZE = 9.0
FURIGANA_SIZE = 8.5
#: Prose is set in 明朝, everything else (titles, headings, labels, tables, furniture) in ゴシック.
PROSE_FONT = MINCHO
LABEL_FONT = GOTHIC
LABEL_BOLD = GOTHIC_BOLD
AUTHOR = "栄町 まちづくり協議会"

GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#E8E8E8")
MUTED = colors.HexColor("#444444")


# --- paragraph styles ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of every document: 明朝 for running text, ゴシック for titles, headings, tables."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    body_gothic: ParagraphStyle
    indent: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_center: ParagraphStyle
    right: ParagraphStyle
    header: ParagraphStyle
    header_right: ParagraphStyle
    furigana: ParagraphStyle
    label: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles (built once; fonts registered on first use)."""
    register_fonts()
    base = ParagraphStyle("jp", fontName=PROSE_FONT, fontSize=BODY_SIZE, leading=17.5, wordWrap="CJK")
    gothic = ParagraphStyle("jp-gothic", parent=base, fontName=LABEL_FONT)
    cell = ParagraphStyle("cell", parent=gothic, fontSize=BODY_SIZE, leading=15)
    furniture = ParagraphStyle("header", parent=gothic, fontSize=FURNITURE_SIZE, leading=11, textColor=MUTED)
    return Styles(
        title=ParagraphStyle(
            "title", parent=gothic, fontName=LABEL_BOLD, fontSize=16, leading=23, alignment=TA_CENTER
        ),
        subtitle=ParagraphStyle("subtitle", parent=gothic, fontSize=12, leading=17, alignment=TA_CENTER),
        heading=ParagraphStyle(
            "heading",
            parent=gothic,
            fontName=LABEL_BOLD,
            fontSize=12,
            leading=18,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=gothic,
            fontName=LABEL_BOLD,
            fontSize=BODY_SIZE,
            leading=17,
            spaceBefore=6,
            spaceAfter=1,
            leftIndent=3 * mm,
            keepWithNext=1,
        ),
        body=ParagraphStyle("body", parent=base, leftIndent=4 * mm),
        body_gothic=ParagraphStyle("body-gothic", parent=gothic, leftIndent=4 * mm),
        indent=ParagraphStyle("indent", parent=base, leftIndent=8 * mm),
        small=ParagraphStyle("small", parent=gothic, leading=16, textColor=MUTED),
        cell=cell,
        cell_head=ParagraphStyle("cell-head", parent=cell, fontName=LABEL_BOLD),
        cell_center=ParagraphStyle("cell-center", parent=cell, alignment=TA_CENTER),
        right=ParagraphStyle("right", parent=gothic, alignment=TA_RIGHT),
        header=furniture,
        header_right=ParagraphStyle("header-right", parent=furniture, alignment=TA_RIGHT),
        furigana=ParagraphStyle(
            "furigana", parent=gothic, fontSize=FURIGANA_SIZE, leading=11, textColor=MUTED
        ),
        label=ParagraphStyle("label", parent=gothic, keepWithNext=1),
    )


def para(text: str, style: ParagraphStyle) -> JPParagraph:
    """User text as a paragraph: escaped (``<&>`` print literally), rare characters via the fallback font."""
    return JPParagraph(markup(text, style.fontName), style)


def para_markup(safe_markup: str, style: ParagraphStyle) -> JPParagraph:
    """A paragraph from markup the program wrote itself (pieces of user text already through ``markup``)."""
    return JPParagraph(safe_markup, style)


def name_markup(name: str, font: str) -> str:
    """A person's name as markup that never breaks inside (「橋本 茂」, not 「橋/本 茂」)."""
    return f"<nobr>{markup(name, font)}</nobr>" if name else ""


def names_para(
    names: Iterable[str], style: ParagraphStyle, *, sep: str = "、", empty: str = ""
) -> JPParagraph:
    """Names joined by ``sep`` in one paragraph; lines break only between names."""
    parts = [name_markup(n, style.fontName) for n in names if n]
    return JPParagraph(markup(sep, style.fontName).join(parts) or markup(empty, style.fontName), style)


def name_para(name: str, style: ParagraphStyle, *, before: str = "", after: str = "") -> JPParagraph:
    """``before`` + the name (kept whole) + ``after`` as one paragraph (「代理: 田村 美紀」)."""
    font = style.fontName
    return JPParagraph(markup(before, font) + name_markup(name, font) + markup(after, font), style)


def label_markup(label: str) -> str:
    """A short label (経過, 結果, 説明者) set in ゴシック inside a 明朝 paragraph."""
    return f"<font name='{LABEL_FONT}'>{markup(label, LABEL_FONT)}</font>"


def table_heading(text: str, style: ParagraphStyle, min_space: float = 40 * mm) -> list[Flowable]:
    """A heading for a long table: starts a new page only when fewer than ``min_space`` remain.

    keepWithNext would move the heading and the whole table to the next page (leaving a page all but
    empty) when the table is longer than what is left; the table's header row repeats by itself.
    """
    plain = ParagraphStyle(f"{style.name}-table", parent=style, keepWithNext=0)
    return [CondPageBreak(min_space), para(text, plain)]


def grid_table(
    rows: list[list[Any]],
    col_widths: Sequence[float],
    *,
    header_rows: int = 1,
    extra: Iterable[tuple[Any, ...]] = (),
    row_heights: Sequence[float | None] | None = None,
) -> Table:
    """A ruled table whose header rows repeat on every page it runs over."""
    table = Table(rows, colWidths=list(col_widths), repeatRows=header_rows, rowHeights=row_heights)
    commands: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), LABEL_FONT),  # plain-string cells too: never an unembedded Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL))
    commands.extend(extra)
    table.setStyle(TableStyle(commands))
    return table


def plain_table(
    rows: list[list[Any]], col_widths: Sequence[float], extra: Iterable[tuple[Any, ...]] = ()
) -> Table:
    """A table without rules (layout only), in the label family."""
    table = Table(rows, colWidths=list(col_widths))
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), LABEL_FONT),
                ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *extra,
            ]
        )
    )
    return table


class SealBox(Flowable):
    """A square 印 box to stamp a seal in (押印欄), with a faint 「印」 in the middle."""

    def __init__(self, size: float = 15 * mm) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setLineWidth(0.8)
        c.rect(0, 0, self.size, self.size)
        c.setFillColor(colors.HexColor("#9E9E9E"))
        c.setFont(LABEL_FONT, BODY_SIZE)
        c.drawCentredString(self.size / 2, self.size / 2 - 3.5, "印")
        c.restoreState()
