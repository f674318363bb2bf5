"""2　学区別の状況 and 3　地域課題の一覧表 of the 連絡会まとめ: every district's figures, always in full.

One line per district however many there are (a district's figures are what the 連絡会 compares); the
counts are plain cells, so a table of a hundred districts lays out quickly.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from sakae_council.domain.enums import ProjectStatus
from sakae_council.domain.money import format_yen
from sakae_council.reports.base import content_width, grid_table, para, styles
from sakae_council.reports.summary_parts import TOTAL_FILL, figure, head, p, right_from
from sakae_council.services.liaison import DistrictRowDTO, LiaisonSummaryDTO


def district_table(s: LiaisonSummaryDTO) -> Table:
    rows: list[list[Any]] = [
        head("学区", "委員", "課題", "", "", "補助金（交付決定）", "", "会議"),
        head("", "", "提起", "解決", "未解決", "件数", "金額", "開催"),
    ]

    def line(r: DistrictRowDTO) -> list[Any]:
        return [
            p(r.name),
            figure(r.members),
            figure(r.issues_raised),
            figure(r.issues_resolved),
            figure(r.issues_open),
            figure(r.grants_awarded),
            figure(format_yen(r.grant_amount)),
            figure(r.meetings_held),
        ]

    rows += [line(r) for r in s.rows]
    rows.append(line(s.totals))
    widths = [0.25, 0.09, 0.09, 0.09, 0.09, 0.09, 0.2, 0.1]
    last = len(rows) - 1
    return grid_table(
        rows,
        [w * content_width() for w in widths],
        header_rows=2,
        extra=[
            ("SPAN", (0, 0), (0, 1)),
            ("SPAN", (1, 0), (1, 1)),
            ("SPAN", (2, 0), (4, 0)),
            ("SPAN", (5, 0), (6, 0)),
            ("SPAN", (7, 0), (7, 1)),
            ("BACKGROUND", (0, last), (-1, last), TOTAL_FILL),
            right_from(1, 2),
        ],
    )


def projects_table(s: LiaisonSummaryDTO) -> Table:
    statuses = list(ProjectStatus)
    rows: list[list[Any]] = [head("学区", *(st.label for st in statuses), "計")]
    for r in (*s.rows, s.totals):
        rows.append([p(r.name), *(figure(r.projects(st)) for st in statuses), figure(r.project_count)])
    first = 0.25
    rest = (1 - first) / (len(statuses) + 1)
    last = len(rows) - 1
    return grid_table(
        rows,
        [first * content_width()] + [rest * content_width()] * (len(statuses) + 1),
        extra=[("BACKGROUND", (0, last), (-1, last), TOTAL_FILL), right_from(1, 1)],
    )


def districts(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    return [
        para("2　学区別の状況", st.heading),
        district_table(s),
        Spacer(1, 5 * mm),
        para("協働事業（状況別の件数）", st.subheading),
        projects_table(s),
    ]


def matrix(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    m = s.matrix
    story: list[Flowable] = [
        para("3　地域課題の一覧表（学区×分類）", st.heading),
        para(
            "期間中に取り組んだ地域課題の件数（期間の始まる前に解決・取り下げになったものを除く）。", st.small
        ),
    ]
    small_head = ParagraphStyle("matrix-head", parent=st.cell_head, fontSize=8, leading=10)
    rows: list[list[Any]] = [
        [p("学区", small_head), *(p(c.name, small_head) for c in m.categories), p("計", small_head)]
    ]
    for d in m.districts:
        counts = [m.count(d.id, c.id) for c in m.categories]
        rows.append([p(d.name), *(figure(n) if n else "・" for n in counts), figure(m.district_total(d.id))])
    rows.append([p("計"), *(figure(m.category_total(c.id)) for c in m.categories), figure(m.total)])
    first = 0.2
    rest = (1 - first) / (len(m.categories) + 1)
    last = len(rows) - 1
    story.append(
        grid_table(
            rows,
            [first * content_width()] + [rest * content_width()] * (len(m.categories) + 1),
            extra=[("BACKGROUND", (0, last), (-1, last), TOTAL_FILL), right_from(1, 1)],
        )
    )
    return story
