"""Meeting bodies, 第N回 numbering per body and 年度, attendance pre-fill and quorum — on a real SQLite file."""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from datetime import date, time

import pytest

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import AuditEntry, Person
from sakae_council.domain.council import QuorumState
from sakae_council.domain.enums import AttendanceStatus, BodyKind, MemberRole, MinutesStatus, OfficerPost
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import districts, meeting_bodies, meetings, minutes, minutes_approval, people
from sakae_council.services.meetings import AttendeeCategory, MeetingInput, quorum

R8_START = date(2026, 4, 1)


def add_person(
    db: Database,
    name: str,
    furigana: str,
    district_id: int,
    role: MemberRole = MemberRole.SUISHIN,
    post: OfficerPost = OfficerPost.MEMBER,
    *,
    term_start: date | None = date(2025, 4, 1),
    term_end: date | None = date(2027, 3, 31),
    ended_on: date | None = None,
) -> int:
    membership = people.MembershipInput(
        district_id=district_id,
        role=role,
        public_post="民生委員・児童委員" if role is MemberRole.PUBLIC_POST else "",
        officer_post=post,
        term_start=term_start,
        term_end=term_end,
        ended_on=ended_on,
    )
    return people.create_person(
        db, people.PersonInput(name=name, furigana=furigana, memberships=(membership,))
    ).id


@dataclass
class Town:
    ajiki: int
    fukama: int
    ajiki_body: int
    fukama_body: int
    liaison_body: int
    chair: int
    vice: int
    member: int
    public_post: int
    staff: int
    fukama_chair: int


@pytest.fixture()
def town(db: Database) -> Town:
    ajiki = districts.create_district(
        db,
        districts.DistrictInput(
            name="安食小学校区", council_name="安食小学校区まちづくり協議会", display_order=1
        ),
    ).id
    fukama = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2)).id
    meeting_bodies.ensure_district_bodies(db)
    bodies = {b.name: b.id for b in meeting_bodies.list_bodies(db)}
    return Town(
        ajiki=ajiki,
        fukama=fukama,
        ajiki_body=bodies["安食小学校区まちづくり協議会"],
        fukama_body=bodies["布鎌小学校区まちづくり協議会"],
        liaison_body=bodies["地域まちづくり連絡会"],
        member=add_person(db, "相川𠮷男", "アイカワヨシオ", ajiki),
        vice=add_person(db, "渡辺花子", "ワタナベハナコ", ajiki, post=OfficerPost.VICE_CHAIR),
        chair=add_person(db, "山田太郎", "ヤマダタロウ", ajiki, post=OfficerPost.CHAIR),
        public_post=add_person(db, "井上一郎", "イノウエイチロウ", ajiki, MemberRole.PUBLIC_POST),
        staff=add_person(db, "佐藤職員", "サトウショクイン", ajiki, MemberRole.STAFF),
        fukama_chair=add_person(db, "布鎌会長", "フカマカイチョウ", fukama, post=OfficerPost.CHAIR),
    )


def new_meeting(db: Database, body_id: int, held_on: date, **kw) -> meetings.MeetingDetailDTO:
    return meetings.create_meeting(db, MeetingInput(body_id=body_id, held_on=held_on, **kw))


# --- bodies -----------------------------------------------------------------------------------------


def test_ensure_district_bodies_creates_one_per_active_district_and_a_liaison_once(
    db: Database, town: Town
) -> None:
    bodies = meeting_bodies.list_bodies(db)
    assert [(b.kind, b.name, b.district_name) for b in bodies] == [
        (BodyKind.DISTRICT_COUNCIL, "安食小学校区まちづくり協議会", "安食小学校区"),
        (BodyKind.DISTRICT_COUNCIL, "布鎌小学校区まちづくり協議会", "布鎌小学校区"),
        (BodyKind.LIAISON, "地域まちづくり連絡会", ""),
    ]
    assert meeting_bodies.ensure_district_bodies(db) == []
    assert len(meeting_bodies.list_bodies(db)) == 3
    assert [b.name for b in meeting_bodies.list_bodies(db, district_id=town.fukama)] == [
        "布鎌小学校区まちづくり協議会"
    ]
    assert [b.name for b in meeting_bodies.list_bodies(db, kind=BodyKind.LIAISON)] == ["地域まちづくり連絡会"]


def test_ensure_district_bodies_adds_a_body_for_a_new_district_only(db: Database, town: Town) -> None:
    districts.create_district(db, districts.DistrictInput(name="酒直小学校区", display_order=3))
    created = meeting_bodies.ensure_district_bodies(db)
    assert [b.name for b in created] == ["酒直小学校区まちづくり協議会"]


def test_merged_district_gets_no_new_body(db: Database, town: Town) -> None:
    source = districts.create_district(db, districts.DistrictInput(name="北辺田小学校区")).id
    districts.merge_districts(db, source, town.ajiki, date(2026, 4, 1))
    assert meeting_bodies.ensure_district_bodies(db) == []


def test_create_body_rules(db: Database, town: Town) -> None:
    sub = meeting_bodies.create_body(db, BodyKind.SUBCOMMITTEE, "防災部会", town.ajiki)
    assert (sub.kind, sub.district_name, sub.version) == (BodyKind.SUBCOMMITTEE, "安食小学校区", 1)
    with pytest.raises(ValidationError) as e:
        meeting_bodies.create_body(db, BodyKind.SUBCOMMITTEE, "防災部会", town.ajiki)
    assert e.value.field == "name"
    with pytest.raises(ValidationError) as e:
        meeting_bodies.create_body(db, BodyKind.DISTRICT_COUNCIL, "もう一つの協議会", None)
    assert e.value.field == "district_id"
    with pytest.raises(ValidationError) as e:
        meeting_bodies.create_body(db, BodyKind.DISTRICT_COUNCIL, "安食第二協議会", town.ajiki)
    assert e.value.field == "district_id"
    with pytest.raises(ValidationError) as e:
        meeting_bodies.create_body(db, BodyKind.LIAISON, "別の連絡会", town.ajiki)
    assert e.value.field == "district_id"


# --- numbering --------------------------------------------------------------------------------------


def test_numbering_is_per_body_and_fiscal_year(db: Database, town: Town) -> None:
    last_of_r7 = new_meeting(db, town.ajiki_body, date(2026, 3, 31))
    first_of_r8 = new_meeting(db, town.ajiki_body, date(2026, 4, 1))
    second_of_r8 = new_meeting(db, town.ajiki_body, date(2026, 5, 20))
    other_body = new_meeting(db, town.fukama_body, date(2026, 5, 20))
    assert (last_of_r7.fiscal_year, last_of_r7.number, last_of_r7.fiscal_year_label) == (2025, 1, "令和7年度")
    assert (first_of_r8.fiscal_year, first_of_r8.number) == (2026, 1)
    assert (second_of_r8.fiscal_year, second_of_r8.number) == (2026, 2)
    assert (other_body.fiscal_year, other_body.number) == (2026, 1)
    assert second_of_r8.title == "令和8年度 第2回 安食小学校区まちづくり協議会"
    assert second_of_r8.status is MinutesStatus.DRAFT
    assert second_of_r8.revision == 0


def test_number_is_max_plus_one_even_after_a_deletion(db: Database, town: Town) -> None:
    first = new_meeting(db, town.ajiki_body, date(2026, 4, 10))
    new_meeting(db, town.ajiki_body, date(2026, 5, 10))
    meetings.delete_meeting(db, first.id, first.version)
    assert new_meeting(db, town.ajiki_body, date(2026, 6, 10)).number == 3


def test_moving_a_meeting_into_another_fiscal_year_numbers_it_at_the_end(db: Database, town: Town) -> None:
    new_meeting(db, town.ajiki_body, date(2026, 3, 10))  # 令和7年度 第1回
    a = new_meeting(db, town.ajiki_body, date(2026, 4, 10))  # 令和8年度 第1回
    b = new_meeting(db, town.ajiki_body, date(2026, 5, 10))  # 令和8年度 第2回

    same_year = meetings.update_meeting(db, b.id, MeetingInput(town.ajiki_body, date(2026, 6, 1)), b.version)
    assert (same_year.fiscal_year, same_year.number) == (2026, 2)

    moved = meetings.update_meeting(db, a.id, MeetingInput(town.ajiki_body, date(2026, 3, 25)), a.version)
    assert (moved.fiscal_year, moved.number, moved.held_on) == (2025, 2, date(2026, 3, 25))
    assert moved.version == a.version + 1

    back = meetings.update_meeting(db, a.id, MeetingInput(town.ajiki_body, date(2026, 4, 2)), moved.version)
    assert (back.fiscal_year, back.number) == (2026, 3)
    listed = {(m.fiscal_year, m.number) for m in meetings.list_meetings(db, body_id=town.ajiki_body)}
    assert listed == {(2025, 1), (2026, 2), (2026, 3)}


def test_update_meeting_rules(db: Database, town: Town) -> None:
    m = new_meeting(db, town.ajiki_body, date(2026, 4, 10))
    with pytest.raises(ValidationError) as e:
        meetings.update_meeting(db, m.id, MeetingInput(town.fukama_body, date(2026, 4, 10)), m.version)
    assert e.value.field == "body_id"
    with pytest.raises(ValidationError) as e:
        meetings.update_meeting(
            db,
            m.id,
            MeetingInput(town.ajiki_body, date(2026, 4, 10), start_time=time(15), end_time=time(14)),
            m.version,
        )
    assert e.value.field == "end_time"
    with pytest.raises(ConflictError):
        meetings.update_meeting(db, m.id, MeetingInput(town.ajiki_body, date(2026, 4, 11)), m.version + 5)
    assert meetings.get_meeting(db, m.id).held_on == date(2026, 4, 10)


def test_create_meeting_validates_times_and_body(db: Database, town: Town) -> None:
    with pytest.raises(ValidationError) as e:
        new_meeting(db, town.ajiki_body, date(2026, 4, 10), start_time=time(14), end_time=time(14))
    assert e.value.field == "end_time"
    with pytest.raises(NotFoundError):
        new_meeting(db, 9999, date(2026, 4, 10))
    assert meetings.list_meetings(db) == []


def test_create_meeting_keeps_text_and_writes_audit(db: Database, town: Town) -> None:
    m = new_meeting(
        db,
        town.ajiki_body,
        date(2026, 11, 28),
        start_time=time(14),
        end_time=time(16, 30),
        place="安食台<&>コミセン 𠮷",
        notes="持ち物 <b>",
    )
    got = meetings.get_meeting(db, m.id)
    assert got.place == "安食台<&>コミセン 𠮷"
    assert got.notes == "持ち物 <b>"
    assert (got.start_time, got.end_time) == (time(14), time(16, 30))
    assert got.held_on_label == "令和8年11月28日（土）"
    with db.reading() as s:
        actions = [e.action for e in s.query(AuditEntry).filter_by(entity="meeting", entity_id=m.id)]
    assert actions == ["create"]


# --- attendance pre-fill ----------------------------------------------------------------------------


def test_attendance_is_prefilled_from_current_members_only(db: Database, town: Town) -> None:
    add_person(db, "退任済", "タイニンズミ", town.ajiki, term_end=date(2026, 3, 31))
    add_person(db, "途中退任", "トチュウタイニン", town.ajiki, ended_on=date(2026, 5, 1))
    add_person(db, "就任前", "シュウニンマエ", town.ajiki, term_start=date(2026, 7, 1))
    gone = add_person(db, "削除済", "サクジョズミ", town.ajiki)
    with db.transaction() as s:
        s.get_one(Person, gone).deleted_at = utcnow()

    m = new_meeting(db, town.ajiki_body, date(2026, 6, 1))
    assert [(a.name, a.affiliation) for a in m.members] == [
        ("山田太郎", "会長"),
        ("渡辺花子", "副会長"),
        ("相川𠮷男", "ふれあい推進員"),
        ("井上一郎", "民生委員・児童委員"),
    ]
    assert [(a.name, a.category) for a in m.staff] == [("佐藤職員", AttendeeCategory.STAFF)]
    assert m.guests == ()
    assert all(a.status is AttendanceStatus.UNCONFIRMED for a in m.attendance)  # entered, never assumed
    assert [a.person_id for a in m.members] == [town.chair, town.vice, town.member, town.public_post]
    # the 布鎌 chair belongs to another district
    assert town.fukama_chair not in {a.person_id for a in m.attendance}


def test_prefill_depends_on_the_meeting_date(db: Database, town: Town) -> None:
    add_person(db, "就任前", "シュウニンマエ", town.ajiki, term_start=date(2026, 7, 1))
    before = new_meeting(db, town.ajiki_body, date(2026, 6, 30))
    after = new_meeting(db, town.ajiki_body, date(2026, 7, 1))
    assert "就任前" not in {a.name for a in before.members}
    assert "就任前" in {a.name for a in after.members}


def test_prefill_can_be_skipped(db: Database, town: Town) -> None:
    m = meetings.create_meeting(db, MeetingInput(town.ajiki_body, date(2026, 6, 1)), prefill_attendance=False)
    assert m.attendance == ()


def test_liaison_attendance_is_every_district_chair_plus_staff(db: Database, town: Town) -> None:
    add_person(
        db,
        "元布鎌会長",
        "モトフカマカイチョウ",
        town.fukama,
        post=OfficerPost.CHAIR,
        term_end=date(2026, 3, 31),
    )
    m = new_meeting(db, town.liaison_body, date(2026, 6, 1))
    assert [(a.name, a.affiliation) for a in m.members] == [
        ("山田太郎", "安食小学校区まちづくり協議会 会長"),
        ("布鎌会長", "布鎌小学校区 会長"),
    ]
    assert [(a.name, a.affiliation) for a in m.staff] == [("佐藤職員", "地区担当職員（安食小学校区）")]
    assert m.district_name == "" and m.body_kind is BodyKind.LIAISON


# --- listing, detail, deletion ----------------------------------------------------------------------


def test_list_meetings_filters(db: Database, town: Town) -> None:
    a1 = new_meeting(db, town.ajiki_body, date(2026, 3, 20))
    a2 = new_meeting(db, town.ajiki_body, date(2026, 4, 20))
    f1 = new_meeting(db, town.fukama_body, date(2026, 5, 20))
    li = new_meeting(db, town.liaison_body, date(2026, 6, 20))
    assert [m.id for m in meetings.list_meetings(db)] == [li.id, f1.id, a2.id, a1.id]
    assert [m.id for m in meetings.list_meetings(db, body_id=town.ajiki_body)] == [a2.id, a1.id]
    assert [m.id for m in meetings.list_meetings(db, fiscal_year=2026)] == [li.id, f1.id, a2.id]
    assert [m.id for m in meetings.list_meetings(db, district_id=town.ajiki)] == [a2.id, a1.id]
    assert [m.id for m in meetings.list_meetings(db, body_id=town.ajiki_body, fiscal_year=2025)] == [a1.id]
    row = meetings.list_meetings(db, body_id=town.fukama_body)[0]
    assert (row.body_name, row.district_name, row.fiscal_year, row.fiscal_year_label, row.number) == (
        "布鎌小学校区まちづくり協議会",
        "布鎌小学校区",
        2026,
        "令和8年度",
        1,
    )
    assert (row.held_on, row.status, row.revision, row.number_label) == (
        date(2026, 5, 20),
        MinutesStatus.DRAFT,
        0,
        "第1回",
    )


def test_get_meeting_unknown_id(db: Database) -> None:
    with pytest.raises(NotFoundError):
        meetings.get_meeting(db, 12345)


def test_delete_meeting_only_for_drafts(db: Database, town: Town) -> None:
    draft = new_meeting(db, town.ajiki_body, date(2026, 4, 10))
    with pytest.raises(ConflictError):
        meetings.delete_meeting(db, draft.id, draft.version + 1)
    meetings.delete_meeting(db, draft.id, draft.version)
    with pytest.raises(NotFoundError):
        meetings.get_meeting(db, draft.id)

    m = new_meeting(db, town.ajiki_body, date(2026, 5, 10))
    data = minutes.minutes_input_from(m)
    data = replace(
        data,
        attendance=tuple(replace(a, status=AttendanceStatus.PRESENT) for a in data.attendance),
        chair_id=town.chair,
        recorder_id=town.staff,
        signatory1_id=town.vice,
        signatory2_id=town.member,
        agenda_items=(minutes.AgendaItemInput(title="事業計画"),),
    )
    m = minutes.save_minutes(db, m.id, data, m.version)
    m = minutes_approval.approve_minutes(db, m.id, date(2026, 5, 20), m.version)
    with pytest.raises(ValidationError) as e:
        meetings.delete_meeting(db, m.id, m.version)
    assert e.value.field == "status"
    assert meetings.get_meeting(db, m.id).status is MinutesStatus.APPROVED


# --- quorum -----------------------------------------------------------------------------------------


def _with_statuses(db: Database, m: meetings.MeetingDetailDTO, statuses: list[AttendanceStatus]):
    rows = list(minutes.minutes_input_from(m).attendance)
    members = [r for r in rows if r.category is AttendeeCategory.MEMBER]
    others = [r for r in rows if r.category is not AttendeeCategory.MEMBER]
    members = [
        replace(r, status=s, proxy_name="代理人" if s is AttendanceStatus.PROXY else "")
        for r, s in zip(members, statuses, strict=True)
    ]
    # staff and guests are present but never count toward the quorum
    guest = minutes.AttendanceInput(
        name="来賓", category=AttendeeCategory.GUEST, affiliation="社会福祉協議会"
    )
    data = replace(minutes.minutes_input_from(m), attendance=(*members, *others, guest))
    return minutes.save_minutes(db, m.id, data, m.version)


P, A, X, U = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.PROXY,
    AttendanceStatus.UNCONFIRMED,
)
MET, NOT_MET, UNDECIDED = QuorumState.MET, QuorumState.NOT_MET, QuorumState.UNDECIDED


def _counted(m: meetings.MeetingDetailDTO) -> tuple[int, int, QuorumState]:
    q = quorum(m)
    return q.present, q.total, q.state


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([P, P, A, A], (2, 4, NOT_MET)),  # exactly half is not 成立
        ([P, P, P, A], (3, 4, MET)),
        ([P, X, A, A], (2, 4, NOT_MET)),
        ([P, X, X, A], (3, 4, MET)),  # 代理 counts as present
        ([A, A, A, A], (0, 4, NOT_MET)),
        ([P, P, P, P], (4, 4, MET)),
        ([P, P, U, U], (2, 4, UNDECIDED)),  # 未確認 members could still make it either way
        ([P, P, P, U], (3, 4, MET)),  # entered 出席 alone is more than half
        ([P, A, A, U], (1, 4, NOT_MET)),  # even if the 未確認 one came, only half
        ([U, U, U, U], (0, 4, UNDECIDED)),
    ],
)
def test_quorum_counts_members_only(db: Database, town: Town, statuses, expected) -> None:
    m = new_meeting(db, town.ajiki_body, date(2026, 6, 1))
    assert _counted(m) == (0, 4, UNDECIDED)  # nothing entered yet: never 成立 by default
    m = _with_statuses(db, m, statuses)
    assert len(m.staff) == 1 and len(m.guests) == 1
    assert _counted(m) == expected


def test_quorum_odd_count_and_empty(db: Database, town: Town) -> None:
    add_person(db, "五人目", "ゴニンメ", town.ajiki)
    m = new_meeting(db, town.ajiki_body, date(2026, 6, 1))
    assert _counted(_with_statuses(db, m, [P, P, P, A, A])) == (3, 5, MET)
    m = meetings.get_meeting(db, m.id)
    assert _counted(_with_statuses(db, m, [P, P, A, A, A])) == (2, 5, NOT_MET)
    empty = meetings.create_meeting(
        db, MeetingInput(town.fukama_body, date(2026, 6, 1)), prefill_attendance=False
    )
    assert _counted(empty) == (0, 0, NOT_MET)


def test_concurrent_creation_numbers_every_meeting_once(db: Database, town: Town) -> None:
    errors: list[Exception] = []

    def create_five() -> None:
        other = open_database(db.url, user="別の端末")
        try:
            for _ in range(5):
                meetings.create_meeting(
                    other, MeetingInput(town.ajiki_body, date(2026, 5, 1)), prefill_attendance=False
                )
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)
        finally:
            other.close()

    threads = [threading.Thread(target=create_five) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(m.number for m in meetings.list_meetings(db, body_id=town.ajiki_body)) == list(range(1, 21))
