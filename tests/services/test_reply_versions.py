"""出欠回答 are versioned (0012): a save names the version of each reply it changes, and one made on an
older copy is refused with nothing written — never a silent overwrite of another person's entry."""

from __future__ import annotations

import pytest
from notice_town import notice_town
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import MeetingReply
from sakae_council.domain.errors import StaleVersionError
from sakae_council.domain.replies import Reply
from sakae_council.services import meeting_replies
from sakae_council.services.meeting_replies import ReplyInput


def versions_of(db: Database, meeting_id: int, *person_ids: int) -> dict[int, int]:
    """What a window that opened now would name as the copies it changes."""
    current = {i.person_id: i.version for i in meeting_replies.get_replies(db, meeting_id).invitees}
    return {p: current[p] for p in person_ids}


def test_a_save_on_an_older_copy_of_a_reply_is_refused_and_writes_nothing(db: Database) -> None:
    t = notice_town(db)
    takahashi, yoshida = t.people["髙橋 一郎"], t.people["𠮷田 花子"]
    seen = versions_of(db, t.meeting, takahashi, yoshida)
    assert seen == {takahashi: 0, yoshida: 0}, "nobody answered yet"
    first = meeting_replies.record_replies(
        db, t.meeting, [ReplyInput(takahashi, Reply.PRESENT)], versions={takahashi: 0}
    )
    assert {i.person_id: i.version for i in first.invitees}[takahashi] == 1

    with pytest.raises(StaleVersionError) as refused:  # the second person still saw 髙橋 unanswered
        meeting_replies.record_replies(
            db,
            t.meeting,
            [ReplyInput(takahashi, Reply.ABSENT), ReplyInput(yoshida, Reply.PROXY, "田村 美紀")],
            versions=seen,
        )
    assert "髙橋 一郎さんの出欠回答は、あなたが開いた後に別の場所で保存されています" in refused.value.message
    saved = {i.name: i for i in meeting_replies.get_replies(db, t.meeting).invitees}  # read back
    assert saved["髙橋 一郎"].reply is Reply.PRESENT and saved["𠮷田 花子"].reply is None, "all or nothing"

    # On top of the version just read (上書き), the save goes through and counts on.
    again = meeting_replies.record_replies(
        db, t.meeting, [ReplyInput(takahashi, Reply.ABSENT)], versions=versions_of(db, t.meeting, takahashi)
    )
    assert {i.person_id: (i.reply, i.version) for i in again.invitees}[takahashi] == (Reply.ABSENT, 2)


def test_replies_of_different_people_saved_from_two_copies_both_stay(db: Database) -> None:
    t = notice_town(db)
    takahashi, ueno = t.people["髙橋 一郎"], t.people["上野 三郎"]
    both = versions_of(db, t.meeting, takahashi, ueno)
    meeting_replies.record_replies(
        db, t.meeting, [ReplyInput(takahashi, Reply.PRESENT)], versions={takahashi: both[takahashi]}
    )
    meeting_replies.record_replies(
        db, t.meeting, [ReplyInput(ueno, Reply.ABSENT)], versions={ueno: both[ueno]}
    )
    saved = {i.name: i.reply for i in meeting_replies.get_replies(db, t.meeting).invitees}
    assert saved["髙橋 一郎"] is Reply.PRESENT and saved["上野 三郎"] is Reply.ABSENT


def test_a_reply_taken_back_keeps_counting_so_an_old_copy_cannot_slip_through(db: Database) -> None:
    t = notice_town(db)
    kimura = t.people["木村 四郎"]
    meeting_replies.record_replies(db, t.meeting, [ReplyInput(kimura, Reply.PRESENT)], versions={kimura: 0})
    old = versions_of(db, t.meeting, kimura)  # 出席, version 1
    meeting_replies.record_replies(db, t.meeting, [ReplyInput(kimura, None)], versions=old)  # 未回答 again
    back = meeting_replies.get_replies(db, t.meeting)
    assert {i.person_id: i.reply for i in back.invitees}[kimura] is None and back.replied == 0
    meeting_replies.record_replies(
        db, t.meeting, [ReplyInput(kimura, Reply.ABSENT)], versions=versions_of(db, t.meeting, kimura)
    )
    with pytest.raises(StaleVersionError):  # 出席 → 未回答 → 欠席 since: the old copy is refused
        meeting_replies.record_replies(
            db, t.meeting, [ReplyInput(kimura, Reply.PROXY, "田村 美紀")], versions=old
        )
    with db.reading() as s:  # read back: one row, its version counted through the taking back
        rows = s.execute(select(MeetingReply.reply, MeetingReply.version)).all()
    assert [tuple(r) for r in rows] == [("absent", 3)]
