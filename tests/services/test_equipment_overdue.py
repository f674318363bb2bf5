"""An overdue loan (貸出中 past its due date) has not come back: it keeps holding its pieces until returned."""

from __future__ import annotations

from datetime import date

import pytest

from sakae_council.domain.errors import ValidationError
from sakae_council.services import equipment as svc
from sakae_council.services import equipment_loans as loans
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.equipment import EquipmentInput
from sakae_council.services.equipment_loans import LoanInput
from sakae_council.services.organisations import OrganisationInput, create_organisation

D = date
TODAY = D(2026, 11, 28)


@pytest.fixture()
def world(db):
    d = create_district(db, DistrictInput(name="酒直", display_order=1)).id
    org = create_organisation(db, OrganisationInput(name="酒直第一自治会", district_id=d)).id
    gen = svc.create_equipment(db, EquipmentInput(name="発電機", code="EQ-002", quantity=2)).id
    return {"org": org, "gen": gen}


def lend(db, world, qty, lent_on, due_on, today=TODAY, **kw):
    return loans.lend(
        db,
        LoanInput(world["gen"], qty, lent_on, due_on, borrower_organisation_id=world["org"]),
        today=today,
        **kw,
    )


def test_overdue_loan_keeps_its_pieces_after_the_due_date(world, db):
    late = lend(db, world, 1, D(2026, 11, 8), D(2026, 11, 15), today=D(2026, 11, 8))
    assert loans.get_loan(db, late.id, TODAY).overdue
    avail = svc.availability(db, world["gen"], TODAY, D(2026, 12, 5), today=TODAY)
    assert avail.min_free == 1  # one of two is still out, although it was due back on 15 November
    assert [(s.start, s.end, s.in_use) for s in avail.spans] == [(TODAY, D(2026, 12, 5), 1)]
    lend(db, world, 1, D(2026, 12, 1), D(2026, 12, 3))  # the other one can go
    with pytest.raises(ValidationError) as err:
        lend(db, world, 1, D(2026, 12, 2), D(2026, 12, 2))
    assert err.value.field == "quantity"
    assert "令和8年12月2日は残り0個" in err.value.message


def test_returning_the_overdue_loan_frees_the_piece(world, db):
    late = lend(db, world, 2, D(2026, 11, 8), D(2026, 11, 15), today=D(2026, 11, 8))
    with pytest.raises(ValidationError):
        lend(db, world, 1, D(2026, 12, 1), D(2026, 12, 1))
    loans.return_loan(db, late.id, TODAY, late.version)
    assert svc.availability(db, world["gen"], TODAY, D(2026, 12, 5), today=TODAY).min_free == 2
    assert lend(db, world, 2, D(2026, 12, 1), D(2026, 12, 1)).quantity == 2


def test_a_loan_not_yet_due_holds_only_its_own_days(world, db):
    lend(db, world, 2, D(2026, 11, 26), D(2026, 11, 30))
    spans = svc.availability(db, world["gen"], D(2026, 11, 28), D(2026, 12, 3), today=TODAY).spans
    assert [(s.start.day, s.end.day, s.free) for s in spans] == [(28, 30, 0), (1, 3, 2)]
