"""議事録 (minutes), an A4 PDF drawn from a :class:`MeetingDetailDTO`: attendance and quorum, the items with
their 経過 and 結果, 決定事項, 宿題事項, and the 署名 block kept with what leads to it; drafts carry a clear
下書き mark and a replaced revision 旧版. :func:`collect_minutes` picks what the minutes print: a draft as it
stands, 確定 minutes as their frozen snapshot (the latest, or the revision asked for), with the revision history.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from sakae_council.domain.council import NO_QUORUM_REMARK, Quorum, QuorumState
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import (
    SealBox,
    build_pdf,
    content_height,
    content_width,
    grid_table,
    label_markup,
    name_markup,
    name_para,
    para,
    para_markup,
    plain_table,
    story_height,
    styles,
    table_heading,
)
from sakae_council.reports.fonts import GOTHIC, GOTHIC_BOLD, MINCHO, markup
from sakae_council.reports.meeting_parts import (
    DRAFT_MARK,
    RED,
    SUPERSEDED_MARK,
    carried_table,
    due_cell,
    info_table,
    local_date,
    overdue_fill,
    page_decor,
    people_para,
    present_markup,
    title_block,
    wareki_or_blank,
    when_text,
    who_markup,
)
from sakae_council.services.meeting_dto import ActionItemDTO, MeetingDetailDTO, quorum
from sakae_council.services.minutes_snapshot import RevisionDTO

if TYPE_CHECKING:  # the papers draw DTOs alone: no SQLAlchemy on the command line's quick print
    from sakae_council.db.engine import Database


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
    text = f"確定 {wareki_or_blank(d.approved_on)}"
    if d.revision > 1:
        current = next((r for r in revisions if r.number == d.revision), None)
        when = f"（{to_wareki(local_date(current))}修正）" if current else ""
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
        people_para([present_markup(a, st.indent.fontName) for a in present], st.indent),
    ]
    staff = [a for a in d.staff if a.is_present]
    if d.staff:
        out += [
            para(f"町職員　{len(staff)}名", st.subheading),
            people_para([present_markup(a, st.indent.fontName) for a in staff], st.indent),
        ]
    guests = [a for a in d.guests if a.is_present]
    if guests:
        out += [
            para(f"来賓・説明者　{len(guests)}名", st.subheading),
            people_para([who_markup(a, st.indent.fontName) for a in guests], st.indent),
        ]
    out.append(para(f"傍聴者　{d.observers}名", st.subheading))
    absent = [a for a in d.attendance if a.status is AttendanceStatus.ABSENT]
    out.append(para(f"欠席者（敬称略）　{len(absent)}名", st.heading))
    out.append(people_para([who_markup(a, st.body.fontName) for a in absent], st.body))
    unconfirmed = [a for a in d.attendance if a.status is AttendanceStatus.UNCONFIRMED]
    if unconfirmed:
        out.append(para(f"出欠未確認（敬称略）　{len(unconfirmed)}名", st.heading))
        out.append(people_para([who_markup(a, st.body.fontName) for a in unconfirmed], st.body))
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
                due_cell(a, on),
            ]
        )
    widths = [10 * mm, width - 10 * mm - width * 0.4, width * 0.2, width * 0.2]
    return grid_table(rows, widths, extra=overdue_fill(items, on, 3))


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
        *title_block(d, "議　事　録")[:-1],
        *_status_line(d, revisions, superseded=superseded),
        Spacer(1, 3 * mm),
    ]
    story.append(info_table([("日時", when_text(d)), ("場所", d.place or "（記載なし）")], width))
    story += _attendance_section(d)
    story.append(para("配布資料", st.heading))
    story.extend(para(f"・{h}", st.body) for h in d.handouts)
    if not d.handouts:
        story.append(para("なし", st.body))
    if d.carried_action_items:
        # Reviewed at the start of the meeting; printed before the 議事 so the end of the minutes
        # (last 結果, 決定事項, 署名) stays together.
        story += table_heading("継続中の宿題事項（前回までの会議から）", st.heading)
        story.append(carried_table(d.carried_action_items, width, d.held_on))
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
            when = d.approved_on if r.number == 1 and d.approved_on else local_date(r)
            closing.append(para(f"第{r.number}版　{to_wareki(when)}　{r.reason}", st.body))
    closing += _signature_block(d, width)
    story.append(KeepTogether([*tail, KeepTogether(closing)]))
    footer = "" if d.is_approved else "下書き（未確定）"
    if d.is_approved and d.revision > 1:
        footer = f"第{d.revision}版"
    if superseded:
        footer = f"{SUPERSEDED_MARK}（第{d.revision}版・最新は第{latest}版）"
    watermark = DRAFT_MARK if not d.is_approved else (SUPERSEDED_MARK if superseded else "")
    decor = page_decor(d, "議事録", watermark=watermark, footer_right=footer)
    return build_pdf(output, story, title=f"{d.title} 議事録", subject="議事録", decor=decor)
