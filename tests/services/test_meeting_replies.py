"""出欠回答: recorded from the slips, counted into the expected quorum, and the day's attendance started from them."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from notice_town import NoticeTown, notice_town

from sakae_council.db.engine import Database
from sakae_council.domain.enums import AttendanceStatus
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.replies import ExpectedQuorum, Reply
from sakae_council.services import audit_log, meeting_replies, meetings, minutes, minutes_approval
from sakae_council.services.meeting_replies import ReplyInput
from sakae_council.services.meetings import AttendeeCategory

TODAY = date(2026, 11, 28)


def test_invitees_are_the_meetings_roster_without_addresses_unless_asked(db: Database) -> None:
    t = notice_town(db)
    r = meeting_replies.get_replies(db, t.meeting)
    assert [i.name for i in r.invitees][:2] == ["髙橋 一郎", "𠮷田 花子"], (
        "officers first, as the roster rows"
    )
    assert {i.category for i in r.invitees} == {AttendeeCategory.MEMBER, AttendeeCategory.STAFF}
    assert all(i.address == "" and i.postal_code == "" for i in r.invitees), "no address unless asked"
    assert (r.replied, r.unreplied) == (0, 7)
    full = meeting_replies.get_replies(db, t.meeting, with_addresses=True)
    yoshida = next(i for i in full.invitees if i.name == "𠮷田 花子")
    assert (yoshida.postal_code, yoshida.address) == ("270-1513", "千葉県印旛郡栄町酒直123")
    assert [i.name for i in full.invitees if not i.has_address] == ["小川 幸子"]


def test_replies_are_recorded_changed_cleared_and_audited(db: Database) -> None:
    t = notice_town(db)
    p = t.people
    r = meeting_replies.record_replies(
        db,
        t.meeting,
        [
            ReplyInput(p["髙橋 一郎"], Reply.PRESENT),
            ReplyInput(p["𠮷田 花子"], Reply.PROXY, "田村 美紀"),
            ReplyInput(p["相川 次郎"], Reply.ABSENT, "ignored"),
        ],
        received_on=TODAY,
    )
    by_name = {i.name: i for i in r.invitees}
    assert by_name["𠮷田 花子"].reply_text == "委任（代理人: 田村 美紀）"
    assert by_name["相川 次郎"].proxy_name == "", "a proxy only for 委任"
    assert by_name["髙橋 一郎"].received_on == TODAY
    assert (r.replied, r.unreplied) == (3, 4)
    r = meeting_replies.record_replies(db, t.meeting, [ReplyInput(p["髙橋 一郎"], None)])
    assert {i.name: i.reply for i in r.invitees}["髙橋 一郎"] is None and r.replied == 2
    entries = audit_log.entries_for(db, "meeting", t.meeting)
    assert any(
        "出欠回答" in e.summary and "𠮷田 花子: 委任（代理人: 田村 美紀）" in e.summary for e in entries
    )


def test_a_proxy_needs_a_name_and_strangers_are_refused_with_nothing_saved(db: Database) -> None:
    t = notice_town(db)
    p = t.people
    with pytest.raises(ValidationError) as e:
        meeting_replies.record_replies(
            db,
            t.meeting,
            [ReplyInput(p["髙橋 一郎"], Reply.PRESENT), ReplyInput(p["𠮷田 花子"], Reply.PROXY, " ")],
        )
    assert e.value.field == "replies[1].proxy_name" and "代理人の氏名" in e.value.message
    assert meeting_replies.get_replies(db, t.meeting).replied == 0, "all or nothing"
    with pytest.raises(ValidationError) as e:
        meeting_replies.record_replies(db, t.meeting, [ReplyInput(999999, Reply.PRESENT)])
    assert e.value.field == "replies[0]"


def test_replies_are_closed_once_the_minutes_are_approved(db: Database) -> None:
    t = notice_town(db)
    detail = meetings.get_meeting(db, t.meeting)
    data = minutes.minutes_input_from(detail)
    from dataclasses import replace

    present = tuple(replace(a, status=AttendanceStatus.PRESENT) for a in data.attendance)
    p = t.people
    roles = dict(
        chair_id=p["髙橋 一郎"],
        recorder_id=p["加藤 京子"],
        signatory1_id=p["𠮷田 花子"],
        signatory2_id=p["相川 次郎"],
    )
    detail = minutes.save_minutes(db, t.meeting, replace(data, attendance=present, **roles), detail.version)
    minutes_approval.approve_minutes(db, t.meeting, date(2026, 12, 20), detail.version)
    with pytest.raises(ValidationError, match="確定した会議"):
        meeting_replies.record_replies(db, t.meeting, [ReplyInput(t.people["髙橋 一郎"], Reply.PRESENT)])


def _by_hand(replies: list[Reply | None]) -> str:
    """Counting as a secretary does: who said they come (出席 or 委任), who has not answered."""
    total = len(replies)
    coming = sum(1 for r in replies if r in (Reply.PRESENT, Reply.PROXY))
    silent = sum(1 for r in replies if r is None)
    half = total / 2
    if coming > half:
        return "成立見込み"
    if coming + silent <= half:
        return "定足数に達しない見込み"
    return "未回答の方の出欠しだい"


_TOWNS: dict[int, tuple[Database, NoticeTown]] = {}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([None, Reply.PRESENT, Reply.ABSENT, Reply.PROXY]), min_size=6, max_size=6))
def test_expected_quorum_equals_counting_by_hand(db: Database, answers: list[Reply | None]) -> None:
    # One town per database (the fixture's database lives for the whole property, across examples).
    if id(db) not in _TOWNS or _TOWNS[id(db)][0] is not db:
        _TOWNS[id(db)] = (db, notice_town(db))
    t = _TOWNS[id(db)][1]
    members = meeting_replies.get_replies(db, t.meeting).members
    assert len(members) == 6, "the 地区担当職員 does not count"
    r = meeting_replies.record_replies(
        db,
        t.meeting,
        [
            ReplyInput(m.person_id, a, "代理 太郎" if a is Reply.PROXY else "")
            for m, a in zip(members, answers, strict=True)
        ],
    )
    quorum, state = r.expected()
    assert state.label == _by_hand(answers)
    assert quorum.total == 6 and quorum.present == sum(
        1 for a in answers if a in (Reply.PRESENT, Reply.PROXY)
    )


def test_no_members_means_no_quorum_expected() -> None:
    from sakae_council.domain.replies import expected_quorum

    assert expected_quorum([])[1] is ExpectedQuorum.UNLIKELY


def test_attendance_on_the_day_starts_from_the_replies(db: Database) -> None:
    t = notice_town(db)
    p = t.people
    r = meeting_replies.record_replies(
        db,
        t.meeting,
        [
            ReplyInput(p["髙橋 一郎"], Reply.PRESENT),
            ReplyInput(p["𠮷田 花子"], Reply.PROXY, "田村 美紀"),
            ReplyInput(p["相川 次郎"], Reply.ABSENT),
            ReplyInput(p["上野 三郎"], Reply.ABSENT),
        ],
    )
    rows = [
        (p["髙橋 一郎"], AttendanceStatus.UNCONFIRMED, ""),
        (p["𠮷田 花子"], AttendanceStatus.UNCONFIRMED, ""),
        (p["相川 次郎"], AttendanceStatus.UNCONFIRMED, ""),
        (p["上野 三郎"], AttendanceStatus.PRESENT, ""),  # entered already: kept
        (p["木村 四郎"], AttendanceStatus.UNCONFIRMED, ""),  # no reply: kept 未確認
        (None, AttendanceStatus.PRESENT, ""),  # a guest
    ]
    assert meeting_replies.attendance_from_replies(rows, r) == [
        (AttendanceStatus.PRESENT, ""),
        (AttendanceStatus.PROXY, "田村 美紀"),
        (AttendanceStatus.ABSENT, ""),
        (AttendanceStatus.PRESENT, ""),
        (AttendanceStatus.UNCONFIRMED, ""),
        (AttendanceStatus.PRESENT, ""),
    ]


def test_sender_is_the_council_and_its_chair(db: Database) -> None:
    t = notice_town(db)
    s = meeting_replies.notice_sender(db, t.meeting, TODAY)
    assert (s.council_name, s.chair_post, s.chair_name) == (
        "安食小学校区まちづくり協議会",
        "会長",
        "髙橋 一郎",
    )


def test_addressees_sort_by_postal_code_or_kana_and_a_district_is_everyone(db: Database) -> None:
    t = notice_town(db)
    people = meeting_replies.meeting_addressees(db, t.meeting)
    by_code = meeting_replies.sort_addressees(people, "postal")
    assert [a.postal_code for a in by_code] == sorted(a.postal_code for a in people if a.postal_code) + [""]
    by_kana = meeting_replies.sort_addressees(people, "kana")
    assert [a.name for a in by_kana][:3] == ["相川 次郎", "上野 三郎", "小川 幸子"]
    district = meeting_replies.district_addressees(db, t.district, TODAY)
    assert {a.name for a in district} == {a.name for a in people}
    unreplied = meeting_replies.meeting_addressees(db, t.meeting, "unreplied")
    assert len(unreplied) == 7
    meeting_replies.record_replies(db, t.meeting, [ReplyInput(t.people["木村 四郎"], Reply.ABSENT)])
    assert "木村 四郎" not in {a.name for a in meeting_replies.meeting_addressees(db, t.meeting, "unreplied")}


def test_erasing_a_person_removes_their_replies(db: Database) -> None:
    from sakae_council.services import people

    t = notice_town(db)
    p = t.people
    meeting_replies.record_replies(
        db,
        t.meeting,
        [ReplyInput(p["木村 四郎"], Reply.PROXY, "田村 美紀"), ReplyInput(p["相川 次郎"], Reply.PRESENT)],
    )
    people.erase_person(db, p["木村 四郎"])
    r = meeting_replies.get_replies(db, t.meeting)
    assert "木村 四郎" not in {i.name for i in r.invitees} and r.replied == 1
    from sqlalchemy import select

    from sakae_council.db.models import MeetingReply

    with db.reading() as s:  # read back: no row of theirs is left
        assert s.scalars(select(MeetingReply.person_id)).all() == [p["相川 次郎"]]
