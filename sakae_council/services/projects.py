"""協働事業: projects, their lifecycle and the issues they answer; one project with all its parts.

The parts (partners with their 役割分担, staff, milestones, activities, yearly evaluations) are added and
changed in services/project_parts.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActivityRecord,
    CollaborativeProject,
    District,
    GrantApplication,
    Organisation,
    ProjectEvaluation,
    ProjectPartner,
    ProjectStaff,
    RegionalIssue,
    project_issue,
)
from sakae_council.domain.enums import (
    PROJECT_TRANSITIONS,
    IssueStatus,
    ProjectKind,
    ProjectStatus,
    check_transition,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.search_text import project_search_text
from sakae_council.services import search
from sakae_council.services._crud import change, current, insert, remove
from sakae_council.services.common import (
    audit,
    check_date_order,
    check_version,
    chosen_id,
    get_or_raise,
    long_text,
    lookup,
    refuse_removed,
    required_text,
)
from sakae_council.services.project_parts import (
    ActivityDTO,
    EvaluationDTO,
    MilestoneDTO,
    PartnerDTO,
    _activity_dto,
    _evaluation_dto,
    _milestone_dto,
    _partner_dto,
)
from sakae_council.services.project_staff import StaffDTO, _staff_dto

_LAUNCH_STATUSES = frozenset({ProjectStatus.GRANTED, ProjectStatus.RUNNING})


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
            refuse_removed(lead, "lead_organisation_id")
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
        insert(s, db.user, p, "collaborative_project", lambda p: f"協働事業「{p.title}」を登録")
        return to_dto(_load(s, p.id))


def update_project(db: Database, project_id: int, data: ProjectInput, expected_version: int) -> ProjectDTO:
    """Change a project's details and linked issues; a stale copy raises ConflictError."""
    with db.transaction() as s:
        p = current(s, CollaborativeProject, project_id, expected_version, "協働事業", load=_load)
        values, issues = _validate(s, data, p)
        linked: dict[str, tuple[Any, Any]] = {}
        old_ids, new_ids = sorted(i.id for i in p.issues), sorted(i.id for i in issues)
        if old_ids != new_ids:
            _check_unlink(s, p, set(new_ids))
            p.issues = issues
            linked["issue_ids"] = (old_ids, new_ids)
        change(
            s,
            db.user,
            p,
            values,
            "collaborative_project",
            lambda p: f"協働事業「{p.title}」を変更",
            quiet=["search_text"],
            extra=linked,
        )
        return to_dto(_load(s, p.id))


def delete_project(db: Database, project_id: int, expected_version: int | None = None) -> None:
    """Remove a project with its partners, milestones and records; refused once grants are on file."""
    with db.transaction() as s:
        p = current(s, CollaborativeProject, project_id, expected_version, "協働事業", load=_load)
        if s.scalar(select(func.count()).where(GrantApplication.project_id == project_id)):
            raise ValidationError(
                "project",
                "補助金の申請が登録されている事業は削除できません。やめる場合はステータスを「中止」にしてください。",
            )
        _check_unlink(s, p, set())
        remove(s, db.user, p, "collaborative_project", f"協働事業「{p.title}」を削除")


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
            staff=tuple(_staff_dto(x) for x in staff),
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
        "status": [
            case({x.value: i for i, x in enumerate(ProjectStatus)}, value=p.status, else_=len(ProjectStatus))
        ],
        "launched": [p.launched_on.is_not(None), p.launched_on],
        "issues": [
            select(func.count())
            .select_from(project_issue)
            .where(project_issue.c.project_id == p.id)
            .scalar_subquery()
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
