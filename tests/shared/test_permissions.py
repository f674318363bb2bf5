"""Roles are enforced in the services (through the write guard), on SQLite and on PostgreSQL.

管理者 everything; 地区担当職員 reads all, edits assigned districts and town-wide records; 協議会事務局 edits
their own district; 閲覧のみ reads only. A refused change leaves nothing behind, and audit entries name
the user who made the change.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from sakae_council.db import shared
from sakae_council.db.engine import BusyError, Database, open_database
from sakae_council.db.models import AuditEntry, Person
from sakae_council.domain.errors import PermissionDeniedError, StaleVersionError, ValidationError
from sakae_council.domain.roles import AccessPolicy, UserRole
from sakae_council.services import (
    districts,
    equipment,
    indicator_values,
    issues,
    manual,
    meetings,
    people,
    project_parts,
    users,
)
from sakae_council.services.users import UserInput

from .conftest import Store
from .town import TODAY, Town, build_town, person_input, seat


@pytest.fixture(scope="session")
def sqlite_town(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Town]:
    """The town built once in a file; each SQLite test starts from a copy (the same ids as a fresh build)."""
    path = tmp_path_factory.mktemp("town") / "town.db"
    db = open_database(path, user="準備担当")
    try:
        return path, build_town(db)
    finally:
        db.close()


@pytest.fixture()
def town(store: Store, sqlite_town: tuple[Path, Town]) -> Town:
    if store.backend == "sqlite":
        shutil.copy(sqlite_town[0], store.target)
        store.open("準備担当")  # the first opener holds the file lock, as the town hall laptop would
        return sqlite_town[1]
    return build_town(store.open("準備担当"))


def one_person(db: Database) -> int:
    a = districts.create_district(db, districts.DistrictInput(name="安食小学校区")).id
    return people.create_person(db, people.PersonInput(name="渡辺 花子", memberships=(seat(a),))).id


def audit_count(db: Database) -> int:
    with db.reading() as s:
        return int(s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def issue_input(db: Database, issue_id: int, **changes: object) -> issues.IssueInput:
    i = issues.get_issue(db, issue_id)
    values: dict = {
        "title": i.title,
        "district_id": i.district_id,
        "category_id": i.category_id,
        "raised_on": i.raised_on,
        "description": i.description,
    }
    values.update(changes)
    return issues.IssueInput(**values)


def as_role(store: Store, login: str, role: UserRole, *district_ids: int) -> Database:
    return store.open(login, AccessPolicy.for_role(login, role, district_ids))


def test_viewer_is_refused_every_change_and_nothing_is_written(store: Store, town: Town) -> None:
    viewer = as_role(store, "etsuran", UserRole.VIEWER)
    before = audit_count(viewer)
    person = people.get_person(viewer, town.person_a)
    attempts = [
        lambda: people.update_person(
            viewer, person.id, person_input(person, phone="0476-95-0000"), person.version
        ),
        lambda: people.create_person(
            viewer, people.PersonInput(name="新人 一郎", memberships=(seat(town.a),))
        ),
        lambda: people.delete_person(viewer, person.id, person.version),
        lambda: issues.create_issue(
            viewer,
            issues.IssueInput(title="街灯", district_id=town.a, category_id=town.category, raised_on=TODAY),
        ),
        lambda: districts.update_district(
            viewer,
            town.a,
            districts.DistrictInput(name="安食小学校区", notes="x"),
            districts.get_district(viewer, town.a).version,
        ),
        lambda: indicator_values.set_value(viewer, town.indicator, 2026, "target", 10),
        lambda: equipment.create_equipment(viewer, equipment.EquipmentInput(name="発電機")),
        lambda: manual.create_section(viewer, None, "はじめに"),
        lambda: users.create_user(viewer, UserInput(login="someone", role=UserRole.ADMIN)),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDeniedError, match="閲覧のみの利用者は、データを変更できません"):
            attempt()
    # reads still work, and nothing of the refused changes reached the database
    assert people.get_person(viewer, person.id) == person
    assert audit_count(viewer) == before
    assert [i.title for i in issues.list_issues(viewer)] == ["通学路の見守り", "空き家の管理"] or len(
        issues.list_issues(viewer)
    ) == 2
    assert users.list_users(viewer) == []


def test_secretariat_edits_its_own_district_only(store: Store, town: Town) -> None:
    sec = as_role(store, "jimukyoku_a", UserRole.SECRETARIAT, town.a)

    # allowed: the roster, issues, projects and meetings of 安食小学校区
    pa = people.get_person(sec, town.person_a)
    people.update_person(sec, pa.id, person_input(pa, phone="0476-95-1234"), pa.version)
    new_issue = issues.create_issue(
        sec,
        issues.IssueInput(
            title="防犯灯の増設", district_id=town.a, category_id=town.category, raised_on=TODAY
        ),
    )
    project_parts.add_milestone(sec, town.project_a, project_parts.MilestoneInput(title="説明会"))
    meetings.create_meeting(sec, meetings.MeetingInput(body_id=town.body_a, held_on=date(2026, 12, 5)))
    pab = people.get_person(
        sec, town.person_ab
    )  # also in 布鎌: their contact data is shared, editing is fine
    people.update_person(sec, pab.id, person_input(pab, notes="自治会長"), pab.version)

    # refused: another district, moving a record out, town-wide records, users
    with pytest.raises(PermissionDeniedError, match="布鎌小学校区の地域課題を登録できません"):
        issues.create_issue(
            sec,
            issues.IssueInput(title="街灯", district_id=town.b, category_id=town.category, raised_on=TODAY),
        )
    with pytest.raises(PermissionDeniedError, match="布鎌小学校区の地域課題を変更できません"):
        issues.update_issue(sec, town.issue_b, issue_input(sec, town.issue_b, description="x"), 1)
    moved = issue_input(sec, new_issue.id, district_id=town.b)
    with pytest.raises(PermissionDeniedError, match="布鎌小学校区"):
        issues.update_issue(sec, new_issue.id, moved, new_issue.version)
    with pytest.raises(PermissionDeniedError, match="協働事業の工程"):
        project_parts.add_milestone(sec, town.project_b, project_parts.MilestoneInput(title="説明会"))
    with pytest.raises(PermissionDeniedError, match="会議"):
        meetings.create_meeting(sec, meetings.MeetingInput(body_id=town.body_b, held_on=date(2026, 12, 6)))
    with pytest.raises(PermissionDeniedError, match="町全体のデータ"):
        meetings.create_meeting(sec, meetings.MeetingInput(body_id=town.liaison, held_on=date(2026, 12, 7)))
    pab = people.get_person(sec, town.person_ab)
    with pytest.raises(PermissionDeniedError, match="布鎌小学校区の名簿の人を変更できません"):
        people.delete_person(sec, pab.id, pab.version)  # off the roster of both districts: needs both
    pa = people.get_person(sec, town.person_a)
    with pytest.raises(PermissionDeniedError, match="布鎌小学校区の委嘱"):
        people.update_person(
            sec,
            pa.id,
            person_input(pa, memberships=(*person_input(pa).memberships, seat(town.b))),
            pa.version,
        )
    with pytest.raises(PermissionDeniedError, match="町全体のデータ（成果指標の値）"):
        indicator_values.set_value(sec, town.indicator, 2026, "target", 10)
    with pytest.raises(PermissionDeniedError, match="利用者の登録は管理者だけ"):
        users.create_user(sec, UserInput(login="x", role=UserRole.VIEWER))

    # what was allowed is there, and the audit trail names the user
    assert people.get_person(sec, town.person_a).phone == "0476-95-1234"
    assert {i.district_id for i in issues.list_issues(sec)} == {town.a, town.b}
    with sec.reading() as s:
        mine = s.scalars(select(AuditEntry.user).where(AuditEntry.entity == "regional_issue")).all()
    assert "jimukyoku_a" in mine


def test_district_staff_edit_assigned_districts_and_town_wide_records(store: Store, town: Town) -> None:
    staff = as_role(store, "tanto_a", UserRole.DISTRICT_STAFF, town.a)
    issues.update_issue(staff, town.issue_a, issue_input(staff, town.issue_a, description="朝の見守り"), 1)
    indicator_values.set_value(staff, town.indicator, 2026, "target", 12)
    equipment.create_equipment(staff, equipment.EquipmentInput(name="発電機"))
    manual.create_section(staff, None, "地区担当職員の一年")
    # reads all districts
    assert len(issues.list_issues(staff)) == 2
    with pytest.raises(
        PermissionDeniedError, match="地区担当職員の利用者（担当: 安食小学校区）は、布鎌小学校区"
    ):
        issues.update_issue(staff, town.issue_b, issue_input(staff, town.issue_b, description="x"), 1)
    with pytest.raises(PermissionDeniedError, match="管理者だけ"):
        users.create_user(staff, UserInput(login="x", role=UserRole.VIEWER))
    # merging districts moves records of both: needs both
    with pytest.raises(PermissionDeniedError):
        districts.merge_districts(staff, town.b, town.a, date(2027, 4, 1))
    both = as_role(store, "tanto_ab", UserRole.DISTRICT_STAFF, town.a, town.b)
    merged = districts.merge_districts(both, town.b, town.a, date(2027, 4, 1))
    assert merged.merged_into_id == town.a

    # 管理者: everything, users included
    admin = as_role(store, "kanri", UserRole.ADMIN)
    moved = issues.get_issue(admin, town.issue_b)  # the merge moved it to 安食 (a new version)
    issues.update_issue(
        admin, moved.id, issue_input(admin, moved.id, description="台帳づくり"), moved.version
    )
    pab = people.get_person(admin, town.person_ab)
    people.delete_person(admin, pab.id, pab.version)
    user = users.create_user(
        admin, UserInput(login="Sato_Hanako", display_name="佐藤 花子", role=UserRole.ADMIN)
    )
    assert user.login == "sato_hanako"
    sec = users.create_user(
        admin, UserInput(login="jimukyoku_b", role=UserRole.SECRETARIAT, district_ids=(town.b,))
    )
    assert sec.district_names == ("布鎌小学校区",)
    with pytest.raises(ValidationError, match="担当する学区を選んでください"):
        users.create_user(admin, UserInput(login="nodistrict", role=UserRole.SECRETARIAT))
    with pytest.raises(ValidationError, match="すでに登録されています"):
        users.create_user(admin, UserInput(login="sato_hanako", role=UserRole.VIEWER))


def test_a_file_or_a_server_without_users_is_unrestricted(store: Store) -> None:
    db = store.open("だれか")
    me = users.current_user(db)
    assert me.can_write and me.can_manage_users and me.can_write_district(123)
    assert me.shared is (store.backend == "postgresql")
    assert me.setup_mode is (store.backend == "postgresql")
    d = districts.create_district(db, districts.DistrictInput(name="安食小学校区"))
    districts.update_district(
        db, d.id, districts.DistrictInput(name="安食小学校区", notes="誰でも"), d.version
    )


def test_server_roles_come_from_the_registered_login(pg_store: Store) -> None:
    store = pg_store
    town = build_town(store.open("準備担当"))
    db = store.open("os-user")  # no policy given: rights come from app_user for the server login
    state = shared.state_of(db)
    assert state is not None
    login = state.login
    with pytest.raises(ValidationError, match="いま接続している利用者"):
        users.create_user(db, UserInput(login="someone_else", role=UserRole.ADMIN))
    with pytest.raises(ValidationError, match="最初に登録する利用者は管理者"):
        users.create_user(db, UserInput(login=login, role=UserRole.VIEWER))
    me = users.create_user(db, UserInput(login=login, display_name="管理 太郎", role=UserRole.ADMIN))
    assert users.current_user(db).describe() == "管理 太郎（管理者）"
    # audit entries carry the authenticated login, whatever the computer's user name is
    again = store.open("os-user")
    assert again.user == login
    with pytest.raises(ValidationError, match="管理者が一人もいなくなる"):
        users.update_user(db, me.id, UserInput(login=login, role=UserRole.VIEWER), me.version)
    users.create_user(db, UserInput(login="kanri2", role=UserRole.ADMIN))
    me = users.update_user(
        db, me.id, UserInput(login=login, role=UserRole.SECRETARIAT, district_ids=(town.a,)), me.version
    )
    # the change applies at once to the open database (rights are re-read in each writing transaction)
    with pytest.raises(PermissionDeniedError, match="協議会事務局の利用者（担当: 安食小学校区）"):
        issues.update_issue(db, town.issue_b, issue_input(db, town.issue_b, description="x"), 1)
    issues.update_issue(db, town.issue_a, issue_input(db, town.issue_a, description="ok"), 1)
    current = users.current_user(db)
    assert (current.role, current.district_names, current.registered) == (
        UserRole.SECRETARIAT,
        ("安食小学校区",),
        True,
    )
    # a login that is not registered reads only
    admin2 = store.open("kanri2", AccessPolicy.for_role("kanri2", UserRole.ADMIN))
    users.delete_user(admin2, me.id, me.version)
    with pytest.raises(PermissionDeniedError, match="このサーバーに登録されていない"):
        issues.update_issue(db, town.issue_a, issue_input(db, town.issue_a, description="no"), 2)
    assert not users.current_user(db).can_write


def test_a_stale_write_that_passed_the_version_check_is_a_conflict(pg_store: Store) -> None:
    store = pg_store
    person_id = one_person(store.open("準備担当"))
    first, second = store.open("一人目"), store.open("二人目")
    with pytest.raises(StaleVersionError, match="名簿の人"), second.transaction() as s:
        person = s.get(Person, person_id)
        assert person is not None
        dto = people.get_person(first, person_id)
        people.update_person(first, dto.id, person_input(dto, notes="一人目の変更"), dto.version)
        person.notes = "二人目の変更"  # read before the other save: the UPDATE matches no row
        s.flush()
    assert people.get_person(second, person_id).notes == "一人目の変更"


def test_a_lock_wait_ends_with_busy_error_not_a_hang(
    pg_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = pg_store
    person_id = one_person(store.open("準備担当"))
    holder = store.open("holder")
    with holder.engine.connect() as conn:
        assert conn.exec_driver_sql("SHOW lock_timeout").scalar() == "10s"
        assert conn.exec_driver_sql("SHOW idle_in_transaction_session_timeout").scalar() == "10min"
    monkeypatch.setattr(shared, "SERVER_LIMITS", (("lock_timeout", "300ms"),))
    waiter = store.open("waiter")
    dto = people.get_person(waiter, person_id)
    with holder.transaction() as s:
        s.execute(select(Person).where(Person.id == person_id).with_for_update()).one()
        with pytest.raises(BusyError, match="少し待ってから"):
            people.update_person(waiter, dto.id, person_input(dto, notes="待つ"), dto.version)
    people.update_person(waiter, dto.id, person_input(dto, notes="待つ"), dto.version)  # free again
    assert people.get_person(waiter, dto.id).notes == "待つ"
