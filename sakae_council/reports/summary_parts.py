"""The pieces every part of the 連絡会まとめ is built of: cells, figures, headings kept off a page's foot.

The parts are ``summary_indicators`` (1), ``summary_tables`` (2 and 3), ``summary_districts`` (4 and 5)
and ``summary_annex`` (付録); ``liaison_summary`` puts them together.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PTOContainer

from sakae_council.reports.base import MARGIN_BOTTOM, PAGE_SIZE, para, styles
from sakae_council.reports.fonts import GOTHIC

LATE_FILL = colors.HexColor("#FBE3E1")
TOTAL_FILL = colors.HexColor("#F2F2F2")
FLUSH = [
    ("FONTNAME", (0, 0), (-1, -1), GOTHIC),  # a Table's own default would be an unembedded Helvetica
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
]
#: A figure never counted or entered: a dash, never a 0.
NO_FIGURE = "—"
#: A district heading must have this much of the page below it, or it goes to the next page: it then
#: never stands in the bottom quarter of a page (with room for its first lines under it).
SECTION_ROOM = PAGE_SIZE[1] / 4 - MARGIN_BOTTOM + 24 * mm


def num(n: int) -> str:
    return f"{n:,}"


def p(text: str, style: Any = None) -> Any:
    return para(text, style or styles().cell)


def head(*texts: str) -> list[Any]:
    return [p(t, styles().cell_head) for t in texts]


@lru_cache(maxsize=1)
def section_heading() -> ParagraphStyle:
    """A district's heading: kept off the foot of a page by ``SECTION_ROOM``, not by keepWithNext (which
    would carry the whole section, as one block, to the next page and leave this one half empty)."""
    return ParagraphStyle("section-heading", parent=styles().heading, keepWithNext=0)


@lru_cache(maxsize=1)
def _cell_right() -> ParagraphStyle:
    return ParagraphStyle("cell-right", parent=styles().cell, alignment=TA_RIGHT)


def right(n: int | str) -> Any:
    return p(n if isinstance(n, str) else num(n), _cell_right())


def figure(n: int | str) -> str:
    """A number as a plain table cell (the table right-aligns its column: see ``right_from``). Counts never
    wrap, so they skip the paragraph machinery — a 100-district matrix has over a thousand of them."""
    return n if isinstance(n, str) else num(n)


def right_from(col: int, row: int) -> tuple[Any, ...]:
    """Right-align plain cells from column ``col`` and row ``row`` on."""
    return ("ALIGN", (col, row), (-1, -1), "RIGHT")


def none_line(text: str = "（期間中にはありません）") -> Any:
    return para(text, styles().body_gothic)


def district_block(name: str, heading: str, body: list[Flowable]) -> list[Flowable]:
    """A district's part: never begun in the bottom quarter of a page, and labelled again at the top of the
    next page when it runs over (「○○小学校区（つづき）」)."""
    again = para(f"{name}（つづき）", styles().subheading)
    return [CondPageBreak(SECTION_ROOM), para(heading, section_heading()), PTOContainer(body, header=[again])]
