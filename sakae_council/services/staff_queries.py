"""地区担当職員の記録: who the staff are, their training (研修) as sessions, and their local activities
(職員地域活動) per fiscal year with totals for the plan's ⑭.

The manual service keeps one training record per staff member. Here a *session* is what the staff
attended together: the records that share date, title and organiser; it is edited as one thing (one
transaction for every attendee), and its ``materials`` are kept in each record's notes.

A staff member's activities come from two places: what was recorded directly as 職員地域活動, and the
activity days (活動記録) of collaborative projects that name the member among the staff who took part.
A project day on a date the member already recorded an activity for is counted once (the recorded one,
which has hours).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActivityRecord,
    ActivityStaff,
    CollaborativeProject,
    District,
    Membership,
    Person,
    StaffActivity,
    StaffTraining,
)
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import NotFoundError, StaleVersionError, ValidationError, msg
from sakae_council.domain.wareki import fiscal_year as fiscal_year_of
from sakae_council.domain.wareki import fiscal_year_range, to_wareki
from sakae_council.services.common import (
    audit,
    long_text,
    lookup,
    non_negative_int,
    optional_text,
    required_text,
)

MAX_TITLE = 200

# --- staff ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffMemberDTO:
    """A 地区担当職員: a person with a staff seat in at least one district."""

    id: int
    name: str
    furigana: str
    district_ids: tuple[int, ...]
    district_names: tuple[str, ...]


def list_staff(db: Database, district_id: int | None = None) -> list[StaffMemberDTO]:
    """Staff members (not deleted) in 五十音順, optionally only those of one district.

    Read as plain rows, not ORM objects: the staff filters and totals read it on every load of their tab,
    and at stress (12,500 staff) the objects cost ~30 MB each time, left in pieces on the heap after."""
    with db.reading() as s:
        stmt = (
            select(Person.id, Person.name, Person.furigana, Membership.district_id, District.name)
            .join(Membership, Membership.person_id == Person.id)
            .join(District, District.id == Membership.district_id)
            .where(Membership.role == MemberRole.STAFF.value, Person.deleted_at.is_(None))
            .order_by(Person.kana_key, Person.id, District.display_order)
        )
        seats: dict[int, list[tuple[int, str]]] = defaultdict(list)
        persons: dict[int, tuple[str, str]] = {}
        for pid, name, furigana, did, dname in s.execute(stmt):
            persons.setdefault(pid, (name, furigana))
            if (did, dname) not in seats[pid]:
                seats[pid].append((did, dname))
        out = []
        for pid, (name, furigana) in persons.items():
            ids = tuple(d for d, _ in seats[pid])
            if district_id is not None and district_id not in ids:
                continue
            out.append(
                StaffMemberDTO(
                    id=pid,
                    name=name,
                    furigana=furigana,
                    district_ids=ids,
                    district_names=tuple(n for _, n in seats[pid]),
                )
            )
        return out


# --- training sessions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TrainingAttendeeDTO:
    record_id: int
    version: int
    person_id: int
    person_name: str


@dataclass(frozen=True)
class TrainingSessionDTO:
    """One training (研修) and the staff who attended it."""

    held_on: date
    title: str
    organiser: str
    hours: int
    materials: str
    attendees: tuple[TrainingAttendeeDTO, ...]

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(self.held_on)

    @property
    def attendee_names(self) -> str:
        return "、".join(a.person_name for a in self.attendees)

    @property
    def person_ids(self) -> tuple[int, ...]:
        return tuple(a.person_id for a in self.attendees)

    @property
    def record_id(self) -> int:
        """The record the training's audit entries name (its oldest attendee record), so that the
        conflict dialog can say who saved the training last."""
        return min(a.record_id for a in self.attendees)


@dataclass(frozen=True)
class TrainingSessionInput:
    held_on: date | None
    title: str
    person_ids: tuple[int, ...]
    organiser: str = ""
    hours: int = 0
    materials: str = ""


def _sessions(rows: list[StaffTraining]) -> list[TrainingSessionDTO]:
    groups: dict[tuple[date, str, str], list[StaffTraining]] = {}
    for t in rows:
        groups.setdefault((t.held_on, t.title, t.organiser), []).append(t)
    out = []
    for (held_on, title, organiser), items in groups.items():
        items.sort(key=lambda t: (t.person.kana_key, t.person_id))
        out.append(
            TrainingSessionDTO(
                held_on=held_on,
                title=title,
                organiser=organiser,
                hours=items[0].hours,
                materials=items[0].notes,
                attendees=tuple(
                    TrainingAttendeeDTO(t.id, t.version, t.person_id, t.person.name) for t in items
                ),
            )
        )
    out.sort(key=lambda x: (x.held_on, x.title))
    return out


def list_training_sessions(
    db: Database, fiscal_year: int | None = None, person_id: int | None = None
) -> list[TrainingSessionDTO]:
    """Training sessions by date; with ``person_id`` only those the person attended (their history)."""
    with db.reading() as s:
        stmt = select(StaffTraining).options(selectinload(StaffTraining.person))
        if fiscal_year is not None:
            first, last = fiscal_year_range(fiscal_year)
            stmt = stmt.where(StaffTraining.held_on.between(first, last))
        sessions = _sessions(list(s.scalars(stmt)))
    if person_id is not None:
        sessions = [x for x in sessions if person_id in x.person_ids]
    return sessions


def _validate_session(s: Session, data: TrainingSessionInput) -> dict:
    if not isinstance(data.held_on, date):
        raise ValidationError("held_on", "実施日を入力してください。")
    values = {
        "held_on": data.held_on,
        "title": required_text(data.title, "title", "研修名", MAX_TITLE),
        "organiser": optional_text(data.organiser, "organiser", "主催"),
        "hours": non_negative_int(data.hours, "hours", "時間数"),
        "notes": long_text(data.materials, "materials", "資料・備考", 4000),
    }
    ids = list(dict.fromkeys(data.person_ids))
    if not ids:
        raise ValidationError("person_ids", "参加した職員を一人以上選んでください。")
    for pid in ids:
        p = lookup(s, Person, pid)
        if p is None or p.deleted_at is not None:
            raise ValidationError(
                "person_ids",
                "選んだ職員の中に、名簿から削除された人がいます。一覧を更新して選び直してください。",
            )
    values["person_ids"] = ids
    return values


def _session_query(held_on: date, title: str, organiser: str) -> Any:
    return (
        select(StaffTraining)
        .options(selectinload(StaffTraining.person))
        .where(
            StaffTraining.held_on == held_on,
            StaffTraining.title == title,
            StaffTraining.organiser == organiser,
        )
    )


def _session_rows(s: Session, session: TrainingSessionDTO) -> list[StaffTraining]:
    """The records of ``session`` as read, refusing if any was changed or removed since, or an
    attendee was added to it (the session is its records: they change together or not at all)."""
    rows = []
    for a in session.attendees:
        t = lookup(s, StaffTraining, a.record_id)
        if t is None or t.version != a.version:
            break
        rows.append(t)
    else:
        now = {t.id for t in s.scalars(_session_query(session.held_on, session.title, session.organiser))}
        if now == {t.id for t in rows}:
            return rows
    raise StaleVersionError(
        msg(
            "研修「{title}」の記録は、開いた後に別の場所で変更されています。"
            "再読み込みしてから、もう一度操作してください。",
            title=session.title,
        )
    )


def get_training_session(db: Database, session: TrainingSessionDTO) -> TrainingSessionDTO:
    """The training as it is saved now: the one its attendees' records belong to (NotFoundError when
    every record is gone), with any attendee someone else added since."""
    with db.reading() as s:
        for a in session.attendees:
            t = s.get(StaffTraining, a.record_id)
            if t is not None:
                return _sessions(list(s.scalars(_session_query(t.held_on, t.title, t.organiser))))[0]
    raise NotFoundError(msg("研修「{title}」の記録は、ほかの場所で削除されています。", title=session.title))


def save_training_session(
    db: Database, data: TrainingSessionInput, existing: TrainingSessionDTO | None = None
) -> TrainingSessionDTO:
    """Record a training for every attendee, or change ``existing`` (attendees added and removed), at once."""
    with db.transaction() as s:
        values = _validate_session(s, data)
        person_ids: list[int] = values.pop("person_ids")
        rows = _session_rows(s, existing) if existing is not None else []
        by_person = {t.person_id: t for t in rows}
        for t in rows:
            if t.person_id not in person_ids:
                s.delete(t)
        for pid in person_ids:
            record = by_person.get(pid)
            if record is None:
                s.add(StaffTraining(person_id=pid, **values))
            else:
                for key, value in values.items():
                    if getattr(record, key) != value:
                        setattr(record, key, value)
        s.flush()
        found = _sessions(
            list(s.scalars(_session_query(values["held_on"], values["title"], values["organiser"])))
        )
        when = to_wareki(values["held_on"])
        verb = "変更" if existing is not None else "記録"
        audit(
            s,
            db.user,
            "update" if existing else "create",
            "staff_training",
            found[0].record_id,
            f"研修「{values['title']}」（{when}、{len(person_ids)}名）を{verb}",
        )
        return found[0]


def delete_training_session(db: Database, session: TrainingSessionDTO) -> None:
    """Remove a training and every attendee's record of it."""
    with db.transaction() as s:
        for t in _session_rows(s, session):
            s.delete(t)
        audit(
            s,
            db.user,
            "delete",
            "staff_training",
            session.record_id,
            f"研修「{session.title}」（{to_wareki(session.held_on)}、{len(session.attendees)}名）を削除",
        )


# --- staff activities ----------------------------------------------------------------------------


@dataclass(frozen=True)
class StaffActivityEntryDTO:
    """One activity a staff member joined: recorded directly (``source`` "record") or a project's
    activity day (``source`` "project", hours not recorded per staff member)."""

    source: str
    record_id: int
    version: int
    person_id: int
    person_name: str
    held_on: date
    title: str
    district_id: int | None
    district_name: str
    hours: int | None
    project_id: int | None = None
    project_title: str = ""
    notes: str = ""

    @property
    def fiscal_year(self) -> int:
        return fiscal_year_of(self.held_on)

    @property
    def is_recorded(self) -> bool:
        return self.source == "record"


@dataclass(frozen=True)
class StaffActivityTotalDTO:
    """One staff member's 職員地域活動 in a fiscal year."""

    person_id: int
    person_name: str
    furigana: str
    activities: int
    recorded: int
    from_projects: int
    hours: int
    projects: int


def staff_activity_entries(
    db: Database, fiscal_year: int | None = None, person_id: int | None = None, district_id: int | None = None
) -> list[StaffActivityEntryDTO]:
    """Every activity staff joined (recorded ones and their projects' activity days), by date."""
    with db.reading() as s:
        names = {did: name for did, name in s.execute(select(District.id, District.name))}
        rec = select(StaffActivity).options(selectinload(StaffActivity.person))
        proj = (
            select(ActivityRecord, CollaborativeProject, Person)
            .join(CollaborativeProject, CollaborativeProject.id == ActivityRecord.project_id)
            .join(ActivityStaff, ActivityStaff.activity_id == ActivityRecord.id)
            .join(Person, Person.id == ActivityStaff.person_id)
            .where(Person.deleted_at.is_(None))
        )
        if fiscal_year is not None:
            first, last = fiscal_year_range(fiscal_year)
            rec = rec.where(StaffActivity.held_on.between(first, last))
            proj = proj.where(ActivityRecord.held_on.between(first, last))
        if person_id is not None:
            rec = rec.where(StaffActivity.person_id == person_id)
            proj = proj.where(Person.id == person_id)
        if district_id is not None:
            rec = rec.where(StaffActivity.district_id == district_id)
            proj = proj.where(CollaborativeProject.district_id == district_id)
        entries = [
            StaffActivityEntryDTO(
                source="record",
                record_id=a.id,
                version=a.version,
                person_id=a.person_id,
                person_name=a.person.name,
                held_on=a.held_on,
                title=a.title,
                district_id=a.district_id,
                district_name=names.get(a.district_id, "") if a.district_id else "",
                hours=a.hours,
                notes=a.notes,
            )
            for a in s.scalars(rec)
            if a.person.deleted_at is None
        ]
        recorded_days = {(e.person_id, e.held_on) for e in entries}
        for act, project, person in s.execute(proj):
            if (person.id, act.held_on) in recorded_days:
                continue
            entries.append(
                StaffActivityEntryDTO(
                    source="project",
                    record_id=act.id,
                    version=act.version,
                    person_id=person.id,
                    person_name=person.name,
                    held_on=act.held_on,
                    title=act.title,
                    district_id=project.district_id,
                    district_name=names.get(project.district_id, ""),
                    hours=None,
                    project_id=project.id,
                    project_title=project.title,
                )
            )
    entries.sort(key=lambda e: (e.held_on, e.person_id, e.source, e.record_id))
    return entries


def staff_activity_totals(
    db: Database, fiscal_year: int, district_id: int | None = None
) -> list[StaffActivityTotalDTO]:
    """Per staff member (every staff member of the district, also those with none) in 五十音順:
    activities joined in ``fiscal_year``, of which recorded and from projects, recorded hours, projects."""
    staff = list_staff(db, district_id)
    entries = staff_activity_entries(db, fiscal_year, district_id=district_id)
    by_person: dict[int, list[StaffActivityEntryDTO]] = defaultdict(list)
    for e in entries:
        by_person[e.person_id].append(e)
    order = [(m.id, m.name, m.furigana) for m in staff]
    known = {m.id for m in staff}
    order += sorted(
        {(e.person_id, e.person_name, "") for e in entries if e.person_id not in known}, key=lambda x: x[0]
    )
    out = []
    for pid, name, furigana in order:
        items = by_person.get(pid, [])
        out.append(
            StaffActivityTotalDTO(
                person_id=pid,
                person_name=name,
                furigana=furigana,
                activities=len(items),
                recorded=sum(1 for e in items if e.is_recorded),
                from_projects=sum(1 for e in items if not e.is_recorded),
                hours=sum(e.hours or 0 for e in items),
                projects=len({e.project_id for e in items if e.project_id is not None}),
            )
        )
    return out
