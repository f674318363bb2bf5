"""資機材の貸付: the equipment the town lends and how much of it is free on each day.

Loans and reservations are services/equipment_loans.py."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Equipment,
    EquipmentLoan,
)
from sakae_council.domain.enums import LoanStatus
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import to_wareki
from sakae_council.services import search
from sakae_council.services._crud import change, current, insert, remove
from sakae_council.services.common import (
    get_or_raise,
    long_text,
    non_negative_int,
    optional_text,
    required_text,
)

#: Loans that hold stock on the days from lent_on to due_on.
ACTIVE_LOAN_STATUSES = (LoanStatus.RESERVED.value, LoanStatus.LENT.value)

# --- equipment ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EquipmentInput:
    name: str
    code: str = ""
    quantity: int = 1
    storage_place: str = ""
    condition: str = ""
    available: bool = True
    notes: str = ""


@dataclass(frozen=True)
class EquipmentDTO:
    id: int
    version: int
    name: str
    code: str
    quantity: int
    storage_place: str
    condition: str
    available: bool
    notes: str


def to_dto(e: Equipment) -> EquipmentDTO:
    return EquipmentDTO(
        e.id, e.version, e.name, e.code, e.quantity, e.storage_place, e.condition, e.available, e.notes
    )


@dataclass(frozen=True)
class UsageSpan:
    """Days ``start``..``end`` (inclusive) on which ``in_use`` pieces are out or reserved."""

    start: date
    end: date
    in_use: int
    free: int


def _usage(
    s: Session,
    equipment_id: int,
    start: date,
    end: date,
    stock: int,
    exclude: int | None = None,
    today: date | None = None,
) -> list[UsageSpan]:
    """Split start..end into spans of constant use by active loans.

    A loan still out after its due date (期限切れ) has not come back, so it holds its pieces on every
    day from the day it was lent until its return is recorded, not only until the date it was due.
    """
    today = today or date.today()
    overdue = and_(EquipmentLoan.status == LoanStatus.LENT.value, EquipmentLoan.due_on < today)
    stmt = select(EquipmentLoan.lent_on, EquipmentLoan.due_on, EquipmentLoan.quantity, overdue).where(
        EquipmentLoan.equipment_id == equipment_id,
        EquipmentLoan.status.in_(ACTIVE_LOAN_STATUSES),
        EquipmentLoan.lent_on <= end,
        or_(EquipmentLoan.due_on >= start, overdue),
    )
    if exclude is not None:
        stmt = stmt.where(EquipmentLoan.id != exclude)
    loans = [(lent_on, end if late else due_on, q) for lent_on, due_on, q, late in s.execute(stmt)]
    cuts = {start, end + timedelta(days=1)}
    for lent_on, due_on, _ in loans:
        cuts.add(max(lent_on, start))
        cuts.add(min(due_on, end) + timedelta(days=1))
    points = sorted(cuts)
    spans: list[UsageSpan] = []
    for a, b in zip(points, points[1:], strict=False):
        used = sum(q for lent_on, due_on, q in loans if lent_on <= a <= due_on)
        last = b - timedelta(days=1)
        if spans and spans[-1].in_use == used:
            spans[-1] = UsageSpan(spans[-1].start, last, used, stock - used)
        else:
            spans.append(UsageSpan(a, last, used, stock - used))
    return spans


def _span_text(span: UsageSpan) -> str:
    if span.start == span.end:
        return to_wareki(span.start)
    return f"{to_wareki(span.start)}〜{to_wareki(span.end)}"


def _validate_equipment(s: Session, data: EquipmentInput, self_id: int | None) -> dict:
    code = optional_text(data.code, "code", "管理番号", 50)
    if code:
        clash = s.scalar(select(Equipment.id).where(Equipment.code == code))
        if clash is not None and clash != self_id:
            raise ValidationError(
                "code",
                msg("管理番号「{code}」はほかの資機材に使われています。別の番号にしてください。", code=code),
            )
    quantity = non_negative_int(data.quantity, "quantity", "数量")
    if not quantity:
        raise ValidationError("quantity", "数量は1以上を入力してください。")
    return {
        "name": required_text(data.name, "name", "資機材名"),
        "code": code,
        "quantity": quantity,
        "storage_place": optional_text(data.storage_place, "storage_place", "保管場所"),
        "condition": optional_text(data.condition, "condition", "状態"),
        "available": bool(data.available),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def create_equipment(db: Database, data: EquipmentInput) -> EquipmentDTO:
    """Register a piece of equipment the town lends."""
    with db.transaction() as s:
        e = Equipment(**_validate_equipment(s, data, None))
        insert(s, db.user, e, "equipment", f"資機材「{e.name}」を登録")
        return to_dto(e)


def update_equipment(
    db: Database, equipment_id: int, data: EquipmentInput, expected_version: int
) -> EquipmentDTO:
    """Change equipment; the stock cannot drop below what active loans already hold on some day."""
    with db.transaction() as s:
        e = current(s, Equipment, equipment_id, expected_version, "資機材")
        values = _validate_equipment(s, data, e.id)
        bounds = s.execute(
            select(func.min(EquipmentLoan.lent_on), func.max(EquipmentLoan.due_on)).where(
                EquipmentLoan.equipment_id == e.id, EquipmentLoan.status.in_(ACTIVE_LOAN_STATUSES)
            )
        ).one()
        if bounds[0] is not None:
            peak = max(span.in_use for span in _usage(s, e.id, bounds[0], bounds[1], e.quantity))
            if values["quantity"] < peak:
                raise ValidationError(
                    "quantity",
                    msg(
                        "貸出・予約で同じ日に最大{peak}個使われる予定があるため、数量を{peak}より少なくできません。",
                        peak=peak,
                    ),
                )
        change(s, db.user, e, values, "equipment", lambda e: f"資機材「{e.name}」を変更")
        return to_dto(e)


def delete_equipment(db: Database, equipment_id: int, expected_version: int | None = None) -> None:
    """Remove equipment that was never lent; lent equipment is kept for its history (mark it unavailable)."""
    with db.transaction() as s:
        e = current(s, Equipment, equipment_id, expected_version, "資機材")
        if s.scalar(select(func.count()).where(EquipmentLoan.equipment_id == e.id)):
            raise ValidationError(
                "equipment",
                msg(
                    "「{name}」には貸出の記録があるため削除できません。使わない場合は「貸出不可」にしてください。",
                    name=e.name,
                ),
            )
        remove(s, db.user, e, "equipment", f"資機材「{e.name}」を削除")


def get_equipment(db: Database, equipment_id: int) -> EquipmentDTO:
    """One piece of equipment."""
    with db.reading() as s:
        return to_dto(get_or_raise(s, Equipment, equipment_id, "資機材"))


def list_equipment(db: Database, query: str = "", *, available_only: bool = False) -> list[EquipmentDTO]:
    """Equipment by code and name, optionally searched (kana- and width-insensitive)."""
    with db.reading() as s:
        stmt = select(Equipment).order_by(Equipment.code, Equipment.name, Equipment.id)
        if available_only:
            stmt = stmt.where(Equipment.available.is_(True))
        items = [to_dto(e) for e in s.scalars(stmt)]
    wanted = search.words(query)
    if wanted:  # field by field: a word never runs from the end of the name into the code
        items = [e for e in items if search.matches(wanted, (e.name, e.code, e.storage_place))]
    return items


@dataclass(frozen=True)
class EquipmentAvailability:
    equipment_id: int
    name: str
    stock: int
    available: bool
    spans: tuple[UsageSpan, ...]

    @property
    def min_free(self) -> int:
        """Pieces free on every day of the range (0 while the equipment is marked 貸出不可)."""
        return min((span.free for span in self.spans), default=self.stock) if self.available else 0


def availability(
    db: Database, equipment_id: int, start: date, end: date, today: date | None = None
) -> EquipmentAvailability:
    """How many pieces are out or reserved, span by span, between ``start`` and ``end`` (overdue loans as of ``today``)."""
    if end < start:
        raise ValidationError("end", "期間の終わりが始まりより前になっています。日付を確認してください。")
    with db.reading() as s:
        e = get_or_raise(s, Equipment, equipment_id, "資機材")
        spans = _usage(s, e.id, start, end, e.quantity, today=today)
        return EquipmentAvailability(e.id, e.name, e.quantity, e.available, tuple(spans))
