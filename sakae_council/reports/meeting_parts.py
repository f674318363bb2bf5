"""What the three papers of a meeting (次第, 出席簿, 議事録) share: the marks (下書き, 旧版, 期限切れ), the text
of times, names and revisions, the page decor that names the meeting on every page, the title block, the 日時・
場所 table and the table of 宿題 carried from earlier meetings, and the list of user texts they print (to warn
about characters no font has).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, time
from typing import Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from sakae_council.domain.council import is_overdue
from sakae_council.domain.enums import ActionStatus, AttendanceStatus
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import (
    GRID,
    JPParagraph,
    PageDecor,
    grid_table,
    name_markup,
    name_para,
    para,
    para_markup,
    styles,
)
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup, unprintable_characters
from sakae_council.services.meeting_dto import ActionItemDTO, AttendanceDTO, MeetingDetailDTO
from sakae_council.services.minutes_snapshot import RevisionDTO

DRAFT_MARK = "下書き"
#: The mark of minutes printed at a revision that a later one replaced.
SUPERSEDED_MARK = "旧版"
OVERDUE_MARK = "期限切れ"
RED_HEX = "#B71C1C"
RED = colors.HexColor(RED_HEX)
#: The fill the 連絡会まとめ shades overdue 宿題 with, so the papers mark them alike.
LATE_FILL = colors.HexColor("#FBE3E1")


# --- text pieces -------------------------------------------------------------------------------------


def clock(t: time) -> str:
    """19時00分."""
    return f"{t.hour}時{t.minute:02d}分"


def when_text(d: MeetingDetailDTO) -> str:
    """令和8年8月1日（土）19時00分〜20時30分."""
    text = d.held_on_label
    if d.start_time is not None:
        text += f"　{clock(d.start_time)}〜" + (clock(d.end_time) if d.end_time is not None else "")
    return text


def who_markup(a: AttendanceDTO, font: str) -> str:
    """岡田 洋子（会長） as markup, the name kept whole on one line."""
    name = name_markup(a.name, font)
    return name + markup(f"（{a.affiliation}）", font) if a.affiliation else name


def present_markup(a: AttendanceDTO, font: str) -> str:
    if a.status is AttendanceStatus.PROXY:
        return (
            who_markup(a, font)
            + markup("〔代理出席: ", font)
            + name_markup(a.proxy_name, font)
            + markup("〕", font)
        )
    return who_markup(a, font)


def people_para(rows: Sequence[str], style: ParagraphStyle) -> Flowable:
    """Names (already markup) joined by 「、」, lines breaking only between them; 「なし」 when none."""
    return para_markup(markup("、", style.fontName).join(rows) or markup("なし", style.fontName), style)


def wareki_or_blank(d: date | None) -> str:
    return to_wareki(d) if d is not None else ""


def local_date(rev: RevisionDTO) -> date:
    return rev.created_at.replace(tzinfo=UTC).astimezone().date()


def identity(d: MeetingDetailDTO) -> str:
    """会議体・年度・第N回・日付: what tells this meeting's pages from any other's."""
    return f"{d.body_name}　{d.fiscal_year_label} {d.number_label}　{d.held_on_label}"


def page_decor(
    d: MeetingDetailDTO, document: str, *, watermark: str = "", footer_right: str = ""
) -> PageDecor:
    # The footer repeats the meeting's identity on every page, so loose pages of two meetings'
    # papers cannot be mixed (the header says it too, but a header is what gets stapled over).
    return PageDecor(
        header_left=document,
        header_context=f"{d.body_name}　{d.fiscal_year_label} {d.number_label}",
        header_right=d.held_on_label,
        footer_left=f"{identity(d)}　{document}",
        footer_right=footer_right,
        watermark=watermark,
    )


def printed_fields(d: MeetingDetailDTO) -> list[tuple[str, str]]:
    """(field label, text) of every piece of user text the three documents print."""
    out = [("会議体", d.body_name), ("場所", d.place), ("次回の予定", d.next_meeting)]
    out += [("議長", d.chair_name), ("記録者", d.recorder_name)]
    out += [("議事録署名人", d.signatory1_name), ("議事録署名人", d.signatory2_name)]
    for a in d.attendance:
        out += [("出席者の氏名", a.name), ("出席者の所属", a.affiliation), ("代理出席者名", a.proxy_name)]
    out += [("配布資料", h) for h in d.handouts]
    for i, item in enumerate(d.agenda_items, start=1):
        out += [
            (f"議題{i}の題名", item.title),
            (f"議題{i}の説明者", item.presenter),
            (f"議題{i}の経過", item.discussion),
        ]
    out += [("決定事項", t) for t in d.decisions]
    for action in (*d.action_items, *d.carried_action_items):
        out += [("宿題事項の内容", action.content), ("宿題事項の担当", action.assignee)]
    return [(label, text) for label, text in out if text]


def unprintable_fields(d: MeetingDetailDTO) -> list[tuple[str, list[str]]]:
    """Fields holding characters no font (main or fallback) can print: [(field label, [characters])]."""
    found: dict[str, list[str]] = {}
    for label, text in printed_fields(d):
        for font in (MINCHO, GOTHIC):
            for ch in unprintable_characters([text], font):
                chars = found.setdefault(label, [])
                if ch not in chars:
                    chars.append(ch)
    return list(found.items())


# --- pieces the papers share ---------------------------------------------------------------------


def due_cell(a: ActionItemDTO, on: date) -> list[JPParagraph]:
    """The 期限, with 「期限切れ」 under it when the 宿題 is still open past its due date on ``on``."""
    st = styles()
    cell = [para(wareki_or_blank(a.due_on), st.cell)]
    if a.status is ActionStatus.OPEN and is_overdue(a.due_on, on):
        cell.append(
            para_markup(f"<font name='{GOTHIC_BOLD}' color='{RED_HEX}'>{OVERDUE_MARK}</font>", st.cell)
        )
    return cell


def overdue_fill(items: Sequence[ActionItemDTO], on: date, column: int) -> list[tuple[Any, ...]]:
    """The 連絡会まとめ's shading on the 期限 cell of every overdue row (row 0 is the header)."""
    return [
        ("BACKGROUND", (column, n), (column, n), LATE_FILL)
        for n, a in enumerate(items, start=1)
        if a.status is ActionStatus.OPEN and is_overdue(a.due_on, on)
    ]


def carried_table(items: Sequence[ActionItemDTO], width: float, on: date) -> Table:
    """宿題 carried from earlier meetings; those past their due date on ``on`` (the meeting's day) are
    marked 期限切れ."""
    st = styles()
    rows: list[list[Any]] = [[para(h, st.cell_head) for h in ("内容", "担当", "期限", "出た会議")]]
    for a in items:
        rows.append(
            [
                para(a.content, st.cell),
                name_para(a.assignee, st.cell),
                due_cell(a, on),
                para(a.meeting_label, st.cell),
            ]
        )
    widths = [width * 0.4, width * 0.18, width * 0.2, width * 0.22]
    return grid_table(rows, widths, extra=overdue_fill(items, on, 2))


def title_block(d: MeetingDetailDTO, document: str) -> list[Flowable]:
    st = styles()
    return [
        para(f"{d.fiscal_year_label}　{d.number_label}", st.subtitle),
        para(d.body_name, st.title),
        para(document, st.title),
        Spacer(1, 5 * mm),
    ]


def info_table(pairs: Sequence[tuple[str, str]], width: float) -> Table:
    st = styles()
    rows = [[para(label, st.cell_head), para(value, st.body_gothic)] for label, value in pairs if value]
    table = Table(rows, colWidths=[24 * mm, width - 24 * mm])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, GRID),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ]
        )
    )
    return table
