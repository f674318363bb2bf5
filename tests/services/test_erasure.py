"""本人の求めによる消去: after it, a dump of every text column of every table holds the person's name only
in approved minutes' printed fields, and their phone, address and e-mail nowhere (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActivityStaff,
    Attendance,
    AuditEntry,
    CourseAttendee,
    EquipmentLoan,
    Meeting,
    Membership,
    ProjectPartner,
    StaffTraining,
)
from sakae_council.domain.errors import NotFoundError
from sakae_council.services import erasure, lifesupport, people
from tests.erasure_world import (
    ADDRESS,
    EMAIL,
    FURIGANA,
    NAME,
    OLD_PHONE,
    OTHER,
    PHONE,
    build_world,
    dump_database,
    holding,
)

#: Where approved minutes print the name (rows of approved meetings only), and the record kept for them.
PRINTED = {
    ("attendance", "name"),
    ("agenda_item", "presenter"),
    ("agenda_item", "discussion"),
    ("person", "name"),
    ("person", "search_text"),
}


def _approved_rows(db: Database, table: str) -> set[int]:
    with db.reading() as s:
        approved = set(s.scalars(select(Meeting.id).where(Meeting.status == "approved")))
        if table == "person":
            return set()
        from sakae_council.db.base import Base

        t = Base.metadata.tables[table]
        return set(s.scalars(select(t.c.id).where(t.c.meeting_id.in_(approved))))


def test_someone_in_no_approved_minutes_is_gone_from_every_text_column(db: Database) -> None:
    world = build_world(db, in_approved_minutes=False)
    before = dump_database(db)
    # The set-up really spreads the person around (the audit summaries too) — or this test proves nothing.
    assert {
        ("attendance", "name"),
        ("course_attendee", "name"),
        ("audit_entry", "summary"),
        ("consultation", "person_name"),
    } <= holding(before, NAME)
    assert any("講座「スマホ講座」に「下書 消太」さんを追加" in v[-1] for v in before)
    assert holding(before, OLD_PHONE) >= {("audit_entry", "changes")}

    report = erasure.erase_at_request(db, world.person_id)

    after = dump_database(db)
    for needle in (NAME, FURIGANA, PHONE, OLD_PHONE, ADDRESS, EMAIL):
        assert holding(after, needle) == set(), needle
    assert report.deleted_outright and report.kept_in_minutes == ()
    assert "名簿から完全に削除しました" in report.message
    if db.is_sqlite:
        assert "消去前の情報を含むバックアップはありません" in report.message
    else:  # pg_dump copies are the server administrator's
        assert "サーバーの管理者に依頼してください" in report.message
    with pytest.raises(NotFoundError):
        people.get_person(db, world.person_id)
    with db.reading() as s:
        # Draft attendance, course attendees and the loan stay (counts, stock) under the pseudonym.
        assert (
            s.scalar(select(Attendance.name).where(Attendance.meeting_id == world.draft_meeting_id))
            == erasure.PSEUDONYM
        )
        assert set(s.scalars(select(CourseAttendee.name))) == {erasure.PSEUDONYM}
        assert s.scalar(select(func.count()).select_from(EquipmentLoan)) == 1
        assert s.scalar(select(Meeting.chair_id).where(Meeting.id == world.draft_meeting_id)) is None
        for model in (Membership, StaffTraining, ProjectPartner, ActivityStaff):
            assert s.scalar(select(func.count()).select_from(model)) == 0, model
        summaries = list(s.scalars(select(AuditEntry.summary)))
    assert "講座「スマホ講座」に「消去済みの人」さんを追加" in summaries
    assert summaries[-1] == "本人の求めにより個人情報を消去し、名簿から完全に削除"
    # The other person stays whole, but their notes no longer name or call the erased one.
    assert (
        people.get_person(db, world.other_id).notes == "消去済みの人さんの紹介（（消去済み））"
    )  # punctuation as typed


def test_someone_in_approved_minutes_keeps_only_the_printed_name(db: Database) -> None:
    world = build_world(db, in_approved_minutes=True)

    report = erasure.erase_at_request(db, world.person_id)

    after = dump_database(db)
    for needle in (PHONE, OLD_PHONE, ADDRESS, EMAIL, FURIGANA):
        assert holding(after, needle) == set(), needle
    named = [(t, c, rid) for t, c, rid, v in after if NAME in v or NAME.replace(" ", "") in v]
    assert {(t, c) for t, c, _ in named} <= PRINTED
    for table in ("attendance", "agenda_item"):
        rows = {rid for t, _, rid in named if t == table}
        assert rows and rows <= _approved_rows(db, table), table
    assert {rid for t, _, rid in named if t == "person"} == {world.person_id}
    left = people.get_person(db, world.person_id)
    assert (left.name, left.furigana, left.phone, left.address, left.email, left.memberships) == (
        NAME,
        "",
        "",
        "",
        "",
        (),
    )
    assert report.kept_in_minutes == ("令和8年度 第1回 安食小学校区まちづくり協議会",)
    assert (
        "確定済みの議事録1件（令和8年度 第1回 安食小学校区まちづくり協議会）に記載された氏名は、公文書のため残しました"
        in report.message
    )
    with db.reading() as s:
        assert (
            s.scalar(select(Meeting.chair_id).where(Meeting.id == world.approved_meeting_id))
            == world.person_id
        )
        assert s.scalar(select(Meeting.chair_id).where(Meeting.id == world.draft_meeting_id)) is None
        assert erasure.remaining_mentions(s, world.person_id, report.identity) == []


def test_remaining_mentions_finds_what_a_forgotten_place_would_keep(db: Database) -> None:
    world = build_world(db, in_approved_minutes=False)
    with db.reading() as s:
        identity = erasure.identity_of(s, world.person_id)
        assert ("course_attendee", "name") in erasure.remaining_mentions(s, world.person_id, identity)
    assert OLD_PHONE in identity.contacts and NAME in identity.names


def test_search_finds_the_other_person_by_their_rewritten_notes(db: Database) -> None:
    world = build_world(db, in_approved_minutes=False)

    def ids(query: str) -> list[int]:
        return [
            p.id
            for p in people.list_members(
                db, people.RosterFilter(query=query, include_without_membership=True)
            )
        ]

    assert sorted(ids("消太")) == [world.person_id, world.other_id]  # the other one through her notes
    erasure.erase_at_request(db, world.person_id)
    assert ids("消太") == []
    assert ids("消去済み") == [world.other_id] and ids(OTHER) == [world.other_id]


def test_a_namesake_keeps_their_own_records(db: Database) -> None:
    """Another 下書 消太 (same name, another phone) keeps their roster entry, course seat and attendance:
    only rows linked to the erased person, or unlinked copies of the name, take the pseudonym."""
    world = build_world(db, in_approved_minutes=False)
    twin = people.create_person(db, people.PersonInput(name=NAME, furigana=FURIGANA, phone="0476-95-0000"))
    course = lifesupport.create_course(
        db, lifesupport.CourseInput(title="料理講座", held_on=date(2026, 9, 1))
    )
    lifesupport.add_attendee(db, course.id, person_id=twin.id)
    with db.transaction() as s:
        s.add(
            Attendance(
                meeting_id=world.draft_meeting_id, person_id=twin.id, name=NAME, affiliation="竜角寺台"
            )
        )

    report = erasure.erase_at_request(db, world.person_id)

    kept = people.get_person(db, twin.id)
    assert (kept.name, kept.furigana, kept.phone) == (NAME, FURIGANA, "0476-95-0000")
    with db.reading() as s:
        assert s.scalar(select(CourseAttendee.name).where(CourseAttendee.person_id == twin.id)) == NAME
        assert s.execute(
            select(Attendance.name, Attendance.affiliation).where(Attendance.person_id == twin.id)
        ).one() == (
            NAME,
            "竜角寺台",
        )
        assert erasure.remaining_mentions(s, world.person_id, report.identity) == []
    found = people.list_members(db, people.RosterFilter(query="消太", include_without_membership=True))
    assert [p.id for p in found] == [twin.id]


def test_a_full_length_summary_stays_within_its_column(db: Database) -> None:
    """A two-character name in a 400-character audit summary: the longer pseudonym is cut at 400 (on
    PostgreSQL a longer value would make the whole erasure fail)."""
    p = people.create_person(db, people.PersonInput(name="林 一", furigana="ハヤシ ハジメ"))
    with db.transaction() as s:
        s.add(
            AuditEntry(user="t", action="update", entity="course", entity_id=1, summary="林 一" + "あ" * 396)
        )
    erasure.erase_at_request(db, p.id)
    with db.reading() as s:
        summary = s.scalar(select(AuditEntry.summary).where(AuditEntry.entity == "course"))
    assert summary is not None and summary.startswith(erasure.PSEUDONYM) and len(summary) == 400
