"""Export of a council's 出納帳 (CSV or xlsx) and the name → book lookup the command line uses."""

from __future__ import annotations

from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import BookDTO
from sakae_council.services.exporting import ExportTable


def book_by_names(db: Database, district: str, fiscal_year: str) -> BookDTO:
    """The book of a district named as typed and a 年度 like 令和8年度 (NotFound/Validation errors in Japanese)."""
    raise NotImplementedError


def cash_book_table(db: Database, book_id: int) -> ExportTable:
    """The 出納帳 as a table: 証憑番号, 日付, 科目, 摘要, 相手先, 口座, 収入, 支出, 残高, 訂正."""
    raise NotImplementedError


def export_book(
    db: Database, book_id: int, destination: Path, *, fmt: str = "csv", encoding: str = "utf-8"
) -> int:
    """Write the 出納帳 to a CSV or xlsx file; returns the row count."""
    raise NotImplementedError
