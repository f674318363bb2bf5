"""Fixtures for the shared-server tests: one data store (a SQLite file or a fresh PostgreSQL schema)
that several "program instances" open at once, each as a different user.

PostgreSQL comes from ``SAKAE_TEST_PG_URL`` (``scripts/bootstrap.py test`` starts a loopback server and
sets it; by hand: ``python scripts/pg_server.py``). Without it the PostgreSQL cases are skipped and say why.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.roles import AccessPolicy

PG_URL = os.environ.get("SAKAE_TEST_PG_URL", "")
NO_PG_REASON = (
    "SAKAE_TEST_PG_URL is not set: these tests need a real PostgreSQL server "
    "(scripts/bootstrap.py test starts one; by hand: python scripts/pg_server.py)"
)
needs_pg = pytest.mark.skipif(not PG_URL, reason=NO_PG_REASON)


def schema_url(schema: str) -> str:
    sep = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{sep}options=-csearch_path%3D{schema}"


class PgSchemas:
    """Creates throwaway schemas on the test server and drops them at the end."""

    def __init__(self) -> None:
        self.admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        self.names: list[str] = []

    def new(self) -> str:
        """A fresh empty schema; returns a URL whose connections use it."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{name}"'))
        self.names.append(name)
        return schema_url(name)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.names:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        self.admin.dispose()


@pytest.fixture()
def pg_schemas() -> Iterator[PgSchemas]:
    if not PG_URL:
        pytest.skip(NO_PG_REASON)
    schemas = PgSchemas()
    try:
        yield schemas
    finally:
        schemas.drop_all()


@dataclass
class Store:
    """One database several program instances open at once (a file is opened without its lock here,
    since the single-user lock is what a second instance would otherwise meet)."""

    backend: str
    target: str
    opened: list[Database] = field(default_factory=list)

    def open(self, user: str = "テスト担当", permissions: AccessPolicy | None = None, **kw: Any) -> Database:
        if self.backend == "sqlite" and self.opened:
            kw.setdefault("lock", False)
        db = open_database(self.target, user=user, permissions=permissions, **kw)
        self.opened.append(db)
        return db

    def close(self) -> None:
        for db in reversed(self.opened):
            db.close()


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """The same tests on a SQLite file and on a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        s = Store("sqlite", str(tmp_path / "shared.db"))
        try:
            yield s
        finally:
            s.close()
        return
    with _fresh_pg_store() as s:
        yield s


@pytest.fixture()
def pg_store() -> Iterator[Store]:
    """A fresh PostgreSQL schema only (for what exists only on a server: logins, row locks, NOTIFY)."""
    with _fresh_pg_store() as s:
        yield s


@contextmanager
def _fresh_pg_store() -> Iterator[Store]:
    """A Store on a new PostgreSQL schema, dropped afterwards; the test is skipped without a server."""
    if not PG_URL:
        pytest.skip(NO_PG_REASON)
    schemas = PgSchemas()
    s = Store("postgresql", schemas.new())
    try:
        yield s
    finally:
        s.close()
        schemas.drop_all()
