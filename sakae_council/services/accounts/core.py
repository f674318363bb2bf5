"""What the books' services share: loading a book, refusing changes to a locked year or month, handing out
証憑番号, and the accounts' balances. Reading entries as 出納帳 lines is :mod:`.ledger`'s."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from sakae_council.db.models import (
    AccountBook,
    AccountCloseRevision,
    AccountEntry,
    AccountMonthCheck,
    AccountSubject,
    District,
)
from sakae_council.domain.accounts import BookStatus, CashAccount, SubjectKind, SubjectRole
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range, to_wareki
from sakae_council.services.accounts.dto import (
    BookDTO,
    CloseRevisionDTO,
    MonthCheckDTO,
    SubjectDTO,
)
from sakae_council.services.common import get_or_raise, require_id

_BOOK_TABLE = cast(Table, AccountBook.__table__)
TRANSFER_LABEL = "振替"
TRANSFER_REF = "transfer:"


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_label(d: date) -> str:
    """令和8年5月 — the month of ``d`` in 和暦."""
    return to_wareki(month_start(d)).removesuffix("1日")


def load_book(s: Session, book_id: int) -> AccountBook:
    return get_or_raise(s, AccountBook, book_id, "会計帳簿")


def require_open(book: AccountBook) -> None:
    """Refuse a change to a closed year: only 決算の修正 may change it."""
    if book.status == BookStatus.CLOSED.value:
        raise ValidationError(
            "book",
            msg(
                "{year}の会計は決算確定済みのため変更できません。直す必要があるときは「決算の修正」で、理由を添えて修正してください。",
                year=fiscal_year_label(book.fiscal_year),
            ),
        )


def checked_months(s: Session, book_id: int) -> set[date]:
    return set(s.scalars(select(AccountMonthCheck.month_start).where(AccountMonthCheck.book_id == book_id)))


def require_unchecked(
    s: Session, book: AccountBook, day: date, field: str = "entry_date", *, checked: set[date] | None = None
) -> None:
    """Refuse a change inside a month already checked (月次確認): a 訂正 in a later month undoes it.
    ``checked``: the book's checked months when the caller read them already (entering many lines)."""
    if month_start(day) in (checked if checked is not None else checked_months(s, book.id)):
        raise ValidationError(
            field,
            msg(
                "{month}は月次確認済みのため、この月の記帳は変更・削除・追加できません。"
                "誤りは、確認していない月の日付で「訂正」を記帳して取り消してください。",
                month=month_label(day),
            ),
        )


def require_in_year(book: AccountBook, day: date, field: str = "entry_date") -> None:
    first, last = fiscal_year_range(book.fiscal_year)
    if not isinstance(day, date) or not first <= day <= last:
        raise ValidationError(
            field,
            msg(
                "日付は{year}（{first}〜{last}）の中で入力してください。",
                year=fiscal_year_label(book.fiscal_year),
                first=to_wareki(first),
                last=to_wareki(last),
            ),
        )


def reserve_vouchers(s: Session, book_id: int, count: int) -> int:
    """Reserve ``count`` consecutive 証憑番号 with one UPDATE (for entering many lines at once); returns the first."""
    c = _BOOK_TABLE.c
    stmt = update(_BOOK_TABLE).where(c.id == book_id).values(last_voucher_no=c.last_voucher_no + count)
    last = s.execute(stmt.returning(c.last_voucher_no)).scalar_one_or_none()
    if last is None:
        get_or_raise(s, AccountBook, book_id, "会計帳簿")
        raise AssertionError("unreachable")
    return int(last) - count + 1


def next_voucher(s: Session, book_id: int) -> int:
    """The next 証憑番号 of the book, raised in this transaction.

    The UPDATE takes the book row's write lock, so concurrent entering transactions (PostgreSQL) wait for
    each other and each sees the number the previous one committed; a transaction that rolls back gives
    its number back with it — numbers stay sequential, unique (a constraint guards it too) and unreused.
    """
    c = _BOOK_TABLE.c  # a Core statement: the write guard reads the rows it matches as plain rows
    stmt = (
        update(_BOOK_TABLE)
        .where(c.id == book_id)
        .values(last_voucher_no=c.last_voucher_no + 1)
        .returning(c.last_voucher_no)
    )
    number = s.execute(stmt).scalar_one_or_none()
    if number is None:
        get_or_raise(s, AccountBook, book_id, "会計帳簿")
        raise AssertionError("unreachable")
    return int(number)


def lock_book(s: Session, book_id: int) -> None:
    """Take the book row's write lock without changing it (PostgreSQL: other writers of the book wait)."""
    c = _BOOK_TABLE.c
    s.execute(update(_BOOK_TABLE).where(c.id == book_id).values(last_voucher_no=c.last_voucher_no))


def locked_book(s: Session, book_id: int) -> AccountBook:
    """The book for a change: its row locked first (so 決算確定, 月次確認 and entering wait for each other
    on PostgreSQL instead of deciding on what the other is about to change), then read as committed."""
    lock_book(s, require_id(book_id, "会計帳簿"))
    book = s.get(AccountBook, book_id, populate_existing=True)
    if book is None:
        return load_book(s, book_id)  # NotFoundError in the usual words
    return book


def fresh_book(s: Session, book_id: int) -> AccountBook:
    """The book as committed now (after :func:`next_voucher` locked it), not a copy read earlier."""
    book = s.get(AccountBook, book_id, populate_existing=True)
    assert book is not None
    return book


# --- subjects --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectInfo:
    id: int
    kind: SubjectKind
    label: str
    parent_id: int | None
    role: SubjectRole


def subject_rows(s: Session, district_id: int) -> list[AccountSubject]:
    """A council's 科目 in statement order: 収入 then 支出, each 科目 followed by its 細目."""
    rows = list(s.scalars(select(AccountSubject).where(AccountSubject.district_id == district_id)))
    parents = sorted(
        (r for r in rows if r.parent_id is None),
        key=lambda r: (0 if r.kind == SubjectKind.INCOME.value else 1, r.display_order, r.id),
    )
    children: dict[int, list[AccountSubject]] = {}
    for r in rows:
        if r.parent_id is not None:
            children.setdefault(r.parent_id, []).append(r)
    ordered: list[AccountSubject] = []
    for p in parents:
        ordered.append(p)
        ordered.extend(sorted(children.get(p.id, []), key=lambda r: (r.display_order, r.id)))
    return ordered


def subject_dto(row: AccountSubject, names: dict[int, str]) -> SubjectDTO:
    return SubjectDTO(
        id=row.id,
        version=row.version,
        district_id=row.district_id,
        kind=SubjectKind(row.kind),
        name=row.name,
        parent_id=row.parent_id,
        parent_name=names.get(row.parent_id, "") if row.parent_id is not None else "",
        role=SubjectRole(row.role),
        display_order=row.display_order,
        active=row.active,
        notes=row.notes,
    )


def subject_infos(s: Session, district_id: int) -> dict[int, SubjectInfo]:
    rows = subject_rows(s, district_id)
    names = {r.id: r.name for r in rows}
    return {
        r.id: SubjectInfo(
            r.id,
            SubjectKind(r.kind),
            f"{names.get(r.parent_id, '')}／{r.name}" if r.parent_id is not None else r.name,
            r.parent_id,
            SubjectRole(r.role),
        )
        for r in rows
    }


# --- books -----------------------------------------------------------------------------------------


def book_dto(s: Session, book: AccountBook) -> BookDTO:
    district = s.get(District, book.district_id)
    assert district is not None
    checks = s.scalars(
        select(AccountMonthCheck)
        .where(AccountMonthCheck.book_id == book.id)
        .order_by(AccountMonthCheck.month_start)
    )
    revisions = s.scalars(
        select(AccountCloseRevision)
        .where(AccountCloseRevision.book_id == book.id)
        .order_by(AccountCloseRevision.number)
    )
    return BookDTO(
        id=book.id,
        version=book.version,
        district_id=book.district_id,
        district_name=district.name,
        council_name=district.council_name,
        fiscal_year=book.fiscal_year,
        fiscal_year_label=fiscal_year_label(book.fiscal_year),
        status=BookStatus(book.status),
        opening_cash=book.opening_cash,
        opening_bank=book.opening_bank,
        last_voucher_no=book.last_voucher_no,
        closed_on=book.closed_on,
        closed_by=book.closed_by,
        carryover=book.carryover,
        checked_months=tuple(MonthCheckDTO(c.month_start, c.checked_on, c.checked_by) for c in checks),
        revisions=tuple(
            CloseRevisionDTO(r.number, r.reason, r.made_on, r.made_by, r.carryover_before, r.carryover_after)
            for r in revisions
        ),
    )


# --- entries ---------------------------------------------------------------------------------------

_ENTRY_TABLE = AccountEntry.__table__
#: The entry table's columns (plain rows, no ORM objects: a year of 5,000 lines reads fast).
ENTRY_COLUMNS = _ENTRY_TABLE.c


def closing_balances(s: Session, book: AccountBook, as_of: date | None = None) -> dict[str, tuple[int, int]]:
    """Per account: (income, expense) with 訂正 netted (a cancelled income lowers income), to ``as_of``."""
    stmt = select(
        ENTRY_COLUMNS.account, ENTRY_COLUMNS.income, ENTRY_COLUMNS.expense, ENTRY_COLUMNS.cancels_id
    ).where(ENTRY_COLUMNS.book_id == book.id)
    if as_of is not None:
        stmt = stmt.where(ENTRY_COLUMNS.entry_date <= as_of)
    totals = {a.value: [0, 0] for a in CashAccount}
    for account, income, expense, cancels in s.execute(stmt):
        sign = -1 if cancels is not None else 1
        totals[account][0] += sign * income
        totals[account][1] += sign * expense
    return {k: (v[0], v[1]) for k, v in totals.items()}


def closing_total(s: Session, book: AccountBook) -> tuple[int, int]:
    """(現金残高, 預金残高) at the end of the year."""
    sums = closing_balances(s, book)
    cash_in, cash_out = sums[CashAccount.CASH.value]
    bank_in, bank_out = sums[CashAccount.BANK.value]
    return book.opening_cash + cash_in - cash_out, book.opening_bank + bank_in - bank_out
