"""連絡会まとめ: the summary the 地域まちづくり連絡会 holds in its hands, for a fiscal year or a period, A4.

Drawn from a :class:`~sakae_council.services.liaison.LiaisonSummaryDTO` alone (``collect_summary`` reads
it), so the screen can read first, warn about characters no font can print, and draw off the GUI thread.
Contents: a cover with the contents and how figures are counted; the plan's indicators with a table and a
chart each (``summary_indicators``); the cross-district table, projects by status and the district ×
category issue matrix, one line per district always (``summary_tables``); one section per district and the
issues flagged 連絡会で共有, each list cut with 「ほか N件」 (``summary_districts``); and an annex (付録) of
the items cut (``summary_annex``).

A paper a meeting can read at any size of town: the annex lists every item cut while they fit its share
of the paper (the town's own size), else the first ones of each list, and each 「ほか N件」 says how many
are left out and where they are (the program's lists, the command line's export). The full annex is a
choice (``full_annex``), with its size said beforehand (``full_annex_pages``). Only what is meant for the
chairs prints — an indicator's 資料の注記, never its 内部メモ.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import to_wareki
from sakae_council.reports.base import PageDecor, build_pdf, para, styles
from sakae_council.reports.fonts import unprintable_characters
from sakae_council.reports.indicator_chart import indicator_chart
from sakae_council.reports.summary_annex import ANNEX, annex
from sakae_council.reports.summary_districts import sections, shared
from sakae_council.reports.summary_indicators import indicators
from sakae_council.reports.summary_more import full_annex_pages
from sakae_council.reports.summary_tables import districts, matrix
from sakae_council.services.liaison import LiaisonSummaryDTO, Period, liaison_summary

TITLE = "地域まちづくり連絡会 まとめ"
HOW_COUNTED = (
    "委員数: 基準日（期間の末日、期間中なら作成日）に任期中の委員（満了間近を含む）。地区担当職員（町の職員）は委員に数えない。",
    "課題: 「提起」は期間中に提起された課題、「解決」は期間中に解決とした課題、"
    "「未解決」は期間末までに提起され、現在も解決・取り下げになっていない課題。",
    "事業: 期間と重なる協働事業と、開始日が未定の事業を、現在の状況別に数えた。",
    "補助金: 年度のまとめではその年度の申請のうち交付決定以降のもの、期間のまとめでは交付決定日が期間内のもの。",
    "会議: 学区の会議体（協議会・部会）が期間中（基準日まで）に開いた会議。",
    "課題の一覧表と「連絡会で話し合う課題」: 期間末までに提起された課題のうち、期間の始まる前に解決・取り下げになったものを除く。",
)


def collect_summary(
    db: Database, period: Period, today: date | None = None, *, full_annex: bool = False
) -> LiaisonSummaryDTO:
    """Read everything the summary prints (one short transaction per part, no session kept); the annex
    lists its share of the items cut, or all of them with ``full_annex``."""
    return liaison_summary(db, period, today, full_annex=full_annex)


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
    contents = [
        "1　成果指標（目標と実績）",
        "2　学区別の状況",
        "3　地域課題の一覧表（学区×分類）",
        "4　学区ごとの報告",
        "5　連絡会で話し合う課題",
    ]
    if s.annex_items:
        contents.append(ANNEX)
    story += [para(line, st.body_gothic) for line in contents]
    story += [Spacer(1, 8 * mm), para("集計の方法", st.heading)]
    story += [para(f"・{line}", st.small) for line in HOW_COUNTED]
    story.append(PageBreak())
    return story


def render_summary(s: LiaisonSummaryDTO, output: str | Path) -> Path:
    """Write the summary as an A4 PDF (fonts embedded as subsets); returns the path."""
    story = _cover(s) + indicators(s) + [PageBreak()] + districts(s) + [Spacer(1, 6 * mm)]
    story += matrix(s) + sections(s) + shared(s) + annex(s)
    decor = PageDecor(
        header_left=f"{TITLE}　{s.period.label}",
        header_right=f"{to_wareki(s.as_of)}現在",
    )
    return build_pdf(output, story, title=f"{TITLE}（{s.period.label}）", subject="連絡会まとめ", decor=decor)


def build_summary_pdf(
    db: Database, period: Period, output: str | Path, today: date | None = None, *, full_annex: bool = False
) -> Path:
    """collect_summary + render_summary (for the command line)."""
    return render_summary(collect_summary(db, period, today, full_annex=full_annex), output)


__all__ = [
    "ANNEX",
    "build_summary_pdf",
    "collect_summary",
    "full_annex_pages",
    "indicator_chart",
    "render_summary",
    "summary_texts",
    "unprintable_characters",
]
