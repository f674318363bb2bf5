"""The 出納帳: entering, changing and cancelling (訂正) entries with 証憑番号, balances per account."""

from __future__ import annotations

from datetime import date

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount
from sakae_council.services.accounts.dto import BalanceDTO, EntryDTO, EntryInput


def add_entry(db: Database, book_id: int, data: EntryInput) -> EntryDTO:
    """Enter one line with the next 証憑番号; OverspendWarning if it overspends without a reason."""
    raise NotImplementedError


def update_entry(db: Database, entry_id: int, data: EntryInput, expected_version: int) -> EntryDTO:
    """Change an entry of an unchecked month of an open year (keeps its 証憑番号)."""
    raise NotImplementedError


def delete_entry(db: Database, entry_id: int, expected_version: int) -> None:
    """Remove an entry of an unchecked month of an open year (its 証憑番号 is not given out again)."""
    raise NotImplementedError


def cancel_entry(db: Database, entry_id: int, on: date, reason: str) -> EntryDTO:
    """訂正: a new entry with the next 証憑番号 that cancels ``entry_id`` (which stays)."""
    raise NotImplementedError


def add_transfer(
    db: Database,
    book_id: int,
    on: date,
    from_account: CashAccount | str,
    amount: int | str,
    description: str = "",
) -> tuple[EntryDTO, EntryDTO]:
    """振替 between 現金 and 預金 (預金の引出し・預入れ): two entries with no 科目."""
    raise NotImplementedError


def get_entry(db: Database, entry_id: int) -> EntryDTO:
    """One entry (its ``balance`` is its account's running balance after it)."""
    raise NotImplementedError


def list_entries(
    db: Database, book_id: int, *, account: CashAccount | str | None = None, month_start: date | None = None
) -> list[EntryDTO]:
    """The 出納帳 in order (date, 証憑番号), each with its account's running balance."""
    raise NotImplementedError


def balances(db: Database, book_id: int, *, as_of: date | None = None) -> list[BalanceDTO]:
    """現金 and 預金: opening, 収入, 支出 and balance (to ``as_of`` inclusive, else the whole year)."""
    raise NotImplementedError


def last_used_subject(db: Database, book_id: int) -> int | None:
    """The 科目 of the book's latest entry (what a new entry starts with)."""
    raise NotImplementedError
