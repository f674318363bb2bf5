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
"""

from __future__ import annotations

import io
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Table,
    TableStyle,
)

from sakae_council.cancel import CancelToken
from sakae_council.cancel import current as current_token
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup, register_fonts
from sakae_council.reports.paragraph import JPParagraph
from sakae_council.services.output_files import replacing_file

#: Held while a paper is laid out (see build_pdf); re-entrant, as a paper may measure a part first.
RENDER_LOCK = threading.RLock()

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


# --- pages -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageDecor:
    """What every page shows around the text. Empty strings draw nothing."""

    #: The paper's title (名簿, 議事録 …), first in the running header.
    header_left: str = ""
    #: The 学区 or 会議体 after the title; a :class:`RunningMark` replaces it from its page on.
    header_context: str = ""
    #: The 和暦 date, right-aligned in the header.
    header_right: str = ""
    #: A warning at the top right of every page in bold (取扱注意・連絡先あり), the date just left of it.
    header_mark: str = ""
    #: Above 「n / N」: the document's identity (left) and a note (right).
    footer_left: str = ""
    footer_right: str = ""
    #: A large diagonal word across every page (下書き), under the text.
    watermark: str = ""
    #: The first page is a cover: no header, no footer, no number (it still counts in N).
    cover: bool = False


class RunningMark(Flowable):
    """Sets the header's 学区/会議体 from the page it lands on (the roster's districts, the manual's chapters)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        pass


def _draw_line_of_text(
    canv: Canvas, text: str, style: ParagraphStyle, x: float, y: float, width: float
) -> None:
    """One line of user text with its baseline at ``y`` (fallback fonts for rare characters)."""
    p = para(text, style)
    p.wrap(width, 100)
    lines = p.blPara.lines
    if len(lines) > 1:  # too long for its place: shorten rather than run over the rule
        while len(text) > 1 and len(p.blPara.lines) > 1:
            text = text[:-2] + "…"
            p = para(text, style)
            p.wrap(width, 100)
    _w, h = p.wrap(width, 100)
    p.drawOn(canv, x, y - h + style.fontSize)


def _draw_watermark(canv: Canvas, text: str) -> None:
    width, height = canv._pagesize
    canv.saveState()
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    size = min(150.0, 1.3 * width / max(len(text), 1))
    canv.setFont(LABEL_BOLD, size)
    canv.setFillColor(colors.HexColor("#C62828"))
    canv.setFillAlpha(0.13)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


#: Size of a header mark (取扱注意): read before the page is.
MARK_SIZE = 12.0


def draw_header(canv: Canvas, left: str, right: str, mark: str = "") -> None:
    """The running header: ``left`` (title and 学区/会議体), ``right`` (the date) and a bold ``mark`` at the
    far right, with a rule below."""
    width, height = canv._pagesize
    st = styles()
    y = height - HEADER_Y
    right_edge = width - MARGIN_OUTER
    if mark:
        canv.saveState()
        canv.setFont(LABEL_BOLD, MARK_SIZE)
        canv.drawRightString(right_edge, y, mark)
        canv.restoreState()
        right_edge -= stringWidth(mark, LABEL_BOLD, MARK_SIZE) + 4 * mm
    inner = right_edge - MARGIN_INNER
    # The date takes what it needs (at most a third); the title and 学区/会議体 get the rest.
    right_width = min(inner / 3, stringWidth(right, LABEL_FONT, FURNITURE_SIZE) + 2) if right else 0.0
    if left:
        _draw_line_of_text(canv, left, st.header, MARGIN_INNER, y, inner - right_width - 4 * mm)
    if right:
        _draw_line_of_text(canv, right, st.header_right, right_edge - right_width, y, right_width)
    canv.saveState()
    canv.setStrokeColor(GRID)
    canv.setLineWidth(0.4)
    canv.line(MARGIN_INNER, y - 2.5 * mm, width - MARGIN_OUTER, y - 2.5 * mm)
    canv.restoreState()


def header_text(title: str, context: str) -> str:
    """「議事録　安食小学校区まちづくり協議会 第3回」: the title and where it belongs."""
    return "　".join(t for t in (title, context) if t)


class NumberedCanvas(Canvas):
    """Draws 「n / N」 (and the footer notes) at the foot of every page once the page count is known.

    The one page-number canvas of every paper: make one with :func:`numbered_canvas`; the pages are
    kept until ``save``.
    """

    decor = PageDecor()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No stray, unembedded Helvetica: the document template passes None unless told otherwise.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or LABEL_FONT
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or FURNITURE_SIZE
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            if not (self.decor.cover and self._pageNumber == 1):
                self._draw_footer(total)
            super().showPage()
        super().save()

    def _draw_footer(self, total: int) -> None:
        width, _height = self._pagesize
        st = styles()
        self.setFont(LABEL_FONT, FURNITURE_SIZE)
        self.setFillColor(colors.black)
        centre = MARGIN_INNER + (width - MARGIN_INNER - MARGIN_OUTER) / 2
        self.drawCentredString(centre, FOOTER_Y, f"{self._pageNumber} / {total}")
        inner = width - MARGIN_INNER - MARGIN_OUTER
        upper = FOOTER_Y + 4.5 * mm
        left, note = self.decor.footer_left, self.decor.footer_right
        # The identity gets the whole line above the number; a note shares the number's line on the
        # right (or takes the upper line when there is no identity).
        if left:
            _draw_line_of_text(self, left, st.header, MARGIN_INNER, upper, inner)
        if note:
            room = inner / 2 - 12 * mm if left else inner
            note_width = min(room, stringWidth(note, LABEL_FONT, FURNITURE_SIZE) + 2)
            y = FOOTER_Y if left else upper
            _draw_line_of_text(self, note, st.header_right, width - MARGIN_OUTER - note_width, y, note_width)


def numbered_canvas(decor: PageDecor) -> type[NumberedCanvas]:
    """A canvas class for ``doc.build(canvasmaker=...)`` that numbers pages and draws ``decor``'s footer."""
    return type("DecoratedCanvas", (NumberedCanvas,), {"decor": decor})


class PaperTemplate(BaseDocTemplate):
    """A4 with the house margins, one text frame, the running header and the watermark.

    ``page_ids`` names the page templates (all alike); an id of ``"cover"`` gets no header.
    Subclasses may override :meth:`header_context` (the manual shows its chapter).
    """

    def __init__(
        self,
        output: str | Path | io.BytesIO,
        decor: PageDecor,
        *,
        title: str,
        subject: str = "",
        author: str = AUTHOR,
        page_ids: Sequence[str] = ("page",),
        cancel: CancelToken | None = None,
    ) -> None:
        register_fonts()
        super().__init__(
            output if isinstance(output, io.BytesIO) else str(output),
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN_INNER,
            rightMargin=MARGIN_OUTER,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            subject=subject,
            author=author,
            creator="sakae_council",
        )
        self.decor = decor
        self.running = decor.header_context
        #: 中止: checked before each flowable is laid out (Cancelled leaves no file: see build_pdf).
        self.cancel_token: CancelToken = cancel if cancel is not None else current_token()
        self._story_length = 0
        self._reported = -1
        self.setProgressCallBack(self._on_progress)
        templates = []
        for page_id in page_ids:
            frame = Frame(
                self.leftMargin, self.bottomMargin, self.width, self.height, id=page_id,
                leftPadding=0, rightPadding=0,
            )  # fmt: skip
            if page_id == "cover":
                templates.append(PageTemplate(id=page_id, frames=[frame]))
            else:
                templates.append(
                    PageTemplate(id=page_id, frames=[frame], onPage=self._under, onPageEnd=self._over)
                )
        self.addPageTemplates(templates)

    def beforeDocument(self) -> None:  # noqa: N802 (ReportLab's name; again on every pass of multiBuild)
        self.running = self.decor.header_context

    def _on_progress(self, kind: str, value: int) -> None:
        """ReportLab's progress callback: 中止 is checked after every flowable (raises Cancelled)."""
        token = self.cancel_token
        if kind == "SIZE_EST":
            self._story_length, self._reported = value, -1
        elif kind in ("STARTED", "PROGRESS") and self._story_length:
            token.check()
            percent = value * 100 // self._story_length
            if percent != self._reported:  # a step per percent, not per flowable
                self._reported = percent
                token.progress(value, self._story_length)

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802
        if isinstance(flowable, RunningMark):
            self.running = flowable.text

    def header_context(self) -> str:
        """The 学区/会議体 (or chapter) of the page being finished."""
        return self.running

    def _under(self, canv: Canvas, _doc: Any) -> None:
        if self.decor.watermark:
            _draw_watermark(canv, self.decor.watermark)

    def _over(self, canv: Canvas, _doc: Any) -> None:
        draw_header(
            canv,
            header_text(self.decor.header_left, self.header_context()),
            self.decor.header_right,
            self.decor.header_mark,
        )

    def canvas_class(self) -> type[NumberedCanvas]:
        return numbered_canvas(self.decor)


def build_pdf(
    output: str | Path,
    story: list[Flowable],
    *,
    title: str,
    subject: str = "",
    decor: PageDecor = PageDecor(),  # noqa: B008 - frozen, shared safely
    author: str = AUTHOR,
    cancel: CancelToken | None = None,
) -> Path:
    """Lay ``story`` out on A4 pages with ``decor`` and write the PDF (fonts embedded as subsets).

    The file is owner-only and appears only once complete (``services.output_files.replacing_file``).
    ``cancel`` (by default the token of the work running on this thread, ``sakae_council.cancel.current``)
    is checked before every flowable: 中止 raises Cancelled and leaves no file, not even a partial one."""
    path = Path(output)
    # One paper at a time in this process: ReportLab keeps module-level state (fonts, subsets, the
    # running canvas count) that two threads drawing at once could corrupt.
    with RENDER_LOCK, replacing_file(path) as partial:
        doc = PaperTemplate(partial, decor, title=title, subject=subject, author=author, cancel=cancel)
        doc.build(story, canvasmaker=doc.canvas_class())
    return path


def page_count(story: list[Flowable], decor: PageDecor = PageDecor()) -> int:  # noqa: B008
    """How many pages ``story`` takes in the house style (laid out in memory; ``story`` is used up)."""
    with RENDER_LOCK:
        doc = PaperTemplate(io.BytesIO(), decor, title="")
        doc.build(story, canvasmaker=doc.canvas_class())
    return int(doc.page)


def story_height(flowables: Sequence[Flowable], width: float) -> float:
    """The height ``flowables`` take at ``width`` with their spacing (measured on a scratch canvas)."""
    canv = Canvas(io.BytesIO())  # lists measure themselves on a canvas
    total = 0.0
    for f in flowables:
        _w, h = f.wrapOn(canv, width, content_height())
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total


def content_width() -> float:
    """Width of the text frame on an A4 page."""
    return PAGE_SIZE[0] - MARGIN_INNER - MARGIN_OUTER


def content_height() -> float:
    """Height of the text frame on an A4 page."""
    return PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM
