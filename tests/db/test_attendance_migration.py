"""Revision 0005: upcoming draft meetings pre-filled all 出席 by earlier versions become 未確認; entered
statuses, held meetings and approved minutes stay as they were; districts get their no-quorum remark."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
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
from sakae_council.domain.council import QuorumState
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.services import districts, meetings


def test_a_file_at_0004_gets_unconfirmed_attendance_for_upcoming_drafts_only(tmp_path: Path) -> None:
    path = tmp_path / "r0004.db"
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0004")
    engine.dispose()
    stamp = "2026-04-01 09:00:00.000000"
    future = (date.today() + timedelta(days=30)).isoformat()
    past = (date.today() - timedelta(days=30)).isoformat()
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""
        INSERT INTO district (id, name, council_name, council_status, display_order, active, notes, version, created_at, updated_at)
            VALUES (1, '安食小学校区', '', 'established', 1, 1, '', 1, '{stamp}', '{stamp}');
        INSERT INTO meeting_body (id, kind, name, district_id, display_order, version, created_at, updated_at)
            VALUES (1, 'district_council', '安食小学校区まちづくり協議会', 1, 1, 1, '{stamp}', '{stamp}');
        INSERT INTO meeting (id, body_id, fiscal_year, number, held_on, place, observers, next_meeting, status, revision, notes, search_text, version, created_at, updated_at)
            VALUES (1, 1, 2026, 1, '{future}', '', 0, '', 'draft', 0, '', '', 1, '{stamp}', '{stamp}'),
                   (2, 1, 2026, 2, '{past}', '', 0, '', 'draft', 0, '', '', 1, '{stamp}', '{stamp}');
        INSERT INTO attendance (id, meeting_id, person_id, name, affiliation, category, status, proxy_name, position) VALUES
            (1, 1, NULL, '委員 一', '会長', 'member', 'present', '', 0),
            (2, 1, NULL, '委員 二', '', 'member', 'absent', '', 1),
            (3, 1, NULL, '委員 三', '', 'member', 'proxy', '代理 人', 2),
            (4, 1, NULL, '職員 四', '地区担当職員', 'staff', 'present', '', 3),
            (5, 1, NULL, '来賓 五', '社協', 'guest', 'present', '', 4),
            (6, 2, NULL, '委員 一', '会長', 'member', 'present', '', 0),
            (7, 2, NULL, '委員 二', '', 'member', 'present', '', 1);
        """
    )
    conn.commit()
    conn.close()

    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        assert db.upgraded_from == "0004" and current_revision(db.engine) == head_revision()
        upcoming = meetings.get_meeting(db, 1)
        assert [a.status for a in upcoming.attendance] == [
            AttendanceStatus.UNCONFIRMED,  # pre-filled 出席 of a meeting not held yet
            AttendanceStatus.ABSENT,  # typed by someone: kept
            AttendanceStatus.PROXY,
            AttendanceStatus.UNCONFIRMED,
            AttendanceStatus.PRESENT,  # a guest is added by hand
        ]
        assert meetings.quorum(upcoming).state is QuorumState.UNDECIDED
        held = meetings.get_meeting(db, 2)
        assert [a.status for a in held.attendance] == [AttendanceStatus.PRESENT] * 2
        assert meetings.quorum(held).state is QuorumState.MET
        assert districts.get_district(db, 1).no_quorum_remark == ""
    finally:
        db.close()
