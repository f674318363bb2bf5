"""The papers of a meeting: 次第 (agenda), 出席簿 (sign-in sheet) and 議事録 (minutes), A4 PDFs.

Each is drawn from a :class:`MeetingDetailDTO` alone, so the screen can read the meeting, warn about
characters that cannot be printed (:func:`unprintable_fields`), and draw the PDF off the GUI thread.
:func:`collect_minutes` picks what the minutes print: a draft as it stands, 確定 minutes as their
frozen snapshot (the latest, or the revision asked for), with the revision history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from sakae_council.domain.council import NO_QUORUM_REMARK, Quorum, QuorumState, is_overdue
from sakae_council.domain.enums import ActionStatus, AgendaKind, AttendanceStatus
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import (
    GRID,
    JPParagraph,
    PageDecor,
    SealBox,
    build_pdf,
    content_height,
    content_width,
    grid_table,
    label_markup,
    name_markup,
    name_para,
    page_count,
    para,
    para_markup,
    plain_table,
    story_height,
    styles,
    table_heading,
)
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup, unprintable_characters
from sakae_council.services.meeting_dtos import (
    ActionItemDTO,
    AttendanceDTO,
    MeetingDetailDTO,
    RevisionDTO,
    quorum,
)

if TYPE_CHECKING:  # the papers draw DTOs alone: no SQLAlchemy on the command line's quick print
    from sakae_council.db.engine import Database

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


def _who(a: AttendanceDTO, font: str) -> str:
    """岡田 洋子（会長） as markup, the name kept whole on one line."""
    name = name_markup(a.name, font)
    return name + markup(f"（{a.affiliation}）", font) if a.affiliation else name


def _present_text(a: AttendanceDTO, font: str) -> str:
    if a.status is AttendanceStatus.PROXY:
        return (
            _who(a, font)
            + markup("〔代理出席: ", font)
            + name_markup(a.proxy_name, font)
            + markup("〕", font)
        )
    return _who(a, font)


def _people(rows: Sequence[str], style: ParagraphStyle) -> Flowable:
    """Names (already markup) joined by 「、」, lines breaking only between them; 「なし」 when none."""
    return para_markup(markup("、", style.fontName).join(rows) or markup("なし", style.fontName), style)


def _wareki(d: date | None) -> str:
    return to_wareki(d) if d is not None else ""


def _local_date(rev: RevisionDTO) -> date:
    return rev.created_at.replace(tzinfo=UTC).astimezone().date()


def identity(d: MeetingDetailDTO) -> str:
    """会議体・年度・第N回・日付: what tells this meeting's pages from any other's."""
    return f"{d.body_name}　{d.fiscal_year_label} {d.number_label}　{d.held_on_label}"


def _decor(d: MeetingDetailDTO, document: str, *, watermark: str = "", footer_right: str = "") -> PageDecor:
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


def _due_cell(a: ActionItemDTO, on: date) -> list[JPParagraph]:
    """The 期限, with 「期限切れ」 under it when the 宿題 is still open past its due date on ``on``."""
    st = styles()
    cell = [para(_wareki(a.due_on), st.cell)]
    if a.status is ActionStatus.OPEN and is_overdue(a.due_on, on):
        cell.append(
            para_markup(f"<font name='{GOTHIC_BOLD}' color='{RED_HEX}'>{OVERDUE_MARK}</font>", st.cell)
        )
    return cell


def _overdue_fill(items: Sequence[ActionItemDTO], on: date, column: int) -> list[tuple[Any, ...]]:
    """The 連絡会まとめ's shading on the 期限 cell of every overdue row (row 0 is the header)."""
    return [
        ("BACKGROUND", (column, n), (column, n), LATE_FILL)
        for n, a in enumerate(items, start=1)
        if a.status is ActionStatus.OPEN and is_overdue(a.due_on, on)
    ]


def _carried_table(items: Sequence[ActionItemDTO], width: float, on: date) -> Table:
    """宿題 carried from earlier meetings; those past their due date on ``on`` (the meeting's day) are
    marked 期限切れ."""
    st = styles()
    rows: list[list[Any]] = [[para(h, st.cell_head) for h in ("内容", "担当", "期限", "出た会議")]]
    for a in items:
        rows.append(
            [
                para(a.content, st.cell),
                name_para(a.assignee, st.cell),
                _due_cell(a, on),
                para(a.meeting_label, st.cell),
            ]
        )
    widths = [width * 0.4, width * 0.18, width * 0.2, width * 0.22]
    return grid_table(rows, widths, extra=_overdue_fill(items, on, 2))


def _title_block(d: MeetingDetailDTO, document: str) -> list[Flowable]:
    st = styles()
    return [
        para(f"{d.fiscal_year_label}　{d.number_label}", st.subtitle),
        para(d.body_name, st.title),
        para(document, st.title),
        Spacer(1, 5 * mm),
    ]


def _info_table(pairs: Sequence[tuple[str, str]], width: float) -> Table:
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


def build_agenda(d: MeetingDetailDTO, output: str | Path) -> Path:
    """次第: what the meeting will discuss, handed out before it starts.

    Laid out with generous space between the sections so a normal agenda fills its page; when that
    would spill a few lines onto a second page, the space is narrowed until it fits (or cannot).
    """
    decor = _decor(d, "次第")
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
    story: list[Flowable] = _title_block(d, "次　　第")
    story.append(_info_table([("日時", when_text(d)), ("場所", d.place or "（未定）")], width))
    story.append(Spacer(1, 4 * mm))
    sections: list[tuple[str, list[Flowable]]] = [("開会", [])]
    sections.append(("会長あいさつ", []))
    for kind in AgendaKind:
        items = [(a.title, a.presenter) for a in d.agenda_items if a.kind is kind]
        if items:
            sections.append((kind.label, [_numbered_rows(items, width - 8 * mm)]))
    if d.carried_action_items:
        sections.append(
            ("前回までの宿題事項", [_carried_table(d.carried_action_items, width - 8 * mm, d.held_on)])
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
    story: list[Flowable] = _title_block(d, "出　席　簿")
    story.append(_info_table([("日時", when_text(d)), ("場所", d.place or "（未定）")], width))
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
    return build_pdf(output, story, title=f"{d.title} 出席簿", subject="出席簿", decor=_decor(d, "出席簿"))


# --- 議事録 ------------------------------------------------------------------------------------------


def collect_minutes(
    db: Database, meeting_id: int, revision: int | None = None
) -> tuple[MeetingDetailDTO, list[RevisionDTO]]:
    """What the minutes print: a draft as it stands; 確定 minutes as the frozen revision (latest by default).

    All the meeting's revisions come back, so the paper of an earlier one can say it was replaced.
    """
    from sakae_council.services import meetings, minutes_approval

    detail = meetings.get_meeting(db, meeting_id)
    revisions = minutes_approval.list_revisions(db, meeting_id)
    if revision is None and detail.is_approved and revisions:
        revision = revisions[-1].number
    if revision is not None:
        detail = minutes_approval.get_revision_snapshot(db, meeting_id, revision)
    return detail, revisions


def _status_line(
    d: MeetingDetailDTO, revisions: Sequence[RevisionDTO], *, superseded: bool = False
) -> list[Flowable]:
    st = styles()
    if not d.is_approved:
        stamp = Table([[para("下　書　き（未確定）", st.cell_center)]], colWidths=[46 * mm], hAlign="RIGHT")
        stamp.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, -1), GOTHIC_BOLD),
                    ("BOX", (0, 0), (-1, -1), 1.4, RED),
                    ("TEXTCOLOR", (0, 0), (-1, -1), RED),
                ]
            )
        )
        return [stamp]
    text = f"確定 {_wareki(d.approved_on)}"
    if d.revision > 1:
        current = next((r for r in revisions if r.number == d.revision), None)
        when = f"（{to_wareki(_local_date(current))}修正）" if current else ""
        text = f"第{d.revision}版{when}　" + text
    if superseded:
        text = f"【{SUPERSEDED_MARK}】この版は後の版で改められています　" + text
    return [para(text, st.right)]


def _attendance_section(d: MeetingDetailDTO) -> list[Flowable]:
    st = styles()
    q = quorum(d)
    present = [a for a in d.members if a.is_present]
    count = f"{q.present}名（委員総数{q.total}名" + (f"、うち代理出席{q.proxies}名）" if q.proxies else "）")
    out: list[Flowable] = [para("出席者（敬称略）", st.heading)]
    out += [
        para(f"委員　{count}", st.subheading),
        _people([_present_text(a, st.indent.fontName) for a in present], st.indent),
    ]
    staff = [a for a in d.staff if a.is_present]
    if d.staff:
        out += [
            para(f"町職員　{len(staff)}名", st.subheading),
            _people([_present_text(a, st.indent.fontName) for a in staff], st.indent),
        ]
    guests = [a for a in d.guests if a.is_present]
    if guests:
        out += [
            para(f"来賓・説明者　{len(guests)}名", st.subheading),
            _people([_who(a, st.indent.fontName) for a in guests], st.indent),
        ]
    out.append(para(f"傍聴者　{d.observers}名", st.subheading))
    absent = [a for a in d.attendance if a.status is AttendanceStatus.ABSENT]
    out.append(para(f"欠席者（敬称略）　{len(absent)}名", st.heading))
    out.append(_people([_who(a, st.body.fontName) for a in absent], st.body))
    unconfirmed = [a for a in d.attendance if a.status is AttendanceStatus.UNCONFIRMED]
    if unconfirmed:
        out.append(para(f"出欠未確認（敬称略）　{len(unconfirmed)}名", st.heading))
        out.append(_people([_who(a, st.body.fontName) for a in unconfirmed], st.body))
    out.append(para("会議の成立", st.heading))
    out.append(para(quorum_sentence(q), st.body))
    return out


def quorum_sentence(q: Quorum) -> str:
    """委員14名中12名が出席し、過半数に達したため、会議は成立した。 — or 未確定 while 未確認 could tip it."""
    proxies = f"（代理出席{q.proxies}名を含む）" if q.proxies else ""
    if q.state is QuorumState.MET:
        return f"委員{q.total}名中{q.present}名が出席{proxies}し、過半数に達したため、会議は成立した。"
    if q.state is QuorumState.NOT_MET:
        return (
            f"委員{q.total}名中{q.present}名が出席{proxies}し、過半数に達しないため、会議は成立していない。"
        )
    return (
        f"委員{q.total}名のうち{q.unconfirmed}名の出欠が未確認のため、会議の成立は未確定である"
        f"（出席を確認した委員{q.present}名、成立には{q.needed}名の出席が必要）。"
    )


def no_quorum_remark(d: MeetingDetailDTO) -> str:
    """The remark before the items of minutes without quorum: the council's wording, else the standard."""
    return d.no_quorum_remark.strip() or NO_QUORUM_REMARK


def _agenda_section(d: MeetingDetailDTO) -> tuple[list[Flowable], list[Flowable]]:
    """The 議事, and apart from it what goes with the 署名 block (see build_minutes): the whole last item
    when it is short, else its 結果 alone, labelled with the item's number so it reads on a new page."""
    st = styles()
    out: list[Flowable] = [para("議事", st.heading)]
    if quorum(d).state is QuorumState.NOT_MET:
        box = [("BOX", (0, 0), (-1, -1), 1.0, RED), ("TOPPADDING", (0, 0), (-1, -1), 4)]
        box.append(("BOTTOMPADDING", (0, 0), (-1, -1), 6))
        out.append(plain_table([[para(no_quorum_remark(d), st.body_gothic)]], [content_width()], extra=box))
        out.append(Spacer(1, 2 * mm))
    if not d.agenda_items:
        return [*out, para("なし", st.body)], []
    last: list[Flowable] = []
    count = len(d.agenda_items)
    for i, item in enumerate(d.agenda_items, start=1):
        block: list[Flowable] = [para(f"（{i}）【{item.kind.label}】{item.title}", st.subheading)]
        if item.presenter:
            block.append(
                para_markup(f"{label_markup('説明者')}　{name_markup(item.presenter, MINCHO)}", st.indent)
            )
        if item.discussion:
            # 「経過」 opens the first paragraph itself (a line of its own): it cannot be left at a page
            # foot without its text, and a long 経過 still starts right under it instead of being
            # carried whole to the next page (keepWithNext would do that).
            first, *rest = item.discussion.split("\n\n")
            block.append(para_markup(f"{label_markup('経過')}<br/>{markup(first, MINCHO)}", st.indent))
            block.extend(para(block_text, st.indent) for block_text in rest)
        result: list[Flowable] = []
        if item.result_text:
            result = [para_markup(f"{label_markup('結果')}　{markup(item.result_text, MINCHO)}", st.indent)]
        if i < count:
            out += block + result
        elif story_height(block, content_width()) < _SHORT_LAST_ITEM * content_height():
            last = block + result
        else:
            out += block
            if item.result_text:
                label = label_markup(f"結果（{i}）")
                last = [para_markup(f"{label}　{markup(item.result_text, MINCHO)}", st.indent)]
    return out, last


#: A last agenda item shorter than this share of a page goes whole with the 署名 block.
_SHORT_LAST_ITEM = 0.25


def _actions_table(items: Sequence[ActionItemDTO], width: float, on: date) -> Table:
    st = styles()
    rows: list[list[Any]] = [[para(h, st.cell_head) for h in ("No.", "内容", "担当", "期限")]]
    for i, a in enumerate(items, start=1):
        rows.append(
            [
                para(str(i), st.cell_center),
                para(a.content, st.cell),
                name_para(a.assignee, st.cell),
                _due_cell(a, on),
            ]
        )
    widths = [10 * mm, width - 10 * mm - width * 0.4, width * 0.2, width * 0.2]
    return grid_table(rows, widths, extra=_overdue_fill(items, on, 3))


def _signature_block(d: MeetingDetailDTO, width: float) -> list[Flowable]:
    st = styles()
    seal = 15 * mm
    rows = [
        [para(role, st.cell_head), name_para(name, st.cell), "", SealBox(seal)]
        for role, name in (
            ("議長", d.chair_name),
            ("議事録署名人", d.signatory1_name),
            ("議事録署名人", d.signatory2_name),
        )
    ]
    sign = width - 30 * mm - 42 * mm - seal - 6 * mm
    table = Table(rows, colWidths=[30 * mm, 42 * mm, sign, seal + 6 * mm], rowHeights=[seal + 5 * mm] * 3)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), GOTHIC),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (3, 0), (3, -1), "CENTER"),
                ("LINEBELOW", (1, 0), (2, -1), 0.6, colors.black),
            ]
        )
    )
    return [
        Spacer(1, 6 * mm),
        para(
            "上記の議事の経過及び結果を明確にするため、この議事録を作成し、議長及び議事録署名人が署名押印する。",
            st.body,
        ),
        Spacer(1, 3 * mm),
        para("令和　　年　　月　　日", st.body),
        Spacer(1, 2 * mm),
        table,
    ]


def build_minutes(d: MeetingDetailDTO, output: str | Path, *, revisions: Sequence[RevisionDTO] = ()) -> Path:
    """議事録 with every section, the 議長 and two 議事録署名人 boxes; drafts carry a clear 下書き mark.

    ``revisions`` are the meeting's revisions; when a later one than ``d.revision`` exists the paper is
    marked 「旧版」 (it was replaced) and its 改訂の記録 stops at its own revision.

    The 署名 block never stands alone on a page: it is kept with what leads to it — the last item's
    結果, the 決定事項, the 宿題事項 of this meeting, 次回 and 記録者 — and, should all that be more than a
    page, at least with 次回 and 記録者.
    """
    st = styles()
    width = content_width()
    latest = max((r.number for r in revisions), default=d.revision)
    superseded = d.is_approved and d.revision < latest
    revisions = [r for r in revisions if r.number <= d.revision]
    story: list[Flowable] = [
        *_title_block(d, "議　事　録")[:-1],
        *_status_line(d, revisions, superseded=superseded),
        Spacer(1, 3 * mm),
    ]
    story.append(_info_table([("日時", when_text(d)), ("場所", d.place or "（記載なし）")], width))
    story += _attendance_section(d)
    story.append(para("配布資料", st.heading))
    story.extend(para(f"・{h}", st.body) for h in d.handouts)
    if not d.handouts:
        story.append(para("なし", st.body))
    if d.carried_action_items:
        # Reviewed at the start of the meeting; printed before the 議事 so the end of the minutes
        # (last 結果, 決定事項, 署名) stays together.
        story += table_heading("継続中の宿題事項（前回までの会議から）", st.heading)
        story.append(_carried_table(d.carried_action_items, width, d.held_on))
    agenda, last_result = _agenda_section(d)
    story += agenda
    tail: list[Flowable] = [*last_result, para("決定事項", st.heading)]
    tail.extend(para(f"{i}．{t}", st.body) for i, t in enumerate(d.decisions, start=1))
    if not d.decisions:
        tail.append(para("なし", st.body))
    if d.action_items:
        tail += [
            para("宿題事項（この会議で決まったもの）", st.heading),
            _actions_table(d.action_items, width, d.held_on),
        ]
    closing: list[Flowable] = [para("今後の予定・次回", st.heading), para(d.next_meeting or "未定", st.body)]
    closing += [para("記録者", st.heading), name_para(d.recorder_name or "（未定）", st.body)]
    if d.revision > 1 and revisions:
        closing.append(para("改訂の記録", st.heading))
        for r in revisions:
            # 第1版 is the 確定 itself: its date is the 確定日 typed, not the day it was entered.
            when = d.approved_on if r.number == 1 and d.approved_on else _local_date(r)
            closing.append(para(f"第{r.number}版　{to_wareki(when)}　{r.reason}", st.body))
    closing += _signature_block(d, width)
    story.append(KeepTogether([*tail, KeepTogether(closing)]))
    footer = "" if d.is_approved else "下書き（未確定）"
    if d.is_approved and d.revision > 1:
        footer = f"第{d.revision}版"
    if superseded:
        footer = f"{SUPERSEDED_MARK}（第{d.revision}版・最新は第{latest}版）"
    watermark = DRAFT_MARK if not d.is_approved else (SUPERSEDED_MARK if superseded else "")
    decor = _decor(d, "議事録", watermark=watermark, footer_right=footer)
    return build_pdf(output, story, title=f"{d.title} 議事録", subject="議事録", decor=decor)
