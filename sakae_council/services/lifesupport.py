"""The ⑫ records behind the 成果指標: consultations (相談記録), courses (講座) and start-ups (起業者).

The indicators ``consultations`` and ``startups`` count these records per fiscal year
(services/indicator_rules.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import BusinessStartup, Consultation, Course, CourseAttendee, Person
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.text import fold_for_search, normalize_text
from sakae_council.domain.wareki import fiscal_year as fiscal_year_of
from sakae_council.services._crud import RecordKind, load_with
from sakae_council.services._records import check_district, dated_rows, district_name, district_names
from sakae_council.services.common import (
    audit,
    get_or_raise,
    long_text,
    optional_text,
    required_text,
)

#: Fields of life-support businesses named in ⑫ (offered as choices; free text is allowed).
STARTUP_FIELDS = ("介護", "健康", "子育て", "教育", "防犯", "環境", "その他")


# --- shared checks for the ⑫ records --------------------------------------------------------------


def _date_required(value: date | None, field: str, label: str) -> date:
    if not isinstance(value, date):
        raise ValidationError(field, msg("{label}を入力してください。", label=label))
    return value


def _person_name(s: Session, person_id: int | None, name: str | None, field: str, label: str) -> str:
    """The typed name, or the roster name of ``person_id`` when none was typed."""
    typed = normalize_text(name)
    if person_id is not None:
        person = get_or_raise(s, Person, person_id, "名簿の人")
        typed = typed or person.name
    return required_text(typed, field, label, 100)


# --- 相談記録 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsultationInput:
    held_on: date
    person_name: str
    person_id: int | None = None
    district_id: int | None = None
    topic: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class ConsultationDTO:
    id: int
    version: int
    held_on: date
    fiscal_year: int
    person_name: str
    person_id: int | None
    district_id: int | None
    district_name: str
    topic: str
    follow_up: str


def consultation_to_dto(c: Consultation, district_name: str) -> ConsultationDTO:
    return ConsultationDTO(
        id=c.id,
        version=c.version,
        held_on=c.held_on,
        fiscal_year=fiscal_year_of(c.held_on),
        person_name=c.person_name,
        person_id=c.person_id,
        district_id=c.district_id,
        district_name=district_name,
        topic=c.topic,
        follow_up=c.follow_up,
    )


def _consultation_dto(s: Session, c: Consultation) -> ConsultationDTO:
    return consultation_to_dto(c, district_name(district_names(s), c.district_id))


def _validate_consultation(s: Session, data: ConsultationInput) -> dict:
    check_district(s, data.district_id)
    return {
        "held_on": _date_required(data.held_on, "held_on", "相談日"),
        "person_name": _person_name(s, data.person_id, data.person_name, "person_name", "相談者の氏名"),
        "person_id": data.person_id,
        "district_id": data.district_id,
        "topic": long_text(data.topic, "topic", "相談内容", 4000),
        "follow_up": long_text(data.follow_up, "follow_up", "対応・つなぎ先", 4000),
    }


#: 相談記録 — a consultation at the ⑫ desk.
_CONSULTATIONS: RecordKind[Consultation, ConsultationInput, ConsultationDTO] = RecordKind(
    Consultation,
    entity="consultation",
    what="相談記録",
    validate=_validate_consultation,
    dto=_consultation_dto,
    created=lambda c: f"「{c.person_name}」さんの相談（{c.held_on}）を記録",
    changed=lambda c: f"「{c.person_name}」さんの相談記録を変更",
    deleted=lambda c: f"「{c.person_name}」さんの相談（{c.held_on}）を削除",
)
create_consultation = _CONSULTATIONS.create
update_consultation = _CONSULTATIONS.update
delete_consultation = _CONSULTATIONS.delete
get_consultation = _CONSULTATIONS.get


def list_consultations(
    db: Database, fiscal_year: int | None = None, district_id: int | None = None, query: str = ""
) -> list[ConsultationDTO]:
    """Consultations by date, optionally of one fiscal year / district, searched over name, topic, follow-up."""
    with db.reading() as s:
        names = district_names(s)
        rows = dated_rows(s, Consultation, Consultation.held_on, fiscal_year, district_id=district_id)
        items = [consultation_to_dto(c, district_name(names, c.district_id)) for c in rows]
    folded = fold_for_search(query)
    if folded:
        items = [c for c in items if folded in fold_for_search(f"{c.person_name} {c.topic} {c.follow_up}")]
    return items


# --- 講座 ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseInput:
    title: str
    held_on: date
    place: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CourseAttendeeDTO:
    id: int
    person_id: int | None
    name: str


@dataclass(frozen=True)
class CourseDTO:
    id: int
    version: int
    title: str
    held_on: date
    fiscal_year: int
    place: str
    notes: str
    attendees: tuple[CourseAttendeeDTO, ...] = ()

    @property
    def attendee_count(self) -> int:
        return len(self.attendees)


def course_to_dto(c: Course) -> CourseDTO:
    return CourseDTO(
        id=c.id,
        version=c.version,
        title=c.title,
        held_on=c.held_on,
        fiscal_year=fiscal_year_of(c.held_on),
        place=c.place,
        notes=c.notes,
        attendees=tuple(
            CourseAttendeeDTO(id=a.id, person_id=a.person_id, name=a.name)
            for a in sorted(c.attendees, key=lambda a: a.id)
        ),
    )


def _load_course(s: Session, course_id: int) -> Course:
    return load_with(s, Course, course_id, "講座", selectinload(Course.attendees))


def _validate_course(s: Session, data: CourseInput) -> dict:
    return {
        "title": required_text(data.title, "title", "講座名", 200),
        "held_on": _date_required(data.held_on, "held_on", "開催日"),
        "place": optional_text(data.place, "place", "会場"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


#: 講座 — a ⑫ course; deleting one removes its attendance list.
_COURSES: RecordKind[Course, CourseInput, CourseDTO] = RecordKind(
    Course,
    entity="course",
    what="講座",
    validate=_validate_course,
    # read back with its attendees: a new course's list is loaded, not assumed empty
    dto=lambda s, c: course_to_dto(_load_course(s, c.id)),
    created=lambda c: f"講座「{c.title}」（{c.held_on}）を登録",
    changed=lambda c: f"講座「{c.title}」を変更",
    deleted=lambda c: f"講座「{c.title}」（{c.held_on}）を削除（受講者{len(c.attendees)}名）",
    load=_load_course,
)
create_course = _COURSES.create
update_course = _COURSES.update
delete_course = _COURSES.delete
get_course = _COURSES.get


def list_courses(db: Database, fiscal_year: int | None = None) -> list[CourseDTO]:
    """Courses by date, optionally of one fiscal year, each with its attendees."""
    with db.reading() as s:
        rows = dated_rows(s, Course, Course.held_on, fiscal_year, selectinload(Course.attendees))
        return [course_to_dto(c) for c in rows]


def add_attendee(db: Database, course_id: int, person_id: int | None = None, name: str = "") -> CourseDTO:
    """Add a participant: someone on the roster (``person_id``) or a free name. The same person or the same
    name (ignoring かな/全角半角/spaces) cannot be added twice."""
    with db.transaction() as s:
        c = _load_course(s, course_id)
        if person_id is None and not normalize_text(name):
            raise ValidationError("name", "受講者を名簿から選ぶか、氏名を入力してください。")
        shown = _person_name(s, person_id, name, "name", "受講者の氏名")
        for a in c.attendees:
            same_person = person_id is not None and a.person_id == person_id
            if same_person or fold_for_search(a.name) == fold_for_search(shown):
                raise ValidationError(
                    "name", msg("「{shown}」さんはすでにこの講座の受講者に入っています。", shown=shown)
                )
        attendee = CourseAttendee(person_id=person_id, name=shown)
        c.attendees.append(attendee)
        s.flush()
        audit(
            s, db.user, "create", "course_attendee", attendee.id, f"講座「{c.title}」に「{shown}」さんを追加"
        )
        return course_to_dto(c)


def remove_attendee(db: Database, course_id: int, attendee_id: int) -> CourseDTO:
    """Take a participant off a course."""
    with db.transaction() as s:
        c = _load_course(s, course_id)
        attendee = next((a for a in c.attendees if a.id == attendee_id), None)
        if attendee is None:
            raise NotFoundError(
                msg(
                    "講座「{title}」にこの受講者（ID {attendee_id}）はいません。一覧を更新してください。",
                    title=c.title,
                    attendee_id=attendee_id,
                )
            )
        audit(
            s,
            db.user,
            "delete",
            "course_attendee",
            attendee.id,
            f"講座「{c.title}」から「{attendee.name}」さんを外す",
        )
        c.attendees.remove(attendee)
        s.flush()
        return course_to_dto(c)


# --- 起業者 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartupInput:
    founder_name: str
    started_on: date
    business_name: str = ""
    field: str = ""
    person_id: int | None = None
    district_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class StartupDTO:
    id: int
    version: int
    founder_name: str
    person_id: int | None
    business_name: str
    field: str
    started_on: date
    fiscal_year: int
    district_id: int | None
    district_name: str
    notes: str


def startup_to_dto(b: BusinessStartup, district_name: str) -> StartupDTO:
    return StartupDTO(
        id=b.id,
        version=b.version,
        founder_name=b.founder_name,
        person_id=b.person_id,
        business_name=b.business_name,
        field=b.field,
        started_on=b.started_on,
        fiscal_year=fiscal_year_of(b.started_on),
        district_id=b.district_id,
        district_name=district_name,
        notes=b.notes,
    )


def _startup_dto(s: Session, b: BusinessStartup) -> StartupDTO:
    return startup_to_dto(b, district_name(district_names(s), b.district_id))


def _validate_startup(s: Session, data: StartupInput) -> dict:
    check_district(s, data.district_id)
    return {
        "founder_name": _person_name(s, data.person_id, data.founder_name, "founder_name", "起業者の氏名"),
        "person_id": data.person_id,
        "business_name": optional_text(data.business_name, "business_name", "事業名"),
        "field": optional_text(data.field, "field", "分野", 100),
        "started_on": _date_required(data.started_on, "started_on", "起業日（開業日）"),
        "district_id": data.district_id,
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


#: 起業者 — a life-support business started.
_STARTUPS: RecordKind[BusinessStartup, StartupInput, StartupDTO] = RecordKind(
    BusinessStartup,
    entity="business_startup",
    what="起業記録",
    validate=_validate_startup,
    dto=_startup_dto,
    created=lambda b: f"「{b.founder_name}」さんの起業を記録",
    changed=lambda b: f"「{b.founder_name}」さんの起業記録を変更",
    deleted=lambda b: f"「{b.founder_name}」さんの起業記録を削除",
)
create_startup = _STARTUPS.create
update_startup = _STARTUPS.update
delete_startup = _STARTUPS.delete
get_startup = _STARTUPS.get


def list_startups(
    db: Database, fiscal_year: int | None = None, district_id: int | None = None
) -> list[StartupDTO]:
    """Start-ups by start date, optionally of one fiscal year and/or district."""
    with db.reading() as s:
        names = district_names(s)
        rows = dated_rows(
            s, BusinessStartup, BusinessStartup.started_on, fiscal_year, district_id=district_id
        )
        return [startup_to_dto(b, district_name(names, b.district_id)) for b in rows]
