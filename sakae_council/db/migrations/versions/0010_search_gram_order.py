"""search_gram in list order: each posting carries its record's place in its list (ord), and the key
becomes (kind, gram, ord, record_id), so a search walks the postings in the order the list shows them

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 10:00:00
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

KIND_PERSON = 1
KIND_ISSUE = 2


def _person_order(kana_key: str) -> int:
    # Frozen copy of db.models.search.person_order as of this revision: a later change to the live
    # function must come with its own revision that rewrites the postings.
    value = 0
    stopped = False
    for i in range(9):
        code = 0
        if not stopped and i < len(kana_key):
            c = ord(kana_key[i])
            if 0x3041 <= c <= 0x3096:
                code = 2 + c - 0x3041
            else:
                code, stopped = (1 if c < 0x3041 else 88), True
        value = (value << 7) | code
    return value


def _issue_order(raised_on: Any) -> int:
    # Frozen copy of db.models.search.issue_order (SQLite hands a date back as text here).
    if raised_on is None:
        return 0
    if isinstance(raised_on, str):
        raised_on = date.fromisoformat(raised_on[:10])
    return int(raised_on.toordinal())


def _orders(conn: sa.Connection) -> Iterator[dict[str, int]]:
    people = conn.execute(sa.text("SELECT id, kana_key FROM person WHERE deleted_at IS NULL"))
    for record_id, kana_key in people:
        yield {"kind": KIND_PERSON, "record_id": record_id, "ord": _person_order(kana_key or "")}
    for record_id, raised_on in conn.execute(sa.text("SELECT id, raised_on FROM regional_issue")):
        yield {"kind": KIND_ISSUE, "record_id": record_id, "ord": _issue_order(raised_on)}


def _postings_table(name: str, *, ordered: bool) -> None:
    columns: list[sa.schema.SchemaItem] = [
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("gram", sa.String(length=8), nullable=False),
        *([sa.Column("ord", sa.BigInteger(), nullable=False)] if ordered else []),
        sa.Column("record_id", sa.Integer(), nullable=False),
    ]
    key = ["kind", "gram", "ord", "record_id"] if ordered else ["kind", "gram", "record_id"]
    op.create_table(
        name, *columns, sa.PrimaryKeyConstraint(*key, name=op.f(f"pk_{name}")), sqlite_with_rowid=False
    )


def _set_aside(old: str) -> None:
    """Rename the postings table out of the way (PostgreSQL: its primary key's name too, which must be
    free for the new table's)."""
    op.rename_table("search_gram", old)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"ALTER TABLE {old} RENAME CONSTRAINT pk_search_gram TO pk_{old}")


def upgrade() -> None:
    conn = op.get_bind()
    places = op.create_table(
        "search_gram_place",
        sa.Column("kind", sa.SmallInteger(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("ord", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "record_id", name=op.f("pk_search_gram_place")),
    )
    batch: list[dict[str, int]] = []
    for row in _orders(conn):
        batch.append(row)
        if len(batch) >= 20000:
            op.bulk_insert(places, batch)
            batch = []
    if batch:
        op.bulk_insert(places, batch)
    _set_aside("search_gram_unordered")
    _postings_table("search_gram", ordered=True)
    # In key order: the new table's B-tree is appended to, not shuffled.
    op.execute(
        "INSERT INTO search_gram (kind, gram, ord, record_id)"
        " SELECT g.kind, g.gram, p.ord, g.record_id FROM search_gram_unordered g"
        " JOIN search_gram_place p ON p.kind = g.kind AND p.record_id = g.record_id"
        " ORDER BY g.kind, g.gram, p.ord, g.record_id"
    )
    op.drop_table("search_gram_unordered")
    op.drop_table("search_gram_place")


def downgrade() -> None:
    _set_aside("search_gram_ordered")
    _postings_table("search_gram", ordered=False)
    op.execute(
        "INSERT INTO search_gram (kind, gram, record_id)"
        " SELECT kind, gram, record_id FROM search_gram_ordered ORDER BY kind, gram, record_id"
    )
    op.drop_table("search_gram_ordered")
