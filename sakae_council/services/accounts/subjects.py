"""科目 and 細目 of a council: the starter set, listing, adding and editing (the same rows across years)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import AccountSubject, District
from sakae_council.domain.accounts import STARTER_SUBJECTS, SubjectKind, SubjectRole
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.services.accounts.core import subject_dto, subject_rows
from sakae_council.services.accounts.dto import SubjectDTO, SubjectInput
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    order_number,
    required_text,
)

SUBJECT = "科目"


def _dtos(s: Session, district_id: int, include_inactive: bool) -> list[SubjectDTO]:
    rows = subject_rows(s, district_id)
    names = {r.id: r.name for r in rows}
    return [subject_dto(r, names) for r in rows if include_inactive or r.active]


def list_subjects(db: Database, district_id: int, *, include_inactive: bool = False) -> list[SubjectDTO]:
    """A council's 科目 and 細目, 収入 first, in display order (a 細目 right after its 科目)."""
    with db.reading() as s:
        return _dtos(s, district_id, include_inactive)


def add_starter_subjects(s: Session, district_id: int) -> None:
    """The starter set, in the caller's transaction, if the council has no 科目 yet."""
    count = s.scalar(
        select(func.count()).select_from(AccountSubject).where(AccountSubject.district_id == district_id)
    )
    if count:
        return
    for order, (kind, name, role) in enumerate(STARTER_SUBJECTS, start=1):
        s.add(
            AccountSubject(
                district_id=district_id, kind=kind.value, name=name, role=role.value, display_order=order * 10
            )
        )
    s.flush()


def ensure_starter_subjects(db: Database, district_id: int) -> list[SubjectDTO]:
    """Give a council with no 科目 yet the starter set (editable afterwards); returns its 科目."""
    with db.transaction() as s:
        get_or_raise(s, District, district_id, "学区")
        add_starter_subjects(s, district_id)
        return _dtos(s, district_id, True)


def _validate(s: Session, district_id: int, data: SubjectInput, exclude_id: int | None) -> dict:
    name = required_text(data.name, "name", "科目名", 100)
    kind = SubjectKind.parse(str(data.kind), "kind")
    parent: AccountSubject | None = None
    if data.parent_id is not None:
        parent = get_or_raise(s, AccountSubject, data.parent_id, SUBJECT)
        if parent.district_id != district_id or parent.parent_id is not None:
            raise ValidationError(
                "parent_id", msg("細目は、同じ協議会の科目の下にだけ作れます。科目を選び直してください。")
            )
        kind = SubjectKind(parent.kind)
    same = select(AccountSubject.id).where(
        AccountSubject.district_id == district_id,
        AccountSubject.kind == kind.value,
        AccountSubject.name == name,
        AccountSubject.parent_id.is_(None)
        if data.parent_id is None
        else AccountSubject.parent_id == data.parent_id,
    )
    if exclude_id is not None:
        same = same.where(AccountSubject.id != exclude_id)
    if s.scalar(same) is not None:
        raise ValidationError(
            "name",
            msg("「{name}」はすでにあります。別の名前にするか、今ある科目を使ってください。", name=name),
        )
    return {
        "kind": kind.value,
        "name": name,
        "parent_id": data.parent_id,
        "display_order": order_number(data.display_order, "display_order", "表示順"),
        "active": bool(data.active),
        "notes": long_text(data.notes, "notes", "備考", 2000),
    }


def create_subject(db: Database, district_id: int, data: SubjectInput) -> SubjectDTO:
    """Add a 科目 or a 細目 to a council."""
    with db.transaction() as s:
        get_or_raise(s, District, district_id, "学区")
        row = AccountSubject(
            district_id=district_id, role=SubjectRole.NONE.value, **_validate(s, district_id, data, None)
        )
        s.add(row)
        s.flush()
        audit(s, db.user, "create", "account_subject", row.id, f"科目「{row.name}」を追加")
        return next(d for d in _dtos(s, district_id, True) if d.id == row.id)


def update_subject(db: Database, subject_id: int, data: SubjectInput, expected_version: int) -> SubjectDTO:
    """Rename, reorder or retire a 科目 (its kind and parent stay: years must compare)."""
    with db.transaction() as s:
        row = get_or_raise(s, AccountSubject, subject_id, SUBJECT)
        check_version(row, expected_version, SUBJECT)
        values = _validate(s, row.district_id, data, row.id)
        if values["kind"] != row.kind or values["parent_id"] != row.parent_id:
            raise ValidationError(
                "kind",
                msg(
                    "科目の収入・支出の区分と、細目の所属は変えられません（年度の比較が崩れるため）。新しい科目を作ってください。"
                ),
            )
        changes = apply_changes(row, values)
        if changes:
            s.flush()
            audit(s, db.user, "update", "account_subject", row.id, f"科目「{row.name}」を変更", changes)
        return next(d for d in _dtos(s, row.district_id, True) if d.id == row.id)
