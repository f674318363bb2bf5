"""中止 while the demo town is built: the one transaction rolls back and the file stays empty."""

from __future__ import annotations

from pathlib import Path

import pytest

from sakae_council import cancel
from sakae_council.db.engine import open_database
from sakae_council.services import demo, people


def test_a_demo_load_stopped_midway_leaves_the_file_empty(tmp_path: Path) -> None:
    db = open_database(tmp_path / "d.db", user="テスト担当")
    token = cancel.CancelToken()
    seen: list[int] = []

    def report(done: int, total: int) -> None:
        seen.append(done)
        if done == 3:  # after 団体, 名簿 and 会則 went in
            token.cancel()

    token.report_to(report)
    try:
        with cancel.scope(token), pytest.raises(cancel.Cancelled):
            demo.load_demo(db)
        assert seen == [0, 1, 2, 3]
        assert demo.is_empty(db) and people.list_members(db) == []
    finally:
        db.close()
