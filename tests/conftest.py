"""Shared fixtures. Qt runs offscreen; every test gets its own fresh database.

Service tests run twice — on SQLite and on PostgreSQL — when ``SAKAE_TEST_PG_URL`` names a server
(``scripts/bootstrap.py test`` starts one on loopback). Each PostgreSQL test gets its own schema.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import create_engine, text  # noqa: E402

from sakae_council.db.engine import Database, open_database  # noqa: E402

PG_URL = os.environ.get("SAKAE_TEST_PG_URL", "")


@pytest.fixture(autouse=True, scope="session")
def _caches_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Rebuildable caches (parsed fonts) go under pytest's temporary folder, never the user's cache."""
    before = os.environ.get("SAKAE_CACHE_DIR")
    os.environ["SAKAE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("SAKAE_CACHE_DIR", None)
    else:
        os.environ["SAKAE_CACHE_DIR"] = before


BOTH_BACKENDS_DIRS = ("services",)


@pytest.fixture(autouse=True, scope="session")
def _log_files_under_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The command line writes a log file (platformdirs' user log folder): keep the tests' ones in tmp."""
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("state"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "db" not in metafunc.fixturenames:
        return
    parts = Path(str(metafunc.definition.path)).parts
    backends: list[object] = ["sqlite"]
    if any(d in parts for d in BOTH_BACKENDS_DIRS):
        # Without a server the PostgreSQL variants are still collected, and reported as skipped with the
        # reason, so a run that silently lost them cannot pass for a full one.
        backends.append(
            "postgresql"
            if PG_URL
            else pytest.param(
                "postgresql",
                marks=pytest.mark.skip(reason="PostgreSQL がありません（SAKAE_TEST_PG_URL が未設定）"),
            )
        )
    metafunc.parametrize("db", backends, indirect=True)


@pytest.fixture()
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    """A new, migrated, empty database: a SQLite file in tmp_path, or a fresh PostgreSQL schema."""
    backend = getattr(request, "param", "sqlite")
    if backend == "sqlite":
        database = open_database(tmp_path / "test.db", user="テスト担当")
        try:
            yield database
        finally:
            database.close()
        return
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    sep = "&" if "?" in PG_URL else "?"
    database = open_database(f"{PG_URL}{sep}options=-csearch_path%3D{schema}", user="テスト担当")
    try:
        yield database
    finally:
        database.close()
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """A GUI test leaves no operation on the database worker (``gui/ops.py``) when its database closes.

    (Runs before the fixtures are torn down; tests themselves wait with ``tests/gui/waiting.py``.)"""
    import sys

    if "sakae_council.gui.ops" in sys.modules:
        from contextlib import suppress

        from gui.waiting import wait_idle

        with suppress(AssertionError):  # the test itself failed on it, or will: its own report says why
            wait_idle()
    yield
