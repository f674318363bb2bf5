"""A council's book per 年度: opening it (carrying 前年度繰越金), 月次確認, 決算確定 and later revisions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import AccountBook, AccountCloseRevision, AccountMonthCheck, District
from sakae_council.domain.accounts import BookStatus
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import format_yen, parse_amount
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range, to_wareki
from sakae_council.services.accounts import entries as entry_ops
from sakae_council.services.accounts.core import (
    book_dto,
    closing_total,
    load_book,
    locked_book,
    month_label,
    require_in_year,
    require_open,
)
from sakae_council.services.accounts.core import month_start as first_of_month
from sakae_council.services.accounts.dto import BookDTO, EntryInput
from sakae_council.services.accounts.subjects import add_starter_subjects
from sakae_council.services.common import audit, check_version, get_or_raise, long_text


def _book_of(s: Session, district_id: int, fiscal_year: int) -> AccountBook | None:
    return s.scalar(
        select(AccountBook).where(
            AccountBook.district_id == district_id, AccountBook.fiscal_year == fiscal_year
        )
    )


def _check_year(fiscal_year: object) -> int:
    if isinstance(fiscal_year, bool) or not isinstance(fiscal_year, int):
        raise ValidationError("fiscal_year", msg("年度を選んでください。"))
    fiscal_year_range(fiscal_year)
    return fiscal_year


def open_book(db: Database, district_id: int, fiscal_year: int) -> BookDTO:
    """The council's book for the year, made if missing (starter 科目; 前年度繰越 from last year's close)."""
    fy = _check_year(fiscal_year)
    with db.transaction() as s:
        get_or_raise(s, District, district_id, "学区")
        book = _book_of(s, district_id, fy)
        if book is None:
            add_starter_subjects(s, district_id)
            cash = bank = 0
            previous = _book_of(s, district_id, fy - 1)
            if previous is not None and previous.status == BookStatus.CLOSED.value:
                cash, bank = closing_total(s, previous)
            book = AccountBook(district_id=district_id, fiscal_year=fy, opening_cash=cash, opening_bank=bank)
            s.add(book)
            s.flush()
            audit(
                s,
                db.user,
                "create",
                "account_book",
                book.id,
                f"{fiscal_year_label(fy)}の会計帳簿を作成（前年度繰越 {format_yen(cash + bank)}）",
            )
        return book_dto(s, book)


def find_book(db: Database, district_id: int, fiscal_year: int) -> BookDTO | None:
    """The council's book for the year, or None."""
    with db.reading() as s:
        book = _book_of(s, district_id, fiscal_year)
        return book_dto(s, book) if book is not None else None


def get_book(db: Database, book_id: int) -> BookDTO:
    """One book with its checked months and revisions."""
    with db.reading() as s:
        return book_dto(s, load_book(s, book_id))


def list_books(db: Database, district_id: int | None = None) -> list[BookDTO]:
    """Books, newest year first, of one council or all."""
    with db.reading() as s:
        stmt = select(AccountBook).order_by(AccountBook.fiscal_year.desc(), AccountBook.district_id)
        if district_id is not None:
            stmt = stmt.where(AccountBook.district_id == district_id)
        return [book_dto(s, b) for b in s.scalars(stmt)]


def set_opening_balances(
    db: Database, book_id: int, cash: int | str, bank: int | str, expected_version: int
) -> BookDTO:
    """Type the 前年度繰越 of a council's first book (later years carry it over by themselves)."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        check_version(book, expected_version, "会計帳簿")
        require_open(book)
        previous = _book_of(s, book.district_id, book.fiscal_year - 1)
        if previous is not None and previous.status == BookStatus.CLOSED.value:
            raise ValidationError(
                "opening_cash",
                msg(
                    "前年度の決算から自動で繰り越しているため、前年度繰越は変更できません。前年度の決算を修正してください。"
                ),
            )
        new_cash = parse_amount(cash, "opening_cash", "前年度繰越（現金）")
        new_bank = parse_amount(bank, "opening_bank", "前年度繰越（預金）")
        changes = {
            "opening_cash": (book.opening_cash, new_cash),
            "opening_bank": (book.opening_bank, new_bank),
        }
        book.opening_cash, book.opening_bank = new_cash, new_bank
        s.flush()
        audit(s, db.user, "update", "account_book", book.id, "前年度繰越を入力", changes)
        return book_dto(s, book)


def check_month(db: Database, book_id: int, month_start: date, checked_on: date) -> BookDTO:
    """月次確認: the month's entries can afterwards only be undone by a 訂正."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        require_open(book)
        require_in_year(book, month_start, "month_start")
        first = first_of_month(month_start)
        exists = s.scalar(
            select(func.count())
            .select_from(AccountMonthCheck)
            .where(AccountMonthCheck.book_id == book.id, AccountMonthCheck.month_start == first)
        )
        if exists:
            raise ValidationError(
                "month_start", msg("{month}はすでに月次確認済みです。", month=month_label(first))
            )
        s.add(
            AccountMonthCheck(book_id=book.id, month_start=first, checked_on=checked_on, checked_by=db.user)
        )
        s.flush()
        audit(s, db.user, "check", "account_book", book.id, f"出納帳の{month_label(first)}分を月次確認")
        return book_dto(s, book)


def _carry_into_next_year(s: Session, book: AccountBook, user: str) -> None:
    """Put this year's closing balances into next year's 前年度繰越 (if next year's book exists)."""
    following = _book_of(s, book.district_id, book.fiscal_year + 1)
    if following is None:
        return  # open_book carries it when next year's book is made
    if following.status == BookStatus.CLOSED.value:
        raise ValidationError(
            "book",
            msg(
                "{year}も決算確定済みのため、繰越金を変えられません。先に{year}の決算の修正で対応してください。",
                year=fiscal_year_label(following.fiscal_year),
            ),
        )
    cash, bank = closing_total(s, book)
    changes = {"opening_cash": (following.opening_cash, cash), "opening_bank": (following.opening_bank, bank)}
    if following.opening_cash != cash or following.opening_bank != bank:
        following.opening_cash, following.opening_bank = cash, bank
        s.flush()
        audit(
            s,
            user,
            "update",
            "account_book",
            following.id,
            f"{fiscal_year_label(following.fiscal_year)}の前年度繰越を{format_yen(cash + bank)}に（前年度の決算から）",
            changes,
        )


def close_year(db: Database, book_id: int, closed_on: date, expected_version: int | None = None) -> BookDTO:
    """決算確定: lock the year, fix 次年度繰越金 and carry it into next year's 前年度繰越."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        check_version(book, expected_version, "会計帳簿")
        require_open(book)
        if not isinstance(closed_on, date):
            raise ValidationError("closed_on", msg("決算確定の日付を入力してください。"))
        cash, bank = closing_total(s, book)
        if cash < 0 or bank < 0:
            raise ValidationError(
                "book",
                msg(
                    "年度末の残高がマイナスです（現金 {cash}、預金 {bank}）。記帳を確かめてから決算確定してください。",
                    cash=format_yen(cash),
                    bank=format_yen(bank),
                ),
            )
        book.status = BookStatus.CLOSED.value
        book.closed_on = closed_on
        book.closed_by = db.user
        book.carryover = cash + bank
        s.flush()
        audit(
            s,
            db.user,
            "close",
            "account_book",
            book.id,
            f"{fiscal_year_label(book.fiscal_year)}の決算を確定（次年度繰越金 {format_yen(cash + bank)}、{to_wareki(closed_on)}）",
        )
        _carry_into_next_year(s, book, db.user)
        return book_dto(s, book)


def revise_closed_year(
    db: Database,
    book_id: int,
    reason: str,
    made_on: date,
    *,
    add: Sequence[EntryInput] = (),
    cancel: Sequence[int] = (),
) -> BookDTO:
    """決算の修正 of a closed year: numbered, with a reason; adds entries / 訂正 and re-carries the carry-over."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        if book.status != BookStatus.CLOSED.value:
            raise ValidationError(
                "book",
                msg(
                    "決算の修正は、決算確定した年度だけで行えます。執行中の年度は、そのまま記帳や訂正をしてください。"
                ),
            )
        why = long_text(reason, "reason", "修正の理由", 2000)
        if not why:
            raise ValidationError("reason", msg("決算を修正する理由を入力してください。"))
        if not add and not cancel:
            raise ValidationError("entries", msg("修正する記帳（追加または訂正）を選んでください。"))
        if not isinstance(made_on, date):
            raise ValidationError("made_on", msg("修正の日付を入力してください。"))
        number = (
            s.scalar(
                select(func.max(AccountCloseRevision.number)).where(AccountCloseRevision.book_id == book.id)
            )
            or 0
        ) + 1
        before = book.carryover if book.carryover is not None else sum(closing_total(s, book))
        revision = AccountCloseRevision(
            book_id=book.id,
            number=number,
            reason=why,
            made_on=made_on,
            made_by=db.user,
            carryover_before=before,
            carryover_after=before,
        )
        s.add(revision)
        s.flush()
        for data in add:
            entry_ops.insert_entry(s, db.user, book, data, close_revision_id=revision.id, check_budget=False)
        for entry_id in cancel:
            entry_ops.insert_cancellation(
                s, db.user, book, entry_id, made_on, why, close_revision_id=revision.id
            )
        cash, bank = closing_total(s, book)
        if cash < 0 or bank < 0:
            raise ValidationError(
                "entries",
                msg(
                    "修正すると年度末の残高がマイナスになります（現金 {cash}、預金 {bank}）。修正の内容を確かめてください。",
                    cash=format_yen(cash),
                    bank=format_yen(bank),
                ),
            )
        revision.carryover_after = cash + bank
        book.carryover = cash + bank
        s.flush()
        audit(
            s,
            db.user,
            "revise",
            "account_book",
            book.id,
            f"{fiscal_year_label(book.fiscal_year)}の決算を修正（第{number}号: {why}）"
            f" 次年度繰越金 {format_yen(before)} → {format_yen(cash + bank)}",
            {"carryover": (before, cash + bank)},
        )
        _carry_into_next_year(s, book, db.user)
        return book_dto(s, book)
