"""Start-up and memory: the real program in fresh processes, against a bare PySide6 window in the same run."""

from __future__ import annotations

import compileall
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.harness import Figure, Target, median

ROOT = Path(__file__).resolve().parent.parent


def child(mode: str, database: Path, *, timeout: float = 300) -> dict[str, Any]:
    """Run bench.gui_child once; returns its JSON with ``ms`` = spawn → reported moment."""
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as home:
        env = dict(os.environ)
        env.update(
            QT_QPA_PLATFORM=env.get("SAKAE_BENCH_QPA", "offscreen"),
            XDG_CONFIG_HOME=str(Path(home) / "config"),
            XDG_STATE_HOME=str(Path(home) / "state"),
            XDG_CACHE_HOME=str(Path(home) / "cache"),
            PYTHONDONTWRITEBYTECODE="1",
        )
        env.pop("SAKAE_COUNCIL_DB", None)
        start = time.monotonic()
        proc = subprocess.run(
            [sys.executable, "-m", "bench.gui_child", mode, str(database)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    lines = [line for line in proc.stdout.splitlines() if line.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"gui_child {mode} failed ({proc.returncode}): {proc.stderr[-2000:]}")
    data: dict[str, Any] = json.loads(lines[-1])
    if "painted" in data:
        data["ms"] = (data["painted"] - start) * 1000
    return data


def startup(
    database: Path, runs: int, log=print, *, label: str = "", data_limit_ms: float | None = None
) -> list[Figure]:  # type: ignore[no-untyped-def]
    """Main window painted and dashboard showing data through ``cli.main`` (the real path), each against
    the bare window, interleaved; the first run of each (a fresh process before any warming run) apart.

    ``label`` names the file in the rows (" (stress file)"); ``data_limit_ms``: an absolute target for the
    data instead of the ratio (the stress file's 1.5 s). The program's own modules are compiled first, as
    an installed copy (pip or the PyInstaller bundle) has them: the children only read the bytecode
    (PYTHONDONTWRITEBYTECODE stays set for them)."""
    compileall.compile_dir(ROOT / "sakae_council", quiet=1)
    # Unmeasured: the file as a user's is after their last session — its start-up backup taken and the
    # clean close noted beside it (a generated or just-upgraded file has neither, so its first start runs
    # the quick check and copies the whole file, which no later start does).
    child("settle", database, timeout=900)
    first_bare = child("bare", database)["ms"]
    first_window = child("window", database)["ms"]
    first_dashboard = child("dashboard", database)["ms"]
    log(
        f"  start-up first runs{label}: bare {first_bare:.0f} ms, window {first_window:.0f} ms, dashboard {first_dashboard:.0f} ms"
    )
    bare: list[float] = []
    window: list[float] = []
    dashboard: list[float] = []
    timeouts = 0
    ready: list[float] = []
    for i in range(runs):
        bare.append(child("bare", database)["ms"])
        window.append(child("window", database)["ms"])
        d = child("dashboard", database)
        timeouts += bool(d.get("timeout"))
        dashboard.append(d["ms"])
        ready.append(child("ready", database)["ms"])
        log(
            f"  start-up run {i + 1}/{runs}{label}: bare {bare[-1]:.0f} ms, window {window[-1]:.0f} ms, "
            f"dashboard {dashboard[-1]:.0f} ms, ready {ready[-1]:.0f} ms"
        )
    base = median(bare)
    data_target = Target(data_limit_ms, "ms") if data_limit_ms else Target(4.0, "x")
    common = {"baseline": base, "baseline_name": "bare QMainWindow", "baseline_runs": bare}
    return [
        Figure(
            f"start-up: main window painted{label}",
            Target(1.5, "x"),
            median=median(window),
            runs=window,
            **common,
        ),
        Figure(
            f"start-up: dashboard showing data{label}",
            data_target,
            median=median(dashboard),
            runs=dashboard,
            note="the first figures (plain sqlite3, before SQLAlchemy) on a file closed cleanly"
            + ("; gave up waiting for the cards (2 min) in some runs" if timeouts else ""),
            **common,
        ),
        Figure(
            f"start-up: file fully open, dashboard with data{label}",
            None,
            median=median(ready),
            runs=ready,
            note="after the first figures: SQLAlchemy and the models imported in the background, then the full open "
            "(lock, schema, reference data); the dashboard's buttons work from here",
            **common,
        ),
        Figure(
            f"start-up: window painted, first run of a fresh process{label}",
            Target(1.5, "x"),
            median=first_window,
            runs=[first_window],
            note="the first program start of this benchmark (caches as the earlier steps left them); bare: the first bare start",
            baseline=first_bare,
            baseline_name="bare QMainWindow, first run",
            baseline_runs=[first_bare],
        ),
        Figure(
            f"start-up: dashboard showing data, first run of a fresh process{label}",
            data_target,
            median=first_dashboard,
            runs=[first_dashboard],
            baseline=first_bare,
            baseline_name="bare QMainWindow, first run",
            baseline_runs=[first_bare],
        ),
    ]


def memory(database: Path, runs: int, log=print, size: str = "stress") -> Figure:  # type: ignore[no-untyped-def]
    """The OS's peak resident set (VmHWM on Linux, see gui_child._peak_mb) of the program on ``database``
    after visiting every page and printing each paper once through its print window
    (``bench/memory_papers.py``); the details keep the resident set at the end, after each page, and per
    paper (in the order printed) its time, pages, resident set and the peak so far."""
    bare: list[float] = []
    peaks: list[float] = []
    at_end: list[float] = []
    after_pages: list[float] = []
    per_page: dict[str, float] = {}
    papers: dict[str, dict[str, float | str]] = {}
    for i in range(runs):
        bare.append(child("memory-bare", database)["peak_mb"])
        data = child("memory", database, timeout=3600)  # the 名簿 of every district at stress takes minutes
        peaks.append(data["peak_mb"])
        at_end.append(data.get("rss_mb", 0.0))
        after_pages.append(data.get("peak_mb_after_pages", 0.0))
        per_page = data.get("per_page", {})
        papers = data.get("papers", {})
        log(
            f"  memory run {i + 1}/{runs}: bare peak {bare[-1]:.0f} MB; every page visited: peak {after_pages[-1]:.0f} MB; "
            f"each paper printed: peak {peaks[-1]:.0f} MB (at the end {at_end[-1]:.0f} MB)"
        )
        for name, paper in papers.items():
            what = (
                paper.get("error")
                or f"{paper.get('pages', paper.get('rows', '?'))} p/rows, {paper.get('ms', 0):.0f} ms"
            )
            log(
                f"    {name}: {what}; peak so far {paper.get('hwm_mb', 0):.0f} MB, resident {paper.get('rss_mb', 0):.0f} MB"
            )
    printed = [n for n, p in papers.items() if "error" not in p]
    missing = [n for n, p in papers.items() if "error" in p]
    return Figure(
        f"memory: {size} DB open, every page visited, each paper printed once (OS peak)",
        Target(300, "MB"),
        unit="MB",
        median=median(peaks),
        baseline=median(bare),
        baseline_name="bare QMainWindow (peak)",
        runs=peaks,
        baseline_runs=bare,
        note=f"{len(printed)} papers through their print windows (preview shown, then closed)"
        + (f"; not printable with this file's data: {'、'.join(missing)}" if missing else ""),
        details={
            "rss_mb_at_end": at_end,
            "peak_mb_after_pages": after_pages,
            "rss_mb_after_each_page": per_page,
            "papers": papers,
        },
    )


def phases(database: Path, runs: int = 3) -> dict[str, float]:
    """Median time (ms since the child started) at which each step of the start-up path is done."""
    samples = [child("phases", database) for _ in range(runs)]
    keys = [k for k in samples[0] if k not in ("painted", "ms")]
    return {k: round(median([s[k] for s in samples]), 1) for k in keys}
