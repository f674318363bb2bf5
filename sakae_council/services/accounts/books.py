"""A council's book per 年度: opening it (carrying 前年度繰越金), 月次確認, 決算確定 and later revisions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import BookDTO, EntryInput


def open_book(db: Database, district_id: int, fiscal_year: int) -> BookDTO:
    """The council's book for the year, made if missing (starter 科目; 前年度繰越 from last year's close)."""
    raise NotImplementedError


def find_book(db: Database, district_id: int, fiscal_year: int) -> BookDTO | None:
    """The council's book for the year, or None."""
    raise NotImplementedError


def get_book(db: Database, book_id: int) -> BookDTO:
    """One book with its checked months and revisions."""
    raise NotImplementedError


def list_books(db: Database, district_id: int | None = None) -> list[BookDTO]:
    """Books, newest year first, of one council or all."""
    raise NotImplementedError


def set_opening_balances(
    db: Database, book_id: int, cash: int | str, bank: int | str, expected_version: int
) -> BookDTO:
    """Type the 前年度繰越 of a council's first book (later years carry it over by themselves)."""
    raise NotImplementedError


def check_month(db: Database, book_id: int, month_start: date, checked_on: date) -> BookDTO:
    """月次確認: the month's entries can afterwards only be undone by a 訂正."""
    raise NotImplementedError


def close_year(db: Database, book_id: int, closed_on: date, expected_version: int | None = None) -> BookDTO:
    """決算確定: lock the year, fix 次年度繰越金 and carry it into next year's 前年度繰越."""
    raise NotImplementedError


def revise_closed_year(
    db: Database,
    book_id: int,
    reason: str,
    made_on: date,
    *,
    add: Sequence[EntryInput] = (),
    cancel: Sequence[int] = (),
) -> BookDTO:
    """決算の修正 of a closed year: numbered, with a reason; adds entries / 訂正 and re-carries the carry-over."""
    raise NotImplementedError
