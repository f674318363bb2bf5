"""meeting.search_text: the folded text the meetings list searches in SQL, filled for every meeting

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sakae_council.db.models.meetings import meeting_search_text

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: Meetings rewritten per statement (executemany), so 50,000 of them never sit in memory at once.
BATCH = 5000


def upgrade() -> None:
    # A constant server default: SQLite adds the column with a plain ALTER TABLE (no table copy).
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))

    # The text comes from the live builder (the same fold the services use): should it ever change,
    # the revision that changes it must rebuild the column, as this one builds it.
    conn = op.get_bind()
    rows = sa.text(
        "SELECT m.id, m.fiscal_year, m.number, b.name, m.place FROM meeting m"
        " JOIN meeting_body b ON b.id = m.body_id WHERE m.id > :after ORDER BY m.id LIMIT :n"
    )
    write = sa.text("UPDATE meeting SET search_text = :text WHERE id = :id")
    after = 0
    while True:
        batch = conn.execute(rows, {"after": after, "n": BATCH}).all()
        if not batch:
            return
        conn.execute(
            write,
            [{"id": i, "text": meeting_search_text(fy, number, name, place or "")} for i, fy, number, name, place in batch],
        )
        after = batch[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.drop_column("search_text")
