"""Schema revisions read without Alembic agree with Alembic; opening a current file leaves Alembic unloaded."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, text

from sakae_council.db import revisions
from sakae_council.db.engine import (
    Database,
    alembic_config,
    current_revision,
    head_revision,
    known_revisions,
    open_database,
)

ROOT = Path(__file__).resolve().parents[2]


def test_head_and_known_revisions_are_alembics_own() -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {rev.revision for rev in scripts.walk_revisions()}


def test_the_stamp_is_read_as_alembic_reads_it(db: Database, tmp_path: Path) -> None:
    with db.engine.connect() as conn:
        assert revisions.stamped_revision(conn) == MigrationContext.configure(conn).get_current_revision()
    assert current_revision(db.engine) == head_revision()
    empty = create_engine(f"sqlite:///{tmp_path / 'empty.db'}")
    try:
        assert current_revision(empty) is None
        with empty.begin() as conn:
            conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        assert current_revision(empty) is None, "a version table without a row: nothing stamped"
        with empty.begin() as conn:
            conn.execute(text("INSERT INTO alembic_version VALUES ('0001'), ('0002')"))
        with pytest.raises(ValueError, match="several revisions"):
            current_revision(empty)
    finally:
        empty.dispose()


def _migration(folder: Path, name: str, body: str) -> None:
    (folder / name).write_text(textwrap.dedent(body), encoding="utf-8")


def test_the_graph_is_read_from_the_files_and_anything_unusual_is_left_to_alembic(tmp_path: Path) -> None:
    _migration(tmp_path, "0001_a.py", 'revision = "0001"\ndown_revision = None\n')
    _migration(tmp_path, "0002_b.py", 'revision: str = "0002"\ndown_revision: str | None = "0001"\n')
    _migration(tmp_path, "0003_c.py", "revision = '0003'\ndown_revision = ('0001', '0002')\n")
    assert revisions._parse(tmp_path) == {"0001": (), "0002": ("0001",), "0003": ("0001", "0002")}

    _migration(tmp_path, "0004_d.py", 'revision = compute()\ndown_revision = "0003"\n')
    with pytest.raises(revisions.Unreadable):
        revisions._parse(tmp_path)
    (tmp_path / "0004_d.py").write_text('revision = "0004"\ndown_revision = "0009"\n', encoding="utf-8")
    with pytest.raises(revisions.Unreadable, match="not shipped"):
        revisions._parse(tmp_path)
    with pytest.raises(revisions.Unreadable):
        revisions._parse(tmp_path / "nothing here")


def test_an_unreadable_versions_folder_is_left_to_alembic(tmp_path: Path) -> None:
    (tmp_path / "0001_initial_schema.pyc").write_bytes(b"compiled only")
    scripts = ScriptDirectory.from_config(alembic_config())
    assert revisions.head_revision(tmp_path) == scripts.get_current_head()
    assert revisions.known_revisions(tmp_path) == {rev.revision for rev in scripts.walk_revisions()}


def test_opening_a_current_file_does_not_import_alembic(tmp_path: Path) -> None:
    path = tmp_path / "current.db"
    open_database(path, user="テスト担当").close()
    code = textwrap.dedent(
        f"""
        import sys
        from sakae_council.db.engine import open_database
        db = open_database({str(path)!r}, user="テスト担当")
        assert db.upgraded_from is None
        db.close()
        print(sorted(m for m in sys.modules if m.split(".")[0] in ("alembic", "mako", "pygments")))
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "SAKAE_COUNCIL_DB"}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "[]"
