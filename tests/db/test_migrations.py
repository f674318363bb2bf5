"""Schema upgrades on open, refusal of newer files, and models in step with the migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sakae_council.db.engine import current_revision, head_revision, open_database
from sakae_council.db.models import Base
from sakae_council.domain.errors import StorageError


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_created_at_head(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.db")
    try:
        assert current_revision(db.engine) == head_revision()
        assert db.upgraded_from is None
    finally:
        db.close()


def test_models_match_migrations(tmp_path: Path) -> None:
    db = open_database(tmp_path / "m.db")
    try:
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        assert diff == [], f"models and migrations differ: {diff}"
    finally:
        db.close()


def test_connect_pragmas(tmp_path: Path) -> None:
    db = open_database(tmp_path / "p.db")
    try:
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    finally:
        db.close()


def test_empty_file_is_upgraded_from_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()  # a 0-byte file: what a crashed first start could leave
    db = open_database(path)
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_older_revision_is_backed_up_then_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path)
    db.close()
    # Pretend the file is at an older revision: drop everything and stamp nothing but a base marker.
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    conn.execute("PRAGMA foreign_keys=OFF")
    for t in tables:
        if t != "alembic_version":
            conn.execute(f'DROP TABLE "{t}"')
    conn.execute("DELETE FROM alembic_version")
    conn.commit()
    conn.close()
    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        assert current_revision(db.engine) == head_revision()
    finally:
        db.close()


def test_newer_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'ffff9999'")
    conn.commit()
    conn.close()
    before = _sha(path)
    with pytest.raises(StorageError, match="新しい版"):
        open_database(path)
    assert _sha(path) == before


def test_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "letter.db"
    path.write_bytes("これは議事録の下書きです。".encode() * 100)
    before = _sha(path)
    with pytest.raises(StorageError, match="データファイルではない"):
        open_database(path)
    assert _sha(path) == before


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="以外の表"):
        open_database(path)


def test_missing_file_without_create(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="見つかりません"):
        open_database(tmp_path / "nowhere.db", create=False)
    assert not (tmp_path / "nowhere.db").exists()


def test_upgrade_from_0002_keeps_the_data_and_fills_the_new_columns(tmp_path: Path) -> None:
    """A file written by the program before revision 0003 (activity kind and staff, condition on return,
    verification outcome) opens with every row as it was and the new columns at their defaults."""
    from alembic import command

    from sakae_council.db.engine import alembic_config, make_engine, to_url
    from sakae_council.db.models import Membership
    from sakae_council.domain.enums import ActivityKind, LoanStatus
    from sakae_council.services import equipment_loans, project_parts, projects

    path = tmp_path / "r0002.db"
    engine = make_engine(to_url(path))
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
    engine.dispose()
    stamp = "2026-04-01 09:00:00.000000"
    conn = sqlite3.connect(path)
    conn.executescript(
        f"""
        INSERT INTO district (id, name, council_name, council_status, display_order, active, notes, version, created_at, updated_at)
            VALUES (1, '安食小学校区', '安食地域まちづくり協議会', 'established', 1, 1, '', 1, '{stamp}', '{stamp}');
        INSERT INTO person (id, name, furigana, kana_key, postal_code, address, phone, email, notes, search_text, version, created_at, updated_at)
            VALUES (1, '栄 職員', 'サカエ ショクイン', 'さかえしよくいん', '', '', '', '', '', '', 1, '{stamp}', '{stamp}');
        INSERT INTO collaborative_project (id, title, purpose, district_id, kind, status, search_text, version, created_at, updated_at)
            VALUES (1, 'ごみゼロ・草ゼロ大作戦', '', 1, 'district_collaboration', 'completed', '', 3, '{stamp}', '{stamp}');
        INSERT INTO activity_record (id, project_id, held_on, title, participants, volunteer_hours, description, version, created_at, updated_at)
            VALUES (1, 1, '2025-05-31', 'ごみゼロ運動', 40, 80, '地区担当職員が参加', 2, '{stamp}', '{stamp}');
        INSERT INTO project_evaluation (id, project_id, fiscal_year, achievements, issues_found, next_steps, rating, evaluated_on, version, created_at, updated_at)
            VALUES (1, 1, 2025, '参加者が増えた', '担い手不足', '高校生と連携', 4, '2026-05-15', 1, '{stamp}', '{stamp}');
        INSERT INTO equipment (id, name, code, quantity, storage_place, condition, available, notes, version, created_at, updated_at)
            VALUES (1, 'テント', 'EQ-001', 2, '役場倉庫A', '良好', 1, '', 1, '{stamp}', '{stamp}');
        INSERT INTO equipment_loan (id, equipment_id, district_id, quantity, status, lent_on, due_on, returned_on, notes, version, created_at, updated_at)
            VALUES (1, 1, 1, 1, 'returned', '2025-05-30', '2025-06-01', '2025-06-01', '清掃で使用', 2, '{stamp}', '{stamp}'),
                   (2, 1, 1, 1, 'lent', '2026-11-20', '2026-11-30', NULL, '', 1, '{stamp}', '{stamp}');
        """
    )
    conn.commit()
    before = {
        t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
        for t in (
            "activity_record",
            "project_evaluation",
            "equipment_loan",
            "person",
            "collaborative_project",
        )
    }
    conn.close()

    db = open_database(path, backup_dir=tmp_path / "bk")
    try:
        assert db.upgraded_from == "0002" and current_revision(db.engine) == head_revision()
        assert db.pre_migration_backup is not None and db.pre_migration_backup.exists()
        with db.engine.connect() as c:
            for table, rows in before.items():
                width = len(rows[0])  # the columns added by 0003 come after the old ones
                assert [
                    tuple(r)[:width] for r in c.exec_driver_sql(f"SELECT * FROM {table} ORDER BY id")
                ] == rows
            assert c.exec_driver_sql("SELECT kind FROM activity_record").scalars().all() == ["other"]
            assert c.exec_driver_sql("SELECT return_condition FROM equipment_loan").scalars().all() == [
                "",
                "",
            ]
            assert c.exec_driver_sql(
                "SELECT achieved, indicator_contribution FROM project_evaluation"
            ).all() == [(None, "")]
            assert c.exec_driver_sql("SELECT count(*) FROM activity_staff").scalar() == 0
        # the old rows work through the services, and take the new details
        detail = projects.get_project(db, 1)
        (activity,) = detail.activities
        assert (activity.title, activity.kind, activity.staff_ids, activity.version) == (
            "ごみゼロ運動",
            ActivityKind.OTHER,
            (),
            2,
        )
        assert (detail.evaluations[0].achieved, detail.evaluations[0].rating) == (None, 4)
        with db.transaction() as s:  # give the person a staff seat, as the roster page would
            s.add(Membership(person_id=1, district_id=1, role="staff"))
        changed = project_parts.update_activity(
            db,
            1,
            project_parts.ActivityInput(
                activity.held_on, activity.title, 40, 80, kind=ActivityKind.CLEAN_UP, staff_ids=(1,)
            ),
            2,
        )
        assert (changed.kind, changed.staff_names, changed.version) == (
            ActivityKind.CLEAN_UP,
            ("栄 職員",),
            3,
        )
        back = equipment_loans.return_loan(db, 2, date(2026, 11, 28), 1, condition="良好")
        assert (back.status, back.return_condition) == (LoanStatus.RETURNED, "良好")
    finally:
        db.close()


def test_revisions_freeze_what_they_need_instead_of_importing_the_live_models() -> None:
    """A revision that imported today's models would write tomorrow's schema or text into an old file."""
    import ast

    versions = Path(__file__).resolve().parents[2] / "sakae_council" / "db" / "migrations" / "versions"
    for path in sorted(versions.glob("0*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                assert not node.module.startswith(("sakae_council.db", "sakae_council.services")), (
                    f"{path.name} imports {node.module}"
                )
