"""The 地区担当職員's records: training attended (研修) and local activities joined (職員地域活動)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    District,
    Person,
    StaffActivity,
    StaffTraining,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import fiscal_year as fiscal_year_of
from sakae_council.services._crud import RecordKind, load_with
from sakae_council.services._records import check_district, dated_rows, district_name, district_names
from sakae_council.services.common import (
    get_or_raise,
    long_text,
    non_negative_int,
    optional_text,
    required_text,
)
from sakae_council.services.manual import MAX_TITLE


@dataclass(frozen=True)
class StaffTrainingInput:
    person_id: int
    held_on: date
    title: str
    organiser: str = ""
    hours: int = 0
    notes: str = ""


@dataclass(frozen=True)
class StaffTrainingDTO:
    id: int
    version: int
    person_id: int
    person_name: str
    held_on: date
    fiscal_year: int
    title: str
    organiser: str
    hours: int
    notes: str


@dataclass(frozen=True)
class StaffActivityInput:
    person_id: int
    held_on: date
    title: str
    district_id: int | None = None
    hours: int = 0
    notes: str = ""


@dataclass(frozen=True)
class StaffActivityDTO:
    id: int
    version: int
    person_id: int
    person_name: str
    district_id: int | None
    district_name: str
    held_on: date
    fiscal_year: int
    title: str
    hours: int
    notes: str


def training_to_dto(t: StaffTraining) -> StaffTrainingDTO:
    return StaffTrainingDTO(
        id=t.id,
        version=t.version,
        person_id=t.person_id,
        person_name=t.person.name,
        held_on=t.held_on,
        fiscal_year=fiscal_year_of(t.held_on),
        title=t.title,
        organiser=t.organiser,
        hours=t.hours,
        notes=t.notes,
    )


def activity_to_dto(a: StaffActivity, district_name: str) -> StaffActivityDTO:
    return StaffActivityDTO(
        id=a.id,
        version=a.version,
        person_id=a.person_id,
        person_name=a.person.name,
        district_id=a.district_id,
        district_name=district_name,
        held_on=a.held_on,
        fiscal_year=fiscal_year_of(a.held_on),
        title=a.title,
        hours=a.hours,
        notes=a.notes,
    )


def _staff_person(s: Session, person_id: int) -> Person:
    p = get_or_raise(s, Person, person_id, "職員")
    if getattr(p, "deleted_at", None) is not None:
        raise ValidationError(
            "person_id",
            msg(
                "「{name}」さんは名簿から削除されています。名簿で元に戻すか、別の職員を選んでください。",
                name=p.name,
            ),
        )
    return p


def _held_on(value: date | None) -> date:
    if not isinstance(value, date):
        raise ValidationError("held_on", "実施日を入力してください。")
    return value


def _validate_training(s: Session, data: StaffTrainingInput) -> dict:
    _staff_person(s, data.person_id)
    return {
        "person_id": data.person_id,
        "held_on": _held_on(data.held_on),
        "title": required_text(data.title, "title", "研修名", MAX_TITLE),
        "organiser": optional_text(data.organiser, "organiser", "主催"),
        "hours": non_negative_int(data.hours, "hours", "時間数"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def _load_training(s: Session, training_id: int) -> StaffTraining:
    return load_with(s, StaffTraining, training_id, "研修記録", selectinload(StaffTraining.person))


def _training_name(t: StaffTraining) -> str:
    return f"「{t.person.name}」さんの研修「{t.title}」"


#: 研修 — a training attended by a staff member.
_TRAININGS: RecordKind[StaffTraining, StaffTrainingInput, StaffTrainingDTO] = RecordKind(
    StaffTraining,
    entity="staff_training",
    what="研修記録",
    validate=_validate_training,
    dto=lambda s, t: training_to_dto(t),
    created=lambda t: f"{_training_name(t)}を記録",
    changed=lambda t: f"{_training_name(t)}を変更",
    deleted=lambda t: f"{_training_name(t)}を削除",
    load=_load_training,
    refresh=True,
)
create_training = _TRAININGS.create
update_training = _TRAININGS.update
delete_training = _TRAININGS.delete
get_training = _TRAININGS.get


def list_trainings(
    db: Database, person_id: int | None = None, fiscal_year: int | None = None
) -> list[StaffTrainingDTO]:
    """Training records by date, optionally of one person and/or one fiscal year."""
    with db.reading() as s:
        rows = dated_rows(
            s,
            StaffTraining,
            StaffTraining.held_on,
            fiscal_year,
            selectinload(StaffTraining.person),
            person_id=person_id,
        )
        return [training_to_dto(t) for t in rows]


def _validate_activity(s: Session, data: StaffActivityInput) -> dict:
    _staff_person(s, data.person_id)
    check_district(s, data.district_id)
    return {
        "person_id": data.person_id,
        "district_id": data.district_id,
        "held_on": _held_on(data.held_on),
        "title": required_text(data.title, "title", "活動名", MAX_TITLE),
        "hours": non_negative_int(data.hours, "hours", "時間数"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def _load_activity(s: Session, activity_id: int) -> StaffActivity:
    return load_with(s, StaffActivity, activity_id, "職員地域活動の記録", selectinload(StaffActivity.person))


def _activity_dto(s: Session, a: StaffActivity) -> StaffActivityDTO:
    district = s.get(District, a.district_id) if a.district_id is not None else None
    return activity_to_dto(a, district.name if district else "")


def _activity_name(a: StaffActivity) -> str:
    return f"「{a.person.name}」さんの地域活動「{a.title}」"


#: 職員地域活動 — a staff member joining a district's activity.
_ACTIVITIES: RecordKind[StaffActivity, StaffActivityInput, StaffActivityDTO] = RecordKind(
    StaffActivity,
    entity="staff_activity",
    what="職員地域活動の記録",
    validate=_validate_activity,
    dto=_activity_dto,
    created=lambda a: f"{_activity_name(a)}を記録",
    changed=lambda a: f"{_activity_name(a)}を変更",
    deleted=lambda a: f"{_activity_name(a)}を削除",
    load=_load_activity,
    refresh=True,
)
create_staff_activity = _ACTIVITIES.create
update_staff_activity = _ACTIVITIES.update
delete_staff_activity = _ACTIVITIES.delete
get_staff_activity = _ACTIVITIES.get


def list_staff_activities(
    db: Database, person_id: int | None = None, district_id: int | None = None, fiscal_year: int | None = None
) -> list[StaffActivityDTO]:
    """Staff activity records by date, optionally of one person, one district and/or one fiscal year."""
    with db.reading() as s:
        names = district_names(s)
        rows = dated_rows(
            s,
            StaffActivity,
            StaffActivity.held_on,
            fiscal_year,
            selectinload(StaffActivity.person),
            person_id=person_id,
            district_id=district_id,
        )
        return [activity_to_dto(a, district_name(names, a.district_id)) for a in rows]
