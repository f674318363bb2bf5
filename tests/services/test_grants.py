"""補助金 service: amounts, step dates, lifecycle, documents, totals computed in SQL."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from sqlalchemy import func, select

from sakae_council.db.models import AuditEntry, GrantApplication, GrantDocument
from sakae_council.domain.enums import GrantStatus
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import grants as svc
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.grants import GrantInput
from sakae_council.services.projects import ProjectInput, create_project


def count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture()
def world(db):
    d1 = create_district(db, DistrictInput(name="安食", display_order=1)).id
    d2 = create_district(db, DistrictInput(name="布鎌", display_order=2)).id
    p1 = create_project(db, ProjectInput("ふれあいサロン", d1)).id
    p2 = create_project(db, ProjectInput("防災マップづくり", d1)).id
    p3 = create_project(db, ProjectInput("花いっぱい運動", d2)).id
    return {"d1": d1, "d2": d2, "p1": p1, "p2": p2, "p3": p3}


def apply(db, world, **kw) -> svc.GrantDTO:
    values = {
        "project_id": world["p1"],
        "fiscal_year": 2026,
        "scheme": "公募制補助金",
        "amount_requested": 100_000,
    }
    values.update(kw)
    return svc.create_grant(db, GrantInput(**values))


def awarded(db, world, granted: int = 80_000, **kw) -> svc.GrantDTO:
    g = apply(db, world, applied_on=date(2026, 4, 10), **kw)
    g = svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, date(2026, 4, 20), g.version)
    return svc.change_grant_status(db, g.id, "交付決定", date(2026, 5, 15), g.version, amount_granted=granted)


# --- create / update ------------------------------------------------------------------------------


def test_create_grant(world, db):
    g = apply(db, world, applied_on=date(2026, 4, 10), notes="<見積書> & 計画書")
    assert g.status is GrantStatus.APPLIED
    assert (g.project_title, g.district_name) == ("ふれあいサロン", "安食")
    assert g.amount_requested == 100_000 and g.amount_granted is None and not g.overspent
    assert g.notes == "<見積書> & 計画書"
    with db.reading() as s:
        assert "¥100,000" in s.scalar(
            select(AuditEntry.summary).where(AuditEntry.entity == "grant_application")
        )


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"amount_requested": -1}, "amount_requested"),
        ({"amount_requested": 1000.0}, "amount_requested"),
        ({"amount_requested": True}, "amount_requested"),
        ({"amount_requested": "１０００"}, "amount_requested"),
        ({"amount_requested": None}, "amount_requested"),
        ({"amount_requested": 10**13}, "amount_requested"),
        ({"amount_granted": 50_000}, "amount_granted"),  # not before 交付決定
        ({"amount_spent": 10}, "amount_spent"),
        ({"fiscal_year": 1700}, "fiscal_year"),
        ({"fiscal_year": "2026"}, "fiscal_year"),
        ({"scheme": "制" * 201}, "scheme"),
        ({"reviewed_on": date(2026, 5, 1)}, "reviewed_on"),  # step not reached yet
    ],
)
def test_create_grant_validation(world, db, change, field):
    with pytest.raises(ValidationError) as err:
        apply(db, world, **change)
    assert err.value.field == field
    assert count(db, GrantApplication) == 0


def test_unknown_project_is_not_found(world, db):
    with pytest.raises(NotFoundError):
        apply(db, world, project_id=999)
    assert count(db, GrantApplication) == 0


def test_granted_and_spent_once_awarded_and_overspent(world, db):
    g = awarded(db, world, granted=80_000)
    assert (
        g.status is GrantStatus.AWARDED and g.amount_granted == 80_000 and g.decided_on == date(2026, 5, 15)
    )
    data = GrantInput(
        project_id=world["p1"],
        fiscal_year=2026,
        amount_requested=100_000,
        amount_granted=80_000,
        amount_spent=95_000,
        applied_on=g.applied_on,
        reviewed_on=g.reviewed_on,
        decided_on=g.decided_on,
    )
    g2 = svc.update_grant(db, g.id, data, g.version)
    assert g2.overspent and g2.remaining == -15_000
    g3 = svc.update_grant(db, g.id, replace(data, amount_spent=80_000), g2.version)
    assert not g3.overspent and g3.remaining == 0


def test_update_grant_stale_copy_conflicts(world, db):
    g = apply(db, world)
    svc.update_grant(db, g.id, GrantInput(world["p1"], 2026, amount_requested=120_000), g.version)
    with pytest.raises(ConflictError):
        svc.update_grant(db, g.id, GrantInput(world["p1"], 2026, amount_requested=1), g.version)
    assert svc.get_grant(db, g.id).amount_requested == 120_000


def test_step_dates_must_be_in_order(world, db):
    g = awarded(db, world)
    data = GrantInput(
        project_id=world["p1"],
        fiscal_year=2026,
        amount_requested=100_000,
        amount_granted=80_000,
        applied_on=date(2026, 4, 10),
        reviewed_on=date(2026, 4, 5),
        decided_on=date(2026, 5, 15),
    )
    with pytest.raises(ValidationError) as err:
        svc.update_grant(db, g.id, data, g.version)
    assert err.value.field == "reviewed_on" and "令和8年4月10日" in err.value.message
    assert svc.get_grant(db, g.id).reviewed_on == date(2026, 4, 20)


# --- lifecycle ------------------------------------------------------------------------------------


def test_full_lifecycle_stamps_each_date(world, db):
    g = awarded(db, world)
    g = svc.change_grant_status(db, g.id, GrantStatus.REPORTED, date(2027, 3, 10), g.version)
    g = svc.change_grant_status(db, g.id, GrantStatus.SETTLED, date(2027, 3, 25), g.version)
    assert (g.applied_on, g.reviewed_on, g.decided_on, g.reported_on, g.settled_on) == (
        date(2026, 4, 10),
        date(2026, 4, 20),
        date(2026, 5, 15),
        date(2027, 3, 10),
        date(2027, 3, 25),
    )
    assert g.status is GrantStatus.SETTLED
    with pytest.raises(ValidationError) as err:
        svc.change_grant_status(db, g.id, GrantStatus.APPLIED, date(2027, 3, 26), g.version)
    assert err.value.field == "status" and "変更できるのは: なし" in err.value.message


def test_rejection_stamps_decided_on_and_forbids_granted(world, db):
    g = apply(db, world)
    g = svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, date(2026, 4, 20), g.version)
    with pytest.raises(ValidationError) as err:
        svc.change_grant_status(
            db, g.id, GrantStatus.REJECTED, date(2026, 5, 1), g.version, amount_granted=10
        )
    assert err.value.field == "amount_granted"
    g = svc.change_grant_status(db, g.id, GrantStatus.REJECTED, date(2026, 5, 1), g.version)
    assert g.decided_on == date(2026, 5, 1) and g.amount_granted is None
    with pytest.raises(ValidationError) as err:
        svc.update_grant(
            db,
            g.id,
            GrantInput(
                world["p1"],
                2026,
                amount_requested=1,
                amount_granted=1,
                reviewed_on=g.reviewed_on,
                decided_on=g.decided_on,
            ),
            g.version,
        )
    assert err.value.field == "amount_granted"


@pytest.mark.parametrize(
    "target", [GrantStatus.AWARDED, GrantStatus.REPORTED, GrantStatus.SETTLED, GrantStatus.REJECTED]
)
def test_cannot_skip_review(world, db, target):
    g = apply(db, world)
    with pytest.raises(ValidationError) as err:
        svc.change_grant_status(db, g.id, target, date(2026, 5, 1), g.version)
    assert err.value.field == "status"
    saved = svc.get_grant(db, g.id)
    assert saved.status is GrantStatus.APPLIED and saved.decided_on is None


def test_status_date_cannot_precede_earlier_step(world, db):
    g = apply(db, world, applied_on=date(2026, 4, 10))
    with pytest.raises(ValidationError) as err:
        svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, date(2026, 4, 1), g.version)
    assert err.value.field == "changed_on"
    with pytest.raises(ValidationError) as err:
        svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, None, g.version)
    assert err.value.field == "changed_on"
    assert svc.get_grant(db, g.id).status is GrantStatus.APPLIED


@pytest.mark.parametrize("amount", [-5, 1.5, False])
def test_award_amount_is_checked(world, db, amount):
    g = apply(db, world)
    g = svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, date(2026, 4, 20), g.version)
    with pytest.raises(ValidationError) as err:
        svc.change_grant_status(
            db, g.id, GrantStatus.AWARDED, date(2026, 5, 1), g.version, amount_granted=amount
        )
    assert err.value.field == "amount_granted"
    assert svc.get_grant(db, g.id).status is GrantStatus.REVIEWING


def test_stale_status_change_conflicts(world, db):
    g = apply(db, world)
    svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, date(2026, 4, 20), g.version)
    with pytest.raises(ConflictError):
        svc.change_grant_status(db, g.id, GrantStatus.REVIEWING, date(2026, 4, 21), g.version)
    assert svc.get_grant(db, g.id).reviewed_on == date(2026, 4, 20)


# --- documents ------------------------------------------------------------------------------------


def test_documents_add_and_remove(world, db):
    g = apply(db, world)
    a = svc.add_document(db, g.id, "事業計画書", r"\\townhall\共有\補助金\計画書.pdf", date(2026, 4, 10))
    b = svc.add_document(db, g.id, "収支予算書 <案>", "紙: 住民活動推進課 棚3")
    assert [d.title for d in svc.get_grant(db, g.id).documents] == ["事業計画書", "収支予算書 <案>"]
    assert svc.get_grant(db, g.id).documents[0].location == r"\\townhall\共有\補助金\計画書.pdf"
    with pytest.raises(ValidationError) as err:
        svc.add_document(db, g.id, "   ")
    assert err.value.field == "title"
    svc.remove_document(db, a.id)
    assert [d.id for d in svc.get_grant(db, g.id).documents] == [b.id]
    svc.delete_grant(db, g.id)
    assert count(db, GrantDocument) == 0


# --- listing and totals -----------------------------------------------------------------------------


def test_list_grants_filters(world, db):
    a = apply(db, world)
    b = apply(db, world, project_id=world["p3"], fiscal_year=2027)
    assert [g.id for g in svc.list_grants(db)] == [b.id, a.id]
    assert [g.id for g in svc.list_grants(db, district_id=world["d2"])] == [b.id]
    assert [g.id for g in svc.list_grants(db, fiscal_year=2026)] == [a.id]
    assert [g.id for g in svc.list_grants(db, project_id=world["p1"])] == [a.id]


def test_grant_totals_per_year_and_district(world, db):
    g1 = awarded(db, world, granted=80_000)
    svc.update_grant(
        db,
        g1.id,
        GrantInput(
            world["p1"],
            2026,
            amount_requested=100_000,
            amount_granted=80_000,
            amount_spent=75_500,
            applied_on=g1.applied_on,
            reviewed_on=g1.reviewed_on,
            decided_on=g1.decided_on,
        ),
        g1.version,
    )
    awarded(db, world, granted=30_000, project_id=world["p2"], amount_requested=40_000)
    apply(db, world, project_id=world["p2"], amount_requested=7)  # still 申請: counts as requested only
    apply(db, world, project_id=world["p3"], amount_requested=50_000)
    apply(db, world, project_id=world["p3"], fiscal_year=2027, amount_requested=60_000)

    rows = svc.grant_totals(db)
    assert [
        (r.fiscal_year, r.district_name, r.applications, r.requested, r.granted, r.spent) for r in rows
    ] == [
        (2026, "安食", 3, 140_007, 110_000, 75_500),
        (2026, "布鎌", 1, 50_000, 0, 0),
        (2027, "布鎌", 1, 60_000, 0, 0),
    ]
    assert [r.requested for r in svc.grant_totals(db, fiscal_year=2027)] == [60_000]
    assert [(r.fiscal_year, r.requested) for r in svc.grant_totals(db, district_id=world["d2"])] == [
        (2026, 50_000),
        (2027, 60_000),
    ]
    assert svc.grant_totals(db, fiscal_year=2030) == []
