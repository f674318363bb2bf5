"""開催通知 — one A4 letter per invited member, with a cut-off 出欠票 at its foot; one PDF, one print job.

Two steps, as every paper: :func:`collect_notice` reads the meeting, its sender and its recipients into
a :class:`NoticeDocument` (so the window can name the unaddressed before drawing), :func:`render_notice`
draws it. Each letter carries the 宛名 (〒, address, name + 様) only when ``addresses`` is chosen —
printing addresses is a deliberate act, as the roster's 連絡先 is — and then the people without an
address get no letter but are listed on a last page, so nobody is silently left out. Without addresses
everyone gets a letter with the name alone (to hand out at the door or in a meeting).

A letter always fits its page: the text above the slip is set in a frame that shrinks a very long
agenda rather than spill it onto a second page, and the slip sits at the foot.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, time
from pathlib import Path

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepInFrame, PageBreak, Spacer, Table, TableStyle

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.fonts import GOTHIC, unprintable_characters
from sakae_council.reports.roster import address_markup
from sakae_council.reports.style import (
    GRID,
    PageDecor,
    build_pdf,
    content_height,
    content_width,
    name_markup,
    name_para,
    para,
    para_markup,
    story_height,
    styles,
)
from sakae_council.services import meeting_replies, meetings
from sakae_council.services.meeting_replies import InviteeDTO, PeopleChoice, SenderDTO

TITLE = "開催通知"
#: Height kept at the foot of every letter for the cut line and the 出欠票.
SLIP_HEIGHT = 72 * mm
REPLY_CHOICES = "出席　・　欠席　・　委任（代理人:　　　　　　　　　　　）"


@dataclass(frozen=True)
class NoticeDocument:
    """Everything the letters print."""

    meeting_id: int
    body_name: str
    number: int
    fiscal_year_label: str
    held_on: date
    start_time: time | None
    end_time: time | None
    place: str
    agenda: tuple[str, ...]
    handouts: tuple[str, ...]
    sender: SenderDTO
    issued_on: date
    reply_by: date
    addresses: bool
    #: Who gets a letter, in the order of the meeting's roster.
    letters: tuple[InviteeDTO, ...]
    #: Chosen people without an address (only with ``addresses``): listed, not printed.
    unaddressed: tuple[InviteeDTO, ...]

    @property
    def subject(self) -> str:
        """第3回 安食小学校区まちづくり協議会の開催について（通知）."""
        return f"第{self.number}回 {self.body_name}の開催について（通知）"

    def texts(self) -> list[str]:
        """Every piece of user text printed (for the missing-glyph check)."""
        out = [self.body_name, self.place, *self.agenda, *self.handouts]
        out += [self.sender.council_name, self.sender.chair_name]
        for i in (*self.letters, *self.unaddressed):
            out += [i.name, i.affiliation]
            if self.addresses:
                out += [i.postal_code, i.address]
        return [t for t in out if t]


def collect_notice(
    db: Database,
    meeting_id: int,
    *,
    issued_on: date,
    reply_by: date | None = None,
    people: PeopleChoice = "all",
    person_ids: Sequence[int] | None = None,
    addresses: bool = True,
) -> NoticeDocument:
    """The letters of a meeting's notice for ``people`` (or the ``person_ids`` chosen)."""
    detail = meetings.get_meeting(db, meeting_id)
    if issued_on > detail.held_on:
        raise ValidationError(
            "issued_on",
            msg(
                "発行日（{issued}）が開催日（{held}）より後になっています。発行日を確かめてください。",
                issued=to_wareki(issued_on), held=to_wareki(detail.held_on),
            ),
        )  # fmt: skip
    reply_by = reply_by or meeting_replies.reply_by_default(detail.held_on, issued_on)
    if reply_by > detail.held_on:
        raise ValidationError(
            "reply_by", "回答期限が開催日より後になっています。開催日より前の日を入れてください。"
        )
    chosen = meeting_replies.notice_recipients(db, meeting_id, people, person_ids).invitees
    letters = tuple(i for i in chosen if i.has_address or not addresses)
    unaddressed = tuple(i for i in chosen if addresses and not i.has_address)
    return NoticeDocument(
        meeting_id=detail.id,
        body_name=detail.body_name,
        number=detail.number,
        fiscal_year_label=detail.fiscal_year_label,
        held_on=detail.held_on,
        start_time=detail.start_time,
        end_time=detail.end_time,
        place=detail.place,
        agenda=tuple(a.title for a in detail.agenda_items),
        handouts=detail.handouts,
        sender=meeting_replies.notice_sender(db, meeting_id, issued_on),
        issued_on=issued_on,
        reply_by=reply_by,
        addresses=addresses,
        letters=letters,
        unaddressed=unaddressed,
    )


# --- drawing -----------------------------------------------------------------------------------------


def _clock(t: time) -> str:
    return f"{t.hour}時{t.minute:02d}分" if t.minute else f"{t.hour}時"


def when_text(doc: NoticeDocument) -> str:
    """令和8年12月12日（土）　19時〜20時30分."""
    text = to_wareki(doc.held_on, weekday=True)
    if doc.start_time is not None:
        text += f"　{_clock(doc.start_time)}〜" + (_clock(doc.end_time) if doc.end_time else "")
    return text


def _letter_styles() -> dict[str, ParagraphStyle]:
    st = styles()
    return {
        "postal": ParagraphStyle("notice-postal", parent=st.body_gothic, leftIndent=0, fontSize=11, leading=16),
        "address": ParagraphStyle("notice-address", parent=st.body_gothic, leftIndent=0, fontSize=11, leading=16),
        "to": ParagraphStyle("notice-to", parent=st.body_gothic, leftIndent=0, fontSize=15, leading=22, spaceBefore=4),
        "date": ParagraphStyle("notice-date", parent=st.right, spaceAfter=2),
        "from": ParagraphStyle("notice-from", parent=st.right),
        "subject": ParagraphStyle("notice-subject", parent=st.title, fontSize=13.5, leading=20, spaceBefore=8, spaceAfter=8),
        "body": ParagraphStyle("notice-body", parent=st.body, leftIndent=0, firstLineIndent=10.5),
        "ki": ParagraphStyle("notice-ki", parent=st.body_gothic, leftIndent=0, alignment=TA_CENTER, spaceBefore=6, spaceAfter=4),
        "item": ParagraphStyle("notice-item", parent=st.body_gothic, leftIndent=0),
        "end": ParagraphStyle("notice-end", parent=st.right),
        "slip_title": ParagraphStyle("slip-title", parent=st.title, fontSize=14, leading=20),
        "slip": ParagraphStyle("slip", parent=st.body_gothic, leftIndent=0, leading=16),
        "slip_center": ParagraphStyle("slip-center", parent=st.body_gothic, leftIndent=0, alignment=TA_CENTER, fontSize=12, leading=18),
        "slip_right": ParagraphStyle("slip-right", parent=st.body_gothic, leftIndent=0, alignment=TA_RIGHT),
    }  # fmt: skip


def _address_block(doc: NoticeDocument, who: InviteeDTO) -> list[Flowable]:
    ls = _letter_styles()
    out: list[Flowable] = []
    if doc.addresses:
        if who.postal_code:
            out.append(para(f"〒{who.postal_code}", ls["postal"]))
        out.append(para_markup(address_markup(who.address, ls["address"].fontName), ls["address"]))
    out.append(name_para(who.name, ls["to"], after="　様"))
    return out


def _items(doc: NoticeDocument, width: float, shown: int) -> Table:
    """日時・場所・議題・持ち物; the agenda's first ``shown`` items, then how many more the 次第 has."""
    st = styles()
    ls = _letter_styles()
    agenda = [para(f"（{n}）{t}", ls["item"]) for n, t in enumerate(doc.agenda[:shown], start=1)] or [
        para("当日お知らせします。", ls["item"])
    ]
    if shown < len(doc.agenda):
        agenda.append(para(f"ほか{len(doc.agenda) - shown}件（当日の次第をご覧ください）", ls["item"]))
    rows: list[list[object]] = [
        [para("1　日　時", st.cell_head), para(when_text(doc), ls["item"])],
        [para("2　場　所", st.cell_head), para(doc.place or "決まり次第お知らせします。", ls["item"])],
        [para("3　議　題", st.cell_head), agenda],
    ]
    if doc.handouts:
        rows.append([para("4　持ち物", st.cell_head), [para(f"・{h}", ls["item"]) for h in doc.handouts]])
    table = Table(rows, colWidths=[28 * mm, width - 28 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),  # never an unembedded Helvetica
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ]
        )
    )
    return table


def _letter_body(doc: NoticeDocument, who: InviteeDTO, width: float, shown: int) -> list[Flowable]:
    ls = _letter_styles()
    reply_by = to_wareki(doc.reply_by, weekday=True)
    sender = doc.sender
    story: list[Flowable] = [para(to_wareki(doc.issued_on), ls["date"]), *_address_block(doc, who)]
    story.append(para(sender.council_name, ls["from"]))
    if sender.chair_name:
        story.append(name_para(sender.chair_name, ls["from"], before=f"{sender.chair_post}　"))
    story += [
        para(doc.subject, ls["subject"]),
        para(
            "日頃より当会の活動にご理解とご協力をいただき、ありがとうございます。",
            ls["body"],
        ),
        para(
            f"さて、下記のとおり第{doc.number}回{doc.body_name}を開催いたします。ご多用のところ恐縮ですが、"
            "ご出席くださいますようお願いいたします。",
            ls["body"],
        ),
        para(
            f"出欠は、下の出欠票に記入し、{reply_by}までに事務局へお届けください。"
            "ご欠席の場合、代理の方に出席をお願いするときは「委任」に○をつけ、代理人の氏名をお書きください。",
            ls["body"],
        ),
        para("記", ls["ki"]),
        _items(doc, width, shown),
        para("以上", ls["end"]),
    ]
    return story


class CutLine(Flowable):
    """The dashed 「きりとり線」 across the page, with scissors' words in its middle."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.width = width
        self.height = 8 * mm

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        label, size = "きりとり線", 9.0
        text_w = size * len(label) + 8
        y = self.height / 2
        c.saveState()
        c.setDash(3, 2)
        c.setLineWidth(0.6)
        c.setStrokeColor(GRID)
        c.line(0, y, (self.width - text_w) / 2, y)
        c.line((self.width + text_w) / 2, y, self.width, y)
        c.restoreState()
        c.setFont(GOTHIC, size)
        c.drawCentredString(self.width / 2, y - size / 3, label)


def _slip(doc: NoticeDocument, who: InviteeDTO, width: float) -> list[Flowable]:
    ls = _letter_styles()
    font = ls["slip"].fontName
    meeting = (
        f"{doc.fiscal_year_label}　第{doc.number}回 {doc.body_name}（{to_wareki(doc.held_on, weekday=True)}）"
    )
    rows: list[list[object]] = [
        [para("出　欠　票", ls["slip_title"])],
        [para(meeting, ls["slip"])],
        [para_markup(f"{name_markup('氏名', font)}　{name_markup(who.name, font)}", ls["slip"])],
        [para("いずれかに○をつけてください。", ls["slip"])],
        [para(REPLY_CHOICES, ls["slip_center"])],
        [para(f"回答期限: {to_wareki(doc.reply_by, weekday=True)}までに事務局へ", ls["slip_right"])],
    ]
    table = Table(rows, colWidths=[width - 10 * mm], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                ("BOX", (0, 0), (-1, -1), 0.8, GRID),
                ("LINEBELOW", (0, 2), (0, 2), 0.4, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ("TOPPADDING", (0, 4), (0, 4), 8),
                ("BOTTOMPADDING", (0, 4), (0, 4), 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    return [CutLine(width), Spacer(1, 2 * mm), table]


def _unaddressed_page(doc: NoticeDocument) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        para("住所が登録されていないため通知を印刷していない方", st.heading),
        para(
            "次の方には、このPDFに通知が入っていません。手渡しするか、名簿に住所を登録してから印刷し直してください。",
            st.body,
        ),
        Spacer(1, 3 * mm),
    ]
    for i in doc.unaddressed:
        out.append(
            name_para(
                i.name, st.body_gothic, before="・", after=f"（{i.affiliation}）" if i.affiliation else ""
            )
        )
    return out


def _fitting_body(doc: NoticeDocument, who: InviteeDTO, width: float, height: float) -> list[Flowable]:
    """The letter with as much of the agenda as fits above the slip at full size (the rest counted as
    「ほか N件」); only a letter that cannot fit even so is set smaller (by the caller's KeepInFrame)."""
    for shown in range(len(doc.agenda), 0, -1):
        body = _letter_body(doc, who, width, shown)
        if story_height(body, width) <= height:
            return body
    return _letter_body(doc, who, width, min(1, len(doc.agenda)))


def render_notice(doc: NoticeDocument, output: str | Path) -> Path:
    """Write the letters, one per page, and (with addresses) the page listing who got none."""
    if not doc.letters and not doc.unaddressed:
        raise ValidationError(
            "people", "通知を送る方がいません。会議の「出欠」に委員が載っているか確かめてください。"
        )
    width = content_width()
    body_height = content_height() - SLIP_HEIGHT
    story: list[Flowable] = []
    for n, who in enumerate(doc.letters):
        if n:
            story.append(PageBreak())
        story.append(
            KeepInFrame(width, body_height, _fitting_body(doc, who, width, body_height), mode="shrink")
        )
        story.append(_FootSpacer(SLIP_HEIGHT))
        story += _slip(doc, who, width)
    if doc.unaddressed:
        if story:
            story.append(PageBreak())
        story += _unaddressed_page(doc)
    decor = PageDecor(
        header_left=TITLE,
        header_context=f"{doc.fiscal_year_label} 第{doc.number}回 {doc.body_name}",
        header_right=to_wareki(doc.issued_on),
    )
    return build_pdf(output, story, title=doc.subject, subject=TITLE, decor=decor)


class _FootSpacer(Flowable):
    """Takes up the room between the letter and the slip, so the slip sits at the foot of the page."""

    def __init__(self, keep: float) -> None:
        super().__init__()
        self.keep = keep
        self.width = 0.0
        self.height = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.height = max(0.0, availHeight - self.keep)
        return 0, self.height

    def draw(self) -> None:
        pass


__all__ = ["NoticeDocument", "collect_notice", "render_notice", "unprintable_characters"]
