"""The n-gram index behind incremental search (名簿 and 地域課題), kept in step by the ORM.

Why a side table: ``search_text LIKE '%…%'`` reads every row (100–250 ms on 100,000 people), and SQLite's
FTS5 trigram tokenizer finds nothing for queries of one or two characters — yet 2-character words are
what people type in Japanese (田中, 通院, ごみ). So every indexed record's folded ``search_text`` is cut
into its distinct unigrams and bigrams (never across the fields, which are separated by newlines), one
row each in ``search_gram``:

* a 1-character query looks up its unigram, a 2-character query its bigram — both exact;
* a longer word intersects its bigrams, then ``LIKE`` confirms the candidates (bigrams in another order
  would otherwise match).

How a search uses the postings (which gram drives, when the list is walked in its own order instead) is
planned in :mod:`sakae_council.services.search_plan`.

The same table and the same SQL serve SQLite and PostgreSQL. Soft-deleted people are left out of the
index (the 削除した人 view is small and searches with LIKE), so the posting count of a gram *is* the
number of live records containing it.

Maintenance: the ``before_flush`` / ``after_flush`` listeners below see every Person and RegionalIssue
the ORM inserts, updates or deletes and rewrite exactly their postings in the same transaction — the
services cannot forget it. They are registered by :func:`keep_search_index` on the sessions of each
database ``open_database`` opens (never on SQLAlchemy's global ``Session`` class, so importing this
module changes nothing and a session made elsewhere is not affected). Code that writes these tables
with Core (the benchmark generator) must call :func:`posting_rows` itself, and
:func:`rebuild_search_index` repairs a file from scratch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Integer,
    SmallInteger,
    String,
    Table,
    bindparam,
    delete,
    event,
    insert,
    inspect,
    select,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, sessionmaker

from sakae_council.db.base import Base
from sakae_council.db.models.issues import RegionalIssue
from sakae_council.db.models.people import Person

#: ``search_gram.kind`` of each indexed table.
KIND_PERSON = 1
KIND_ISSUE = 2


class SearchGram(Base):
    """One posting: the record ``record_id`` of ``kind`` contains ``gram`` (1 or 2 characters)."""

    __tablename__ = "search_gram"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    gram: Mapped[str] = mapped_column(String(8), primary_key=True)
    record_id: Mapped[int] = mapped_column(Integer, primary_key=True)


#: The table itself, for Core statements.
SEARCH_GRAM = cast(Table, SearchGram.__table__)


def text_grams(search_text: str) -> set[str]:
    """The distinct unigrams and bigrams of a folded search text, never spanning two of its lines."""
    grams: set[str] = set()
    for line in search_text.split("\n"):
        grams.update(line)
        grams.update(line[i : i + 2] for i in range(len(line) - 1))
    return grams


def query_grams(word: str) -> list[str]:
    """What one folded query word must contain: itself if 1–2 characters, else its distinct bigrams."""
    if len(word) <= 2:
        return [word] if word else []
    return list(dict.fromkeys(word[i : i + 2] for i in range(len(word) - 1)))


def word_is_exact(word: str) -> bool:
    """Whether the postings alone decide a match (1–2 characters); longer words need a LIKE check."""
    return len(word) <= 2


def posting_rows(kind: int, record_id: int, search_text: str) -> Iterator[dict[str, Any]]:
    """Rows for ``search_gram`` describing one record (for bulk writers that bypass the ORM)."""
    for gram in text_grams(search_text):
        yield {"kind": kind, "gram": gram, "record_id": record_id}


# --- what is indexed ----------------------------------------------------------------------------

_INDEXED: dict[type, int] = {Person: KIND_PERSON, RegionalIssue: KIND_ISSUE}


def _indexed_text(obj: Any) -> str:
    """The text an object contributes to the index now (empty: nothing, e.g. a soft-deleted person)."""
    if isinstance(obj, Person) and obj.deleted_at is not None:
        return ""
    return obj.search_text or ""


def _stored_text(conn: Connection, obj: Any) -> str:
    """What the index holds for ``obj``: derived from its row as the database has it before this flush."""
    table = type(obj).__table__
    cols = [table.c.search_text]
    if isinstance(obj, Person):
        cols.append(table.c.deleted_at)
    row = conn.execute(select(*cols).where(table.c.id == obj.id)).first()
    if row is None:
        return ""
    if isinstance(obj, Person) and row[1] is not None:
        return ""
    return str(row[0] or "")


def _touches_index(obj: Any) -> bool:
    attrs = inspect(obj).attrs
    if attrs.search_text.history.has_changes():
        return True
    return isinstance(obj, Person) and attrs.deleted_at.history.has_changes()


def keep_search_index(sessions: sessionmaker[Session]) -> None:
    """Keep ``search_gram`` in step with every flush of the sessions ``sessions`` makes."""
    event.listen(sessions, "before_flush", _remember_indexed_text)
    event.listen(sessions, "after_flush", _update_postings)


def _remember_indexed_text(session: Session, _context: Any, _instances: Any) -> None:
    """Read what the index was built from, for records this flush changes or deletes."""
    before: dict[tuple[int, int], str] = {}
    session.info["search_gram_before"] = before
    changed = [o for o in session.dirty if type(o) in _INDEXED and _touches_index(o)]
    removed = [o for o in session.deleted if type(o) in _INDEXED]
    if not changed and not removed:
        return
    conn = session.connection()
    for obj in (*changed, *removed):
        before[(_INDEXED[type(obj)], obj.id)] = _stored_text(conn, obj)


def _update_postings(session: Session, _context: Any) -> None:
    """Rewrite the postings of every record this flush inserted, changed or deleted."""
    before: dict[tuple[int, int], str] = session.info.pop("search_gram_before", {})
    work: list[tuple[int, int, str, str]] = []
    for obj in session.new:
        if type(obj) in _INDEXED:
            work.append((_INDEXED[type(obj)], obj.id, "", _indexed_text(obj)))
    for obj in session.dirty:
        key = (_INDEXED.get(type(obj), 0), getattr(obj, "id", 0))
        if key in before:
            work.append((*key, before[key], _indexed_text(obj)))
    for obj in session.deleted:
        key = (_INDEXED.get(type(obj), 0), getattr(obj, "id", 0))
        if key in before:
            work.append((*key, before[key], ""))
    if work:
        _apply(session.connection(), work)


def _apply(conn: Connection, work: Iterable[tuple[int, int, str, str]]) -> None:
    t = SEARCH_GRAM
    gone: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for kind, record_id, old_text, new_text in work:
        old, new = text_grams(old_text), text_grams(new_text)
        gone += [{"k": kind, "g": g, "r": record_id} for g in old - new]
        added += [{"kind": kind, "gram": g, "record_id": record_id} for g in new - old]
    if gone:
        conn.execute(
            delete(t).where(
                t.c.kind == bindparam("k"), t.c.gram == bindparam("g"), t.c.record_id == bindparam("r")
            ),
            gone,
        )
    if added:
        conn.execute(insert(t), added)


def rebuild_search_index(conn: Connection) -> int:
    """Recreate every posting from the rows themselves (repair, or after a bulk load); returns the count."""
    t = SEARCH_GRAM
    conn.execute(delete(t))
    total = 0
    sources = (
        (KIND_PERSON, select(Person.id, Person.search_text).where(Person.deleted_at.is_(None))),
        (KIND_ISSUE, select(RegionalIssue.id, RegionalIssue.search_text)),
    )
    for kind, stmt in sources:
        batch: list[dict[str, Any]] = []
        for record_id, text in conn.execute(stmt):
            batch.extend(posting_rows(kind, record_id, text or ""))
            if len(batch) >= 20000:
                conn.execute(insert(t), batch)
                total += len(batch)
                batch = []
        if batch:
            conn.execute(insert(t), batch)
            total += len(batch)
    return total
