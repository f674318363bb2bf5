"""現金・預金の実査: the treasurer's count against the book's balance, with the 差異 explained."""

from __future__ import annotations

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import CashCountDTO, CashCountInput


def record_cash_count(db: Database, book_id: int, data: CashCountInput) -> CashCountDTO:
    """Record a count; a 差異 needs an explanation."""
    raise NotImplementedError


def list_cash_counts(db: Database, book_id: int) -> list[CashCountDTO]:
    """The book's counts, newest first."""
    raise NotImplementedError
