"""Pages of the one print style (see :mod:`sakae_council.reports.style` for the rules): what every page shows
around the text (:class:`PageDecor`: running header, 「n / N」 footer, watermark, cover), the one page-number
canvas, the page template, :func:`build_pdf` that writes a paper, and measuring a story (pages, height, the
text frame's size).
"""

from __future__ import annotations

import contextlib
import io
import tempfile
import threading
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
)

from sakae_council.cancel import CancelToken
from sakae_council.cancel import current as current_token
from sakae_council.heap import trim_heap
from sakae_council.reports.fonts import register_fonts, release_font_pages
from sakae_council.reports.pdf_writing import encode_now, written_as_formatted
from sakae_council.reports.typeset import (
    AUTHOR,
    FOOTER_Y,
    FURNITURE_SIZE,
    GRID,
    HEADER_Y,
    LABEL_BOLD,
    LABEL_FONT,
    MARGIN_BOTTOM,
    MARGIN_INNER,
    MARGIN_OUTER,
    MARGIN_TOP,
    PAGE_SIZE,
    para,
    styles,
)
from sakae_council.services.output_files import replacing_file

#: Held while a paper is laid out (see build_pdf); re-entrant, as a paper may measure a part first.
RENDER_LOCK = threading.RLock()
_drawing = threading.local()


@contextlib.contextmanager
def drawing() -> Iterator[None]:
    """Hold RENDER_LOCK while a paper is drawn; when the outermost drawing ends, give back what it used:
    the font files' pages its subsets read and (glibc) the freed heap, so a long paper's peak does not
    stay the program's resident size for the rest of the session."""
    with RENDER_LOCK:
        depth = getattr(_drawing, "depth", 0)
        _drawing.depth = depth + 1
        try:
            yield
        finally:
            _drawing.depth = depth
            if depth == 0:
                release_font_pages()
                trim_heap()


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
        self._first_state: dict[str, Any] | None = None
        self._spill: IO[bytes] | None = None

    def showPage(self) -> None:  # noqa: N802 (ReportLab's name)
        """Keep the finished page until the page count is known, small: its drawing operators compressed in
        a temporary file (ReportLab joins them with newlines when it writes the page, so joining them here
        changes nothing in the file), and of the canvas's state only what differs from the first page's
        (a copy of the whole state and the operators as a list cost a 4,700-page roster ~60 MB)."""
        code = zlib.compress("\n".join(self._code).encode("utf-8"), 1)
        if self._spill is None:
            self._spill = tempfile.TemporaryFile(prefix="sakae-pages-")  # noqa: SIM115 - closed in save
        where = (self._spill.seek(0, io.SEEK_END), len(code))
        self._spill.write(code)
        if self._first_state is None:
            self._first_state = dict(self.__dict__)
        first = self._first_state
        state = {k: v for k, v in self.__dict__.items() if k not in first or first[k] is not v}
        state["_code"] = where
        self._pages.append(state)
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        pages, self._pages = self._pages, []
        pages.reverse()
        first, spill = self._first_state or {}, self._spill
        streams = tempfile.TemporaryFile(prefix="sakae-streams-")  # noqa: SIM115 - closed below
        while pages:  # each page's state let go as it is written
            state = pages.pop()
            if spill is not None:
                offset, length = state["_code"]
                spill.seek(offset)
                state["_code"] = [zlib.decompress(spill.read(length)).decode("utf-8")]
            self.__dict__.update(first)
            self.__dict__.update(state)
            del state
            if not (self.decor.cover and self._pageNumber == 1):
                self._draw_footer(total)
            super().showPage()
            encode_now(self._doc.Pages.pages[-1], streams)
        if spill is not None:
            spill.close()
        self._spill = self._first_state = None
        target: Any = getattr(self, "_filename")  # noqa: B009 - ReportLab sets it untyped
        with streams:
            if isinstance(target, str):  # written piece by piece as it is formatted (see pdf_writing)
                with open(target, "wb") as out, written_as_formatted(out):
                    self._filename = out
                    super().save()
            else:
                with written_as_formatted(target):
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
    with drawing(), replacing_file(path) as partial:
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
