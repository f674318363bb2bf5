"""Reference data is seeded once per version: later starts only read (no write transaction on every start)."""

from __future__ import annotations

from pathlib import Path

from sakae_council.db.engine import Database, open_database
from sakae_council.services import issues, meeting_bodies
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.setup import ensure_seeded


def test_a_seeded_file_is_only_read_and_a_new_district_still_gets_its_body(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    db: Database = open_database(path, user="テスト")
    try:
        ensure_seeded(db)
        categories = len(issues.list_categories(db))
        assert categories > 0 and any(b.kind.value == "liaison" for b in meeting_bodies.list_bodies(db))
        writes: list[str] = []
        real = db.transaction

        def counted():  # type: ignore[no-untyped-def]
            writes.append("transaction")
            return real()

        db.transaction = counted  # type: ignore[method-assign]
        ensure_seeded(db)
        assert writes == []  # a seeded file: read, not written (no write lock, no fsync at start-up)
        db.transaction = real  # type: ignore[method-assign]

        d = create_district(db, DistrictInput(name="安食小学校区"))
        ensure_seeded(db)
        assert any(b.district_id == d.id for b in meeting_bodies.list_bodies(db))
        assert len(issues.list_categories(db)) == categories
    finally:
        db.close()
