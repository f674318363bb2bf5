"""Property: for any sequence of entries, 振替 and 訂正, the balances equal the sum of the entries, the
running balance of the last line equals the account's balance, the 収支決算書's 次年度繰越金 equals the
closing balance, and 証憑番号 run 1, 2, 3 … with none missing or repeated."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sakae_council.domain.errors import ValidationError
from sakae_council.services import accounts
from sakae_council.services.accounts import EntryInput
from sakae_council.services.districts import DistrictInput, create_district

_names = itertools.count(1)

amount = st.integers(min_value=0, max_value=3_000_000)
day = st.integers(min_value=0, max_value=364).map(lambda n: date(2026, 4, 1) + timedelta(days=n))
account = st.sampled_from(["cash", "bank"])
op = st.one_of(
    st.tuples(st.just("income"), day, account, amount),
    st.tuples(st.just("expense"), day, account, amount),
    st.tuples(st.just("transfer"), day, account, amount),
    st.tuples(st.just("cancel"), day, st.integers(min_value=0, max_value=50), st.just(0)),
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=st.lists(op, max_size=25), opening=st.tuples(amount, amount))
def test_balances_equal_the_sum_of_entries_and_corrections(db, ops, opening) -> None:
    district = create_district(db, DistrictInput(name=f"学区{next(_names)}")).id
    book = accounts.open_book(db, district, 2026)
    book = accounts.set_opening_balances(db, book.id, opening[0], opening[1], book.version)
    subjects = {s.name: s.id for s in accounts.list_subjects(db, district)}
    expected = {"cash": opening[0], "bank": opening[1]}
    made: list[accounts.EntryDTO] = []
    vouchers = 0
    for kind, when, acc, yen in ops:
        if kind == "income":
            e = accounts.add_entry(db, book.id, EntryInput(when, subjects["会費"], "会費", yen, 0, acc))
            expected[acc] += yen
            made.append(e)
            vouchers += 1
        elif kind == "expense":
            e = accounts.add_entry(db, book.id, EntryInput(when, subjects["消耗品費"], "文具", 0, yen, acc))
            expected[acc] -= yen
            made.append(e)
            vouchers += 1
        elif kind == "transfer":
            if yen == 0:
                continue
            out_leg, in_leg = accounts.add_transfer(db, book.id, when, acc, yen)
            expected[out_leg.account.value] -= yen
            expected[in_leg.account.value] += yen
            made.append(out_leg)
            vouchers += 2
        else:
            if not made:
                continue
            target = accounts.get_entry(db, made[acc % len(made)].id)
            try:
                accounts.cancel_entry(db, target.id, max(when, target.entry_date), "誤り")
            except ValidationError:
                assert target.cancelled_by_voucher_no is not None  # only a second 訂正 is refused
                continue
            legs = [target]
            if target.is_transfer:
                legs = [e for e in accounts.list_entries(db, book.id) if e.import_ref == target.import_ref]
            for leg in legs:
                expected[leg.account.value] -= leg.income - leg.expense
                vouchers += 1
    cash, bank = accounts.balances(db, book.id)
    assert (cash.closing, bank.closing) == (expected["cash"], expected["bank"])
    lines = accounts.list_entries(db, book.id)
    for acc, dto in (("cash", cash), ("bank", bank)):
        mine = [e for e in lines if e.account.value == acc]
        assert (mine[-1].balance if mine else dto.opening) == dto.closing
        assert dto.opening + sum(e.net_income for e in mine) == dto.closing
    assert sorted(e.voucher_no for e in lines) == list(range(1, vouchers + 1))
    statement = accounts.settlement_statement(db, book.id)
    assert statement.carryover == expected["cash"] + expected["bank"]
    assert statement.income_actual_total - statement.expense_actual_total == statement.carryover
