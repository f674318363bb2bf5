"""The 資機材 page's list of loans at its stress size (30,000): read as plain rows (no ORM objects), each
DTO without a ``__dict__``, repeated names and dates held once, the state chosen filtered in the database."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event

from sakae_council.db.models import Equipment, EquipmentLoan
from sakae_council.domain.enums import LoanStatus
from sakae_council.services import equipment as svc
from sakae_council.services import equipment_loans as loans
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.equipment import EquipmentInput
from sakae_council.services.equipment_loans import LoanInput
from sakae_council.services.organisations import OrganisationInput, create_organisation

D = date
TODAY = D(2026, 5, 4)


@pytest.fixture()
def made(db):
    district = create_district(db, DistrictInput(name="安食", display_order=1)).id
    org = create_organisation(db, OrganisationInput(name="安食東区自治会", district_id=district)).id
    tents = svc.create_equipment(db, EquipmentInput(name="テント", code="T-01", quantity=5)).id

    def lend(lent_on: date, due_on: date, notes: str = "") -> loans.LoanDTO:
        data = LoanInput(tents, 1, lent_on, due_on, borrower_organisation_id=org, notes=notes)
        return loans.lend(db, data, today=D(2026, 4, 1))

    late = lend(D(2026, 5, 1), D(2026, 5, 3), notes="雨天時は体育館")
    same_day = lend(D(2026, 5, 1), D(2026, 5, 10))
    back = lend(D(2026, 4, 10), D(2026, 4, 12))
    loans.return_loan(db, back.id, D(2026, 4, 12), back.version, condition="良好")
    return {"late": late.id, "same_day": same_day.id, "back": back.id}


def test_the_list_builds_no_orm_object(db, made):
    built: list[object] = []

    def loaded(target: object, _context: object) -> None:
        built.append(target)

    for model in (EquipmentLoan, Equipment):
        event.listen(model, "load", loaded)
    try:
        rows = loans.list_loans(db, today=TODAY)
    finally:
        for model in (EquipmentLoan, Equipment):
            event.remove(model, "load", loaded)
    assert built == []
    by_id = {r.id: r for r in rows}
    assert [r.id for r in rows] == [made["same_day"], made["late"], made["back"]]
    late = by_id[made["late"]]
    assert (late.equipment_name, late.borrower_name, late.district_name, late.notes) == (
        "テント",
        "安食東区自治会",
        "安食",
        "雨天時は体育館",
    )
    assert (late.status, late.overdue) == (LoanStatus.LENT, True)
    back = by_id[made["back"]]
    assert (back.status, back.returned_on, back.return_condition, back.overdue) == (
        LoanStatus.RETURNED,
        D(2026, 4, 12),
        "良好",
        False,
    )
    assert loans.get_loan(db, made["late"], today=TODAY) == late  # one loan reads the same columns


def test_a_loan_has_no_instance_dict(db, made):
    row = loans.list_loans(db, today=TODAY)[0]
    assert not hasattr(row, "__dict__")  # slots: some 180 bytes a loan rather than some 400


def test_repeated_names_and_dates_are_held_once(db, made):
    rows = {r.id: r for r in loans.list_loans(db, today=TODAY)}
    late, same_day = rows[made["late"]], rows[made["same_day"]]
    assert late.lent_on is same_day.lent_on
    assert late.borrower_organisation_name is same_day.borrower_organisation_name
    assert late.district_name is same_day.district_name


def test_the_state_chosen_is_filtered_in_the_database(db, made):
    assert [r.id for r in loans.list_loans(db, today=TODAY, status=LoanStatus.RETURNED)] == [made["back"]]
    assert [r.id for r in loans.list_loans(db, today=TODAY, status=LoanStatus.LENT)] == [
        made["same_day"],
        made["late"],
    ]
    assert loans.list_loans(db, today=TODAY, status=LoanStatus.RESERVED) == []
