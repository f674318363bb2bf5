"""小学校区 and their councils: list, edit, merge (学区再編) with history kept."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    AuditEntry,
    CollaborativeProject,
    District,
    EquipmentLoan,
    IssueStatusChange,
    MeetingBody,
    Membership,
    Organisation,
    RegionalIssue,
)
from sakae_council.domain.enums import CouncilStatus, LoanStatus
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.text import normalize_text
from sakae_council.services._crud import change, current, insert
from sakae_council.services.common import (
    audit,
    get_or_raise,
    long_text,
    optional_text,
    order_number,
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
    #: The council's wording of the no-quorum remark on its minutes ("": the standard NO_QUORUM_REMARK).
    no_quorum_remark: str = ""


@dataclass(frozen=True)
class DistrictInput:
    name: str
    council_name: str = ""
    council_status: CouncilStatus = CouncilStatus.PREPARING
    established_on: date | None = None
    display_order: int = 0
    notes: str = ""
    no_quorum_remark: str = ""


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
        no_quorum_remark=d.no_quorum_remark,
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
    raise NotFoundError(
        msg("学区「{name}」が見つかりません。登録されている学区: {names}", name=name, names=names)
    )


def district_id_by_name(db: Database, name: str) -> int:
    """Public wrapper of find_district_id for the CLI and pages."""
    with db.reading() as s:
        return find_district_id(s, name)


def _validate(s: Session, data: DistrictInput, exclude_id: int | None) -> dict:
    name = required_text(data.name, "name", "学区名", 100)
    clash = s.scalar(select(District.id).where(District.name == name))
    if clash is not None and clash != exclude_id:
        raise ValidationError(
            "name", msg("学区「{name}」はすでに登録されています。別の名前にしてください。", name=name)
        )
    status = CouncilStatus(data.council_status)
    if status is CouncilStatus.ESTABLISHED and data.established_on is None:
        raise ValidationError("established_on", "設立済の協議会には設立日を入力してください。")
    return {
        "name": name,
        "council_name": optional_text(data.council_name, "council_name", "協議会名"),
        "council_status": status.value,
        "established_on": data.established_on,
        "display_order": order_number(data.display_order, "display_order", "表示順"),
        "notes": long_text(data.notes, "notes", "備考"),
        "no_quorum_remark": long_text(
            data.no_quorum_remark, "no_quorum_remark", "定足数に達しないときの注記", 400
        ),
    }


def create_district(db: Database, data: DistrictInput) -> DistrictDTO:
    """Register a new district."""
    with db.transaction() as s:
        d = District(**_validate(s, data, None))
        insert(s, db.user, d, "district", f"学区「{d.name}」を登録")
        return to_dto(d)


def update_district(
    db: Database, district_id: int, data: DistrictInput, expected_version: int
) -> DistrictDTO:
    """Change a district's name, council status and notes."""
    with db.transaction() as s:
        d = current(s, District, district_id, expected_version, "学区")
        change(
            s, db.user, d, _validate(s, data, district_id), "district", lambda d: f"学区「{d.name}」を変更"
        )
        return to_dto(d)


def set_district_order(db: Database, district_ids: list[int]) -> list[DistrictDTO]:
    """Number the given districts 1, 2, 3 … in the order given (the order of lists and switchers)."""
    with db.transaction() as s:
        for position, district_id in enumerate(district_ids, start=1):
            d = get_or_raise(s, District, district_id, "学区")
            if d.display_order != position:
                d.display_order = position
        s.flush()
        audit(s, db.user, "update", "district", None, "学区の並び順を変更")
    return list_districts(db)


#: What a merge moves to the target district: (table label, model). Meeting bodies keep their old
#: names, so the merged council's minutes still print as they were held.
_MOVED_WITH_DISTRICT = (
    ("regional_issue", "地域課題", RegionalIssue),
    ("collaborative_project", "協働事業", CollaborativeProject),
    ("meeting_body", "会議体", MeetingBody),
    ("organisation", "団体", Organisation),
)


@dataclass(frozen=True)
class MergeRecordDTO:
    """One 学区再編 as recorded: when, by whom, and how many records of each kind moved."""

    at: datetime
    user: str
    source_id: int
    summary: str
    moved: dict[str, int]


def merge_districts(db: Database, source_id: int, target_id: int, merged_on: date) -> DistrictDTO:
    """学区再編: the source joins the target.

    Running memberships end on ``merged_on`` and start again in the target (the old ones stay as
    history); the source's 地域課題, 協働事業, 会議体 (with their meetings), 団体 and open 資機材 loans
    move to the target. Each moved issue gets a dated line in its history, and the merge's audit entry
    lists the ids of everything moved. The source district stays, inactive, pointing at the target.
    """
    if source_id == target_id:
        raise ValidationError("target", "同じ学区どうしは統合できません。統合先を選び直してください。")
    with db.transaction() as s:
        src = get_or_raise(s, District, source_id, "学区")
        dst = get_or_raise(s, District, target_id, "学区")
        if not src.active:
            raise ValidationError("source", msg("「{name}」はすでに統合済みです。", name=src.name))
        if not dst.active:
            raise ValidationError(
                "target", msg("統合先「{name}」はすでに他の学区に統合されています。", name=dst.name)
            )
        moved_ids: dict[str, list[int]] = {"membership": []}
        for m in s.scalars(select(Membership).where(Membership.district_id == src.id)):
            still_on = (m.ended_on is None or m.ended_on > merged_on) and (
                m.term_end is None or m.term_end >= merged_on
            )
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
            moved_ids["membership"].append(m.id)
        note = f"学区再編により「{src.name}」から「{dst.name}」へ移管"
        model: Any
        for key, _label, model in _MOVED_WITH_DISTRICT:
            ids = list(s.scalars(select(model.id).where(model.district_id == src.id).order_by(model.id)))
            moved_ids[key] = ids
            if key == "regional_issue":
                for issue in s.scalars(select(RegionalIssue).where(RegionalIssue.id.in_(ids))):
                    s.add(
                        IssueStatusChange(
                            issue_id=issue.id,
                            from_status=issue.status,
                            to_status=issue.status,
                            changed_on=merged_on,
                            comment=note,
                            changed_by=db.user,
                        )
                    )
            for obj in s.scalars(select(model).where(model.id.in_(ids))):
                obj.district_id = dst.id  # through the ORM, so versioned rows bump their version
        open_loans = list(
            s.scalars(
                select(EquipmentLoan.id).where(
                    EquipmentLoan.district_id == src.id,
                    EquipmentLoan.status.in_((LoanStatus.RESERVED.value, LoanStatus.LENT.value)),
                )
            )
        )
        if open_loans:
            s.execute(
                update(EquipmentLoan)
                .where(EquipmentLoan.id.in_(open_loans))
                .values(district_id=dst.id, version=EquipmentLoan.version + 1)
                .execution_options(synchronize_session=False)
            )
        moved_ids["equipment_loan"] = open_loans
        src.active = False
        src.merged_into_id = dst.id
        src.merged_on = merged_on
        s.flush()
        counts = "、".join(
            f"{label}{len(moved_ids[key])}件" for key, label, _m in _MOVED_WITH_DISTRICT if moved_ids[key]
        )
        summary = f"学区「{src.name}」を「{dst.name}」に統合（{len(moved_ids['membership'])}名を移籍"
        summary += f"、{counts}" if counts else ""
        summary += "）"
        audit(
            s,
            db.user,
            "merge",
            "district",
            src.id,
            summary,
            {
                "merged_into": (None, dst.id),
                "merged_on": (None, merged_on),
                **{k: (v, None) for k, v in moved_ids.items()},
            },
        )
        s.refresh(src)
        return to_dto(src)


def merge_history(db: Database, district_id: int | None = None) -> list[MergeRecordDTO]:
    """学区再編 records, newest first: of one district (as source or target) or of all."""
    with db.reading() as s:
        stmt = (
            select(AuditEntry)
            .where(AuditEntry.entity == "district", AuditEntry.action == "merge")
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
        )
        out: list[MergeRecordDTO] = []
        for entry in s.scalars(stmt):
            changes = json.loads(entry.changes) if entry.changes else {}
            target = (changes.get("merged_into") or [None, None])[1]
            if district_id is not None and district_id not in (entry.entity_id, target):
                continue
            moved = {
                key: len(value[0])
                for key, value in changes.items()
                if isinstance(value, list) and value and isinstance(value[0], list)
            }
            out.append(
                MergeRecordDTO(
                    at=entry.at,
                    user=entry.user,
                    source_id=entry.entity_id or 0,
                    summary=entry.summary,
                    moved=moved,
                )
            )
        return out
