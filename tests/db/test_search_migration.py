"""Revision 0002 (search_gram): a file made by the previous version gets its n-gram index on upgrade."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from sakae_council.db.engine import alembic_config, current_revision, head_revision, open_database
from sakae_council.db.models import SearchGram
from sakae_council.db.models.search import KIND_ISSUE, KIND_PERSON, text_grams
from sakae_council.services import issues as svc
from sakae_council.services import people
from sakae_council.services.people import RosterFilter

STAMP = "1, '2026-01-01 00:00:00', '2026-01-01 00:00:00'"


def test_upgrade_from_0001_indexes_the_existing_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = open_database(path)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0001")
    with db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO person (id, name, furigana, kana_key, postal_code, address, phone, email, notes, search_text,"
                f" deleted_at, version, created_at, updated_at) VALUES (1, '田中 一郎', 'タナカ イチロウ', '', '', '', '', '',"
                f" '', '田中一郎\nたなかいちろう\n\n', NULL, {STAMP}),"
                f" (2, '佐藤 和子', 'サトウ カズコ', '', '', '', '', '', '', '佐藤和子\nさとうかずこ\n\n', '2026-02-01', {STAMP})"
            )
        )
        conn.execute(
            text(
                f"INSERT INTO district (id, name, council_name, council_status, display_order, active, notes,"
                f" version, created_at, updated_at) VALUES (1, '安食', '', 'preparing', 0, 1, '', {STAMP})"
            )
        )
        conn.execute(
            text(
                f"INSERT INTO issue_category (id, name, display_order, version, created_at, updated_at)"
                f" VALUES (1, '防犯', 1, {STAMP})"
            )
        )
        conn.execute(
            text(
                "INSERT INTO regional_issue (id, title, description, district_id, category_id, status, priority, source,"
                " raised_on, shared_with_liaison, search_text, version, created_at, updated_at) VALUES"
                f" (1, '通学路の見守り', '', 1, 1, 'raised', 'medium', 'meeting', '2026-05-01', 0,"
                f" '通学路の見守り\n\n防犯', {STAMP})"
            )
        )
    assert current_revision(db.engine) == "0001"
    db.close()

    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert current_revision(db.engine) == head_revision()
        with db.reading() as s:
            rows = {
                (k, g, r)
                for k, g, r in s.execute(select(SearchGram.kind, SearchGram.gram, SearchGram.record_id))
            }
        expected = {(KIND_PERSON, g, 1) for g in text_grams("田中一郎\nたなかいちろう\n\n")}
        expected |= {(KIND_ISSUE, g, 1) for g in text_grams("通学路の見守り\n\n防犯")}
        assert rows == expected  # the soft-deleted person is not indexed
        flt = RosterFilter(query="田中", today=date(2026, 11, 28), include_without_membership=True)
        assert [p.name for p in people.list_members(db, flt)] == ["田中 一郎"]
        assert [i.title for i in svc.list_issues(db, svc.IssueFilter(query="見守"))] == ["通学路の見守り"]
    finally:
        db.close()
    assert any((tmp_path / "backups").iterdir())  # the upgrade took its backup first
