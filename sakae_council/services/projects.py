"""協働事業: projects and their lifecycle, partners (役割分担), staff, milestones, activities (with their kind
and the staff who took part) and yearly evaluations (achieved or not, contribution to the plan's indicators)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActivityRecord,
    CollaborativeProject,
    District,
    GrantApplication,
    Membership,
    Milestone,
    Organisation,
    Person,
    ProjectEvaluation,
    ProjectPartner,
    ProjectStaff,
    RegionalIssue,
    project_issue,
)
from sakae_council.domain.enums import (
    PROJECT_TRANSITIONS,
    ActivityKind,
    IssueStatus,
    MemberRole,
    ProjectKind,
    ProjectStatus,
    check_transition,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.search_text import project_search_text
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range
from sakae_council.services import search
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_date_order,
    check_version,
    chosen_id,
    get_or_raise,
    long_text,
    lookup,
    non_negative_int,
    optional_text,
    require_id,
    required_text,
)

_LAUNCH_STATUSES = frozenset({ProjectStatus.GRANTED, ProjectStatus.RUNNING})


def _live(obj: Person | Organisation, field: str) -> None:
    """Refuse a person or organisation that was removed (soft-deleted) from the lists."""
    if obj.deleted_at is not None:
        where = "名簿" if isinstance(obj, Person) else "団体の一覧"
        raise ValidationError(
            field,
            msg(
                "「{name}」は{what}から削除されています。元に戻すか、別の相手を選んでください。",
                name=obj.name,
                what=where,
            ),
        )


# --- inputs and DTOs -----------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInput:
    title: str
    district_id: int
    kind: ProjectKind = ProjectKind.DISTRICT_COLLABORATION
    purpose: str = ""
    start_on: date | None = None
    end_on: date | None = None
    lead_organisation_id: int | None = None
    issue_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ProjectDTO:
    id: int
    version: int
    title: str
    purpose: str
    district_id: int
    district_name: str
    kind: ProjectKind
    status: ProjectStatus
    start_on: date | None
    end_on: date | None
    launched_on: date | None
    lead_organisation_id: int | None
    issue_ids: tuple[int, ...]


@dataclass(frozen=True)
class PartnerInput:
    person_id: int | None = None
    organisation_id: int | None = None
    role_description: str = ""


@dataclass(frozen=True)
class PartnerDTO:
    id: int
    version: int
    person_id: int | None
    organisation_id: int | None
    name: str
    role_description: str


@dataclass(frozen=True)
class StaffDTO:
    person_id: int
    name: str
    role_description: str


@dataclass(frozen=True)
class MilestoneInput:
    title: str
    due_on: date | None = None
    progress: int = 0
    done_on: date | None = None


@dataclass(frozen=True)
class MilestoneDTO:
    id: int
    version: int
    title: str
    due_on: date | None
    progress: int
    done_on: date | None


@dataclass(frozen=True)
class ActivityInput:
    held_on: date | None
    title: str
    participants: int = 0
    volunteer_hours: int = 0
    description: str = ""
    kind: ActivityKind | str = ActivityKind.OTHER
    #: 地区担当職員 who took part (people with a staff seat on the roster).
    staff_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class ActivityDTO:
    id: int
    version: int
    held_on: date
    title: str
    participants: int
    volunteer_hours: int
    description: str
    kind: ActivityKind = ActivityKind.OTHER
    staff_ids: tuple[int, ...] = ()
    staff_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvaluationInput:
    fiscal_year: int
    achievements: str = ""
    issues_found: str = ""
    next_steps: str = ""
    rating: int | None = None
    evaluated_on: date | None = None
    #: Were the year's aims achieved? None = 未判定.
    achieved: bool | None = None
    #: What the year contributed to the plan's indicators (指標への貢献).
    indicator_contribution: str = ""


@dataclass(frozen=True)
class EvaluationDTO:
    id: int
    version: int
    fiscal_year: int
    achievements: str
    issues_found: str
    next_steps: str
    rating: int | None
    evaluated_on: date | None
    achieved: bool | None = None
    indicator_contribution: str = ""


@dataclass(frozen=True)
class LinkedIssueDTO:
    id: int
    title: str
    status: IssueStatus


@dataclass(frozen=True)
class ProjectDetailDTO:
    project: ProjectDTO
    lead_organisation_name: str
    issues: tuple[LinkedIssueDTO, ...]
    partners: tuple[PartnerDTO, ...]
    staff: tuple[StaffDTO, ...]
    milestones: tuple[MilestoneDTO, ...]
    activities: tuple[ActivityDTO, ...]
    evaluations: tuple[EvaluationDTO, ...]


def to_dto(p: CollaborativeProject) -> ProjectDTO:
    return ProjectDTO(
        id=p.id,
        version=p.version,
        title=p.title,
        purpose=p.purpose,
        district_id=p.district_id,
        district_name=p.district.name,
        kind=ProjectKind(p.kind),
        status=ProjectStatus(p.status),
        start_on=p.start_on,
        end_on=p.end_on,
        launched_on=p.launched_on,
        lead_organisation_id=p.lead_organisation_id,
        issue_ids=tuple(sorted(i.id for i in p.issues)),
    )


def _partner_dto(x: ProjectPartner) -> PartnerDTO:
    name = x.person.name if x.person else x.organisation.name if x.organisation else ""
    return PartnerDTO(x.id, x.version, x.person_id, x.organisation_id, name, x.role_description)


def _milestone_dto(m: Milestone) -> MilestoneDTO:
    return MilestoneDTO(m.id, m.version, m.title, m.due_on, m.progress, m.done_on)


def _activity_dto(a: ActivityRecord) -> ActivityDTO:
    return ActivityDTO(
        a.id,
        a.version,
        a.held_on,
        a.title,
        a.participants,
        a.volunteer_hours,
        a.description,
        kind=ActivityKind(a.kind),
        staff_ids=tuple(p.id for p in a.staff),
        staff_names=tuple(p.name for p in a.staff),
    )


def _evaluation_dto(e: ProjectEvaluation) -> EvaluationDTO:
    return EvaluationDTO(
        e.id,
        e.version,
        e.fiscal_year,
        e.achievements,
        e.issues_found,
        e.next_steps,
        e.rating,
        e.evaluated_on,
        achieved=e.achieved,
        indicator_contribution=e.indicator_contribution,
    )


# --- projects -------------------------------------------------------------------------------------


def _load(s: Session, project_id: int) -> CollaborativeProject:
    get_or_raise(s, CollaborativeProject, project_id, "協働事業")
    stmt = (
        select(CollaborativeProject)
        .where(CollaborativeProject.id == project_id)
        .options(selectinload(CollaborativeProject.issues), selectinload(CollaborativeProject.district))
    )
    return s.scalars(stmt).one()


def _validate(
    s: Session, data: ProjectInput, current: CollaborativeProject | None = None
) -> tuple[dict, list[RegionalIssue]]:
    title = required_text(data.title, "title", "事業名", 400)
    purpose = long_text(data.purpose, "purpose", "目的", 4000)
    get_or_raise(s, District, chosen_id(data.district_id, "district_id", "学区"), "学区")
    if data.lead_organisation_id is not None:
        lead = get_or_raise(s, Organisation, data.lead_organisation_id, "団体")
        if current is None or current.lead_organisation_id != lead.id:  # keeping a removed one is fine
            _live(lead, "lead_organisation_id")
    check_date_order(
        data.start_on, data.end_on, "end_on", "終了日が開始日より前になっています。日付を確認してください。"
    )
    issues = []
    for issue_id in dict.fromkeys(data.issue_ids):
        issue = lookup(s, RegionalIssue, issue_id)
        if issue is None:
            raise ValidationError(
                "issue_ids",
                msg(
                    "地域課題（ID {issue_id}）が見つかりません。課題を選び直してください。", issue_id=issue_id
                ),
            )
        issues.append(issue)
    values = {
        "title": title,
        "purpose": purpose,
        "district_id": data.district_id,
        "kind": ProjectKind.parse(data.kind, "kind").value,
        "start_on": data.start_on,
        "end_on": data.end_on,
        "lead_organisation_id": data.lead_organisation_id,
        "search_text": project_search_text(title, purpose),
    }
    return values, issues


def _check_unlink(s: Session, project: CollaborativeProject, keep: set[int]) -> None:
    """An issue at 事業化 must stay linked to at least one project."""
    for issue in project.issues:
        if issue.id in keep or issue.status != IssueStatus.PROJECTIZED.value:
            continue
        others = s.scalar(
            select(func.count())
            .select_from(project_issue)
            .where(project_issue.c.issue_id == issue.id, project_issue.c.project_id != project.id)
        )
        if not others:
            raise ValidationError(
                "issue_ids",
                msg(
                    "課題「{title}」は「事業化」になっているため、結び付きを外せません。"
                    "先に課題のステータスを変更してください。",
                    title=issue.title,
                ),
            )


def create_project(db: Database, data: ProjectInput) -> ProjectDTO:
    """Register a project at 構想, linked to the given issues."""
    with db.transaction() as s:
        values, issues = _validate(s, data)
        p = CollaborativeProject(status=ProjectStatus.IDEA.value, **values)
        p.issues = issues
        s.add(p)
        s.flush()
        audit(s, db.user, "create", "collaborative_project", p.id, f"協働事業「{p.title}」を登録")
        return to_dto(_load(s, p.id))


def update_project(db: Database, project_id: int, data: ProjectInput, expected_version: int) -> ProjectDTO:
    """Change a project's details and linked issues; a stale copy raises ConflictError."""
    with db.transaction() as s:
        p = _load(s, project_id)
        check_version(p, expected_version, "協働事業")
        values, issues = _validate(s, data, p)
        changes = apply_changes(p, values)
        changes.pop("search_text", None)
        old_ids, new_ids = sorted(i.id for i in p.issues), sorted(i.id for i in issues)
        if old_ids != new_ids:
            _check_unlink(s, p, set(new_ids))
            p.issues = issues
            p.updated_at = utcnow()  # a links-only edit still bumps the project's version
            changes["issue_ids"] = (old_ids, new_ids)
        if changes:
            s.flush()
            audit(
                s, db.user, "update", "collaborative_project", p.id, f"協働事業「{p.title}」を変更", changes
            )
        return to_dto(_load(s, p.id))


def delete_project(db: Database, project_id: int, expected_version: int | None = None) -> None:
    """Remove a project with its partners, milestones and records; refused once grants are on file."""
    with db.transaction() as s:
        p = _load(s, project_id)
        check_version(p, expected_version, "協働事業")
        if s.scalar(select(func.count()).where(GrantApplication.project_id == project_id)):
            raise ValidationError(
                "project",
                "補助金の申請が登録されている事業は削除できません。やめる場合はステータスを「中止」にしてください。",
            )
        _check_unlink(s, p, set())
        audit(s, db.user, "delete", "collaborative_project", p.id, f"協働事業「{p.title}」を削除")
        s.delete(p)


def change_project_status(
    db: Database,
    project_id: int,
    new_status: ProjectStatus | str,
    changed_on: date | None,
    expected_version: int | None = None,
) -> ProjectDTO:
    """Move a project along its lifecycle; the first 交付決定 or 実施中 stamps launched_on (立ち上げ)."""
    with db.transaction() as s:
        p = _load(s, project_id)
        check_version(p, expected_version, "協働事業")
        current, new = ProjectStatus(p.status), ProjectStatus.parse(new_status, "status")
        if new is current:
            raise ValidationError(
                "status",
                msg(
                    "この事業はすでに「{current}」です。別のステータスを選んでください。",
                    current=current.label,
                ),
            )
        check_transition(current, new, PROJECT_TRANSITIONS)
        if not isinstance(changed_on, date):
            raise ValidationError("changed_on", "変更日を入力してください。")
        changes: dict[str, tuple[Any, Any]] = {"status": (current.value, new.value)}
        p.status = new.value
        if new in _LAUNCH_STATUSES and p.launched_on is None:
            p.launched_on = changed_on
            changes["launched_on"] = (None, changed_on)
        s.flush()
        summary = f"協働事業「{p.title}」を「{current.label}」から「{new.label}」に変更"
        audit(s, db.user, "status", "collaborative_project", p.id, summary, changes)
        return to_dto(p)


def get_project(db: Database, project_id: int) -> ProjectDetailDTO:
    """One project with its issues, partners, staff, milestones, activities and evaluations."""
    with db.reading() as s:
        p = _load(s, project_id)
        partners = s.scalars(
            select(ProjectPartner)
            .where(ProjectPartner.project_id == project_id)
            .options(selectinload(ProjectPartner.person), selectinload(ProjectPartner.organisation))
            .order_by(ProjectPartner.id)
        )
        staff = s.scalars(
            select(ProjectStaff)
            .where(ProjectStaff.project_id == project_id)
            .options(selectinload(ProjectStaff.person))
            .order_by(ProjectStaff.person_id)
        )
        activities = s.scalars(
            select(ActivityRecord)
            .where(ActivityRecord.project_id == project_id)
            .options(selectinload(ActivityRecord.staff))
            .order_by(ActivityRecord.held_on, ActivityRecord.id)
        )
        evaluations = s.scalars(
            select(ProjectEvaluation)
            .where(ProjectEvaluation.project_id == project_id)
            .order_by(ProjectEvaluation.fiscal_year)
        )
        lead = s.get(Organisation, p.lead_organisation_id) if p.lead_organisation_id else None
        return ProjectDetailDTO(
            project=to_dto(p),
            lead_organisation_name=lead.name if lead else "",
            issues=tuple(
                LinkedIssueDTO(i.id, i.title, IssueStatus(i.status))
                for i in sorted(p.issues, key=lambda i: i.id)
            ),
            partners=tuple(_partner_dto(x) for x in partners),
            staff=tuple(StaffDTO(x.person_id, x.person.name, x.role_description) for x in staff),
            milestones=tuple(
                _milestone_dto(m)
                for m in sorted(p.milestones, key=lambda m: (m.due_on is None, m.due_on, m.id))
            ),
            activities=tuple(_activity_dto(a) for a in activities),
            evaluations=tuple(_evaluation_dto(e) for e in evaluations),
        )


ProjectSort = Literal["start", "title", "kind", "district", "status", "launched", "issues"]


@dataclass(frozen=True)
class ProjectFilter:
    district_id: int | None = None
    status: ProjectStatus | None = None
    kind: ProjectKind | None = None
    query: str = ""
    #: Order of list_projects (ties: latest start first); the default is latest start first.
    sort: ProjectSort = "start"
    descending: bool = True


def _project_conditions(flt: ProjectFilter) -> list:
    conds: list = []
    if flt.district_id is not None:
        conds.append(CollaborativeProject.district_id == flt.district_id)
    if flt.status is not None:
        conds.append(CollaborativeProject.status == ProjectStatus.parse(flt.status, "status").value)
    if flt.kind is not None:
        conds.append(CollaborativeProject.kind == ProjectKind.parse(flt.kind, "kind").value)
    conds += search.contains_all(CollaborativeProject.search_text, search.words(flt.query))
    return conds


def _project_order(flt: ProjectFilter) -> list:
    """ORDER BY for the filter's sort; a project without a date sorts as the earliest."""
    p = CollaborativeProject
    latest = [p.start_on.desc().nulls_last(), p.id.desc()]
    if flt.sort == "start" and flt.descending:
        return latest
    by: dict[str, list[Any]] = {
        "start": [p.start_on.is_not(None), p.start_on],
        "title": [p.title],
        "kind": [p.kind],
        "district": [select(District.display_order).where(District.id == p.district_id).scalar_subquery()],
        "status": [case({x.value: i for i, x in enumerate(ProjectStatus)}, value=p.status, else_=len(ProjectStatus))],
        "launched": [p.launched_on.is_not(None), p.launched_on],
        "issues": [
            select(func.count()).select_from(project_issue).where(project_issue.c.project_id == p.id).scalar_subquery()
        ],
    }
    return [*(k.desc() if flt.descending else k for k in by[flt.sort]), *latest]


def list_projects(
    db: Database, flt: ProjectFilter | None = None, *, limit: int | None = None, offset: int = 0
) -> list[ProjectDTO]:
    """Projects matching the filter (every word of the query must match), latest start first unless
    ``flt.sort`` says otherwise; ``limit``/``offset`` page the list (count_projects gives the total)."""
    flt = flt or ProjectFilter()
    with db.reading() as s:
        stmt = (
            select(CollaborativeProject)
            .options(selectinload(CollaborativeProject.issues), selectinload(CollaborativeProject.district))
            .where(*_project_conditions(flt))
            .order_by(*_project_order(flt))
            .offset(offset)
        )
        if limit is not None:
            stmt = stmt.limit(limit)
        return [to_dto(p) for p in s.scalars(stmt)]


def count_projects(db: Database, flt: ProjectFilter | None = None) -> int:
    """How many projects list_projects would return for the filter (for the page's title line)."""
    flt = flt or ProjectFilter()
    with db.reading() as s:
        return s.scalar(select(func.count(CollaborativeProject.id)).where(*_project_conditions(flt))) or 0


# --- child records (partners, milestones, activities, evaluations) ---------------------------------


_CHILD_DTO: dict[type, Callable[[Any], Any]] = {
    ProjectPartner: _partner_dto,
    Milestone: _milestone_dto,
    ActivityRecord: _activity_dto,
    ProjectEvaluation: _evaluation_dto,
}
Values = Callable[[Session, int, int | None], dict]
"""Validates an input for a child record: (session, project_id, id of the record being edited) → column values."""
Links = Callable[[Session, Any], dict[str, tuple[Any, Any]]]
"""Validates and sets a child record's links to other rows (after its values); returns what changed, for the audit."""


def _add_child(
    db: Database, project_id: int, model: type[Any], values: Values, label: str, links: Links | None = None
) -> Any:
    with db.transaction() as s:
        p = get_or_raise(s, CollaborativeProject, project_id, "協働事業")
        obj = model(project_id=project_id, **values(s, project_id, None))
        if links is not None:
            links(s, obj)
        s.add(obj)
        s.flush()
        audit(s, db.user, "create", model.__tablename__, obj.id, f"協働事業「{p.title}」に{label}を追加")
        s.refresh(obj)
        return _CHILD_DTO[model](obj)


def _update_child(
    db: Database,
    model: type[Any],
    obj_id: int,
    values: Values,
    label: str,
    expected_version: int,
    links: Links | None = None,
) -> Any:
    with db.transaction() as s:
        obj = get_or_raise(s, model, obj_id, label)
        check_version(obj, expected_version, label)
        changes = apply_changes(obj, values(s, obj.project_id, obj.id))
        if links is not None:
            linked = links(s, obj)
            if linked and not changes:
                obj.updated_at = utcnow()  # a links-only edit still bumps the record's version
            changes.update(linked)
        if changes:
            s.flush()
            audit(
                s,
                db.user,
                "update",
                model.__tablename__,
                obj.id,
                f"{label}（事業ID {obj.project_id}）を変更",
                changes,
            )
        s.refresh(obj)
        return _CHILD_DTO[model](obj)


def _remove_child(
    db: Database, model: type[Any], obj_id: int, label: str, expected_version: int | None
) -> None:
    with db.transaction() as s:
        obj = get_or_raise(s, model, obj_id, label)
        check_version(obj, expected_version, label)
        audit(s, db.user, "delete", model.__tablename__, obj.id, f"{label}（事業ID {obj.project_id}）を削除")
        s.delete(obj)


def _partner_values(data: PartnerInput) -> Values:
    def values(s: Session, project_id: int, self_id: int | None) -> dict:
        if (data.person_id is None) == (data.organisation_id is None):
            raise ValidationError("partner", "協働パートナーは、人か団体のどちらか一つを選んでください。")
        old = lookup(s, ProjectPartner, self_id) if self_id is not None else None
        if data.person_id is not None:
            who: Person | Organisation = get_or_raise(s, Person, data.person_id, "名簿の人")
            same = ProjectPartner.person_id == data.person_id
            kept = old is not None and old.person_id == data.person_id
        else:
            who = get_or_raise(s, Organisation, data.organisation_id, "団体")  # type: ignore[arg-type]
            same = ProjectPartner.organisation_id == data.organisation_id
            kept = old is not None and old.organisation_id == data.organisation_id
        if not kept:  # a partner removed from the lists later may stay on the project
            _live(who, "partner")
        clash = s.scalar(select(ProjectPartner.id).where(ProjectPartner.project_id == project_id, same))
        if clash is not None and clash != self_id:
            raise ValidationError(
                "partner", "このパートナーはすでにこの事業に登録されています。役割分担を編集してください。"
            )
        return {
            "person_id": data.person_id,
            "organisation_id": data.organisation_id,
            "role_description": long_text(data.role_description, "role_description", "役割分担", 2000),
        }

    return values


def add_partner(db: Database, project_id: int, data: PartnerInput) -> PartnerDTO:
    """Add a partner (a person or an organisation, not both) with its 役割分担."""
    obj = _add_child(db, project_id, ProjectPartner, _partner_values(data), "協働パートナー")
    return obj


def update_partner(db: Database, partner_id: int, data: PartnerInput, expected_version: int) -> PartnerDTO:
    """Change a partner or its 役割分担."""
    obj = _update_child(
        db, ProjectPartner, partner_id, _partner_values(data), "協働パートナー", expected_version
    )
    return obj


def remove_partner(db: Database, partner_id: int, expected_version: int | None = None) -> None:
    """Take a partner off a project."""
    _remove_child(db, ProjectPartner, partner_id, "協働パートナー", expected_version)


def _milestone_values(data: MilestoneInput) -> Values:
    def values(_s: Session, _project_id: int, _id: int | None) -> dict:
        title = required_text(data.title, "title", "工程名", 400)
        progress = non_negative_int(data.progress, "progress", "進捗")
        if progress is not None and progress > 100:
            raise ValidationError("progress", "進捗は0〜100（%）で入力してください。")
        return {"title": title, "due_on": data.due_on, "progress": progress, "done_on": data.done_on}

    return values


def add_milestone(db: Database, project_id: int, data: MilestoneInput) -> MilestoneDTO:
    """Add a step (工程) with a due date and progress 0–100."""
    return _add_child(db, project_id, Milestone, _milestone_values(data), "工程")


def update_milestone(
    db: Database, milestone_id: int, data: MilestoneInput, expected_version: int
) -> MilestoneDTO:
    """Change a step or its progress."""
    return _update_child(db, Milestone, milestone_id, _milestone_values(data), "工程", expected_version)


def remove_milestone(db: Database, milestone_id: int, expected_version: int | None = None) -> None:
    """Delete a step."""
    _remove_child(db, Milestone, milestone_id, "工程", expected_version)


def _activity_values(data: ActivityInput) -> Values:
    def values(_s: Session, _project_id: int, _id: int | None) -> dict:
        if not isinstance(data.held_on, date):
            raise ValidationError("held_on", "実施日を入力してください。")
        if data.kind is None:
            raise ValidationError("kind", "活動の種類を選んでください。")
        return {
            "held_on": data.held_on,
            "title": required_text(data.title, "title", "活動名", 400),
            "kind": ActivityKind.parse(data.kind, "kind").value,
            "participants": non_negative_int(data.participants, "participants", "参加者数"),
            "volunteer_hours": non_negative_int(data.volunteer_hours, "volunteer_hours", "ボランティア時間"),
            "description": long_text(data.description, "description", "活動内容", 4000),
        }

    return values


def _activity_staff(data: ActivityInput) -> Links:
    def links(s: Session, record: ActivityRecord) -> dict[str, tuple[Any, Any]]:
        if isinstance(data.staff_ids, str | bytes) or not all(
            isinstance(i, int) and not isinstance(i, bool) for i in data.staff_ids
        ):
            raise ValidationError("staff_ids", "参加した職員を一覧から選び直してください。")
        current = list(record.staff)
        kept = {p.id: p for p in current}
        chosen = []
        for person_id in dict.fromkeys(data.staff_ids):
            # Someone already on the record stays even if they have since left the staff or the roster.
            chosen.append(kept.get(person_id) or _staff_member(s, person_id, "staff_ids"))
        old, new = sorted(kept), sorted(p.id for p in chosen)
        if old == new:
            return {}
        record.staff = chosen
        return {"staff_ids": (old, new)}

    return links


def add_activity(db: Database, project_id: int, data: ActivityInput) -> ActivityDTO:
    """Record an activity day: its kind, participants, volunteer hours, the staff who took part, what was done."""
    return _add_child(
        db, project_id, ActivityRecord, _activity_values(data), "活動記録", _activity_staff(data)
    )


def update_activity(
    db: Database, activity_id: int, data: ActivityInput, expected_version: int
) -> ActivityDTO:
    """Correct an activity record (its staff too)."""
    obj = _update_child(
        db,
        ActivityRecord,
        activity_id,
        _activity_values(data),
        "活動記録",
        expected_version,
        _activity_staff(data),
    )
    return obj


def remove_activity(db: Database, activity_id: int, expected_version: int | None = None) -> None:
    """Delete an activity record."""
    _remove_child(db, ActivityRecord, activity_id, "活動記録", expected_version)


def _evaluation_values(data: EvaluationInput) -> Values:
    def values(s: Session, project_id: int, self_id: int | None) -> dict:
        fy = data.fiscal_year
        if isinstance(fy, bool) or not isinstance(fy, int):
            raise ValidationError("fiscal_year", "年度を選んでください。")
        fiscal_year_range(fy)
        clash = s.scalar(
            select(ProjectEvaluation.id).where(
                ProjectEvaluation.project_id == project_id, ProjectEvaluation.fiscal_year == fy
            )
        )
        if clash is not None and clash != self_id:
            raise ValidationError(
                "fiscal_year",
                msg(
                    "{fiscal_year}の検証はすでに登録されています。そちらを編集してください。",
                    fiscal_year=fiscal_year_label(fy),
                ),
            )
        rating = data.rating
        if rating is not None and (
            isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5
        ):
            raise ValidationError("rating", "評価は1〜5の整数で選んでください（未評価なら空欄）。")
        if data.achieved is not None and not isinstance(data.achieved, bool):
            raise ValidationError("achieved", "目標の達成は「達成」「未達成」「未判定」から選んでください。")
        return {
            "fiscal_year": fy,
            "achievements": long_text(data.achievements, "achievements", "成果"),
            "issues_found": long_text(data.issues_found, "issues_found", "課題"),
            "next_steps": long_text(data.next_steps, "next_steps", "今後の方向性"),
            "rating": rating,
            "evaluated_on": data.evaluated_on,
            "achieved": data.achieved,
            "indicator_contribution": long_text(
                data.indicator_contribution, "indicator_contribution", "指標への貢献", 4000
            ),
        }

    return values


def add_evaluation(db: Database, project_id: int, data: EvaluationInput) -> EvaluationDTO:
    """Record the yearly verification (活性化事業の検証) of a project; one per fiscal year."""
    obj = _add_child(db, project_id, ProjectEvaluation, _evaluation_values(data), "事業の検証")
    return obj


def update_evaluation(
    db: Database, evaluation_id: int, data: EvaluationInput, expected_version: int
) -> EvaluationDTO:
    """Change a yearly verification."""
    values = _evaluation_values(data)
    return _update_child(db, ProjectEvaluation, evaluation_id, values, "事業の検証", expected_version)


def remove_evaluation(db: Database, evaluation_id: int, expected_version: int | None = None) -> None:
    """Delete a yearly verification."""
    _remove_child(db, ProjectEvaluation, evaluation_id, "事業の検証", expected_version)


# --- staff ------------------------------------------------------------------------------------------


def _staff_member(s: Session, person_id: int, field: str) -> Person:
    """The person, on the roster (not removed) with a 地区担当職員 seat, or a ValidationError on ``field``."""
    person = lookup(s, Person, person_id)
    if person is None:
        raise ValidationError(
            field,
            msg(
                "名簿の人（ID {person_id}）が見つかりません。一覧を更新して選び直してください。",
                person_id=person_id,
            ),
        )
    _live(person, field)
    is_staff = s.scalar(
        select(Membership.id).where(
            Membership.person_id == person_id, Membership.role == MemberRole.STAFF.value
        )
    )
    if is_staff is None:
        raise ValidationError(
            field,
            msg(
                "「{name}」さんは地区担当職員として名簿に登録されていません。名簿で役割を確認してください。",
                name=person.name,
            ),
        )
    return person


def add_staff(db: Database, project_id: int, person_id: int, role_description: str = "") -> StaffDTO:
    """Assign a 地区担当職員 to a project; the person must hold a staff membership."""
    with db.transaction() as s:
        p = get_or_raise(s, CollaborativeProject, project_id, "協働事業")
        get_or_raise(s, Person, person_id, "名簿の人")
        person = _staff_member(s, person_id, "person_id")
        if s.get(ProjectStaff, (project_id, person_id)) is not None:
            raise ValidationError(
                "person_id", msg("「{name}」さんはすでにこの事業の担当です。", name=person.name)
            )
        role = optional_text(role_description, "role_description", "担当内容")
        s.add(ProjectStaff(project_id=project_id, person_id=person_id, role_description=role))
        s.flush()
        audit(
            s,
            db.user,
            "create",
            "project_staff",
            project_id,
            f"協働事業「{p.title}」の担当に「{person.name}」を追加",
        )
        return StaffDTO(person_id, person.name, role)


def remove_staff(db: Database, project_id: int, person_id: int) -> None:
    """Take a staff member off a project."""
    with db.transaction() as s:
        link = s.get(ProjectStaff, (require_id(project_id, "協働事業"), require_id(person_id, "名簿の人")))
        if link is None:
            get_or_raise(s, CollaborativeProject, project_id, "協働事業")
            raise ValidationError(
                "person_id", "この職員はこの事業の担当ではありません。一覧を更新してください。"
            )
        audit(
            s,
            db.user,
            "delete",
            "project_staff",
            project_id,
            f"協働事業（ID {project_id}）の担当から「{link.person.name}」を外す",
        )
        s.delete(link)
