"""The one print style of every paper: A4, margins, type sizes and families, running header, n / N.

Every document builds its story from :func:`para` / :func:`name_markup` and the paragraph styles of
:func:`styles`, and lays it out with :func:`build_pdf` (or, for a document with several page
templates such as the manual booklet, a subclass of :class:`PaperTemplate`)::

    decor = PageDecor(header_left="議事録", header_context="安食小学校区まちづくり協議会 第3回",
                      header_right="令和8年11月28日（土）", footer_left="…第3回 令和8年11月28日")
    build_pdf(path, story, title="議事録", decor=decor)

The rules (issue 16), in one place:

* A4; margins 20 mm, 25 mm on the binding (left) side so a punched or stapled paper keeps its text.
* Body text ≥ 10.5 pt (:data:`BODY_SIZE`): 明朝 (BIZ UD Mincho) for running prose, ゴシック (BIZ UD
  Gothic) for titles, headings, labels and tables. Smaller type only for the page furniture in the
  margins (:data:`FURNITURE_SIZE`) and the フリガナ above a name (:data:`FURIGANA_SIZE`).
* Headings keep with the first lines of their text (``keepWithNext``); a paragraph leaves at least two
  lines on each side of a page break (:mod:`~sakae_council.reports.paragraph`).
* A running header on every page — title, then the 学区 or 会議体 (a :class:`RunningMark` in the story
  changes it from that page on), and the 和暦 date on the right — and a footer with 「n / N」 centred,
  the document's identity (``footer_left``) on the whole line above it, and a note (``footer_right``)
  at the right of the number's line (on the upper line when there is no identity).
* One page-number canvas (:class:`NumberedCanvas`), used by every paper.

Type and tables are :mod:`~sakae_council.reports.typeset`, pages and writing the PDF
:mod:`~sakae_council.reports.page_layout`; this module names the rules and re-exports both, so a paper
imports its style from here.
"""

from __future__ import annotations

from sakae_council.reports.lazy_flowables import Deferred, TableByPages
from sakae_council.reports.page_layout import (
    MARK_SIZE,
    RENDER_LOCK,
    NumberedCanvas,
    PageDecor,
    PaperTemplate,
    RunningMark,
    build_pdf,
    content_height,
    content_width,
    draw_header,
    drawing,
    header_text,
    numbered_canvas,
    page_count,
    story_height,
)
from sakae_council.reports.typeset import (
    AUTHOR,
    BODY_SIZE,
    FOOTER_Y,
    FURIGANA_SIZE,
    FURNITURE_SIZE,
    GRID,
    HEAD_FILL,
    HEADER_Y,
    LABEL_BOLD,
    LABEL_FONT,
    MARGIN_BOTTOM,
    MARGIN_INNER,
    MARGIN_OUTER,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    PROSE_FONT,
    SealBox,
    Styles,
    grid_table,
    label_markup,
    name_markup,
    name_para,
    names_para,
    para,
    para_markup,
    plain_table,
    styles,
    table_heading,
)

__all__ = [
    "AUTHOR",
    "BODY_SIZE",
    "Deferred",
    "FOOTER_Y",
    "FURIGANA_SIZE",
    "FURNITURE_SIZE",
    "GRID",
    "HEADER_Y",
    "HEAD_FILL",
    "LABEL_BOLD",
    "LABEL_FONT",
    "MARGIN_BOTTOM",
    "MARGIN_INNER",
    "MARGIN_OUTER",
    "MARGIN_TOP",
    "MARK_SIZE",
    "MUTED",
    "NumberedCanvas",
    "TableByPages",
    "PAGE_SIZE",
    "PROSE_FONT",
    "PageDecor",
    "PaperTemplate",
    "RENDER_LOCK",
    "RunningMark",
    "SealBox",
    "Styles",
    "build_pdf",
    "content_height",
    "content_width",
    "draw_header",
    "drawing",
    "grid_table",
    "header_text",
    "label_markup",
    "name_markup",
    "name_para",
    "names_para",
    "numbered_canvas",
    "page_count",
    "para",
    "para_markup",
    "plain_table",
    "story_height",
    "styles",
    "table_heading",
]
