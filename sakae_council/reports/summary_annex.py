"""付録 of the 連絡会まとめ: the items the district sections and section 5 cut with 「ほか N件」.

All of them when they fit the annex's share of the paper (the town's own size) or when the full annex is
chosen; else, per district and list, the first ones up to the share, in the order of the lists, with a
line saying how many are still left out and where they are (``summary_more``). No share (too many
districts): no annex.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Table

from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import content_width, grid_table, para, styles
from sakae_council.reports.summary_districts import (
    ISSUE_HEAD,
    ISSUE_WIDTHS,
    action_table,
    issue_row,
    shared_text,
)
from sakae_council.reports.summary_more import annex_rest_line
from sakae_council.reports.summary_parts import SECTION_ROOM, district_block, head, num, p
from sakae_council.services.liaison import LiaisonSummaryDTO, SharedIssueDTO
from sakae_council.services.liaison_sections import DistrictSectionDTO

ANNEX = "付録　一覧に載せきれなかった項目"


def _table(heading: tuple[str, ...], rows: list[list[Any]], widths: tuple[float, ...]) -> Table:
    return grid_table([head(*heading), *rows], [w * content_width() for w in widths])


def _rest(kind: str, sec: DistrictSectionDTO) -> list[Flowable]:
    _kind, total, shown, annexed = next(x for x in sec.lists() if x[0] == kind)
    line = annex_rest_line(kind, total - shown - annexed)
    return [para(line, styles().body_gothic)] if line else []


def _district(sec: DistrictSectionDTO) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = []
    if sec.more_new_issues:
        parts += [
            para(f"新しい地域課題（ほか{num(len(sec.more_new_issues))}件）", st.subheading),
            _table(ISSUE_HEAD, [issue_row(i, mark_shared=False) for i in sec.more_new_issues], ISSUE_WIDTHS),
            *_rest("issues", sec),
        ]
    if sec.more_projects:
        parts += [
            para(f"協働事業（ほか{num(len(sec.more_projects))}件）", st.subheading),
            _table(
                ("事業", "種類", "状況"),
                [[p(pr.title), p(pr.kind.label), pr.status.label] for pr in sec.more_projects],
                (0.56, 0.28, 0.16),
            ),
            *_rest("projects", sec),
        ]
    if sec.more_decisions:
        parts += [
            para(f"会議の決定事項（ほか{num(len(sec.more_decisions))}件）", st.subheading),
            _table(
                ("会議", "決定事項"),
                [
                    [p(f"{d.meeting_title}\n{to_wareki(d.held_on)}", st.small), p(d.text)]
                    for d in sec.more_decisions
                ],
                (0.4, 0.6),
            ),
            *_rest("decisions", sec),
        ]
    if sec.more_open_actions:
        parts += [
            para(f"未完了の宿題（ほか{num(len(sec.more_open_actions))}件）", st.subheading),
            action_table(sec.more_open_actions),
            *_rest("actions", sec),
        ]
    return district_block(sec.name, sec.name, parts) if parts else []


def _shared(s: LiaisonSummaryDTO) -> list[Flowable]:
    issues = s.more_shared_issues
    if not issues:
        return []
    st = styles()
    rows: list[list[Any]] = []
    by_district: dict[str, list[SharedIssueDTO]] = defaultdict(list)
    for i in issues:
        by_district[i.district_name].append(i)
    notes: list[tuple[Any, ...]] = []
    shown = {i.district_name: 0 for i in s.shared_issues}
    for i in s.shared_issues:
        shown[i.district_name] += 1
    for district, listed in by_district.items():
        for i in listed:
            rows.append(
                [
                    p(f"{i.district_name}\n{i.category}"),
                    p(shared_text(i)),
                    p(f"{i.status.label}\n{to_wareki(i.raised_on)}"),
                ]
            )
        line = annex_rest_line(
            "issues", s.shared_totals.get(district, 0) - shown.get(district, 0) - len(listed)
        )
        if line:
            rows.append([p(f"{district}の{line}", st.small), "", ""])
            notes.append(("SPAN", (0, len(rows)), (2, len(rows))))
    table = grid_table(
        [head("学区・分類", "課題", "状況・提起日"), *rows],
        [w * content_width() for w in (0.24, 0.52, 0.24)],
        extra=notes,
    )
    return [
        CondPageBreak(SECTION_ROOM),
        para(f"連絡会で話し合う課題（ほか{num(len(issues))}件）", st.heading),
        table,
    ]


def annex(s: LiaisonSummaryDTO) -> list[Flowable]:
    """付録: the items the lists above cut with 「ほか N件」 (all, or each list's share), by district."""
    st = styles()
    body: list[Flowable] = []
    for sec in s.sections:
        body += _district(sec)
    body += _shared(s)
    if not body:
        return []
    intro = "学区ごとの報告と「連絡会で話し合う課題」で「ほか○件」とした項目を、同じ並び順で掲げる。"
    if s.left_out:
        intro = intro.removesuffix("。") + f"（各一覧{num(s.annex_share or 0)}件まで）。"
    return [PageBreak(), para(ANNEX, st.heading), para(intro, st.small), *body]
