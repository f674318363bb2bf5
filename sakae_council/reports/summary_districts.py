"""4　学区ごとの報告 and 5　連絡会で話し合う課題 of the 連絡会まとめ.

Each district's lists show their first items (``LiaisonSummaryDTO.limit``) with the full count in the
heading and 「ほか N件」 under them (``summary_more``); a district section starts high enough on a page to show
its first lines, and one running onto the next page repeats its name there (「○○小学校区（つづき）」).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from sakae_council.domain.enums import IssueStatus
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import content_width, grid_table, para, styles
from sakae_council.reports.summary_more import how_to_find, more_line, where
from sakae_council.reports.summary_parts import LATE_FILL, district_block, head, none_line, num, p, right
from sakae_council.services.liaison import LiaisonSummaryDTO, SharedIssueDTO
from sakae_council.services.liaison_sections import DistrictSectionDTO, NewIssueDTO, OpenActionDTO

ISSUE_HEAD = ("提起日", "分類", "課題", "優先度", "状況")
ISSUE_WIDTHS = (0.2, 0.16, 0.42, 0.08, 0.14)
ACTION_HEAD = ("期限", "内容", "担当", "決めた会議")
ACTION_WIDTHS = (0.19, 0.38, 0.18, 0.25)


def issue_row(i: NewIssueDTO, *, mark_shared: bool = True) -> list[Any]:
    title = i.title + ("　〔連絡会で共有〕" if mark_shared and i.shared_with_liaison else "")
    # Dates and labels the program writes never wrap: plain cells, no paragraph to lay out.
    return [to_wareki(i.raised_on), p(i.category), p(title), i.priority.label, i.status.label]


def action_table(actions: tuple[OpenActionDTO, ...]) -> Any:
    """Open action items, the overdue ones marked (text and colour)."""
    rows: list[list[Any]] = [head(*ACTION_HEAD)]
    marks = []
    for n, a in enumerate(actions, start=1):
        due = to_wareki(a.due_on) if a.due_on else "未定"
        if a.overdue:
            due += "\n期限切れ"
            marks.append(("BACKGROUND", (0, n), (0, n), LATE_FILL))
        rows.append([due, p(a.content), p(a.assignee), p(a.meeting_title, styles().small)])
    return grid_table(rows, [w * content_width() for w in ACTION_WIDTHS], extra=marks)


def _more(sec: DistrictSectionDTO, kind: str) -> list[Flowable]:
    _kind, total, shown, annexed = next(x for x in sec.lists() if x[0] == kind)
    line = more_line(kind, shown, total, annexed)
    return [para(line, styles().body_gothic)] if line else []


def _section_body(sec: DistrictSectionDTO) -> list[Flowable]:
    st = styles()
    width = content_width()
    story: list[Flowable] = []
    if sec.is_empty:
        return [none_line("この期間の記録はありません。")]

    story.append(para(f"新しい地域課題（{num(sec.new_issue_total)}件）", st.subheading))
    if sec.new_issues:
        rows: list[list[Any]] = [head(*ISSUE_HEAD), *(issue_row(i) for i in sec.new_issues)]
        story.append(grid_table(rows, [w * width for w in ISSUE_WIDTHS]))
        story += _more(sec, "issues")
    else:
        story.append(none_line())

    story.append(para(f"協働事業の進み具合（{num(sec.project_total)}件）", st.subheading))
    if sec.projects:
        rows = [head("事業", "状況", "段取り（完了/全体）", "期間中の活動")]
        for pr in sec.projects:
            steps = f"{pr.milestones_done} / {pr.milestones_total}" if pr.milestones_total else "—"
            acts = (
                f"{pr.activities_in_period}回・延べ{pr.participants_in_period}人"
                if pr.activities_in_period
                else "—"
            )
            rows.append([p(f"{pr.title}\n{pr.kind.label}"), pr.status.label, right(steps), right(acts)])
        story.append(grid_table(rows, [w * width for w in (0.5, 0.14, 0.17, 0.19)]))
        story += _more(sec, "projects")
    else:
        story.append(none_line())

    latest = "（新しいもの）" if sec.decision_total > len(sec.decisions) else ""
    story.append(para(f"会議の決定事項（{num(sec.decision_total)}件）{latest}", st.subheading))
    if sec.decisions:
        current = None
        for dec in sec.decisions:
            if dec.meeting_id != current:
                current = dec.meeting_id
                story.append(para(f"{dec.meeting_title}（{to_wareki(dec.held_on)}）", st.body_gothic))
            story.append(para(f"・{dec.text}", st.indent))
        story += _more(sec, "decisions")
    else:
        story.append(none_line())

    late = sec.overdue_action_total
    label = f"未完了の宿題（{num(sec.open_action_total)}件" + (
        f"、うち期限切れ{num(late)}件）" if late else "）"
    )
    story.append(para(label, st.subheading))
    if sec.open_actions:
        story.append(action_table(sec.open_actions))
        story += _more(sec, "actions")
    else:
        story.append(none_line())
    return story


def sections(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [PageBreak(), para("4　学区ごとの報告", st.heading)]
    if s.left_out:
        story.append(para(how_to_find(s), st.small))
    if not s.sections:
        story.append(none_line("（学区が登録されていません）"))
    for i, sec in enumerate(s.sections):
        if i:
            story.append(Spacer(1, 4 * mm))
        heading = f"{sec.name}（{sec.council_name}）" if sec.council_name else sec.name
        story += district_block(sec.name, heading, _section_body(sec))
    return story


def _shared_note(district: str, cut: int, annexed: int) -> str:
    """Under a district's shared issues cut at the limit: how many more, and where they are."""
    order = "（ここには未解決・優先度の高いものから掲載）"
    if annexed >= cut:
        return f"{district}のほか{num(cut)}件は巻末の「付録」に掲載{order}"
    if annexed:
        return (
            f"{district}のほか{num(cut)}件（うち{num(annexed)}件を巻末の「付録」に掲載。"
            f"すべては{where('issues')}見られます）{order}"
        )
    return f"{district}のほか{num(cut)}件はこの資料に載せていません（すべては{where('issues')}見られます）{order}"


def shared(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        PageBreak(),
        para("5　連絡会で話し合う課題", st.heading),
        para("学区が「連絡会で共有」とした地域課題。", st.small),
    ]
    if not s.shared_issues:
        return [*story, none_line("（連絡会で共有する課題はありません）")]
    rows: list[list[Any]] = [head("No.", "学区・分類", "課題", "状況・提起日")]
    notes: list[tuple[Any, ...]] = []
    shown: dict[str, int] = {}
    annexed = Counter(i.district_name for i in s.more_shared_issues)
    for n, i in enumerate(s.shared_issues, start=1):
        shown[i.district_name] = shown.get(i.district_name, 0) + 1
        rows.append([right(n), p(f"{i.district_name}\n{i.category}"), p(shared_text(i)), p(_state(i))])
        total = s.shared_totals.get(i.district_name, 0)
        last_of_district = i is s.shared_issues[-1] or s.shared_issues[n].district_name != i.district_name
        if last_of_district and total > shown[i.district_name]:
            cut = total - shown[i.district_name]
            note = _shared_note(i.district_name, cut, annexed[i.district_name])
            rows.append(["", p(note, st.small), "", ""])
            notes.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
    story.append(grid_table(rows, [w * content_width() for w in (0.07, 0.22, 0.49, 0.22)], extra=notes))
    return story


def shared_text(i: SharedIssueDTO) -> str:
    return i.title + (f"\n{i.description}" if i.description else "")


def _state(i: SharedIssueDTO) -> str:
    closed = i.status in (IssueStatus.RESOLVED, IssueStatus.WITHDRAWN)
    return f"{i.status.label}\n{to_wareki(i.raised_on)}" + ("\n（期間中に終了）" if closed else "")
