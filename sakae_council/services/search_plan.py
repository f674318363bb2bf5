"""Planning an incremental search over the n-gram index (db.models.search): which gram drives, and the
SQL conditions of each plan — the same on SQLite and PostgreSQL.

The plans, chosen per query by the (capped) posting counts of its grams:

* the list in its default order (五十音順, newest issue first) with no district chosen: the rarest gram's
  postings, which are stored in list order, are walked in that order and the walk stops at the page's last
  row (``ordered_ids``) — a common term reads about a page of rows, never thousands sorted to take 200;
* a district chosen and a common term: the district's rows (~1/100 of the list) are tested with LIKE;
* otherwise (another sort, or a selective term with a district): the postings drive and the matches are
  sorted.

A search costs one statement to plan (every gram's posting count at once), and the plan is kept in the
session (``session.info``; a flush of that session forgets it): the count that follows the page in the
same read (``Database.snapshot``) plans nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from sakae_council.db.models.search import SEARCH_GRAM, query_grams, word_is_exact

#: Below this many postings a gram is selective: its posting list drives the query whatever the list's
#: order (each posting costs a row lookup, ~2 µs, then the matches are sorted).
SELECTIVE_POSTINGS = 3000


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
                and_(
                    other.c.kind == self.kind,
                    other.c.gram == used[1],
                    other.c.ord == t.c.ord,
                    other.c.record_id == t.c.record_id,
                ),
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

    def ordered_ids(
        self, id_col: Any, text_col: Any, where: Iterable[Any], ties: Iterable[Any], *, descending: bool
    ) -> Select[Any]:
        """``driven_ids`` in list order: the postings are walked by their place in the list (``ord``, stored
        in that order), and only records sharing one are sorted by ``ties`` (the rest of the list's order)
        — with a LIMIT the walk stops once the page is full."""
        place = SEARCH_GRAM.c.ord
        return self.driven_ids(id_col, text_col, where).order_by(place.desc() if descending else place, *ties)


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
    return int(session.scalar(_posting_count(kind, gram, cap)) or 0)


def _posting_count(kind: int, gram: str, cap: int | None) -> Select[Any]:
    t = SEARCH_GRAM
    inner = select(t.c.record_id).where(t.c.kind == kind, t.c.gram == gram)
    if cap is not None:
        inner = inner.limit(cap)
    return select(func.count()).select_from(inner.subquery())


def plan_search(
    session: Session, kind: int, words: Iterable[str], cap: int | None = None
) -> GramQuery | None:
    """Plan a search for folded ``words`` (all must match); None when there is nothing to search for.

    One statement counts every gram's postings; the plan is kept in the session (forgotten at its next
    flush), so that the page and the count of one search, read together, plan once."""
    cap = SELECTIVE_POSTINGS if cap is None else cap
    kept = tuple(dict.fromkeys(w for w in words if w))
    if not kept:
        return None
    plans: dict[Any, GramQuery] = session.info.setdefault("search_plans", {})
    key = (kind, kept, cap)
    if key in plans:
        return plans[key]
    grams = list(dict.fromkeys(g for w in kept for g in query_grams(w)))
    counts = session.execute(select(*(_posting_count(kind, g, cap).scalar_subquery() for g in grams))).one()
    sizes = sorted(zip(grams, (int(n or 0) for n in counts), strict=True), key=lambda x: x[1])
    plans[key] = plan = GramQuery(kind, kept, tuple(sizes), cap)
    return plan
