"""search_gram: unigram/bigram postings for incremental search of people and issues

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 10:20:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

KIND_PERSON = 1
KIND_ISSUE = 2


def _grams(search_text: str) -> set[str]:
    # Frozen copy of db.models.search.text_grams as of this revision: a later change to the live
    # function must come with its own revision that rebuilds the postings.
    grams: set[str] = set()
    for line in search_text.split("\n"):
        grams.update(line)
        grams.update(line[i : i + 2] for i in range(len(line) - 1))
    return grams


def upgrade() -> None:
    table = op.create_table(
        "search_gram",
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("gram", sa.String(length=8), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "gram", "record_id", name=op.f("pk_search_gram")),
        sqlite_with_rowid=False,
    )
    conn = op.get_bind()
    sources = (
        (KIND_PERSON, "SELECT id, search_text FROM person WHERE deleted_at IS NULL"),
        (KIND_ISSUE, "SELECT id, search_text FROM regional_issue"),
    )
    for kind, query in sources:
        rows = conn.execute(sa.text(query)).fetchall()
        batch: list[dict] = []
        for record_id, text in rows:
            batch.extend({"kind": kind, "gram": g, "record_id": record_id} for g in _grams(text or ""))
            if len(batch) >= 20000:
                op.bulk_insert(table, batch)
                batch = []
        if batch:
            op.bulk_insert(table, batch)


def downgrade() -> None:
    op.drop_table("search_gram")
