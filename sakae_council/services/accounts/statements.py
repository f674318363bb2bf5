"""The figures of the 収支予算書 and 収支決算書, and each grant's 収支精算."""

from __future__ import annotations

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import GrantSettlementDTO, StatementDTO


def budget_statement(db: Database, book_id: int) -> StatementDTO:
    """収支予算書: 本年度予算額 (after 補正), 前年度予算額, 増減 per 科目."""
    raise NotImplementedError


def settlement_statement(db: Database, book_id: int) -> StatementDTO:
    """収支決算書: 予算額, 決算額, 増減 per 科目, totals and 次年度繰越金."""
    raise NotImplementedError


def grant_settlement(db: Database, grant_id: int) -> GrantSettlementDTO:
    """収支精算 of a grant from its linked entries, checked against the grant record."""
    raise NotImplementedError


def record_grant_settlement(
    db: Database, grant_id: int, expected_version: int | None = None
) -> GrantSettlementDTO:
    """Write the 実績額 from the books into the grant record (実績報告の支出額)."""
    raise NotImplementedError
