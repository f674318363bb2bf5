"""The first search of a session: one keystroke on a page just opened in a fresh process.

    python -m bench.search_first roster|issues DB_PATH QUERY [REPEATS]

The child opens the file read-only (the parent benchmark holds it open), shows the page as the program
does and waits for its list, then types QUERY once — timed as bench.gui_lists times every keystroke: after
a pause, from the key event (or the input method's commit) to the table painted with the worker's answer
— and then, as a baseline in the same process, reloads the page without a query. It prints one JSON line: ``{"ms", "cpu_ms", "statements", "rows", "baseline_ms"}``, and with
REPEATS also ``warm_ms`` and ``warm_cpu_ms``: the median of REPEATS more keystrokes of QUERY, the field emptied (and the list
reloaded) before each, as a person deletes and types again (for paired comparisons of two trees).

In the parent's process every statement is compiled and every page of the index it reads is cached
after the first query; here nothing is but what the page pays ahead itself once its list has shown (its
search warmed on the worker, gui/widgets/search_field.SearchWarmUp, during the pause before the key), so
this is what the first search after starting the program costs. The parent (:func:`first_keystrokes`) runs one child per query.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def _page(kind: str, ctx: Any) -> Any:
    if kind == "roster":
        from sakae_council.gui.pages.roster import RosterPage

        return RosterPage(ctx)
    from sakae_council.gui.pages.issues import IssuesPage

    return IssuesPage(ctx)


def main(argv: list[str]) -> int:
    kind, path, query = argv[:3]
    repeats = int(argv[3]) if len(argv) > 3 else 0
    from bench.gui_lists import (
        StatementCounter,
        clear_search,
        context,
        keystroke,
        paint,
        reload_ms,
        wait_for_worker,
    )
    from sakae_council.db.engine import open_database

    db = open_database(Path(path), read_only=True, check=False, upgrade=False, user="bench")
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        ctx = context(db, Path(tmp))
        ctx.set_district(None)
        page = _page(kind, ctx)
        page.resize(1200, 800)
        page.show()
        wait_for_worker()
        paint(page)
        counter = StatementCounter(db)
        first = keystroke(page, query, counter)
        rows = page.model.rowCount()
        clear_search(page)
        baseline = reload_ms(page)
        warm = [keystroke(page, query, counter) for _ in range(repeats)]
        page.close()
        from sakae_council.gui import ops

        ops.shutdown_all()
    db.close()
    answer: dict[str, Any] = {
        "ms": first.ms,
        "cpu_ms": first.cpu_ms,
        "statements": first.statements,
        "rows": rows,
        "baseline_ms": baseline,
    }
    if warm:
        answer["warm_ms"] = sorted(k.ms for k in warm)[len(warm) // 2]
        answer["warm_cpu_ms"] = sorted(k.cpu_ms for k in warm)[len(warm) // 2]
    print(json.dumps(answer))
    sys.stdout.flush()
    return 0


def first_keystrokes(database: Path, kind: str, queries: list[str]) -> dict[str, dict[str, Any]]:
    """Each query typed first in its own fresh process: query → the child's JSON."""
    import os

    out: dict[str, dict[str, Any]] = {}
    for q in queries:
        with tempfile.TemporaryDirectory(prefix="sakae-bench-") as config:
            proc = subprocess.run(
                [sys.executable, "-m", "bench.search_first", kind, str(database), q],
                capture_output=True,
                text=True,
                timeout=300,
                check=False,
                env={**os.environ, "XDG_CONFIG_HOME": config},  # never the user's settings
            )
        if proc.returncode != 0:
            raise RuntimeError(f"search_first {kind} {q} failed ({proc.returncode}): {proc.stderr[-2000:]}")
        out[q] = json.loads(proc.stdout.strip().splitlines()[-1])
    return out


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
