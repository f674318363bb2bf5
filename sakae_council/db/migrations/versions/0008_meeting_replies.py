"""meeting_reply: 出欠回答 from the slips of a 開催通知

One row per member who replied to a meeting's notice: 出席 / 欠席 / 委任 with the proxy's name, and the
day it arrived. A new table only; nothing existing changes.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 07:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "meeting_reply",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("reply", sa.String(length=10), nullable=False),
        sa.Column("proxy_name", sa.String(length=100), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.ForeignKeyConstraint(
            ["meeting_id"],
            ["meeting.id"],
            name=op.f("fk_meeting_reply_meeting_id_meeting"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_meeting_reply_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_reply")),
        sa.UniqueConstraint("meeting_id", "person_id", name=op.f("uq_meeting_reply_meeting_id_person_id")),
    )
    with op.batch_alter_table("meeting_reply", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_reply_meeting_id"), ["meeting_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_meeting_reply_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    op.drop_table("meeting_reply")
