"""The command line's quick read of a meeting (plain sqlite3, no SQLAlchemy) is what the ORM reads: the
same DTOs for a draft with carried-over 宿題, for 確定 minutes (the latest revision and an earlier one)."""

from __future__ import annotations

from pathlib import Path

import pytest
from meeting_town import revised_and_draft

from sakae_council.db.engine import open_database
from sakae_council.reports.meeting_docs import collect_minutes
from sakae_council.services import meetings
from sakae_council.services.minutes_read import read_meeting


@pytest.fixture(scope="module")
def town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, int]:
    """A file closed cleanly with a revised 確定 meeting and a later draft; (path, revised id, draft id)."""
    folder = tmp_path_factory.mktemp("minutes-read")
    (folder / "backups").mkdir()  # where the note of the clean close goes (the first backup makes it)
    path = folder / "town.db"
    return path, *revised_and_draft(path)


@pytest.mark.parametrize(("which", "revision"), [("revised", None), ("revised", 1), ("draft", None)])
def test_the_quick_read_is_what_the_orm_reads(
    town: tuple[Path, int, int], which: str, revision: int | None
) -> None:
    path, revised, draft = town
    meeting_id = revised if which == "revised" else draft

    quick = read_meeting(str(path), meeting_id, minutes=True, revision=revision)
    plain = read_meeting(str(path), meeting_id)

    db = open_database(path, read_only=True, user="テスト担当")
    try:
        expected = collect_minutes(db, meeting_id, revision)
        detail = meetings.get_meeting(db, meeting_id)
    finally:
        db.close()
    assert quick is not None and plain is not None, "a file closed cleanly is read the quick way"
    assert quick == expected
    assert plain == (detail, [])
    if which == "draft":
        assert detail.carried_action_items and detail.action_items, "the comparison covers the 宿題 too"
        assert detail.members and detail.guests and detail.handouts and detail.decisions
    else:
        assert [r.number for r in quick[1]] == [1, 2]
        assert quick[0].revision == (revision or 2)


def test_no_quick_read_of_a_file_in_use_a_server_or_what_is_not_there(town: tuple[Path, int, int]) -> None:
    path, revised, _draft = town
    assert read_meeting("postgresql+psycopg://kyogikai@localhost/sakae", revised) is None
    assert read_meeting(str(path), 99_999) is None, "the full open says the meeting is not there"
    assert read_meeting(str(path), revised, minutes=True, revision=7) is None
    db = open_database(path, user="ほかの人")
    try:
        assert read_meeting(str(path), revised) is None, "someone has the file open: the full way"
    finally:
        db.close()
    assert read_meeting(str(path), revised) is not None, "closed cleanly again"
