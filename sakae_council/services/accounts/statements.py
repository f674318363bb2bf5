"""The figures of the 収支予算書 and 収支決算書, and each grant's 収支精算."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import (
    AccountBook,
    AccountBudgetRevision,
    AccountCloseRevision,
    AccountSubject,
    District,
    GrantApplication,
)
from sakae_council.domain.accounts import BookStatus, SubjectKind
from sakae_council.domain.enums import GrantStatus
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services.accounts.budget import Figures, figures
from sakae_council.services.accounts.core import closing_total, load_book
from sakae_council.services.accounts.dto import EntryDTO, GrantSettlementDTO, StatementDTO, StatementRow
from sakae_council.services.accounts.ledger import read_entries
from sakae_council.services.common import audit, check_version, get_or_raise
from sakae_council.services.grants import AWARDED_OR_LATER


def _previous_figures(s: Session, book: AccountBook) -> Figures | None:
    previous = s.scalar(
        select(AccountBook).where(
            AccountBook.district_id == book.district_id, AccountBook.fiscal_year == book.fiscal_year - 1
        )
    )
    return figures(s, previous) if previous is not None else None


def _statement(s: Session, book: AccountBook, kind: str) -> StatementDTO:
    f = figures(s, book)
    prev = _previous_figures(s, book) if kind == "budget" else None
    rows: dict[SubjectKind, list[StatementRow]] = {SubjectKind.INCOME: [], SubjectKind.EXPENSE: []}
    totals = {k: [0, 0, 0] for k in SubjectKind}
    for sid, info in f.subjects.items():
        budget = f.budget_of(sid)
        actual = f.executed_of(sid) if kind == "settlement" else 0
        previous = prev.budget_of(sid) if prev is not None else 0
        if not (budget or actual or previous) and not _active(s, sid):
            continue
        difference = actual - budget if kind == "settlement" else budget - previous
        rows[info.kind].append(
            StatementRow(
                sid, info.label, info.kind, info.parent_id is not None, budget, actual, previous, difference
            )
        )
        if info.parent_id is None:
            totals[info.kind][0] += budget
            totals[info.kind][1] += actual
            totals[info.kind][2] += previous
    income, expense = totals[SubjectKind.INCOME], totals[SubjectKind.EXPENSE]
    cash, bank = closing_total(s, book)
    district = book_district(s, book)
    revision_no = s.scalar(
        select(func.coalesce(func.max(AccountCloseRevision.number), 0)).where(
            AccountCloseRevision.book_id == book.id
        )
    )
    budget_no = s.scalar(
        select(func.coalesce(func.max(AccountBudgetRevision.number), 0)).where(
            AccountBudgetRevision.book_id == book.id
        )
    )
    return StatementDTO(
        kind=kind,
        book_id=book.id,
        district_name=district[0],
        council_name=district[1],
        fiscal_year=book.fiscal_year,
        fiscal_year_label=fiscal_year_label(book.fiscal_year),
        closed=book.status == BookStatus.CLOSED.value,
        closed_on=book.closed_on,
        revision_no=int(revision_no or 0),
        budget_revision_no=int(budget_no or 0),
        income_rows=tuple(rows[SubjectKind.INCOME]),
        expense_rows=tuple(rows[SubjectKind.EXPENSE]),
        income_budget_total=income[0],
        income_actual_total=income[1],
        income_previous_total=income[2],
        expense_budget_total=expense[0],
        expense_actual_total=expense[1],
        expense_previous_total=expense[2],
        carryover=income[1] - expense[1] if kind == "settlement" else income[0] - expense[0],
        closing_cash=cash,
        closing_bank=bank,
    )


def _active(s: Session, subject_id: int) -> bool:
    row = s.get(AccountSubject, subject_id)
    return bool(row is not None and row.active)


def book_district(s: Session, book: AccountBook) -> tuple[str, str]:
    district = s.get(District, book.district_id)
    assert district is not None
    return district.name, district.council_name


def budget_statement(db: Database, book_id: int) -> StatementDTO:
    """収支予算書: 本年度予算額 (after 補正), 前年度予算額, 増減 per 科目."""
    with db.reading() as s:
        return _statement(s, load_book(s, book_id), "budget")


def settlement_statement(db: Database, book_id: int) -> StatementDTO:
    """収支決算書: 予算額, 決算額, 増減 per 科目, totals and 次年度繰越金."""
    with db.reading() as s:
        return _statement(s, load_book(s, book_id), "settlement")


# --- 収支精算 of a grant ------------------------------------------------------------------------------


def _settlement(s: Session, grant: GrantApplication) -> GrantSettlementDTO:
    books = s.scalars(select(AccountBook).where(AccountBook.district_id == grant.project.district_id))
    linked: list[EntryDTO] = []
    for book in books:
        linked.extend(read_entries(s, book, grant_id=grant.id))
    received = spent = 0
    for e in linked:
        if e.subject_kind is SubjectKind.INCOME:
            received += e.net_income
        elif e.subject_kind is SubjectKind.EXPENSE:
            spent -= e.net_income
    granted = grant.amount_granted or 0
    difference = granted - spent
    status = GrantStatus(grant.status)
    problems: list[str] = []
    if grant.amount_granted is None:
        problems.append(
            msg("交付決定額がまだ入力されていません（今は「{status}」です）。", status=status.label)
        )
    if grant.amount_spent is not None and grant.amount_spent != spent:
        problems.append(
            msg(
                "補助金の記録の支出額（{recorded}）と、出納帳の実績額（{spent}）が違います。"
                "どちらが正しいか確かめてください。",
                recorded=format_yen(grant.amount_spent),
                spent=format_yen(spent),
            )
        )
    if received and grant.amount_granted is not None and received != grant.amount_granted:
        problems.append(
            msg(
                "出納帳の補助金の収入（{received}）が交付決定額（{granted}）と違います。",
                received=format_yen(received),
                granted=format_yen(grant.amount_granted),
            )
        )
    if not linked:
        problems.append(msg("この補助金に結び付いた出納帳の記帳がありません。"))
    return GrantSettlementDTO(
        grant_id=grant.id,
        grant_version=grant.version,
        district_id=grant.project.district_id,
        project_id=grant.project_id,
        project_title=grant.project.title,
        scheme=grant.scheme,
        fiscal_year=grant.fiscal_year,
        status_label=status.label,
        granted=granted,
        received=received,
        spent=spent,
        difference=difference,
        return_due=max(0, difference) if grant.amount_granted is not None else 0,
        recorded_spent=grant.amount_spent,
        problems=tuple(problems),
        entries=tuple(linked),
    )


def grant_settlement(db: Database, grant_id: int) -> GrantSettlementDTO:
    """収支精算 of a grant from its linked entries, checked against the grant record."""
    with db.reading() as s:
        return _settlement(s, get_or_raise(s, GrantApplication, grant_id, "補助金の申請"))


def record_grant_settlement(
    db: Database, grant_id: int, expected_version: int | None = None
) -> GrantSettlementDTO:
    """Write the 実績額 from the books into the grant record (実績報告の支出額)."""
    with db.transaction() as s:
        grant = get_or_raise(s, GrantApplication, grant_id, "補助金の申請")
        check_version(grant, expected_version, "補助金の申請")
        status = GrantStatus(grant.status)
        if status not in AWARDED_OR_LATER:
            raise ValidationError(
                "grant",
                msg("実績額は交付決定の後に記録できます（今は「{status}」です）。", status=status.label),
            )
        spent = _settlement(s, grant).spent
        if spent < 0:
            raise ValidationError("grant", msg("出納帳の実績額がマイナスです。記帳を確かめてください。"))
        if grant.amount_spent != spent:
            changes = {"amount_spent": (grant.amount_spent, spent)}
            grant.amount_spent = spent
            grant.updated_at = utcnow()
            s.flush()
            audit(
                s,
                db.user,
                "update",
                "grant_application",
                grant.id,
                f"補助金の申請（ID {grant.id}）の支出額を出納帳の実績額 {format_yen(spent)} に",
                changes,
            )
        return _settlement(s, grant)
