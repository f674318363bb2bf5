"""名簿 service: validation, search, filters, soft delete / restore / erase, duplicates, version conflicts."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import Attendance, AuditEntry, Meeting, MeetingBody
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.domain.terms import TermStatus
from sakae_council.services import districts, organisations, people, people_duplicates
from sakae_council.services.people import MembershipInput, PersonInput, RosterFilter

TODAY = date(2026, 11, 28)


@pytest.fixture()
def district_ids(db: Database) -> tuple[int, int]:
    a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1))
    b = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2))
    return a.id, b.id


def member(district_id: int, **kw: object) -> MembershipInput:
    values: dict = {
        "district_id": district_id,
        "role": MemberRole.SUISHIN,
        "term_start": date(2025, 4, 1),
        "term_end": date(2027, 3, 31),
    }
    values.update(kw)
    return MembershipInput(**values)


def add(db: Database, name: str, furigana: str, *ms: MembershipInput, **kw: object) -> people.PersonDTO:
    return people.create_person(db, PersonInput(name=name, furigana=furigana, memberships=tuple(ms), **kw))  # type: ignore[arg-type]


def names(items: list[people.PersonDTO]) -> list[str]:
    return [p.name for p in items]


def test_create_normalises_contact_details_and_furigana(db: Database, district_ids: tuple[int, int]) -> None:
    p = add(
        db,
        "栄　太郎",
        "さかえ　たろう",
        member(district_ids[0]),
        phone="０４７６－９５－１２３４",
        postal_code="〒２７０１５１６",
        email="Taro@Example.JP",
    )
    assert p.name == "栄 太郎"
    assert p.furigana == "サカエ タロウ"
    assert p.phone == "0476-95-1234"
    assert p.postal_code == "270-1516"
    assert p.email == "Taro@example.jp"
    assert [m.district_name for m in p.memberships] == ["安食小学校区"]


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("name", {"name": "  "}),
        ("furigana", {"furigana": "Sakae"}),
        ("phone", {"phone": "12-34"}),
        ("postal_code", {"postal_code": "27-1516"}),
        ("email", {"email": "taro.example.jp"}),
    ],
)
def test_invalid_input_names_the_field_and_saves_nothing(db: Database, field: str, kwargs: dict) -> None:
    values = {"name": "栄 花子", "furigana": "サカエ ハナコ", **kwargs}
    with pytest.raises(ValidationError) as err:
        people.create_person(db, PersonInput(**values))
    assert err.value.field == field
    assert err.value.message
    assert people.count_members(db, RosterFilter(include_without_membership=True)) == 0


def test_public_post_needs_its_name(db: Database, district_ids: tuple[int, int]) -> None:
    with pytest.raises(ValidationError) as err:
        add(db, "安食 一郎", "アジキ イチロウ", member(district_ids[0], role=MemberRole.PUBLIC_POST))
    assert err.value.field == "public_post"
    p = add(
        db,
        "安食 一郎",
        "アジキ イチロウ",
        member(district_ids[0], role=MemberRole.PUBLIC_POST, public_post="民生委員・児童委員"),
    )
    assert p.memberships[0].role_text == "町からの公職（民生委員・児童委員）"


def test_term_end_before_start_is_refused(db: Database, district_ids: tuple[int, int]) -> None:
    with pytest.raises(ValidationError) as err:
        add(
            db,
            "安食 一郎",
            "アジキ イチロウ",
            member(district_ids[0], term_start=date(2026, 4, 1), term_end=date(2025, 3, 31)),
        )
    assert err.value.field == "term_end"


def test_roster_is_in_gojuon_order_and_search_folds_kana_and_width(
    db: Database, district_ids: tuple[int, int]
) -> None:
    d = district_ids[0]
    add(db, "渡辺 花子", "ワタナベ ハナコ", member(d))
    add(db, "相川 健", "アイカワ ケン", member(d), notes="ＰＴＡ会長")
    add(db, "𠮷田 次郎", "ヨシダ ジロウ", member(d))
    assert names(people.list_members(db, RosterFilter(today=TODAY))) == ["相川 健", "𠮷田 次郎", "渡辺 花子"]
    for query in ("わたなべ", "ﾜﾀﾅﾍﾞ", "ワタナベ　ハナコ", "渡辺"):
        assert names(people.list_members(db, RosterFilter(query=query, today=TODAY))) == ["渡辺 花子"], query
    assert names(people.list_members(db, RosterFilter(query="pta", today=TODAY))) == ["相川 健"]
    assert names(people.list_members(db, RosterFilter(query="𠮷田", today=TODAY))) == ["𠮷田 次郎"]
    assert people.list_members(db, RosterFilter(query="100%", today=TODAY)) == []


def test_search_matches_organisation_and_follows_a_rename(
    db: Database, district_ids: tuple[int, int]
) -> None:
    org = organisations.create_organisation(
        db, organisations.OrganisationInput(name="安食台自治会", furigana="アジキダイジチカイ")
    )
    add(db, "北 三郎", "キタ サブロウ", member(district_ids[0]), organisation_id=org.id)
    assert names(people.list_members(db, RosterFilter(query="安食台自治会"))) == ["北 三郎"]
    organisations.update_organisation(
        db,
        org.id,
        organisations.OrganisationInput(name="竜角寺台自治会", furigana="リュウカクジダイジチカイ"),
        org.version,
    )
    assert names(people.list_members(db, RosterFilter(query="竜角寺台"))) == ["北 三郎"]
    assert people.list_members(db, RosterFilter(query="安食台自治会")) == []


def test_filters_by_district_role_post_and_term_status(db: Database, district_ids: tuple[int, int]) -> None:
    a, b = district_ids
    add(db, "現任 一", "ゲンニン ハジメ", member(a, officer_post=OfficerPost.CHAIR))
    add(db, "満了 二", "マンリョウ ジ", member(a, term_end=date(2027, 1, 31)))
    add(db, "退任 三", "タイニン サン", member(a, term_start=date(2022, 4, 1), term_end=date(2024, 3, 31)))
    add(db, "布鎌 四", "フカマ シ", member(b, role=MemberRole.STAFF))
    add(db, "連絡先 五", "レンラクサキ ゴ")

    def q(**kw: object) -> list[str]:
        return names(people.list_members(db, RosterFilter(today=TODAY, **kw)))  # type: ignore[arg-type]

    assert q(district_id=b) == ["布鎌 四"]
    assert q(role=MemberRole.STAFF) == ["布鎌 四"]
    assert q(officer_post=OfficerPost.CHAIR) == ["現任 一"]
    assert q(term_status=TermStatus.CURRENT, district_id=a) == ["現任 一"]
    assert q(term_status=TermStatus.EXPIRING) == ["満了 二"]
    assert q(term_status=TermStatus.ENDED) == ["退任 三"]
    assert "連絡先 五" not in q()
    assert "連絡先 五" in q(include_without_membership=True)
    assert people.count_members(db, RosterFilter(district_id=a, today=TODAY)) == 3


def test_paging_and_sorting(db: Database, district_ids: tuple[int, int]) -> None:
    for i, kana in enumerate(["ア", "イ", "ウ", "エ", "オ"]):
        add(db, f"人{i}", kana, member(district_ids[i % 2]))
    flt = RosterFilter(today=TODAY)
    assert [p.furigana for p in people.list_members(db, flt, limit=2)] == ["ア", "イ"]
    assert [p.furigana for p in people.list_members(db, flt, limit=2, offset=4)] == ["オ"]
    desc = RosterFilter(today=TODAY, descending=True)
    assert [p.furigana for p in people.list_members(db, desc)] == ["オ", "エ", "ウ", "イ", "ア"]
    by_district = RosterFilter(today=TODAY, sort="district")
    assert [p.furigana for p in people.list_members(db, by_district)] == ["ア", "ウ", "オ", "イ", "エ"]


def test_soft_delete_hides_and_restore_brings_back(db: Database, district_ids: tuple[int, int]) -> None:
    p = add(db, "栄 太郎", "サカエ タロウ", member(district_ids[0]))
    deleted = people.delete_person(db, p.id, p.version)
    assert deleted.deleted_at is not None
    assert people.list_members(db) == []
    assert people.list_people(db) == []
    assert names(people.list_members(db, RosterFilter(deleted=True))) == ["栄 太郎"]
    restored = people.restore_person(db, p.id)
    assert restored.deleted_at is None
    assert names(people.list_members(db)) == ["栄 太郎"]
    with db.reading() as s:
        actions = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "person").order_by(AuditEntry.id))
        )
    assert actions == ["create", "delete", "restore"]


def test_stale_version_is_a_conflict(db: Database, district_ids: tuple[int, int]) -> None:
    p = add(db, "栄 太郎", "サカエ タロウ", member(district_ids[0]))
    people.update_person(
        db,
        p.id,
        PersonInput(
            name="栄 太郎",
            furigana="サカエ タロウ",
            phone="0476-95-1111",
            memberships=tuple(member(district_ids[0], id=m.id) for m in p.memberships),
        ),
        p.version,
    )
    with pytest.raises(ConflictError):
        people.update_person(db, p.id, PersonInput(name="栄 次郎", furigana="サカエ ジロウ"), p.version)
    with pytest.raises(ConflictError):
        people.delete_person(db, p.id, p.version)
    assert people.get_person(db, p.id).name == "栄 太郎"


def test_update_keeps_past_terms_as_history(db: Database, district_ids: tuple[int, int]) -> None:
    a, _b = district_ids
    p = add(
        db, "栄 太郎", "サカエ タロウ", member(a, term_start=date(2023, 4, 1), term_end=date(2025, 3, 31))
    )
    old = p.memberships[0]
    updated = people.update_person(
        db,
        p.id,
        PersonInput(
            name=p.name,
            furigana=p.furigana,
            memberships=(member(a, id=old.id, term_start=old.term_start, term_end=old.term_end), member(a)),
        ),
        p.version,
    )
    assert [(m.term_start, m.status(TODAY)) for m in updated.memberships] == [
        (date(2023, 4, 1), TermStatus.ENDED),
        (date(2025, 4, 1), TermStatus.CURRENT),
    ]


def test_a_person_saved_as_read_changes_nothing(db: Database, district_ids: tuple[int, int]) -> None:
    """``PersonDTO.as_input()`` (where the person editor and the tests start) carries every field and every
    membership, ids included: saving it back changes nothing and writes no audit entry."""
    a, b = district_ids
    p = add(
        db,
        "栄 太郎",
        "サカエ タロウ",
        member(a, term_start=date(2023, 4, 1), term_end=date(2025, 3, 31), commissioned_on=date(2023, 3, 1)),
        member(b, role=MemberRole.PUBLIC_POST, public_post="自治会長", officer_post=OfficerPost.CHAIR),
        phone="0476-95-1234",
        address="栄町安食1-1",
        notes="備考",
    )
    with db.reading() as s:
        audits = len(s.scalars(select(AuditEntry)).all())
    again = people.update_person(db, p.id, p.as_input(), p.version)
    assert again == p
    with db.reading() as s:
        assert len(s.scalars(select(AuditEntry)).all()) == audits


def test_one_stored_membership_given_twice_is_refused(db: Database, district_ids: tuple[int, int]) -> None:
    """Found by the property test: two rows naming one stored membership used to collapse into one."""
    a, _b = district_ids
    p = add(db, "栄 太郎", "サカエ タロウ", member(a, term_start=date(2023, 4, 1)))
    twice = member(a, id=p.memberships[0].id, term_start=date(2023, 4, 1))
    with pytest.raises(ValidationError) as err:
        people.update_person(db, p.id, PersonInput(name=p.name, memberships=(twice, twice)), p.version)
    assert err.value.field == "memberships" and "二つ" in err.value.message
    assert people.get_person(db, p.id) == p


def test_duplicates_ignore_spaces_and_kana_kind(db: Database, district_ids: tuple[int, int]) -> None:
    p = add(db, "栄 太郎", "サカエ タロウ", member(district_ids[0]))
    assert [d.id for d in people_duplicates.find_duplicates(db, "栄太郎", "さかえたろう")] == [p.id]
    assert people_duplicates.find_duplicates(db, "栄太郎", "さかえたろう", exclude_id=p.id) == []
    assert people_duplicates.find_duplicates(db, "栄 太郎", "サカエ ジロウ") == []
    assert people_duplicates.find_duplicates(db, "栄 太郎", "Sakae") == []


def _meeting(db: Database, status: str, district_id: int, **people_ids: int) -> int:
    with db.transaction() as s:
        body = s.scalar(select(MeetingBody).where(MeetingBody.name == "安食小学校区まちづくり協議会"))
        if body is None:
            body = MeetingBody(
                kind="district_council", name="安食小学校区まちづくり協議会", district_id=district_id
            )
            s.add(body)
            s.flush()
        number = len(list(s.scalars(select(Meeting.id)))) + 1
        m = Meeting(
            body_id=body.id,
            fiscal_year=2026,
            number=number,
            held_on=date(2026, 6, 1),
            status=status,
            **people_ids,
        )
        s.add(m)
        s.flush()
        return m.id


def test_person_in_approved_minutes_cannot_be_erased(db: Database, district_ids: tuple[int, int]) -> None:
    a = district_ids[0]
    chair = add(db, "栄 太郎", "サカエ タロウ", member(a))
    guest = add(db, "布鎌 花子", "フカマ ハナコ", member(a))
    draft_only = add(db, "安食 次郎", "アジキ ジロウ", member(a))
    _meeting(db, "approved", a, chair_id=chair.id)
    mid = _meeting(db, "approved", a)
    with db.transaction() as s:
        s.add(Attendance(meeting_id=mid, person_id=guest.id, name=guest.name))
    _meeting(db, "draft", a, signatory1_id=draft_only.id)

    for p in (chair, guest):
        with pytest.raises(ConflictError) as err:
            people.erase_person(db, p.id)
        assert "令和8年度 第" in err.value.message and "完全には削除できません" in err.value.message
        assert people.get_person(db, p.id).name == p.name
    assert people.approved_minutes_naming(db, guest.id) == ["令和8年度 第2回 安食小学校区まちづくり協議会"]

    people.erase_person(db, draft_only.id)
    with pytest.raises(NotFoundError):
        people.get_person(db, draft_only.id)


def test_erasure_at_request_keeps_only_the_printed_name(db: Database, district_ids: tuple[int, int]) -> None:
    a = district_ids[0]
    chair = add(
        db,
        "栄 太郎",
        "サカエ タロウ",
        member(a),
        phone="0476-95-1111",
        address="安食1-2-3",
        email="t@example.jp",
    )
    people.update_person(
        db,
        chair.id,
        PersonInput(
            name=chair.name,
            furigana=chair.furigana,
            phone="0476-95-2222",
            address="安食9-9",
            memberships=tuple(
                MembershipInput(district_id=m.district_id, role=m.role, id=m.id) for m in chair.memberships
            ),
        ),
        chair.version,
    )
    mid = _meeting(db, "approved", a, chair_id=chair.id)
    with db.transaction() as s:
        s.add(Attendance(meeting_id=mid, person_id=chair.id, name=chair.name))

    message = people.erase_personal_data(db, chair.id)

    assert (
        "確定済みの議事録1件（令和8年度 第1回 安食小学校区まちづくり協議会）に記載された氏名は、公文書のため残しました"
        in message
    )
    left = people.get_person(db, chair.id)
    assert left.name == "栄 太郎"
    assert (left.phone, left.address, left.email, left.memberships) == ("", "", "", ())
    assert chair.id not in [p.id for p in people.list_members(db)]
    with db.reading() as s:
        attendance = s.scalar(select(Attendance).where(Attendance.meeting_id == mid))
        assert attendance is not None and attendance.name == "栄 太郎"
        histories = " ".join(
            f"{e.summary} {e.changes}"
            for e in s.scalars(select(AuditEntry).where(AuditEntry.entity_id == chair.id))
        )
    assert "0476-95-1111" not in histories and "安食1-2-3" not in histories and "安食9-9" not in histories
    assert "印刷どおり残す" in histories


def test_erasure_at_request_deletes_someone_no_minutes_name(
    db: Database, district_ids: tuple[int, int]
) -> None:
    p = add(db, "安食 次郎", "アジキ ジロウ", member(district_ids[0]), phone="0476-95-3333")
    message = people.erase_personal_data(db, p.id)
    assert "完全に削除" in message
    with pytest.raises(NotFoundError):
        people.get_person(db, p.id)
    with db.reading() as s:
        texts = " ".join(f"{e.summary} {e.changes}" for e in s.scalars(select(AuditEntry)))
    assert "0476-95-3333" not in texts
