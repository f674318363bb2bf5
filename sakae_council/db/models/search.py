"""The n-gram index behind incremental search (名簿 and 地域課題), kept in step by the ORM.

Why a side table: ``search_text LIKE '%…%'`` reads every row (100–250 ms on 100,000 people), and SQLite's
FTS5 trigram tokenizer finds nothing for queries of one or two characters — yet 2-character words are
what people type in Japanese (田中, 通院, ごみ). So every indexed record's folded ``search_text`` is cut
into its distinct unigrams and bigrams (never across the fields, which are separated by newlines), one
row each in ``search_gram``:

* a 1-character query looks up its unigram, a 2-character query its bigram — both exact;
* a longer word intersects its bigrams, then ``LIKE`` confirms the candidates (bigrams in another order
  would otherwise match).

Postings are kept in list order (revision 0010): each carries ``ord``, the record's place in its list's
default order — a person's 五十音順 (:func:`person_order`, from the kana sort key), an issue's date raised
(:func:`issue_order`) — and the primary key is (kind, gram, ord, record_id). A search then walks its
driving gram's postings in the order the list shows them and stops at the page's last row, instead of
reading every match and sorting thousands of them to show 200 (7,693 people for 送迎 at the stress
size). How a search uses the postings is planned in :mod:`sakae_council.services.search_plan`.

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
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    BigInteger,
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
    """One posting: the record ``record_id`` of ``kind``, whose place in its list is ``ord``, contains
    ``gram`` (1 or 2 characters)."""

    __tablename__ = "search_gram"
    __table_args__ = {"sqlite_with_rowid": False}

    kind: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    gram: Mapped[str] = mapped_column(String(8), primary_key=True)
    ord: Mapped[int] = mapped_column(BigInteger, primary_key=True)
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


#: How many characters of a kana sort key ``person_order`` keeps, and the bits each takes (9 × 7 = 63).
_ORDER_CHARS = 9
_ORDER_BITS = 7
_HIRAGANA_FIRST, _HIRAGANA_LAST = 0x3041, 0x3096


def person_order(kana_key: str) -> int:
    """A person's ``ord``: never decreasing as ``kana_key`` increases (code point order, as SQLite and a
    "C" collation compare text), so walking the postings by ``ord`` and sorting only the people who share
    one by (kana_key, id) gives exactly the roster's 五十音順.

    The key's first nine characters in seven bits each: ぁ–ゖ 2–87, each its own code; the end of the key 0;
    anything before ぁ 1 (the key's field separator) and anything after 88 (the key of an empty フリガナ).
    Those two codes stand for many characters, so the code stops at them (what follows is 0): two keys
    that differ only after such a character share an ``ord``, and their order is left to the sort."""
    value = 0
    stopped = False
    for i in range(_ORDER_CHARS):
        code = 0
        if not stopped and i < len(kana_key):
            c = ord(kana_key[i])
            if _HIRAGANA_FIRST <= c <= _HIRAGANA_LAST:
                code = 2 + c - _HIRAGANA_FIRST
            else:
                code = 1 if c < _HIRAGANA_FIRST else 2 + _HIRAGANA_LAST - _HIRAGANA_FIRST + 1
                stopped = True
        value = (value << _ORDER_BITS) | code
    return value


def issue_order(raised_on: date | None) -> int:
    """An issue's ``ord``: the day it was raised (the list's order is newest raised first, then newest id)."""
    return raised_on.toordinal() if raised_on is not None else 0


def posting_rows(kind: int, record_id: int, order: int, search_text: str) -> Iterator[dict[str, Any]]:
    """Rows for ``search_gram`` describing one record (for bulk writers that bypass the ORM); ``order``
    is its :func:`person_order` or :func:`issue_order`."""
    for gram in text_grams(search_text):
        yield {"kind": kind, "gram": gram, "ord": order, "record_id": record_id}


# --- what is indexed ----------------------------------------------------------------------------

_INDEXED: dict[type, int] = {Person: KIND_PERSON, RegionalIssue: KIND_ISSUE}

#: What a record indexes: its text, and its place in the list (``ord``); ("", 0) when nothing.
_Indexed = tuple[str, int]


def _indexed(obj: Any) -> _Indexed:
    """What an object contributes to the index now (no text: nothing, e.g. a soft-deleted person)."""
    if isinstance(obj, Person):
        if obj.deleted_at is not None:
            return "", 0
        return obj.search_text or "", person_order(obj.kana_key or "")
    return obj.search_text or "", issue_order(obj.raised_on)


def _stored(conn: Connection, obj: Any) -> _Indexed:
    """What the index holds for ``obj``: derived from its row as the database has it before this flush."""
    table = type(obj).__table__
    if isinstance(obj, Person):
        cols = [table.c.search_text, table.c.kana_key, table.c.deleted_at]
    else:
        cols = [table.c.search_text, table.c.raised_on]
    row = conn.execute(select(*cols).where(table.c.id == obj.id)).first()
    if row is None:
        return "", 0
    if isinstance(obj, Person):
        return ("", 0) if row[2] is not None else (str(row[0] or ""), person_order(row[1] or ""))
    return str(row[0] or ""), issue_order(row[1])


#: The attributes whose change rewrites a record's postings.
_WATCHED = {Person: ("search_text", "kana_key", "deleted_at"), RegionalIssue: ("search_text", "raised_on")}


def _touches_index(obj: Any) -> bool:
    attrs = inspect(obj).attrs
    return any(getattr(attrs, name).history.has_changes() for name in _WATCHED[type(obj)])


def keep_search_index(sessions: sessionmaker[Session]) -> None:
    """Keep ``search_gram`` in step with every flush of the sessions ``sessions`` makes."""
    event.listen(sessions, "before_flush", _remember_indexed_text)
    event.listen(sessions, "after_flush", _update_postings)


def _remember_indexed_text(session: Session, _context: Any, _instances: Any) -> None:
    """Read what the index was built from, for records this flush changes or deletes."""
    before: dict[tuple[int, int], _Indexed] = {}
    session.info["search_gram_before"] = before
    changed = [o for o in session.dirty if type(o) in _INDEXED and _touches_index(o)]
    removed = [o for o in session.deleted if type(o) in _INDEXED]
    if not changed and not removed:
        return
    conn = session.connection()
    for obj in (*changed, *removed):
        before[(_INDEXED[type(obj)], obj.id)] = _stored(conn, obj)


def _update_postings(session: Session, _context: Any) -> None:
    """Rewrite the postings of every record this flush inserted, changed or deleted."""
    session.info.pop("search_plans", None)  # a search planned before this flush may have changed
    before: dict[tuple[int, int], _Indexed] = session.info.pop("search_gram_before", {})
    work: list[tuple[int, int, _Indexed, _Indexed]] = []
    for obj in session.new:
        if type(obj) in _INDEXED:
            work.append((_INDEXED[type(obj)], obj.id, ("", 0), _indexed(obj)))
    for obj in session.dirty:
        key = (_INDEXED.get(type(obj), 0), getattr(obj, "id", 0))
        if key in before:
            work.append((*key, before[key], _indexed(obj)))
    for obj in session.deleted:
        key = (_INDEXED.get(type(obj), 0), getattr(obj, "id", 0))
        if key in before:
            work.append((*key, before[key], ("", 0)))
    if work:
        _apply(session.connection(), work)


def _apply(conn: Connection, work: Iterable[tuple[int, int, _Indexed, _Indexed]]) -> None:
    t = SEARCH_GRAM
    gone: list[dict[str, Any]] = []
    added: list[dict[str, Any]] = []
    for kind, record_id, (old_text, old_ord), (new_text, new_ord) in work:
        old, new = text_grams(old_text), text_grams(new_text)
        if old_ord != new_ord:  # the record moved in its list: every posting carries the new place
            old_gone, new_added = old, new
        else:
            old_gone, new_added = old - new, new - old
        gone += [{"k": kind, "g": g, "o": old_ord, "r": record_id} for g in old_gone]
        added += [{"kind": kind, "gram": g, "ord": new_ord, "record_id": record_id} for g in new_added]
    if gone:
        conn.execute(
            delete(t).where(
                t.c.kind == bindparam("k"),
                t.c.gram == bindparam("g"),
                t.c.ord == bindparam("o"),
                t.c.record_id == bindparam("r"),
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
        (
            KIND_PERSON,
            select(Person.id, Person.search_text, Person.kana_key).where(Person.deleted_at.is_(None)),
            person_order,
        ),
        (
            KIND_ISSUE,
            select(RegionalIssue.id, RegionalIssue.search_text, RegionalIssue.raised_on),
            issue_order,
        ),
    )
    for kind, stmt, order_of in sources:
        batch: list[dict[str, Any]] = []
        for record_id, text, key in conn.execute(stmt):
            batch.extend(posting_rows(kind, record_id, order_of(key), text or ""))
            if len(batch) >= 20000:
                conn.execute(insert(t), batch)
                total += len(batch)
                batch = []
        if batch:
            conn.execute(insert(t), batch)
            total += len(batch)
    return total
