"""Shared fixtures. Qt runs offscreen; every test gets its own fresh database file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sakae_council.db.engine import Database, open_database  # noqa: E402


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    """A new, migrated, empty database (SQLite file in tmp_path)."""
    database = open_database(tmp_path / "test.db", user="テスト担当")
    try:
        yield database
    finally:
        database.close()
