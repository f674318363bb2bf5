"""地区担当職員 on a 協働事業: who is assigned (a staff membership on the roster is required) and their role."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    CollaborativeProject,
    Membership,
    Person,
    ProjectStaff,
)
from sakae_council.domain.enums import (
    MemberRole,
)
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.services.common import (
    audit,
    get_or_raise,
    lookup,
    optional_text,
    refuse_removed,
    require_id,
)


@dataclass(frozen=True)
class StaffDTO:
    person_id: int
    name: str
    role_description: str


def _staff_dto(x: ProjectStaff) -> StaffDTO:
    return StaffDTO(x.person_id, x.person.name, x.role_description)


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
    refuse_removed(person, field)
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
        link = ProjectStaff(project_id=project_id, person_id=person_id, role_description=role)
        s.add(link)
        s.flush()
        audit(
            s,
            db.user,
            "create",
            "project_staff",
            project_id,
            f"協働事業「{p.title}」の担当に「{person.name}」を追加",
        )
        return _staff_dto(link)


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
