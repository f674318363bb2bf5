"""A council's books on the shared server: only its 協議会事務局 and the 管理者 write them, everyone reads
them; and 証憑番号 stay sequential and unique when 20 program instances enter at the same moment."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from sakae_council.db.models import AccountEntry, AuditEntry
from sakae_council.domain.errors import PermissionDeniedError, ValidationError
from sakae_council.domain.roles import AccessPolicy, UserRole
from sakae_council.services import accounts
from sakae_council.services.accounts import BudgetLineInput, EntryInput

from .conftest import Store
from .town import build_town

CLIENTS = 20
ENTRIES_EACH = 8


def as_role(store: Store, login: str, role: UserRole, *district_ids: int):
    return store.open(login, AccessPolicy.for_role(login, role, district_ids))


def dues(db, district_id: int) -> int:
    return next(s.id for s in accounts.list_subjects(db, district_id) if s.name == "会費")


def test_only_the_councils_secretariat_and_the_admin_write_its_books(store: Store) -> None:
    setup = store.open("準備担当")
    town = build_town(setup)
    book_a = accounts.open_book(setup, town.a, 2026)
    book_b = accounts.open_book(setup, town.b, 2026)
    first = accounts.add_entry(
        setup, book_a.id, EntryInput(date(2026, 4, 5), dues(setup, town.a), "会費", 3000)
    )

    secretariat = as_role(store, "jimukyoku_a", UserRole.SECRETARIAT, town.a)
    made = accounts.add_entry(
        secretariat, book_a.id, EntryInput(date(2026, 4, 6), dues(secretariat, town.a), "会費", 2000)
    )
    accounts.set_budget(
        secretariat, book_a.id, date(2026, 4, 20), [BudgetLineInput(dues(secretariat, town.a), 5000)]
    )
    accounts.cancel_entry(secretariat, first.id, date(2026, 4, 7), "二重計上")
    with secretariat.reading() as s:
        who = s.scalar(
            select(AuditEntry.user).where(
                AuditEntry.entity == "account_entry", AuditEntry.entity_id == made.id
            )
        )
    assert who == "jimukyoku_a"

    staff = as_role(store, "chiku_a", UserRole.DISTRICT_STAFF, town.a)
    viewer = as_role(store, "etsuran", UserRole.VIEWER)
    admin = as_role(store, "kanri", UserRole.ADMIN)
    refused = [
        (
            staff,
            lambda db: accounts.add_entry(
                db, book_a.id, EntryInput(date(2026, 4, 8), dues(db, town.a), "会費", 1)
            ),
        ),
        (staff, lambda db: accounts.check_month(db, book_a.id, date(2026, 4, 1), date(2026, 5, 1))),
        (
            secretariat,
            lambda db: accounts.add_entry(
                db, book_b.id, EntryInput(date(2026, 4, 8), dues(db, town.b), "会費", 1)
            ),
        ),
        (secretariat, lambda db: accounts.open_book(db, town.b, 2027)),
        (viewer, lambda db: accounts.close_year(db, book_a.id, date(2027, 4, 20))),
    ]
    before = len(accounts.list_entries(setup, book_a.id)) + len(accounts.list_entries(setup, book_b.id))
    for db, attempt in refused:
        with pytest.raises(PermissionDeniedError):
            attempt(db)
    with pytest.raises(PermissionDeniedError, match="事務局と管理者だけ"):
        accounts.add_entry(staff, book_a.id, EntryInput(date(2026, 4, 8), dues(staff, town.a), "会費", 1))
    assert (
        len(accounts.list_entries(setup, book_a.id)) + len(accounts.list_entries(setup, book_b.id)) == before
    )
    # everyone reads them; the 管理者 writes any council's books
    for reader in (staff, viewer, secretariat):
        assert [e.voucher_no for e in accounts.list_entries(reader, book_a.id)] == [1, 2, 3]
    accounts.add_entry(admin, book_b.id, EntryInput(date(2026, 4, 9), dues(admin, town.b), "会費", 500))


def test_vouchers_are_sequential_and_unique_under_concurrent_entry(pg_store: Store) -> None:
    setup = pg_store.open("準備担当")
    town = build_town(setup)
    book = accounts.open_book(setup, town.a, 2026)
    subject = dues(setup, town.a)
    clients = [pg_store.open(f"kaikei{i}") for i in range(CLIENTS)]
    start = threading.Barrier(CLIENTS)
    failures: list[BaseException] = []
    numbers: list[int] = []
    lock = threading.Lock()

    def enter(i: int) -> None:
        db = clients[i]
        try:
            start.wait()
            for n in range(ENTRIES_EACH):
                day = date(2026, 4, 1) + timedelta(days=(i * ENTRIES_EACH + n) % 300)
                e = accounts.add_entry(db, book.id, EntryInput(day, subject, f"会費 {i}-{n}", 100 + n))
                with lock:
                    numbers.append(e.voucher_no)
        except BaseException as exc:  # reported below, with the client that met it
            failures.append(exc)

    threads = [threading.Thread(target=enter, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a client hung"
    assert failures == []
    total = CLIENTS * ENTRIES_EACH
    assert sorted(numbers) == list(range(1, total + 1))
    with setup.reading() as s:
        stored = list(s.scalars(select(AccountEntry.voucher_no).where(AccountEntry.book_id == book.id)))
        assert s.scalar(select(func.count(func.distinct(AccountEntry.voucher_no)))) == total
    assert sorted(stored) == list(range(1, total + 1))
    assert accounts.get_book(setup, book.id).last_voucher_no == total


def test_closing_while_others_enter_carries_exactly_what_was_entered(pg_store: Store) -> None:
    """決算確定 waits for entries being made and they wait for it: the 次年度繰越金 it fixes is the balance
    of every entry that got in, and every entry that came after is refused, not lost or left out."""
    setup = pg_store.open("準備担当")
    town = build_town(setup)
    book = accounts.open_book(setup, town.a, 2026)
    subject = dues(setup, town.a)
    clients = [pg_store.open(f"kaikei{i}") for i in range(10)]
    closer = pg_store.open("kaicho")
    start = threading.Barrier(len(clients) + 1)
    failures: list[BaseException] = []

    def enter(db) -> None:
        start.wait()
        for n in range(6):
            try:
                accounts.add_entry(db, book.id, EntryInput(date(2026, 5, 1 + n), subject, "会費", 1000 + n))
            except ValidationError as exc:
                assert "決算確定済み" in str(exc)
            except BaseException as exc:  # reported below
                failures.append(exc)

    def close() -> None:
        start.wait()
        try:
            accounts.close_year(closer, book.id, date(2027, 4, 20))
        except BaseException as exc:  # reported below
            failures.append(exc)

    threads = [threading.Thread(target=enter, args=(db,)) for db in clients] + [
        threading.Thread(target=close)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert failures == []
    closed = accounts.get_book(setup, book.id)
    balances = accounts.balances(setup, book.id)
    assert closed.is_closed and closed.carryover == sum(b.closing for b in balances)
