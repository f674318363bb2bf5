"""中止 in the middle of long service work (the token of ``sakae_council.cancel``): nothing half-written.

The GUI's worker makes its token the current one while the work runs; here the test does the same with
``cancel.scope`` and presses 中止 from the progress report, part-way through the work.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sakae_council.cancel import Cancelled, CancelToken, scope
from sakae_council.db.engine import Database
from sakae_council.services import audit_log, erasure, import_rows, importing, people
from sakae_council.services.districts import DistrictInput, create_district
from tests.erasure_world import build_world, dump_database


def _token_cancelling_after(steps: int) -> tuple[CancelToken, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    token = CancelToken()

    def report(done: int, total: int) -> None:
        seen.append((done, total))
        if len(seen) >= steps:
            token.cancel()  # the person presses 中止 while the bar moves

    token.report_to(report)
    return token, seen


def test_an_import_stopped_between_chunks_writes_no_one(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    create_district(db, DistrictInput(name="安食小学校区"))
    rows = "".join(
        f"会員 {c}郎,カイイン {k}ロウ\n"
        for c, k in zip("一二三四五六", ["イチ", "ジ", "サブ", "シ", "ゴ", "ロク"], strict=True)
    )
    path = tmp_path / "roster.csv"
    path.write_text("氏名,フリガナ\n" + rows, encoding="utf-8")
    monkeypatch.setattr(import_rows, "WRITE_CHUNK", 2)  # three chunks: stop after two are written
    seen: list[tuple[int, int]] = []
    token = CancelToken()

    def report(done: int, total: int) -> None:  # (the safety backup before an import reports its own steps)
        seen.append((done, total))
        if total == 12 and done > 6:  # the import's second half (writing), second chunk: 中止
            token.cancel()

    token.report_to(report)
    before = audit_log.list_entries(db, audit_log.AuditFilter(), limit=1000, offset=0)
    with scope(token), pytest.raises(Cancelled):
        importing.import_members(db, path, district="安食")
    assert [s for s in seen if s[1] == 12] == [(6, 12), (8, 12)]  # two chunks written, then stopped
    assert people.list_people(db) == []
    assert audit_log.list_entries(db, audit_log.AuditFilter(), limit=1000, offset=0) == before
    # Not cancelled, the same file imports whole.
    report = importing.import_members(db, path, district="安食")
    assert report.committed and report.imported == 6


def test_an_erasure_stopped_between_columns_erases_nothing(db: Database) -> None:
    world = build_world(db, in_approved_minutes=False)
    before = dump_database(db)
    token, seen = _token_cancelling_after(5)
    with scope(token), pytest.raises(Cancelled):
        erasure.erase_at_request(db, world.person_id)
    assert len(seen) == 5
    assert dump_database(db) == before
    assert people.get_person(db, world.person_id).name == before_name(before, world.person_id)


def before_name(dump: list[tuple[str, str, int | None, str]], person_id: int) -> str:
    return next(v for t, c, i, v in dump if (t, c, i) == ("person", "name", person_id))
