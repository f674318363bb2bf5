"""The 連絡会 summary PDF, opened again: its text carries the figures exactly, fonts are embedded, pages fit."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from summary_town import Town

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.enums import IssueStatus, MemberRole, ProjectStatus
from sakae_council.reports.liaison_summary import (
    build_summary_pdf,
    collect_summary,
    render_summary,
    summary_texts,
)
from sakae_council.services import indicator_rules, indicator_values, indicators, lifesupport
from sakae_council.services.liaison import Period, liaison_summary
from sakae_council.services.lifesupport import ConsultationInput

TODAY = date(2026, 11, 28)
FY2026 = Period.for_fiscal_year(2026)


def words(path: Path) -> list[str]:
    """Each page's text with every run of white space as one space (table cells come out one per line)."""
    return [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]


def fonts_of(path: Path) -> dict[str, bool]:
    """Font name → embedded, for every font any page uses."""
    found: dict[str, bool] = {}
    for page in PdfReader(path).pages:
        resources: Any = page["/Resources"]
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            embedded = desc is not None and any(
                k in desc.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


@pytest.fixture()
def town(db: Database) -> dict[str, int]:
    with db.transaction() as s:
        indicator_rules.seed_plan_indicators(s)
    t = Town(db)
    ids = {
        "a": t.district("安食小学校区", 1),
        "b": t.district("布鎌小学校区", 2),
        "c": t.district("酒直小学校区", 3),
    }
    a, b = ids["a"], ids["b"]
    kids = t.category("子育て", 2)
    t.member("渡辺 花子", a)
    t.member("相川 健", a, MemberRole.STAFF)  # 地区担当職員: not counted as a 委員
    t.member("布 一郎", b)
    t.issue(a, IssueStatus.RAISED, date(2026, 5, 1), title="通学路の見守り")
    resolved = t.issue(
        a, IssueStatus.CONSIDERING, date(2025, 6, 1), category_id=kids, shared_with_liaison=True
    )
    t.change_issue(resolved, IssueStatus.RESOLVED, date(2026, 6, 10))
    t.issue(b, IssueStatus.CONSIDERING, date(2026, 10, 1), shared_with_liaison=True, title="𠮷野地区の防犯灯")
    p1 = t.project(a, ProjectStatus.RUNNING, start_on=date(2025, 4, 1), title="見守り隊")
    t.project(a, ProjectStatus.IDEA, title="子ども食堂")
    p5 = t.project(b, ProjectStatus.RUNNING, start_on=date(2026, 4, 1), title="花いっぱい運動")
    t.grant(p1, 2026, "awarded", 200000, date(2026, 2, 25))
    t.grant(p5, 2026, "reported", 50000, date(2026, 5, 1))
    t.milestone(p1, "隊員募集", date(2026, 5, 1))
    t.milestone(p1, "年間計画", None)
    t.activity(p1, date(2026, 5, 10), 12)
    m = t.meeting(a, date(2026, 5, 1), 1, "approved")
    t.decision(m, "見守り隊の活動日を毎週水曜日とする。")
    t.action(m, date(2026, 6, 1))
    t.action(m, date(2026, 12, 20))
    for day in (5, 6, 7):
        lifesupport.create_consultation(
            db, ConsultationInput(held_on=date(2026, 6, day), person_name=f"相談者{day}")
        )
    codes = {i.code: i.id for i in indicators.list_indicators(db)}
    indicator_values.set_value(db, codes["startups"], 2026, "actual", 4, "商工会経由の起業を含めるため")
    indicator_values.set_value(db, codes["consultations"], 2026, "target", 12)
    return ids


def test_summary_prints_every_district_and_the_right_figures(
    db: Database, town: dict[str, int], tmp_path: Path
) -> None:
    out = render_summary(collect_summary(db, FY2026, TODAY), tmp_path / "summary.pdf")
    pages = words(out)
    text = " ".join(pages)
    assert pages[0].count("小学校区の取り組みのまとめ") == 1
    assert "令和8年度（令和8年4月1日〜令和9年3月31日）" in pages[0]
    assert "令和8年11月28日現在" in pages[0]
    # cross-district table: 委員, 提起, 解決, 未解決, 件数, 金額, 会議
    assert "安食小学校区 1 1 1 1 1 ¥200,000 1" in text
    assert "布鎌小学校区 1 1 0 1 1 ¥50,000 0" in text
    assert "酒直小学校区 0 0 0 0 0 ¥0 0" in text
    assert "合計 2 2 1 2 2 ¥250,000 1" in text
    # projects by status: 構想 申請中 交付決定 実施中 完了 検証済 中止 計
    assert "安食小学校区 1 0 0 1 0 0 0 2" in text
    # indicators: targets, the computed actual and the override with who and why
    assert "⑫ 生活支援ビジネスの相談者数（単位: 人）" in text
    assert "令和8年度 12 3 自動集計" in text
    # consultations are on file from 令和8年度: earlier years are 未集計, printed 「—」, never 0
    assert "平成27年度 23 — 未集計" in text and " 0 自動集計" not in text
    # a reason wraps inside its narrow cell: compare without white space
    assert "令和8年度4手入力で上書き（テスト担当:商工会経由の起業を含めるため）" in "".join(text.split())
    for name in ("6小学校区協働事業立ち上げ数", "コミュニティ事業数", "生活支援サービスの起業者数"):
        assert name in text
    assert text.count("目標値") >= 8  # every table's column and every chart's legend
    # the matrix: 防犯 and 子育て columns, one row per district
    assert re.search(
        r"3 地域課題の一覧表（学区×分類） .* 安食小学校区 1 1 2 布鎌小学校区 1 ・ 1 酒直小学校区 ・ ・ 0 計 2 1 3",
        text,
    )
    # sections
    assert "通学路の見守り" in text and "見守り隊の活動日を毎週水曜日とする。" in text
    assert "見守り隊 小学校区協働事業（⑬） 実施中 1 / 2 1回・延べ12人" in text
    assert "未完了の宿題（2件、うち期限切れ1件）" in text
    assert "令和8年6月1日 期限切れ" in text
    assert "酒直小学校区（酒直小学校区地域まちづくり協議会） この期間の記録はありません。" in text
    # the list to discuss, with the rare character printed (fallback font) and searchable
    assert "𠮷野地区の防犯灯" in text
    assert re.search(
        r"5 連絡会で話し合う課題 .* 1 安食小学校区 子育て .* 2 布鎌小学校区 防犯 𠮷野地区の防犯灯", text
    )
    assert pages[-1].endswith(f"{len(pages)} / {len(pages)}")


def test_fonts_are_embedded_and_nothing_falls_back_to_helvetica(
    db: Database, town: dict[str, int], tmp_path: Path
) -> None:
    out = build_summary_pdf(db, FY2026, tmp_path / "summary.pdf", today=TODAY)
    used = fonts_of(out)
    assert any("BIZUDGothic" in name for name in used)
    assert all(used.values()), used
    assert not any("Helvetica" in name for name in used)


def test_a_year_without_data_prints_sensibly(db: Database, town: dict[str, int], tmp_path: Path) -> None:
    out = build_summary_pdf(db, Period.for_fiscal_year(2020), tmp_path / "empty_year.pdf", today=TODAY)
    pages = words(out)
    text = " ".join(pages)
    assert "令和2年度（令和2年4月1日〜令和3年3月31日）" in pages[0]
    assert "令和3年3月31日現在" in pages[0]
    assert "合計 0 0 0 0 0 ¥0 0" in text
    for name in ("布鎌小学校区", "酒直小学校区"):
        assert f"{name}（{name}地域まちづくり協議会） この期間の記録はありません。" in text
    assert "子ども食堂 小学校区協働事業（⑬） 構想" in text  # an idea without dates is still on the table
    assert "（連絡会で共有する課題はありません）" in text
    assert len(pages) <= 8


def test_a_period_and_an_empty_database(db: Database, tmp_path: Path) -> None:
    out = build_summary_pdf(
        db, Period.between(date(2026, 4, 1), date(2026, 9, 30)), tmp_path / "half.pdf", today=TODAY
    )
    pages = words(out)
    text = " ".join(pages)
    assert "令和8年4月1日〜令和8年9月30日" in pages[0]
    assert "（成果指標が登録されていません）" in text
    assert "（学区が登録されていません）" in text
    assert "合計 0 0 0 0 0 ¥0 0" in text


def test_texts_for_the_glyph_check_include_user_text(db: Database, town: dict[str, int]) -> None:
    texts = " ".join(summary_texts(collect_summary(db, FY2026, TODAY)))
    for piece in (
        "𠮷野地区の防犯灯",
        "見守り隊",
        "商工会経由の起業を含めるため",
        "見守り隊の活動日を毎週水曜日とする。",
    ):
        assert piece in texts


def test_demo_summary_for_the_current_year(tmp_path: Path) -> None:
    """Acceptance: all 6 districts, the four indicators with targets and charts, and the matrix."""
    from sakae_council.services import demo
    from sakae_council.services.setup import ensure_seeded

    path = tmp_path / "demo.db"
    db = open_database(path, user="demo")
    try:
        ensure_seeded(db)
        demo.load_demo(db)
        summary = collect_summary(db, FY2026, TODAY)
        out = render_summary(summary, tmp_path / "demo.pdf")
    finally:
        db.close()
    text = " ".join(words(out))
    names = [
        "安食小学校区",
        "安食台小学校区",
        "酒直小学校区",
        "北辺田小学校区",
        "竜角寺台小学校区",
        "布鎌小学校区",
    ]
    for name in names:
        assert text.count(name) >= 4, name  # tables, matrix, its section
    for row in summary.rows:
        figures = f"{row.name} {row.members} {row.issues_raised} {row.issues_resolved} {row.issues_open}"
        assert figures in text
    assert f"合計 {summary.totals.members} " in text
    for name, target in (
        ("生活支援ビジネスの相談者数", 23),
        ("生活支援サービスの起業者数", 20),
        ("6小学校区協働事業立ち上げ数", 6),
        ("コミュニティ事業数", 10),
    ):
        assert name in text
        assert f"平成27年度 {target} " in text
    assert text.count("実績値（上書き）") == 4  # one chart legend per indicator
    assert "3 地域課題の一覧表（学区×分類）" in text
    assert (
        f"計 {' '.join(str(summary.matrix.category_total(c.id)) for c in summary.matrix.categories)} {summary.matrix.total}"
        in text
    )


def test_long_lists_print_their_first_items_and_how_many_more(
    db: Database, town: dict[str, int], tmp_path: Path
) -> None:
    t = Town(db)
    for n in range(3):
        t.issue(
            town["b"],
            IssueStatus.RAISED,
            date(2026, 7, 1 + n),
            shared_with_liaison=True,
            title=f"共有課題{n}",
        )
    out = render_summary(liaison_summary(db, FY2026, TODAY, limit=2), tmp_path / "cut.pdf")
    text = " ".join(words(out))
    assert "新しい地域課題（4件）" in text  # 布鎌: the full count in the heading
    assert "ほか2件（巻末の「付録」に掲載）" in text and "画面" not in text
    # the note spans the table at body size (≥ 10.5 pt, the house style) and wraps: compare without breaks
    assert (
        "布鎌小学校区のほか2件は巻末の「付録」に掲載（ここには未解決・優先度の高いものから掲載）"
        in "".join(text.split())
    )
