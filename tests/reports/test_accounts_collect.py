"""The account papers printed from books kept through the services: what the paper says equals the
services' figures (the 収支決算書's totals, 次年度繰越金 = 収入合計 − 支出合計 on paper, the 出納帳's
balances, the 監査報告書's figures, a grant's 実績額 and 返還額), and the command line prints the same.

Typed text with markup characters (<, &) and rare name characters (𠮷, 髙) goes into 摘要 and 相手先
and comes out exactly.
"""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount, SubjectKind
from sakae_council.domain.enums import GrantStatus, MemberRole, OfficerPost
from sakae_council.reports import accounts_collect
from sakae_council.services import accounts, districts, grants, people, projects
from sakae_council.services.accounts import BudgetLineInput, EntryInput

TODAY = date(2027, 4, 20)
MARKUP = "<b>&amp;</b> 茶菓 & 会場"
RARE = "𠮷田商店 髙橋"


def _text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(str(path)).pages)


def _officer(db: Database, district: int, name: str, kana: str, post: OfficerPost) -> None:
    m = people.MembershipInput(
        district_id=district,
        role=MemberRole.SUISHIN,
        officer_post=post,
        term_start=date(2025, 4, 1),
        term_end=date(2028, 3, 31),
    )
    people.create_person(db, people.PersonInput(name=name, furigana=kana, memberships=(m,)))


@pytest.fixture()
def books(db: Database) -> dict[str, int]:
    """A council's 令和8年度 book: budget, a month of entries (one 訂正), a grant with linked spending."""
    d = districts.create_district(
        db, districts.DistrictInput(name="安食小学校区", council_name="安食小学校区地域まちづくり協議会")
    ).id
    _officer(db, d, "岡田 洋子", "オカダ ヨウコ", OfficerPost.CHAIR)
    _officer(db, d, "髙橋 一郎", "タカハシ イチロウ", OfficerPost.AUDITOR)
    _officer(db, d, "𠮷田 花子", "ヨシダ ハナコ", OfficerPost.AUDITOR)
    subjects = {s.name: s for s in accounts.ensure_starter_subjects(db, d)}
    book = accounts.open_book(db, d, 2026)
    budget = {
        "会費": 120_000,
        "町交付金": 300_000,
        "補助金": 50_000,
        "会議費": 30_000,
        "事業費": 400_000,
        "消耗品費": 40_000,
    }
    accounts.set_budget(
        db, book.id, date(2026, 4, 10), [BudgetLineInput(subjects[k].id, v) for k, v in budget.items()]
    )
    project = projects.create_project(
        db, projects.ProjectInput(title="放課後ひろば「さかえっ子」", district_id=d)
    )
    grant = grants.create_grant(
        db,
        grants.GrantInput(
            project_id=project.id, fiscal_year=2026, scheme="公募制補助金", amount_requested=50_000
        ),
    )
    grants.change_grant_status(db, grant.id, GrantStatus.REVIEWING, date(2026, 5, 1))
    grants.change_grant_status(db, grant.id, GrantStatus.AWARDED, date(2026, 5, 20), amount_granted=50_000)

    def add(day: date, subject: str, text: str, amount: int, **kw: object) -> int:
        income = subjects[subject].kind is SubjectKind.INCOME
        data = EntryInput(
            day,
            subjects[subject].id,
            text,
            income=amount if income else 0,
            expense=0 if income else amount,
            **kw,
        )  # type: ignore[arg-type]
        return accounts.add_entry(db, book.id, data).id

    add(date(2026, 4, 15), "会費", "会費 236世帯", 118_000, account=CashAccount.BANK)
    add(date(2026, 5, 1), "町交付金", "令和8年度 交付金", 300_000, account=CashAccount.BANK)
    accounts.add_transfer(db, book.id, date(2026, 5, 2), CashAccount.BANK, 50_000, "小口現金の引き出し")
    add(date(2026, 5, 10), "会議費", MARKUP, 2_400, counterparty=RARE)
    wrong = add(date(2026, 5, 12), "消耗品費", "コピー用紙", 5_500, counterparty="栄文具")
    add(date(2026, 6, 3), "事業費", "ひろば 材料費", 18_000, grant_id=grant.id, counterparty=RARE)
    add(date(2026, 6, 20), "事業費", "ひろば 講師謝礼", 10_000, grant_id=grant.id)
    accounts.cancel_entry(db, wrong, date(2026, 5, 20), "金額の誤り")
    add(date(2026, 5, 20), "消耗品費", "コピー用紙（訂正後）", 5_050, counterparty="栄文具")
    return {"district": d, "book": book.id, "grant": grant.id}


def test_settlement_on_paper_equals_the_services_figures(
    db: Database, books: dict[str, int], tmp_path: Path
) -> None:
    figures = accounts.settlement_statement(db, books["book"])
    doc = accounts_collect.collect(db, "settlement", books["district"], 2026, today=TODAY)
    text = _text(accounts_collect.render(doc, tmp_path / "決算.pdf"))
    m = re.search(r"収入合計¥([\d,]+)−支出合計¥([\d,]+)＝次年度繰越金(△?)¥([\d,]+)", text)
    assert m is not None, text
    income, expense = int(m[1].replace(",", "")), int(m[2].replace(",", ""))
    carry = int(m[4].replace(",", "")) * (-1 if m[3] else 1)
    assert (income, expense, carry) == (
        figures.income_actual_total,
        figures.expense_actual_total,
        figures.carryover,
    )
    assert income - expense == carry
    # the 収入合計 / 支出合計 rows of the two tables say the same
    assert f"収入合計{figures.income_budget_total:,}{figures.income_actual_total:,}" in text
    assert f"支出合計{figures.expense_budget_total:,}{figures.expense_actual_total:,}" in text
    # the 訂正 is netted: 消耗品費 spent 5,050, not 10,550
    assert "消耗品費40,0005,050" in text
    assert f"現金¥{figures.closing_cash:,}" in text and f"預金¥{figures.closing_bank:,}" in text


def test_budget_paper_lists_every_budgeted_subject(
    db: Database, books: dict[str, int], tmp_path: Path
) -> None:
    figures = accounts.budget_statement(db, books["book"])
    text = _text(
        accounts_collect.render(
            accounts_collect.collect(db, "budget", books["district"], 2026, today=TODAY),
            tmp_path / "予算.pdf",
        )
    )
    assert (
        f"収入合計{figures.income_budget_total:,}" in text
        and f"支出合計{figures.expense_budget_total:,}" in text
    )
    assert "町交付金300,000" in text


def test_cashbook_prints_typed_text_exactly_and_the_books_balances(
    db: Database, books: dict[str, int], tmp_path: Path
) -> None:
    text = _text(
        accounts_collect.render(
            accounts_collect.collect(db, "cashbook", books["district"], 2026, today=TODAY),
            tmp_path / "出納帳.pdf",
        )
    )
    assert "".join(MARKUP.split()) in text and "".join(RARE.split()) in text
    for b in accounts.balances(db, books["book"]):
        assert f"{b.account.label}の残高{b.closing:,}円" in text
    cancelled = next(
        e for e in accounts.list_entries(db, books["book"]) if e.cancelled_by_voucher_no is not None
    )
    # the 訂正 counts negatively and names what it cancels; the cancelled entry says by which
    assert "△5,500" in text and f"訂正:No.{cancelled.voucher_no}を取り消し" in text
    assert f"No.{cancelled.cancelled_by_voucher_no}で訂正済み" in text


def test_audit_report_carries_the_settlement_figures_and_both_auditors(
    db: Database, books: dict[str, int], tmp_path: Path
) -> None:
    figures = accounts.settlement_statement(db, books["book"])
    text = _text(
        accounts_collect.render(
            accounts_collect.collect(db, "audit", books["district"], 2026, today=TODAY), tmp_path / "監査.pdf"
        )
    )
    assert f"¥{figures.income_actual_total:,}" in text and f"¥{figures.carryover:,}" in text
    assert "髙橋一郎" in text and "𠮷田花子" in text and "岡田洋子" in text


def test_grant_settlement_paper_equals_the_services_settlement(
    db: Database, books: dict[str, int], tmp_path: Path
) -> None:
    g = accounts.grant_settlement(db, books["grant"])
    assert g.spent == 28_000
    text = _text(
        accounts_collect.render(
            accounts_collect.collect(db, "grant", 0, 0, today=TODAY, grant_id=books["grant"]),
            tmp_path / "精算.pdf",
        )
    )
    assert g.granted == 50_000 and g.return_due == 22_000
    assert "50,00028,00022,00022,000" in text  # 交付決定額 実績額 差額 返還額
    assert "".join(RARE.split()) in text
    assert "放課後ひろば「さかえっ子」" in text


def test_a_year_without_books_says_so(db: Database, books: dict[str, int]) -> None:
    from sakae_council.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="帳簿はまだありません"):
        accounts_collect.collect(db, "settlement", books["district"], 2024, today=TODAY)


def test_print_settlement_command(db: Database, books: dict[str, int], tmp_path: Path) -> None:
    path = db.path
    assert path is not None  # the db fixture is a SQLite file unless parametrised for PostgreSQL
    figures = accounts.settlement_statement(db, books["book"])
    db.close()  # the command opens the file itself (closing twice is harmless)
    out = tmp_path / "決算.pdf"
    cmd = [
        sys.executable,
        "-m",
        "sakae_council",
        "--db",
        str(path),
        "print",
        "settlement",
        "--district",
        "安食",
        "--fiscal-year",
        "令和8年度",
        "-o",
        str(out),
    ]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert f"次年度繰越金¥{figures.carryover:,}" in _text(out)


def test_a_grant_record_that_disagrees_is_said_before_printing(db: Database, books: dict[str, int]) -> None:
    g = grants.get_grant(db, books["grant"])
    grants.update_grant(
        db,
        g.id,
        grants.GrantInput(
            project_id=g.project_id,
            fiscal_year=g.fiscal_year,
            scheme=g.scheme,
            amount_requested=g.amount_requested,
            amount_granted=g.amount_granted,
            amount_spent=30_000,
            applied_on=g.applied_on,
            reviewed_on=g.reviewed_on,
            decided_on=g.decided_on,
        ),
        g.version,
    )
    doc = accounts_collect.collect(db, "grant", 0, 0, today=TODAY, grant_id=g.id)
    said = accounts_collect.problems(doc)
    assert said and any("30,000" in p and "28,000" in p for p in said), said
