"""What revision 0003 made room for: an activity record's kind and the staff who took part (activity_staff,
the source of 職員地域活動), a verification's outcome and contribution to the plan's indicators, and the
condition equipment came back in. Runs on SQLite and, with SAKAE_TEST_PG_URL, on PostgreSQL."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, insert, select

from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import ActivityRecord, ActivityStaff, AuditEntry, EquipmentLoan
from sakae_council.domain.enums import ActivityKind, LoanStatus, MemberRole
from sakae_council.domain.errors import ConflictError, PermissionDeniedError, ValidationError
from sakae_council.domain.roles import AccessPolicy, UserRole
from sakae_council.services import equipment, equipment_loans, people, project_parts, projects
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.equipment import EquipmentInput
from sakae_council.services.equipment_loans import LoanInput
from sakae_council.services.organisations import OrganisationInput, create_organisation
from sakae_council.services.people import MembershipInput, PersonInput
from sakae_council.services.project_parts import ActivityInput, EvaluationInput
from sakae_council.services.projects import ProjectInput


def count(db: Database, what) -> int:  # type: ignore[no-untyped-def]
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(what)) or 0)


def links(db: Database) -> set[tuple[int, int]]:
    with db.reading() as s:
        return {(a, p) for a, p in s.execute(select(ActivityStaff.activity_id, ActivityStaff.person_id))}


def last_audit(db: Database) -> AuditEntry:
    with db.reading() as s:
        entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
        s.expunge(entry)
        return entry


def person(
    db: Database, district_id: int, name: str, furigana: str, role: MemberRole = MemberRole.STAFF
) -> int:
    seat = MembershipInput(district_id=district_id, role=role)
    return people.create_person(db, PersonInput(name=name, furigana=furigana, memberships=(seat,))).id


@pytest.fixture()
def world(db: Database) -> dict[str, int]:
    a = create_district(db, DistrictInput(name="安食小学校区", display_order=1)).id
    b = create_district(db, DistrictInput(name="布鎌小学校区", display_order=2)).id
    return {
        "a": a,
        "b": b,
        "project": projects.create_project(
            db, ProjectInput(title="ごみゼロ・草ゼロ大作戦", district_id=a)
        ).id,
        "other_project": projects.create_project(db, ProjectInput(title="通学路見守り隊", district_id=b)).id,
        # named so that kana order (ア, サ, ワ) differs from the order of the ids
        "watanabe": person(db, a, "渡辺 職員", "ワタナベ ショクイン"),
        "aoki": person(db, a, "青木 職員", "アオキ ショクイン"),
        "sakae": person(db, b, "栄 職員", "サカエ ショクイン"),  # staff of another district may help too
        "suishin": person(db, a, "推進 花子", "スイシン ハナコ", MemberRole.SUISHIN),
    }


# --- activity kind and staff ---------------------------------------------------------------------


def test_an_activity_records_its_kind_and_the_staff_who_took_part(world, db):
    data = ActivityInput(
        date(2026, 5, 31),
        "ごみゼロ運動（春）",
        participants=40,
        volunteer_hours=80,
        kind=ActivityKind.CLEAN_UP,
        staff_ids=(world["watanabe"], world["sakae"], world["aoki"], world["watanabe"]),
    )
    made = project_parts.add_activity(db, world["project"], data)
    assert made.kind is ActivityKind.CLEAN_UP
    assert made.staff_names == ("青木 職員", "栄 職員", "渡辺 職員")  # 五十音順, the duplicate once
    assert made.staff_ids == (world["aoki"], world["sakae"], world["watanabe"])
    assert links(db) == {(made.id, world["aoki"]), (made.id, world["sakae"]), (made.id, world["watanabe"])}
    assert projects.get_project(db, world["project"]).activities == (made,)
    with db.reading() as s:
        assert s.get(ActivityRecord, made.id).kind == "clean_up"  # the stable code is stored, not the label


def test_kind_accepts_code_or_label_and_defaults_to_other(world, db):
    by_label = project_parts.add_activity(
        db, world["project"], ActivityInput(date(2026, 6, 1), "講座", kind="講座・学習")
    )
    by_code = project_parts.add_activity(
        db, world["project"], ActivityInput(date(2026, 6, 2), "交流会", kind="exchange")
    )
    old_style = project_parts.add_activity(
        db, world["project"], ActivityInput(date(2026, 6, 3), "打合せ", 5, 2, "メモ")
    )
    assert (by_label.kind, by_code.kind, old_style.kind) == (
        ActivityKind.LEARNING,
        ActivityKind.EXCHANGE,
        ActivityKind.OTHER,
    )
    assert old_style.staff_ids == () and old_style.staff_names == ()


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"kind": "お祭り"}, "kind", "ごみゼロ・草ゼロ"),
        ({"kind": None}, "kind", "活動の種類を選んでください"),
        (
            {"staff_ids": ("suishin",)},
            "staff_ids",
            "「推進 花子」さんは地区担当職員として名簿に登録されていません",
        ),
        ({"staff_ids": (987654,)}, "staff_ids", "ID 987654"),
        ({"staff_ids": ("watanabe", "deleted")}, "staff_ids", "名簿から削除されています"),
        ({"staff_ids": "12"}, "staff_ids", "選び直して"),
    ],
)
def test_a_wrong_kind_or_staff_member_is_refused_and_nothing_is_written(world, db, change, field, words):
    gone = person(db, world["a"], "退職 次郎", "タイショク ジロウ")
    people.delete_person(db, gone)
    ids = {**world, "deleted": gone}
    if "staff_ids" in change and not isinstance(change["staff_ids"], str):
        change = {"staff_ids": tuple(ids.get(x, x) for x in change["staff_ids"])}
    audits = count(db, AuditEntry)
    with pytest.raises(ValidationError) as err:
        project_parts.add_activity(db, world["project"], ActivityInput(date(2026, 6, 1), "清掃", **change))
    assert err.value.field == field and words in err.value.message
    assert count(db, ActivityRecord) == 0 and count(db, ActivityStaff) == 0
    assert count(db, AuditEntry) == audits


def test_changing_only_the_staff_bumps_the_version_and_is_audited(world, db):
    a = project_parts.add_activity(
        db,
        world["project"],
        ActivityInput(date(2026, 6, 1), "草刈り", kind=ActivityKind.CLEAN_UP, staff_ids=(world["aoki"],)),
    )
    same = ActivityInput(a.held_on, a.title, kind=a.kind, staff_ids=(world["aoki"],))
    unchanged = project_parts.update_activity(db, a.id, same, a.version)
    assert unchanged.version == a.version  # nothing changed, nothing written
    moved = project_parts.update_activity(
        db,
        a.id,
        ActivityInput(a.held_on, a.title, kind=a.kind, staff_ids=(world["watanabe"], world["sakae"])),
        a.version,
    )
    assert moved.version == a.version + 1 and moved.staff_names == ("栄 職員", "渡辺 職員")
    assert links(db) == {(a.id, world["sakae"]), (a.id, world["watanabe"])}
    entry = last_audit(db)
    assert (entry.action, entry.entity, entry.entity_id) == ("update", "activity_record", a.id)
    assert json.loads(entry.changes) == {
        "staff_ids": [[world["aoki"]], sorted([world["watanabe"], world["sakae"]])]
    }
    # a copy read before that change is stale: its save is refused and the staff stay as they are
    with pytest.raises(ConflictError):
        project_parts.update_activity(db, a.id, ActivityInput(a.held_on, a.title, staff_ids=()), a.version)
    assert links(db) == {(a.id, world["sakae"]), (a.id, world["watanabe"])}
    cleared = project_parts.update_activity(
        db, a.id, ActivityInput(a.held_on, a.title, kind=ActivityKind.MEETING, staff_ids=()), moved.version
    )
    assert cleared.kind is ActivityKind.MEETING and cleared.staff_ids == () and links(db) == set()


def test_someone_already_on_a_record_stays_after_leaving_but_cannot_be_added_anew(world, db):
    a = project_parts.add_activity(
        db, world["project"], ActivityInput(date(2026, 6, 1), "草刈り", staff_ids=(world["aoki"],))
    )
    b = project_parts.add_activity(db, world["project"], ActivityInput(date(2026, 7, 1), "花植え"))
    people.delete_person(db, world["aoki"])  # left the roster after the activity
    kept = project_parts.update_activity(
        db, a.id, ActivityInput(a.held_on, "草刈り（雨天で短縮）", staff_ids=(world["aoki"],)), a.version
    )
    assert (
        kept.title == "草刈り（雨天で短縮）"
    )  # Japanese brackets stored as typed and kept.staff_names == ("青木 職員",)
    with pytest.raises(ValidationError) as err:
        project_parts.update_activity(
            db, b.id, ActivityInput(b.held_on, b.title, staff_ids=(world["aoki"],)), b.version
        )
    assert err.value.field == "staff_ids" and "青木 職員" in err.value.message
    assert projects.get_project(db, world["project"]).activities[1].staff_ids == ()


def test_removing_an_activity_or_its_project_removes_its_staff_links(world, db):
    a = project_parts.add_activity(
        db, world["project"], ActivityInput(date(2026, 6, 1), "草刈り", staff_ids=(world["aoki"],))
    )
    b = project_parts.add_activity(
        db,
        world["project"],
        ActivityInput(date(2026, 7, 1), "花植え", staff_ids=(world["aoki"], world["watanabe"])),
    )
    c = project_parts.add_activity(
        db, world["other_project"], ActivityInput(date(2026, 7, 2), "見守り", staff_ids=(world["sakae"],))
    )
    project_parts.remove_activity(db, a.id, a.version)
    assert links(db) == {(b.id, world["aoki"]), (b.id, world["watanabe"]), (c.id, world["sakae"])}
    p = projects.get_project(db, world["project"]).project
    projects.delete_project(db, p.id, p.version)
    assert links(db) == {(c.id, world["sakae"])}
    assert people.get_person(db, world["aoki"]).name == "青木 職員"  # the people themselves stay


def test_activity_staff_gives_each_staff_members_days(world, db):
    """職員地域活動 can be read straight from activity_staff: who took part on which day."""
    for day, staff in ((date(2026, 5, 31), ("aoki", "watanabe")), (date(2026, 9, 27), ("aoki",))):
        project_parts.add_activity(
            db,
            world["project"],
            ActivityInput(day, "清掃", kind=ActivityKind.CLEAN_UP, staff_ids=tuple(world[x] for x in staff)),
        )
    project_parts.add_activity(
        db, world["other_project"], ActivityInput(date(2026, 6, 5), "見守り", staff_ids=(world["aoki"],))
    )
    with db.reading() as s:
        rows = s.execute(
            select(ActivityStaff.person_id, func.count(), func.min(ActivityRecord.held_on))
            .join(ActivityRecord, ActivityRecord.id == ActivityStaff.activity_id)
            .where(ActivityRecord.kind == ActivityKind.CLEAN_UP.value)
            .group_by(ActivityStaff.person_id)
            .order_by(ActivityStaff.person_id)
        ).all()
    assert [tuple(r) for r in rows] == sorted(
        [(world["watanabe"], 1, date(2026, 5, 31)), (world["aoki"], 2, date(2026, 5, 31))]
    )


def test_district_rights_cover_the_staff_of_an_activity(world, db, tmp_path):
    """On a shared server a 事務局 user records the staff of their own district's activities only."""
    own = AccessPolicy.for_role("anjiki", UserRole.SECRETARIAT, [world["a"]])
    other = AccessPolicy.for_role("fukama", UserRole.SECRETARIAT, [world["b"]])
    mine = open_database(db.url, user="anjiki", permissions=own, lock=False, backup_dir=tmp_path / "bk")
    theirs = open_database(db.url, user="fukama", permissions=other, lock=False, backup_dir=tmp_path / "bk")
    try:
        a = project_parts.add_activity(
            mine, world["project"], ActivityInput(date(2026, 6, 1), "草刈り", staff_ids=(world["aoki"],))
        )
        with pytest.raises(PermissionDeniedError):
            project_parts.update_activity(
                theirs, a.id, ActivityInput(a.held_on, a.title, staff_ids=(world["sakae"],)), a.version
            )
        with pytest.raises(PermissionDeniedError), theirs.transaction() as s:
            s.execute(insert(ActivityStaff).values(activity_id=a.id, person_id=world["sakae"]))
        assert links(db) == {(a.id, world["aoki"])}
        # a statement on activity_staff is judged by the activity's project, not as a town-wide table
        with mine.transaction() as s:
            s.execute(insert(ActivityStaff).values(activity_id=a.id, person_id=world["watanabe"]))
        assert links(db) == {(a.id, world["aoki"]), (a.id, world["watanabe"])}
        a = projects.get_project(db, world["project"]).activities[0]
        b = project_parts.update_activity(
            mine, a.id, ActivityInput(a.held_on, a.title, staff_ids=(world["sakae"],)), a.version
        )
        assert b.staff_names == ("栄 職員",) and links(db) == {(a.id, world["sakae"])}
    finally:
        theirs.close()
        mine.close()


# --- verification outcome -------------------------------------------------------------------------


def test_a_verification_records_whether_it_achieved_its_aims_and_its_contribution(world, db):
    e = project_parts.add_evaluation(
        db,
        world["project"],
        EvaluationInput(
            2026,
            "延べ参加者が目標を上回った",
            rating=4,
            achieved=True,
            indicator_contribution="⑬ 小学校区協働事業として1件に計上。\n延べ参加者 +120人",
        ),
    )
    assert (e.achieved, e.indicator_contribution) == (
        True,
        "⑬ 小学校区協働事業として1件に計上。\n延べ参加者 +120人",
    )
    assert projects.get_project(db, world["project"]).evaluations == (e,)
    undecided = project_parts.update_evaluation(
        db,
        e.id,
        EvaluationInput(
            2026, e.achievements, rating=4, achieved=None, indicator_contribution=e.indicator_contribution
        ),
        e.version,
    )
    assert undecided.achieved is None and undecided.version == e.version + 1
    assert json.loads(last_audit(db).changes) == {"achieved": [True, None]}
    failed = project_parts.update_evaluation(
        db, e.id, EvaluationInput(2026, achieved=False), undecided.version
    )
    assert failed.achieved is False and failed.indicator_contribution == ""
    old_style = project_parts.add_evaluation(
        db, world["other_project"], EvaluationInput(2025, "成果", "課題", "次へ", 3)
    )
    assert (old_style.achieved, old_style.indicator_contribution) == (None, "")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"achieved": "yes"}, "achieved"),
        ({"achieved": 1}, "achieved"),
        ({"indicator_contribution": "貢" * 4001}, "indicator_contribution"),
    ],
)
def test_a_wrong_outcome_is_refused(world, db, change, field):
    with pytest.raises(ValidationError) as err:
        project_parts.add_evaluation(db, world["project"], EvaluationInput(2026, **change))
    assert err.value.field == field
    assert projects.get_project(db, world["project"]).evaluations == ()


# --- condition on return ---------------------------------------------------------------------------


@pytest.fixture()
def loan(world, db) -> equipment_loans.LoanDTO:
    org = create_organisation(db, OrganisationInput(name="酒直第一自治会", district_id=world["a"])).id
    tent = equipment.create_equipment(
        db, EquipmentInput(name="テント", code="EQ-001", quantity=2, condition="良好")
    ).id
    return equipment_loans.lend(
        db,
        LoanInput(tent, 1, date(2026, 5, 1), date(2026, 5, 3), borrower_organisation_id=org),
        today=date(2026, 5, 1),
    )


def test_a_return_records_the_condition_it_came_back_in(db, loan):
    assert loan.return_condition == ""
    back = equipment_loans.return_loan(
        db, loan.id, date(2026, 5, 3), loan.version, condition="破損あり：　幕に裂け目（１０ｃｍ）"
    )
    assert (back.status, back.return_condition) == (LoanStatus.RETURNED, "破損あり： 幕に裂け目（10cm）")
    assert [x.return_condition for x in equipment_loans.list_loans(db, today=date(2026, 5, 4))] == [
        "破損あり： 幕に裂け目（10cm）"
    ]
    entry = last_audit(db)
    assert json.loads(entry.changes)["return_condition"] == ["", "破損あり： 幕に裂け目（10cm）"]


def test_a_return_without_a_condition_still_works_as_before(db, loan):
    back = equipment_loans.return_loan(db, loan.id, date(2026, 5, 2), loan.version)
    assert (back.status, back.returned_on, back.return_condition) == (
        LoanStatus.RETURNED,
        date(2026, 5, 2),
        "",
    )


def test_a_too_long_condition_is_refused_and_the_loan_stays_out(db, loan):
    with pytest.raises(ValidationError) as err:
        equipment_loans.return_loan(db, loan.id, date(2026, 5, 3), loan.version, condition="傷" * 401)
    assert err.value.field == "return_condition"
    again = equipment_loans.get_loan(db, loan.id)
    assert (again.status, again.returned_on, again.return_condition, again.version) == (
        LoanStatus.LENT,
        None,
        "",
        loan.version,
    )
    with db.reading() as s:
        assert s.get(EquipmentLoan, loan.id).return_condition == ""
