"""The benchmark harness runs end to end on the tiny size, so that it cannot rot. No timing is asserted:
the figures only have to exist, be positive, and be written where the README and the JSON say."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from bench import harness
from bench.__main__ import BENCHMARKS, main

EXPECTED = {
    "start-up: main window painted",
    "start-up: dashboard showing data",
    "roster search: keystroke → filtered table",
    "issue search: keystroke → filtered table",
    "roster search: first keystroke of a fresh process",
    "issue search: first keystroke of a fresh process",
    "issues list (200,000 rows): first rows painted",
    "PDF: 議事録 of a 10-page meeting",
    "PDF: 連絡会まとめ at stress size",
    "import: 200-row CP932 CSV",
    "memory: tiny DB open, every page visited, each paper printed once (OS peak)",
    "FTS5 trigram (not used): 3-character MATCH",
    "start-up: window painted, first run of a fresh process",
    "start-up: dashboard showing data, first run of a fresh process",
    "PDF: first 議事録 of a fresh process (import, fonts, build)",
    "start-up: file fully open, dashboard with data",
    "CLI: print minutes 1 -o x.pdf, end to end",
    "会計: 出納帳 of a 5,000-entry year (every line, running balances)",
    "会計: 収支決算書 figures of a 5,000-entry year",
}


@pytest.mark.slow
def test_every_benchmark_runs_on_the_tiny_size(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "results.json"
    code = main(
        [
            "--size",
            "tiny",
            "--runs",
            "1",
            "--output",
            str(out),
            "--data-dir",
            str(tmp_path / "data"),
            "--readme",
            "no",
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["size"] == "tiny"
    figures = {f["name"]: f for f in data["figures"]}
    assert set(figures) == EXPECTED
    for f in figures.values():
        if not f["measurable"]:
            assert f["note"], f"{f['name']} says neither a figure nor why not"
            continue
        assert f["median"] > 0 and not math.isnan(f["median"]), f["name"]
        assert f["baseline"] > 0, f["name"]
        assert f["runs"] and f["baseline_runs"], f["name"]
        if f["target"] is None:  # a measurement that explains a design, with no target of its own
            assert f["met"] is None
            continue
        assert f["target"]["unit"] in ("ms", "MB", "x")
        assert f["met"] in (True, False)
    roster = figures["roster search: keystroke → filtered table"]["details"]
    queries = roster["queries"]
    assert "田中 (全学区)" in queries and "田中 (学区 2)" in queries  # tiny has 3 districts: the middle one
    assert 0 < roster["most_statements"] <= 5  # statements per keystroke, counted (issue 20)
    fts5 = figures["FTS5 trigram (not used): 3-character MATCH"]["details"]["found"]
    assert fts5["田"]["fts5_match"] == 0 < fts5["田"]["like"]  # what the design works around
    assert fts5["さとう"]["fts5_match"] == fts5["さとう"]["like"] > 0
    printed = capsys.readouterr().out
    assert "benchmark" in printed and "roster search" in printed and str(out) in printed


def test_unknown_benchmark_is_refused(tmp_path: Path) -> None:
    assert main(["--size", "tiny", "--only", "startup,nonsense", "--output", str(tmp_path / "r.json")]) == 2
    assert not (tmp_path / "r.json").exists()
    assert "startup" in BENCHMARKS


def test_readme_block_is_replaced_between_its_markers_only(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        "# title\n\nbefore\n\n<!-- bench:start -->\nold figures\n<!-- bench:end -->\n\nafter\n",
        encoding="utf-8",
    )
    figure = harness.Figure(
        "roster search", harness.Target(50, "ms"), median=12.5, baseline=10.0, baseline_name="x"
    )
    missing = harness.not_measurable("PDF", harness.Target(300, "ms"), "not in the tree yet")
    assert harness.update_readme([figure, missing], readme, size="stress", when="2026-11-28")
    text = readme.read_text(encoding="utf-8")
    assert text.startswith("# title\n\nbefore\n\n<!-- bench:start -->")
    assert text.endswith("<!-- bench:end -->\n\nafter\n")
    assert "old figures" not in text
    assert "| roster search | 12.5 ms | 10.0 ms (x) | 1.25× | ≤ 50 ms | yes |" in text  # then the load column
    assert "not yet measurable" in text and "not in the tree yet" in text
    assert not harness.update_readme([figure, missing], readme, size="stress", when="2026-11-28")  # unchanged


def test_merge_keeps_what_was_not_measured_again() -> None:
    old = [harness.Figure("a", None, median=1.0), harness.Figure("b", None, median=2.0)]
    new = [harness.Figure("b", None, median=3.0), harness.Figure("c", None, median=4.0)]
    assert [(f.name, f.median) for f in harness.merge(old, new)] == [("a", 1.0), ("b", 3.0), ("c", 4.0)]


def test_results_file_reads_back_into_the_same_table(tmp_path: Path) -> None:
    figures = [
        harness.Figure(
            "start-up",
            harness.Target(1.5, "x"),
            median=300.0,
            baseline=150.0,
            runs=[300.0],
            baseline_runs=[150.0],
        ),
        harness.not_measurable("import", harness.Target(3000, "ms"), "not in the tree yet"),
    ]
    path = harness.write_json(figures, tmp_path / "r.json", size="tiny", runs=1, seconds=1.0)
    again, data = harness.load_json(path)
    assert harness.format_table(again) == harness.format_table(figures)
    assert data["size"] == "tiny" and again[0].met is False and again[1].met is None
