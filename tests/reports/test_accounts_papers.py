"""The council's account papers, read back from the PDFs: every piece of typed text exactly (markup
characters and rare name characters too), the totals that add up on paper, fonts embedded, n / N on
every page, names kept whole.

These draw documents built here; tests/reports/test_accounts_collect.py prints the same papers from
books kept through the services and compares the paper with the services' figures.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reports.test_meeting_docs import assert_numbered, embedded_fonts  # tests/ is on sys.path

from sakae_council.reports.accounts_audit import AuditReport, render_audit
from sakae_council.reports.accounts_cashbook import Cashbook, CashbookAccount, CashbookLine, render_cashbook
from sakae_council.reports.accounts_grant import GrantEntry, GrantSettlement, render_grant_settlement
from sakae_council.reports.accounts_paper import BookOwner, yen
from sakae_council.reports.accounts_statement import Statement, StatementLine, render_statement

OWNER = BookOwner("安食小学校区", "安食小学校区地域まちづくり協議会", 2026)
MARKUP = "<b>&amp;</b> 会費 & 雑費 <font>"
RARE = "𠮷田商店 髙橋"
PRINTED = date(2027, 4, 20)


def _text(path: Path) -> tuple[list[str], PdfReader]:
    reader = PdfReader(str(path))
    return [p.extract_text() for p in reader.pages], reader


def _flat(pages: list[str]) -> str:
    return "".join("".join(p.split()) for p in pages)


def _check_rules(pages: list[str], reader: PdfReader, header: str) -> None:
    assert all(embedded_fonts(reader).values()), embedded_fonts(reader)
    assert_numbered(pages)
    for text in pages:
        assert header in text


def _statement(settlement: bool) -> Statement:
    income = (
        StatementLine("前年度繰越金", 52_300, 52_300),
        StatementLine("会費", 120_000, 118_000, note=MARKUP),
        StatementLine("補助金", 100_000, 100_000),
        StatementLine("公募制補助金", 100_000, 100_000, detail=True),
        StatementLine("雑収入", 1_000, 12),
    )
    expense = (
        StatementLine("会議費", 30_000, 28_500, note=RARE),
        StatementLine("事業費", 150_000, 162_000, note="夏祭り"),
        StatementLine("予備費", 93_300, 0),
    )
    return Statement(
        OWNER, settlement, income, expense, PRINTED, closed=True, holdings=(("現金", 3_200), ("預金", 76_612))
    )


def test_settlement_prints_every_line_and_totals_that_add_up(tmp_path: Path) -> None:
    s = _statement(True)
    pages, reader = _text(render_statement(s, tmp_path / "決算.pdf"))
    _check_rules(pages, reader, "収支決算書")
    text = _flat(pages)
    for piece in (MARKUP, RARE, "公募制補助金", "△2,000", "12,000", "△988"):
        assert "".join(piece.split()) in text, piece
    # 収入合計 270,312 (the 細目 not counted twice), 支出合計 190,500, 繰越 79,812 — and the line that adds up
    assert s.income_total == 270_312 and s.expense_total == 190_500
    m = re.search(r"収入合計¥([\d,]+)−支出合計¥([\d,]+)＝次年度繰越金¥([\d,]+)", text)
    assert m is not None, text
    income, expense, balance = (int(g.replace(",", "")) for g in m.groups())
    assert (income, expense, balance) == (270_312, 190_500, 79_812)
    assert income - expense == balance
    assert "現金¥3,200" in text and "預金¥76,612" in text


def test_budget_compares_with_last_year_and_marks_the_revision(tmp_path: Path) -> None:
    s = Statement(
        OWNER, False, _statement(True).income, _statement(True).expense, PRINTED, revision_label="第1次補正後"
    )
    pages, reader = _text(render_statement(s, tmp_path / "予算.pdf"))
    _check_rules(pages, reader, "収支予算書")
    text = _flat(pages)
    assert "収支予算書（第1次補正後）" in text
    assert "本年度予算額" in text and "前年度予算額" in text
    assert "収支差額" in text and "次年度繰越金" not in text


def test_an_open_year_is_marked_on_every_page(tmp_path: Path) -> None:
    s = Statement(OWNER, True, _statement(True).income, _statement(True).expense, PRINTED, closed=False)
    pages, _ = _text(render_statement(s, tmp_path / "決算.pdf"))
    assert all("未確定" in p for p in pages)


def _cashbook(n: int) -> Cashbook:
    lines = []
    balance = 52_300
    for i in range(n):
        income, expense = (5_000, 0) if i % 3 == 0 else (0, 1_200)
        balance += income - expense
        lines.append(
            CashbookLine(
                date(2026, 4 + i // 20, 1 + i % 20),
                str(i + 1),
                "会費" if income else "消耗品費",
                MARKUP if i == 0 else f"コピー用紙 {i}",
                RARE if i == 1 else "",
                income,
                expense,
                balance,
            )
        )
    return Cashbook(
        OWNER, (CashbookAccount("現金", 52_300, tuple(lines)), CashbookAccount("預金", 10_000, ())), PRINTED
    )


def test_cashbook_runs_over_pages_with_running_balance_and_month_totals(tmp_path: Path) -> None:
    book = _cashbook(60)
    pages, reader = _text(render_cashbook(book, tmp_path / "出納帳.pdf"))
    assert len(pages) > 2
    _check_rules(pages, reader, "出納帳")
    text = _flat(pages)
    assert "".join(MARKUP.split()) in text and "".join(RARE.split()) in text
    cash = book.accounts[0]
    assert f"現金の残高{yen(cash.closing)}円" in text
    assert f"預金の残高{yen(10_000)}円" in text
    for month in (4, 5, 6):
        assert f"{month}月計" in text
    # every entry's 証憑番号 and its balance after it
    for line in cash.lines[-3:]:
        assert yen(line.balance) in text
    # the page a 預金 starts on names the 預金 in its header
    assert any("預金" in p.split("\n")[0] or "預金" in p[:80] for p in pages[1:])


def test_a_long_cashbook_is_made_a_page_at_a_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A district's year at stress is thousands of lines: held as one table of cells until its last page it
    took ~75 MB. The rows are made as the layout reaches them, each once; each page repeats the header."""
    from sakae_council.reports import accounts_cashbook

    made: list[str] = []
    real = accounts_cashbook._row
    monkeypatch.setattr(accounts_cashbook, "_row", lambda a, what: (made.append(what[0]), real(a, what))[1])
    book = _cashbook(160)  # April to November
    story_rows = accounts_cashbook._account_table(book.accounts[0])
    assert made == []  # nothing made while the story is put together
    pages, _reader = _text(render_cashbook(book, tmp_path / "出納帳.pdf"))
    lines, months = 160, len({(x.on.year, x.on.month) for x in book.accounts[0].lines})
    # the carry-over, every line, each month's total and the year's (the 預金 has its carry-over and year)
    assert len(made) == (1 + lines + months + 1) + 2 and made.count("month") == months
    assert story_rows and len(pages) > 4
    assert all("摘要" in p for p in pages if "コピー用紙" in p)  # the header row on every page of lines
    text = _flat(pages)
    assert text.index("4月計") < text.index("5月計") < text.index("年度合計")


def test_audit_report_names_both_auditors_and_the_settlement_figures(tmp_path: Path) -> None:
    r = AuditReport(
        OWNER,
        PRINTED,
        270_312,
        190_500,
        chair_name="岡田 洋子",
        auditors=("髙橋 一郎", "𠮷田 花子"),
        audited_on=date(2027, 4, 18),
        closed=True,
    )
    pages, reader = _text(render_audit(r, tmp_path / "監査.pdf"))
    assert len(pages) == 1
    _check_rules(pages, reader, "監査報告書")
    text = _flat(pages)
    assert "適正に処理されていることを認めます" in text
    assert "髙橋一郎" in text and "𠮷田花子" in text and "岡田洋子" in text
    assert text.count("監事") >= 2 and text.count("印") >= 2
    assert "令和9年4月18日" in text
    assert "¥270,312" in text and "¥190,500" in text and "¥79,812" in text


def test_audit_report_keeps_the_councils_wording(tmp_path: Path) -> None:
    wording = "{year}の会計を監査したところ、帳簿と証憑は符合し <正確> でした。"
    r = AuditReport(OWNER, PRINTED, 1, 0, wording=wording)
    pages, _ = _text(render_audit(r, tmp_path / "監査.pdf"))
    text = _flat(pages)
    assert "令和8年度の会計を監査したところ、帳簿と証憑は符合し<正確>でした。" in text
    assert "令和年月日" in text  # no audit date yet: a line to fill in by hand


@pytest.mark.parametrize(
    ("granted", "note"), [(100_000, "返還します"), (60_000, "上回りました"), (72_000, "返還額はありません")]
)
def test_grant_settlement_difference_and_return(tmp_path: Path, granted: int, note: str) -> None:
    entries = tuple(
        GrantEntry(date(2026, 7, i + 1), str(40 + i), "事業費", MARKUP if i == 0 else "材料費", RARE, 9_000)
        for i in range(8)
    )
    g = GrantSettlement(
        OWNER, PRINTED, "放課後ひろば「さかえっ子」", "公募制補助金", granted, entries, chair_name="岡田 洋子"
    )
    pages, reader = _text(render_grant_settlement(g, tmp_path / "精算.pdf"))
    _check_rules(pages, reader, "収支精算書")
    text = _flat(pages)
    assert note in text
    assert "".join(MARKUP.split()) in text and "".join(RARE.split()) in text
    assert g.spent == 72_000
    assert yen(granted) in text and yen(g.difference) in text
    assert f"{yen(g.return_due)}" in text
