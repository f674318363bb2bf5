"""The generated tiny file lets each paper the memory benchmark once could not make be collected and drawn:
開催通知, 貸出票, the five 会計 papers and 委嘱状 — read through the program's services from real SQLite and
drawn by ReportLab, the PDFs read back. The books are checked against the program's own rules too."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from bench.generate import SIZES, generate
from sakae_council.db.engine import Database, open_database
from sakae_council.domain.enums import LoanStatus
from sakae_council.reports import accounts_collect
from sakae_council.reports.commission import render_commissions
from sakae_council.reports.loan_slip import collect_loan_slip, render_loan_slip
from sakae_council.reports.meeting_notice import collect_notice, render_notice
from sakae_council.services import accounts, equipment_loans, grants, meeting_replies, meetings
from sakae_council.services.seats import commission_batch, seats_on

TODAY = date(2026, 11, 28)  # the generator's today
DISTRICT = 1


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    folder = tmp_path_factory.mktemp("generated")
    generate(folder / "tiny.db", SIZES["tiny"], today=TODAY)
    database = open_database(folder / "tiny.db", user="test", backup_dir=folder / "backups")
    yield database
    database.close()


def _text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    return len(reader.pages), "".join("".join(p.extract_text().split()) for p in reader.pages)


def test_the_notice_of_meeting_one_has_a_letter_for_each_invitee(db: Database, tmp_path: Path) -> None:
    held = meetings.get_meeting(db, 1).held_on
    replies = meeting_replies.get_replies(db, 1)
    assert replies.replied and replies.unreplied  # some slips came back, some not yet
    doc = collect_notice(db, 1, issued_on=held - timedelta(days=14))
    pages, text = _text(render_notice(doc, tmp_path / "notice.pdf"))
    assert pages == len(doc.letters) == len(replies.invitees)
    assert doc.sender.chair_name and doc.sender.chair_name.replace(" ", "") in text
    assert all(i.name.replace(" ", "") in text for i in doc.letters)


def test_loan_slips_of_a_loan_out_and_of_one_returned(db: Database, tmp_path: Path) -> None:
    loans = equipment_loans.list_loans(db, today=TODAY)
    statuses = {x.status for x in loans}
    assert {LoanStatus.RETURNED, LoanStatus.RESERVED} <= statuses
    assert LoanStatus.LENT in statuses or len(loans) < 40  # the tiny file lends little
    for loan in (loans[0], next(x for x in loans if x.status is LoanStatus.RETURNED)):
        slip = collect_loan_slip(db, loan.id, TODAY)
        pages, text = _text(render_loan_slip(slip, tmp_path / f"slip{loan.id}.pdf"))
        assert pages == 1
        assert slip.equipment_name.replace(" ", "") in text
        assert (slip.borrower_organisation or slip.borrower_person).replace(" ", "") in text


@pytest.mark.parametrize("year", [TODAY.year - 1, TODAY.year])
def test_every_accounts_paper_of_both_years(db: Database, tmp_path: Path, year: int) -> None:
    book = accounts.find_book(db, DISTRICT, year)
    assert book is not None and book.status.value == ("closed" if year < TODAY.year else "open")
    assert all(b.closing >= 0 for b in accounts.balances(db, book.id))  # the books never go negative
    budget = accounts.budget_statement(db, book.id)
    assert budget.income_budget_total == budget.expense_budget_total > 0  # 予算 balances
    assert not [r.label for r in accounts.budget_vs_actual(db, book.id) if r.over]
    drawn = {}
    for kind in ("budget", "cashbook", "settlement", "audit"):
        doc = accounts_collect.collect(db, kind, DISTRICT, year, today=TODAY)
        drawn[kind] = _text(accounts_collect.render(doc, tmp_path / f"{kind}.pdf"))
    assert drawn["cashbook"][0] >= 3 and "預金引出し" in drawn["cashbook"][1]
    assert "前年度繰越金" in drawn["settlement"][1] and "予備費" in drawn["budget"][1]
    (grant,) = grants.list_grants(db, fiscal_year=year, district_id=DISTRICT)
    doc = accounts_collect.collect(db, "grant", DISTRICT, year, today=TODAY, grant_id=grant.id)
    assert not accounts_collect.problems(doc)  # the record and the 出納帳 agree
    pages, text = _text(accounts_collect.render(doc, tmp_path / "grant.pdf"))
    assert pages >= 1 and grant.scheme in text


def test_commissions_for_the_day_the_terms_began(db: Database, tmp_path: Path) -> None:
    began = max(s.term_start for s in seats_on(db, DISTRICT, TODAY) if s.term_start is not None)
    batch = commission_batch(db, DISTRICT, began)
    assert batch.letters and batch.chair_name
    pages, text = _text(render_commissions(batch, tmp_path / "commission.pdf", thanks=True))
    assert pages == len(batch.letters) + len(batch.thanks)
    assert batch.letters[0].name.replace(" ", "") in text


def test_the_memory_benchmark_runs_the_program_on_the_data_s_day() -> None:
    """The memory child sets the program's day to the one the data was generated for (bench/day.py)."""
    import inspect

    from bench import day, generate

    assert inspect.signature(generate.generate).parameters["today"].default == day.TODAY
