"""A person present in every kind of record, for the erasure tests (services, backups, CLI, GUI).

Records are made through the services where a service makes them (so their audit summaries are the
program's own: 講座…に「下書 消太」さんを追加, 「下書 消太」さんの研修…), and with the ORM for the rest.
Also: a full dump of every text column of every table (the models' metadata, read with SQL), and of a
SQLite file of any schema (every table sqlite_master lists), to look for what erasure must leave nowhere.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import String, select

from sakae_council.db.base import Base
from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActivityRecord,
    ActivityStaff,
    AgendaItem,
    Attendance,
    BusinessStartup,
    CollaborativeProject,
    District,
    Meeting,
    MeetingBody,
    Organisation,
    ProjectPartner,
    ProjectStaff,
    StaffActivity,
)
from sakae_council.domain.enums import MemberRole
from sakae_council.services import districts, equipment, equipment_loans, lifesupport, people, staff_records
from sakae_council.services.people import MembershipInput, PersonInput

NAME = "下書 消太"
FURIGANA = "シタガキ ショウタ"
PHONE = "0476-95-8642"
ADDRESS = "千葉県印旛郡栄町安食台9-8-7"
EMAIL = "shota@example.jp"
OLD_PHONE = "0476-95-1357"
OTHER = "栄 花子"


@dataclass(frozen=True)
class World:
    person_id: int
    other_id: int
    approved_meeting_id: int | None
    draft_meeting_id: int


def _meeting(db: Database, district_id: int, status: str, number: int, **people_ids: int) -> int:
    with db.transaction() as s:
        body = s.scalar(select(MeetingBody).where(MeetingBody.name == "安食小学校区まちづくり協議会"))
        if body is None:
            body = MeetingBody(
                kind="district_council", name="安食小学校区まちづくり協議会", district_id=district_id
            )
            s.add(body)
            s.flush()
        m = Meeting(
            body_id=body.id,
            fiscal_year=2026,
            number=number,
            held_on=date(2026, 6, number),
            status=status,
            **people_ids,
        )
        s.add(m)
        s.flush()
        return m.id


def build_world(db: Database, *, in_approved_minutes: bool) -> World:
    """The person NAME (with PHONE, ADDRESS, EMAIL and an earlier phone OLD_PHONE) in draft minutes,
    (optionally) approved minutes, a course, a consultation, a business start-up, a training, a staff
    activity, a loan, a project, an organisation's contact, a membership and the audit log — and OTHER,
    a second person whose notes mention NAME."""
    district = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
    p = people.create_person(
        db,
        PersonInput(
            name=NAME,
            furigana=FURIGANA,
            phone=OLD_PHONE,
            address=ADDRESS,
            email=EMAIL,
            notes="自治会の役員",
            memberships=(MembershipInput(district_id=district, role=MemberRole.SUISHIN),),
        ),
    )
    p = people.update_person(
        db,
        p.id,
        PersonInput(
            name=NAME,
            furigana=FURIGANA,
            phone=PHONE,
            address=ADDRESS,
            email=EMAIL,
            notes="自治会の役員",
            memberships=tuple(
                MembershipInput(district_id=m.district_id, role=m.role, id=m.id) for m in p.memberships
            ),
        ),
        p.version,
    )
    other = people.create_person(
        db, PersonInput(name=OTHER, furigana="サカエ ハナコ", notes=f"{NAME}さんの紹介（{PHONE}）")
    )

    course = lifesupport.create_course(
        db, lifesupport.CourseInput(title="スマホ講座", held_on=date(2026, 7, 1))
    )
    lifesupport.add_attendee(db, course.id, person_id=p.id)
    other_course = lifesupport.create_course(
        db, lifesupport.CourseInput(title="防災講座", held_on=date(2026, 8, 1))
    )
    lifesupport.add_attendee(db, other_course.id, name=NAME)  # typed in by name, no link
    lifesupport.create_consultation(
        db,
        lifesupport.ConsultationInput(
            held_on=date(2026, 7, 2), person_name=NAME, person_id=p.id, topic=f"連絡先 {PHONE} に折り返し"
        ),
    )
    staff_records.create_training(
        db, staff_records.StaffTrainingInput(person_id=p.id, held_on=date(2026, 7, 3), title="接遇研修")
    )
    tool = equipment.create_equipment(db, equipment.EquipmentInput(name="テント", quantity=2))
    equipment_loans.lend(
        db,
        equipment_loans.LoanInput(
            equipment_id=tool.id,
            quantity=1,
            lent_on=date(2026, 7, 4),
            due_on=date(2026, 7, 10),
            borrower_person_id=p.id,
            notes=f"{NAME}さん宅（{ADDRESS}）へ配達",
        ),
    )
    draft = _meeting(db, district, "draft", 2, chair_id=p.id)
    approved = _meeting(db, district, "approved", 1, chair_id=p.id) if in_approved_minutes else None
    with db.transaction() as s:
        for mid in (m for m in (draft, approved) if m is not None):
            s.add(Attendance(meeting_id=mid, person_id=p.id, name=NAME, affiliation="安食台自治会"))
            s.add(
                AgendaItem(meeting_id=mid, title="防犯灯", presenter=NAME, discussion=f"{NAME}委員より説明")
            )
        org = Organisation(name="安食台自治会", contact_person_id=p.id, phone=PHONE)
        project = CollaborativeProject(title="見守り", district_id=district)
        s.add_all([org, project])
        s.flush()
        s.add(ProjectPartner(project_id=project.id, person_id=p.id, role_description=f"{NAME}さんが連絡役"))
        s.add(ProjectStaff(project_id=project.id, person_id=p.id, role_description="担当"))
        record = ActivityRecord(
            project_id=project.id, held_on=date(2026, 7, 5), title="見回り", description=f"{NAME}さん参加"
        )
        s.add(record)
        s.flush()
        s.add(ActivityStaff(activity_id=record.id, person_id=p.id))
        s.add(StaffActivity(person_id=p.id, district_id=district, held_on=date(2026, 7, 5), title="見回り"))
        s.add(
            BusinessStartup(
                founder_name=NAME, person_id=p.id, started_on=date(2026, 7, 6), notes=f"電話 {PHONE}"
            )
        )
        assert s.get(District, district) is not None
    return World(p.id, other.id, approved, draft)


def text_columns() -> list[tuple[str, str]]:
    """(table, column) of every String/Text column in the models."""
    return [
        (t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns if isinstance(c.type, String)
    ]


def dump_database(db: Database) -> list[tuple[str, str, int | None, str]]:
    """(table, column, row id or None, value) of every non-empty text value, read with SQL."""
    out: list[tuple[str, str, int | None, str]] = []
    with db.engine.connect() as conn:
        for t in Base.metadata.sorted_tables:
            cols = [c for c in t.columns if isinstance(c.type, String)]
            if not cols:
                continue
            key = t.c.id if "id" in t.c else None
            for row in conn.execute(select(*cols, *([key] if key is not None else []))):
                for c, value in zip(cols, row, strict=False):
                    if value:
                        out.append((t.name, c.name, row[-1] if key is not None else None, str(value)))
    return out


def dump_sqlite_file(path: Path) -> list[tuple[str, str, str]]:
    """(table, column, value) of every text value of every table in a SQLite file of any schema."""
    out: list[tuple[str, str, str]] = []
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            cur = con.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cur.description]
            for row in cur:
                for name, value in zip(names, row, strict=True):
                    if isinstance(value, str | bytes) and value:
                        out.append(
                            (
                                table,
                                name,
                                value if isinstance(value, str) else value.decode("utf-8", "replace"),
                            )
                        )
    finally:
        con.close()
    return out


def holding(values: list, needle: str) -> set[tuple[str, str]]:
    """The (table, column) places whose value contains ``needle`` (also written without spaces)."""
    wanted = {needle, needle.replace(" ", ""), needle.replace(" ", "\u3000")}
    return {(v[0], v[1]) for v in values if any(w in v[-1] for w in wanted)}
