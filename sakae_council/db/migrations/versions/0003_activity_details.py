"""activity details: kind and staff of activity records, condition on return, verification outcome

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 14:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # NOT NULL columns come with a constant server default: SQLite adds them with a plain ALTER TABLE
    # (no table copy) and every row already on file gets the default.
    with op.batch_alter_table("activity_record", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=30), server_default="other", nullable=False))

    with op.batch_alter_table("equipment_loan", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("return_condition", sa.String(length=400), server_default="", nullable=False)
        )

    with op.batch_alter_table("project_evaluation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("achieved", sa.Boolean(), nullable=True))
        batch_op.add_column(sa.Column("indicator_contribution", sa.Text(), server_default="", nullable=False))

    op.create_table(
        "activity_staff",
        sa.Column("activity_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["activity_id"],
            ["activity_record.id"],
            name=op.f("fk_activity_staff_activity_id_activity_record"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["person.id"], name=op.f("fk_activity_staff_person_id_person"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("activity_id", "person_id", name=op.f("pk_activity_staff")),
    )
    with op.batch_alter_table("activity_staff", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_activity_staff_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("activity_staff", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_activity_staff_person_id"))
    op.drop_table("activity_staff")

    with op.batch_alter_table("project_evaluation", schema=None) as batch_op:
        batch_op.drop_column("indicator_contribution")
        batch_op.drop_column("achieved")

    with op.batch_alter_table("equipment_loan", schema=None) as batch_op:
        batch_op.drop_column("return_condition")

    with op.batch_alter_table("activity_record", schema=None) as batch_op:
        batch_op.drop_column("kind")
