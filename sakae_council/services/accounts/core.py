"""What the books' services share: loading a book, refusing changes to a locked year or month, handing out
証憑番号, and reading a book's entries with running balances (one query, so a year of 5,000 reads fast)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, cast

from sqlalchemy import Table, and_, case, func, or_, select, update
from sqlalchemy.orm import Session

from sakae_council.db.models import (
    AccountBook,
    AccountCloseRevision,
    AccountEntry,
    AccountMonthCheck,
    AccountSubject,
    CollaborativeProject,
    District,
)
from sakae_council.domain.accounts import BookStatus, CashAccount, SubjectKind, SubjectRole
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range, to_wareki
from sakae_council.services.accounts.dto import (
    BookDTO,
    CloseRevisionDTO,
    EntryDTO,
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


def require_unchecked(s: Session, book: AccountBook, day: date, field: str = "entry_date") -> None:
    """Refuse a change inside a month already checked (月次確認): a 訂正 in a later month undoes it."""
    if month_start(day) in checked_months(s, book.id):
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
_ENTRY_COLUMNS = _ENTRY_TABLE.c


def _pairs(result: Any) -> dict[Any, Any]:
    return {a: b for a, b in result}


def signed(income: int, expense: int, cancels_id: int | None) -> int:
    """What a line adds to its account: income − expense, negated for a 訂正."""
    value = income - expense
    return -value if cancels_id is not None else value


#: The columns an EntryDTO is made from, in the order :meth:`_Context.dto` unpacks them.
DTO_COLUMNS = tuple(
    _ENTRY_COLUMNS[name]
    for name in (
        "id",
        "version",
        "book_id",
        "voucher_no",
        "entry_date",
        "subject_id",
        "description",
        "income",
        "expense",
        "account",
        "counterparty",
        "project_id",
        "grant_id",
        "cancels_id",
        "overspend_reason",
        "close_revision_id",
        "import_ref",
        "notes",
    )
)
_ACCOUNTS = {a.value: a for a in CashAccount}


def read_entries(
    s: Session,
    book: AccountBook,
    *,
    account: str | None = None,
    month: date | None = None,
    entry_ids: Iterable[int] | None = None,
    grant_id: int | None = None,
) -> list[EntryDTO]:
    """The book's entries in 出納帳 order with running balances; filters are applied after the balances
    are computed, so a month's page still shows the balances carried from the months before it.

    Written for a year of thousands of lines (the 出納帳 opens in ≤ 100 ms): rows are plain tuples and the
    DTOs are filled without the dataclass's per-field checks (see :meth:`_Context.dto`)."""
    rows = s.execute(
        select(*DTO_COLUMNS)
        .where(_ENTRY_COLUMNS.book_id == book.id)
        .order_by(_ENTRY_COLUMNS.entry_date, _ENTRY_COLUMNS.voucher_no)
    ).all()
    project_ids = {r[11] for r in rows if r[11] is not None}
    projects: dict[int, str] = {}
    if project_ids:
        projects = _pairs(
            s.execute(
                select(CollaborativeProject.id, CollaborativeProject.title).where(
                    CollaborativeProject.id.in_(project_ids)
                )
            )
        )
    revisions: dict[int, int] = _pairs(
        s.execute(
            select(AccountCloseRevision.id, AccountCloseRevision.number).where(
                AccountCloseRevision.book_id == book.id
            )
        )
    )
    context = _Context(
        subjects=subject_infos(s, book.district_id),
        projects=projects,
        revisions=revisions,
        voucher_of={r[0]: r[3] for r in rows},
        cancelled_by={r[13]: r[3] for r in rows if r[13] is not None},
        checked=checked_months(s, book.id),
        closed=book.status == BookStatus.CLOSED.value,
    )
    running = {CashAccount.CASH.value: book.opening_cash, CashAccount.BANK.value: book.opening_bank}
    wanted = set(entry_ids) if entry_ids is not None else None
    out: list[EntryDTO] = []
    for r in rows:
        value = r[7] - r[8]
        running[r[9]] += -value if r[13] is not None else value
        if account is not None and r[9] != account:
            continue
        if month is not None and (r[4].year, r[4].month) != (month.year, month.month):
            continue
        if wanted is not None and r[0] not in wanted:
            continue
        if grant_id is not None and r[12] != grant_id:
            continue
        out.append(context.dto(r, running[r[9]]))
    return out


@dataclass(frozen=True)
class _Context:
    subjects: dict[int, SubjectInfo]
    projects: dict[int, str]
    revisions: dict[int, int]
    voucher_of: dict[int, int]
    cancelled_by: dict[int, int]
    checked: set[date]
    closed: bool

    def dto(self, r: Sequence[Any], balance: int) -> EntryDTO:
        """An EntryDTO from a row of DTO_COLUMNS (its account's running balance after it given).

        Filled through ``__dict__`` rather than the frozen dataclass's ``__init__``, whose 25 guarded
        assignments cost more than everything else of a 5,000-line year; the object is the same frozen
        EntryDTO (no __post_init__ is skipped: it has none)."""
        (
            id_,
            version,
            book_id,
            voucher,
            day,
            subject_id,
            description,
            income,
            expense,
            account,
            counterparty,
            project_id,
            grant_id,
            cancels_id,
            overspend_reason,
            revision_id,
            import_ref,
            notes,
        ) = r
        info = self.subjects.get(subject_id) if subject_id is not None else None
        entry = object.__new__(EntryDTO)
        object.__setattr__(
            entry,
            "__dict__",
            {
                "id": id_,
                "version": version,
                "book_id": book_id,
                "voucher_no": voucher,
                "entry_date": day,
                "subject_id": subject_id,
                "subject_name": info.label if info is not None else TRANSFER_LABEL,
                "subject_kind": info.kind if info is not None else None,
                "description": description,
                "income": income,
                "expense": expense,
                "account": _ACCOUNTS[account],
                "counterparty": counterparty,
                "project_id": project_id,
                "project_title": self.projects.get(project_id, "") if project_id is not None else "",
                "grant_id": grant_id,
                "cancels_id": cancels_id,
                "cancels_voucher_no": self.voucher_of.get(cancels_id) if cancels_id is not None else None,
                "cancelled_by_voucher_no": self.cancelled_by.get(id_),
                "overspend_reason": overspend_reason,
                "close_revision_no": self.revisions.get(revision_id) if revision_id is not None else None,
                "import_ref": import_ref,
                "notes": notes,
                "balance": balance,
                "locked": self.closed or (bool(self.checked) and day.replace(day=1) in self.checked),
            },
        )
        return entry


def read_entry(s: Session, book: AccountBook, entry_id: int) -> EntryDTO:
    """One entry with its running balance, computed by one aggregate over the lines before it."""
    r = s.execute(select(*DTO_COLUMNS).where(_ENTRY_COLUMNS.id == entry_id)).one()
    c = _ENTRY_COLUMNS
    before = or_(
        c.entry_date < r.entry_date, and_(c.entry_date == r.entry_date, c.voucher_no <= r.voucher_no)
    )
    net = case((c.cancels_id.is_(None), c.income - c.expense), else_=c.expense - c.income)
    total = s.scalar(
        select(func.coalesce(func.sum(net), 0)).where(c.book_id == book.id, c.account == r.account, before)
    )
    opening = book.opening_cash if r.account == CashAccount.CASH.value else book.opening_bank
    related = [x for x in (r.cancels_id,) if x is not None]
    voucher_of = _pairs(s.execute(select(c.id, c.voucher_no).where(c.id.in_(related)))) if related else {}
    cancelled_by = _pairs(s.execute(select(c.cancels_id, c.voucher_no).where(c.cancels_id == r.id)))
    projects: dict[int, str] = {}
    if r.project_id is not None:
        title = s.scalar(select(CollaborativeProject.title).where(CollaborativeProject.id == r.project_id))
        projects = {r.project_id: title or ""}
    revisions: dict[int, int] = {}
    if r.close_revision_id is not None:
        number = s.scalar(
            select(AccountCloseRevision.number).where(AccountCloseRevision.id == r.close_revision_id)
        )
        revisions = {r.close_revision_id: int(number or 0)}
    context = _Context(
        subjects=subject_infos(s, book.district_id),
        projects=projects,
        revisions=revisions,
        voucher_of=voucher_of,
        cancelled_by={k: v for k, v in cancelled_by.items() if k is not None},
        checked=checked_months(s, book.id),
        closed=book.status == BookStatus.CLOSED.value,
    )
    return context.dto(r, opening + int(total or 0))


def closing_balances(s: Session, book: AccountBook, as_of: date | None = None) -> dict[str, tuple[int, int]]:
    """Per account: (income, expense) with 訂正 netted (a cancelled income lowers income), to ``as_of``."""
    stmt = select(
        _ENTRY_COLUMNS.account, _ENTRY_COLUMNS.income, _ENTRY_COLUMNS.expense, _ENTRY_COLUMNS.cancels_id
    ).where(_ENTRY_COLUMNS.book_id == book.id)
    if as_of is not None:
        stmt = stmt.where(_ENTRY_COLUMNS.entry_date <= as_of)
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
