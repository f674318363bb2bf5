"""A data file left by each past schema revision (tests/fixtures/schema/, written by scripts/schema_fixtures.py)
opens with today's program: backed up, upgraded to the head in one go, every row still there, and every
list finds its records by search again."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, inspect, select, table, text

from sakae_council.db.direct import stamped_revision
from sakae_council.db.engine import (
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    make_engine,
    open_database,
    to_url,
)
from sakae_council.db.integrity import check_database
from sakae_council.db.models import Base, SearchGram
from sakae_council.db.models.search import rebuild_search_index
from sakae_council.services import issues, meeting_list, people
from sakae_council.services.meeting_list import MeetingFilter

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "schema"
REVISIONS = sorted(p.name.removesuffix(".sqlite.gz") for p in FIXTURES.glob("*.sqlite.gz"))


def test_every_past_revision_has_a_fixture() -> None:
    """Adding revision N+1 means adding the file of N (``python scripts/schema_fixtures.py``)."""
    assert set(known_revisions()) - {head_revision()} <= set(REVISIONS)


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_file_of_an_older_revision_is_upgraded_with_all_its_data(revision: str, tmp_path: Path) -> None:
    manifest = json.loads((FIXTURES / f"{revision}.json").read_text(encoding="utf-8"))
    path = tmp_path / "data.db"
    path.write_bytes(gzip.decompress((FIXTURES / f"{revision}.sqlite.gz").read_bytes()))
    assert stamped_revision(path) == revision

    db = open_database(path, backup_dir=tmp_path / "backups", user="テスト")
    try:
        assert current_revision(db.engine) == head_revision()
        if revision != head_revision():
            assert db.upgraded_from == revision
            assert (
                db.pre_migration_backup is not None and stamped_revision(db.pre_migration_backup) == revision
            )
        with db.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []
            counts = {
                name: conn.scalar(select(func.count()).select_from(table(name)))
                for name in manifest["counts"]
            }
        assert counts == manifest["counts"], "no row lost or added by the upgrade"

        # The search index holds exactly what a rebuild from the rows would (0002 builds it for 0001 files),
        # each posting in its record's place in the list (0010 adds the places).
        posting = select(SearchGram.kind, SearchGram.gram, SearchGram.ord, SearchGram.record_id)
        with db.reading() as s:
            postings = set(s.execute(posting))
            rebuild_search_index(s.connection())
            rebuilt = set(s.execute(posting))
        assert postings == rebuilt and postings

        probes = manifest["probes"]
        for person in probes["people"]:
            flt = people.RosterFilter(query=person["query"], include_without_membership=True)
            found = {p.id: p.name for p in people.list_members(db, flt)}
            assert found.get(person["id"]) == person["name"], person
        for issue in probes["issues"]:
            found = {i.id: i.title for i in issues.list_issues(db, issues.IssueFilter(query=issue["query"]))}
            assert found.get(issue["id"]) == issue["title"], issue
        for meeting in probes["meetings"]:
            query = f"{meeting['place']} 第{meeting['number']}回"  # 0004 filled the name and the place
            found = [m.id for m in meeting_list.list_meetings(db, MeetingFilter(query=query))]
            assert meeting["id"] in found, meeting

        # And the upgraded file takes new work: a person saved now is found by the same search.
        added = people.create_person(db, people.PersonInput(name="移行 確認子", furigana="イコウ カクニンコ"))
        flt = people.RosterFilter(query="確認子", include_without_membership=True)
        assert [p.id for p in people.list_members(db, flt)] == [added.id]
        with db.reading() as s:
            assert s.execute(text("PRAGMA foreign_key_check")).all() == []
    finally:
        db.close()
    assert check_database(path).problems == ()


@pytest.mark.parametrize("target", REVISIONS[:-1])
def test_a_downgrade_with_foreign_keys_on_loses_no_row_of_the_tables_it_keeps(
    target: str, tmp_path: Path
) -> None:
    """Going back to an older program's schema (the program's own engine: foreign keys on) drops only
    what the newer revisions added — never rows of a table whose copy cascaded to its children."""
    newest = REVISIONS[-1]
    manifest = json.loads((FIXTURES / f"{newest}.json").read_text(encoding="utf-8"))
    path = tmp_path / "data.db"
    path.write_bytes(gzip.decompress((FIXTURES / f"{newest}.sqlite.gz").read_bytes()))
    engine = make_engine(to_url(path))
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            command.downgrade(alembic_config(conn), target)
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names()) - {"alembic_version"}
            counts = {name: conn.scalar(select(func.count()).select_from(table(name))) for name in names}
    finally:
        engine.dispose()
    assert stamped_revision(path) == target
    assert counts == {name: n for name, n in manifest["counts"].items() if name in names}
