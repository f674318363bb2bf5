"""会計 — a council's books: 科目, a year's book, 予算 and 補正予算, the 出納帳, 月次確認, 現金の実査,
決算確定 and its later revisions, and the bank-statement column mapping a council chose once.

Amounts are whole yen from 0 to 2,147,483,647 (an INTEGER on PostgreSQL). A 訂正 entry carries the same
amounts as the entry it cancels and counts negatively (``cancels_id`` says which); a transfer between
現金 and 預金 (振替) is a pair of entries with no 科目.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned, utcnow


class AccountSubject(Versioned, Base):
    """科目 (or a 細目 under one) of a council's books — the same row across years so years compare."""

    __tablename__ = "account_subject"
    __table_args__ = (
        CheckConstraint("kind IN ('income', 'expense')", name="kind_known"),
        Index("ix_account_subject_district_kind", "district_id", "kind"),
    )

    district_id: Mapped[int] = mapped_column(ForeignKey("district.id", ondelete="CASCADE"), nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    #: The 科目 this 細目 belongs to (None: a 科目 itself).
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("account_subject.id", ondelete="CASCADE"), index=True
    )
    #: domain.accounts.SubjectRole code: 'carryover' (前年度繰越金), 'reserve' (予備費) or ''.
    role: Mapped[str] = mapped_column(String(20), nullable=False, default="")
    display_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class AccountBook(Versioned, Base):
    """One council's books for one 年度: opening balances, the voucher counter, and 決算確定."""

    __tablename__ = "account_book"
    __table_args__ = (
        UniqueConstraint("district_id", "fiscal_year"),
        CheckConstraint("status IN ('open', 'closed')", name="status_known"),
        CheckConstraint("opening_cash >= 0 AND opening_bank >= 0", name="opening_non_negative"),
    )

    district_id: Mapped[int] = mapped_column(ForeignKey("district.id", ondelete="CASCADE"), nullable=False)
    fiscal_year: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    #: 前年度繰越 per account (carried from the previous year's closing balances, or typed for a first year).
    opening_cash: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    opening_bank: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    #: The last 証憑番号 given out in this book (raised in the entering transaction, so never reused).
    last_voucher_no: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    closed_on: Mapped[date | None] = mapped_column(Date)
    closed_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    #: 次年度繰越金 as of 決算確定 (and after each later revision); None while open.
    carryover: Mapped[int | None] = mapped_column(Integer)


class AccountBudgetRevision(Versioned, Base):
    """当初予算 (number 0) or a 補正予算 (1, 2 …): dated, with the amounts it sets for some 科目."""

    __tablename__ = "account_budget_revision"
    __table_args__ = (UniqueConstraint("book_id", "number"),)

    book_id: Mapped[int] = mapped_column(ForeignKey("account_book.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    decided_on: Mapped[date] = mapped_column(Date, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")

    lines: Mapped[list[AccountBudgetLine]] = relationship(cascade="all, delete-orphan")


class AccountBudgetLine(Base):
    """The amount a budget revision sets for one 科目 (a 科目 a 補正 leaves out keeps its earlier amount)."""

    __tablename__ = "account_budget_line"
    __table_args__ = (
        UniqueConstraint("revision_id", "subject_id"),
        CheckConstraint("amount >= 0", name="amount_non_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        ForeignKey("account_budget_revision.id", ondelete="CASCADE"), nullable=False
    )
    subject_id: Mapped[int] = mapped_column(
        ForeignKey("account_subject.id", ondelete="CASCADE"), nullable=False
    )
    amount: Mapped[int] = mapped_column(Integer, nullable=False)


class AccountCloseRevision(Base):
    """A numbered correction of a closed year (決算の修正), with its reason; the original entries stay."""

    __tablename__ = "account_close_revision"
    __table_args__ = (UniqueConstraint("book_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("account_book.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    reason: Mapped[str] = mapped_column(Text, nullable=False)
    made_on: Mapped[date] = mapped_column(Date, nullable=False)
    made_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    carryover_before: Mapped[int] = mapped_column(Integer, nullable=False)
    carryover_after: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class AccountEntry(Versioned, Base):
    """One line of the 出納帳: 収入 or 支出 on 現金 or 預金 with its 証憑番号 (unique in its book)."""

    __tablename__ = "account_entry"
    __table_args__ = (
        UniqueConstraint("book_id", "voucher_no"),
        CheckConstraint("income >= 0 AND expense >= 0", name="amounts_non_negative"),
        CheckConstraint("income = 0 OR expense = 0", name="income_or_expense"),
        CheckConstraint("account IN ('cash', 'bank')", name="account_known"),
        Index("ix_account_entry_book_date", "book_id", "entry_date", "voucher_no"),
    )

    book_id: Mapped[int] = mapped_column(ForeignKey("account_book.id", ondelete="CASCADE"), nullable=False)
    voucher_no: Mapped[int] = mapped_column(Integer, nullable=False)
    entry_date: Mapped[date] = mapped_column(Date, nullable=False)
    #: None only for a 振替 between 現金 and 預金.
    subject_id: Mapped[int | None] = mapped_column(ForeignKey("account_subject.id"), index=True)
    description: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    income: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    expense: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    account: Mapped[str] = mapped_column(String(10), nullable=False, default="cash")
    counterparty: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="SET NULL"), index=True
    )
    grant_id: Mapped[int | None] = mapped_column(
        ForeignKey("grant_application.id", ondelete="SET NULL"), index=True
    )
    #: The entry this 訂正 cancels (each entry can be cancelled once).
    cancels_id: Mapped[int | None] = mapped_column(ForeignKey("account_entry.id"), unique=True)
    #: Why the council spent past the 科目's budget (recorded with the overspend warning).
    overspend_reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: The 決算の修正 this entry was made under (None: entered while the year was open).
    close_revision_id: Mapped[int | None] = mapped_column(ForeignKey("account_close_revision.id"))
    #: The bank statement line this entry came from (so an import is not taken twice).
    import_ref: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class AccountMonthCheck(Base):
    """月次確認 — a month of a book checked: its entries can no longer be changed or deleted, only 訂正."""

    __tablename__ = "account_month_check"
    __table_args__ = (UniqueConstraint("book_id", "month_start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    book_id: Mapped[int] = mapped_column(ForeignKey("account_book.id", ondelete="CASCADE"), nullable=False)
    month_start: Mapped[date] = mapped_column(Date, nullable=False)
    checked_on: Mapped[date] = mapped_column(Date, nullable=False)
    checked_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class AccountCashCount(Versioned, Base):
    """現金・預金の実査 — what the treasurer counted against the book's balance, and why they differ."""

    __tablename__ = "account_cash_count"
    __table_args__ = (
        CheckConstraint("counted >= 0", name="counted_non_negative"),
        CheckConstraint("account IN ('cash', 'bank')", name="account_known"),
    )

    book_id: Mapped[int] = mapped_column(
        ForeignKey("account_book.id", ondelete="CASCADE"), nullable=False, index=True
    )
    counted_on: Mapped[date] = mapped_column(Date, nullable=False)
    account: Mapped[str] = mapped_column(String(10), nullable=False)
    counted: Mapped[int] = mapped_column(Integer, nullable=False)
    #: The book's balance of that account on ``counted_on`` when the count was entered.
    book_balance: Mapped[int] = mapped_column(Integer, nullable=False)
    explanation: Mapped[str] = mapped_column(Text, nullable=False, default="")
    counted_by: Mapped[str] = mapped_column(String(200), nullable=False, default="")


class AccountImportProfile(Versioned, Base):
    """How a council's bank statement CSV is read (columns mapped once and remembered)."""

    __tablename__ = "account_import_profile"

    district_id: Mapped[int] = mapped_column(
        ForeignKey("district.id", ondelete="CASCADE"), nullable=False, unique=True
    )
    #: JSON of services.accounts.ColumnMapping.
    mapping: Mapped[str] = mapped_column(Text, nullable=False)
