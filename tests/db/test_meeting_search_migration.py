"""Revision 0004 (meeting.search_text): a file written before it opens with every meeting searchable."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from sakae_council.db.engine import (
    alembic_config,
    current_revision,
    head_revision,
    make_engine,
    open_database,
    to_url,
)
from sakae_council.services import meeting_list
from sakae_council.services.meeting_list import MeetingFilter

STAMP = "1, '2026-04-01 09:00:00.000000', '2026-04-01 09:00:00.000000'"


def test_a_file_at_0003_is_backed_up_upgraded_and_its_meetings_found_by_name_and_place(
    tmp_path: Path,
) -> None:
    path = tmp_path / "r0003.db"
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0003")
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""
        INSERT INTO district (id, name, council_name, council_status, display_order, active, notes, version, created_at, updated_at)
            VALUES (1, '安食小学校区', '安食小学校区まちづくり協議会', 'established', 1, 1, '', {STAMP});
        INSERT INTO meeting_body (id, kind, name, district_id, display_order, version, created_at, updated_at)
            VALUES (1, 'district_council', '安食小学校区まちづくり協議会', 1, 0, {STAMP}),
                   (2, 'liaison', '地域まちづくり連絡会', NULL, 1, {STAMP});
        INSERT INTO meeting (id, body_id, fiscal_year, number, held_on, start_time, end_time, place, observers,
                             next_meeting, status, revision, notes, version, created_at, updated_at)
            VALUES (1, 1, 2026, 3, '2026-11-28', '19:00:00.000000', '20:30:00.000000', '安食ふれあいセンター', 0, '',
                    'approved', 1, '', {STAMP}),
                   (2, 2, 2025, 1, '2025-07-10', NULL, NULL, '栄町役場 大会議室', 0, '', 'draft', 0, '', {STAMP});
        """
    )
    conn.commit()
    before = conn.execute("SELECT * FROM meeting ORDER BY id").fetchall()
    conn.close()

    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        assert db.upgraded_from == "0003" and current_revision(db.engine) == head_revision()
        assert db.pre_migration_backup is not None and db.pre_migration_backup.exists()
        with db.engine.connect() as c:
            after = c.exec_driver_sql("SELECT * FROM meeting ORDER BY id").all()
            assert [tuple(r)[: len(before[0])] for r in after] == before  # the new column comes last
            assert c.exec_driver_sql("SELECT search_text FROM meeting ORDER BY id").scalars().all() == [
                "令和8年度第3回安食小学校区まちづくり協議会\n安食ふれあいせんたー",
                "令和7年度第1回地域まちづくり連絡会\n栄町役場大会議室",
            ]

        def found(query: str) -> list[int]:
            return [m.id for m in meeting_list.list_meetings(db, MeetingFilter(query=query))]

        assert found("フレアイ") == [1] and found("ﾀﾞｲｶｲｷﾞ") == [] and found("大会議室") == [2]
        assert found("第３回") == [1] and found("まちづくり") == [1, 2]
    finally:
        db.close()
