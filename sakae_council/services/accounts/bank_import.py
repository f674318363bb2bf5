"""Bank statement CSV (CP932 or UTF-8) → proposed 預金 entries to confirm; the columns are remembered."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import ColumnMapping, EntryDTO, ImportPreview, ProposedEntry


def saved_mapping(db: Database, district_id: int) -> ColumnMapping | None:
    """The column mapping the council chose last time, if any."""
    raise NotImplementedError


def guess_mapping(header: Sequence[str], header_row: int = 0) -> ColumnMapping | None:
    """A mapping from usual heading words (日付, 摘要, お預り金額, お支払金額, 残高); None if unsure."""
    raise NotImplementedError


def read_bank_statement(
    db: Database, book_id: int, path: Path, mapping: ColumnMapping | None = None
) -> ImportPreview:
    """Read a statement into proposals (nothing saved); the saved or guessed mapping when none is given."""
    raise NotImplementedError


def confirm_import(
    db: Database, book_id: int, proposals: Sequence[ProposedEntry], mapping: ColumnMapping
) -> list[EntryDTO]:
    """Enter the confirmed proposals (each with its 科目) in one transaction and remember the mapping."""
    raise NotImplementedError
