"""attendance 未確認 and the council's no-quorum remark

Attendance gains the stored status "unknown" (未確認; the column is free text, so no constraint
changes). Upcoming draft meetings were pre-filled with every member and staff row 出席 by earlier
versions, which made their draft minutes claim 成立: a meeting that has not happened has no attendance,
so those 出席 rows become 未確認 (欠席 and 代理 were typed by someone and stay). District councils get a
column for their own wording of the remark printed on minutes without quorum ("" keeps the standard).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 04:00:00
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant server default: SQLite adds the column with a plain ALTER TABLE (no table copy).
    with op.batch_alter_table("district", schema=None) as batch_op:
        batch_op.add_column(sa.Column("no_quorum_remark", sa.Text(), server_default="", nullable=False))

    op.get_bind().execute(
        sa.text(
            "UPDATE attendance SET status = 'unknown'"
            " WHERE status = 'present' AND category IN ('member', 'staff') AND meeting_id IN"
            " (SELECT id FROM meeting WHERE status = 'draft' AND held_on > :today)"
        ),
        {"today": date.today()},
    )


def downgrade() -> None:
    # Earlier versions know no 未確認: it goes back as 欠席, which claims no quorum that was never entered.
    op.get_bind().execute(sa.text("UPDATE attendance SET status = 'absent' WHERE status = 'unknown'"))
    _drop_columns("district", "no_quorum_remark")


def _drop_columns(table: str, *columns: str) -> None:
    """Drop columns in place. On SQLite (3.35+) ALTER TABLE DROP COLUMN: batch mode's table copy would
    DROP TABLE the original, which the foreign keys of every table pointing at it refuse."""
    if op.get_bind().dialect.name == "sqlite":
        for column in columns:
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    else:
        for column in columns:
            op.drop_column(table, column)
