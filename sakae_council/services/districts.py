"""小学校区 and their councils: list, edit, merge (学区再編) with history kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import District, Membership
from sakae_council.domain.enums import CouncilStatus
from sakae_council.domain.errors import NotFoundError, ValidationError
from sakae_council.domain.text import normalize_text
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    optional_text,
    required_text,
)


@dataclass(frozen=True)
class DistrictDTO:
    id: int
    version: int
    name: str
    council_name: str
    council_status: CouncilStatus
    established_on: date | None
    display_order: int
    active: bool
    merged_into_id: int | None
    merged_into_name: str | None
    merged_on: date | None
    notes: str


@dataclass(frozen=True)
class DistrictInput:
    name: str
    council_name: str = ""
    council_status: CouncilStatus = CouncilStatus.PREPARING
    established_on: date | None = None
    display_order: int = 0
    notes: str = ""


def to_dto(d: District) -> DistrictDTO:
    return DistrictDTO(
        id=d.id,
        version=d.version,
        name=d.name,
        council_name=d.council_name,
        council_status=CouncilStatus(d.council_status),
        established_on=d.established_on,
        display_order=d.display_order,
        active=d.active,
        merged_into_id=d.merged_into_id,
        merged_into_name=d.merged_into.name if d.merged_into else None,
        merged_on=d.merged_on,
        notes=d.notes,
    )


def list_districts(db: Database, *, include_inactive: bool = True) -> list[DistrictDTO]:
    """All districts in display order (merged ones last unless excluded)."""
    with db.reading() as s:
        stmt = select(District).order_by(District.active.desc(), District.display_order, District.id)
        if not include_inactive:
            stmt = stmt.where(District.active.is_(True))
        return [to_dto(d) for d in s.scalars(stmt)]


def get_district(db: Database, district_id: int) -> DistrictDTO:
    """One district by id."""
    with db.reading() as s:
        return to_dto(get_or_raise(s, District, district_id, "学区"))


def find_district_id(session: Session, name: str) -> int:
    """Resolve a district by its name, with or without 小学校区 (安食 = 安食小学校区)."""
    text = normalize_text(name)
    candidates = [text, f"{text}小学校区", text.removesuffix("小学校区")]
    for cand in candidates:
        found = session.scalar(select(District.id).where(District.name == cand))
        if found is not None:
            return found
    names = "、".join(session.scalars(select(District.name).order_by(District.display_order)))
    raise NotFoundError(f"学区「{name}」が見つかりません。登録されている学区: {names}")


def district_id_by_name(db: Database, name: str) -> int:
    """Public wrapper of find_district_id for the CLI and pages."""
    with db.reading() as s:
        return find_district_id(s, name)


def _validate(s: Session, data: DistrictInput, exclude_id: int | None) -> dict:
    name = required_text(data.name, "name", "学区名", 100)
    clash = s.scalar(select(District.id).where(District.name == name))
    if clash is not None and clash != exclude_id:
        raise ValidationError("name", f"学区「{name}」はすでに登録されています。別の名前にしてください。")
    status = CouncilStatus(data.council_status)
    if status is CouncilStatus.ESTABLISHED and data.established_on is None:
        raise ValidationError("established_on", "設立済の協議会には設立日を入力してください。")
    return {
        "name": name,
        "council_name": optional_text(data.council_name, "council_name", "協議会名"),
        "council_status": status.value,
        "established_on": data.established_on,
        "display_order": int(data.display_order),
        "notes": long_text(data.notes, "notes", "備考"),
    }


def create_district(db: Database, data: DistrictInput) -> DistrictDTO:
    """Register a new district."""
    with db.transaction() as s:
        d = District(**_validate(s, data, None))
        s.add(d)
        s.flush()
        audit(s, db.user, "create", "district", d.id, f"学区「{d.name}」を登録")
        return to_dto(d)


def update_district(db: Database, district_id: int, data: DistrictInput, expected_version: int) -> DistrictDTO:
    """Change a district's name, council status and notes."""
    with db.transaction() as s:
        d = get_or_raise(s, District, district_id, "学区")
        check_version(d, expected_version, "学区")
        changes = apply_changes(d, _validate(s, data, district_id))
        if changes:
            s.flush()
            audit(s, db.user, "update", "district", d.id, f"学区「{d.name}」を変更", changes)
        return to_dto(d)


def merge_districts(db: Database, source_id: int, target_id: int, merged_on: date) -> DistrictDTO:
    """学区再編: the source joins the target; its current memberships move over, its history stays."""
    if source_id == target_id:
        raise ValidationError("target", "同じ学区どうしは統合できません。統合先を選び直してください。")
    with db.transaction() as s:
        src = get_or_raise(s, District, source_id, "学区")
        dst = get_or_raise(s, District, target_id, "学区")
        if not src.active:
            raise ValidationError("source", f"「{src.name}」はすでに統合済みです。")
        if not dst.active:
            raise ValidationError("target", f"統合先「{dst.name}」はすでに他の学区に統合されています。")
        moved = 0
        for m in s.scalars(select(Membership).where(Membership.district_id == src.id)):
            still_on = m.ended_on is None and (m.term_end is None or m.term_end >= merged_on)
            if not still_on:
                continue
            s.add(
                Membership(
                    person_id=m.person_id,
                    district_id=dst.id,
                    role=m.role,
                    public_post=m.public_post,
                    officer_post="member",
                    commissioned_on=m.commissioned_on,
                    term_start=merged_on,
                    term_end=m.term_end,
                )
            )
            m.ended_on = merged_on
            moved += 1
        src.active = False
        src.merged_into_id = dst.id
        src.merged_on = merged_on
        s.flush()
        audit(s, db.user, "merge", "district", src.id, f"学区「{src.name}」を「{dst.name}」に統合（{moved}名を移籍）")
        s.refresh(src)
        return to_dto(src)
