"""meeting_reply.version: 出欠回答 guarded like every other editable record

Two people typing the slips of the same meeting (two windows, or two program instances on the town
hall's server) must not write over each other's answer for a person without seeing it. Each reply row
gets a version (1 for the rows already there); a reply taken back keeps its row with an empty ``reply``
from now on, so the version keeps counting.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 13:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A constant server default: SQLite adds the column with a plain ALTER TABLE (no table copy).
    with op.batch_alter_table("meeting_reply", schema=None) as batch_op:
        batch_op.add_column(sa.Column("version", sa.Integer(), server_default="1", nullable=False))


def downgrade() -> None:
    # A taken-back reply is "未回答" to this program; before 0012 it was no row at all.
    op.execute("DELETE FROM meeting_reply WHERE reply = ''")
    # In place on SQLite (3.35+): batch mode's table copy would rebuild the table for one column.
    if op.get_bind().dialect.name == "sqlite":
        op.execute('ALTER TABLE "meeting_reply" DROP COLUMN "version"')
    else:
        op.drop_column("meeting_reply", "version")
