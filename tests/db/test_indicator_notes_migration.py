"""Revision 0005 (indicator notes): a file of revision 0004 with the seeded data-entry note opens with that
note moved to the 内部メモ, every other note where it was, and nothing of it printed."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from alembic import command
from pypdf import PdfReader

from sakae_council.db.engine import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    to_url,
)
from sakae_council.reports.liaison_summary import build_summary_pdf
from sakae_council.services import indicators
from sakae_council.services.liaison import Period

STAMP = "'2026-04-01 09:00:00.000000', '2026-04-01 09:00:00.000000'"
#: The note plain ``init`` seeded up to revision 0004.
SEEDED = (
    "計画書（テキスト抽出）では、この指標の値として「15」と「20」が表の列を失った状態で示されている。"
    "20を平成27年度の目標値として登録した。15はどの年度・区分の値か特定できないため登録していない。"
    "原本で確認のうえ入力すること。"
)


def test_a_file_at_0004_moves_the_seeded_note_to_the_internal_field(tmp_path: Path) -> None:
    path = tmp_path / "r0004.db"
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executemany(
        f"INSERT INTO indicator (id, code, name, unit, project, computed, display_order, notes, version,"
        f" created_at, updated_at) VALUES (?, ?, ?, '人', '⑫', ?, ?, ?, 1, {STAMP})",
        [
            (
                1,
                "consultations",
                "生活支援ビジネスの相談者数",
                "consultations",
                1,
                "目標値23人は、想定115人の2割。",
            ),
            (2, "startups", "生活支援サービスの起業者数", "startups", 2, SEEDED),
            (
                3,
                "volunteers",
                "ボランティア登録者数",
                "",
                5,
                "原本で確認のうえ入力すること。",
            ),  # a user's own
        ],
    )
    conn.execute(
        "INSERT INTO indicator_value (id, indicator_id, fiscal_year, kind, value, is_override, entered_by, reason,"
        f" version, created_at, updated_at) VALUES (1, 2, 2015, 'target', 20, 0, '総合計画（戦略４）', '', 1, {STAMP})"
    )
    conn.commit()
    conn.close()

    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        assert db.upgraded_from == "0004" and current_revision(db.engine) == head_revision()
        by_code = {i.code: i for i in indicators.list_indicators(db)}
        startups = by_code["startups"]
        assert (startups.notes, startups.internal_notes) == ("", SEEDED)
        assert startups.version == 2  # a change: an editor open on the old note sees a conflict, not a loss
        assert (by_code["consultations"].notes, by_code["consultations"].internal_notes) == (
            "目標値23人は、想定115人の2割。",
            "",
        )
        # a note someone wrote themselves stays where they put it, even with the same words
        assert by_code["volunteers"].notes == "原本で確認のうえ入力すること。"
        (figure,) = startups.values
        assert (figure.value, figure.notes, figure.internal_notes) == (20, "", "")
        indicators.delete_indicator(db, by_code["volunteers"].id)
        pdf = build_summary_pdf(
            db, Period.for_fiscal_year(2026), tmp_path / "s.pdf", today=date(2026, 11, 28)
        )
        text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
        assert "原本で確認" not in text and "テキスト抽出" not in text
        assert "目標値23人は、想定115人の2割。" in text
    finally:
        db.close()


def test_the_note_saved_once_through_the_editor_is_moved_too(tmp_path: Path) -> None:
    """Before 0005 the editor stored （） as (): that form of the seeded note is recognised as well."""
    path = tmp_path / "r0004.db"
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
    engine.dispose()
    saved = SEEDED.replace("（", "(").replace("）", ")")
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO indicator (id, code, name, unit, project, computed, display_order, notes, version,"
        f" created_at, updated_at) VALUES (2, 'startups', '生活支援サービスの起業者数', '人', '⑫', 'startups', 2, ?, 3, {STAMP})",
        (saved,),
    )
    conn.commit()
    conn.close()
    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        (ind,) = indicators.list_indicators(db)
        assert (ind.notes, ind.internal_notes) == ("", saved)
    finally:
        db.close()
