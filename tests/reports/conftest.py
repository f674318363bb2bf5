"""Fixtures the paper tests share."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from sakae_council.db.engine import Database, open_database
from sakae_council.services import demo


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """The demo town, loaded once for each test module that asks for it (its own copy per module)."""
    db = open_database(tmp_path_factory.mktemp("town") / "demo.db", user="テスト担当")
    demo.load_demo(db)
    yield db
    db.close()
