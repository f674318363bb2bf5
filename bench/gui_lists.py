"""Roster and issue search from keystroke to filtered table, and the issues list's first rows painted.

Runs in this process with Qt offscreen, on the real pages over the generated database. A "keystroke" is
the key event a person's typing sends to the search field: ASCII queries key by key with
``QTest.keyClicks``, Japanese ones as an input method commits them (one ``QInputMethodEvent`` with the
word, 田中 or ボランティア, as 変換して確定 does). It comes after a pause (the list shown without a query,
then SEARCH_DEBOUNCE_MS of nothing and the worker idle, as a person reads the list before typing), and
the time runs from the key event until the database worker has answered, the answer has reached the
table and the table has painted — whatever the page waits before it searches included (search_field.py:
none for the first key after a pause; a key typed while a search is out makes one more search after it).
Every run counts, the first of each query too (its statements compiled, its postings read for the first
time); the statements the database ran for each keystroke are counted. The first keystroke of a fresh process, which also pays
for everything a search loads on first use, is measured in child processes (bench/search_first.py) and
reported in its own rows.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from bench.harness import Figure, Target, median, time_runs
from sakae_council.gui.widgets.search_field import SEARCH_DEBOUNCE_MS

TODAY = date(2026, 11, 28)

#: 1-character kana and kanji (the commonest first), 2-character Japanese words, longer words, no match.
ROSTER_QUERIES = [
    "佐",
    "田",
    "こ",
    "う",
    "田中",
    "さと",
    "いち",
    "𠮷田",
    "送迎",
    "ボランティア",
    "さとういちろう",
    "ぞ",
]
ISSUE_QUERIES = ["の", "通", "1", "通院", "ごみ", "公園", "見守り", "高齢者", "公園 見守り", "zz"]
#: A district is chosen in the switcher (one of 100 at stress size) for the second pass.
DISTRICT_ID = 5


def qt_app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication(["bench"])


def context(db: Any, settings_dir: Path) -> Any:
    """An AppContext with private settings (never the user's) and the fonts the program uses."""
    from PySide6.QtCore import QSettings

    from sakae_council.gui.app import prepare_application
    from sakae_council.gui.context import AppContext

    app = qt_app()
    settings = QSettings(str(settings_dir / "bench.ini"), QSettings.Format.IniFormat)
    family = prepare_application(app, settings)
    return AppContext(db, settings, font_family=family, today=TODAY)


def settle() -> None:
    qt_app().processEvents()


def paint(widget: Any) -> None:
    """Let Qt do the layout and paint everything now due (the table's rows among it), as the user sees it.

    Not ``repaint()`` and then the event loop: that paints the table twice."""
    widget.update()
    settle()


class StatementCounter:
    """Counts the statements the database runs (``before_cursor_execute``), BEGIN included."""

    def __init__(self, db: Any) -> None:
        from sqlalchemy import event

        self.count = 0
        event.listen(db.engine, "before_cursor_execute", self._seen)

    def _seen(self, *_args: Any) -> None:
        self.count += 1


class WorkerAnswered:
    """Runs Qt's event loop until the database worker has delivered every answer, and ``page`` has no
    typed text waiting to be searched (the loop sleeps while the worker works, as the program's does: no
    busy polling competing for the interpreter).

    Made (and its signal connected) before the work is asked for: connecting while the worker runs waits
    for the interpreter lock, which the program itself never does, and would be timed with the search."""

    def __init__(self, page: Any = None) -> None:
        from PySide6.QtCore import QEventLoop

        from sakae_council.gui import ops

        self._ops = ops
        self._page = page
        self._loop = QEventLoop()
        self._worker = ops.worker()
        self._worker.idle.connect(self._loop.quit)

    def wait(self) -> None:
        try:
            # A search waiting for the pause after the last one starts on a timer, in this loop.
            while not self._ops.is_idle() or (self._page is not None and self._page.search_waiting):
                self._loop.exec()
        finally:
            self._worker.idle.disconnect(self._loop.quit)


def wait_for_worker() -> None:
    """Let the worker answer everything asked for so far (see WorkerAnswered)."""
    WorkerAnswered().wait()


def clear_search(page: Any) -> None:
    """Empty the search field as a person does before typing again: the list without a query is shown (not
    timed), so the next keystroke is a new search, not a refresh of the same one."""
    if page.search.text():
        page.search.setText("")
        page.flush_search()
        WorkerAnswered(page).wait()
        settle()


def pause(page: Any) -> None:
    """A person reads the list before typing: the pause after the last search asked for is over, and so is
    what the page does on the worker once its list has shown (its first search warmed, ~20–30 ms of work
    starting 50 ms after the list lands: search_field.SearchWarmUp) — a key typed earlier waits for one
    probe of it at most, which is tested, not timed here."""
    from PySide6.QtTest import QTest

    QTest.qWait(SEARCH_DEBOUNCE_MS + 20)
    WorkerAnswered(page).wait()


def type_query(page: Any, text: str) -> None:
    """The person's keystroke: ASCII key by key, Japanese committed by the input method in one event."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    if text.isascii():
        QTest.keyClicks(page.search, text)
        return
    commit = QInputMethodEvent("", [])
    commit.setCommitString(text)
    QApplication.sendEvent(page.search, commit)


@dataclass(frozen=True)
class Keystroke:
    """One timed keystroke: wall-clock ms, the process's CPU ms meanwhile (every thread: the worker's
    query and the GUI's painting — on a loaded machine the wall clock grows, the CPU time much less), and
    the statements the database ran."""

    ms: float
    cpu_ms: float
    statements: int


def keystroke(page: Any, text: str, counter: StatementCounter) -> Keystroke:
    """One search as the person feels it: after a pause, from the key event to the filtered table
    painted, any wait of the page before it searches included."""
    import gc
    import time

    clear_search(page)
    pause(page)
    gc.collect()
    answered = WorkerAnswered(page)
    before = counter.count
    cpu, start = time.process_time(), time.perf_counter()
    type_query(page, text)
    answered.wait()
    paint(page.table.viewport())
    wall = (time.perf_counter() - start) * 1000
    assert page.search.text() == text, (page.search.text(), text)
    return Keystroke(wall, (time.process_time() - cpu) * 1000, counter.count - before)


def reload_ms(page: Any) -> float:
    """The page's list loaded again (the field as it is) until the table is painted, in milliseconds."""
    import gc
    import time

    gc.collect()
    answered = WorkerAnswered()
    start = time.perf_counter()
    page.reload()
    answered.wait()
    paint(page.table.viewport())
    return (time.perf_counter() - start) * 1000


def _search_figure(
    name: str,
    page: Any,
    queries: list[str],
    runs: int,
    ctx: Any,
    log: Callable[[str], None],
    service: Callable[[str], Any],
) -> Figure:
    from sakae_council.services import districts

    counter = StatementCounter(ctx.db)
    ids = [d.id for d in districts.list_districts(ctx.db)]
    one = DISTRICT_ID if DISTRICT_ID in ids else ids[len(ids) // 2]
    details: dict[str, Any] = {}
    worst = 0.0
    all_runs: list[float] = []
    most_statements = 0
    for district in (None, one):
        ctx.set_district(district)
        settle()
        wait_for_worker()
        for q in queries:
            strokes = [keystroke(page, q, counter) for _ in range(runs)]
            times = [k.ms for k in strokes]
            statements = [k.statements for k in strokes]
            key = f"{q} ({'全学区' if district is None else f'学区 {district}'})"
            rows = page.model.rowCount()
            # The same search without Qt: the service calls the page makes (first batch and count).
            alone = time_runs(partial(service, q), runs, warmup=0)
            details[key] = {
                "median_ms": median(times),
                "first_ms": times[0],
                "cpu_ms": median([k.cpu_ms for k in strokes]),
                "runs": times,
                "rows": rows,
                "statements": max(statements),
                "service_ms": median(alone),
            }
            worst = max(worst, median(times))
            most_statements = max(most_statements, *statements)
            all_runs += times
        where = "全学区" if district is None else f"学区 {district}"
        log(
            f"  {name}, {where} (median / first run in this process ms, CPU ms, statements): "
            + ", ".join(
                f"{q} {d['median_ms']:.0f}/{d['first_ms']:.0f} ({d['cpu_ms']:.0f}, {d['statements']})"
                for q in queries
                for d in [details[f"{q} ({where})"]]
            )
        )
    ctx.set_district(None)
    wait_for_worker()
    # Baseline: the same page reloading without a query (the list as it opens), same run.
    clear_search(page)

    baseline = [reload_ms(page) for _ in range(runs)]
    worst_first = max(d["first_ms"] for d in details.values())
    fig = Figure(
        name,
        Target(50, "ms"),
        median=worst,
        baseline=median(baseline),
        baseline_name="same page, no query",
        runs=all_runs,
        baseline_runs=baseline,
        details={"queries": details, "most_statements": most_statements, "worst_first_ms": worst_first},
        note=f"worst per-query median over {len(queries)} queries × (全学区, one district), each query's first "
        f"run included (worst first run in this process {worst_first:.0f} ms), from the key event (ASCII by "
        "QTest.keyClicks, Japanese as one input-method commit) after a pause to the table painted with the "
        f"worker's answer, any wait before the search included (the first key after a pause searches at "
        f"once; the {SEARCH_DEBOUNCE_MS} ms pause applies only between searches); at most {most_statements} "
        "statements per keystroke; every query, its CPU time (cpu_ms, every thread: what the load average "
        "does not inflate) and the service's share (service_ms) in the JSON",
    )
    return fig


def search_and_lists(db: Any, runs: int, log: Callable[[str], None] = print) -> list[Figure]:
    """The search figures and the issues-list figure, on an open stress database."""
    from sakae_council.gui.pages.roster import RosterPage
    from sakae_council.services import issues, people
    from sakae_council.services.issues import IssueFilter
    from sakae_council.services.search_plan import COUNT_AT_MOST

    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        ctx = context(db, Path(tmp))
        roster = RosterPage(ctx)
        roster.resize(1200, 800)
        roster.show()
        settle()

        def roster_service(q: str) -> None:
            flt = replace(roster.roster_filter(), query=q)
            if len(people.list_members(ctx.db, flt, limit=200)) >= 200:
                people.count_members(ctx.db, flt, at_most=COUNT_AT_MOST)

        figures.append(
            _search_figure(
                "roster search: keystroke → filtered table",
                roster,
                ROSTER_QUERIES,
                runs,
                ctx,
                log,
                roster_service,
            )
        )
        roster.close()

        from sakae_council.gui.pages.issues import IssuesPage

        make: Callable[[], Any] = lambda: IssuesPage(ctx)  # noqa: E731
        page = make()
        page.resize(1200, 800)
        page.show()
        settle()

        def issue_service(q: str) -> None:
            flt = IssueFilter(district_id=ctx.district_id, query=q)
            if len(issues.list_issues(ctx.db, flt, limit=200)) >= 200:
                issues.count_issues(ctx.db, flt, at_most=COUNT_AT_MOST)

        fig = _search_figure(
            "issue search: keystroke → filtered table", page, ISSUE_QUERIES, runs, ctx, log, issue_service
        )
        figures.append(fig)
        page.close()
        figures.append(_issues_list_figure(ctx, make, runs, log))
    if db.path is not None:
        figures.append(_fresh_figure("roster", db.path, ROSTER_QUERIES, log))
        figures.append(_fresh_figure("issues", db.path, ISSUE_QUERIES, log))
    return figures


def _fresh_figure(kind: str, path: Path, queries: list[str], log: Callable[[str], None]) -> Figure:
    """The first keystroke of a fresh process for each query (one child process each): the worst of them."""
    from bench.search_first import first_keystrokes

    found = first_keystrokes(path, kind, queries)
    worst = max(found.values(), key=lambda d: d["ms"])
    label = "roster" if kind == "roster" else "issue"
    log(
        f"  {label} search, first keystroke of a fresh process (ms, CPU ms, statements): "
        + ", ".join(f"{q} {d['ms']:.0f} ({d['cpu_ms']:.0f}, {d['statements']})" for q, d in found.items())
    )
    baseline = [d["baseline_ms"] for d in found.values()]
    return Figure(
        f"{label} search: first keystroke of a fresh process",
        Target(50, "ms"),
        median=worst["ms"],
        baseline=median(baseline),
        baseline_name="same process, page reloaded without a query",
        runs=[d["ms"] for d in found.values()],
        baseline_runs=baseline,
        details={"queries": found, "most_statements": max(d["statements"] for d in found.values())},
        note=f"the worst over {len(queries)} queries, each typed first on the 全学区 page just opened in its own "
        "process (bench/search_first.py), from the key event to the table painted as in the row above: not a "
        "median — each is one first run",
    )


def _issues_list_figure(ctx: Any, make: Callable[[], Any], runs: int, log: Callable[[str], None]) -> Figure:
    """Opening the issues list on 200,000 rows: construct the page, load on the worker, paint the first
    rows once they have reached the table."""
    from sakae_council.gui.models.issue_list import IssuesModel
    from sakae_council.services import issues

    pages: list[Any] = []

    def open_page() -> None:
        from PySide6.QtCore import QEventLoop

        page = make()
        arrived = QEventLoop()
        page.model.modelReset.connect(arrived.quit)  # the first rows reach the table (from the worker)
        page.resize(1200, 800)
        page.show()
        if page.loading:
            arrived.exec()
        paint(page)
        pages.append(page)

    def close_pages() -> None:
        while pages:
            pages.pop().deleteLater()
        wait_for_worker()  # what the page asked for after its rows (not timed) is over before the next
        settle()

    times: list[float] = []
    for _ in range(runs):
        times += time_runs(open_page, 1, warmup=0)
        close_pages()
    asked = IssuesModel.FIRST_BATCH or IssuesModel.BATCH  # as many rows as the page's first query
    first = issues.list_issues(ctx.db, limit=asked)
    total = issues.count_issues(ctx.db)

    def open_static() -> None:
        from sakae_council.gui.widgets.data_table import DataTable

        table = DataTable()
        model = IssuesModel(table)
        table.setModel(model)
        model.set_rows(first)
        table.resize(1200, 800)
        table.show()
        paint(table)
        pages.append(table)

    baseline: list[float] = []
    for _ in range(runs):
        baseline += time_runs(open_static, 1, warmup=0)
        close_pages()
    log(f"  issues list ({total} rows): first rows painted {median(times):.0f} ms")
    note = (
        f"{total:,} issues; the real 地域課題 page (gui/pages/issues.py): it fetches its first "
        f"{asked} rows, more as it scrolls, and counts the rest in SQL"
    )
    return Figure(
        "issues list (200,000 rows): first rows painted",
        Target(100, "ms"),
        median=median(times),
        baseline=median(baseline),
        baseline_name=f"the same table model with {asked} rows in memory",
        runs=times,
        baseline_runs=baseline,
        details={"rows": total},
        note=note,
    )
