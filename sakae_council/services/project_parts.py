"""The parts of a 協働事業: partners (a person or an organisation, with its 役割分担), 地区担当職員 on it,
milestones (工程), activity records (with their kind and the staff who took part) and yearly evaluations
(achieved or not, contribution to the plan's indicators)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActivityRecord,
    CollaborativeProject,
    Milestone,
    Organisation,
    Person,
    ProjectEvaluation,
    ProjectPartner,
)
from sakae_council.domain.enums import (
    ActivityKind,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range
from sakae_council.services._crud import change, current, insert, remove
from sakae_council.services.common import (
    get_or_raise,
    long_text,
    lookup,
    non_negative_int,
    refuse_removed,
    required_text,
)
from sakae_council.services.project_staff import _staff_member

# --- inputs and DTOs -----------------------------------------------------------------------------


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
        insert(s, db.user, obj, model.__tablename__, f"協働事業「{p.title}」に{label}を追加")
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
        obj = current(s, model, obj_id, expected_version, label)
        new = values(s, obj.project_id, obj.id)
        linked = links(s, obj) if links is not None else None
        summary = f"{label}（事業ID {obj.project_id}）を変更"
        change(s, db.user, obj, new, model.__tablename__, summary, extra=linked)
        s.refresh(obj)
        return _CHILD_DTO[model](obj)


def _remove_child(
    db: Database, model: type[Any], obj_id: int, label: str, expected_version: int | None
) -> None:
    with db.transaction() as s:
        obj = current(s, model, obj_id, expected_version, label)
        remove(s, db.user, obj, model.__tablename__, f"{label}（事業ID {obj.project_id}）を削除")


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
            refuse_removed(who, "partner")
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
    return _add_child(db, project_id, ProjectPartner, _partner_values(data), "協働パートナー")


def update_partner(db: Database, partner_id: int, data: PartnerInput, expected_version: int) -> PartnerDTO:
    """Change a partner or its 役割分担."""
    return _update_child(
        db, ProjectPartner, partner_id, _partner_values(data), "協働パートナー", expected_version
    )


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
    return _update_child(
        db,
        ActivityRecord,
        activity_id,
        _activity_values(data),
        "活動記録",
        expected_version,
        _activity_staff(data),
    )


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
    return _add_child(db, project_id, ProjectEvaluation, _evaluation_values(data), "事業の検証")


def update_evaluation(
    db: Database, evaluation_id: int, data: EvaluationInput, expected_version: int
) -> EvaluationDTO:
    """Change a yearly verification."""
    values = _evaluation_values(data)
    return _update_child(db, ProjectEvaluation, evaluation_id, values, "事業の検証", expected_version)


def remove_evaluation(db: Database, evaluation_id: int, expected_version: int | None = None) -> None:
    """Delete a yearly verification."""
    _remove_child(db, ProjectEvaluation, evaluation_id, "事業の検証", expected_version)
