"""会計: a council's books — 科目, a year's book, 予算 and 補正予算, the 出納帳 with 証憑番号, 月次確認,
現金・預金の実査, 決算の修正, and the bank-statement column mapping

Nine new tables; nothing existing changes. A 証憑番号 is unique per book (council + 年度) and handed out
from ``account_book.last_voucher_no`` in the entering transaction.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 06:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account_book",
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("opening_cash", sa.Integer(), nullable=False),
        sa.Column("opening_bank", sa.Integer(), nullable=False),
        sa.Column("last_voucher_no", sa.Integer(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closed_by", sa.String(length=200), nullable=False),
        sa.Column("carryover", sa.Integer(), nullable=True),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('open', 'closed')", name=op.f("ck_account_book_status_known")),
        sa.CheckConstraint(
            "opening_cash >= 0 AND opening_bank >= 0", name=op.f("ck_account_book_opening_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_account_book_district_id_district"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_book")),
        sa.UniqueConstraint(
            "district_id", "fiscal_year", name=op.f("uq_account_book_district_id_fiscal_year")
        ),
    )
    op.create_table(
        "account_import_profile",
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_account_import_profile_district_id_district"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_import_profile")),
        sa.UniqueConstraint("district_id", name=op.f("uq_account_import_profile_district_id")),
    )
    op.create_table(
        "account_subject",
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("display_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('income', 'expense')", name=op.f("ck_account_subject_kind_known")),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_account_subject_district_id_district"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"],
            ["account_subject.id"],
            name=op.f("fk_account_subject_parent_id_account_subject"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_subject")),
    )
    with op.batch_alter_table("account_subject", schema=None) as batch_op:
        batch_op.create_index("ix_account_subject_district_kind", ["district_id", "kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_subject_parent_id"), ["parent_id"], unique=False)
    op.create_table(
        "account_budget_revision",
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("decided_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["book_id"],
            ["account_book.id"],
            name=op.f("fk_account_budget_revision_book_id_account_book"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_budget_revision")),
        sa.UniqueConstraint("book_id", "number", name=op.f("uq_account_budget_revision_book_id_number")),
    )
    op.create_table(
        "account_cash_count",
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("counted_on", sa.Date(), nullable=False),
        sa.Column("account", sa.String(length=10), nullable=False),
        sa.Column("counted", sa.Integer(), nullable=False),
        sa.Column("book_balance", sa.Integer(), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.Column("counted_by", sa.String(length=200), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("account IN ('cash', 'bank')", name=op.f("ck_account_cash_count_account_known")),
        sa.CheckConstraint("counted >= 0", name=op.f("ck_account_cash_count_counted_non_negative")),
        sa.ForeignKeyConstraint(
            ["book_id"],
            ["account_book.id"],
            name=op.f("fk_account_cash_count_book_id_account_book"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_cash_count")),
    )
    with op.batch_alter_table("account_cash_count", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_account_cash_count_book_id"), ["book_id"], unique=False)
    op.create_table(
        "account_close_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("made_by", sa.String(length=200), nullable=False),
        sa.Column("carryover_before", sa.Integer(), nullable=False),
        sa.Column("carryover_after", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["book_id"],
            ["account_book.id"],
            name=op.f("fk_account_close_revision_book_id_account_book"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_close_revision")),
        sa.UniqueConstraint("book_id", "number", name=op.f("uq_account_close_revision_book_id_number")),
    )
    op.create_table(
        "account_month_check",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("month_start", sa.Date(), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("checked_by", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["book_id"],
            ["account_book.id"],
            name=op.f("fk_account_month_check_book_id_account_book"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_month_check")),
        sa.UniqueConstraint(
            "book_id", "month_start", name=op.f("uq_account_month_check_book_id_month_start")
        ),
    )
    op.create_table(
        "account_budget_line",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision_id", sa.Integer(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_account_budget_line_amount_non_negative")),
        sa.ForeignKeyConstraint(
            ["revision_id"],
            ["account_budget_revision.id"],
            name=op.f("fk_account_budget_line_revision_id_account_budget_revision"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"],
            ["account_subject.id"],
            name=op.f("fk_account_budget_line_subject_id_account_subject"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_budget_line")),
        sa.UniqueConstraint(
            "revision_id", "subject_id", name=op.f("uq_account_budget_line_revision_id_subject_id")
        ),
    )
    op.create_table(
        "account_entry",
        sa.Column("book_id", sa.Integer(), nullable=False),
        sa.Column("voucher_no", sa.Integer(), nullable=False),
        sa.Column("entry_date", sa.Date(), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("description", sa.String(length=400), nullable=False),
        sa.Column("income", sa.Integer(), nullable=False),
        sa.Column("expense", sa.Integer(), nullable=False),
        sa.Column("account", sa.String(length=10), nullable=False),
        sa.Column("counterparty", sa.String(length=200), nullable=False),
        sa.Column("project_id", sa.Integer(), nullable=True),
        sa.Column("grant_id", sa.Integer(), nullable=True),
        sa.Column("cancels_id", sa.Integer(), nullable=True),
        sa.Column("overspend_reason", sa.Text(), nullable=False),
        sa.Column("close_revision_id", sa.Integer(), nullable=True),
        sa.Column("import_ref", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("account IN ('cash', 'bank')", name=op.f("ck_account_entry_account_known")),
        sa.CheckConstraint("income = 0 OR expense = 0", name=op.f("ck_account_entry_income_or_expense")),
        sa.CheckConstraint(
            "income >= 0 AND expense >= 0", name=op.f("ck_account_entry_amounts_non_negative")
        ),
        sa.ForeignKeyConstraint(
            ["book_id"],
            ["account_book.id"],
            name=op.f("fk_account_entry_book_id_account_book"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["cancels_id"], ["account_entry.id"], name=op.f("fk_account_entry_cancels_id_account_entry")
        ),
        sa.ForeignKeyConstraint(
            ["close_revision_id"],
            ["account_close_revision.id"],
            name=op.f("fk_account_entry_close_revision_id_account_close_revision"),
        ),
        sa.ForeignKeyConstraint(
            ["grant_id"],
            ["grant_application.id"],
            name=op.f("fk_account_entry_grant_id_grant_application"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["collaborative_project.id"],
            name=op.f("fk_account_entry_project_id_collaborative_project"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["subject_id"], ["account_subject.id"], name=op.f("fk_account_entry_subject_id_account_subject")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_account_entry")),
        sa.UniqueConstraint("book_id", "voucher_no", name=op.f("uq_account_entry_book_id_voucher_no")),
        sa.UniqueConstraint("cancels_id", name=op.f("uq_account_entry_cancels_id")),
    )
    with op.batch_alter_table("account_entry", schema=None) as batch_op:
        batch_op.create_index(
            "ix_account_entry_book_date", ["book_id", "entry_date", "voucher_no"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_account_entry_grant_id"), ["grant_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_entry_project_id"), ["project_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_account_entry_subject_id"), ["subject_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("account_entry", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_entry_subject_id"))
        batch_op.drop_index(batch_op.f("ix_account_entry_project_id"))
        batch_op.drop_index(batch_op.f("ix_account_entry_grant_id"))
        batch_op.drop_index("ix_account_entry_book_date")
    op.drop_table("account_entry")
    op.drop_table("account_budget_line")
    op.drop_table("account_month_check")
    op.drop_table("account_close_revision")
    with op.batch_alter_table("account_cash_count", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_cash_count_book_id"))
    op.drop_table("account_cash_count")
    op.drop_table("account_budget_revision")
    with op.batch_alter_table("account_subject", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_account_subject_parent_id"))
        batch_op.drop_index("ix_account_subject_district_kind")
    op.drop_table("account_subject")
    op.drop_table("account_import_profile")
    op.drop_table("account_book")
