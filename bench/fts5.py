"""Why search does not use SQLite's FTS5 trigram tokenizer: measured in each run, on the roster's texts.

FTS5 ``tokenize='trigram'`` indexes 3-character substrings; a MATCH (or LIKE through the index) for a
query of 1 or 2 characters finds nothing — and those are what people type in Japanese (田, 田中, ごみ).
The figure is the time of a 3-character MATCH against LIKE over the same rows; ``found`` in the details
shows the short queries coming back empty while LIKE (and the n-gram index) find them.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from bench.harness import Figure, median, time_runs

QUERIES = ["田", "田中", "さとう", "ボランティア"]


def fts5_check(db: Any, runs: int) -> Figure:
    from sqlalchemy import select

    from sakae_council.db.models import Person
    from sakae_council.domain.text import fold_for_search

    with db.reading() as s:
        texts = [
            (i, t)
            for i, t in s.execute(select(Person.id, Person.search_text).where(Person.deleted_at.is_(None)))
        ]
    mem = sqlite3.connect(":memory:")
    try:
        mem.execute("CREATE VIRTUAL TABLE t USING fts5(body, tokenize='trigram')")
        mem.executemany("INSERT INTO t(rowid, body) VALUES (?, ?)", texts)
        mem.execute("CREATE TABLE plain(id INTEGER PRIMARY KEY, body TEXT)")
        mem.executemany("INSERT INTO plain VALUES (?, ?)", texts)
        found: dict[str, dict[str, int]] = {}
        for typed in QUERIES:
            q = fold_for_search(typed)
            phrase = '"' + q.replace('"', '""') + '"'
            found[typed] = {
                "fts5_match": mem.execute("SELECT count(*) FROM t WHERE t MATCH ?", (phrase,)).fetchone()[0],
                "like": mem.execute("SELECT count(*) FROM plain WHERE body LIKE ?", (f"%{q}%",)).fetchone()[
                    0
                ],
            }
        match = time_runs(
            lambda: mem.execute("SELECT count(*) FROM t WHERE t MATCH '\"さとう\"'").fetchone(), runs
        )
        like = time_runs(
            lambda: mem.execute("SELECT count(*) FROM plain WHERE body LIKE '%さとう%'").fetchone(), runs
        )
    finally:
        mem.close()
    short = ", ".join(f"{q}: {v['fts5_match']} of {v['like']}" for q, v in found.items())
    return Figure(
        "FTS5 trigram (not used): 3-character MATCH",
        None,
        median=median(match),
        baseline=median(like),
        baseline_name="LIKE over the same rows",
        runs=match,
        baseline_runs=like,
        details={"found": found, "rows": len(texts)},
        note=f"rows found by FTS5 MATCH vs LIKE over {len(texts):,} people — {short}: 1-2 character queries find "
        "nothing, hence the unigram/bigram index (db/models/search.py)",
    )
