"""会計 services: entries and 証憑番号, 訂正, month checks, budget vs 執行, overspend, closing and carry-over."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sakae_council.db.models import AccountEntry, AuditEntry
from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.services import accounts
from sakae_council.services.accounts import BudgetLineInput, CashAccount, EntryInput
from sakae_council.services.districts import DistrictInput, create_district


@pytest.fixture()
def book(db):
    district = create_district(db, DistrictInput(name="安食", display_order=1)).id
    return accounts.open_book(db, district, 2026)


def subject(db, book, name: str) -> int:
    return next(s.id for s in accounts.list_subjects(db, book.district_id) if s.name == name)


def entry(db, book, name: str, day: date, *, income=0, expense=0, account="cash", **kw) -> accounts.EntryDTO:
    data = EntryInput(
        day, subject(db, book, name), kw.pop("description", name), income, expense, account, **kw
    )
    return accounts.add_entry(db, book.id, data)


def test_a_new_book_has_the_starter_subjects_and_no_entries(db, book) -> None:
    names = [s.name for s in accounts.list_subjects(db, book.district_id)]
    assert names[:3] == ["前年度繰越金", "会費", "町交付金"]
    assert "予備費" in names and "印刷製本費" in names
    assert book.fiscal_year_label == "令和8年度" and not book.is_closed
    assert accounts.list_entries(db, book.id) == []


def test_amounts_typed_any_way_read_as_yen_and_stay_in_bounds(db, book) -> None:
    for typed in ("12000", "１２，０００", "12,000円"):
        e = entry(db, book, "会費", date(2026, 4, 10), income=typed)
        assert e.income == 12000
    top = entry(db, book, "寄付金", date(2026, 4, 11), income=2_147_483_647)
    assert top.income == 2_147_483_647
    for bad in (2_147_483_648, -1, "-500", "12.5"):
        with pytest.raises(ValidationError) as err:
            entry(db, book, "会費", date(2026, 4, 12), income=bad)
        assert err.value.field == "income"
    with pytest.raises(ValidationError, match="どちらか一方"):
        entry(db, book, "会費", date(2026, 4, 12), income=100, expense=100)


def test_vouchers_are_sequential_and_a_deleted_number_is_not_reused(db, book) -> None:
    a = entry(db, book, "会費", date(2026, 4, 1), income=1000)
    b = entry(db, book, "会費", date(2026, 4, 2), income=1000)
    accounts.delete_entry(db, b.id, b.version)
    c = entry(db, book, "会費", date(2026, 4, 3), income=1000)
    assert (a.voucher_no, b.voucher_no, c.voucher_no) == (1, 2, 3)


def test_running_balance_per_account_and_balances(db, book) -> None:
    entry(db, book, "会費", date(2026, 4, 5), income=30000)
    entry(db, book, "町交付金", date(2026, 4, 6), income=200000, account="bank")
    entry(db, book, "消耗品費", date(2026, 4, 7), expense=4500)
    rows = accounts.list_entries(db, book.id)
    assert [r.balance for r in rows] == [30000, 200000, 25500]
    cash, bank = accounts.balances(db, book.id)
    assert (cash.account, cash.closing, bank.closing) == (CashAccount.CASH, 25500, 200000)
    assert accounts.list_entries(db, book.id, account="bank")[0].balance == 200000


def test_a_checked_month_refuses_change_and_a_correction_cancels(db, book) -> None:
    wrong = entry(db, book, "消耗品費", date(2026, 4, 20), expense=3000)
    accounts.check_month(db, book.id, date(2026, 4, 1), date(2026, 5, 1))
    with pytest.raises(ValidationError, match="月次確認済み"):
        accounts.delete_entry(db, wrong.id, wrong.version)
    with pytest.raises(ValidationError, match="月次確認済み"):
        accounts.update_entry(
            db, wrong.id, EntryInput(date(2026, 4, 20), wrong.subject_id, "x", 0, 300), wrong.version
        )
    with pytest.raises(ValidationError, match="月次確認済み"):
        entry(db, book, "消耗品費", date(2026, 4, 21), expense=1)
    fix = accounts.cancel_entry(db, wrong.id, date(2026, 5, 2), "金額の誤り")
    assert fix.cancels_voucher_no == wrong.voucher_no and fix.is_correction and fix.balance == 0
    assert accounts.get_entry(db, wrong.id).cancelled_by_voucher_no == fix.voucher_no
    assert accounts.balances(db, book.id)[0].closing == 0
    with pytest.raises(ValidationError, match="すでに"):
        accounts.cancel_entry(db, wrong.id, date(2026, 5, 2), "二度目")


def test_a_stale_version_is_a_conflict(db, book) -> None:
    e = entry(db, book, "会費", date(2026, 4, 5), income=1000)
    accounts.update_entry(db, e.id, EntryInput(e.entry_date, e.subject_id, "会費（4月分）", 1200), e.version)
    with pytest.raises(ConflictError):
        accounts.update_entry(db, e.id, EntryInput(e.entry_date, e.subject_id, "会費", 1300), e.version)


def test_budget_revision_keeps_the_original_and_shows_remaining(db, book) -> None:
    meeting = subject(db, book, "会議費")
    accounts.set_budget(db, book.id, date(2026, 4, 20), [BudgetLineInput(meeting, "20,000")])
    entry(db, book, "会議費", date(2026, 5, 1), expense=8000)
    accounts.add_budget_revision(
        db, book.id, date(2026, 10, 1), "研修会の追加", [BudgetLineInput(meeting, 30000)]
    )
    revisions = accounts.list_budget_revisions(db, book.id)
    assert [(r.title, r.lines[0].amount) for r in revisions] == [
        ("当初予算", 20000),
        ("第1号補正予算", 30000),
    ]
    row = next(r for r in accounts.budget_vs_actual(db, book.id) if r.subject_id == meeting)
    assert (row.original, row.budget, row.executed, row.remaining, row.over) == (
        20000,
        30000,
        8000,
        22000,
        False,
    )


def test_overspend_is_a_warning_recorded_with_a_reason(db, book) -> None:
    printing = subject(db, book, "印刷製本費")
    accounts.set_budget(db, book.id, date(2026, 4, 20), [BudgetLineInput(printing, 10000)])
    entry(db, book, "印刷製本費", date(2026, 5, 1), expense=6000)
    assert accounts.check_overspend(db, book.id, printing, 4000) is None
    with pytest.raises(accounts.OverspendWarning) as warned:
        entry(db, book, "印刷製本費", date(2026, 5, 2), expense=5000)
    assert warned.value.warning.over_by == 1000 and "理由" in str(warned.value)
    kept = entry(
        db,
        book,
        "印刷製本費",
        date(2026, 5, 2),
        expense=5000,
        overspend_reason="総会資料の増刷を役員会で承認",
    )
    assert kept.overspend_reason == "総会資料の増刷を役員会で承認"
    row = next(r for r in accounts.budget_vs_actual(db, book.id) if r.subject_id == printing)
    assert row.over and row.remaining == -1000


def test_closing_locks_the_year_and_carries_the_balance_into_next_year(db, book) -> None:
    entry(db, book, "会費", date(2026, 4, 5), income=50000)
    entry(db, book, "町交付金", date(2026, 5, 6), income=300000, account="bank")
    entry(db, book, "事業費", date(2027, 3, 6), expense=123456, account="bank")
    closed = accounts.close_year(db, book.id, date(2027, 4, 20))
    assert closed.is_closed and closed.carryover == 50000 + 300000 - 123456
    with pytest.raises(ValidationError, match="決算確定済み"):
        entry(db, book, "会費", date(2027, 3, 30), income=1)
    next_year = accounts.open_book(db, book.district_id, 2027)
    assert (next_year.opening_cash, next_year.opening_bank) == (50000, 300000 - 123456)
    statement = accounts.settlement_statement(db, next_year.id)
    carry = next(r for r in statement.income_rows if r.label == "前年度繰越金")
    assert carry.actual == closed.carryover


def test_a_closed_year_changes_only_through_a_numbered_revision(db, book) -> None:
    gift = entry(db, book, "寄付金", date(2026, 6, 1), income=10000)
    nxt = accounts.open_book(db, book.district_id, 2027)
    accounts.close_year(db, book.id, date(2027, 4, 20))
    gift = accounts.get_entry(db, gift.id)
    assert gift.locked
    closed_refusals = [
        lambda: accounts.cancel_entry(db, gift.id, date(2026, 6, 2), "誤り"),
        lambda: accounts.update_entry(
            db, gift.id, EntryInput(gift.entry_date, gift.subject_id, "寄付", 1), gift.version
        ),
        lambda: accounts.delete_entry(db, gift.id, gift.version),
        lambda: accounts.add_transfer(db, book.id, date(2026, 6, 3), "cash", 100),
        lambda: accounts.set_budget(db, book.id, date(2026, 6, 3), [BudgetLineInput(gift.subject_id, 1)]),
        lambda: accounts.check_month(db, book.id, date(2026, 6, 1), date(2026, 7, 1)),
        lambda: accounts.record_cash_count(
            db, book.id, accounts.CashCountInput(date(2026, 6, 3), "cash", 0, "x")
        ),
        lambda: accounts.close_year(db, book.id, date(2027, 4, 21)),
    ]
    for attempt in closed_refusals:
        with pytest.raises(ValidationError, match="決算の修正"):
            attempt()
    assert [e.voucher_no for e in accounts.list_entries(db, book.id)] == [1]
    revised = accounts.revise_closed_year(
        db,
        book.id,
        "寄付金の二重計上",
        date(2027, 5, 10),
        cancel=[gift.id],
        add=[EntryInput(date(2026, 6, 1), gift.subject_id, "寄付金（正）", 8000)],
    )
    assert revised.carryover == 8000 and revised.revisions[0].number == 1
    assert (revised.revisions[0].carryover_before, revised.revisions[0].carryover_after) == (10000, 8000)
    assert accounts.get_entry(db, gift.id).income == 10000  # the original stays
    assert accounts.get_book(db, nxt.id).opening_total == 8000
    with pytest.raises(ValidationError, match="理由"):
        accounts.revise_closed_year(db, book.id, "", date(2027, 5, 10), cancel=[gift.id])


def test_transfer_moves_money_between_accounts_without_a_subject(db, book) -> None:
    entry(db, book, "町交付金", date(2026, 4, 6), income=100000, account="bank")
    out_leg, in_leg = accounts.add_transfer(db, book.id, date(2026, 4, 7), "bank", "30,000")
    assert (out_leg.is_transfer, out_leg.subject_name, in_leg.account) == (True, "振替", CashAccount.CASH)
    cash, bank = accounts.balances(db, book.id)
    assert (cash.closing, bank.closing) == (30000, 70000)
    statement = accounts.settlement_statement(db, book.id)
    assert statement.carryover == 100000


def test_every_change_is_audited(db, book) -> None:
    e = entry(db, book, "会費", date(2026, 4, 5), income=1000)
    accounts.cancel_entry(db, e.id, date(2026, 4, 6), "誤り")
    with db.reading() as s:
        entities = list(s.scalars(select(AuditEntry.entity).where(AuditEntry.entity.like("account_%"))))
        assert entities.count("account_entry") == 2 and "account_book" in entities
        assert s.scalar(select(func.count()).select_from(AccountEntry)) == 2


def test_statements_total_and_carry_over_agree(db, book) -> None:
    ids = {s.name: s.id for s in accounts.list_subjects(db, book.district_id)}
    book = accounts.set_opening_balances(db, book.id, 20000, 80000, book.version)
    detail = accounts.create_subject(
        db, book.district_id, accounts.SubjectInput("expense", "ふれあい祭り", parent_id=ids["事業費"])
    )
    accounts.set_budget(
        db,
        book.id,
        date(2026, 4, 20),
        [
            BudgetLineInput(ids["前年度繰越金"], 100000),
            BudgetLineInput(ids["会費"], 60000),
            BudgetLineInput(detail.id, 120000),
            BudgetLineInput(ids["予備費"], 40000),
        ],
    )
    entry(db, book, "会費", date(2026, 5, 1), income=58000)
    accounts.add_entry(db, book.id, EntryInput(date(2026, 8, 1), detail.id, "模擬店の材料", 0, 91000))
    statement = accounts.settlement_statement(db, book.id)
    rows = {r.label: r for r in statement.income_rows + statement.expense_rows}
    assert (rows["前年度繰越金"].actual, rows["前年度繰越金"].difference) == (100000, 0)
    assert (rows["会費"].budget, rows["会費"].actual, rows["会費"].difference) == (60000, 58000, -2000)
    assert (rows["事業費"].budget, rows["事業費"].actual) == (120000, 91000)  # its 細目 summed
    assert rows["事業費／ふれあい祭り"].is_detail and rows["事業費／ふれあい祭り"].actual == 91000
    assert statement.income_actual_total == 158000 and statement.expense_actual_total == 91000
    assert statement.income_budget_total == 160000 and statement.expense_budget_total == 160000
    assert statement.carryover == 67000 == statement.closing_cash + statement.closing_bank
    budget = accounts.budget_statement(db, book.id)
    assert budget.kind == "budget" and budget.carryover == 0
    assert {r.label: r.difference for r in budget.income_rows}["会費"] == 60000  # no previous year


def test_grant_settlement_from_linked_entries_checked_against_the_record(db, book) -> None:
    from sakae_council.services import grants
    from sakae_council.services.projects import ProjectInput, create_project

    project = create_project(db, ProjectInput("ふれあいサロン", book.district_id)).id
    grant = grants.create_grant(
        db,
        grants.GrantInput(
            project_id=project, fiscal_year=2026, scheme="公募制補助金", amount_requested=100000
        ),
    )
    grants.change_grant_status(db, grant.id, "reviewing", date(2026, 4, 30))
    grants.change_grant_status(db, grant.id, "awarded", date(2026, 5, 10), amount_granted=80000)
    ids = {s.name: s.id for s in accounts.list_subjects(db, book.district_id)}
    accounts.add_entry(
        db,
        book.id,
        EntryInput(date(2026, 5, 20), ids["補助金"], "公募制補助金", 80000, 0, "bank", grant_id=grant.id),
    )
    accounts.add_entry(
        db,
        book.id,
        EntryInput(
            date(2026, 6, 1),
            ids["事業費"],
            "サロン材料",
            0,
            50000,
            grant_id=grant.id,
            overspend_reason="予算未設定",
        ),
    )
    wrong = accounts.add_entry(
        db, book.id, EntryInput(date(2026, 6, 2), ids["謝礼"], "講師謝礼", 0, 9000, grant_id=grant.id)
    )
    accounts.cancel_entry(db, wrong.id, date(2026, 6, 3), "補助対象外")
    settled = accounts.grant_settlement(db, grant.id)
    assert (settled.granted, settled.received, settled.spent, settled.difference, settled.return_due) == (
        80000,
        80000,
        50000,
        30000,
        30000,
    )
    assert settled.entries[1].project_id == project  # the grant's project is linked too
    assert settled.agrees
    grants.update_grant(
        db,
        grant.id,
        grants.GrantInput(
            project_id=project,
            fiscal_year=2026,
            scheme="公募制補助金",
            amount_requested=100000,
            amount_granted=80000,
            amount_spent=55000,
            applied_on=grant.applied_on,
            reviewed_on=date(2026, 4, 30),
            decided_on=date(2026, 5, 10),
        ),
        grants.get_grant(db, grant.id).version,
    )
    disagreeing = accounts.grant_settlement(db, grant.id)
    assert (
        not disagreeing.agrees
        and "¥55,000" in disagreeing.problems[0]
        and "¥50,000" in disagreeing.problems[0]
    )
    recorded = accounts.record_grant_settlement(db, grant.id, disagreeing.grant_version)
    assert recorded.agrees and grants.get_grant(db, grant.id).amount_spent == 50000


def test_cash_count_difference_needs_an_explanation(db, book) -> None:
    entry(db, book, "会費", date(2026, 4, 5), income=12000)
    ok = accounts.record_cash_count(db, book.id, accounts.CashCountInput(date(2026, 4, 30), "cash", "12,000"))
    assert ok.difference == 0
    with pytest.raises(ValidationError, match="差異があります") as err:
        accounts.record_cash_count(db, book.id, accounts.CashCountInput(date(2026, 4, 30), "cash", 11500))
    assert err.value.field == "explanation"
    explained = accounts.record_cash_count(
        db, book.id, accounts.CashCountInput(date(2026, 4, 30), "cash", 11500, "切手代の領収書が未記帳")
    )
    assert (explained.book_balance, explained.difference) == (12000, -500)
    assert [c.id for c in accounts.list_cash_counts(db, book.id)] == [explained.id, ok.id]


def test_subjects_are_editable_but_keep_their_kind(db, book) -> None:
    ids = {s.name: s.id for s in accounts.list_subjects(db, book.district_id)}
    dues = next(s for s in accounts.list_subjects(db, book.district_id) if s.name == "会費")
    renamed = accounts.update_subject(
        db, dues.id, accounts.SubjectInput("income", "協議会会費"), dues.version
    )
    assert renamed.name == "協議会会費"
    with pytest.raises(ValidationError, match="区分"):
        accounts.update_subject(db, dues.id, accounts.SubjectInput("expense", "協議会会費"), renamed.version)
    with pytest.raises(ValidationError, match="すでにあります"):
        accounts.create_subject(db, book.district_id, accounts.SubjectInput("expense", "事業費"))
    with pytest.raises(ValidationError, match="自動で計上"):
        accounts.add_entry(db, book.id, EntryInput(date(2026, 4, 1), ids["前年度繰越金"], "繰越", 1))


def test_export_writes_the_cash_book(db, book, tmp_path) -> None:
    e = entry(db, book, "会費", date(2026, 4, 5), income=12000, counterparty="山田 太郎")
    accounts.cancel_entry(db, e.id, date(2026, 4, 6), "二重計上")
    target = tmp_path / "suitocho.csv"
    assert accounts.export_book(db, book.id, target) == 2
    lines = target.read_text(encoding="utf-8-sig").splitlines()  # with a BOM, so Excel reads it
    assert lines[0].startswith("証憑番号,日付,科目,摘要")
    assert lines[1].startswith("1,2026-04-05,会費,会費,山田 太郎,現金,12000,,12000,第2号で取消")
    assert accounts.book_by_names(db, "安食", "令和8年度").id == book.id
    with pytest.raises(Exception, match="令和9年度の会計帳簿はまだありません"):
        accounts.book_by_names(db, "安食", "R9")


def test_erasure_at_a_persons_request_reaches_the_books(db, book) -> None:
    from sakae_council.domain.enums import MemberRole
    from sakae_council.services import erasure, people

    person = people.create_person(
        db,
        people.PersonInput(
            name="謝礼 受子",
            furigana="シャレイ ウケコ",
            memberships=(people.MembershipInput(district_id=book.district_id, role=MemberRole.SUISHIN),),
        ),
    )
    paid = entry(
        db,
        book,
        "謝礼",
        date(2026, 6, 1),
        expense=5000,
        counterparty="謝礼 受子",
        description="講師謝礼（謝礼 受子）",
    )
    accounts.cancel_entry(db, paid.id, date(2026, 6, 2), "謝礼 受子さんが辞退")
    erasure.erase_at_request(db, person.id)
    for e in accounts.list_entries(db, book.id):
        assert "謝礼 受子" not in f"{e.description} {e.counterparty} {e.notes}"
    assert accounts.balances(db, book.id)[0].closing == 0  # the amounts stay


def test_entry_dtos_read_in_bulk_are_whole_frozen_dataclasses(db, book) -> None:
    """The 出納帳 read fills EntryDTOs without their __init__, the values most lines leave empty held on the
    class (for speed): they must still be whole, equal, frozen EntryDTOs."""
    import dataclasses

    e = entry(db, book, "会費", date(2026, 4, 5), income=1000, counterparty="第一区自治会")
    noted = entry(db, book, "会費", date(2026, 4, 6), income=500)
    accounts.cancel_entry(db, noted.id, date(2026, 4, 7), "二重の記帳")
    listed, cancelled, correction = accounts.list_entries(db, book.id)
    assert isinstance(listed, accounts.EntryDTO)
    assert dataclasses.asdict(listed) == dataclasses.asdict(e)  # every field, the empty ones too
    assert listed == e == accounts.get_entry(db, e.id)
    assert (cancelled.cancelled_by_voucher_no, correction.cancels_voucher_no) == (3, 2)
    assert correction.cancels_id == noted.id and listed.cancels_id is None
    assert dataclasses.replace(listed, balance=0).balance == 0
    with pytest.raises(dataclasses.FrozenInstanceError):
        listed.balance = 5  # type: ignore[misc]
