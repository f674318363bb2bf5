"""予算: 当初予算 and dated 補正予算 (the original kept), 予算 vs 執行 per 科目, and the overspend check."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import BudgetLineInput, BudgetRevisionDTO, BudgetUseRow, OverspendDTO


def set_budget(
    db: Database, book_id: int, decided_on: date, lines: Sequence[BudgetLineInput], reason: str = ""
) -> BudgetRevisionDTO:
    """Set the 当初予算 (replaces it while no 補正予算 exists yet)."""
    raise NotImplementedError


def add_budget_revision(
    db: Database, book_id: int, decided_on: date, reason: str, lines: Sequence[BudgetLineInput]
) -> BudgetRevisionDTO:
    """Add the next 補正予算: the amounts it names replace the earlier ones, the rest stay."""
    raise NotImplementedError


def list_budget_revisions(db: Database, book_id: int) -> list[BudgetRevisionDTO]:
    """当初予算 then each 補正予算, in order."""
    raise NotImplementedError


def budget_vs_actual(db: Database, book_id: int) -> list[BudgetUseRow]:
    """予算 vs 執行 per 科目 and 細目 with the remaining amount, in statement order."""
    raise NotImplementedError


def check_overspend(
    db: Database, book_id: int, subject_id: int, expense: int, *, entry_id: int | None = None
) -> OverspendDTO | None:
    """Would this expense (replacing entry ``entry_id``) overspend its 科目? None if not."""
    raise NotImplementedError
