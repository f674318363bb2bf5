"""名簿への一括登録 — many already-validated people in one transaction, for the member importer.

``create_person`` costs a savepoint, a flush, the n-gram hooks and a reload per person: fine for the form,
three minutes for a 10,000-row file. Here the same rows (``people.person_values`` /
``people.membership_values``) go in with one multi-row INSERT per table — people, memberships, one
audit entry per person, their search postings — in the caller's transaction. The statements run
through the session, so the role checks of a shared server (``db.permissions.check_statement``) see
every person and membership row; the postings, like the flush hooks' own, follow the rows they index.

Duplicates are found the way ``people_duplicates.find_duplicates`` finds them, for every name at once: one read
of the roster's 氏名 and フリガナ keyed by ``people_duplicates.stored_duplicate_key``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.orm import Session

from sakae_council.db.base import utcnow
from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry, Membership, Person
from sakae_council.db.models.search import KIND_PERSON, person_order, text_grams
from sakae_council.db.permissions import Kind, Scope, allowed, refusal
from sakae_council.db.shared import current_policy
from sakae_council.domain.errors import PermissionDeniedError
from sakae_council.services.common import audit_row
from sakae_council.services.people import created_summary
from sakae_council.services.people_duplicates import stored_duplicate_key


@dataclass(frozen=True)
class NewPerson:
    """One person to add: ``person_values`` and the ``membership_values`` of each membership."""

    person: dict[str, Any]
    memberships: tuple[dict[str, Any], ...] = ()

    @property
    def duplicate_key(self) -> tuple[str, str]:
        return stored_duplicate_key(self.person["name"], self.person["furigana"])


def roster_keys(s: Session) -> dict[tuple[str, str], list[int]]:
    """Every person on the roster (not soft-deleted) by duplicate key, ids ascending — what
    ``find_duplicates`` would return for each name, read in one query."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    rows = s.execute(
        select(Person.id, Person.name, Person.furigana).where(Person.deleted_at.is_(None)).order_by(Person.id)
    )
    for person_id, name, furigana in rows:
        index[stored_duplicate_key(name, furigana)].append(person_id)
    return index


class DistrictRights:
    """Whether the signed-in user may add a person with a membership in a district — the check a flush
    of ``create_person`` would make — asked once per district, with the refusal in Japanese."""

    def __init__(self, db: Database, s: Session) -> None:
        self.policy = current_policy(db)
        self.session = s
        self._answers: dict[int, PermissionDeniedError | None] = {}

    def refusal(self, district_id: int) -> PermissionDeniedError | None:
        """None when allowed, else the error saying why not."""
        if district_id not in self._answers:
            scope = Scope(Kind.DISTRICTS, frozenset({district_id}), need_all=False)
            self._answers[district_id] = (
                None
                if allowed(self.policy, scope)
                else refusal(self.session, self.policy, "person", scope, "new")
            )
        return self._answers[district_id]


# Core tables: the ORM's bulk INSERT adds nothing here but per-row bookkeeping. Statements still go
# through the session, so a shared server's role checks (do_orm_execute) see every row.
_PERSON = cast(Table, Person.__table__)
_MEMBERSHIP = cast(Table, Membership.__table__)
_AUDIT = cast(Table, AuditEntry.__table__)


def insert_people(s: Session, user: str, people: Sequence[NewPerson]) -> list[int]:
    """Add ``people`` in the caller's transaction with one audit entry each; returns their ids in order."""
    if not people:
        return []
    now = utcnow()
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    person_rows = [{**p.person, **stamp} for p in people]
    if s.get_bind().dialect.name == "sqlite":
        # SQLite cannot promise RETURNING rows in parameter order, so SQLAlchemy would insert one row per
        # statement; an INTEGER PRIMARY KEY takes the ids it is given instead (max + 1 is what SQLite
        # would pick itself). The max is read in this transaction: another writer committing meanwhile
        # makes our first write fail as busy (WAL snapshot, or the shared lock without WAL), never collide.
        first = (s.scalar(select(func.max(Person.id))) or 0) + 1
        ids = list(range(first, first + len(people)))
        s.execute(insert(_PERSON), [{**row, "id": i} for i, row in zip(ids, person_rows, strict=True)])
    else:
        returning = insert(_PERSON).returning(_PERSON.c.id, sort_by_parameter_order=True)
        ids = list(s.scalars(returning, person_rows))
    membership_rows = [
        {**m, **stamp, "person_id": person_id}
        for person_id, p in zip(ids, people, strict=True)
        for m in p.memberships
    ]
    if membership_rows:
        s.execute(insert(_MEMBERSHIP), membership_rows)
    audit_rows = [
        {**audit_row(user, "create", "person", person_id, created_summary(p.person["name"])), "at": now}
        for person_id, p in zip(ids, people, strict=True)
    ]
    s.execute(insert(_AUDIT), audit_rows)
    # The flush hooks of db.models.search never see these inserts: the postings are written here.
    _insert_postings(
        s,
        [
            (KIND_PERSON, g, order, person_id)
            for person_id, p in zip(ids, people, strict=True)
            for order in [person_order(p.person["kana_key"])]
            for g in text_grams(p.person["search_text"])
        ],
    )
    return ids


def _insert_postings(s: Session, rows: list[tuple[int, str, int, int]]) -> None:
    """(kind, gram, ord, record_id) rows into search_gram — some 30 per person, so straight to the driver
    (SQLAlchemy's per-row parameter handling would cost more than the insert): SQLite's executemany, or
    one INSERT … SELECT FROM unnest(four arrays) on PostgreSQL."""
    if not rows:
        return
    conn = s.connection()
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("INSERT INTO search_gram (kind, gram, ord, record_id) VALUES (?, ?, ?, ?)", rows)
        return
    kinds, grams, orders, record_ids = (list(column) for column in zip(*rows, strict=True))
    conn.exec_driver_sql(
        "INSERT INTO search_gram (kind, gram, ord, record_id) "
        "SELECT * FROM unnest(%s::smallint[], %s::varchar[], %s::bigint[], %s::integer[])",
        (kinds, grams, orders, record_ids),
    )
