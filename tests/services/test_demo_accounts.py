"""The demo town's books: every district has 令和7年度 closed and 令和8年度 open, and the numbers of a
treasurer's year agree — carry-over, budget, grants, cash counts — as the 会計 page and papers will show."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from sakae_council.db.engine import Database, open_database
from sakae_council.services import accounts, demo, districts, grants


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("demo") / "demo.db", user="demo")
    demo.load_demo(db)
    try:
        yield db
    finally:
        db.close()


def test_every_district_has_a_closed_and_an_open_year(town: Database) -> None:
    for d in districts.list_districts(town):
        old = accounts.find_book(town, d.id, 2025)
        new = accounts.find_book(town, d.id, 2026)
        assert old is not None and new is not None
        assert old.is_closed and not new.is_closed
        assert new.opening_total == old.carryover  # carried over automatically
        entries = accounts.list_entries(town, new.id)
        assert 140 <= len(entries) <= 165, len(entries)  # the issue: ~150 in the open year
        assert max(e.entry_date for e in entries) <= date(2026, 11, 28)
        assert sorted(e.voucher_no for e in entries) == list(range(1, len(entries) + 1))
        assert min(e.balance for e in entries if e.account.value == "cash") >= 0  # the cash box never ran dry


def test_the_open_year_has_a_revision_a_settled_grant_a_correction_and_an_explained_difference(
    town: Database,
) -> None:
    for d in districts.list_districts(town):
        book = accounts.find_book(town, d.id, 2026)
        assert book is not None
        assert [r.number for r in accounts.list_budget_revisions(town, book.id)] == [0, 1]
        entries = accounts.list_entries(town, book.id)
        assert any(e.is_correction for e in entries)
        counts = accounts.list_cash_counts(town, book.id)
        assert any(c.difference != 0 and c.explanation for c in counts)
        assert all(c.difference == 0 or c.explanation for c in counts)
        settled = [
            accounts.grant_settlement(town, g.id)
            for g in grants.list_grants(town, district_id=d.id, fiscal_year=2026)
            if g.amount_spent is not None
        ]
        assert len(settled) == 1 and settled[0].agrees and settled[0].return_due == 4000


def test_spending_stays_within_budget_except_where_a_reason_was_recorded(town: Database) -> None:
    for book in accounts.list_books(town):
        entries = accounts.list_entries(town, book.id)
        for row in accounts.budget_vs_actual(town, book.id):
            if row.over:
                assert any(e.overspend_reason for e in entries if e.subject_id == row.subject_id), row.label
        statement = accounts.settlement_statement(town, book.id)
        assert statement.carryover == statement.closing_cash + statement.closing_bank
        assert statement.income_actual_total - statement.expense_actual_total == statement.carryover
