"""連絡会まとめ: the summary the 地域まちづくり連絡会 holds in its hands, for a fiscal year or a period, A4.

Drawn from a :class:`~sakae_council.services.liaison.LiaisonSummaryDTO` alone (``collect_summary`` reads
it), so the screen can read first, warn about characters no font can print, and draw off the GUI thread.
Contents: a cover with the contents and how figures are counted; the plan's indicators with a table and a
chart each (reportlab.graphics, actual against target); the cross-district table and projects by status;
the district × category issue matrix; one section per district; the issues flagged 連絡会で共有; and an
annex (付録) listing every item a section cut with 「ほか N件」.

The paper is self-contained: the chairs hold nothing else, so it never sends them to a screen. Only what is
meant for them prints — an indicator's 資料の注記, never its 内部メモ. A figure never counted (未集計) prints
as 「—」 and leaves a gap in the chart, never a 0. A district section starts high enough on a page to show
its first lines, and one running onto the next page repeats its name there (「○○小学校区（つづき）」).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, PageBreak, PTOContainer, Spacer, Table

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueStatus, ProjectStatus
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import fiscal_year_label, to_wareki
from sakae_council.reports.base import (
    MARGIN_BOTTOM,
    PAGE_SIZE,
    PageDecor,
    build_pdf,
    content_width,
    grid_table,
    para,
    styles,
)
from sakae_council.reports.fonts import GOTHIC, unprintable_characters
from sakae_council.reports.indicator_chart import indicator_chart
from sakae_council.services.indicator_values import ActualSource, IndicatorRowDTO
from sakae_council.services.indicators import format_value
from sakae_council.services.liaison import (
    DistrictRowDTO,
    LiaisonSummaryDTO,
    Period,
    SharedIssueDTO,
    liaison_summary,
)
from sakae_council.services.liaison_sections import DistrictSectionDTO

TITLE = "地域まちづくり連絡会 まとめ"
LATE_FILL = colors.HexColor("#FBE3E1")
_FLUSH = [
    ("FONTNAME", (0, 0), (-1, -1), GOTHIC),  # a Table's own default would be an unembedded Helvetica
    ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ("LEFTPADDING", (0, 0), (-1, -1), 0),
    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
]
SOURCE_TEXT = {
    ActualSource.COMPUTED: "自動集計",
    ActualSource.OVERRIDE: "手入力で上書き",
    ActualSource.MANUAL: "手入力",
    ActualSource.NOT_COUNTED: "未集計",
    ActualSource.NONE: "",
}
#: A figure never counted or entered: a dash, never a 0.
NO_FIGURE = "—"
#: A district heading must have this much of the page below it, or it goes to the next page: it then
#: never stands in the bottom quarter of a page (with room for its first lines under it).
SECTION_ROOM = PAGE_SIZE[1] / 4 - MARGIN_BOTTOM + 24 * mm
ANNEX = "付録　一覧に載せきれなかった項目"
HOW_COUNTED = (
    "委員数: 基準日（期間の末日、期間中なら作成日）に任期中の委員（満了間近を含む）。地区担当職員（町の職員）は委員に数えない。",
    "課題: 「提起」は期間中に提起された課題、「解決」は期間中に解決とした課題、"
    "「未解決」は期間末までに提起され、現在も解決・取り下げになっていない課題。",
    "事業: 期間と重なる協働事業と、開始日が未定の事業を、現在の状況別に数えた。",
    "補助金: 年度のまとめではその年度の申請のうち交付決定以降のもの、期間のまとめでは交付決定日が期間内のもの。",
    "会議: 学区の会議体（協議会・部会）が期間中（基準日まで）に開いた会議。",
    "課題の一覧表と「連絡会で話し合う課題」: 期間末までに提起された課題のうち、期間の始まる前に解決・取り下げになったものを除く。",
)


def collect_summary(db: Database, period: Period, today: date | None = None) -> LiaisonSummaryDTO:
    """Read everything the summary prints (one short transaction per part, no session kept)."""
    return liaison_summary(db, period, today)


def summary_texts(s: LiaisonSummaryDTO) -> list[str]:
    """Every piece of user text printed, for the check of characters no font can draw."""
    out = [r.name for r in s.rows] + [c.name for c in s.matrix.categories]
    out += [f"{i.name} {i.unit} {i.notes}" for i in s.indicators]
    out += [note for i in s.indicators for _fy, _kind, note in i.value_notes]
    out += [c.override_reason for i in s.indicators for c in i.cells]
    for sec in s.sections:
        out.append(sec.council_name)
        for issues in (sec.new_issues, sec.more_new_issues):
            out += [f"{i.title} {i.category}" for i in issues]
        out += [p.title for p in (*sec.projects, *sec.more_projects)]
        out += [d.text for d in (*sec.decisions, *sec.more_decisions)]
        out += [f"{a.content} {a.assignee}" for a in (*sec.open_actions, *sec.more_open_actions)]
    out += [f"{i.title} {i.description} {i.category}" for i in (*s.shared_issues, *s.more_shared_issues)]
    return out


# --- pieces ------------------------------------------------------------------------------------------


def _num(n: int) -> str:
    return f"{n:,}"


def _p(text: str, style: Any = None) -> Any:
    return para(text, style or styles().cell)


def _head(*texts: str) -> list[Any]:
    return [_p(t, styles().cell_head) for t in texts]


@lru_cache(maxsize=1)
def _section_heading() -> ParagraphStyle:
    """A district's heading: kept off the foot of a page by ``SECTION_ROOM``, not by keepWithNext (which
    would carry the whole section, as one block, to the next page and leave this one half empty)."""
    return ParagraphStyle("section-heading", parent=styles().heading, keepWithNext=0)


@lru_cache(maxsize=1)
def _cell_right() -> ParagraphStyle:
    return ParagraphStyle("cell-right", parent=styles().cell, alignment=TA_RIGHT)


def _right(n: int | str) -> Any:
    return _p(n if isinstance(n, str) else _num(n), _cell_right())


def _figure(n: int | str) -> str:
    """A number as a plain table cell (the table right-aligns its column: see ``_right_from``). Counts never
    wrap, so they skip the paragraph machinery — a 100-district matrix has over a thousand of them."""
    return n if isinstance(n, str) else _num(n)


def _right_from(col: int, row: int) -> tuple[Any, ...]:
    """Right-align plain cells from column ``col`` and row ``row`` on."""
    return ("ALIGN", (col, row), (-1, -1), "RIGHT")


def _none_line(text: str = "（期間中にはありません）") -> Any:
    return para(text, styles().body_gothic)


# --- cover -------------------------------------------------------------------------------------------


def _cover(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    period = s.period
    span = f"{to_wareki(period.start)}〜{to_wareki(period.end)}"
    when = f"{period.label}（{span}）" if period.fiscal_year is not None else period.label
    story: list[Flowable] = [
        Spacer(1, 40 * mm),
        para("地域まちづくり連絡会", st.subtitle),
        Spacer(1, 4 * mm),
        para("小学校区の取り組みのまとめ", st.title),
        Spacer(1, 8 * mm),
        para(when, st.subtitle),
        para(f"{to_wareki(s.as_of)}現在（作成日 {to_wareki(s.today)}）", st.subtitle),
        para(f"対象: {len(s.rows)}小学校区", st.subtitle),
        Spacer(1, 16 * mm),
        para("目次", st.heading),
    ]
    for line in (
        "1　成果指標（目標と実績）",
        "2　学区別の状況",
        "3　地域課題の一覧表（学区×分類）",
        "4　学区ごとの報告",
        "5　連絡会で話し合う課題",
        ANNEX,
    ):
        story.append(para(line, st.body_gothic))
    story += [Spacer(1, 8 * mm), para("集計の方法", st.heading)]
    story += [para(f"・{line}", st.small) for line in HOW_COUNTED]
    story.append(PageBreak())
    return story


# --- 1 indicators --------------------------------------------------------------------------------------


def _indicator_table(row: IndicatorRowDTO, width: float) -> Table:
    rows: list[list[Any]] = [_head("年度", "現状値", "目標値", "実績値", "集計方法")]
    for c in row.cells:
        source = SOURCE_TEXT[c.actual_source]
        if c.actual_source is ActualSource.OVERRIDE:
            source += (
                f"（{c.entered_by}: {c.override_reason}）" if c.entered_by else f"（{c.override_reason}）"
            )
        rows.append(
            [
                _p(fiscal_year_label(c.fiscal_year)),
                _right(format_value(c.base)),
                _right(format_value(c.target)),
                _right(format_value(c.actual) if c.actual is not None else NO_FIGURE),
                _p(source, styles().small),
            ]
        )
    widths = [0.25, 0.16, 0.16, 0.16, 0.27]  # 「目標値」 at 10.5 pt fits its column (house style)
    return grid_table(rows, [w * width for w in widths])


def _indicators(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        para("1　成果指標（目標と実績）", st.heading),
        para(
            "総合計画（戦略４）の成果指標。実績値は記録から自動で集計したもの（自動集計）、"
            "それを理由を付けて手入力で直したもの（上書き）、手入力したもの（手入力）がある。"
            f"「{NO_FIGURE}」は値がないこと（未集計: その種類の記録が始まる前の年度）を表し、0ではない。",
            st.small,
        ),
    ]
    if not s.indicators:
        story.append(_none_line("（成果指標が登録されていません）"))
    width = content_width()
    for row in s.indicators:
        heading = f"{row.project}　{row.name}" if row.project else row.name
        if row.unit:
            heading += f"（単位: {row.unit}）"
        block: list[Flowable] = [para(heading, st.subheading)]
        table = _indicator_table(row, width * 0.62)
        chart = indicator_chart(row, width * 0.36, max(50 * mm, table.wrap(width * 0.62, 1000)[1]))
        side_by_side = Table([[table, chart]], colWidths=[width * 0.63, width * 0.37])
        side_by_side.setStyle(_FLUSH)
        block.append(side_by_side)
        # Only the 資料の注記 prints; the 内部メモ is for whoever enters the figures.
        if row.notes:
            block.append(para(f"注記: {row.notes}", st.small))
        for fy, kind, note in row.value_notes:
            block.append(para(f"注記（{fiscal_year_label(fy)}{kind.label}）: {note}", st.small))
        block.append(Spacer(1, 4 * mm))
        story.append(KeepTogether(block))
    return story


# --- 2 cross-district table ------------------------------------------------------------------------


def _district_table(s: LiaisonSummaryDTO) -> Table:
    rows: list[list[Any]] = [
        _head("学区", "委員", "課題", "", "", "補助金（交付決定）", "", "会議"),
        _head("", "", "提起", "解決", "未解決", "件数", "金額", "開催"),
    ]

    def line(r: DistrictRowDTO) -> list[Any]:
        return [
            _p(r.name),
            _figure(r.members),
            _figure(r.issues_raised),
            _figure(r.issues_resolved),
            _figure(r.issues_open),
            _figure(r.grants_awarded),
            _figure(format_yen(r.grant_amount)),
            _figure(r.meetings_held),
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
            ("BACKGROUND", (0, last), (-1, last), colors.HexColor("#F2F2F2")),
            _right_from(1, 2),
        ],
    )


def _projects_table(s: LiaisonSummaryDTO) -> Table:
    statuses = list(ProjectStatus)
    rows: list[list[Any]] = [_head("学区", *(st.label for st in statuses), "計")]
    for r in (*s.rows, s.totals):
        rows.append([_p(r.name), *(_figure(r.projects(st)) for st in statuses), _figure(r.project_count)])
    first = 0.25
    rest = (1 - first) / (len(statuses) + 1)
    last = len(rows) - 1
    return grid_table(
        rows,
        [first * content_width()] + [rest * content_width()] * (len(statuses) + 1),
        extra=[("BACKGROUND", (0, last), (-1, last), colors.HexColor("#F2F2F2")), _right_from(1, 1)],
    )


def _districts(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    return [
        para("2　学区別の状況", st.heading),
        _district_table(s),
        Spacer(1, 5 * mm),
        para("協働事業（状況別の件数）", st.subheading),
        _projects_table(s),
    ]


# --- 3 the matrix --------------------------------------------------------------------------------------


def _matrix(s: LiaisonSummaryDTO) -> list[Flowable]:
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
        [_p("学区", small_head), *(_p(c.name, small_head) for c in m.categories), _p("計", small_head)]
    ]
    for d in m.districts:
        counts = [m.count(d.id, c.id) for c in m.categories]
        rows.append(
            [_p(d.name), *(_figure(n) if n else "・" for n in counts), _figure(m.district_total(d.id))]
        )
    rows.append([_p("計"), *(_figure(m.category_total(c.id)) for c in m.categories), _figure(m.total)])
    first = 0.2
    rest = (1 - first) / (len(m.categories) + 1)
    last = len(rows) - 1
    story.append(
        grid_table(
            rows,
            [first * content_width()] + [rest * content_width()] * (len(m.categories) + 1),
            extra=[("BACKGROUND", (0, last), (-1, last), colors.HexColor("#F2F2F2")), _right_from(1, 1)],
        )
    )
    return story


# --- 4 one section per district --------------------------------------------------------------------


def _more(shown: int, total: int) -> list[Flowable]:
    """「ほか N件」 under a list cut at the limit: the rest are in the annex at the end."""
    if total <= shown:
        return []
    return [para(f"ほか{_num(total - shown)}件（巻末の「付録」に掲載）", styles().body_gothic)]


def _section(sec: DistrictSectionDTO) -> list[Flowable]:
    """A district's report: never begun in the bottom quarter of a page, and labelled again at the top of
    the next page when it runs over (「○○小学校区（つづき）」)."""
    st = styles()
    heading = f"{sec.name}（{sec.council_name}）" if sec.council_name else sec.name
    again = para(f"{sec.name}（つづき）", st.subheading)
    return [
        CondPageBreak(SECTION_ROOM),
        para(heading, _section_heading()),
        PTOContainer(_section_body(sec), header=[again]),
    ]


def _section_body(sec: DistrictSectionDTO) -> list[Flowable]:
    st = styles()
    width = content_width()
    story: list[Flowable] = []
    if sec.is_empty:
        return [_none_line("この期間の記録はありません。")]

    story.append(para(f"新しい地域課題（{_num(sec.new_issue_total)}件）", st.subheading))
    if sec.new_issues:
        rows: list[list[Any]] = [_head("提起日", "分類", "課題", "優先度", "状況")]
        for i in sec.new_issues:
            title = i.title + ("　〔連絡会で共有〕" if i.shared_with_liaison else "")
            rows.append(
                # Dates and labels the program writes never wrap: plain cells, no paragraph to lay out.
                [to_wareki(i.raised_on), _p(i.category), _p(title), i.priority.label, i.status.label]
            )
        story.append(grid_table(rows, [w * width for w in (0.2, 0.16, 0.42, 0.08, 0.14)]))
        story += _more(len(sec.new_issues), sec.new_issue_total)
    else:
        story.append(_none_line())

    story.append(para(f"協働事業の進み具合（{_num(sec.project_total)}件）", st.subheading))
    if sec.projects:
        rows = [_head("事業", "状況", "段取り（完了/全体）", "期間中の活動")]
        for p in sec.projects:
            steps = f"{p.milestones_done} / {p.milestones_total}" if p.milestones_total else "—"
            acts = (
                f"{p.activities_in_period}回・延べ{p.participants_in_period}人"
                if p.activities_in_period
                else "—"
            )
            rows.append([_p(f"{p.title}\n{p.kind.label}"), p.status.label, _right(steps), _right(acts)])
        story.append(grid_table(rows, [w * width for w in (0.5, 0.14, 0.17, 0.19)]))
        story += _more(len(sec.projects), sec.project_total)
    else:
        story.append(_none_line())

    latest = "（新しいもの）" if sec.decision_total > len(sec.decisions) else ""
    story.append(para(f"会議の決定事項（{_num(sec.decision_total)}件）{latest}", st.subheading))
    if sec.decisions:
        current = None
        for dec in sec.decisions:
            if dec.meeting_id != current:
                current = dec.meeting_id
                story.append(para(f"{dec.meeting_title}（{to_wareki(dec.held_on)}）", st.body_gothic))
            story.append(para(f"・{dec.text}", st.indent))
        story += _more(len(sec.decisions), sec.decision_total)
    else:
        story.append(_none_line())

    late = sec.overdue_action_total
    label = f"未完了の宿題（{_num(sec.open_action_total)}件" + (
        f"、うち期限切れ{_num(late)}件）" if late else "）"
    )
    story.append(para(label, st.subheading))
    if sec.open_actions:
        rows = [_head("期限", "内容", "担当", "決めた会議")]
        marks = []
        for n, a in enumerate(sec.open_actions, start=1):
            due = to_wareki(a.due_on) if a.due_on else "未定"
            if a.overdue:
                due += "\n期限切れ"
                marks.append(("BACKGROUND", (0, n), (0, n), LATE_FILL))
            rows.append([due, _p(a.content), _p(a.assignee), _p(a.meeting_title, st.small)])
        story.append(grid_table(rows, [w * width for w in (0.19, 0.38, 0.18, 0.25)], extra=marks))
        story += _more(len(sec.open_actions), sec.open_action_total)
    else:
        story.append(_none_line())
    return story


def _sections(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [PageBreak(), para("4　学区ごとの報告", st.heading)]
    if not s.sections:
        story.append(_none_line("（学区が登録されていません）"))
    for i, sec in enumerate(s.sections):
        if i:
            story.append(Spacer(1, 4 * mm))
        story += _section(sec)
    return story


# --- the annex: everything 「ほか N件」 stood for ---------------------------------------------------------


def _annex_table(head: tuple[str, ...], rows: list[list[Any]], widths: tuple[float, ...]) -> Table:
    return grid_table([_head(*head), *rows], [w * content_width() for w in widths])


def _annex_district(sec: DistrictSectionDTO) -> list[Flowable]:
    st = styles()
    parts: list[Flowable] = []
    if sec.more_new_issues:
        parts += [
            para(f"新しい地域課題（ほか{_num(len(sec.more_new_issues))}件）", st.subheading),
            _annex_table(
                ("提起日", "分類", "課題", "優先度", "状況"),
                [
                    [to_wareki(i.raised_on), _p(i.category), _p(i.title), i.priority.label, i.status.label]
                    for i in sec.more_new_issues
                ],
                (0.2, 0.16, 0.42, 0.08, 0.14),
            ),
        ]
    if sec.more_projects:
        parts += [
            para(f"協働事業（ほか{_num(len(sec.more_projects))}件）", st.subheading),
            _annex_table(
                ("事業", "種類", "状況"),
                [[_p(p.title), _p(p.kind.label), p.status.label] for p in sec.more_projects],
                (0.56, 0.28, 0.16),
            ),
        ]
    if sec.more_decisions:
        parts += [
            para(f"会議の決定事項（ほか{_num(len(sec.more_decisions))}件）", st.subheading),
            _annex_table(
                ("会議", "決定事項"),
                [
                    [_p(f"{d.meeting_title}\n{to_wareki(d.held_on)}", st.small), _p(d.text)]
                    for d in sec.more_decisions
                ],
                (0.4, 0.6),
            ),
        ]
    if sec.more_open_actions:
        rows: list[list[Any]] = []
        marks = []
        for n, a in enumerate(sec.more_open_actions, start=1):
            due = to_wareki(a.due_on) if a.due_on else "未定"
            if a.overdue:
                due += "\n期限切れ"
                marks.append(("BACKGROUND", (0, n), (0, n), LATE_FILL))
            rows.append([due, _p(a.content), _p(a.assignee), _p(a.meeting_title, st.small)])
        parts += [
            para(f"未完了の宿題（ほか{_num(len(sec.more_open_actions))}件）", st.subheading),
            grid_table(
                [_head("期限", "内容", "担当", "決めた会議"), *rows],
                [w * content_width() for w in (0.19, 0.38, 0.18, 0.25)],
                extra=marks,
            ),
        ]
    if not parts:
        return []
    again = para(f"{sec.name}（つづき）", st.subheading)
    return [
        CondPageBreak(SECTION_ROOM),
        para(sec.name, _section_heading()),
        PTOContainer(parts, header=[again]),
    ]


def _annex_shared(issues: tuple[SharedIssueDTO, ...]) -> list[Flowable]:
    if not issues:
        return []
    st = styles()
    rows = [
        [
            _p(f"{i.district_name}\n{i.category}"),
            _p(i.title + (f"\n{i.description}" if i.description else "")),
            _p(f"{i.status.label}\n{to_wareki(i.raised_on)}"),
        ]
        for i in issues
    ]
    return [
        CondPageBreak(SECTION_ROOM),
        para(f"連絡会で話し合う課題（ほか{_num(len(issues))}件）", st.heading),
        _annex_table(("学区・分類", "課題", "状況・提起日"), rows, (0.24, 0.52, 0.24)),
    ]


def _annex(s: LiaisonSummaryDTO) -> list[Flowable]:
    """付録: every item a list above cut with 「ほか N件」, by district, in the order of the lists."""
    st = styles()
    body: list[Flowable] = []
    for sec in s.sections:
        body += _annex_district(sec)
    body += _annex_shared(s.more_shared_issues)
    if not body:
        return []
    intro = para(
        "学区ごとの報告と「連絡会で話し合う課題」で「ほか○件」とした項目を、同じ並び順で掲げる。", st.small
    )
    return [PageBreak(), para(ANNEX, st.heading), intro, *body]


# --- 5 issues to discuss ------------------------------------------------------------------------


def _shared(s: LiaisonSummaryDTO) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        PageBreak(),
        para("5　連絡会で話し合う課題", st.heading),
        para("学区が「連絡会で共有」とした地域課題。", st.small),
    ]
    if not s.shared_issues:
        return [*story, _none_line("（連絡会で共有する課題はありません）")]
    rows: list[list[Any]] = [_head("No.", "学区・分類", "課題", "状況・提起日")]
    notes: list[tuple[Any, ...]] = []
    shown: dict[str, int] = {}
    for n, i in enumerate(s.shared_issues, start=1):
        shown[i.district_name] = shown.get(i.district_name, 0) + 1
        text = i.title + (f"\n{i.description}" if i.description else "")
        closed = i.status in (IssueStatus.RESOLVED, IssueStatus.WITHDRAWN)
        state = f"{i.status.label}\n{to_wareki(i.raised_on)}" + ("\n（期間中に終了）" if closed else "")
        rows.append([_right(n), _p(f"{i.district_name}\n{i.category}"), _p(text), _p(state)])
        total = s.shared_totals.get(i.district_name, 0)
        last_of_district = i is s.shared_issues[-1] or s.shared_issues[n].district_name != i.district_name
        if last_of_district and total > shown[i.district_name]:
            rows.append(
                [
                    "",
                    _p(
                        f"{i.district_name}のほか{_num(total - shown[i.district_name])}件は巻末の「付録」に掲載"
                        "（ここには未解決・優先度の高いものから掲載）",
                        st.small,
                    ),
                    "",
                    "",
                ]
            )
            notes.append(("SPAN", (1, len(rows) - 1), (3, len(rows) - 1)))
    story.append(grid_table(rows, [w * content_width() for w in (0.07, 0.22, 0.49, 0.22)], extra=notes))
    return story


# --- the document ---------------------------------------------------------------------------------


def render_summary(s: LiaisonSummaryDTO, output: str | Path) -> Path:
    """Write the summary as an A4 PDF (fonts embedded as subsets); returns the path."""
    story = _cover(s) + _indicators(s) + [PageBreak()] + _districts(s) + [Spacer(1, 6 * mm)]
    story += _matrix(s) + _sections(s) + _shared(s) + _annex(s)
    decor = PageDecor(
        header_left=f"{TITLE}　{s.period.label}",
        header_right=f"{to_wareki(s.as_of)}現在",
    )
    return build_pdf(output, story, title=f"{TITLE}（{s.period.label}）", subject="連絡会まとめ", decor=decor)


def build_summary_pdf(db: Database, period: Period, output: str | Path, today: date | None = None) -> Path:
    """collect_summary + render_summary (for the command line)."""
    return render_summary(collect_summary(db, period, today), output)


__all__ = [
    "build_summary_pdf",
    "collect_summary",
    "indicator_chart",
    "render_summary",
    "summary_texts",
    "unprintable_characters",
]
