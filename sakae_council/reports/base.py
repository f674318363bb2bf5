"""Shared scaffolding for every PDF: A4 page template, running header, 下書き watermark, "n / N", styles.

A document module builds a list of flowables with :func:`para` (escaped user text, rare characters
through the fallback font, Japanese line breaking) and the styles of :func:`styles`, then calls
:func:`build_pdf` with a :class:`PageDecor` that says what every page shows around the text::

    decor = PageDecor(header_left="安食小学校区まちづくり協議会　令和8年度 第3回",
                      header_right="令和8年11月28日（土）", watermark="下書き")
    build_pdf(path, story, title="議事録", decor=decor)

Line breaking follows the Japanese rules (禁則): no line starts with 。、」）and the like, and no line
ends with 「（. ReportLab's own CJK wrapping lets at most one such character hang in the margin, so two
in a row (。」) could still start a line; :class:`JPParagraph` pulls the preceding character down
instead (追い出し).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.rl_accel import sameFrag
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Table,
    TableStyle,
)
from reportlab.platypus.paragraph import FragLine, ParaLines, _handleBulletWidth, makeCJKParaLine

from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup, register_fonts
from sakae_council.services.output_files import replacing_file

PAGE_SIZE = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 20 * mm
HEADER_Y = 13 * mm  # from the top edge
FOOTER_Y = 10 * mm  # from the bottom edge
GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#E8E8E8")
MUTED = colors.HexColor("#444444")

#: Characters that must not begin a line (行頭禁則).
NO_LINE_START = frozenset(
    "、。，．,.・：；:;？！?!）」』】〕］｝〉》≫”’)]}"
    "ゝゞヽヾ々ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ゛゜℃％‰"
)
#: Characters that must not end a line (行末禁則).
NO_LINE_END = frozenset("（「『【〔［｛〈《≪“‘([{")
#: How far back a line break may move to satisfy the rules before one character is left hanging.
_MAX_PULL = 4


# --- line breaking -----------------------------------------------------------------------------------


class _Char(str):
    """One character of a paragraph with its fragment (font, size) and width, as makeCJKParaLine wants."""

    frag: Any
    width: float


_widths: dict[tuple[str, float, str], float] = {}


def _char(text: str, frag: Any) -> _Char:
    c = _Char(text)
    c.frag = frag
    if hasattr(frag, "cbDefn"):
        c.width = getattr(frag.cbDefn, "width", 0)
    else:
        # Widths repeat endlessly in Japanese text: measure each character of a font and size once.
        key = (frag.fontName, frag.fontSize, text)
        w = _widths.get(key)
        if w is None:
            w = _widths[key] = stringWidth(text, frag.fontName, frag.fontSize)
        c.width = w
    return c


def _latin_break(chars: Sequence[_Char], start: int, end: int) -> int:
    """Inside a run of Latin text, break after the last space (or before it re-enters Japanese)."""
    for j in range(end - 1, (start + end) // 2, -1):
        ch = chars[j]
        if ch.isspace() or (ch and ord(ch[0]) >= 0x3000):
            return j + 1
    return end


def _kinsoku_break(chars: Sequence[_Char], start: int, end: int) -> int:
    """Move the break ``end`` (first character of the next line) so that 禁則 holds."""
    b = end
    while b < len(chars) and chars[b] in NO_LINE_START and b > start + 1 and end - b < _MAX_PULL:
        b -= 1
    if b < len(chars) and chars[b] in NO_LINE_START:
        b = end + 1 if end < len(chars) and chars[end] in NO_LINE_START else end  # hang one as a last resort
    while b - 1 > start and chars[b - 1] in NO_LINE_END:
        b -= 1
    return b


def _make_line(
    chars: Sequence[_Char], max_width: float, width: float, line_break: bool, calc_bounds: bool
) -> FragLine:
    """makeCJKParaLine, grouping characters by fragment identity first (its per-character comparisons
    and font look-ups were a third of the time of a long document)."""
    extra = max_width - width
    if any(hasattr(c.frag, "cbDefn") for c in chars):
        return makeCJKParaLine(chars, max_width, width, extra, line_break, calc_bounds)
    groups: list[tuple[Any, list[str]]] = []
    for c in chars:
        f = c.frag
        if groups:
            last = groups[-1][0]
            if (last is f and "lineBreak" not in f.__dict__) or sameFrag(last, f):
                groups[-1][1].append(c)
                continue
        groups.append((f, [c]))
    words = []
    size = ascent = descent = 0.0
    for f, text in groups:
        a, d = getAscentDescent(f.fontName, f.fontSize)
        size, ascent, descent = max(size, f.fontSize), max(ascent, a), min(descent, d)
        word = f.clone()
        word.text = "".join(text)
        words.append(word)
    return FragLine(
        kind=1,
        extraSpace=extra,
        wordCount=1,
        words=words,
        fontSize=size,
        ascent=ascent,
        descent=descent,
        maxWidth=max_width,
        currentWidth=width,
        lineBreak=line_break,
    )


def kinsoku_split(frags: Sequence[Any], max_widths: Sequence[float], calc_bounds: bool) -> ParaLines:
    """Break ``frags`` into lines of at most ``max_widths`` following Japanese line-breaking rules."""
    chars: list[_Char] = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        if text:
            chars.extend(_char(t, f) for t in text)
        else:
            chars.append(_char("", f))  # a <br/> or an empty fragment keeps its place
    lines: list[Any] = []
    n = len(chars)
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    while i < n:
        c = chars[i]
        i += 1
        used += c.width
        line_break = hasattr(c.frag, "lineBreak")
        if not (line_break or used > max_width + 1e-8):
            continue
        end = i
        if not line_break:
            end = i - 1 if i - 1 > start else i  # the character that overflowed starts the next line
            if c and ord(c[0]) < 0x3000:
                end = _latin_break(chars, start, end)
            end = _kinsoku_break(chars, start, end)
        width = sum(ch.width for ch in chars[start:end])
        lines.append(_make_line(chars[start:end], max_width, width, line_break, calc_bounds))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i = end
        used = 0.0
    if start < n:
        width = sum(ch.width for ch in chars[start:])
        lines.append(_make_line(chars[start:], max_width, width, False, calc_bounds))
    return ParaLines(kind=1, lines=lines)


def _keep_spaces(text: str) -> str:
    # ReportLab's default cleaner folds every run of white space (U+3000 too) into one blank, so
    # 「岡田　洋子」 would print as 「岡田 洋子」. Our markup never has layout white space: keep it all.
    return text


class JPParagraph(Paragraph):
    """A Paragraph that keeps spaces as typed and wraps by 禁則 (see the module docstring); wordWrap='CJK'."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: Any = None,
        frags: Any = None,  # noqa: N803
    ) -> None:
        self.caseSensitive = 1
        self.encoding = "utf8"
        self._setup(text, style, bulletText or getattr(style, "bulletText", None), frags, _keep_spaces)

    def breakLinesCJK(self, maxWidths: Any) -> Any:  # noqa: N802, N803 (ReportLab's names)
        if not isinstance(maxWidths, list | tuple):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", False):
            return self.blPara
        style = self.style
        self.height = 0
        _handleBulletWidth(self.bulletText, style, maxWidths)
        if not self.frags:
            return ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto = getattr(self, "autoLeading", getattr(style, "autoLeading", ""))
        return kinsoku_split(self.frags, maxWidths, auto not in ("", "off"))


# --- styles ------------------------------------------------------------------------------------------


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


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles (built once; fonts registered on first use)."""
    register_fonts()
    base = ParagraphStyle("jp", fontName=MINCHO, fontSize=10.5, leading=17, wordWrap="CJK")
    gothic = ParagraphStyle("jp-gothic", parent=base, fontName=GOTHIC)
    return Styles(
        title=ParagraphStyle(
            "title", parent=gothic, fontName=GOTHIC_BOLD, fontSize=16, leading=23, alignment=TA_CENTER
        ),
        subtitle=ParagraphStyle("subtitle", parent=gothic, fontSize=11, leading=16, alignment=TA_CENTER),
        heading=ParagraphStyle(
            "heading",
            parent=gothic,
            fontName=GOTHIC_BOLD,
            fontSize=12,
            leading=17,
            spaceBefore=9,
            spaceAfter=3,
            keepWithNext=1,
        ),
        subheading=ParagraphStyle(
            "subheading",
            parent=gothic,
            fontName=GOTHIC_BOLD,
            fontSize=10.5,
            leading=16,
            spaceBefore=6,
            spaceAfter=1,
            leftIndent=3 * mm,
            keepWithNext=1,
        ),
        body=ParagraphStyle("body", parent=base, leftIndent=4 * mm),
        body_gothic=ParagraphStyle("body-gothic", parent=gothic, leftIndent=4 * mm),
        indent=ParagraphStyle("indent", parent=base, leftIndent=8 * mm),
        small=ParagraphStyle("small", parent=gothic, fontSize=8.5, leading=12, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=gothic, fontSize=9.5, leading=13.5),
        cell_head=ParagraphStyle("cell-head", parent=gothic, fontName=GOTHIC_BOLD, fontSize=9.5, leading=13),
        cell_center=ParagraphStyle(
            "cell-center", parent=gothic, fontSize=9.5, leading=13, alignment=TA_CENTER
        ),
        right=ParagraphStyle("right", parent=gothic, alignment=TA_RIGHT),
        header=ParagraphStyle("header", parent=gothic, fontSize=8.5, leading=11, textColor=MUTED),
        header_right=ParagraphStyle(
            "header-right", parent=gothic, fontSize=8.5, leading=11, textColor=MUTED, alignment=TA_RIGHT
        ),
    )


def para(text: str, style: ParagraphStyle) -> JPParagraph:
    """User text as a paragraph: escaped (``<&>`` print literally), rare characters via the fallback font."""
    return JPParagraph(markup(text, style.fontName), style)


def para_markup(safe_markup: str, style: ParagraphStyle) -> JPParagraph:
    """A paragraph from markup the program wrote itself (pieces of user text already through ``markup``)."""
    return JPParagraph(safe_markup, style)


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
        ("FONTNAME", (0, 0), (-1, -1), GOTHIC),  # plain-string cells too: never an unembedded Helvetica
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
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
        c.setFont(GOTHIC, 9)
        c.drawCentredString(self.size / 2, self.size / 2 - 3, "印")
        c.restoreState()


# --- pages -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageDecor:
    """What every page shows around the text. Empty strings draw nothing."""

    header_left: str = ""
    header_right: str = ""
    footer_left: str = ""
    footer_right: str = ""
    #: A large diagonal word across every page (下書き), under the text.
    watermark: str = ""


def _draw_line_of_text(
    canv: Canvas, text: str, style: ParagraphStyle, x: float, y: float, width: float
) -> None:
    """One line of user text at (x, y = baseline area top) with fallback fonts for rare characters."""
    p = para(text, style)
    _w, h = p.wrap(width, 100)
    p.drawOn(canv, x, y - h)


def _draw_watermark(canv: Canvas, text: str) -> None:
    width, height = canv._pagesize
    canv.saveState()
    canv.translate(width / 2, height / 2)
    canv.rotate(35)
    size = min(150.0, 1.3 * width / max(len(text), 1))
    canv.setFont(GOTHIC_BOLD, size)
    canv.setFillColor(colors.HexColor("#C62828"))
    canv.setFillAlpha(0.13)
    canv.drawCentredString(0, -size / 3, text)
    canv.restoreState()


def _on_page(decor: PageDecor) -> Callable[[Canvas, Any], None]:
    def draw(canv: Canvas, doc: Any) -> None:
        width, height = canv._pagesize
        st = styles()
        if decor.watermark:
            _draw_watermark(canv, decor.watermark)
        if decor.header_left or decor.header_right:
            inner = width - 2 * MARGIN_X
            top = height - HEADER_Y + 4
            if decor.header_left:
                _draw_line_of_text(canv, decor.header_left, st.header, MARGIN_X, top, inner * 0.68)
            if decor.header_right:
                _draw_line_of_text(
                    canv,
                    decor.header_right,
                    st.header_right,
                    width - MARGIN_X - inner * 0.3,
                    top,
                    inner * 0.3,
                )
            canv.saveState()
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.4)
            canv.line(MARGIN_X, height - HEADER_Y - 9, width - MARGIN_X, height - HEADER_Y - 9)
            canv.restoreState()

    return draw


class NumberedCanvas(Canvas):
    """Draws 「n / N」 (and the footer notes) at the foot of every page once the page count is known.

    Subclass and set ``decor`` (see :func:`numbered_canvas`); the pages are kept until ``save``.
    """

    decor = PageDecor()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # No stray, unembedded Helvetica: the document template passes None unless told otherwise.
        kwargs["initialFontName"] = kwargs.get("initialFontName") or GOTHIC
        kwargs["initialFontSize"] = kwargs.get("initialFontSize") or 9
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        st = styles()
        for state in self._pages:
            self.__dict__.update(state)
            width, _height = self._pagesize
            self.setFont(GOTHIC, 9)
            self.setFillColor(colors.black)
            self.drawCentredString(width / 2, FOOTER_Y, f"{self._pageNumber} / {total}")
            inner = width - 2 * MARGIN_X
            if self.decor.footer_left:
                _draw_line_of_text(
                    self, self.decor.footer_left, st.header, MARGIN_X, FOOTER_Y + 9, inner * 0.4
                )
            if self.decor.footer_right:
                _draw_line_of_text(
                    self,
                    self.decor.footer_right,
                    st.header_right,
                    width - MARGIN_X - inner * 0.4,
                    FOOTER_Y + 9,
                    inner * 0.4,
                )
            super().showPage()
        super().save()


def numbered_canvas(decor: PageDecor) -> type[NumberedCanvas]:
    """A canvas class for ``doc.build(canvasmaker=...)`` that numbers pages and draws ``decor``'s footer."""
    return type("DecoratedCanvas", (NumberedCanvas,), {"decor": decor})


def build_pdf(
    output: str | Path,
    story: list[Flowable],
    *,
    title: str,
    subject: str = "",
    decor: PageDecor = PageDecor(),  # noqa: B008 - frozen, shared safely
    author: str = "栄町 まちづくり協議会",
) -> Path:
    """Lay ``story`` out on A4 pages with ``decor`` and write the PDF (fonts embedded as subsets).

    The file is owner-only and appears only once complete (``services.output_files.replacing_file``)."""
    register_fonts()
    path = Path(output)
    with replacing_file(path) as partial:
        _build(partial, story, title=title, subject=subject, decor=decor, author=author)
    return path


def _build(path: Path, story: list[Flowable], *, title: str, subject: str, decor: PageDecor, author: str) -> None:
    doc = BaseDocTemplate(
        str(path),
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=title,
        subject=subject,
        author=author,
        creator="sakae_council",
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body", leftPadding=0, rightPadding=0
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPage=_on_page(decor))])
    doc.build(story, canvasmaker=numbered_canvas(decor))


def content_width() -> float:
    """Width of the text frame on an A4 page."""
    return PAGE_SIZE[0] - 2 * MARGIN_X
