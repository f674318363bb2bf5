"""資機材の貸付: loans and reservations, checked against the stock on every day they cover; hand-over,
return (dated, with the condition it came back in) and cancellation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Row
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    CollaborativeProject,
    District,
    Equipment,
    EquipmentLoan,
    Organisation,
    Person,
)
from sakae_council.domain.enums import LoanStatus, check_transition
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.wareki import to_wareki
from sakae_council.services._crud import insert
from sakae_council.services.common import (
    audit,
    check_day,
    check_version,
    get_or_raise,
    long_text,
    non_negative_int,
    optional_text,
    require_id,
)
from sakae_council.services.equipment import ACTIVE_LOAN_STATUSES, _span_text, _usage

LOAN_TRANSITIONS: dict[LoanStatus, frozenset[LoanStatus]] = {
    LoanStatus.RESERVED: frozenset({LoanStatus.LENT, LoanStatus.CANCELLED}),
    LoanStatus.LENT: frozenset({LoanStatus.RETURNED, LoanStatus.CANCELLED}),
    LoanStatus.RETURNED: frozenset(),
    LoanStatus.CANCELLED: frozenset(),
}


@dataclass(frozen=True)
class LoanInput:
    equipment_id: int
    quantity: int
    lent_on: date | None
    due_on: date | None
    borrower_organisation_id: int | None = None
    borrower_person_id: int | None = None
    district_id: int | None = None
    project_id: int | None = None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class LoanDTO:
    id: int
    version: int
    equipment_id: int
    equipment_name: str
    quantity: int
    status: LoanStatus
    lent_on: date
    due_on: date
    returned_on: date | None
    borrower_organisation_id: int | None
    borrower_organisation_name: str
    borrower_person_id: int | None
    borrower_person_name: str
    district_id: int | None
    district_name: str
    project_id: int | None
    notes: str
    overdue: bool
    #: 返却時の状態 as recorded with the return ("" before, or when none was recorded).
    return_condition: str = ""

    @property
    def borrower_name(self) -> str:
        """The organisation, with the person in charge when both are known."""
        names = [n for n in (self.borrower_organisation_name, self.borrower_person_name) if n]
        return "・".join(names)


def _loan_query():  # type: ignore[no-untyped-def]
    """Loans as plain rows of the columns a LoanDTO holds, with the names a list shows, in one query (no ORM
    objects: the 資機材 page lists every loan, 30,000 at the stress size; outer joins: borrowers may have been
    deleted)."""
    loan = EquipmentLoan
    return (
        select(
            loan.id,
            loan.version,
            loan.equipment_id,
            Equipment.name,
            loan.quantity,
            loan.status,
            loan.lent_on,
            loan.due_on,
            loan.returned_on,
            loan.borrower_organisation_id,
            Organisation.name,
            loan.borrower_person_id,
            Person.name,
            loan.district_id,
            District.name,
            loan.project_id,
            loan.notes,
            loan.return_condition,
        )
        .join(Equipment, Equipment.id == loan.equipment_id)
        .outerjoin(Organisation, Organisation.id == loan.borrower_organisation_id)
        .outerjoin(Person, Person.id == loan.borrower_person_id)
        .outerjoin(District, District.id == loan.district_id)
    )


def _loan_dtos(rows: Iterable[Row], today: date) -> list[LoanDTO]:
    """DTOs of ``_loan_query`` rows. The names, dates and ids of items and borrowers repeat from loan to loan
    (one item lent many times, one borrower, a few hundred days): each distinct value is held once, not once
    per loan (at the stress size's 30,000 loans the copies were a third of the list's memory)."""
    shared: dict[object, object] = {}

    def one(value: Any) -> Any:
        return shared.setdefault(value, value)

    dtos = []
    for (
        loan_id,
        version,
        equipment_id,
        equipment_name,
        quantity,
        status_value,
        lent_on,
        due_on,
        returned_on,
        org_id,
        org,
        person_id,
        person,
        district_id,
        district,
        project_id,
        notes,
        return_condition,
    ) in rows:
        status = LoanStatus(status_value)
        dtos.append(
            LoanDTO(
                id=loan_id,
                version=version,
                equipment_id=one(equipment_id),
                equipment_name=one(equipment_name),
                quantity=quantity,
                status=status,
                lent_on=one(lent_on),
                due_on=one(due_on),
                returned_on=one(returned_on),
                borrower_organisation_id=one(org_id),
                borrower_organisation_name=one(org or ""),
                borrower_person_id=one(person_id),
                borrower_person_name=one(person or ""),
                district_id=one(district_id),
                district_name=one(district or ""),
                project_id=one(project_id),
                notes=one(notes),
                overdue=status is LoanStatus.LENT and due_on < today,
                return_condition=one(return_condition),
            )
        )
    return dtos


def _load_loan(s: Session, loan_id: int, today: date) -> LoanDTO:
    return _loan_dtos([s.execute(_loan_query().where(EquipmentLoan.id == loan_id)).one()], today)[0]


def get_loan(db: Database, loan_id: int, today: date | None = None) -> LoanDTO:
    """One loan."""
    with db.reading() as s:
        get_or_raise(s, EquipmentLoan, loan_id, "貸出記録")
        return _load_loan(s, loan_id, today or date.today())


def _validate_loan(s: Session, data: LoanInput, equipment: Equipment, today: date | None = None) -> dict:
    if not equipment.available:
        raise ValidationError(
            "equipment_id",
            msg("「{name}」は貸出不可になっています。別の資機材を選んでください。", name=equipment.name),
        )
    quantity = non_negative_int(data.quantity, "quantity", "数量")
    if not quantity:
        raise ValidationError("quantity", "数量は1以上を入力してください。")
    if not isinstance(data.lent_on, date):
        raise ValidationError("lent_on", "貸出日を入力してください。")
    if not isinstance(data.due_on, date):
        raise ValidationError("due_on", "返却予定日を入力してください。")
    check_day(data.lent_on, "lent_on", "貸出日")
    check_day(data.due_on, "due_on", "返却予定日")
    if data.due_on < data.lent_on:
        raise ValidationError("due_on", "返却予定日が貸出日より前になっています。日付を確認してください。")
    if data.borrower_organisation_id is None and data.borrower_person_id is None:
        raise ValidationError("borrower", "借りる団体か人を選んでください。")
    district_id = data.district_id
    if data.borrower_organisation_id is not None:
        org = get_or_raise(s, Organisation, data.borrower_organisation_id, "団体")
        if org.deleted_at is not None:
            raise ValidationError(
                "borrower",
                msg(
                    "「{name}」は団体の一覧から削除されています。元に戻すか、別の団体を選んでください。",
                    name=org.name,
                ),
            )
        district_id = district_id if district_id is not None else org.district_id
    if data.borrower_person_id is not None:
        person = get_or_raise(s, Person, data.borrower_person_id, "名簿の人")
        if person.deleted_at is not None:
            raise ValidationError(
                "borrower",
                msg(
                    "「{name}」は名簿から削除されています。元に戻すか、別の人を選んでください。",
                    name=person.name,
                ),
            )
    if data.project_id is not None:
        project = get_or_raise(s, CollaborativeProject, data.project_id, "協働事業")
        district_id = district_id if district_id is not None else project.district_id
    if district_id is not None:
        get_or_raise(s, District, district_id, "学区")
    if quantity > equipment.quantity:
        raise ValidationError(
            "quantity",
            msg(
                "「{name}」は{quantity}個しかありません。数量を減らしてください。",
                name=equipment.name,
                quantity=equipment.quantity,
            ),
        )
    short = [
        span
        for span in _usage(s, equipment.id, data.lent_on, data.due_on, equipment.quantity, today=today)
        if span.free < quantity
    ]
    if short:
        detail = "、".join(f"{_span_text(span)}は残り{max(span.free, 0)}個" for span in short)
        raise ValidationError(
            "quantity",
            msg(
                "「{name}」はほかの貸出・予約と重なり、足りない日があります（{detail}）。数量か日付を変えてください。",
                name=equipment.name,
                detail=detail,
            ),
        )
    return {
        "equipment_id": equipment.id,
        "quantity": quantity,
        "lent_on": data.lent_on,
        "due_on": data.due_on,
        "borrower_organisation_id": data.borrower_organisation_id,
        "borrower_person_id": data.borrower_person_id,
        "district_id": district_id,
        "project_id": data.project_id,
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def lend(db: Database, data: LoanInput, *, reserve: bool = False, today: date | None = None) -> LoanDTO:
    """Lend (or with ``reserve`` book) equipment; refused when the days it covers lack enough stock."""
    with db.transaction() as s:
        # Lock the equipment row so two people cannot both take the last piece (PostgreSQL; SQLite serialises writers).
        equipment = s.scalars(
            select(Equipment).where(Equipment.id == require_id(data.equipment_id, "資機材")).with_for_update()
        ).one_or_none()
        if equipment is None:
            equipment = get_or_raise(s, Equipment, data.equipment_id, "資機材")
        status = LoanStatus.RESERVED if reserve else LoanStatus.LENT
        loan = EquipmentLoan(status=status.value, **_validate_loan(s, data, equipment, today))
        verb = "予約" if reserve else "貸出"
        summary = f"資機材「{equipment.name}」{loan.quantity}個を{verb}（{to_wareki(loan.lent_on)}〜{to_wareki(loan.due_on)}）"
        insert(s, db.user, loan, "equipment_loan", summary)
        return _load_loan(s, loan.id, today or date.today())


def _move(
    db: Database,
    loan_id: int,
    new: LoanStatus,
    expected_version: int | None,
    returned_on: date | None = None,
    condition: str = "",
) -> LoanDTO:
    with db.transaction() as s:
        loan = get_or_raise(s, EquipmentLoan, loan_id, "貸出記録")
        check_version(loan, expected_version, "貸出記録")
        current = LoanStatus(loan.status)
        if current is new:
            raise ValidationError("status", msg("この貸出はすでに「{new}」です。", new=new.label))
        check_transition(current, new, LOAN_TRANSITIONS)
        changes: dict = {"status": (current.value, new.value)}
        if new is LoanStatus.RETURNED:
            if not isinstance(returned_on, date):
                raise ValidationError("returned_on", "返却日を入力してください。")
            check_day(returned_on, "returned_on", "返却日")
            if returned_on < loan.lent_on:
                raise ValidationError(
                    "returned_on",
                    msg(
                        "返却日が貸出日（{date}）より前になっています。日付を確認してください。",
                        date=to_wareki(loan.lent_on),
                    ),
                )
            loan.returned_on = returned_on
            changes["returned_on"] = (None, returned_on)
            return_condition = optional_text(condition, "return_condition", "返却時の状態", 400)
            if return_condition != loan.return_condition:
                changes["return_condition"] = (loan.return_condition, return_condition)
                loan.return_condition = return_condition
        loan.status = new.value
        s.flush()
        summary = f"資機材「{loan.equipment.name}」の貸出（ID {loan.id}）を「{new.label}」に変更"
        audit(s, db.user, "status", "equipment_loan", loan.id, summary, changes)
        return _load_loan(s, loan.id, date.today())


def hand_over(db: Database, loan_id: int, expected_version: int | None = None) -> LoanDTO:
    """A reservation is picked up: 予約 → 貸出中."""
    return _move(db, loan_id, LoanStatus.LENT, expected_version)


def return_loan(
    db: Database,
    loan_id: int,
    returned_on: date | None,
    expected_version: int | None = None,
    condition: str = "",
) -> LoanDTO:
    """The equipment came back: 貸出中 → 返却済, dated, with its condition on return (良好 / 破損あり: …)."""
    return _move(db, loan_id, LoanStatus.RETURNED, expected_version, returned_on, condition)


def cancel_loan(db: Database, loan_id: int, expected_version: int | None = None) -> LoanDTO:
    """Cancel a reservation or a loan entered by mistake; its stock is free again."""
    return _move(db, loan_id, LoanStatus.CANCELLED, expected_version)


def list_loans(
    db: Database,
    district_id: int | None = None,
    overdue_only: bool = False,
    today: date | None = None,
    *,
    equipment_id: int | None = None,
    active_only: bool = False,
    status: LoanStatus | None = None,
) -> list[LoanDTO]:
    """Loans, newest first; ``overdue`` marks those still out after their due date (as of ``today``);
    ``status`` keeps those in that state only."""
    today = today or date.today()
    with db.reading() as s:
        stmt = _loan_query().order_by(EquipmentLoan.lent_on.desc(), EquipmentLoan.id.desc())
        if district_id is not None:
            stmt = stmt.where(EquipmentLoan.district_id == district_id)
        if equipment_id is not None:
            stmt = stmt.where(EquipmentLoan.equipment_id == equipment_id)
        if active_only:
            stmt = stmt.where(EquipmentLoan.status.in_(ACTIVE_LOAN_STATUSES))
        if status is not None:
            stmt = stmt.where(EquipmentLoan.status == status.value)
        if overdue_only:
            stmt = stmt.where(EquipmentLoan.status == LoanStatus.LENT.value, EquipmentLoan.due_on < today)
        # Streamed in batches: the DTOs are made as the rows come, not after every row has been held at once.
        return _loan_dtos(s.execute(stmt.execution_options(yield_per=500)), today)
