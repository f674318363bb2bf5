"""Revision 0010: the search postings of a file made before it get their records' places in the lists
(五十音順 for people, date raised for issues), and going back to 0009 keeps every posting."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import select, text

from sakae_council.db.engine import alembic_config, current_revision, head_revision, open_database
from sakae_council.db.models import SearchGram
from sakae_council.db.models.search import rebuild_search_index
from sakae_council.domain.enums import MemberRole
from sakae_council.services import districts, issues, people
from sakae_council.services.issues import IssueFilter, IssueInput
from sakae_council.services.people import MembershipInput, PersonInput, RosterFilter

PEOPLE = [
    ("和田 一郎", "ワダ イチロウ"),
    ("田中 花子", "タナカ ハナコ"),
    ("山田 太郎", "ヤマダ タロウ"),
    ("田村 某", ""),
]


def _fill(path: Path) -> None:
    db = open_database(path)
    try:
        d = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
        member = MembershipInput(district_id=d, role=MemberRole.SUISHIN, term_start=date(2025, 4, 1))
        for name, furigana in PEOPLE:
            people.create_person(db, PersonInput(name=name, furigana=furigana, memberships=(member,)))
        gone = people.list_members(db, RosterFilter(query="和田", include_without_membership=True))[0]
        with db.transaction() as s:
            issues.seed_categories(s)
        cat = issues.list_categories(db)[0].id
        for title, day in (("通院の送迎", date(2026, 5, 1)), ("通学路の見守り", date(2026, 7, 1))):
            issues.create_issue(db, IssueInput(title=title, district_id=d, category_id=cat, raised_on=day))
        people.delete_person(db, gone.id)  # soft-deleted: not indexed before or after
    finally:
        db.close()


def _postings(db) -> set[tuple]:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return set(s.execute(select(SearchGram.kind, SearchGram.gram, SearchGram.ord, SearchGram.record_id)))


def test_upgrade_from_0009_puts_every_posting_in_list_order(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    _fill(path)
    db = open_database(path)
    with db.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0009")
    with db.engine.connect() as conn:
        assert "ord" not in {c[1] for c in conn.execute(text("PRAGMA table_info(search_gram)"))}
        before = set(conn.execute(text("SELECT kind, gram, record_id FROM search_gram")))
    db.close()

    db = open_database(path, backup_dir=tmp_path / "backups")
    try:
        assert current_revision(db.engine) == head_revision()
        upgraded = _postings(db)
        assert {(k, g, r) for k, g, _o, r in upgraded} == before  # nothing lost, nothing added
        with db.engine.begin() as conn:
            rebuild_search_index(conn)
        assert _postings(db) == upgraded  # the places the program itself would give them
        flt = RosterFilter(query="田", include_without_membership=True, today=date(2026, 11, 28))
        assert [p.name for p in people.list_members(db, flt, limit=10)] == [
            "田中 花子",
            "山田 太郎",
            "田村 某",
        ]
        assert [i.title for i in issues.list_issues(db, IssueFilter(query="通"), limit=10)] == [
            "通学路の見守り",
            "通院の送迎",
        ]
    finally:
        db.close()


def test_downgrade_to_0009_keeps_every_posting(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    _fill(path)
    db = open_database(path)
    try:
        now = {(k, g, r) for k, g, _o, r in _postings(db)}
        with db.engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0009")
        with db.engine.connect() as conn:
            assert set(conn.execute(text("SELECT kind, gram, record_id FROM search_gram"))) == now
    finally:
        db.close()
