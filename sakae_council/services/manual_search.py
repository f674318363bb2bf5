"""Searching the 協働マニュアル: every section whose title or body has all the words, with a snippet."""

from __future__ import annotations

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ManualSection,
)
from sakae_council.domain.text import fold_for_search
from sakae_council.services import search as search_rule
from sakae_council.services.manual import (
    SNIPPET_BEFORE,
    SNIPPET_WIDTH,
    ManualHitDTO,
    _load_tree,
    _walk,
)

# --- search --------------------------------------------------------------------------------------


def _locate(line: str, folded_query: str) -> tuple[int, int] | None:
    """(start, length) of ``folded_query`` in ``line`` counted in ``line``'s own characters, or None."""
    pieces = [fold_for_search(ch) for ch in line]
    folded = "".join(pieces)
    at = folded.find(folded_query)
    if at < 0:
        return None
    starts = []
    offset = 0
    for piece in pieces:
        starts.append(offset)
        offset += len(piece)
    start = max((i for i, st in enumerate(starts) if st <= at and pieces[i]), default=0)
    end_at = at + len(folded_query)
    end = next((i for i, st in enumerate(starts) if st >= end_at), len(line))
    return start, max(end - start, 0)


def _snippet(line: str, folded_query: str) -> tuple[str, int, int]:
    """A short excerpt of ``line`` around the match, with the match position inside it."""
    found = _locate(line, folded_query)
    start, length = found if found is not None else (0, 0)
    if len(line) <= SNIPPET_WIDTH:
        return line, start, length
    cut = max(0, min(start - SNIPPET_BEFORE, len(line) - SNIPPET_WIDTH))
    text = line[cut : cut + SNIPPET_WIDTH]
    head = "…" if cut > 0 else ""
    tail = "…" if cut + SNIPPET_WIDTH < len(line) else ""
    return f"{head}{text}{tail}", start - cut + len(head), min(length, SNIPPET_WIDTH - (start - cut))


def search_manual(db: Database, query: str) -> list[ManualHitDTO]:
    """Sections whose title or body holds every word of ``query`` (ひらがな/カタカナ, 全角/半角 ignored; words
    in any order), in document order, each with its path and the first line holding the first word."""
    wanted = search_rule.words(query)
    if not wanted:
        return []
    folded = wanted[0]  # the word the snippet shows
    with db.reading() as s:
        ids = set(
            s.scalars(
                select(ManualSection.id).where(*search_rule.contains_all(ManualSection.search_text, wanted))
            )
        )
        if not ids:
            return []
        tree = _load_tree(s)
    hits = []
    for node in _walk(tree):
        if node.id not in ids:
            continue
        line = next((ln for ln in node.body.split("\n") if folded in fold_for_search(ln)), None)
        in_title = folded in fold_for_search(node.title)
        if line is None:
            line = node.title
        snippet, start, length = _snippet(line, folded)
        hits.append(
            ManualHitDTO(
                section_id=node.id,
                title=node.title,
                path=node.path,
                snippet=snippet,
                match_start=start,
                match_length=length,
                in_title=in_title,
            )
        )
    return hits
