"""総会議案書 (the annual general meeting's pack) of one council for one 年度: cover, 目次, 次第, the five
numbered 議案, the 会則 as an annex, and one 書面表決書・委任状 sheet per member (name pre-printed).

``collect_pack`` (services.general_meeting) reads the records and the secretary's kept edits;
``render_pack`` draws them, in two passes so that the contents' page numbers are those printed.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Spacer, Table

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import fiscal_year_label, to_wareki
from sakae_council.reports.contents import (
    Heading,
    build_with_contents,
    bylaws_flowables,
    contents_flowables,
    text_flowables,
)
from sakae_council.reports.fonts import unprintable_characters
from sakae_council.reports.style import (
    BODY_SIZE,
    GRID,
    Deferred,
    PageDecor,
    SealBox,
    content_width,
    grid_table,
    name_para,
    para,
    plain_table,
    styles,
)
from sakae_council.services.general_meeting import MOTIONS, GeneralMeetingPack, PackPart, collect_pack

TITLE = "総会議案書"
FORMS_TITLE = "書面表決書・委任状"


def _cover(pack: GeneralMeetingPack) -> list[Flowable]:
    st = styles()
    big = ParagraphStyle("gm-cover", parent=st.title, fontSize=28, leading=40)
    line = ParagraphStyle("gm-cover-line", parent=st.subtitle, fontSize=14, leading=22)
    left = ParagraphStyle("gm-cover-left", parent=st.body_gothic, fontSize=13, leading=22, leftIndent=30 * mm)
    fy = pack.facts.fiscal_year
    story: list[Flowable] = [
        Spacer(1, 45 * mm),
        para(pack.facts.council_name, line),
        Spacer(1, 6 * mm),
        para(TITLE, big),
        Spacer(1, 6 * mm),
        para(f"{pack.fiscal_year_label} 事業報告・決算", line),
        para(f"{fiscal_year_label(fy + 1)} 事業計画（案）・予算（案）", line),
        Spacer(1, 25 * mm),
    ]
    story += [para(x, left) for x in pack.part(PackPart.COVER).text.split("\n")]
    story += [Spacer(1, 40 * mm), para(pack.facts.council_name, line)]
    return story


class _CutLine(Flowable):
    """A dashed line with 「キリトリ線」 between the two forms of a sheet."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        return availWidth, 10 * mm

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(GRID)
        c.setDash(4, 3)
        c.line(0, 5 * mm, self.width, 5 * mm)
        c.setFont(styles().small.fontName, BODY_SIZE)
        c.setFillColor(GRID)
        label = " キリトリ線 "
        c.setFillColorRGB(1, 1, 1)
        c.rect(self.width / 2 - 16 * mm, 3 * mm, 32 * mm, 4.5 * mm, stroke=0, fill=1)
        c.setFillColor(GRID)
        c.drawCentredString(self.width / 2, 4 * mm, label)
        c.restoreState()


def _signature(name: str) -> Table:
    st = styles()
    width = content_width()
    rows = [
        [para("令和　　年　　月　　日", st.body_gothic), "", ""],
        [
            para("氏名", st.body_gothic),
            name_para(name, ParagraphStyle("sig", parent=st.cell, fontSize=13, leading=18)),
            SealBox(13 * mm),
        ],
    ]
    return plain_table(
        rows, [width * 0.45, width * 0.4, width * 0.15], extra=[("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
    )


def _form_sheet(pack: GeneralMeetingPack, name: str) -> list[Flowable]:
    st = styles()
    council = pack.facts.council_name
    title = ParagraphStyle("gm-form-title", parent=st.title, fontSize=15, leading=22, spaceAfter=4)
    motions: list[list[object]] = [
        [para("議案", st.cell_head), para("賛成", st.cell_center), para("反対", st.cell_center)]
    ]
    motions += [[para(pack.part(p).title, st.cell), "", ""] for p in MOTIONS]
    width = content_width()
    vote = grid_table(
        motions, [width * 0.7, width * 0.15, width * 0.15], row_heights=[None] + [9 * mm] * len(MOTIONS)
    )
    return [
        para("書面表決書", title),
        para(f"{council} 会長 様", st.body_gothic),
        Spacer(1, 2 * mm),
        para(
            f"私は、{council}の総会に出席できませんので、各議案について次のとおり表決します。"
            "（賛成・反対のどちらかの欄に○をつけてください）",
            st.body,
        ),
        Spacer(1, 2 * mm),
        vote,
        Spacer(1, 3 * mm),
        _signature(name),
        Spacer(1, 16 * mm),  # the cut line near the middle of the sheet: two halves to hand in
        _CutLine(),
        Spacer(1, 10 * mm),
        para("委任状", title),
        para(f"{council} 会長 様", st.body_gothic),
        Spacer(1, 2 * mm),
        para(
            f"私は、＿＿＿＿＿＿＿＿＿＿＿＿ を代理人と定め、{council}の総会における議決権の行使を委任します。",
            st.body,
        ),
        para("（代理人の氏名が空欄のときは、議長に委任したものとします）", st.small),
        Spacer(1, 3 * mm),
        _signature(name),
    ]


def _sheet_on_new_page(pack: GeneralMeetingPack, name: str) -> list[Flowable]:
    return [PageBreak(), *_form_sheet(pack, name)]


def _forms(pack: GeneralMeetingPack) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        Heading(FORMS_TITLE),
        para(
            "総会に出席できない方は、書面表決書か委任状のどちらか一方に記入し、押印のうえ、総会の前日までに"
            "事務局へ提出してください。次のページから、委員お一人に一枚ずつ、お名前を印刷してあります。",
            st.body,
        ),
        Spacer(1, 3 * mm),
        para(f"委員 {len(pack.members)}名分", st.body_gothic),
    ]
    # each member's sheet made only when the layout reaches it (a council of 900 members: 900 pages)
    story += [Deferred(functools.partial(_sheet_on_new_page, pack, name)) for name in pack.members]
    if not pack.members:
        story.append(para("（この日に在任中の委員がいません）", st.body))
    return story


def pack_story(pack: GeneralMeetingPack) -> list[Flowable]:
    """The pack's flowables, cover first."""
    st = styles()
    story: list[Flowable] = [*_cover(pack), NextPageTemplate("body"), PageBreak(), *contents_flowables()]
    # each part's text made only when the layout reaches it, on every pass: made up front, the parts' tables
    # (at stress an 役員改選 of 950 rows, a 事業計画 of 2,000) were held wrapped through both passes (~14 MB)
    story += [
        PageBreak(),
        Heading("次第"),
        Deferred(functools.partial(text_flowables, pack.part(PackPart.AGENDA).text)),
    ]
    for part in MOTIONS:
        text = pack.part(part)
        story += [PageBreak(), Heading(text.title), Deferred(functools.partial(text_flowables, text.text))]
    story += [PageBreak(), Heading(f"（附属資料）{pack.bylaws_title}")]
    if pack.bylaws_body:
        note = "・".join(
            x
            for x in (
                pack.bylaws_revision,
                f"{to_wareki(pack.bylaws_effective_on)}施行" if pack.bylaws_effective_on else "",
            )
            if x
        )
        if note:
            story.append(para(note, ParagraphStyle("gm-note", parent=st.small, alignment=TA_CENTER)))
        story += bylaws_flowables(pack.bylaws_body)
    else:
        story.append(para("（会則がまだ登録されていません。「会則」の画面で登録してください）", st.body))
    story += [PageBreak(), *_forms(pack)]
    return story


def render_pack(pack: GeneralMeetingPack, output: str | Path) -> Path:
    """Write the pack as an A4 PDF (fonts embedded as subsets); returns the path."""
    decor = PageDecor(
        header_left=TITLE,
        header_context=pack.facts.council_name,
        header_right=to_wareki(pack.printed_on),
        footer_left=f"{pack.facts.council_name} {pack.fiscal_year_label} {TITLE}",
        cover=True,
    )
    return build_with_contents(
        output,
        pack_story(pack),
        title=f"{pack.facts.council_name} {TITLE}",
        decor=decor,
        subject=pack.fiscal_year_label,
    )


def build_pack_pdf(
    db: Database, district_id: int, fiscal_year: int, output: str | Path, *, today: date | None = None
) -> Path:
    """collect_pack + render_pack in one call (for the command line)."""
    return render_pack(collect_pack(db, district_id, fiscal_year, today=today), output)


__all__ = ["build_pack_pdf", "collect_pack", "pack_story", "render_pack", "unprintable_characters"]
