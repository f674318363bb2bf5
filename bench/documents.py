"""PDFs (議事録 of a 10-page meeting, 連絡会まとめ at stress size) and the 10,000-row CP932 member import.

Each is measured only when its module is in the tree; otherwise the figure says it is not measurable yet.
The PDF baseline is a one-page 議事録 of the same meeting, built in the same run (fonts already loaded:
the first PDF of a session also pays for registering the fonts, reported separately as ``cold_ms``).
"""

from __future__ import annotations

import csv
import importlib.util
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from bench.harness import Figure, Target, median, not_measurable, time_runs

TODAY = date(2026, 11, 28)
DISCUSSION = (
    "事務局から資料に基づき説明があった。委員から、通学路の見守りの担い手が高齢化しており、"
    "若い世代や事業者の協力が欠かせないとの意見があった。これに対し事務局から、"
    "町内の事業所への呼びかけと、回覧板での募集を来月から始める旨の回答があった。"
)


def _present(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def long_meeting(db: Any, pages: int, out_dir: Path) -> tuple[Any, Any]:
    """A meeting of the generated data with as many agenda items as fill ``pages`` pages of minutes,
    and the same meeting with one short item (the baseline)."""
    from sakae_council.reports.meeting_docs import build_minutes
    from sakae_council.services import meetings
    from sakae_council.services.meetings import AgendaItemDTO

    base = meetings.get_meeting(db, 1)
    template = base.agenda_items[0] if base.agenda_items else None

    def with_items(n: int) -> Any:
        items = tuple(
            AgendaItemDTO(
                id=k + 1,
                position=k,
                kind=template.kind if template else base.agenda_items[0].kind,
                title=f"議題{k + 1}　地域の見守り活動について",
                presenter="事務局",
                discussion=(DISCUSSION * 3 + "\n") * 2,
                result=template.result if template else base.agenda_items[0].result,
                votes_for=None,
                votes_against=None,
                votes_abstain=None,
            )
            for k in range(n)
        )
        return replace(base, agenda_items=items)

    low, high = 1, 64
    while low < high:  # the fewest items that make ``pages`` pages
        mid = (low + high) // 2
        if _pages(build_minutes(with_items(mid), out_dir / "probe.pdf")) >= pages:
            high = mid
        else:
            low = mid + 1
    return with_items(low), with_items(1)


def minutes_pdf(db: Any, runs: int, log: Callable[[str], None] = print) -> Figure:
    name = "PDF: 議事録 of a 10-page meeting"
    target = Target(300, "ms")
    if not _present("sakae_council.reports.meeting_docs"):
        return not_measurable(name, target, "reports/meeting_docs.py is not in the tree yet")
    from sakae_council.reports.meeting_docs import build_minutes
    from sakae_council.services import meetings

    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        out = Path(tmp)
        start = time.perf_counter()
        build_minutes(meetings.get_meeting(db, 1), out / "cold.pdf")
        cold = (time.perf_counter() - start) * 1000
        big, small = long_meeting(db, 10, out)
        times = time_runs(lambda: build_minutes(big, out / "m.pdf"), runs)
        pages = _pages(out / "m.pdf")
        baseline = time_runs(lambda: build_minutes(small, out / "b.pdf"), runs)
    log(f"  minutes: {pages} pages in {median(times):.0f} ms")
    return Figure(
        name,
        target,
        median=median(times),
        baseline=median(baseline),
        baseline_name="1-page 議事録, same run",
        runs=times,
        baseline_runs=baseline,
        details={"pages": pages, "agenda_items": len(big.agenda_items), "cold_ms": cold},
        note=f"{pages} pages, {len(big.agenda_items)} agenda items; the first PDF of a session adds font loading ({cold:.0f} ms in this run)",
    )


FIRST_PDF_CHILD = """
import sys, time, json
from pathlib import Path
from sakae_council.db.engine import open_database
from sakae_council.services import meetings
db = open_database(sys.argv[1], user="bench")
meeting = meetings.get_meeting(db, 1)
start = time.perf_counter()
from sakae_council.reports.meeting_docs import build_minutes
build_minutes(meeting, Path(sys.argv[2]))
ms = (time.perf_counter() - start) * 1000
start = time.perf_counter()
build_minutes(meeting, Path(sys.argv[2]))  # the baseline: the same paper again, everything loaded
warm = (time.perf_counter() - start) * 1000
db.close()
print(json.dumps({"ms": ms, "warm_ms": warm}))
"""


def first_pdf(town_db: Path, runs: int, log: Callable[[str], None] = print) -> Figure:
    """The first 議事録 of a fresh process: ReportLab imported, the fonts found and registered, the PDF
    written — what the first print of a session costs (the data already read, as the print window has it)."""
    import json
    import os
    import subprocess
    import sys

    name = "PDF: first 議事録 of a fresh process (import, fonts, build)"
    target = Target(300, "ms")
    if not _present("sakae_council.reports.meeting_docs"):
        return not_measurable(name, target, "reports/meeting_docs.py is not in the tree yet")
    times: list[float] = []
    warm: list[float] = []
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        cache = str(Path(tmp) / "cache")  # a font cache of this run's own
        env = dict(os.environ, XDG_CACHE_HOME=cache, SAKAE_CACHE_DIR=cache)
        for i in range(runs):
            done = subprocess.run(
                [sys.executable, "-c", FIRST_PDF_CHILD, str(town_db), str(Path(tmp) / f"m{i}.pdf")],
                capture_output=True,
                text=True,
                timeout=300,
                env=env,
                cwd=Path(__file__).resolve().parent.parent,
            )
            if done.returncode != 0:
                raise RuntimeError(f"first PDF child failed: {done.stderr[-2000:]}")
            result = json.loads(done.stdout.strip().splitlines()[-1])
            times.append(result["ms"])
            warm.append(result["warm_ms"])
    log(
        f"  first 議事録 of a fresh process: {median(times):.0f} ms (first {times[0]:.0f} ms, with the font cache cold)"
    )
    return Figure(
        name,
        target,
        median=median(times),
        runs=times,
        baseline=median(warm),
        baseline_name="the same 議事録 again in that process (everything loaded)",
        baseline_runs=warm,
        details={"first_with_cold_font_cache_ms": times[0]},
        note=f"run 1 also built the parsed-font cache ({times[0]:.0f} ms)"
        + ("; the median is with it in place" if len(times) > 1 else "; one run only: no warm figure"),
    )


def cli_print(town_db: Path, runs: int, log: Callable[[str], None] = print) -> Figure:
    """``sakae-council --db FILE print minutes 1 -o x.pdf`` end to end (spawn to exit), against ``python -c
    pass`` in the same run, interleaved; the program's own font cache of this run (built by a first,
    unmeasured run)."""
    import os
    import subprocess
    import sys
    import time

    name = "CLI: print minutes 1 -o x.pdf, end to end"
    target = Target(600, "ms")
    if not _present("sakae_council.reports.meeting_docs"):
        return not_measurable(name, target, "reports/meeting_docs.py is not in the tree yet")
    root = Path(__file__).resolve().parent.parent
    times: list[float] = []
    bare: list[float] = []
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        cache = str(Path(tmp) / "cache")
        env = dict(
            os.environ, XDG_CACHE_HOME=cache, SAKAE_CACHE_DIR=cache, XDG_STATE_HOME=str(Path(tmp) / "state")
        )
        env.pop("SAKAE_COUNCIL_DB", None)

        def timed(argv: list[str]) -> float:
            start = time.monotonic()
            done = subprocess.run(argv, capture_output=True, text=True, timeout=300, env=env, cwd=root)
            if done.returncode != 0:
                raise RuntimeError(f"{argv[1:4]} failed: {done.stderr[-2000:]}")
            return (time.monotonic() - start) * 1000

        program = [sys.executable, "-m", "sakae_council", "--db", str(town_db), "print", "minutes", "1", "-o"]
        first = timed([*program, str(Path(tmp) / "first.pdf")])
        for i in range(runs):
            bare.append(timed([sys.executable, "-c", "pass"]))
            times.append(timed([*program, str(Path(tmp) / f"m{i}.pdf")]))
    log(
        f"  CLI print minutes: {median(times):.0f} ms (python -c pass {median(bare):.0f} ms; first run {first:.0f} ms)"
    )
    return Figure(
        name,
        target,
        median=median(times),
        runs=times,
        baseline=median(bare),
        baseline_name="python -c pass",
        baseline_runs=bare,
        details={"first_run_with_cold_font_cache_ms": first},
        note=f"the first run (font cache cold, not in the median) took {first:.0f} ms",
    )


def liaison_pdf(db: Any, runs: int, log: Callable[[str], None] = print) -> Figure:
    name = "PDF: 連絡会まとめ at stress size"
    target = Target(2000, "ms")
    if not _present("sakae_council.reports.liaison_summary"):
        return not_measurable(name, target, "reports/liaison_summary.py is not in the tree yet")
    from sakae_council.reports.liaison_summary import collect_summary, render_summary
    from sakae_council.reports.meeting_docs import build_minutes
    from sakae_council.services import meetings
    from sakae_council.services.liaison import Period

    period = Period.for_fiscal_year(2026)
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        out = Path(tmp)
        collected: list[float] = []

        def build() -> None:
            start = time.perf_counter()
            summary = collect_summary(db, period, TODAY)
            collected.append((time.perf_counter() - start) * 1000)
            render_summary(summary, out / "s.pdf")

        first = time_runs(build, 1, warmup=0)
        slow = first[0] > 5 * target.limit
        # Far over the target, one run says all there is to say (and five would take minutes).
        times = first if slow else time_runs(build, runs, warmup=0)
        pages = _pages(out / "s.pdf")
        one = meetings.get_meeting(db, 1)
        baseline = time_runs(lambda: build_minutes(one, out / "b.pdf"), runs)
    log(
        f"  liaison summary: {pages} pages in {median(times):.0f} ms (queries {median(collected[-len(times) :]):.0f} ms)"
    )
    return Figure(
        name,
        target,
        median=median(times),
        baseline=median(baseline),
        baseline_name="1-page 議事録, same run",
        runs=times,
        baseline_runs=baseline,
        details={"pages": pages, "collect_ms": collected[-len(times) :]},
        note=f"{pages} pages for 令和8年度; collecting the figures takes {median(collected[-len(times) :]):.0f} ms of it"
        + ("; one run only: more than 5× over the target" if slow else ""),
    )


# --- import -------------------------------------------------------------------------------------

HEADER = ["氏名", "フリガナ", "郵便番号", "住所", "電話", "役割", "役職", "任期開始", "任期終了", "備考"]


def write_roster_csv(path: Path, rows: int, *, seed: int = 10) -> Path:
    """A CP932 roster as another office would send it: a title line, then a header, then ``rows`` people."""
    from bench.generate import GIVEN, SURNAMES

    rng = random.Random(seed)
    cp932_surnames = [s for s in SURNAMES if _cp932(s[0])]  # 𠮷 and 﨑 are not in CP932
    with path.open("w", encoding="cp932", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["令和8年度 推進員名簿（取り込み用）"])
        w.writerow(HEADER)
        for i in range(rows):
            sn, gn = rng.choice(cp932_surnames), rng.choice(GIVEN)
            w.writerow(
                [
                    f"{sn[0]}　{gn[0]}{i}",
                    f"{sn[1]}　{gn[1]}",
                    "２７０－１５１６",
                    f"印旛郡栄町安食{i % 3000 + 1}番地",
                    f"0476-95-{i % 10000:04d}",
                    "ふれあい推進員",
                    "委員",
                    "令和7年4月1日",
                    "令和9年3月31日",
                    "取り込み試験" if i % 10 == 0 else "",
                ]
            )
    return path


def _cp932(text: str) -> bool:
    try:
        text.encode("cp932")
    except UnicodeEncodeError:
        return False
    return True


def csv_import(town_db: Path, runs: int, log: Callable[[str], None] = print, *, rows: int = 10_000) -> Figure:
    name = f"import: {rows:,}-row CP932 CSV"
    target = Target(3000, "ms")
    if not _present("sakae_council.services.importing"):
        return not_measurable(name, target, "services/importing.py is not in the tree yet")
    from bench.data import scratch_copy
    from sakae_council.db.engine import open_database
    from sakae_council.services import districts
    from sakae_council.services.importing import import_members
    from sakae_council.services.table_reading import read_table

    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        folder = Path(tmp)
        source = write_roster_csv(folder / "roster.csv", rows)
        times: list[float] = []
        imported = 0
        slow = False
        for i in range(runs + 1):
            target_db = scratch_copy(town_db, folder / f"import{i}.db")
            db = open_database(target_db, user="bench", backup_dir=folder / f"backups{i}")
            try:
                district = districts.list_districts(db)[0].name
                start = time.perf_counter()
                report = import_members(db, source, district=district)
                elapsed = (time.perf_counter() - start) * 1000
                imported = report.imported
                if not report.committed or imported != rows:
                    raise RuntimeError(
                        f"the import did not take every row: {report.notes} {report.rejected[:3]}"
                    )
            finally:
                db.close()
            target_db.unlink()
            if i or elapsed > 5 * target.limit:  # the first run warms up — unless it is already far over
                times.append(elapsed)
            if elapsed > 5 * target.limit:
                slow = True
                break
        baseline = time_runs(lambda: read_table(source), runs)
    log(f"  import: {imported} rows in {median(times):.0f} ms")
    return Figure(
        name,
        target,
        median=median(times),
        baseline=median(baseline),
        baseline_name="reading and decoding the same file",
        runs=times,
        baseline_runs=baseline,
        details={"rows_imported": imported},
        note="into a copy of the town-size file, including the importer's check of every row (what a dry run reports) and its backup before writing"
        + (
            "; stopped after one run: more than 5× over the target, so repeating it would say nothing new"
            if slow
            else ""
        ),
    )
