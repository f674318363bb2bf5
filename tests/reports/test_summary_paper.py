"""The 連絡会まとめ as the chairs hold it, read back from the PDF: self-contained at a town's size (every item
behind 「ほか N件」 in the annex, no pointer to a screen; past the annex's share see test_summary_annex), no district heading in the bottom quarter of a page, a section that
runs over labelled again, 未集計 printed 「—」 and left as a gap in the chart, internal notes never printed."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from pathlib import Path

from dto_inputs import as_input
from pypdf import PdfReader
from reportlab.graphics.shapes import Rect, String
from summary_town import Town

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueStatus
from sakae_council.reports.indicator_chart import ACTUAL_FILL, PLOT_BOTTOM, indicator_chart
from sakae_council.reports.liaison_summary import ANNEX, render_summary
from sakae_council.services import indicator_rules, indicator_values, indicators, lifesupport
from sakae_council.services.indicators import IndicatorInput
from sakae_council.services.liaison import Period, liaison_summary
from sakae_council.services.lifesupport import ConsultationInput

TODAY = date(2026, 11, 28)
FY2026 = Period.for_fiscal_year(2026)


def page_texts(path: Path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(path).pages]


def lines_with_y(path: Path) -> list[list[tuple[float, float, str]]]:
    """Per page: (y of the baseline from the page's foot, font size, text) of every text run."""
    pages = []
    for page in PdfReader(path).pages:
        runs: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, _font, size, runs=runs):  # type: ignore[no-untyped-def]
            if text.strip():
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                runs.append((y, size, text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(runs)
    return pages


def busy_town(db: Database) -> tuple[list[str], dict[str, list[str]], list[int]]:
    """Districts with lists of different lengths (so sections end anywhere on a page); returns the district
    names, per district every issue and decision it holds, and the district ids."""
    t = Town(db)
    names: list[str] = []
    ids: list[int] = []
    items: dict[str, list[str]] = defaultdict(list)
    for k in range(9):
        name = f"第{k + 1}小学校区"
        d = t.district(name, k + 1)
        names.append(name)
        ids.append(d)
        for n in range((k * 3) % 8 + 1):
            title = f"{name}の課題{n + 1}"
            t.issue(d, IssueStatus.RAISED, date(2026, 5, 1 + n), title=title)
            items[name].append(title)
        m = t.meeting(d, date(2026, 6, 1), 1)
        for n in range((k * 5) % 9 + 1):
            text = f"{name}の決定{n + 1}"
            t.decision(m, text, n)
            items[name].append(text)
        for n in range(k % 4):
            t.action(m, date(2026, 7, 1 + n))
    return names, items, ids


def test_every_item_behind_more_is_in_the_annex_and_no_screen_is_named(db: Database, tmp_path: Path) -> None:
    names, items, ids = busy_town(db)
    t = Town(db)
    shared = [f"共有課題{n}" for n in range(8)]
    for n, title in enumerate(shared):
        # raised the year before and still open: on the 連絡会's list, not among the district's new issues
        t.issue(ids[0], IssueStatus.RAISED, date(2025, 9, 1 + n), shared_with_liaison=True, title=title)
    out = render_summary(liaison_summary(db, FY2026, TODAY), tmp_path / "s.pdf")
    pages = page_texts(out)
    text = " ".join(pages)
    assert "画面" not in text  # the chairs have no screen: nothing sends them to one
    heading = " ".join(ANNEX.split())  # the extracted text has plain spaces
    start = next(i for i, p in enumerate(pages) if heading in p and i > 0)
    annex = " ".join(pages[start:])
    body = " ".join(pages[:start])
    cut = 0
    for name in names:
        for item in items[name]:
            assert item in body or item in annex, item
            if item not in body:
                cut += 1
                assert f"{item} " in annex + " ", item
    assert cut > 10  # the town is big enough to cut lists
    # 「ほか N件」 in the body adds up to what the annex holds
    body_more = sum(int(n) for n in re.findall(r"ほか(\d+)件（巻末", body))
    assert body_more == cut
    hidden_shared = [s for s in shared if s not in body]
    assert len(hidden_shared) == 3 and all(s in annex for s in hidden_shared)


def test_no_district_heading_in_the_bottom_quarter_and_a_section_running_over_is_labelled(
    db: Database, tmp_path: Path
) -> None:
    names, _items, _ids = busy_town(db)
    out = render_summary(liaison_summary(db, FY2026, TODAY), tmp_path / "s.pdf")
    height = float(PdfReader(out).pages[0].mediabox.height)
    seen = 0
    for runs in lines_with_y(out):
        for y, size, text in runs:
            if size >= 12 and any(text.startswith(f"{n}（") or text == n for n in names):
                seen += 1
                assert y > height / 4, f"「{text}」 at {y:.0f} pt of {height:.0f}: in the bottom quarter"
    assert seen > len(names)  # each district in section 4, and the cut ones again in the annex
    # a section that runs onto the next page names its district at the top of that page
    pages = lines_with_y(out)
    continued = 0
    for i, runs in enumerate(pages[1:], start=1):
        body = [r for r in runs if r[0] < height - 70]  # below the running header
        if not body:
            continue
        top = max(body, key=lambda r: r[0])
        if top[2].endswith("（つづき）"):
            continued += 1
            district = top[2].removesuffix("（つづき）")
            earlier = " ".join(r[2] for r in pages[i - 1])
            assert district in earlier  # the section began (or ran) on the page before
    assert continued >= 1


def test_a_year_before_any_record_prints_a_dash_and_the_chart_leaves_a_gap(
    db: Database, tmp_path: Path
) -> None:
    with db.transaction() as s:
        indicator_rules.seed_plan_indicators(s)
    lifesupport.create_consultation(db, ConsultationInput(held_on=date(2025, 6, 1), person_name="相談 太郎"))
    summary = liaison_summary(db, FY2026, TODAY)
    text = " ".join(page_texts(render_summary(summary, tmp_path / "s.pdf")))
    # consultations on file from 令和7年度: before it 「—」 (未集計), 令和8年度 a real 0
    assert "平成27年度 23 — 未集計" in text
    assert "令和6年度 — 未集計" in text and "令和7年度 1 自動集計" in text and "令和8年度 0 自動集計" in text
    assert "0 自動集計" not in text.replace("令和8年度 0 自動集計", "")
    # the chart: an actual bar for 令和7・8年度 only (the 0 is a bar of no height with 「0」 over it)
    row = next(r for r in summary.indicators if r.code == "consultations")
    drawing = indicator_chart(row, 300, 160)
    bars = [
        e
        for e in drawing.contents
        if isinstance(e, Rect) and e.fillColor == ACTUAL_FILL and e.y == PLOT_BOTTOM
    ]
    assert len(bars) == 2 and sorted(b.height for b in bars)[0] == 0
    labels = [e.text for e in drawing.contents if isinstance(e, String)]
    years_without = sum(1 for c in row.cells if c.actual is None)
    assert labels.count("—") == years_without >= 5


def test_only_the_note_meant_for_paper_prints(db: Database, tmp_path: Path) -> None:
    with db.transaction() as s:
        indicator_rules.seed_plan_indicators(s)
    ind = next(i for i in indicators.list_indicators(db) if i.code == "community_projects")
    indicators.update_indicator(
        db,
        ind.id,
        as_input(
            ind,
            IndicatorInput,
            notes="目標値は計画書（平成23年）による。",
            internal_notes="担当者メモ: 原本を確認中",
        ),
        ind.version,
    )
    indicator_values.set_value(
        db, ind.id, 2015, "target", 10, notes="計画書の表から", internal_notes="入力者メモ"
    )
    text = " ".join(page_texts(render_summary(liaison_summary(db, FY2026, TODAY), tmp_path / "s.pdf")))
    assert "注記: 目標値は計画書（平成23年）による。" in text
    assert "注記（平成27年度目標値）: 計画書の表から" in text
    for internal in ("担当者メモ", "原本を確認中", "入力者メモ", "原本で確認のうえ入力すること"):
        assert internal not in text
