"""the council's own wording of its 監査報告書

District councils get a column for the sentence their 監事 sign on the 監査報告書 ("" keeps the standard
「…監査した結果、適正に処理されていることを認めます」).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 09:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant server default: SQLite adds the column with a plain ALTER TABLE (no table copy).
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.add_column(sa.Column("audit_wording", sa.Text(), server_default="", nullable=False))


def downgrade() -> None:
    # In place on SQLite (3.35+): batch mode's table copy would DROP the table the foreign keys point at.
    if op.get_bind().dialect.name == "sqlite":
        op.execute('ALTER TABLE "district" DROP COLUMN "audit_wording"')
    else:
        op.drop_column("district", "audit_wording")
