"""The 連絡会まとめ's annex stays a paper a meeting can hold: it lists at most its share of the items the lists
cut (all of them at a town's size), every 「ほか N件」 says how many are left out and where they are, and the
full annex, chosen, lists every one. Read back from the PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader
from summary_town import Town

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueStatus
from sakae_council.reports.liaison_summary import ANNEX, collect_summary, full_annex_pages, render_summary
from sakae_council.services.liaison import Period, liaison_summary
from sakae_council.services.liaison_sections import ANNEX_ROWS, annex_share

TODAY = date(2026, 11, 28)
FY2026 = Period.for_fiscal_year(2026)
ISSUES = 320  # one district: 5 in its section, 315 cut — more than the annex's 300
WHERE = "すべては「地域課題」の一覧か、コマンド export issues で見られます"


def text_of(path: Path) -> str:
    """The PDF's text with no white space at all (lines break anywhere in Japanese)."""
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(path).pages)


def squeeze(text: str) -> str:
    return "".join(text.split())


def test_the_share_of_the_annex() -> None:
    assert annex_share([10, 20, 30], budget=60) is None  # all fit
    assert annex_share([], budget=60) is None
    # the short list keeps all its own; the two long ones share the rest evenly
    assert annex_share([10, 100, 100], budget=60) == 25
    assert annex_share([100] * 100, budget=300) == 3  # the least worth printing
    assert annex_share([100] * 101, budget=300) == 0  # 2 each: no annex
    assert annex_share([100] * 50, budget=300) == 6


def many_issues(db: Database) -> list[str]:
    t = Town(db)
    d = t.district("安食小学校区", 1)
    titles = [f"課題その{n:03d}号" for n in range(ISSUES)]
    t.issues(d, titles)
    return titles


def test_a_town_with_more_items_than_the_annex_holds_says_how_many_are_left_out(
    db: Database, tmp_path: Path
) -> None:
    titles = many_issues(db)
    summary = collect_summary(db, FY2026, TODAY)
    assert (summary.cut_items, summary.annex_items, summary.left_out) == (315, ANNEX_ROWS, 15)
    text = text_of(render_summary(summary, tmp_path / "s.pdf"))
    assert squeeze(f"ほか315件（うち300件を巻末の「付録」に掲載。{WHERE}）") in text
    assert squeeze(f"ほか15件は載せていません（{WHERE}）") in text
    assert squeeze("各学区の一覧は5件まで（続きは巻末の付録に各一覧300件まで）。載せていない15件は") in text
    assert squeeze(f"--full-annex で作れます（付録だけで約{full_annex_pages(summary)}ページ）") in text
    # the oldest first, in the order of the list: the first 305 printed, the newest 15 not
    assert all(t in text for t in titles[:305])
    assert not any(t in text for t in titles[305:])
    assert squeeze("（各一覧300件まで）。") in text  # the annex says it is a share


def test_the_full_annex_lists_every_item(db: Database, tmp_path: Path) -> None:
    titles = many_issues(db)
    summary = collect_summary(db, FY2026, TODAY, full_annex=True)
    assert (summary.cut_items, summary.annex_items, summary.left_out) == (315, 315, 0)
    text = text_of(render_summary(summary, tmp_path / "full.pdf"))
    assert all(t in text for t in titles)
    assert "ほか315件（巻末の「付録」に掲載）" in text
    assert "載せていません" not in text and "export" not in text


def test_too_many_districts_for_a_share_print_no_annex_and_say_where_each_list_is(
    db: Database, tmp_path: Path
) -> None:
    t = Town(db)
    for k in range(4):
        d = t.district(f"第{k + 1}小学校区", k + 1)
        t.issues(d, [f"第{k + 1}の課題{n}" for n in range(9)])
        t.issues(d, [f"第{k + 1}の共有{n}" for n in range(7)], date(2025, 9, 1), shared_with_liaison=True)
    # a budget of 10 shared by 8 lists: 1 each, under the least worth printing
    summary = liaison_summary(db, FY2026, TODAY, annex_rows=10)
    assert summary.annex_share == 0 and summary.annex_items == 0
    pages = [
        " ".join((p.extract_text() or "").split())
        for p in PdfReader(render_summary(summary, tmp_path / "s.pdf")).pages
    ]
    text = squeeze(" ".join(pages))
    assert squeeze(ANNEX) not in text  # neither an annex nor a line for it in the contents
    assert text.count(squeeze(f"ほか4件はこの資料に載せていません（{WHERE}）")) == 4
    assert text.count(squeeze(f"のほか2件はこの資料に載せていません（{WHERE}）")) == 4
    assert squeeze("（学区が多いため付録は付けていません）。載せていない24件は") in text


def test_the_town_paper_is_unchanged_while_its_items_fit(db: Database, tmp_path: Path) -> None:
    """Below the budget the annex lists every item cut, as the full annex does: the same paper."""
    t = Town(db)
    for k in range(3):
        d = t.district(f"第{k + 1}小学校区", k + 1)
        t.issues(d, [f"第{k + 1}の課題{n}" for n in range(40)])
        t.issue(d, IssueStatus.RAISED, date(2025, 6, 1), shared_with_liaison=True, title=f"第{k + 1}の共有")
    bounded = collect_summary(db, FY2026, TODAY)
    assert bounded.annex_share is None and bounded.left_out == 0 and bounded.annex_items == 105
    a = [p.extract_text() for p in PdfReader(render_summary(bounded, tmp_path / "a.pdf")).pages]
    full = collect_summary(db, FY2026, TODAY, full_annex=True)
    b = [p.extract_text() for p in PdfReader(render_summary(full, tmp_path / "b.pdf")).pages]
    assert a == b
    assert "ほか35件（巻末の「付録」に掲載）" in squeeze(" ".join(a))
