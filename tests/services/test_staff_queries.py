"""地区担当職員の記録: training sessions saved for every attendee at once, and 職員地域活動 per fiscal
year from both the recorded activities and the staff's projects' activity days, with totals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ConflictError, NotFoundError, StaleVersionError, ValidationError
from sakae_council.services import districts, people, project_parts, projects, staff_queries, staff_records
from sakae_council.services.changes import last_change
from sakae_council.services.people import MembershipInput, PersonInput
from sakae_council.services.staff_queries import TrainingSessionInput


def _person(db: Database, name: str, kana: str, district_id: int, role: MemberRole) -> int:
    membership = MembershipInput(district_id=district_id, role=role)
    return people.create_person(db, PersonInput(name=name, furigana=kana, memberships=(membership,))).id


@pytest.fixture()
def town(db: Database) -> dict[str, int]:
    a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
    b = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2)).id
    return {
        "a": a,
        "b": b,
        "watanabe": _person(db, "渡辺 職員", "ワタナベ ショクイン", a, MemberRole.STAFF),
        "aoki": _person(db, "青木 職員", "アオキ ショクイン", b, MemberRole.STAFF),
        "resident": _person(db, "住民 花子", "ジュウミン ハナコ", a, MemberRole.SUISHIN),
    }


def test_staff_are_people_with_a_staff_seat_in_gojuon_order(db: Database, town: dict[str, int]) -> None:
    assert [m.name for m in staff_queries.list_staff(db)] == ["青木 職員", "渡辺 職員"]
    assert [m.name for m in staff_queries.list_staff(db, town["a"])] == ["渡辺 職員"]
    assert staff_queries.list_staff(db, town["b"])[0].district_names == ("布鎌小学校区",)


def test_training_session_is_saved_and_changed_for_every_attendee_at_once(
    db: Database, town: dict[str, int]
) -> None:
    data = TrainingSessionInput(
        held_on=date(2026, 6, 11),
        title="個人情報の取り扱い研修",
        person_ids=(town["watanabe"], town["aoki"]),
        organiser="総務課",
        hours=2,
        materials="規程の抜粋",
    )
    session = staff_queries.save_training_session(db, data)
    assert [a.person_name for a in session.attendees] == ["青木 職員", "渡辺 職員"]
    assert (session.hours, session.materials, session.fiscal_year) == (2, "規程の抜粋", 2026)
    assert (
        len(staff_records.list_trainings(db)) == 2
    )  # one record per attendee, as the manual service keeps them

    changed = staff_queries.save_training_session(
        db, TrainingSessionInput(**{**data.__dict__, "person_ids": (town["aoki"],), "hours": 3}), session
    )
    assert [a.person_name for a in changed.attendees] == ["青木 職員"] and changed.hours == 3
    assert [t.person_name for t in staff_records.list_trainings(db)] == ["青木 職員"]
    assert staff_queries.list_training_sessions(db, 2026, town["watanabe"]) == []
    assert staff_queries.list_training_sessions(db, 2025) == []

    with pytest.raises(ConflictError):  # the copy read before the change is stale
        staff_queries.delete_training_session(db, session)
    staff_queries.delete_training_session(db, changed)
    assert staff_records.list_trainings(db) == []


def test_a_stale_training_save_is_a_version_conflict_and_the_saved_training_can_be_read(
    db: Database, town: dict[str, int]
) -> None:
    data = TrainingSessionInput(date(2026, 6, 11), "研修", (town["watanabe"],), materials="最初")
    opened = staff_queries.save_training_session(db, data)
    # someone else adds an attendee: no record of mine changed, but the training did
    theirs = staff_queries.save_training_session(
        db, TrainingSessionInput(**{**data.__dict__, "person_ids": (town["watanabe"], town["aoki"])}), opened
    )
    mine = TrainingSessionInput(**{**data.__dict__, "materials": "私の資料"})
    with pytest.raises(StaleVersionError):
        staff_queries.save_training_session(db, mine, opened)
    assert staff_queries.get_training_session(db, opened) == theirs  # what the conflict dialog compares
    assert len(staff_records.list_trainings(db)) == 2  # nothing written: no duplicate, nobody dropped

    # someone else renames it: the records as read are stale, and the training is found by its records
    renamed = staff_queries.save_training_session(
        db,
        TrainingSessionInput(**{**data.__dict__, "title": "研修（改）", "person_ids": theirs.person_ids}),
        theirs,
    )
    with pytest.raises(StaleVersionError):
        staff_queries.save_training_session(db, mine, theirs)
    assert staff_queries.get_training_session(db, theirs) == renamed
    # 上書き: saved on top of the training as it is now
    over = staff_queries.save_training_session(db, mine, renamed)
    assert (over.title, over.materials, over.person_ids) == ("研修", "私の資料", (town["watanabe"],))

    staff_queries.delete_training_session(db, over)
    with pytest.raises(NotFoundError):
        staff_queries.get_training_session(db, over)


def test_training_needs_an_attendee_and_a_date(db: Database, town: dict[str, int]) -> None:
    with pytest.raises(ValidationError) as e:
        staff_queries.save_training_session(db, TrainingSessionInput(date(2026, 6, 11), "研修", ()))
    assert e.value.field == "person_ids"
    with pytest.raises(ValidationError) as e:
        staff_queries.save_training_session(db, TrainingSessionInput(None, "研修", (town["aoki"],)))
    assert e.value.field == "held_on"
    with pytest.raises(ValidationError) as e:
        staff_queries.save_training_session(db, TrainingSessionInput(date(2026, 6, 11), " ", (town["aoki"],)))
    assert e.value.field == "title"
    assert staff_records.list_trainings(db) == []


def test_activities_come_from_records_and_the_project_days_staff_took_part_in(
    db: Database, town: dict[str, int]
) -> None:
    project = projects.create_project(
        db, projects.ProjectInput(title="ごみゼロ・草ゼロ大作戦", district_id=town["a"])
    )
    took_part = (town["watanabe"],)
    for held_on, title, staff in (
        (date(2026, 5, 31), "春の清掃", took_part),
        (date(2026, 9, 27), "秋の清掃", took_part),
        (date(2026, 10, 4), "職員の参加なし", ()),
        (date(2027, 4, 4), "翌年度", took_part),
    ):
        project_parts.add_activity(
            db, project.id, project_parts.ActivityInput(held_on=held_on, title=title, staff_ids=staff)
        )
    # the spring day was also recorded by the member himself, with hours: counted once, with its hours
    staff_records.create_staff_activity(
        db,
        staff_records.StaffActivityInput(
            town["watanabe"], date(2026, 5, 31), "ごみゼロ(春)", town["a"], hours=3
        ),
    )
    staff_records.create_staff_activity(
        db,
        staff_records.StaffActivityInput(
            town["aoki"], date(2026, 8, 1), "夏まつりの運営補助", town["b"], hours=5
        ),
    )

    entries = staff_queries.staff_activity_entries(db, 2026)
    assert [(e.person_name, e.title, e.source, e.hours) for e in entries] == [
        ("渡辺 職員", "ごみゼロ(春)", "record", 3),
        ("青木 職員", "夏まつりの運営補助", "record", 5),
        ("渡辺 職員", "秋の清掃", "project", None),
    ]
    assert entries[2].project_title == "ごみゼロ・草ゼロ大作戦" and entries[2].district_name == "安食小学校区"

    totals = {t.person_name: t for t in staff_queries.staff_activity_totals(db, 2026)}
    assert list(totals) == ["青木 職員", "渡辺 職員"]
    w = totals["渡辺 職員"]
    assert (w.activities, w.recorded, w.from_projects, w.hours, w.projects) == (2, 1, 1, 3, 1)
    assert (totals["青木 職員"].activities, totals["青木 職員"].hours) == (1, 5)

    only_a = staff_queries.staff_activity_totals(db, 2026, town["a"])
    assert [(t.person_name, t.activities) for t in only_a] == [("渡辺 職員", 2)]
    assert [e.title for e in staff_queries.staff_activity_entries(db, 2027)] == ["翌年度"]
    assert staff_queries.staff_activity_totals(db, 2025)[0].activities == 0  # every staff member is listed


def test_a_training_audit_entry_names_a_record_so_the_conflict_dialog_can_say_who_saved(
    db: Database, town: dict[str, int]
) -> None:
    data = TrainingSessionInput(date(2026, 6, 11), "研修", (town["watanabe"], town["aoki"]), materials="最初")
    created = staff_queries.save_training_session(db, data)
    first = created.record_id
    assert first == min(a.record_id for a in created.attendees)
    entry = last_change(db, "staff_training", first)
    assert entry is not None and entry.user == "テスト担当"

    # the attendee whose record named the training leaves it: the next entry names a record still there
    gone = next(a for a in created.attendees if a.record_id == first)
    kept = tuple(pid for pid in data.person_ids if pid != gone.person_id)
    changed = staff_queries.save_training_session(
        db, TrainingSessionInput(**{**data.__dict__, "person_ids": kept}), created
    )
    assert changed.record_id != first
    with db.reading() as s:
        named = list(s.scalars(select(AuditEntry.entity_id).where(AuditEntry.entity == "staff_training")))
    assert None not in named and named[-1] == changed.record_id
    assert last_change(db, "staff_training", changed.record_id) is not None

    staff_queries.delete_training_session(db, changed)
    with db.reading() as s:
        action, entity_id = s.execute(
            select(AuditEntry.action, AuditEntry.entity_id).order_by(AuditEntry.id.desc()).limit(1)
        ).one()
    assert (action, entity_id) == ("delete", changed.record_id)
