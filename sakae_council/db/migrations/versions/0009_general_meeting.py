"""general meeting: 会則 (bylaws) per council with revisions, and the 総会議案書's edited texts

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 06:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def _versioned() -> list[sa.Column]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "bylaws",
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["district_id"], ["district.id"], name=op.f("fk_bylaws_district_id_district"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bylaws")),
        sa.UniqueConstraint("district_id", name="uq_bylaws_district_id"),
    )
    op.create_table(
        "bylaws_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bylaws_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=400), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("summary", sa.String(length=400), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bylaws_id"], ["bylaws.id"], name=op.f("fk_bylaws_revision_bylaws_id_bylaws"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bylaws_revision")),
        sa.UniqueConstraint("bylaws_id", "number", name="uq_bylaws_revision_bylaws_number"),
    )
    op.create_table(
        "general_meeting_text",
        sa.Column("district_id", sa.Integer(), nullable=False),
        sa.Column("fiscal_year", sa.Integer(), nullable=False),
        sa.Column("part", sa.String(length=30), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_versioned(),
        sa.ForeignKeyConstraint(
            ["district_id"],
            ["district.id"],
            name=op.f("fk_general_meeting_text_district_id_district"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_general_meeting_text")),
        sa.UniqueConstraint("district_id", "fiscal_year", "part", name="uq_general_meeting_text_part"),
    )


def downgrade() -> None:
    op.drop_table("general_meeting_text")
    op.drop_table("bylaws_revision")
    op.drop_table("bylaws")
