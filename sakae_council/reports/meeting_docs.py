"""The papers of a meeting: 次第 (agenda), 出席簿 (sign-in sheet) and 議事録 (minutes), A4 PDFs.

This module draws the 次第 and the 出席簿; the 議事録 is ``reports.minutes_paper`` and what the three share is
``reports.meeting_parts`` — both re-exported here, where the screens, the command line and the tests import
the papers of a meeting from.

Each is drawn from a :class:`MeetingDetailDTO` alone, so the screen can read the meeting, warn about
characters that cannot be printed (:func:`unprintable_fields`), and draw the PDF off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from sakae_council.domain.enums import AgendaKind, AttendanceStatus
from sakae_council.reports.base import (
    build_pdf,
    content_width,
    grid_table,
    name_para,
    page_count,
    para,
    plain_table,
    styles,
    table_heading,
)
from sakae_council.reports.meeting_parts import (
    DRAFT_MARK,
    LATE_FILL,
    OVERDUE_MARK,
    RED,
    RED_HEX,
    SUPERSEDED_MARK,
    carried_table,
    clock,
    identity,
    info_table,
    page_decor,
    printed_fields,
    title_block,
    unprintable_fields,
    when_text,
)
from sakae_council.reports.minutes_paper import (
    build_minutes,
    collect_minutes,
    no_quorum_remark,
    quorum_sentence,
)
from sakae_council.services.meeting_dto import AttendanceDTO, MeetingDetailDTO  # no ORM: see minutes_read

__all__ = [
    "DRAFT_MARK",
    "LATE_FILL",
    "OVERDUE_MARK",
    "RED",
    "RED_HEX",
    "SUPERSEDED_MARK",
    "build_agenda",
    "build_minutes",
    "build_signin",
    "clock",
    "collect_minutes",
    "identity",
    "no_quorum_remark",
    "printed_fields",
    "quorum_sentence",
    "unprintable_fields",
    "when_text",
]


# --- 次第 --------------------------------------------------------------------------------------------


def _numbered_rows(items: Sequence[tuple[str, str]], width: float) -> Table:
    """(1) title ........ presenter, as a borderless two-column table."""
    st = styles()
    rows = [
        [para(f"（{i}）", st.cell), para(title, st.cell), name_para(who, st.cell)]
        for i, (title, who) in enumerate(items, start=1)
    ]
    return plain_table(
        rows,
        [16 * mm, width - 16 * mm - 42 * mm, 42 * mm],
        extra=[
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 7),
        ],
    )


def build_agenda(d: MeetingDetailDTO, output: str | Path) -> Path:
    """次第: what the meeting will discuss, handed out before it starts.

    Laid out with generous space between the sections so a normal agenda fills its page; when that
    would spill a few lines onto a second page, the space is narrowed until it fits (or cannot).
    """
    decor = page_decor(d, "次第")
    title = f"{d.title} 次第"
    pages = 0
    for gap in _AGENDA_GAPS:
        story = _agenda_story(d, gap)
        fitted = page_count(story, decor)
        if gap == _AGENDA_GAPS[0]:
            pages = fitted
        elif fitted < pages:
            return build_pdf(output, _agenda_story(d, gap), title=title, subject="次第", decor=decor)
    return build_pdf(output, _agenda_story(d, _AGENDA_GAPS[0]), title=title, subject="次第", decor=decor)


#: Space before a 次第 section heading (pt), most generous first.
_AGENDA_GAPS = (16.0, 9.0, 4.0)


def _agenda_story(d: MeetingDetailDTO, gap: float) -> list[Flowable]:
    st = styles()
    width = content_width()
    story: list[Flowable] = title_block(d, "次　　第")
    story.append(info_table([("日時", when_text(d)), ("場所", d.place or "（未定）")], width))
    story.append(Spacer(1, 4 * mm))
    sections: list[tuple[str, list[Flowable]]] = [("開会", [])]
    sections.append(("会長あいさつ", []))
    for kind in AgendaKind:
        items = [(a.title, a.presenter) for a in d.agenda_items if a.kind is kind]
        if items:
            sections.append((kind.label, [_numbered_rows(items, width - 8 * mm)]))
    if d.carried_action_items:
        sections.append(
            ("前回までの宿題事項", [carried_table(d.carried_action_items, width - 8 * mm, d.held_on)])
        )
    if not any(a.kind is AgendaKind.OTHER for a in d.agenda_items):
        sections.append(("その他", []))
    sections.append(("閉会", []))
    # One family on the whole 次第 (ゴシック: it is a list, not prose), and air between the sections so
    # a normal agenda fills the page instead of leaving its lower half empty.
    heading = ParagraphStyle("agenda-heading", parent=st.heading, spaceBefore=gap, spaceAfter=gap * 0.4)
    line = ParagraphStyle("agenda-line", parent=st.body_gothic, spaceAfter=2)
    for n, (title, body) in enumerate(sections, start=1):
        if any(isinstance(f, Table) and len(f._cellvalues) > 4 for f in body):
            # A long table: keepWithNext would carry it whole to the next page, leaving this one
            # half empty; its header row repeats instead (see table_heading).
            story += table_heading(f"{n}　{title}", heading)
        else:
            story.append(para(f"{n}　{title}", heading))
        story.extend(_indented(body))
    if d.handouts:
        story.append(Spacer(1, gap * 0.4))
        story.append(para("配布資料", heading))
        story.extend(para(f"・{h}", line) for h in d.handouts)
    if d.next_meeting:
        story.append(para("次回の予定", heading))
        story.append(para(d.next_meeting, line))
    return story


def _indented(flowables: Sequence[Flowable]) -> list[Flowable]:
    """Tables set in by the heading indent (a table has no left indent of its own)."""
    out: list[Flowable] = []
    for f in flowables:
        if isinstance(f, Table):
            f.hAlign = "RIGHT"
        out.append(f)
    return out


# --- 出席簿 ------------------------------------------------------------------------------------------

_SIGN_ROW = 11 * mm
_BLANK_GUEST_ROWS = 3


def _signin_table(rows_in: Sequence[AttendanceDTO], width: float, blank_rows: int = 0) -> Table:
    st = styles()
    widths = [10 * mm, width * 0.24, width * 0.22, 0.0, width * 0.2]
    widths[3] = width - sum(widths)
    rows: list[list[Any]] = [[para(h, st.cell_head) for h in ("No.", "所属・役職", "氏名", "署名", "備考")]]
    for i, a in enumerate(rows_in, start=1):
        note = para("", st.cell)
        if a.status is AttendanceStatus.PROXY:
            note = name_para(a.proxy_name, st.cell, before="代理: ")
        elif a.status is AttendanceStatus.ABSENT:
            note = para("欠席の連絡あり", st.cell)
        rows.append(
            [
                para(str(i), st.cell_center),
                para(a.affiliation, st.cell),
                name_para(a.name, st.cell),
                "",
                note,
            ]
        )
    for i in range(blank_rows):
        rows.append([para(str(len(rows_in) + i + 1), st.cell_center), "", "", "", ""])
    heights: list[float | None] = [None] + [_SIGN_ROW] * (len(rows) - 1)
    return grid_table(rows, widths, row_heights=heights)


def build_signin(d: MeetingDetailDTO, output: str | Path) -> Path:
    """出席簿: one row per expected attendee with a signature column; guests get blank rows."""
    st = styles()
    width = content_width()
    story: list[Flowable] = title_block(d, "出　席　簿")
    story.append(info_table([("日時", when_text(d)), ("場所", d.place or "（未定）")], width))
    groups = [("委員", d.members, 0), ("町職員", d.staff, 0), ("来賓・説明者", d.guests, _BLANK_GUEST_ROWS)]
    for heading, group, blank in groups:
        if not group and not blank:
            continue
        story += table_heading(f"{heading}（{len(group)}名）", st.heading)
        story.append(_signin_table(group, width, blank))
    story.append(Spacer(1, 3 * mm))
    story.append(
        para(
            "出席された方は署名欄にご署名ください。代理で出席された方は、備考欄に「代理」とご記入ください。",
            st.body,
        )
    )
    return build_pdf(
        output, story, title=f"{d.title} 出席簿", subject="出席簿", decor=page_decor(d, "出席簿")
    )
