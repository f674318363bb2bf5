"""委嘱状 (letters of commission) for the new and renewed members of a council's changeover, and 退任
thanks letters (感謝状) where wanted: one A4 page each, name, post, term, the issuer and an 印 place.

``services.seats.commission_batch`` reads who starts (and who left) on the changeover date;
``render_commissions`` draws them.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from sakae_council.db.engine import Database
from sakae_council.domain.enums import OfficerPost
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.fonts import unprintable_characters
from sakae_council.reports.style import (
    PROSE_FONT,
    Deferred,
    PageDecor,
    SealBox,
    build_pdf,
    content_width,
    name_para,
    para,
    plain_table,
    styles,
)
from sakae_council.services.seats import CommissionBatch, CommissionDTO, commission_batch

#: Who signs: the council's 会長 (default) or the town (for seats the town commissions).
ISSUERS = ("council", "town")
TOWN_ISSUER = "栄町長"


@dataclass(frozen=True)
class LetterStyles:
    title: ParagraphStyle
    name: ParagraphStyle
    text: ParagraphStyle
    date: ParagraphStyle
    issuer: ParagraphStyle


def _styles() -> LetterStyles:
    st = styles()
    return LetterStyles(
        title=ParagraphStyle("c-title", parent=st.title, fontName=PROSE_FONT, fontSize=30, leading=44),
        name=ParagraphStyle(
            "c-name", parent=st.body, fontSize=20, leading=30, alignment=TA_RIGHT, rightIndent=10 * mm
        ),
        text=ParagraphStyle(
            "c-text", parent=st.body, fontSize=15, leading=30, leftIndent=8 * mm, rightIndent=8 * mm
        ),
        date=ParagraphStyle("c-date", parent=st.body, fontSize=14, leading=24, leftIndent=8 * mm),
        issuer=ParagraphStyle("c-issuer", parent=st.body, fontSize=15, leading=26, alignment=TA_RIGHT),
    )


def _post_text(letter: CommissionDTO) -> str:
    return letter.post.label if letter.post is not OfficerPost.MEMBER else "委員"


def _term(letter: CommissionDTO) -> str:
    if letter.term_start and letter.term_end:
        return f"{to_wareki(letter.term_start)}から{to_wareki(letter.term_end)}まで"
    return ""


def _issuer(batch: CommissionBatch, issuer: str, ls: LetterStyles) -> list[Flowable]:
    """The issuer's lines with the 印 place at their right."""
    if issuer == "town":
        lines: list[Flowable] = [para(TOWN_ISSUER, ls.issuer)]
    else:
        lines = [para(batch.council_name, ls.issuer), name_para(batch.chair_name, ls.issuer, before="会長　")]
    width = content_width()
    extra = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (1, 0), (1, -1), "CENTER")]
    return [plain_table([[lines, SealBox(18 * mm)]], [width - 26 * mm, 26 * mm], extra=extra)]


def _letter(batch: CommissionBatch, letter: CommissionDTO, issuer: str) -> list[Flowable]:
    ls = _styles()
    council = batch.council_name
    if letter.retiring:
        title = "感　謝　状"
        text = (
            f"あなたは、{_term(letter) or '永年'}、{council}の{_post_text(letter)}として、"
            "地域のまちづくりに力を尽くされました。"
            "ここに退任にあたり、そのご尽力に深く感謝の意を表します。"
        )
        term_line = ""
    else:
        title = "委　嘱　状"
        # Two lines, broken where a careful secretary would: never 「委嘱しま／す。」.
        text = f"あなたを{council}の\n{_post_text(letter)}に委嘱します。"
        term_line = f"任期　{_term(letter)}" if _term(letter) else ""
    story: list[Flowable] = [
        Spacer(1, 25 * mm),
        para(title, ls.title),
        Spacer(1, 22 * mm),
        name_para(letter.name, ls.name, after="　様"),
        Spacer(1, 18 * mm),
        para(text, ls.text),
    ]
    if term_line:
        story += [Spacer(1, 8 * mm), para(term_line, ls.text)]
    story += [
        Spacer(1, 30 * mm),
        para(to_wareki(batch.issued_on), ls.date),
        Spacer(1, 14 * mm),
        *_issuer(batch, issuer, ls),
    ]
    return story


def _letter_page(
    batch: CommissionBatch, letter: CommissionDTO, issuer: str, new_page: bool
) -> list[Flowable]:
    return [PageBreak(), *_letter(batch, letter, issuer)] if new_page else _letter(batch, letter, issuer)


def render_commissions(
    batch: CommissionBatch, output: str | Path, *, thanks: bool = False, issuer: str = "council"
) -> Path:
    """Write the 委嘱状 (and with ``thanks`` the 感謝状) as one PDF, one letter per page."""
    letters = list(batch.letters) + (list(batch.thanks) if thanks else [])
    # each letter made only when the layout reaches it (a stress council's changeover: 940 letters, 940
    # pages, whose flowables were all held until the file was written)
    story: list[Flowable] = [
        Deferred(functools.partial(_letter_page, batch, letter, issuer, i > 0))
        for i, letter in enumerate(letters)
    ]
    if not letters:
        story.append(
            para(
                f"{to_wareki(batch.issued_on)}に始まる任期の委嘱はありません。役員改選を適用した日を指定してください。",
                ParagraphStyle("c-none", parent=styles().body, alignment=TA_CENTER),
            )
        )
    decor = PageDecor(
        header_left="委嘱状・感謝状" if thanks and batch.thanks else "委嘱状",
        header_context=batch.council_name,
        header_right=to_wareki(batch.issued_on),
    )
    return build_pdf(output, story, title=f"{batch.council_name} 委嘱状", decor=decor)


def build_commission_pdf(
    db: Database,
    district_id: int,
    on: date,
    output: str | Path,
    *,
    thanks: bool = False,
    issuer: str = "council",
) -> Path:
    """commission_batch + render_commissions (for the command line)."""
    return render_commissions(commission_batch(db, district_id, on), output, thanks=thanks, issuer=issuer)


__all__ = ["ISSUERS", "build_commission_pdf", "render_commissions", "unprintable_characters"]
