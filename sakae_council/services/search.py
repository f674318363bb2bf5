"""One meaning of a search, for every list: the words of the query, each of which must match, in any order.

- :func:`words` splits a query on spaces (全角 spaces too) and folds each word as the stored search text is
  folded (ひらがな/カタカナ, 全角/半角, upper/lower case): 「花子 田中」 finds 田中花子, 「ﾀﾅｶ」 finds たなか.
- The large lists (people, issues, projects, meetings, the manual) keep a folded ``search_text`` column:
  people and issues search it through the n-gram index (``search_plan.plan_search(words)``), the others
  with :func:`contains_all`.
- The small lists (organisations, equipment) are matched in memory by :func:`matches`, field by field, so
  a word never matches across the end of one field and the start of the next.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sakae_council.domain.text import fold_for_search, normalize_text


def words(query: str | None) -> list[str]:
    """The folded words of ``query`` (empty when there is nothing to search for)."""
    return [w for w in (fold_for_search(word) for word in normalize_text(query).split(" ")) if w]


def matches(query_words: Sequence[str], fields: Iterable[str | None]) -> bool:
    """Whether every word is in one of ``fields`` (folded like the words; never across two fields)."""
    folded = [fold_for_search(f) for f in fields if f]
    return all(any(w in f for f in folded) for w in query_words)


def contains_all(column: Any, query_words: Sequence[str]) -> list[Any]:
    """SQL conditions: the folded text ``column`` holds every word (LIKE, wildcards in the words escaped)."""
    return [column.contains(w, autoescape=True) for w in query_words]
