"""協働マニュアルの冊子 (booklet PDF): cover, table of contents, one chapter per new page, A4.

``collect_booklet`` reads either a published edition (its frozen snapshot: the booklet of 第N版 stays the
same however the manual is edited later) or the current text; ``render_booklet`` draws it off the GUI
thread. The table of contents is built in as many passes as it takes for its page numbers to settle
(ReportLab's ``multiBuild``): the numbers are the physical page numbers printed at the foot of each page
as 「n / N」, the cover being page 1 without a number.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Spacer,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, markup, register_fonts, unprintable_characters
from sakae_council.reports.manual_markdown import ACCENT, SHADE, MarkdownConverter, default_styles
from sakae_council.reports.paragraph import JPParagraph
from sakae_council.reports.style import PageDecor, PaperTemplate, content_height, story_height
from sakae_council.services import manual, manual_history
from sakae_council.services.manual import ManualSectionDTO
from sakae_council.services.output_files import replacing_file

TITLE = "協働マニュアル"
SUBTITLE = "小学校区の協働を支える地区担当職員のために"
ISSUER = "栄町 住民活動推進課"
#: The mark of an edition a later one replaced.
SUPERSEDED_MARK = "旧版"


@dataclass(frozen=True)
class BookletDocument:
    """Everything the booklet shows."""

    title: str
    edition_label: str
    #: None for the current, unpublished text.
    edition_number: int | None
    #: The edition's date of publication, or the printing date for the current text.
    issued_on: date
    chapters: tuple[ManualSectionDTO, ...]
    edition_title: str = ""
    #: A later edition replaced this one: the booklet is marked 「旧版」 on every page.
    superseded: bool = False

    @property
    def header_text(self) -> str:
        return f"{self.title} {self.edition_label}"

    def texts(self) -> list[str]:
        """Every piece of user text printed (for the missing-glyph check)."""
        out = [self.title, self.edition_title]

        def walk(nodes: tuple[ManualSectionDTO, ...]) -> None:
            for n in nodes:
                out.extend((n.label, n.body))
                walk(n.children)

        walk(self.chapters)
        return out


def collect_booklet(
    db: Database, edition: int | None = None, *, today: date | None = None
) -> BookletDocument:
    """The booklet of 第``edition``版 as published, or (None) of the current text dated ``today``."""
    if edition is None:
        return BookletDocument(
            title=TITLE,
            edition_label="未発行の原稿",
            edition_number=None,
            issued_on=today or date.today(),
            chapters=tuple(manual.list_tree(db)),
        )
    info = manual_history.get_edition(db, edition)
    default_title = f"{TITLE} {info.label}"
    return BookletDocument(
        title=TITLE,
        edition_label=info.label,
        edition_number=info.number,
        issued_on=info.published_on,
        chapters=tuple(manual_history.get_edition_tree(db, edition)),
        edition_title="" if info.title == default_title else info.title,
        superseded=any(e.number > info.number for e in manual_history.list_editions(db)),
    )


# --- styles --------------------------------------------------------------------------------------


def _styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("b-base", fontName=GOTHIC, fontSize=10.5, leading=17, wordWrap="CJK")
    return {
        "cover_title": ParagraphStyle(
            "cover-title", parent=base, fontName=GOTHIC_BOLD, fontSize=34, leading=44
        ),
        "cover_sub": ParagraphStyle("cover-sub", parent=base, fontSize=14, leading=22, textColor=ACCENT),
        "cover_edition": ParagraphStyle(
            "cover-ed", parent=base, fontName=GOTHIC_BOLD, fontSize=20, leading=28
        ),
        "cover_line": ParagraphStyle("cover-line", parent=base, fontSize=13, leading=20),
        "toc_title": ParagraphStyle(
            "toc-title", parent=base, fontName=GOTHIC_BOLD, fontSize=20, leading=28, spaceAfter=14
        ),
        "toc0": ParagraphStyle(
            "toc0", parent=base, fontName=GOTHIC_BOLD, fontSize=12, leading=18, spaceBefore=8
        ),
        "toc1": ParagraphStyle("toc1", parent=base, fontSize=10.5, leading=16, leftIndent=14 * mm),
        "toc2": ParagraphStyle("toc2", parent=base, fontSize=10.5, leading=16, leftIndent=22 * mm),
        "chapter": ParagraphStyle(
            "chapter",
            parent=base,
            fontName=GOTHIC_BOLD,
            fontSize=20,
            leading=28,
            spaceAfter=6,
            textColor=ACCENT,
        ),
        "section": ParagraphStyle(
            "section",
            parent=base,
            fontName=GOTHIC_BOLD,
            fontSize=13.5,
            leading=20,
            spaceBefore=14,
            spaceAfter=8,
            backColor=SHADE,
            borderPadding=(4, 6, 4, 6),
            keepWithNext=1,
        ),
        "subsection": ParagraphStyle(
            "subsection",
            parent=base,
            fontName=GOTHIC_BOLD,
            fontSize=12,
            leading=18,
            spaceBefore=10,
            spaceAfter=4,
            keepWithNext=1,
        ),
    }


class Heading(JPParagraph):
    """A chapter or section heading: goes into the table of contents and the PDF's outline."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(markup(text, style.fontName), style)
        self.toc_level = level
        self.toc_text = text
        self.toc_key = key


class _ChapterRule(Flowable):
    """The line under a chapter title."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, 10

    def draw(self) -> None:
        self.canv.setStrokeColor(ACCENT)
        self.canv.setLineWidth(1.6)
        self.canv.line(0, 6, self.width, 6)


# --- page furniture ------------------------------------------------------------------------------


class _BookletTemplate(PaperTemplate):
    """Cover, contents and body pages in the house style; headings feed the contents, the outline and
    the running header (the chapter of the page, 「目次」 on the contents)."""

    def __init__(self, filename: str, doc: BookletDocument, decor: PageDecor) -> None:
        super().__init__(
            filename,
            decor,
            title=doc.header_text,
            subject="協働マニュアル（職員向け）",
            author=ISSUER,
            page_ids=("cover", "toc", "body"),
        )
        self.booklet = doc

    def header_context(self) -> str:
        return self.running if self.pageTemplate.id == "body" else "目次"

    def afterFlowable(self, flowable: Flowable) -> None:  # noqa: N802 (ReportLab's name)
        super().afterFlowable(flowable)
        if isinstance(flowable, Heading):
            if flowable.toc_level == 0:
                self.running = flowable.toc_text
            self.canv.bookmarkPage(flowable.toc_key)
            self.canv.addOutlineEntry(
                flowable.toc_text, flowable.toc_key, level=flowable.toc_level, closed=flowable.toc_level > 0
            )
            self.notify(
                "TOCEntry",
                (flowable.toc_level, markup(flowable.toc_text, GOTHIC), self.page, flowable.toc_key),
            )


# --- story ---------------------------------------------------------------------------------------


def _cover(doc: BookletDocument, st: dict[str, ParagraphStyle]) -> list[Flowable]:
    issued = to_wareki(doc.issued_on)
    when = f"{issued} 発行" if doc.edition_number is not None else f"{issued} 印刷"
    story: list[Flowable] = [
        Spacer(1, 55 * mm),
        JPParagraph(markup(doc.title, GOTHIC_BOLD), st["cover_title"]),
        Spacer(1, 4 * mm),
        JPParagraph(markup("（職員向け）", GOTHIC), st["cover_sub"]),
        Spacer(1, 2 * mm),
        JPParagraph(markup(SUBTITLE, GOTHIC), st["cover_sub"]),
        Spacer(1, 30 * mm),
        JPParagraph(markup(doc.edition_label, GOTHIC_BOLD), st["cover_edition"]),
    ]
    if doc.edition_title:
        story.append(JPParagraph(markup(doc.edition_title, GOTHIC), st["cover_line"]))
    if doc.superseded:
        story.append(
            JPParagraph(markup(f"【{SUPERSEDED_MARK}】後の版で改められています", GOTHIC), st["cover_line"])
        )
    story += [
        Spacer(1, 4 * mm),
        JPParagraph(markup(when, GOTHIC), st["cover_line"]),
        Spacer(1, 60 * mm),
        JPParagraph(markup(ISSUER, GOTHIC), st["cover_line"]),
    ]
    return story


def _toc(st: dict[str, ParagraphStyle]) -> list[Flowable]:
    toc = TableOfContents(
        levelStyles=[st["toc0"], st["toc1"], st["toc2"]],
        dotsMinLevel=0,
        rightColumnWidth=18 * mm,
        # Cells are paragraphs, but the table still sets its own font: make it ours, not Helvetica.
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
    return [JPParagraph(markup("目次", GOTHIC_BOLD), st["toc_title"]), toc]


def _section(
    node: ManualSectionDTO, depth: int, conv: MarkdownConverter, st: dict[str, ParagraphStyle], width: float
) -> list[Flowable]:
    key = f"s{node.id}"
    if depth == 0:
        story: list[Flowable] = [
            Heading(node.label, st["chapter"], 0, key),
            _ChapterRule(width),
            Spacer(1, 4 * mm),
        ]
    else:
        style = st["section"] if depth == 1 else st["subsection"]
        story = [Heading(node.label, style, min(depth, 2), key)]
    story += conv.convert(node.body, heading_offset=min(depth + 1, 2))
    for i, child in enumerate(node.children):
        part = _section(child, depth + 1, conv, st, width)
        if (
            depth == 0
            and i == len(node.children) - 1
            and story_height(part, width) < _SHORT_TAIL * content_height()
        ):
            # The chapter's last section, when short, moves to the next page whole rather than
            # leaving its last two or three lines alone on a page of their own.
            part = [KeepTogether(part)]
        story += part
    return story


#: A chapter's last section shorter than this share of a page is never split.
_SHORT_TAIL = 0.4


def render_booklet(
    doc: BookletDocument, output: str | Path, *, progress: Callable[[int], None] | None = None
) -> Path:
    """Write ``doc`` as an A4 PDF to ``output`` (fonts embedded as subsets); returns the path."""
    st = _styles()
    path = Path(output)
    decor = PageDecor(
        header_left=doc.header_text,
        header_right=to_wareki(doc.issued_on),
        footer_left=f"{doc.title} {doc.edition_label}" + (f"　{SUPERSEDED_MARK}" if doc.superseded else ""),
        watermark=SUPERSEDED_MARK if doc.superseded else "",
        cover=True,
    )
    pdf = _BookletTemplate(str(path), doc, decor)
    conv = MarkdownConverter(default_styles(), pdf.width)
    story: list[Flowable] = [*_cover(doc, st), NextPageTemplate("toc"), PageBreak(), *_toc(st)]
    story.append(NextPageTemplate("body"))
    if not doc.chapters:
        story += [PageBreak(), JPParagraph(markup("（まだ章がありません）"), st["toc1"])]
    for i, chapter in enumerate(doc.chapters):
        story.append(PageBreak())
        story += _section(chapter, 0, conv, st, pdf.width)
        if progress is not None:
            progress(int((i + 1) * 50 / len(doc.chapters)))
    with replacing_file(path) as partial:  # complete or not at all
        pdf.filename = str(partial)
        pdf.multiBuild(story, canvasmaker=pdf.canvas_class(), maxPasses=6)
    if progress is not None:
        progress(100)
    return path


def build_booklet_pdf(
    db: Database, output: str | Path, *, edition: int | None = None, today: date | None = None
) -> Path:
    """collect_booklet + render_booklet in one call (for the command line)."""
    return render_booklet(collect_booklet(db, edition, today=today), output)


__all__ = [
    "BookletDocument",
    "Heading",
    "build_booklet_pdf",
    "collect_booklet",
    "render_booklet",
    "unprintable_characters",
]
