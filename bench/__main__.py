"""性能測定: run every benchmark, print the table, write bench/results/latest.json (and the README block).

    python -m bench [--size tiny|town|stress] [--runs N] [--only startup,search,pdf,import,memory,accounts]
    sakae-council bench ...            (the same, through the program's command line)

``--size stress`` (the default) measures search, lists, the liaison summary and memory on the stress
database and start-up, the minutes and the import on the town's real size; the generated files are cached
in bench/.data (SAKAE_BENCH_DATA) and made again only when the generator or the schema changes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime
from pathlib import Path

from bench import harness
from bench.harness import Figure

BENCHMARKS = ("startup", "search", "pdf", "import", "memory", "accounts")


def configure(parser: argparse.ArgumentParser) -> None:
    """Options of ``python -m bench`` and ``sakae-council bench``."""
    parser.add_argument(
        "--size",
        choices=["tiny", "town", "stress"],
        default="stress",
        help="データの規模（既定: stress = 町の約100倍）",
    )
    parser.add_argument("--runs", type=int, default=5, help="各測定の回数（中央値をとります。既定: 5）")
    parser.add_argument(
        "--only", default=",".join(BENCHMARKS), help=f"実行する測定（カンマ区切り: {','.join(BENCHMARKS)}）"
    )
    parser.add_argument(
        "--output",
        type=Path,
        default=harness.RESULTS_DIR / "latest.json",
        help="結果のJSONファイル（既定: bench/results/latest.json）",
    )
    parser.add_argument("--data-dir", type=Path, default=None, help="生成したデータファイルの置き場所")
    parser.add_argument(
        "--readme",
        choices=["auto", "yes", "no"],
        default="auto",
        help="README.md の測定結果欄を書き換えるか（auto: stress で全部測ったときだけ）",
    )
    parser.add_argument(
        "--merge",
        action="store_true",
        help="--output に前回の結果があれば、今回測らなかった項目はそれを残します",
    )
    parser.add_argument(
        "--report-only",
        action="store_true",
        help="測定せず、--output のJSONから表を表示します（--readme yes で README も更新）",
    )


def run(args: argparse.Namespace) -> int:
    """Run the chosen benchmarks; exit code 0 when they ran (a missed target is reported, not an error)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench import data

    if args.report_only:
        return _report_only(args)
    chosen = [b.strip() for b in args.only.split(",") if b.strip()]
    unknown = set(chosen) - set(BENCHMARKS)
    if unknown:
        print(f"unknown benchmark(s): {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    runs = max(1, args.runs)
    started = time.perf_counter()
    log = _log
    scale_size = args.size
    town_size = "town" if args.size == "stress" else args.size
    scale_db = data.database(scale_size, data_dir=args.data_dir, log=log)
    town_db = data.database(town_size, data_dir=args.data_dir, log=log)
    figures: list[Figure] = []

    if "startup" in chosen:
        from bench.startup import phases, startup

        log(f"start-up ({town_size} database, {runs} runs each) ...")
        town_figures = startup(town_db, runs, log=log)
        town_figures[0].details["phases_ms"] = phases(town_db)
        figures += town_figures
        if scale_db != town_db:
            log(f"start-up ({scale_size} database, {runs} runs each) ...")
            figures += startup(scale_db, runs, log=log, label=f" ({scale_size} file)", data_limit_ms=1500)
    if "search" in chosen:
        from bench.fts5 import fts5_check

        figures += _with_database(scale_db, lambda db: _search(db, runs) + [fts5_check(db, runs)])
    if "pdf" in chosen:
        from bench.documents import cli_print, first_pdf, liaison_pdf, minutes_pdf

        log("PDFs ...")
        figures.append(first_pdf(town_db, runs, log=log))
        figures.append(cli_print(town_db, runs, log=log))
        figures += _with_database(town_db, lambda db: [minutes_pdf(db, runs, log=log)])
        figures += _with_database(scale_db, lambda db: [liaison_pdf(db, runs, log=log)])
    if "import" in chosen:
        from bench.documents import csv_import

        log("import ...")
        figures.append(csv_import(town_db, runs, log=log, rows=200 if args.size == "tiny" else 10_000))
    if "accounts" in chosen:
        from bench.accounts import cash_book

        figures += cash_book(runs, log=log, entries=500 if args.size == "tiny" else 5000)
    if "memory" in chosen:
        from bench.startup import memory

        log(f"memory ({scale_size} database, every page, each paper) ...")
        figures.append(
            memory(
                scale_db,
                runs if runs < 5 else 3 if scale_size == "stress" else runs,
                log=log,
                size=scale_size,
            )
        )

    seconds = time.perf_counter() - started
    merged = False
    if args.merge and args.output.exists():
        previous, _ = harness.load_json(args.output)
        figures = harness.merge(previous, figures)
        merged = True
    from bench.accounts import OWN_DATA

    for f in figures:
        if scale_size != "stress" and not (
            f.name in OWN_DATA and scale_size != "tiny"
        ):  # 会計 makes its own year
            f.note = (
                f.note + "; " if f.note else ""
            ) + f"{scale_size} data, not the stress size the target is for"
    print()
    print(harness.format_table(figures))
    path = harness.write_json(figures, args.output, size=args.size, runs=runs, seconds=seconds)
    print(f"\nresults: {path} ({seconds:.0f} s)")
    everything = set(chosen) == set(BENCHMARKS) or merged
    if args.readme == "yes" or (args.readme == "auto" and args.size == "stress" and everything):
        _readme(figures, harness.machine(), args.size, datetime.now().strftime("%Y-%m-%d"), runs)
    return 0


def _readme(figures: list[Figure], machine: dict, size: str, when: str, runs: int) -> None:  # type: ignore[type-arg]
    load = machine.get("load_average")
    extra = (
        f"\nMachine: {machine['cpus']} CPUs, Python {machine['python']}, SQLite {machine['sqlite']}; "
        f"load average at the end of the run {load[0]:.1f} (other work shared the machine)."
        if load
        else ""
    )
    if harness.update_readme(figures, harness.README, size=size, when=when, extra=extra, runs=runs):
        print(f"README updated: {harness.README}")


def _report_only(args: argparse.Namespace) -> int:
    figures, data = harness.load_json(args.output)
    print(harness.format_table(figures))
    if args.readme == "yes":
        _readme(figures, data["machine"], data["size"], data["generated_at"][:10], int(data.get("runs", 5)))
    return 0


def _log(message: str) -> None:
    print(message, flush=True)


def _with_database(path: Path, work):  # type: ignore[no-untyped-def]
    from sakae_council.db.engine import open_database

    db = open_database(path, user="bench")
    try:
        return work(db)
    finally:
        db.close()


def _search(db, runs: int) -> list[Figure]:  # type: ignore[no-untyped-def]
    from bench.gui_lists import search_and_lists

    _log("search and lists (Qt offscreen) ...")
    return search_and_lists(db, runs, log=_log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    configure(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
