"""引継ぎ資料 (handover pack) for a council's incoming officers: one PDF with contents, every page marked
with the date and 「引継ぎ資料（取扱注意）」 (it holds the officers' contacts).

``services.handover.collect_handover`` reads the records; ``render_handover`` draws them in two passes
(the contents' page numbers are those printed at the foot).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TypeVar

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import fiscal_year_label, to_wareki
from sakae_council.reports.contents import (
    Heading,
    build_with_contents,
    column_widths,
    contents_flowables,
    text_flowables,
)
from sakae_council.reports.fonts import unprintable_characters
from sakae_council.reports.manual_markdown import MarkdownConverter, default_styles
from sakae_council.reports.meeting_docs import when_text
from sakae_council.reports.style import Deferred, PageDecor, content_width, grid_table, para, styles
from sakae_council.services.general_meeting import NO_BOOKS
from sakae_council.services.handover import ActiveProject, HandoverDocument, IssueHistory, collect_handover
from sakae_council.services.manual import ManualSectionDTO
from sakae_council.services.meetings import MeetingDetailDTO

TITLE = "引継ぎ資料"
MARK = "引継ぎ資料（取扱注意）"
T = TypeVar("T")
SECTIONS = (
    "1 役員と連絡先",
    "2 協働パートナーと役割分担",
    "3 未解決の地域課題と経過",
    "4 実施中の事業（工程・協働パートナー）",
    "5 補助金と次の手続き",
    "6 貸出中の資機材",
    "7 未完了の宿題",
    "8 直近3回の議事録",
    "9 会計の残高と科目",
    "10 年間予定（開催済み・予定）",
    "11 協働マニュアル（コーディネーター向けの章）",
)


def _d(day: date | None) -> str:
    return to_wareki(day) if day else "—"


def _table(head: list[str], rows: list[list[str]]) -> Flowable:
    """A ruled table whose columns take the width their text needs (dates and names unbroken)."""
    st = styles()
    widths = column_widths([head, *(r for r in rows)], content_width(), st.cell.fontName, st.cell.fontSize)
    cells = [[para(h, st.cell_head) for h in head]] + [[para(c, st.cell) for c in r] for r in rows]
    return grid_table(cells, widths)


def _none(text: str) -> Flowable:
    return para(text, styles().body)


def _first_page(doc: HandoverDocument) -> list[Flowable]:
    st = styles()
    return [
        para(doc.council_name, st.subtitle),
        para(TITLE, st.title),
        para(f"{to_wareki(doc.made_on)} 作成（{fiscal_year_label(doc.fiscal_year)}）", st.subtitle),
        Spacer(1, 4 * mm),
        para(
            "この資料には役員の連絡先など個人情報が含まれます。新しい役員の方だけにお渡しし、"
            "コピーや持ち出しはしないでください。任期の終わりに事務局へ返却してください。",
            st.small,
        ),
        Spacer(1, 6 * mm),
        *contents_flowables(),
    ]


def _officers(doc: HandoverDocument) -> list[Flowable]:
    if not doc.officers:
        return [_none("役職に就いている人が名簿にいません。")]
    rows = [
        [o.post.label, o.name, o.role_text, f"〒{o.postal_code} {o.address}" if o.postal_code else o.address,
         "\n".join(x for x in (o.phone, o.email) if x) or "—", _d(o.term_end)]
        for o in doc.officers
    ]  # fmt: skip
    return [_table(["役職", "氏名", "役割", "住所", "電話・メール", "任期満了"], rows)]


def _partners(doc: HandoverDocument) -> list[Flowable]:
    if not doc.partners:
        return [_none("登録された団体はありません。")]
    rows = [
        [p.name, p.kind or "—", " ".join(x for x in (p.contact, p.phone) if x) or "—",
         "\n".join(f"{proj}: {role or '（役割未記入）'}" for proj, role in p.roles) or "—"]
        for p in doc.partners
    ]  # fmt: skip
    return [_table(["団体・人", "種類", "窓口・電話", "役割分担（事業: 役割）"], rows)]


def _issue(i: IssueHistory) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        para(f"■ {i.title}（{i.status.label}・優先度{i.priority}・{i.category}）", st.subheading),
        para(f"提起 {_d(i.raised_on)}　{i.description}", st.body),
    ]
    if i.history:
        out.append(_table(["日付", "経過", "コメント"], [[_d(d), s, c] for d, s, c in i.history]))
    return out


def _project(p: ActiveProject) -> list[Flowable]:
    st = styles()
    out: list[Flowable] = [
        para(f"■ {p.title}（{p.status.label}）", st.subheading),
        para(f"期間 {_d(p.start_on)}〜{_d(p.end_on)}　主体 {p.lead or '—'}", st.body),
    ]
    if p.purpose:
        out.append(para(f"目的 {p.purpose}", st.body))
    if p.partners:
        out.append(
            para("協働パートナー: " + "、".join(f"{n}（{r}）" if r else n for n, r in p.partners), st.body)
        )
    if p.milestones:
        rows = [[t, _d(due), f"{pr}%", _d(done) if done else "未了"] for t, due, pr, done in p.milestones]
        out.append(_table(["工程", "期限", "進捗", "完了日"], rows))
    return out


def _grants(doc: HandoverDocument) -> list[Flowable]:
    if not doc.grants:
        return [_none("手続き中の補助金はありません。")]
    rows = [
        [g.project, f"{g.scheme or '—'}\n{fiscal_year_label(g.fiscal_year)}", f"{g.amount:,}円",
         f"{g.status.label}: {g.next_step}", _d(g.by) if g.by else "—"]
        for g in doc.grants
    ]  # fmt: skip
    return [_table(["事業", "制度・年度", "金額", "状態と次の手続き", "期限"], rows)]


def _loans(doc: HandoverDocument) -> list[Flowable]:
    if not doc.loans:
        return [_none("貸出中・予約中の資機材はありません。")]
    rows = [
        [x.equipment_name, str(x.quantity), x.borrower_organisation_name or x.borrower_person_name or "—",
         x.status.label, _d(x.lent_on), _d(x.due_on) + ("\n（期限切れ）" if x.overdue else "")]
        for x in doc.loans
    ]  # fmt: skip
    return [_table(["資機材", "数", "借りている人", "状態", "貸出日", "返却期限"], rows)]


def _actions(doc: HandoverDocument) -> list[Flowable]:
    if not doc.actions:
        return [_none("未完了の宿題はありません。")]
    rows = [
        [a.content, a.assignee or "—", _d(a.due_on) + ("\n（期限切れ）" if a.overdue else ""), a.meeting]
        for a in doc.actions
    ]
    return [_table(["宿題", "担当", "期限", "決めた会議"], rows)]


def _minutes(m: MeetingDetailDTO) -> list[Flowable]:
    st = styles()
    present = sum(1 for a in m.members if a.is_present)
    out: list[Flowable] = [
        Heading(f"{m.title}（{m.status.label}）", 1),
        para(
            f"日時 {when_text(m)}　場所 {m.place or '—'}　出席 委員{present}名／{len(m.members)}名",
            st.body_gothic,
        ),
    ]
    for i, item in enumerate(m.agenda_items, start=1):
        result = f"【{item.result_text}】" if item.result_text else ""
        out.append(para(f"{i}. {item.title}（{item.kind.label}）{result}", st.subheading))
        if item.discussion:
            out.append(para(item.discussion, st.indent))
    if m.decisions:
        out.append(para("決定事項", st.subheading))
        out += [para(f"・{x}", st.indent) for x in m.decisions]
    if m.next_meeting:
        out.append(para(f"次回: {m.next_meeting}", st.body))
    out.append(Spacer(1, 4 * mm))
    return out


def _balances(doc: HandoverDocument) -> list[Flowable]:
    return text_flowables(doc.balances) if doc.balances is not None else [_none(NO_BOOKS)]


def _calendar(doc: HandoverDocument) -> list[Flowable]:
    if not doc.calendar:
        return [_none("この年度の会議はまだ登録されていません。")]
    rows = [[_d(c.held_on), c.title, c.place or "—", "開催済み" if c.held else "予定"] for c in doc.calendar]
    return [_table(["日付", "会議", "場所", ""], rows)]


def _manual(chapters: tuple[ManualSectionDTO, ...]) -> list[Flowable]:
    st = styles()
    if not chapters:
        return [_none("協働マニュアルに該当する章がありません。")]
    conv = MarkdownConverter(default_styles(), content_width())
    out: list[Flowable] = []

    def walk(node: ManualSectionDTO, depth: int) -> None:
        if depth == 0:
            out.append(Heading(node.label, 1))
        else:
            out.append(para(node.label, st.heading if depth == 1 else st.subheading))
        out.extend(conv.convert(node.body, heading_offset=min(depth + 1, 2)))
        for child in node.children:
            walk(child, depth + 1)

    for chapter in chapters:
        walk(chapter, 0)
    return out


def _headed(title: str, make: Callable[[], list[Flowable]]) -> list[Flowable]:
    return [Heading(title), *make()]


def _by_item(
    title: str, items: Sequence[T], make: Callable[[T], list[Flowable]], none: str
) -> list[Flowable]:
    """A section made an item at a time (each issue, project, meeting's minutes), each when the layout
    reaches it: a stress town's 2,000 open issues made at once held ~6,000 flowables while their 190 pages
    were laid out. The section's heading is made with the first item, as a heading keeps with what follows."""
    if not items:
        return [Deferred(functools.partial(_headed, title, lambda: [_none(none)]))]
    first, *rest = items
    return [
        Deferred(functools.partial(_headed, title, functools.partial(make, first))),
        *[Deferred(functools.partial(make, x)) for x in rest],
    ]


def handover_story(doc: HandoverDocument) -> list[Flowable]:
    """The pack's flowables: first page (title, warning, contents), then the sections.

    Each section (and each open issue, project and meeting's minutes) is made only when the layout reaches
    it, on each pass of the build: the story holds no section's paragraphs while another is laid out (a
    stress town's minutes run to 200 pages, its open issues to 190). A section's heading is made with its text, as a heading keeps with what follows it.
    """

    def whole(title: str, make: Callable[..., list[Flowable]], *args: object) -> list[Flowable]:
        return [Deferred(functools.partial(_headed, title, functools.partial(make, *args)))]

    t = SECTIONS
    sections: list[list[Flowable]] = [
        whole(t[0], _officers, doc),
        whole(t[1], _partners, doc),
        _by_item(t[2], doc.open_issues, _issue, "未解決の地域課題はありません。"),
        _by_item(t[3], doc.projects, _project, "実施中・準備中の事業はありません。"),
        whole(t[4], _grants, doc),
        whole(t[5], _loans, doc),
        whole(t[6], _actions, doc),
        _by_item(t[7], doc.minutes, _minutes, "開催済みの会議はまだありません。"),
        whole(t[8], _balances, doc),
        whole(t[9], _calendar, doc),
        whole(t[10], _manual, doc.chapters),
    ]
    story = _first_page(doc)
    for i, section in enumerate(sections):
        # Long sections start a page of their own; short ones follow on when there is room.
        story.append(PageBreak() if i in (0, 2, 3, 7, 10) else CondPageBreak(60 * mm))
        story += section
    return story


def render_handover(doc: HandoverDocument, output: str | Path) -> Path:
    """Write the handover pack as an A4 PDF; returns the path."""
    decor = PageDecor(
        header_left=doc.council_name,
        header_right=to_wareki(doc.made_on),
        header_mark=MARK,
        footer_left=f"{doc.council_name} {TITLE}（{to_wareki(doc.made_on)}作成）",
    )
    return build_with_contents(
        output,
        handover_story(doc),
        title=f"{doc.council_name} {TITLE}",
        decor=decor,
        subject=MARK,
        cover=False,
    )


def build_handover_pdf(
    db: Database, district_id: int, output: str | Path, *, today: date | None = None
) -> Path:
    """collect_handover + render_handover (for the command line)."""
    return render_handover(collect_handover(db, district_id, today=today), output)


__all__ = [
    "MARK",
    "SECTIONS",
    "build_handover_pdf",
    "collect_handover",
    "render_handover",
    "unprintable_characters",
]
