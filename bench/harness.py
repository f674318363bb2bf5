"""The benchmark harness: timing, figures with their baselines and targets, the JSON file, the table.

Every figure is the median of several runs of the thing measured, beside a baseline measured in the
same run (these machines are shared and noisy: the ratio travels better than the milliseconds). A
target is either an absolute limit (``ms`` / ``MB``) or a limit on the ratio to the baseline (``x``).
A benchmark whose code under test does not exist yet is recorded as *not measurable* with the reason.
"""

from __future__ import annotations

import gc
import json
import platform
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
RESULTS_DIR = BENCH_DIR / "results"
README = BENCH_DIR.parent / "README.md"
README_START = "<!-- bench:start -->"
README_END = "<!-- bench:end -->"


@dataclass(frozen=True)
class Target:
    """``value`` ≤ limit, where value is the median (unit ms or MB) or the ratio to the baseline (x)."""

    limit: float
    unit: str  # "ms", "MB" or "x"

    def text(self) -> str:
        return f"≤ {self.limit:g}{'×' if self.unit == 'x' else ' ' + self.unit}"


@dataclass
class Figure:
    """One line of the table."""

    name: str
    target: Target | None
    unit: str = "ms"
    median: float | None = None
    baseline: float | None = None
    baseline_name: str = ""
    runs: list[float] = field(default_factory=list)
    baseline_runs: list[float] = field(default_factory=list)
    #: Sub-measurements (per query, per page ...) kept in the JSON.
    details: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    measurable: bool = True
    #: When it was measured, and how busy the machine was then (1-minute load average).
    measured_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    load: float | None = field(default_factory=lambda: _load())

    @property
    def ratio(self) -> float | None:
        if self.median is None or not self.baseline:
            return None
        return self.median / self.baseline

    @property
    def met(self) -> bool | None:
        if not self.measurable or self.target is None or self.median is None:
            return None
        value = self.ratio if self.target.unit == "x" else self.median
        return value is not None and value <= self.target.limit

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["target"] = (
            None if self.target is None else {"limit": self.target.limit, "unit": self.target.unit}
        )
        data["ratio"] = self.ratio
        data["met"] = self.met
        return data


def _load() -> float | None:
    import os

    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


def merge(previous: list[Figure], current: list[Figure]) -> list[Figure]:
    """``current`` replaces the figures of the same name in ``previous``; the rest stay, in order."""
    fresh = {f.name: f for f in current}
    out = [fresh.pop(f.name, f) for f in previous]
    return out + list(fresh.values())


def not_measurable(name: str, target: Target | None, reason: str, unit: str = "ms") -> Figure:
    """A figure for code that is not there yet."""
    return Figure(name, target, unit=unit, note=reason, measurable=False)


def time_runs(fn: Callable[[], Any], runs: int, *, warmup: int = 1) -> list[float]:
    """Wall-clock milliseconds of ``runs`` calls of ``fn`` after ``warmup`` untimed ones (GC off while timing)."""
    for _ in range(warmup):
        fn()
    out: list[float] = []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            fn()
            out.append((time.perf_counter() - start) * 1000)
        finally:
            gc.enable()
    return out


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


# --- reporting ----------------------------------------------------------------------------------


def _num(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "MB":
        return f"{value:.0f} MB"
    if value >= 1000:
        return f"{value / 1000:.2f} s"
    return f"{value:.1f} ms"


def rows(figures: list[Figure]) -> list[list[str]]:
    """The table as text cells: benchmark, median, baseline, ratio, target, met."""
    out = []
    for f in figures:
        load = f"{f.load:.1f}" if f.load is not None else "—"
        if not f.measurable:
            out.append(
                [f.name, "—", "—", "—", f.target.text() if f.target else "", "not yet measurable", load]
            )
            continue
        met = f.met
        out.append(
            [
                f.name,
                _num(f.median, f.unit),
                _num(f.baseline, f.unit) + (f" ({f.baseline_name})" if f.baseline_name else ""),
                f"{f.ratio:.2f}×" if f.ratio is not None else "—",
                f.target.text() if f.target else "",
                "yes" if met else ("NO" if met is False else "—"),
                load,
            ]
        )
    return out


#: ``load`` is the machine's 1-minute load average when the figure was taken (2 CPUs: above 2, others
#: were using the machine too, and every millisecond figure is inflated accordingly; the ratios much less).
HEADER = ["benchmark", "median", "baseline (same run)", "ratio", "target", "met", "load"]


def format_table(figures: list[Figure]) -> str:
    """A plain-text table for the terminal."""
    table = [HEADER, *rows(figures)]
    widths = [max(_width(r[i]) for r in table) for i in range(len(HEADER))]
    lines = []
    for n, r in enumerate(table):
        lines.append("  ".join(_pad(c, widths[i]) for i, c in enumerate(r)))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    notes = [f"  * {f.name}: {f.note}" for f in figures if f.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def _width(text: str) -> int:
    # East Asian wide characters take two cells in a terminal.
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))


def markdown_table(figures: list[Figure]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows(figures)]
    notes = [f"- **{f.name}**: {f.note}" for f in figures if f.note]
    return "\n".join(lines + ([""] + notes if notes else []))


def machine() -> dict[str, Any]:
    import os
    import sqlite3

    return {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "sqlite": sqlite3.sqlite_version,
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def write_json(figures: list[Figure], path: Path, *, size: str, runs: int, seconds: float) -> Path:
    """The results file: when, where, the size, and every figure with its runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {
        "generated_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "size": size,
        "runs": runs,
        "seconds": round(seconds, 1),
        "machine": machine(),
        "figures": [f.as_json() for f in figures],
    }
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def load_json(path: Path) -> tuple[list[Figure], dict[str, Any]]:
    """Figures (and the rest of the file) back from a results file written by write_json."""
    data = json.loads(path.read_text(encoding="utf-8"))
    figures = []
    for f in data["figures"]:
        target = Target(**f["target"]) if f["target"] else None
        fields = {k: v for k, v in f.items() if k not in ("target", "ratio", "met")}
        fields.setdefault("measured_at", "")  # files from before these were recorded: unknown, not now
        fields.setdefault("load", None)
        figures.append(Figure(target=target, **fields))
    return figures, data


def update_readme(
    figures: list[Figure], readme: Path, *, size: str, when: str, extra: str = "", runs: int = 5
) -> bool:
    """Replace the block between the bench markers in README.md (append it if the markers are missing)."""
    text = readme.read_text(encoding="utf-8")
    block = "\n".join(
        [
            README_START,
            f"## 性能測定 / Benchmarks ({size}, {when})",
            "",
            "`python -m bench --size stress` (or `python -m sakae_council bench` from the source folder) on this "
            f"machine: medians of {runs} runs (memory at stress: at most 3; a benchmark more than 5× over its "
            "target: 1), each beside a baseline measured in the same run. Search, lists, the summary and memory use "
            "the stress data (100,000 people, 200,000 issues); start-up is measured on the town's size and on the "
            "stress file; the minutes, the CLI print and the import use the town's size. Every query, phase and "
            "page is in `bench/results/latest.json`. `load` is the machine's 1-minute load average when the "
            "figure was taken: this machine has 2 CPUs and is shared, so above 2 the milliseconds are inflated "
            "(the ratios much less). `--only … --merge` re-measures some benchmarks and keeps the others.",
            "",
            markdown_table(figures),
            *([extra] if extra else []),
            README_END,
        ]
    )
    if README_START in text and README_END in text:
        head, rest = text.split(README_START, 1)
        _, tail = rest.split(README_END, 1)
        new = head + block + tail
    else:
        new = text.rstrip("\n") + "\n\n" + block + "\n"
    if new != text:
        readme.write_text(new, encoding="utf-8")
        return True
    return False
