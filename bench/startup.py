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


def startup(database: Path, runs: int, log=print) -> list[Figure]:  # type: ignore[no-untyped-def]
    """Main window painted and dashboard showing data, each against the bare window, interleaved.

    The program's own modules are compiled first, as an installed copy (pip or the PyInstaller bundle)
    has them: the children only read the bytecode (PYTHONDONTWRITEBYTECODE stays set for them)."""
    compileall.compile_dir(ROOT / "sakae_council", quiet=1)
    child("bare", database)  # warm the file cache for Python, Qt and the fonts alike
    child("window", database)
    bare: list[float] = []
    window: list[float] = []
    dashboard: list[float] = []
    timeouts = 0
    for i in range(runs):
        bare.append(child("bare", database)["ms"])
        window.append(child("window", database)["ms"])
        d = child("dashboard", database)
        timeouts += bool(d.get("timeout"))
        dashboard.append(d["ms"])
        log(f"  start-up run {i + 1}/{runs}: bare {bare[-1]:.0f} ms, window {window[-1]:.0f} ms, dashboard {dashboard[-1]:.0f} ms")
    base = median(bare)
    figures = [
        Figure(
            "start-up: main window painted",
            Target(1.5, "x"),
            median=median(window),
            baseline=base,
            baseline_name="bare QMainWindow",
            runs=window,
            baseline_runs=bare,
        ),
        Figure(
            "start-up: dashboard showing data",
            Target(4.0, "x"),
            median=median(dashboard),
            baseline=base,
            baseline_name="bare QMainWindow",
            runs=dashboard,
            baseline_runs=bare,
            note="gave up waiting for the cards (2 min) in some runs" if timeouts else "",
        ),
    ]
    return figures


def memory(database: Path, runs: int, log=print) -> Figure:  # type: ignore[no-untyped-def]
    """Resident memory after visiting every page of the program on ``database``."""
    bare: list[float] = []
    full: list[float] = []
    peaks: list[float] = []
    per_page: dict[str, float] = {}
    for i in range(runs):
        bare.append(child("memory-bare", database)["rss_mb"])
        data = child("memory", database, timeout=900)
        full.append(data["rss_mb"])
        peaks.append(data.get("hwm_mb", 0.0))
        per_page = data.get("per_page", {})
        log(f"  memory run {i + 1}/{runs}: bare {bare[-1]:.0f} MB, every page {full[-1]:.0f} MB (peak {peaks[-1]:.0f} MB)")
    return Figure(
        "memory: stress DB open, every page visited",
        Target(300, "MB"),
        unit="MB",
        median=median(full),
        baseline=median(bare),
        baseline_name="bare QMainWindow",
        runs=full,
        baseline_runs=bare,
        details={"peak_rss_mb": peaks, "rss_mb_after_each_page": per_page},
    )


def phases(database: Path, runs: int = 3) -> dict[str, float]:
    """Median time (ms since the child started) at which each step of the start-up path is done."""
    samples = [child("phases", database) for _ in range(runs)]
    keys = [k for k in samples[0] if k not in ("painted", "ms")]
    return {k: round(median([s[k] for s in samples]), 1) for k in keys}
