"""indicator notes: a 内部メモ that never prints beside the printed 資料の注記, on indicators and their figures

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 04:00:00

The note that plain ``init`` used to seed on 「生活支援サービスの起業者数」 was written for the people entering
data (「…原本で確認のうえ入力すること。」) and printed in every 連絡会まとめ: it moves to the internal field.
Any other note stays where it is (it was written to be printed, and was printed until now).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

#: The note as seeded up to revision 0004 (a copy: this revision must not change when the seed does).
SEEDED_NOTE = (
    "計画書（テキスト抽出）では、この指標の値として「15」と「20」が表の列を失った状態で示されている。"
    "20を平成27年度の目標値として登録した。15はどの年度・区分の値か特定できないため登録していない。"
    "原本で確認のうえ入力すること。"
)
#: The same note after a save through the indicator editor, whose normalisation then turned （） into ().
SEEDED_NOTE_SAVED = SEEDED_NOTE.replace("（", "(").replace("）", ")")


def upgrade() -> None:
    # Constant server defaults: SQLite adds the columns with a plain ALTER TABLE (no table copy).
    with op.batch_alter_table("indicator", schema=None) as batch_op:
        batch_op.add_column(sa.Column("internal_notes", sa.Text(), server_default="", nullable=False))
    with op.batch_alter_table("indicator_value", schema=None) as batch_op:
        batch_op.add_column(sa.Column("notes", sa.Text(), server_default="", nullable=False))
        batch_op.add_column(sa.Column("internal_notes", sa.Text(), server_default="", nullable=False))

    op.get_bind().execute(
        sa.text(
            "UPDATE indicator SET internal_notes = notes, notes = '', version = version + 1"
            " WHERE code = 'startups' AND notes IN (:seeded, :saved)"
        ),
        {"seeded": SEEDED_NOTE, "saved": SEEDED_NOTE_SAVED},
    )


def downgrade() -> None:
    # The moved note goes back to the one notes column there was (an internal note is not dropped).
    op.get_bind().execute(
        sa.text(
            "UPDATE indicator SET notes = CASE WHEN notes = '' THEN internal_notes"
            " ELSE notes || :newline || internal_notes END WHERE internal_notes != ''"
        ),
        {"newline": "\n"},
    )
    _drop_columns("indicator_value", "internal_notes", "notes")
    _drop_columns("indicator", "internal_notes")


def _drop_columns(table: str, *columns: str) -> None:
    """Drop columns in place. On SQLite (3.35+) ALTER TABLE DROP COLUMN: batch mode's table copy would
    DROP TABLE the original, which the foreign keys of every table pointing at it refuse."""
    if op.get_bind().dialect.name == "sqlite":
        for column in columns:
            op.execute(f'ALTER TABLE "{table}" DROP COLUMN "{column}"')
    else:
        for column in columns:
            op.drop_column(table, column)
