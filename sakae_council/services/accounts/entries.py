"""The 出納帳: entering, changing and cancelling (訂正) entries with 証憑番号, balances per account."""

from __future__ import annotations

from datetime import date

from sqlalchemy import desc, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    AccountBook,
    AccountEntry,
    AccountSubject,
    CollaborativeProject,
    GrantApplication,
)
from sakae_council.domain.accounts import CashAccount, SubjectRole
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import format_yen, parse_amount
from sakae_council.domain.wareki import to_wareki
from sakae_council.services.accounts.budget import overspend
from sakae_council.services.accounts.core import (
    TRANSFER_REF,
    closing_balances,
    fresh_book,
    load_book,
    lock_book,
    locked_book,
    next_voucher,
    require_in_year,
    require_open,
    require_unchecked,
)
from sakae_council.services.accounts.dto import BalanceDTO, EntryDTO, EntryInput, OverspendWarning
from sakae_council.services.accounts.ledger import read_entries, read_entry
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    lookup,
    optional_text,
    required_text,
)


def _account(value: CashAccount | str, field: str = "account") -> CashAccount:
    return value if isinstance(value, CashAccount) else CashAccount.parse(str(value), field)


def _values(s: Session, book: AccountBook, data: EntryInput) -> dict:
    """The column values of an entry as typed, checked (not its voucher, date locks or budget)."""
    require_in_year(book, data.entry_date)
    if data.subject_id is None:
        raise ValidationError("subject_id", msg("科目を選んでください。"))
    subject = lookup(s, AccountSubject, data.subject_id)
    if subject is None or subject.district_id != book.district_id:
        raise ValidationError("subject_id", msg("この協議会の科目を選んでください。"))
    if subject.role == SubjectRole.CARRYOVER.value:
        raise ValidationError(
            "subject_id",
            msg("前年度繰越金は前年度の決算から自動で計上されます。記帳には別の科目を選んでください。"),
        )
    income = parse_amount(data.income, "income", "収入")
    expense = parse_amount(data.expense, "expense", "支出")
    if income and expense:
        raise ValidationError(
            "expense", msg("収入と支出のどちらか一方だけに金額を入力してください（1行に1件）。")
        )
    project_id = data.project_id
    if project_id is not None:
        project = lookup(s, CollaborativeProject, project_id)
        if project is None or project.district_id != book.district_id:
            raise ValidationError("project_id", msg("この協議会の協働事業を選んでください。"))
    grant_id = data.grant_id
    if grant_id is not None:
        grant = lookup(s, GrantApplication, grant_id)
        if grant is None or grant.project.district_id != book.district_id:
            raise ValidationError("grant_id", msg("この協議会の補助金を選んでください。"))
        if project_id is None:
            project_id = grant.project_id
    return {
        "entry_date": data.entry_date,
        "subject_id": subject.id,
        "description": required_text(data.description, "description", "摘要", 400),
        "income": income,
        "expense": expense,
        "account": _account(data.account).value,
        "counterparty": optional_text(data.counterparty, "counterparty", "相手先", 200),
        "project_id": project_id,
        "grant_id": grant_id,
        "notes": long_text(data.notes, "notes", "備考", 2000),
    }


def _overspend_reason(
    s: Session, book: AccountBook, values: dict, reason: str, entry_id: int | None, check_budget: bool
) -> str:
    """The reason to record: OverspendWarning when the expense overspends and no reason was given."""
    if not check_budget:
        return long_text(reason, "overspend_reason", "予算超過の理由", 2000)
    warning = overspend(s, book, values["subject_id"], values["expense"], entry_id=entry_id)
    if warning is None:
        return ""
    why = long_text(reason, "overspend_reason", "予算超過の理由", 2000)
    if not why:
        raise OverspendWarning(warning)
    return why


def _summary(e: AccountEntry, verb: str) -> str:
    amount = f"収入 {format_yen(e.income)}" if e.income else f"支出 {format_yen(e.expense)}"
    return f"出納帳 第{e.voucher_no}号（{to_wareki(e.entry_date)} {e.description} {amount}）を{verb}"


def insert_entry(
    s: Session,
    user: str,
    book: AccountBook,
    data: EntryInput,
    *,
    voucher_no: int | None = None,
    close_revision_id: int | None = None,
    check_budget: bool = True,
    import_ref: str = "",
    checked: set[date] | None = None,
) -> AccountEntry:
    """Enter one line in the caller's transaction (a revision of a closed year passes its id); a caller
    entering many lines passes the book's ``checked`` months, read once."""
    values = _values(s, book, data)
    if close_revision_id is None:
        require_open(book)
        require_unchecked(s, book, values["entry_date"], checked=checked)
    reason = _overspend_reason(s, book, values, data.overspend_reason, None, check_budget)
    entry = AccountEntry(
        book_id=book.id,
        voucher_no=voucher_no if voucher_no is not None else next_voucher(s, book.id),
        overspend_reason=reason,
        close_revision_id=close_revision_id,
        import_ref=import_ref,
        **values,
    )
    s.add(entry)
    s.flush()
    audit(s, user, "create", "account_entry", entry.id, _summary(entry, "記帳"))
    return entry


def add_entry(db: Database, book_id: int, data: EntryInput) -> EntryDTO:
    """Enter one line with the next 証憑番号; OverspendWarning if it overspends without a reason."""
    with db.transaction() as s:
        # First: it locks the book row, so what follows sees the book as committed.
        number = next_voucher(s, book_id)
        book = fresh_book(s, book_id)
        entry = insert_entry(s, db.user, book, data, voucher_no=number)
        return read_entry(s, book, entry.id)


def _load_entry(s: Session, entry_id: int, *, lock: bool = True) -> tuple[AccountEntry, AccountBook]:
    entry = get_or_raise(s, AccountEntry, entry_id, "出納帳の記帳")
    return entry, locked_book(s, entry.book_id) if lock else load_book(s, entry.book_id)


def _require_changeable(s: Session, book: AccountBook, entry: AccountEntry, verb: str) -> None:
    require_open(book)
    require_unchecked(s, book, entry.entry_date)
    cancelling = s.scalar(select(AccountEntry.voucher_no).where(AccountEntry.cancels_id == entry.id))
    if cancelling is not None:
        raise ValidationError(
            "entry",
            msg(
                "第{no}号は第{by}号の訂正で取り消されているため{verb}できません。先に訂正の記帳を削除してください。",
                no=entry.voucher_no,
                by=cancelling,
                verb=verb,
            ),
        )


def _partner(s: Session, entry: AccountEntry) -> AccountEntry | None:
    """The other leg of a 振替."""
    if not entry.import_ref.startswith(TRANSFER_REF):
        return None
    return s.scalar(
        select(AccountEntry).where(
            AccountEntry.book_id == entry.book_id,
            AccountEntry.import_ref == entry.import_ref,
            AccountEntry.id != entry.id,
        )
    )


def update_entry(db: Database, entry_id: int, data: EntryInput, expected_version: int) -> EntryDTO:
    """Change an entry of an unchecked month of an open year (keeps its 証憑番号)."""
    with db.transaction() as s:
        entry, book = _load_entry(s, entry_id)
        check_version(entry, expected_version, "出納帳の記帳")
        _require_changeable(s, book, entry, msg("変更"))
        if entry.cancels_id is not None or entry.subject_id is None:
            raise ValidationError(
                "entry", msg("訂正や振替の記帳は変更できません。削除してから、記帳し直してください。")
            )
        values = _values(s, book, data)
        require_unchecked(s, book, values["entry_date"])
        values["overspend_reason"] = _overspend_reason(s, book, values, data.overspend_reason, entry.id, True)
        changes = apply_changes(entry, values)
        if changes:
            s.flush()
            audit(s, db.user, "update", "account_entry", entry.id, _summary(entry, "変更"), changes)
        return read_entry(s, book, entry.id)


def delete_entry(db: Database, entry_id: int, expected_version: int) -> None:
    """Remove an entry of an unchecked month of an open year (its 証憑番号 is not given out again)."""
    with db.transaction() as s:
        entry, book = _load_entry(s, entry_id)
        check_version(entry, expected_version, "出納帳の記帳")
        _require_changeable(s, book, entry, msg("削除"))
        legs = [entry]
        partner = _partner(s, entry)
        if partner is not None:
            _require_changeable(s, book, partner, msg("削除"))
            legs.append(partner)
        for leg in legs:
            audit(s, db.user, "delete", "account_entry", leg.id, _summary(leg, "削除"))
            s.delete(leg)


def insert_cancellation(
    s: Session,
    user: str,
    book: AccountBook,
    entry_id: int,
    on: date,
    reason: str,
    *,
    close_revision_id: int | None = None,
) -> AccountEntry:
    """訂正 in the caller's transaction: new entries cancelling ``entry_id`` (and its 振替 partner)."""
    original = get_or_raise(s, AccountEntry, entry_id, "出納帳の記帳")
    if original.book_id != book.id:
        raise ValidationError("entry", msg("この年度の出納帳の記帳を選んでください。"))
    why = long_text(reason, "reason", "訂正の理由", 2000)
    if not why:
        raise ValidationError("reason", msg("訂正の理由を入力してください。"))
    if not isinstance(on, date):
        raise ValidationError("entry_date", msg("訂正の日付を入力してください。"))
    if close_revision_id is None:
        require_in_year(book, on)
        require_open(book)
        require_unchecked(s, book, on)
    else:
        on = original.entry_date  # a closed year's 訂正 stands beside the line it cancels, inside the year
    legs = [original]
    partner = _partner(s, original)
    if partner is not None:
        legs.append(partner)
    made: list[AccountEntry] = []
    for leg in legs:
        if leg.cancels_id is not None:
            raise ValidationError(
                "entry", msg("訂正の記帳は、さらに訂正できません。正しい内容で記帳し直してください。")
            )
        done = s.scalar(select(AccountEntry.voucher_no).where(AccountEntry.cancels_id == leg.id))
        if done is not None:
            raise ValidationError(
                "entry", msg("第{no}号はすでに第{by}号で訂正されています。", no=leg.voucher_no, by=done)
            )
        if on < leg.entry_date:
            raise ValidationError(
                "entry_date",
                msg("訂正の日付は、元の記帳（{date}）以降にしてください。", date=to_wareki(leg.entry_date)),
            )
        cancel = AccountEntry(
            book_id=book.id,
            voucher_no=next_voucher(s, book.id),
            entry_date=on,
            subject_id=leg.subject_id,
            description=f"訂正（第{leg.voucher_no}号の取消）{leg.description}"[:400],
            income=leg.income,
            expense=leg.expense,
            account=leg.account,
            counterparty=leg.counterparty,
            project_id=leg.project_id,
            grant_id=leg.grant_id,
            cancels_id=leg.id,
            close_revision_id=close_revision_id,
            import_ref=leg.import_ref.replace(TRANSFER_REF, "cancel-" + TRANSFER_REF, 1),
            notes=why,
        )
        s.add(cancel)
        s.flush()
        audit(s, user, "cancel", "account_entry", cancel.id, _summary(cancel, f"記帳（理由: {why}）"))
        made.append(cancel)
    return made[0]


def cancel_entry(db: Database, entry_id: int, on: date, reason: str) -> EntryDTO:
    """訂正: a new entry with the next 証憑番号 that cancels ``entry_id`` (which stays)."""
    with db.transaction() as s:
        book_id = get_or_raise(s, AccountEntry, entry_id, "出納帳の記帳").book_id
        lock_book(s, book_id)  # first, as add_entry does: what follows sees the book as committed
        book = fresh_book(s, book_id)
        cancel = insert_cancellation(s, db.user, book, entry_id, on, reason)
        return read_entry(s, book, cancel.id)


def add_transfer(
    db: Database,
    book_id: int,
    on: date,
    from_account: CashAccount | str,
    amount: int | str,
    description: str = "",
) -> tuple[EntryDTO, EntryDTO]:
    """振替 between 現金 and 預金 (預金の引出し・預入れ): two entries with no 科目."""
    with db.transaction() as s:
        first = next_voucher(s, book_id)
        book = fresh_book(s, book_id)
        require_open(book)
        require_in_year(book, on)
        require_unchecked(s, book, on)
        source = _account(from_account, "from_account")
        target = CashAccount.CASH if source is CashAccount.BANK else CashAccount.BANK
        yen = parse_amount(amount, "amount", "金額")
        if yen == 0:
            raise ValidationError("amount", msg("振替の金額を入力してください。"))
        text = optional_text(description, "description", "摘要", 400) or (
            "預金引出し" if source is CashAccount.BANK else "預金預入れ"
        )
        ref = f"{TRANSFER_REF}{book.id}-{first}"
        out_leg = AccountEntry(
            book_id=book.id,
            voucher_no=first,
            entry_date=on,
            subject_id=None,
            description=text,
            expense=yen,
            account=source.value,
            import_ref=ref,
        )
        in_leg = AccountEntry(
            book_id=book.id,
            voucher_no=next_voucher(s, book.id),
            entry_date=on,
            subject_id=None,
            description=text,
            income=yen,
            account=target.value,
            import_ref=ref,
        )
        s.add_all([out_leg, in_leg])
        s.flush()
        audit(
            s,
            db.user,
            "create",
            "account_entry",
            out_leg.id,
            f"振替 第{out_leg.voucher_no}・{in_leg.voucher_no}号（{source.label}→{target.label} {format_yen(yen)}）を記帳",
        )
        return read_entry(s, book, out_leg.id), read_entry(s, book, in_leg.id)


def get_entry(db: Database, entry_id: int) -> EntryDTO:
    """One entry (its ``balance`` is its account's running balance after it)."""
    with db.reading() as s:
        entry, book = _load_entry(s, entry_id, lock=False)
        return read_entry(s, book, entry.id)


def list_entries(
    db: Database, book_id: int, *, account: CashAccount | str | None = None, month_start: date | None = None
) -> list[EntryDTO]:
    """The 出納帳 in order (date, 証憑番号), each with its account's running balance."""
    with db.reading() as s:
        book = load_book(s, book_id)
        return read_entries(
            s,
            book,
            account=_account(account).value if account is not None else None,
            month=month_start.replace(day=1) if month_start is not None else None,
        )


def balances(db: Database, book_id: int, *, as_of: date | None = None) -> list[BalanceDTO]:
    """現金 and 預金: opening, 収入, 支出 and balance (to ``as_of`` inclusive, else the whole year)."""
    with db.reading() as s:
        book = load_book(s, book_id)
        sums = closing_balances(s, book, as_of)
        out = []
        for acc, opening in ((CashAccount.CASH, book.opening_cash), (CashAccount.BANK, book.opening_bank)):
            income, expense = sums[acc.value]
            out.append(BalanceDTO(acc, opening, income, expense, opening + income - expense))
        return out


def last_used_subject(db: Database, book_id: int) -> int | None:
    """The 科目 of the book's latest entry (what a new entry starts with)."""
    with db.reading() as s:
        return s.scalar(
            select(AccountEntry.subject_id)
            .where(
                AccountEntry.book_id == book_id,
                AccountEntry.subject_id.is_not(None),
                AccountEntry.cancels_id.is_(None),
            )
            .order_by(desc(AccountEntry.voucher_no))
            .limit(1)
        )
