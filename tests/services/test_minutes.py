"""議事録: saving, signatories, votes, approval lock, revisions with snapshots, carried action items."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date, time

import pytest

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry, MinutesRevision
from sakae_council.domain.enums import (
    ActionStatus,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
    MemberRole,
    MinutesStatus,
    OfficerPost,
)
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import (
    action_items,
    districts,
    meeting_bodies,
    meetings,
    minutes,
    minutes_approval,
    people,
)
from sakae_council.services.meetings import AttendeeCategory, MeetingDetailDTO, MeetingInput
from sakae_council.services.minutes import (
    ActionItemInput,
    AgendaItemInput,
    AttendanceInput,
    MinutesInput,
    minutes_input_from,
)

MARKUP = "<b>太字</b> & <font> 𠮷野家"


def add_person(db: Database, name: str, furigana: str, district_id: int, **kw) -> int:
    membership = people.MembershipInput(
        district_id=district_id,
        role=kw.pop("role", MemberRole.SUISHIN),
        officer_post=kw.pop("post", OfficerPost.MEMBER),
        term_start=date(2025, 4, 1),
        term_end=date(2027, 3, 31),
    )
    return people.create_person(
        db, people.PersonInput(name=name, furigana=furigana, memberships=(membership,))
    ).id


@dataclass
class Setup:
    body: int
    other_body: int
    chair: int
    vice: int
    member: int
    fourth: int
    staff: int
    outsider: int


@pytest.fixture()
def setup(db: Database) -> Setup:
    ajiki = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
    fukama = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2)).id
    meeting_bodies.ensure_district_bodies(db)
    bodies = {b.district_id: b.id for b in meeting_bodies.list_bodies(db) if b.district_id}
    return Setup(
        body=bodies[ajiki],
        other_body=bodies[fukama],
        chair=add_person(db, "山田太郎", "ヤマダタロウ", ajiki, post=OfficerPost.CHAIR),
        vice=add_person(db, "渡辺花子", "ワタナベハナコ", ajiki, post=OfficerPost.VICE_CHAIR),
        member=add_person(db, "𠮷田一郎", "ヨシダイチロウ", ajiki),
        fourth=add_person(db, "井上四郎", "イノウエシロウ", ajiki),
        staff=add_person(db, "佐藤職員", "サトウショクイン", ajiki, role=MemberRole.STAFF),
        outsider=add_person(db, "布鎌の人", "フカマノヒト", fukama),
    )


def meeting(
    db: Database, setup: Setup, held_on: date = date(2026, 6, 1), body: int | None = None
) -> MeetingDetailDTO:
    return meetings.create_meeting(
        db, MeetingInput(body or setup.body, held_on, start_time=time(14), end_time=time(16), place="公民館")
    )


def complete_input(d: MeetingDetailDTO, setup: Setup, **kw) -> MinutesInput:
    entered = minutes_input_from(d)
    # The attendance as entered from the sign-in sheet (every roster row starts 未確認).
    entered = replace(
        entered, attendance=tuple(replace(a, status=AttendanceStatus.PRESENT) for a in entered.attendance)
    )
    base = replace(
        entered,
        chair_id=setup.chair,
        recorder_id=setup.staff,
        signatory1_id=setup.vice,
        signatory2_id=setup.member,
        agenda_items=(AgendaItemInput(title="令和8年度事業計画について", presenter="山田会長"),),
    )
    return replace(base, **kw)


def set_status(data: MinutesInput, person_id: int, status: AttendanceStatus, proxy: str = "") -> MinutesInput:
    rows = tuple(
        replace(a, status=status, proxy_name=proxy) if a.person_id == person_id else a
        for a in data.attendance
    )
    return replace(data, attendance=rows)


def approved(db: Database, setup: Setup, **kw) -> MeetingDetailDTO:
    m = meeting(db, setup)
    m = minutes.save_minutes(db, m.id, complete_input(m, setup, **kw), m.version)
    return minutes_approval.approve_minutes(db, m.id, date(2026, 6, 10), m.version)


# --- saving -----------------------------------------------------------------------------------------


def test_save_minutes_round_trip_keeps_markup_and_rare_characters(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    data = complete_input(
        m,
        setup,
        start_time=time(13, 30),
        end_time=time(15, 45),
        place=f"会議室 {MARKUP}",
        observers=3,
        handouts=("資料1 <事業計画>", "", "資料2 R&D"),
        agenda_items=(
            AgendaItemInput(
                title="活動報告", kind=AgendaKind.REPORT, presenter="佐藤職員", discussion=f"報告\n{MARKUP}"
            ),
            AgendaItemInput(
                title=f"防災訓練 {MARKUP}",
                result=AgendaResult.MAJORITY,
                votes_for=3,
                votes_against=1,
                votes_abstain=0,
            ),
        ),
        decisions=(f"10月に訓練 {MARKUP}", "  "),
        action_items=(
            ActionItemInput(content=f"チラシ作成 {MARKUP}", assignee="𠮷田", due_on=date(2026, 7, 1)),
        ),
        next_meeting="令和8年7月6日（月）14時 公民館",
    )
    data = replace(
        data,
        attendance=(
            *data.attendance,
            AttendanceInput(name="𠮷岡講師", category=AttendeeCategory.GUEST, affiliation=f"NPO {MARKUP}"),
        ),
    )
    saved = minutes.save_minutes(db, m.id, data, m.version)
    got = meetings.get_meeting(db, m.id)
    assert got == saved
    assert got.version == m.version + 1
    assert (got.start_time, got.end_time, got.place, got.observers) == (
        time(13, 30),
        time(15, 45),
        f"会議室 {MARKUP}",
        3,
    )
    assert (got.chair_name, got.recorder_name, got.signatory1_name, got.signatory2_name) == (
        "山田太郎",
        "佐藤職員",
        "渡辺花子",
        "𠮷田一郎",
    )
    assert [a.name for a in got.members] == ["山田太郎", "渡辺花子", "井上四郎", "𠮷田一郎"]
    assert [a.name for a in got.staff] == ["佐藤職員"]
    assert [(a.name, a.affiliation) for a in got.guests] == [("𠮷岡講師", f"NPO {MARKUP}")]
    assert got.handouts == ("資料1 <事業計画>", "資料2 R&D")
    assert [(a.kind, a.title) for a in got.agenda_items] == [
        (AgendaKind.REPORT, "活動報告"),
        (AgendaKind.DELIBERATION, f"防災訓練 {MARKUP}"),
    ]
    assert got.agenda_items[0].discussion == f"報告\n{MARKUP}"
    assert got.agenda_items[1].result_text == "賛成多数（賛成3・反対1・棄権0）"
    assert got.decisions == (f"10月に訓練 {MARKUP}",)
    assert [(a.content, a.assignee, a.due_on, a.status) for a in got.action_items] == [
        (f"チラシ作成 {MARKUP}", "𠮷田", date(2026, 7, 1), ActionStatus.OPEN)
    ]
    assert got.action_items[0].meeting_label == "令和8年度 第1回"
    assert got.next_meeting == "令和8年7月6日（月）14時 公民館"  # Japanese brackets are stored as typed
    with db.reading() as s:
        actions = [e.action for e in s.query(AuditEntry).filter_by(entity="meeting", entity_id=m.id)]
    assert actions == ["create", "update"]


def test_saving_unchanged_minutes_keeps_the_version_and_action_item_ids(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    m = minutes.save_minutes(
        db, m.id, complete_input(m, setup, action_items=(ActionItemInput(content="名簿の更新"),)), m.version
    )
    again = minutes.save_minutes(db, m.id, minutes_input_from(m), m.version)
    assert again.version == m.version
    assert again.action_items[0].id == m.action_items[0].id
    edited = minutes.save_minutes(
        db,
        m.id,
        replace(
            minutes_input_from(m),
            action_items=(replace(minutes_input_from(m).action_items[0], assignee="事務局"),),
        ),
        m.version,
    )
    assert edited.version == m.version + 1
    assert (edited.action_items[0].id, edited.action_items[0].assignee) == (m.action_items[0].id, "事務局")


def test_end_time_must_be_after_start(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(
            db, m.id, complete_input(m, setup, start_time=time(15), end_time=time(14)), m.version
        )
    assert e.value.field == "end_time"


def test_signatories_must_be_two_different_attendees_present_or_by_proxy(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    cases = [
        (complete_input(m, setup, signatory2_id=setup.vice), "signatory2"),
        (complete_input(m, setup, signatory1_id=setup.outsider), "signatory1"),
        (set_status(complete_input(m, setup), setup.vice, AttendanceStatus.ABSENT), "signatory1"),
        (set_status(complete_input(m, setup), setup.member, AttendanceStatus.ABSENT), "signatory2"),
    ]
    for data, field in cases:
        with pytest.raises(ValidationError) as e:
            minutes.save_minutes(db, m.id, data, m.version)
        assert e.value.field == field
    proxy = set_status(complete_input(m, setup), setup.vice, AttendanceStatus.PROXY, "渡辺次郎")
    saved = minutes.save_minutes(db, m.id, proxy, m.version)
    assert saved.signatory1_name == "渡辺花子"
    row = next(a for a in saved.members if a.person_id == setup.vice)
    assert (row.status, row.proxy_name, row.status_text) == (
        AttendanceStatus.PROXY,
        "渡辺次郎",
        "代理（渡辺次郎）",
    )


def test_proxy_without_a_name_is_refused_and_nothing_is_written(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    data = set_status(complete_input(m, setup, place="変更後"), setup.member, AttendanceStatus.PROXY, "  ")
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, data, m.version)
    index = [a.person_id for a in data.attendance].index(setup.member)
    assert e.value.field == f"attendance[{index}].proxy_name"
    assert "𠮷田一郎" in e.value.message
    after = meetings.get_meeting(db, m.id)
    assert (after.version, after.place, after.chair_id) == (m.version, "公民館", None)


def test_attendance_rows_are_checked(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    base = complete_input(m, setup)
    guest = AttendanceInput(name="来賓", category=AttendeeCategory.GUEST)
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, replace(base, attendance=(*base.attendance, guest)), m.version)
    assert e.value.field == f"attendance[{len(base.attendance)}].affiliation"
    twice = (*base.attendance, base.attendance[0])
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, replace(base, attendance=twice), m.version)
    assert e.value.field == f"attendance[{len(base.attendance)}].person_id"
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(
            db, m.id, replace(base, attendance=(*base.attendance, AttendanceInput(name=" "))), m.version
        )
    assert e.value.field == f"attendance[{len(base.attendance)}].name"
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, replace(base, observers=-1), m.version)
    assert e.value.field == "observers"


@pytest.mark.parametrize(
    ("votes", "field"),
    [
        ((None, None), "agenda_items[0].votes_for"),
        ((5, None), "agenda_items[0].votes_against"),
        ((3, 3), "agenda_items[0].votes_for"),
        ((2, 3), "agenda_items[0].votes_for"),
        ((-1, 0), "agenda_items[0].votes_for"),
    ],
)
def test_majority_needs_counts_with_more_for_than_against(db: Database, setup: Setup, votes, field) -> None:
    m = meeting(db, setup)
    item = AgendaItemInput(
        title="会則改正", result=AgendaResult.MAJORITY, votes_for=votes[0], votes_against=votes[1]
    )
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, complete_input(m, setup, agenda_items=(item,)), m.version)
    assert e.value.field == field


def test_majority_with_more_for_is_saved_and_other_results_need_no_counts(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    items = (
        AgendaItemInput(title="会則改正", result=AgendaResult.MAJORITY, votes_for=4, votes_against=3),
        AgendaItemInput(title="予算", result=AgendaResult.UNANIMOUS),
        AgendaItemInput(title="報告", kind=AgendaKind.REPORT),
    )
    saved = minutes.save_minutes(db, m.id, complete_input(m, setup, agenda_items=items), m.version)
    assert [a.result_text for a in saved.agenda_items] == ["賛成多数（賛成4・反対3）", "全会一致", ""]
    bad = AgendaItemInput(title="予算", result=AgendaResult.UNANIMOUS, votes_for=3, votes_against=1)
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, complete_input(m, setup, agenda_items=(bad,)), saved.version)
    assert e.value.field == "agenda_items[0].votes_against"


def test_agenda_title_and_action_content_are_required(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(
            db, m.id, complete_input(m, setup, agenda_items=(AgendaItemInput(title="  "),)), m.version
        )
    assert e.value.field == "agenda_items[0].title"
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(
            db, m.id, complete_input(m, setup, action_items=(ActionItemInput(content=""),)), m.version
        )
    assert e.value.field == "action_items[0].content"


def test_stale_save_is_a_conflict(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    first = minutes.save_minutes(db, m.id, complete_input(m, setup, place="Aさんの保存"), m.version)
    with pytest.raises(ConflictError):
        minutes.save_minutes(db, m.id, complete_input(m, setup, place="Bさんの保存"), m.version)
    assert meetings.get_meeting(db, m.id).place == "Aさんの保存"
    assert meetings.get_meeting(db, m.id).version == first.version


# --- approval and revisions -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"chair_id": None}, "chair_id"),
        ({"recorder_id": None}, "recorder_id"),
        ({"signatory1_id": None}, "signatory1"),
        ({"signatory2_id": None}, "signatory2"),
        ({"agenda_items": ()}, "agenda_items"),
    ],
)
def test_approval_needs_chair_recorder_signatories_and_an_agenda(
    db: Database, setup: Setup, change, field
) -> None:
    m = meeting(db, setup)
    m = minutes.save_minutes(db, m.id, complete_input(m, setup, **change), m.version)
    with pytest.raises(ValidationError) as e:
        minutes_approval.approve_minutes(db, m.id, date(2026, 6, 10), m.version)
    assert e.value.field == field
    assert meetings.get_meeting(db, m.id).status is MinutesStatus.DRAFT
    assert minutes_approval.list_revisions(db, m.id) == []


def test_approval_stores_revision_one_and_locks_the_minutes(db: Database, setup: Setup) -> None:
    m = approved(db, setup, place=f"公民館 {MARKUP}")
    assert (m.status, m.revision, m.approved_on, m.is_approved) == (
        MinutesStatus.APPROVED,
        1,
        date(2026, 6, 10),
        True,
    )
    revs = minutes_approval.list_revisions(db, m.id)
    assert [(r.number, r.created_by, r.reason) for r in revs] == [(1, "テスト担当", "確定")]
    snap = minutes_approval.get_revision_snapshot(db, m.id, 1)
    assert snap == m
    assert snap.place == f"公民館 {MARKUP}"
    with db.reading() as s:
        raw = s.query(MinutesRevision).filter_by(meeting_id=m.id, number=1).one().snapshot
    assert json.loads(raw)["place"] == f"公民館 {MARKUP}"

    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, m.id, complete_input(m, setup, place="こっそり変更"), m.version)
    assert e.value.field == "status"
    with pytest.raises(ValidationError):
        meetings.update_meeting(db, m.id, MeetingInput(setup.body, date(2026, 6, 2)), m.version)
    with pytest.raises(ValidationError) as e:
        minutes_approval.approve_minutes(db, m.id, date(2026, 6, 11), m.version)
    assert e.value.field == "status"
    assert meetings.get_meeting(db, m.id).place == f"公民館 {MARKUP}"


def test_approval_date_cannot_precede_the_meeting(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    m = minutes.save_minutes(db, m.id, complete_input(m, setup), m.version)
    with pytest.raises(ValidationError) as e:
        minutes_approval.approve_minutes(db, m.id, date(2026, 5, 31), m.version)
    assert e.value.field == "approved_on"


def test_revision_needs_a_reason_and_keeps_the_original_snapshot(db: Database, setup: Setup) -> None:
    m = approved(db, setup, place="公民館")
    with pytest.raises(ValidationError) as e:
        minutes_approval.revise_minutes(db, m.id, complete_input(m, setup, place="誤記訂正"), "  ", m.version)
    assert e.value.field == "reason"

    r2 = minutes_approval.revise_minutes(
        db, m.id, complete_input(m, setup, place="ふれあいプラザ"), "場所の誤記 <訂正>", m.version
    )
    assert (r2.revision, r2.status, r2.place, r2.version) == (
        2,
        MinutesStatus.APPROVED,
        "ふれあいプラザ",
        m.version + 1,
    )
    with pytest.raises(ConflictError):
        minutes_approval.revise_minutes(
            db, m.id, complete_input(m, setup, place="古い版から"), "再修正", m.version
        )
    r3 = minutes_approval.revise_minutes(
        db, m.id, complete_input(m, setup, place="ふれあいプラザ", observers=2), "傍聴者数の追記", r2.version
    )
    assert r3.revision == 3

    assert [(r.number, r.reason) for r in minutes_approval.list_revisions(db, m.id)] == [
        (1, "確定"),
        (2, "場所の誤記 <訂正>"),
        (3, "傍聴者数の追記"),
    ]
    assert minutes_approval.get_revision_snapshot(db, m.id, 1).place == "公民館"
    assert minutes_approval.get_revision_snapshot(db, m.id, 1).revision == 1
    assert minutes_approval.get_revision_snapshot(db, m.id, 2).place == "ふれあいプラザ"
    assert minutes_approval.get_revision_snapshot(db, m.id, 3) == meetings.get_meeting(db, m.id)
    with pytest.raises(NotFoundError):
        minutes_approval.get_revision_snapshot(db, m.id, 4)
    assert [x.revision for x in meetings.list_meetings(db, body_id=setup.body)] == [3]


def test_revision_must_still_be_complete_and_valid(db: Database, setup: Setup) -> None:
    m = approved(db, setup)
    with pytest.raises(ValidationError) as e:
        minutes_approval.revise_minutes(
            db, m.id, complete_input(m, setup, agenda_items=()), "議題削除", m.version
        )
    assert e.value.field == "agenda_items"
    with pytest.raises(ValidationError) as e:
        minutes_approval.revise_minutes(
            db, m.id, complete_input(m, setup, signatory2_id=setup.vice), "署名人", m.version
        )
    assert e.value.field == "signatory2"
    after = meetings.get_meeting(db, m.id)
    assert (after.revision, len(after.agenda_items)) == (1, 1)
    assert len(minutes_approval.list_revisions(db, m.id)) == 1


def test_revision_without_changes_is_refused(db: Database, setup: Setup) -> None:
    m = approved(db, setup)
    with pytest.raises(ValidationError) as e:
        minutes_approval.revise_minutes(db, m.id, minutes_input_from(m), "念のため", m.version)
    assert e.value.field == "minutes"
    assert [r.number for r in minutes_approval.list_revisions(db, m.id)] == [1]


def test_revise_is_only_for_approved_minutes(db: Database, setup: Setup) -> None:
    m = meeting(db, setup)
    with pytest.raises(ValidationError) as e:
        minutes_approval.revise_minutes(db, m.id, complete_input(m, setup), "理由", m.version)
    assert e.value.field == "status"


# --- action items -----------------------------------------------------------------------------------


def test_open_action_items_are_carried_to_later_meetings_until_done(db: Database, setup: Setup) -> None:
    earlier = meeting(db, setup, date(2026, 4, 20))
    first = meeting(db, setup, date(2026, 5, 10))
    first = minutes.save_minutes(
        db,
        first.id,
        replace(
            minutes_input_from(first),
            action_items=(
                ActionItemInput(content="チラシ作成", assignee="𠮷田", due_on=date(2026, 6, 1)),
                ActionItemInput(content="会場予約", assignee="事務局"),
            ),
        ),
        first.version,
    )
    second = meeting(db, setup, date(2026, 6, 10))
    other_body = meeting(db, setup, date(2026, 6, 10), body=setup.other_body)
    assert [a.content for a in second.carried_action_items] == ["チラシ作成", "会場予約"]
    assert second.carried_action_items[0].meeting_label == "令和8年度 第2回"
    assert meetings.get_meeting(db, earlier.id).carried_action_items == ()
    assert other_body.carried_action_items == ()
    assert meetings.get_meeting(db, first.id).carried_action_items == ()

    second = minutes.save_minutes(
        db,
        second.id,
        replace(minutes_input_from(second), action_items=(ActionItemInput(content="報告書"),)),
        second.version,
    )
    done = action_items.complete_action_item(db, first.action_items[0].id, date(2026, 6, 5))
    assert (done.status, done.done_on) == (ActionStatus.DONE, date(2026, 6, 5))

    third = meeting(db, setup, date(2026, 7, 10))
    assert [a.content for a in third.carried_action_items] == ["会場予約", "報告書"]
    assert [a.content for a in meetings.get_meeting(db, second.id).carried_action_items] == ["会場予約"]
    assert meetings.get_meeting(db, first.id).action_items[0].status is ActionStatus.DONE

    # re-saving the first meeting keeps the item's 完了 state
    first = meetings.get_meeting(db, first.id)
    minutes.save_minutes(db, first.id, minutes_input_from(first), first.version)
    assert [a.content for a in meetings.get_meeting(db, third.id).carried_action_items] == [
        "会場予約",
        "報告書",
    ]

    reopened = action_items.reopen_action_item(db, first.action_items[0].id, done.version)
    assert reopened.status is ActionStatus.OPEN and reopened.done_on is None
    assert len(meetings.get_meeting(db, third.id).carried_action_items) == 3


def test_complete_action_item_checks_date_and_version(db: Database, setup: Setup) -> None:
    m = meeting(db, setup, date(2026, 5, 10))
    m = minutes.save_minutes(
        db, m.id, replace(minutes_input_from(m), action_items=(ActionItemInput(content="名簿"),)), m.version
    )
    item = m.action_items[0]
    with pytest.raises(ValidationError) as e:
        action_items.complete_action_item(db, item.id, date(2026, 5, 9))
    assert e.value.field == "done_on"
    with pytest.raises(ConflictError):
        action_items.complete_action_item(db, item.id, date(2026, 5, 20), item.version + 1)
    with pytest.raises(NotFoundError):
        action_items.complete_action_item(db, 9999, date(2026, 5, 20))


def test_an_action_item_of_another_meeting_cannot_be_moved_in(db: Database, setup: Setup) -> None:
    a = meeting(db, setup, date(2026, 5, 10))
    a = minutes.save_minutes(
        db, a.id, replace(minutes_input_from(a), action_items=(ActionItemInput(content="X"),)), a.version
    )
    b = meeting(db, setup, date(2026, 6, 10))
    stolen = ActionItemInput(content="X", id=a.action_items[0].id)
    with pytest.raises(ValidationError) as e:
        minutes.save_minutes(db, b.id, replace(minutes_input_from(b), action_items=(stolen,)), b.version)
    assert e.value.field == "action_items[0].id"


def test_deleting_a_draft_takes_its_action_items(db: Database, setup: Setup) -> None:
    a = meeting(db, setup, date(2026, 5, 10))
    a = minutes.save_minutes(
        db, a.id, replace(minutes_input_from(a), action_items=(ActionItemInput(content="X"),)), a.version
    )
    meetings.delete_meeting(db, a.id, a.version)
    assert meeting(db, setup, date(2026, 6, 10)).carried_action_items == ()
