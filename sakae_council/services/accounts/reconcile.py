"""現金・預金の実査: the treasurer's count against the book's balance, with the 差異 explained."""

from __future__ import annotations

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AccountCashCount
from sakae_council.domain.accounts import CashAccount
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import format_yen, parse_amount
from sakae_council.domain.wareki import to_wareki
from sakae_council.services.accounts.core import (
    closing_balances,
    load_book,
    locked_book,
    require_in_year,
    require_open,
)
from sakae_council.services.accounts.dto import CashCountDTO, CashCountInput
from sakae_council.services.common import audit, long_text


def _dto(c: AccountCashCount) -> CashCountDTO:
    return CashCountDTO(
        c.id,
        c.version,
        c.book_id,
        c.counted_on,
        CashAccount(c.account),
        c.counted,
        c.book_balance,
        c.explanation,
        c.counted_by,
    )


def record_cash_count(db: Database, book_id: int, data: CashCountInput) -> CashCountDTO:
    """Record a count; a 差異 needs an explanation."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        require_open(book)
        require_in_year(book, data.counted_on, "counted_on")
        account = (
            data.account
            if isinstance(data.account, CashAccount)
            else CashAccount.parse(str(data.account), "account")
        )
        counted = parse_amount(data.counted, "counted", "実査の金額")
        income, expense = closing_balances(s, book, data.counted_on)[account.value]
        opening = book.opening_cash if account is CashAccount.CASH else book.opening_bank
        balance = opening + income - expense
        explanation = long_text(data.explanation, "explanation", "差異の説明", 2000)
        if counted != balance and not explanation:
            raise ValidationError(
                "explanation",
                msg(
                    "帳簿の{account}残高（{balance}）と数えた金額（{counted}）に{diff}の差異があります。"
                    "理由（例: 領収書の記帳漏れ）を入力してください。",
                    account=account.label,
                    balance=format_yen(balance),
                    counted=format_yen(counted),
                    diff=format_yen(counted - balance),
                ),
            )
        row = AccountCashCount(
            book_id=book.id,
            counted_on=data.counted_on,
            account=account.value,
            counted=counted,
            book_balance=balance,
            explanation=explanation,
            counted_by=db.user,
        )
        s.add(row)
        s.flush()
        audit(
            s,
            db.user,
            "create",
            "account_cash_count",
            row.id,
            f"{to_wareki(data.counted_on)}の{account.label}実査（{format_yen(counted)}、差異 {format_yen(counted - balance)}）",
        )
        return _dto(row)


def list_cash_counts(db: Database, book_id: int) -> list[CashCountDTO]:
    """The book's counts, newest first."""
    with db.reading() as s:
        load_book(s, book_id)
        rows = s.scalars(
            select(AccountCashCount)
            .where(AccountCashCount.book_id == book_id)
            .order_by(AccountCashCount.counted_on.desc(), AccountCashCount.id.desc())
        )
        return [_dto(r) for r in rows]
