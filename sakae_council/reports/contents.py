"""Papers with a table of contents (総会議案書, 引継ぎ資料): headings that feed the contents, a cover page,
the two-pass build, and the small text format of the pack's editable parts.

The contents' page numbers are the physical page numbers printed at the foot of each page as 「n / N」
(the cover is page 1 without a number), settled by ReportLab's ``multiBuild`` in as many passes as needed.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Spacer, TableStyle
from reportlab.platypus.doctemplate import ActionFlowable
from reportlab.platypus.flowables import NullDraw
from reportlab.platypus.tableofcontents import TableOfContents

from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, markup, register_fonts
from sakae_council.reports.paragraph import JPParagraph
from sakae_council.reports.style import (
    PageDecor,
    PaperTemplate,
    RunningMark,
    content_width,
    drawing,
    grid_table,
    para,
    styles,
)
from sakae_council.services.output_files import replacing_file

#: 「第5条（役員）」「第2章 役員」: a line of 会則 that heads an article or chapter.
ARTICLE = re.compile(r"^\s*(附\s*則|第\s*[0-9０-９一二三四五六七八九十百]+\s*[条章])")


def _toc_styles() -> tuple[ParagraphStyle, ParagraphStyle, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("c-base", fontName=GOTHIC, fontSize=10.5, leading=17, wordWrap="CJK")
    title = ParagraphStyle(
        "c-title", parent=base, fontName=GOTHIC_BOLD, fontSize=18, leading=26, spaceAfter=12
    )
    level0 = ParagraphStyle(
        "c-toc0", parent=base, fontName=GOTHIC_BOLD, fontSize=12, leading=20, spaceBefore=6
    )
    level1 = ParagraphStyle("c-toc1", parent=base, fontSize=10.5, leading=17, leftIndent=10 * mm)
    return title, level0, level1


class Heading(JPParagraph):
    """A part's heading: goes into the table of contents, the PDF's outline and the running header."""

    def __init__(self, text: str, level: int = 0, style: ParagraphStyle | None = None) -> None:
        st = styles()
        style = style or (heading_style() if level == 0 else st.heading)
        super().__init__(markup(text, style.fontName), style)
        self.toc_level = level
        self.toc_text = text


def heading_style() -> ParagraphStyle:
    """A part's title (第1号議案 …): larger than the headings inside it."""
    return ParagraphStyle(
        "part-title", parent=styles().heading, fontSize=15, leading=22, spaceBefore=0, spaceAfter=8
    )


class ContentsTemplate(PaperTemplate):
    """A cover page and body pages; each Heading becomes a contents entry with the page it lands on."""

    def __init__(
        self, output: str, decor: PageDecor, *, title: str, subject: str = "", cover: bool = True
    ) -> None:
        page_ids = ("cover", "body") if cover else ("body",)
        super().__init__(output, decor, title=title, subject=subject, page_ids=page_ids)
        self._keys = 0
        #: The header names the part the page starts in (or the one starting at its top), not the last
        #: part that begins further down the page.
        self._page_label = decor.header_context
        self._page_fresh = True

    def handle_pageBegin(self) -> None:  # noqa: N802 (ReportLab's name)
        super().handle_pageBegin()
        self._page_label = self.running
        self._page_fresh = True

    def header_context(self) -> str:
        return self._page_label

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        super().afterFlowable(flowable)
        fresh = self._page_fresh
        if not isinstance(
            flowable, NullDraw | ActionFlowable | RunningMark
        ):  # breaks and switches draw nothing
            self._page_fresh = False
        if isinstance(flowable, Heading) and flowable.toc_level == 0 and fresh:
            self._page_label = flowable.toc_text
        if isinstance(flowable, Heading):
            self._keys += 1
            key = f"h{self._keys}"
            if flowable.toc_level == 0:
                self.running = flowable.toc_text
            # A destination with a place and a zoom (XYZ): a bare /Fit makes QtPdf's preview warn about
            # every link of the contents ("link with invalid location and/or zoom").
            self.canv.bookmarkPage(key, fit="XYZ", left=0, top=self.pagesize[1], zoom=1)
            self.canv.addOutlineEntry(flowable.toc_text, key, level=flowable.toc_level, closed=True)
            self.notify("TOCEntry", (flowable.toc_level, markup(flowable.toc_text, GOTHIC), self.page, key))

    def beforeDocument(self) -> None:  # noqa: N802 - again on every pass
        super().beforeDocument()
        self._keys = 0

    # ReportLab's multiBuild records an edit for every flowable pushed to the next page — ``(delattr, f,
    # "_postponed")``, undone after the pass so the story's flowables start the next pass clean — and so
    # keeps each one until its pass ends. The remainder of a long table is pushed on at every page: a
    # 950-row 役員改選 held all its wrapped cells and 38 remainders through the pass (~10 MB at stress).
    # The edits are kept here with a weak reference: a flowable nothing else holds never lays out again.
    @property
    def _multiBuildEdits(self) -> Callable[[tuple[Any, ...]], None]:  # noqa: N802 (ReportLab's name)
        try:
            return self.__dict__["_weak_edits"]  # type: ignore[no-any-return]
        except KeyError:
            raise AttributeError("_multiBuildEdits") from None  # getattr(doc, …, None) is None: no multiBuild

    @_multiBuildEdits.setter
    def _multiBuildEdits(self, record: Callable[[tuple[Any, ...]], None]) -> None:  # noqa: N802
        self.__dict__["_weak_edits"] = lambda edit: record(_weak_edit(edit))

    @_multiBuildEdits.deleter
    def _multiBuildEdits(self) -> None:  # noqa: N802
        del self.__dict__["_weak_edits"]


def _weak_edit(edit: tuple[Any, ...]) -> tuple[Any, ...]:
    """``(function, flowable, *args)`` as an edit that holds the flowable weakly (see ContentsTemplate)."""
    function, target, *args = edit
    try:
        ref = weakref.ref(target)
    except TypeError:  # not weakly referable: kept as ReportLab keeps it
        return edit

    def apply() -> None:
        alive = ref()
        if alive is not None:
            function(alive, *args)

    return (apply,)


def contents_flowables() -> list[Flowable]:
    """「目次」 and the table of contents (filled on the second pass)."""
    title, level0, level1 = _toc_styles()
    toc = TableOfContents(
        levelStyles=[level0, level1],
        dotsMinLevel=0,
        rightColumnWidth=20 * mm,
        tableStyle=TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ]
        ),
    )
    return [JPParagraph(markup("目次", GOTHIC_BOLD), title), toc]


def build_with_contents(
    output: str | Path,
    story: list[Flowable],
    *,
    title: str,
    decor: PageDecor,
    subject: str = "",
    cover: bool = True,
) -> Path:
    """Lay out ``story`` (starting on the cover template when there is a ``cover``) in as many passes as
    the contents need; the file appears only once complete."""
    path = Path(output)
    with drawing(), replacing_file(path) as partial:
        doc = ContentsTemplate(str(partial), decor, title=title, subject=subject, cover=cover)
        doc.multiBuild(story, canvasmaker=doc.canvas_class(), maxPasses=8)
    return path


# --- the editable parts' format -------------------------------------------------------------------


def column_widths(rows: list[list[str]], width: float, font: str, size: float) -> list[float]:
    """Widths that give each column its text's width up to about 8 characters first (dates, names and
    amounts stay on one line), then share what is left in proportion to how much more each wants."""
    pad = 10.0
    n = len(rows[0])
    natural = [
        max(stringWidth(line.strip(), font, size) for r in rows for line in r[i].split("\n")) + pad
        for i in range(n)
    ]
    floor = [min(x, 8 * size + pad) for x in natural]
    if sum(floor) >= width:
        return [width * x / sum(floor) for x in floor]
    more = [x - f for x, f in zip(natural, floor, strict=True)]
    left = width - sum(floor)
    if sum(more) <= left:  # everything fits: the widest column takes the slack
        widest = natural.index(max(natural))
        return [x + (left - sum(more) if i == widest else 0) for i, x in enumerate(natural)]
    return [f + left * m / sum(more) for f, m in zip(floor, more, strict=True)]


def _table(rows: list[list[str]]) -> Flowable:
    st = styles()
    width = content_width() - 4 * mm
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    widths = column_widths(rows, width, st.cell.fontName, st.cell.fontSize)
    cells = [[para(c.strip(), st.cell_head if ri == 0 else st.cell) for c in r] for ri, r in enumerate(rows)]
    table = grid_table(cells, widths)
    table.hAlign = "RIGHT"
    return table


def text_flowables(text: str) -> list[Flowable]:
    """A part's text as paragraphs: 「■」 lines are headings, 「｜」 lines table rows, others paragraphs."""
    st = styles()
    out: list[Flowable] = []
    rows: list[list[str]] = []

    def flush() -> None:
        if rows:
            out.append(_table(rows))
            out.append(Spacer(1, 2 * mm))
            rows.clear()

    for line in text.split("\n"):
        if "｜" in line:
            rows.append(line.split("｜"))
            continue
        flush()
        stripped = line.strip()
        if not stripped:
            out.append(Spacer(1, 3 * mm))
        elif stripped.startswith("■"):
            out.append(para(stripped.lstrip("■").strip(), st.heading))
        else:
            out.append(para(line.rstrip(), st.body))
    flush()
    return out


def bylaws_flowables(body: str) -> list[Flowable]:
    """会則's text: 「第N条（…）」 and 「第N章」 lines as subheadings, the rest as paragraphs."""
    st = styles()
    out: list[Flowable] = []
    for line in body.split("\n"):
        if not line.strip():
            out.append(Spacer(1, 2 * mm))
        elif ARTICLE.match(line):
            out.append(para(line.strip(), st.subheading))
        else:
            out.append(para(line.rstrip(), st.body))
    return out
