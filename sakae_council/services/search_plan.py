"""Planning an incremental search over the n-gram index (db.models.search): which gram drives, or whether
the list is walked in its own order, and the SQL conditions of each plan — the same on SQLite and PostgreSQL.

Three plans, chosen per query by the (capped) posting counts of its grams:

* a selective term (its rarest gram has fewer than SELECTIVE_POSTINGS postings): the postings drive,
  intersected with the next rarest gram's in the index, and LIKE confirms what they do not decide;
* a common term: the first HEAD_ROWS rows in list order are tested in the database, which stops at the
  page's last row (``walk``);
* a common term whose matches cluster later in the list: the walk gives up and the postings drive.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from sakae_council.db.models.search import SEARCH_GRAM, query_grams, word_is_exact

#: Below this many postings a gram is selective: its posting list drives the query (each posting costs a
#: row lookup, ~2 µs, then the page is sorted). A commoner gram is searched by walking the list in its
#: own order instead, looking at no more than HEAD_ROWS rows (see ``walk``) before falling back.
SELECTIVE_POSTINGS = 3000
#: How many rows, in list order, the walk for a common term looks at before giving up. Matches that
#: cluster in that order (佐藤 and 佐々木 all sort under さ) would otherwise make it read the whole table.
HEAD_ROWS = 2500


def walk(
    session: Session,
    rows: Any,
    words: Iterable[str],
    *,
    offset: int,
    limit: int,
    descending: bool = False,
) -> list[int] | None:
    """The ids of one page among the first HEAD_ROWS rows of ``rows`` — ``SELECT id, text, *keys ... ORDER BY
    keys`` (all ascending, or all descending) — whose text holds every word; None when those rows hold
    fewer than ``offset + limit`` matches, so that the postings can drive instead.

    The test runs in the database (LIKE over folded text, as everywhere else), on an index scan in list
    order that reads no more than HEAD_ROWS rows: names cluster by kana (佐藤 and 佐々木 all sort under さ),
    and an unbounded scan for them would read the whole table."""
    head = rows.limit(HEAD_ROWS).subquery()
    id_col, text_col, *keys = head.c
    stmt = select(id_col).where(*(text_col.contains(w, autoescape=True) for w in words))
    if session.get_bind().dialect.name != "sqlite":
        stmt = stmt.order_by(*(k.desc() if descending else k for k in keys))
    # else: SQLite runs an ordered, limited subquery as a co-routine that yields its rows in order, and
    # the outer query reads them as they come — an outer ORDER BY would make it read all HEAD_ROWS first
    # (20 ms instead of 0.2 ms for 田, whose matches start at the first names).
    hits = list(session.scalars(stmt.offset(offset).limit(limit)))
    return hits if len(hits) == limit else None


@dataclass(frozen=True)
class GramQuery:
    """A search over one kind of record, with the (capped) size of each gram's posting list."""

    kind: int
    words: tuple[str, ...]
    #: (gram, number of postings capped at ``cap``), rarest first.
    sizes: tuple[tuple[str, int], ...]
    cap: int = SELECTIVE_POSTINGS

    @property
    def impossible(self) -> bool:
        """Some gram occurs nowhere: nothing can match, no need to ask the database again."""
        return any(n == 0 for _, n in self.sizes)

    @property
    def selective(self) -> bool:
        """The rarest gram's postings are few enough to drive the query."""
        return bool(self.sizes) and self.sizes[0][1] < self.cap

    @property
    def rarest(self) -> str:
        return self.sizes[0][0]

    @property
    def single_exact_gram(self) -> str | None:
        """The gram whose postings are exactly the matches (one word of 1–2 characters), if so."""
        if len(self.words) == 1 and word_is_exact(self.words[0]):
            return self.sizes[0][0]
        return None

    def like_conditions(self, text_col: Any) -> list[Any]:
        """Every word as ``LIKE '%word%'`` — exact on its own (a query has no newline, so it never spans
        two fields), and cheaper than an index probe once the row is read anyway."""
        return [text_col.contains(w, autoescape=True) for w in self.words]

    def _postings(self) -> tuple[Any, list[str]]:
        """The FROM of the rarest gram's postings joined to the next rarest's (index-only: one probe of the
        primary key per posting drops candidates that cannot match before their rows are read)."""
        t = SEARCH_GRAM
        used = [g for g, _ in self.sizes[:2]]
        source: Any = t
        if len(used) == 2:
            other = SEARCH_GRAM.alias("other_gram")
            source = t.join(
                other,
                and_(other.c.kind == self.kind, other.c.gram == used[1], other.c.record_id == t.c.record_id),
            )
        return source, used

    def _undecided(self, text_col: Any, used: list[str]) -> list[Any]:
        """LIKE for the words whose postings do not decide the match on their own."""
        return [
            text_col.contains(w, autoescape=True) for w in self.words if not (word_is_exact(w) and w in used)
        ]

    def driven_conditions(self, id_col: Any, text_col: Any) -> list[Any]:
        """``id IN (postings of the rarest gram that the next rarest also holds)``, then LIKE for the words
        the postings do not decide."""
        t = SEARCH_GRAM
        source, used = self._postings()
        postings = select(t.c.record_id).select_from(source).where(t.c.kind == self.kind, t.c.gram == used[0])
        return [id_col.in_(postings), *self._undecided(text_col, used)]

    def driven_ids(self, id_col: Any, text_col: Any, where: Iterable[Any]) -> Select[Any]:
        """The ids matching, as a join that starts from the postings — the same rows as ``where`` plus
        driven_conditions, but a LIMIT on it stops the scan (an ``IN`` list is built whole first)."""
        t = SEARCH_GRAM
        source, used = self._postings()
        return (
            select(id_col)
            .select_from(source.join(id_col.table, id_col == t.c.record_id))
            .where(t.c.kind == self.kind, t.c.gram == used[0], *self._undecided(text_col, used), *where)
        )


#: How far the title line's count of a search goes when counting means reading every matching row (a
#: word of 3+ characters, several words, or a filter beside the query): 「1,000件以上」 says enough, and
#: reading 40,000 rows to say 「40,000件」 took longer than finding the page.
COUNT_AT_MOST = 1000


def capped_count(session: Session, matching: Select[Any], at_most: int | None) -> int:
    """The number of rows ``matching`` (a SELECT of ids) returns, stopping at ``at_most`` if given."""
    if at_most is not None:
        matching = matching.limit(at_most)
    return int(session.scalar(select(func.count()).select_from(matching.subquery())) or 0)


def posting_count(session: Session, kind: int, gram: str, cap: int | None = None) -> int:
    """How many records contain ``gram`` (counting stops at ``cap``; an index-only range scan)."""
    t = SEARCH_GRAM
    inner = select(t.c.record_id).where(t.c.kind == kind, t.c.gram == gram)
    if cap is not None:
        inner = inner.limit(cap)
    return int(session.scalar(select(func.count()).select_from(inner.subquery())) or 0)


def plan_search(
    session: Session, kind: int, words: Iterable[str], cap: int | None = None
) -> GramQuery | None:
    """Plan a search for folded ``words`` (all must match); None when there is nothing to search for."""
    cap = SELECTIVE_POSTINGS if cap is None else cap
    kept = tuple(dict.fromkeys(w for w in words if w))
    if not kept:
        return None
    grams = list(dict.fromkeys(g for w in kept for g in query_grams(w)))
    sizes: list[tuple[str, int]] = []
    for gram in grams:
        n = posting_count(session, kind, gram, cap)
        sizes.append((gram, n))
        if n == 0:
            break  # nothing can match; the other counts would not change that
    sizes.sort(key=lambda x: x[1])
    return GramQuery(kind, kept, tuple(sizes), cap)
