"""Many program instances on one real PostgreSQL server editing the same records at once.

24 clients — threads, each with its own Database (engine and connection pool), as separate program
instances would have — run read → think → save through the real services for 30 seconds
(``SAKAE_CONCURRENCY_SECONDS`` to run longer), on ten records of which three are hot. Every save
sends the version it read. Afterwards:

- no update is lost: each record's counter equals the number of saves that succeeded on it, and its
  audit trail is one unbroken chain (no two successful saves started from the same value);
- every collision surfaced as ConflictError — both the version check in the service and the race it
  cannot see (the row changed between the check and the UPDATE: StaleVersionError);
- nothing else went wrong, no client hung, and no session is left waiting on a lock.

A second test makes a real deadlock and checks that the server breaks it within seconds and the loser
gets BusyError (lock_timeout / statement_timeout make sure nothing waits forever either).
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field

import pytest
from sqlalchemy import create_engine, select, text

from sakae_council.db.engine import BusyError, Database, open_database
from sakae_council.db.models import AuditEntry, Equipment, Person
from sakae_council.domain.errors import ConflictError, StaleVersionError
from sakae_council.services import districts, equipment, people

from .conftest import PG_URL, Store
from .town import person_input, seat

CLIENTS = 24
DURATION_S = float(os.environ.get("SAKAE_CONCURRENCY_SECONDS", "30"))


@dataclass
class Tally:
    """What one client saw."""

    saved: Counter[tuple[str, int]] = field(default_factory=Counter)
    version_check: int = 0  # ConflictError from the service's expected_version check
    stale: int = 0  # StaleVersionError: the UPDATE found the row changed after the check
    busy: int = 0
    unexpected: list[str] = field(default_factory=list)


def _save_equipment(db: Database, record: int) -> None:
    e = equipment.get_equipment(db, record)
    time.sleep(random.uniform(0, 0.003))  # the user edits the form
    data = equipment.EquipmentInput(
        name=e.name,
        code=e.code,
        quantity=e.quantity + 1,
        storage_place=e.storage_place,
        condition=e.condition,
        available=e.available,
        notes=e.notes,
    )
    equipment.update_equipment(db, record, data, e.version)


def _save_person(db: Database, record: int) -> None:
    p = people.get_person(db, record)
    time.sleep(random.uniform(0, 0.003))
    people.update_person(db, record, person_input(p, notes=str(int(p.notes or "0") + 1)), p.version)


def _client(
    url: str,
    index: int,
    records: list[tuple[str, int]],
    weights: list[float],
    tally: Tally,
    ready: threading.Barrier,
) -> None:
    db = open_database(url, user=f"client{index:02d}")
    try:
        rng = random.Random(index)
        ready.wait(timeout=90)  # the clock starts when every client is connected
        deadline = time.monotonic() + DURATION_S
        while time.monotonic() < deadline:
            kind, record = rng.choices(records, weights)[0]
            try:
                (_save_equipment if kind == "equipment" else _save_person)(db, record)
            except StaleVersionError:
                tally.stale += 1
            except ConflictError:
                tally.version_check += 1
            except BusyError:
                tally.busy += 1
            except Exception as exc:  # anything else is a defect the test reports
                tally.unexpected.append(f"{type(exc).__name__}: {exc}")
                if len(tally.unexpected) > 20:
                    return
                continue
            else:
                tally.saved[(kind, record)] += 1
    finally:
        db.close()


def _audit_chain(db: Database, entity: str, entity_id: int, field_name: str) -> list[tuple[int, int]]:
    with db.reading() as s:
        rows = s.scalars(
            select(AuditEntry.changes)
            .where(
                AuditEntry.entity == entity, AuditEntry.entity_id == entity_id, AuditEntry.action == "update"
            )
            .order_by(AuditEntry.id)
        ).all()
    return [tuple(int(v or 0) for v in json.loads(raw)[field_name]) for raw in rows]  # type: ignore[misc]


@pytest.mark.slow
def test_many_clients_editing_the_same_records_lose_nothing(pg_store: Store) -> None:
    app = f"sakae_conc_{os.getpid()}_{int(time.time())}"
    url = f"{pg_store.target}&application_name={app}"
    setup = pg_store.open("準備担当")
    a = districts.create_district(setup, districts.DistrictInput(name="安食小学校区")).id
    records: list[tuple[str, int]] = []
    for n in range(6):
        records.append(
            ("equipment", equipment.create_equipment(setup, equipment.EquipmentInput(name=f"テント{n}")).id)
        )
    for n in range(4):
        p = people.create_person(
            setup, people.PersonInput(name=f"会員 {n}", notes="0", memberships=(seat(a),))
        )
        records.append(("person", p.id))
    hot = {records[0], records[1], records[6]}
    weights = [6.0 if r in hot else 1.0 for r in records]

    tallies = [Tally() for _ in range(CLIENTS)]
    ready = threading.Barrier(CLIENTS)
    threads = [
        threading.Thread(
            target=_client, args=(url, i, records, weights, tallies[i], ready), daemon=True, name=f"client{i}"
        )
        for i in range(CLIENTS)
    ]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=max(0.0, start + 90 + DURATION_S + 30 - time.monotonic()))
    elapsed = time.monotonic() - start
    hung = [t.name for t in threads if t.is_alive()]
    assert not hung, f"clients still running after {elapsed:.0f}s: {hung}"

    unexpected = [u for tally in tallies for u in tally.unexpected]
    assert not unexpected, unexpected[:5]
    saved: Counter[tuple[str, int]] = Counter()
    for tally in tallies:
        saved.update(tally.saved)
    stale = sum(tally.stale for tally in tallies)
    checked = sum(tally.version_check for tally in tallies)
    busy = sum(tally.busy for tally in tallies)

    with setup.reading() as s:
        for kind, record in records:
            if kind == "equipment":
                final = s.get(Equipment, record).quantity - 1  # type: ignore[union-attr]
                chain = _audit_chain(setup, "equipment", record, "quantity")
                start_value = 1
            else:
                final = int(s.get(Person, record).notes)  # type: ignore[union-attr]
                chain = _audit_chain(setup, "person", record, "notes")
                start_value = 0
            assert final == saved[(kind, record)], (
                f"{kind} {record}: {final} on record, {saved[(kind, record)]} saves succeeded"
            )
            # one unbroken chain start → start+1 → ...: no two saves built on the same value
            assert chain == [(start_value + i, start_value + i + 1) for i in range(len(chain))], (
                f"{kind} {record}"
            )
            assert len(chain) == saved[(kind, record)]

    total = sum(saved.values())
    print(
        f"\n[concurrency] {CLIENTS} clients, {DURATION_S:.0f}s: {total} saves succeeded "
        f"({total / DURATION_S:.0f}/s), conflicts surfaced: {checked} by the version check + {stale} "
        f"stale UPDATEs (StaleVersionError), busy: {busy}, lost updates: 0, unexpected errors: 0"
    )
    assert total > 0 and checked > 0 and stale > 0  # the records really were contended, both ways
    assert busy <= total * 0.01  # lock waits end quickly; a busy answer stays the exception

    admin = create_engine(PG_URL)
    try:
        with admin.connect() as conn:
            waiting = conn.scalar(
                text(
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = :app "
                    "AND (wait_event_type = 'Lock' OR state LIKE 'idle in transaction%')"
                ),
                {"app": app},
            )
            left = conn.scalar(
                text("SELECT count(*) FROM pg_stat_activity WHERE application_name = :app"), {"app": app}
            )
    finally:
        admin.dispose()
    assert waiting == 0
    assert left == 0  # every client closed its connections


def test_a_deadlock_is_broken_within_seconds_and_reported_as_busy(pg_store: Store) -> None:
    setup = pg_store.open("準備担当")
    a = districts.create_district(setup, districts.DistrictInput(name="安食小学校区")).id
    first, second = (
        people.create_person(setup, people.PersonInput(name=n, memberships=(seat(a),))).id
        for n in ("一", "二")
    )
    both_hold_one = threading.Barrier(2)
    outcome: dict[str, str] = {}

    def lock_in_order(name: str, order: tuple[int, int]) -> None:
        db = pg_store.open(name)
        try:
            with db.transaction() as s:
                s.execute(select(Person).where(Person.id == order[0]).with_for_update()).one()
                both_hold_one.wait(timeout=10)
                s.execute(select(Person).where(Person.id == order[1]).with_for_update()).one()
            outcome[name] = "saved"
        except BusyError as exc:
            outcome[name] = f"busy: {exc.message}"

    started = time.monotonic()
    threads = [
        threading.Thread(target=lock_in_order, args=("甲", (first, second))),
        threading.Thread(target=lock_in_order, args=("乙", (second, first))),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    took = time.monotonic() - started
    assert not any(t.is_alive() for t in threads), "a client is still waiting"
    assert sorted(v.split(":")[0] for v in outcome.values()) == ["busy", "saved"], outcome
    assert any("少し待ってから、もう一度保存してください" in v for v in outcome.values())
    assert took < 10, f"the deadlock took {took:.1f}s to resolve"
