"""The first figures (plain sqlite3 before SQLAlchemy) are the dashboard the ORM counts: the same cards."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sakae_council.db.engine import open_database
from sakae_council.services import demo
from sakae_council.services.dashboard import dashboard
from sakae_council.services.districts import list_districts
from sakae_council.services.first_figures import read_first_figures, unchanged_since
from sakae_council.services.setup import ensure_seeded

TODAY = date(2026, 11, 28)
#: Before the demo town's terms, in them, and after them.
DAYS = (date(2024, 4, 1), TODAY, date(2026, 12, 7), date(2031, 3, 31))


def _demo(folder: Path) -> Path:
    path = folder / "demo.db"
    (folder / "backups").mkdir()  # made by the first start-up backup; the note of a clean close goes there
    db = open_database(path, user="テスト担当")
    try:
        ensure_seeded(db)
        demo.load_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture(scope="module")
def shared_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo town, closed cleanly; only read by the tests using it."""
    return _demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    return _demo(tmp_path)


@pytest.mark.parametrize("today", DAYS)
def test_the_first_figures_are_the_cards_the_orm_counts(shared_demo: Path, today: date) -> None:
    db = open_database(shared_demo, user="テスト担当")
    try:
        expected = dashboard(db, today)
        switcher = [(d.id, d.name) for d in list_districts(db, include_inactive=False)]
    finally:
        db.close()

    figures = read_first_figures(str(shared_demo), today)

    assert figures is not None
    assert figures.dashboard == expected
    if today == TODAY:
        assert any(c.chair_name for c in expected.cards) and any(c.members_by_role for c in expected.cards), (
            "the demo town has chairs and members to compare"
        )
        assert expected.liaison_last is not None or expected.liaison_next is not None
    assert list(figures.districts) == switcher, "the district switcher's list, in its order"


def test_no_first_figures_for_a_server_or_a_file_in_use(demo_file: Path) -> None:
    assert read_first_figures("postgresql+psycopg://kyogikai@localhost/sakae", TODAY) is None
    db = open_database(demo_file, user="ほかの人")
    try:
        assert read_first_figures(str(demo_file), TODAY) is None
    finally:
        db.close()


def test_a_write_after_the_first_figures_is_noticed(demo_file: Path) -> None:
    figures = read_first_figures(str(demo_file), TODAY)
    assert figures is not None and unchanged_since(figures)

    db = open_database(demo_file, user="テスト担当")
    try:
        assert unchanged_since(figures), "opening the file (lock, checks, seed check) writes nothing to it"
        from sakae_council.services import districts

        first = list_districts(db)[0]
        districts.update_district(
            db,
            first.id,
            districts.DistrictInput(
                name=first.name + "（改）",
                council_name=first.council_name,
                council_status=first.council_status,
                established_on=first.established_on,
                display_order=first.display_order,
            ),
            expected_version=first.version,
        )
    finally:
        db.close()

    assert not unchanged_since(figures)
