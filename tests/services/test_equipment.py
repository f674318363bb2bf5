"""資機材 service: equipment CRUD, loans checked against stock day by day, returns, overdue, availability."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from sakae_council.db.models import AuditEntry, Equipment, EquipmentLoan
from sakae_council.domain.enums import LoanStatus
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import equipment as svc
from sakae_council.services import equipment_loans as loans
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.equipment import EquipmentInput
from sakae_council.services.equipment_loans import LoanInput
from sakae_council.services.organisations import OrganisationInput, create_organisation, delete_organisation
from sakae_council.services.people import PersonInput, create_person
from sakae_council.services.projects import ProjectInput, create_project

D = date


def count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture()
def world(db):
    d1 = create_district(db, DistrictInput(name="安食", display_order=1)).id
    d2 = create_district(db, DistrictInput(name="酒直", display_order=2)).id
    org = create_organisation(db, OrganisationInput(name="安食東区自治会", district_id=d1)).id
    person = create_person(db, PersonInput(name="酒直 一郎")).id
    tents = svc.create_equipment(
        db, EquipmentInput(name="テント（３×６ｍ）", code="T-01", quantity=3, storage_place="役場倉庫")
    ).id
    return {"d1": d1, "d2": d2, "org": org, "person": person, "tents": tents}


MAY_3, MAY_5 = D(2026, 5, 3), D(2026, 5, 5)


def loan(world, quantity=1, lent_on=MAY_3, due_on=MAY_5, **kw) -> LoanInput:
    values = {"borrower_organisation_id": world["org"]}
    values.update(kw)
    return LoanInput(world["tents"], quantity, lent_on, due_on, **values)


# --- equipment --------------------------------------------------------------------------------------


def test_create_equipment_normalises_text(world, db):
    e = svc.get_equipment(db, world["tents"])
    assert (e.name, e.code, e.quantity, e.available) == ("テント（3×6m）", "T-01", 3, True)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (EquipmentInput(name=""), "name"),
        (EquipmentInput(name="机", quantity=0), "quantity"),
        (EquipmentInput(name="机", quantity=-2), "quantity"),
        (EquipmentInput(name="机", quantity=2.0), "quantity"),
        (EquipmentInput(name="机", code="Ｔ－０１"), "code"),  # 全角 of an existing code
        (EquipmentInput(name="机", code="x" * 51), "code"),
        (EquipmentInput(name="机", notes="n" * 4001), "notes"),
    ],
)
def test_equipment_validation(world, db, data, field):
    before = count(db, AuditEntry)
    with pytest.raises(ValidationError) as err:
        svc.create_equipment(db, data)
    assert err.value.field == field
    assert count(db, Equipment) == 1 and count(db, AuditEntry) == before


def test_update_equipment_conflict_and_stock_floor(world, db):
    e = svc.get_equipment(db, world["tents"])
    loans.lend(db, loan(world, 2))
    loans.lend(db, loan(world, 1, D(2026, 5, 5), D(2026, 5, 6)))
    with pytest.raises(ValidationError) as err:  # 3 are out on 5 May
        svc.update_equipment(db, e.id, EquipmentInput(name=e.name, code=e.code, quantity=2), e.version)
    assert err.value.field == "quantity" and "最大3" in err.value.message
    e2 = svc.update_equipment(
        db, e.id, EquipmentInput(name=e.name, code=e.code, quantity=5, condition="良好"), e.version
    )
    assert (e2.quantity, e2.version) == (5, e.version + 1)
    with pytest.raises(ConflictError):
        svc.update_equipment(db, e.id, EquipmentInput(name="古い", quantity=9), e.version)
    assert svc.get_equipment(db, e.id).quantity == 5


def test_delete_equipment_only_when_never_lent(world, db):
    chairs = svc.create_equipment(db, EquipmentInput(name="折りたたみ椅子", quantity=50))
    loans.lend(db, loan(world))
    with pytest.raises(ValidationError) as err:
        svc.delete_equipment(db, world["tents"])
    assert err.value.field == "equipment"
    svc.delete_equipment(db, chairs.id, chairs.version)
    assert [e.name for e in svc.list_equipment(db)] == ["テント（3×6m）"]
    assert [e.name for e in svc.list_equipment(db, "てんと")] == ["テント（3×6m）"]
    assert [e.name for e in svc.list_equipment(db, "テント(3")] == ["テント（3×6m）"]  # either width finds it


# --- lending ----------------------------------------------------------------------------------------


def test_lend_and_return(world, db):
    lent = loans.lend(db, loan(world, 2, notes="<夏祭り> & 盆踊り"), today=D(2026, 5, 4))
    assert lent.status is LoanStatus.LENT and lent.quantity == 2
    assert lent.district_name == "安食"  # taken from the borrowing 自治会
    assert lent.borrower_name == "安食東区自治会" and lent.notes == "<夏祭り> & 盆踊り"
    assert not lent.overdue
    back = loans.return_loan(db, lent.id, D(2026, 5, 5), lent.version)
    assert back.status is LoanStatus.RETURNED and back.returned_on == D(2026, 5, 5)
    with pytest.raises(ValidationError) as err:  # returned twice
        loans.return_loan(db, lent.id, D(2026, 5, 6), back.version)
    assert err.value.field == "status"


#: A day before every loan in these tests: none of them is overdue yet, whatever the real date is.
BEFORE = D(2026, 4, 1)


def test_overlapping_loans_beyond_stock_are_refused_with_the_dates(world, db):
    loans.lend(db, loan(world, 2, D(2026, 5, 1), D(2026, 5, 4)), today=BEFORE)
    loans.lend(
        db,
        loan(
            world,
            1,
            D(2026, 5, 4),
            D(2026, 5, 6),
            borrower_organisation_id=None,
            borrower_person_id=world["person"],
        ),
        today=BEFORE,
    )
    before = (count(db, EquipmentLoan), count(db, AuditEntry))
    with pytest.raises(ValidationError) as err:
        loans.lend(db, loan(world, 1, D(2026, 5, 3), D(2026, 5, 8)), today=BEFORE)
    assert err.value.field == "quantity"
    assert "令和8年5月4日は残り0個" in err.value.message
    assert (
        "5月3日" not in err.value.message and "5月5日" not in err.value.message
    )  # only the day that collides
    assert (count(db, EquipmentLoan), count(db, AuditEntry)) == before
    # the days either side are fine
    loans.lend(db, loan(world, 1, D(2026, 5, 5), D(2026, 5, 8)), today=BEFORE)
    with pytest.raises(ValidationError) as err:
        loans.lend(db, loan(world, 2, D(2026, 5, 2), D(2026, 5, 7)), today=BEFORE)
    assert "令和8年5月2日〜令和8年5月3日は残り1個" in err.value.message
    assert (
        "令和8年5月4日は残り0個" in err.value.message
        and "令和8年5月5日〜令和8年5月6日は残り1個" in err.value.message
    )


def test_returned_and_cancelled_loans_free_the_stock(world, db):
    a = loans.lend(db, loan(world, 3))
    with pytest.raises(ValidationError):
        loans.lend(db, loan(world, 1))
    loans.return_loan(db, a.id, D(2026, 5, 4), a.version)
    b = loans.lend(db, loan(world, 3), reserve=True)
    assert b.status is LoanStatus.RESERVED
    loans.cancel_loan(db, b.id, b.version)
    assert loans.lend(db, loan(world, 3)).status is LoanStatus.LENT


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quantity": 0}, "quantity"),
        ({"quantity": 4}, "quantity"),  # more than the stock
        ({"quantity": 1.0}, "quantity"),
        ({"lent_on": None}, "lent_on"),
        ({"due_on": None}, "due_on"),
        ({"due_on": D(2026, 5, 2)}, "due_on"),
        ({"borrower_organisation_id": None}, "borrower"),
        ({"notes": "長" * 4001}, "notes"),
    ],
)
def test_loan_validation(world, db, change, field):
    data = replace(loan(world), **change)
    with pytest.raises(ValidationError) as err:
        loans.lend(db, data)
    assert err.value.field == field
    assert count(db, EquipmentLoan) == 0


def test_loan_refused_for_unavailable_equipment_and_removed_borrower(world, db):
    broken = svc.create_equipment(db, EquipmentInput(name="発電機", quantity=1, available=False))
    with pytest.raises(ValidationError) as err:
        loans.lend(db, replace(loan(world), equipment_id=broken.id))
    assert err.value.field == "equipment_id"
    delete_organisation(db, world["org"])
    with pytest.raises(ValidationError) as err:
        loans.lend(db, loan(world))
    assert err.value.field == "borrower"
    with pytest.raises(NotFoundError):
        loans.lend(db, replace(loan(world), equipment_id=999))
    assert count(db, EquipmentLoan) == 0


def test_loan_district_from_project_when_person_borrows(world, db):
    p = create_project(db, ProjectInput("酒直まつり", world["d2"]))
    dto = loans.lend(
        db, loan(world, borrower_organisation_id=None, borrower_person_id=world["person"], project_id=p.id)
    )
    assert (dto.district_id, dto.project_id, dto.borrower_name) == (world["d2"], p.id, "酒直 一郎")


def test_reservation_lifecycle(world, db):
    r = loans.lend(db, loan(world), reserve=True)
    with pytest.raises(
        ValidationError
    ) as err:  # a reservation is not returned, it is handed over or cancelled
        loans.return_loan(db, r.id, D(2026, 5, 5), r.version)
    assert err.value.field == "status"
    lent = loans.hand_over(db, r.id, r.version)
    assert lent.status is LoanStatus.LENT
    with pytest.raises(ConflictError):
        loans.cancel_loan(db, r.id, r.version)
    with pytest.raises(ValidationError) as err:
        loans.return_loan(db, r.id, D(2026, 5, 2), lent.version)
    assert err.value.field == "returned_on"
    assert loans.get_loan(db, r.id).status is LoanStatus.LENT


# --- lists and availability --------------------------------------------------------------------------


def test_list_loans_overdue_and_district(world, db):
    late = loans.lend(db, loan(world, 1, D(2026, 5, 1), D(2026, 5, 3)))
    on_time = loans.lend(db, loan(world, 1, D(2026, 5, 2), D(2026, 5, 10)))
    back = loans.lend(db, loan(world, 1, D(2026, 4, 1), D(2026, 4, 2)))
    loans.return_loan(db, back.id, D(2026, 4, 2), back.version)
    reserved = loans.lend(
        db, loan(world, 1, D(2026, 4, 20), D(2026, 4, 21), district_id=world["d2"]), reserve=True
    )
    today = D(2026, 5, 4)
    rows = loans.list_loans(db, today=today)
    assert [r.id for r in rows] == [on_time.id, late.id, reserved.id, back.id]
    assert {r.id for r in rows if r.overdue} == {late.id}  # a reservation past its dates is not "overdue"
    assert [r.id for r in loans.list_loans(db, overdue_only=True, today=today)] == [late.id]
    assert [r.id for r in loans.list_loans(db, district_id=world["d2"], today=today)] == [reserved.id]
    assert loans.list_loans(db, overdue_only=True, today=D(2026, 5, 3)) == []  # due today is not late yet
    assert [r.id for r in loans.list_loans(db, active_only=True, today=today)] == [
        on_time.id,
        late.id,
        reserved.id,
    ]


def test_availability_spans(world, db):
    loans.lend(db, loan(world, 2, D(2026, 5, 3), D(2026, 5, 5)), today=BEFORE)
    loans.lend(db, loan(world, 1, D(2026, 5, 5), D(2026, 5, 7)), reserve=True, today=BEFORE)
    a = svc.availability(db, world["tents"], D(2026, 5, 1), D(2026, 5, 10), today=BEFORE)
    assert [(s.start.day, s.end.day, s.in_use, s.free) for s in a.spans] == [
        (1, 2, 0, 3),
        (3, 4, 2, 1),
        (5, 5, 3, 0),
        (6, 7, 1, 2),
        (8, 10, 0, 3),
    ]
    assert a.min_free == 0 and a.stock == 3
    assert svc.availability(db, world["tents"], D(2026, 5, 6), D(2026, 5, 6), today=BEFORE).min_free == 2
    with pytest.raises(ValidationError) as err:
        svc.availability(db, world["tents"], D(2026, 5, 6), D(2026, 5, 1))
    assert err.value.field == "end"
