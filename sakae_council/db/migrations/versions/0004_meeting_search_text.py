"""meeting.search_text: the folded text the meetings list searches in SQL, filled for every meeting

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 16:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sakae_council.domain.text import fold_for_search
from sakae_council.domain.wareki import fiscal_year_label

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: Meetings rewritten per statement (executemany), so 50,000 of them never sit in memory at once.
BATCH = 5000


def meeting_search_text(fiscal_year: int, number: int, body_name: str, place: str) -> str:
    """The text as this revision defines it, frozen here (not imported from the live models): a later
    change to the models' builder must not change what this revision wrote; a revision that changes the
    text rebuilds the column itself."""
    title = f"{fiscal_year_label(fiscal_year)} 第{number}回 {body_name}"
    return f"{fold_for_search(title)}\n{fold_for_search(place)}"


def upgrade() -> None:
    # A constant server default: SQLite adds the column with a plain ALTER TABLE (no table copy).
    with op.batch_alter_table("meeting", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))

    # The text is this revision's own copy of the builder (above), with the same fold the services use.
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
            [
                {"id": i, "text": meeting_search_text(fy, number, name, place or "")}
                for i, fy, number, name, place in batch
            ],
        )
        after = batch[-1][0]


def downgrade() -> None:
    # In place on SQLite (3.35+ ALTER TABLE DROP COLUMN): batch mode's table copy would DROP TABLE meeting,
    # and with foreign keys on that cascades to every attendance, agenda item and minutes revision.
    if op.get_bind().dialect.name == "sqlite":
        op.execute('ALTER TABLE "meeting" DROP COLUMN "search_text"')
    else:
        op.drop_column("meeting", "search_text")
