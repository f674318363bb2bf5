"""会計: a council's year of 5,000 出納帳 entries — opening the 出納帳 (every line with its running balance)
and computing the 収支決算書's figures, each beside a same-run baseline: the bare fetch of the same rows.

The year is generated into its own file (one district, the starter 科目 with 細目, a budget and a 補正予算,
entries spread over the year and its accounts, a 訂正 every 50th line), written in bulk: the entry
services' own speed is measured separately as ``add_entry_ms`` (one more line at the end of the year).
"""

from __future__ import annotations

import random
import tempfile
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from bench.harness import Figure, Target, median, time_runs

LIST_NAME = "会計: 出納帳 of a 5,000-entry year (every line, running balances)"
STATEMENT_NAME = "会計: 収支決算書 figures of a 5,000-entry year"
#: Figures measured on a year this module generates itself (5,000 entries at every size but tiny).
OWN_DATA = (LIST_NAME, STATEMENT_NAME)


def _year(path: Path, entries: int) -> tuple[int, int]:
    """A book with ``entries`` lines; returns (book id, a 科目 id to add to)."""
    from sqlalchemy import insert, update

    from sakae_council.db.engine import open_database
    from sakae_council.db.models import AccountBook, AccountEntry
    from sakae_council.services import accounts
    from sakae_council.services.accounts import BudgetLineInput
    from sakae_council.services.districts import DistrictInput, create_district

    rng = random.Random(21)
    db = open_database(path, user="bench")
    try:
        district = create_district(db, DistrictInput(name="安食小学校区")).id
        book = accounts.open_book(db, district, 2026)
        subjects = accounts.list_subjects(db, district)
        ids = {s.name: s.id for s in subjects}
        for name in ("ふれあい祭り", "放課後ひろば", "見守り隊"):
            accounts.create_subject(
                db, district, accounts.SubjectInput("expense", name, parent_id=ids["事業費"])
            )
        subjects = accounts.list_subjects(db, district)
        usable = [s for s in subjects if s.role.value != "carryover"]
        accounts.set_budget(
            db, book.id, date(2026, 4, 25), [BudgetLineInput(s.id, 50_000_000) for s in usable]
        )
        accounts.add_budget_revision(
            db, book.id, date(2026, 10, 1), "補正", [BudgetLineInput(ids["事業費"], 60_000_000)]
        )
        rows = []
        for n in range(1, entries + 1):
            s = rng.choice(usable)
            amount = rng.randrange(100, 50_000)
            rows.append(
                {
                    "book_id": book.id,
                    "voucher_no": n,
                    "version": 1,
                    "entry_date": date(2026, 4, 1) + timedelta(days=n * 364 // entries),
                    "subject_id": s.id,
                    "description": f"{s.name} {n}",
                    "counterparty": "栄町商店",
                    "income": amount if s.kind.value == "income" else 0,
                    "expense": amount if s.kind.value == "expense" else 0,
                    "account": "bank" if n % 3 else "cash",
                    "cancels_id": None,
                    "overspend_reason": "",
                    "import_ref": "",
                    "notes": "",
                }
            )
        with db.transaction() as session:
            session.execute(insert(AccountEntry), rows)
            for n in range(50, entries, 50):  # a 訂正 of every 50th line, as the year goes
                original = rows[n - 1]
                session.execute(
                    insert(AccountEntry),
                    [{**original, "voucher_no": entries + n // 50, "cancels_id": n, "description": "訂正"}],
                )
            last = entries + entries // 50
            session.execute(update(AccountBook).where(AccountBook.id == book.id).values(last_voucher_no=last))
        return book.id, ids["消耗品費"]
    finally:
        db.close()


def cash_book(runs: int, *, log: Callable[[str], None], entries: int = 5000) -> list[Figure]:
    """The 出納帳 and the 収支決算書 figures of a year of ``entries`` lines (target: 出納帳 ≤ 100 ms)."""
    from sqlalchemy import select

    from sakae_council.db.engine import open_database
    from sakae_council.db.models import AccountEntry
    from sakae_council.services import accounts
    from sakae_council.services.accounts import EntryInput
    from sakae_council.services.accounts.ledger import DTO_COLUMNS

    with tempfile.TemporaryDirectory(prefix="sakae-bench-accounts-") as tmp:
        path = Path(tmp) / "books.db"
        log(f"会計: generating a year of {entries:,} entries ...")
        book_id, subject = _year(path, entries)
        db = open_database(path, user="bench")
        try:

            def fetch() -> None:
                with db.reading() as s:  # the columns an entry is shown from, in 出納帳 order, as plain rows
                    s.execute(
                        select(*DTO_COLUMNS)
                        .where(AccountEntry.book_id == book_id)
                        .order_by(AccountEntry.entry_date, AccountEntry.voucher_no)
                    ).all()

            lines = accounts.list_entries(db, book_id)
            listing = time_runs(lambda: accounts.list_entries(db, book_id), runs)
            bare = time_runs(fetch, runs)
            statement = time_runs(lambda: accounts.settlement_statement(db, book_id), runs)
            use = time_runs(lambda: accounts.budget_vs_actual(db, book_id), runs)
            added = time_runs(
                lambda: accounts.add_entry(
                    db, book_id, EntryInput(date(2027, 3, 31), subject, "追加", 0, 100)
                ),
                runs,
                warmup=0,
            )
        finally:
            db.close()
    note = f"{len(lines):,} lines (with 訂正); the entry services add one line in {median(added):.1f} ms"
    return [
        Figure(
            LIST_NAME,
            Target(100, "ms"),
            median=median(listing),
            baseline=median(bare),
            baseline_name="bare fetch of the same rows",
            runs=listing,
            baseline_runs=bare,
            details={"lines": len(lines), "add_entry_ms": added},
            note=note,
        ),
        Figure(
            STATEMENT_NAME,
            Target(300, "ms"),
            median=median(statement),
            baseline=median(bare),
            baseline_name="bare fetch of the same rows",
            runs=statement,
            baseline_runs=bare,
            details={"budget_vs_actual_ms": use},
            note="the figures the 収支決算書 prints (the PDF itself is the papers' benchmark)",
        ),
    ]
