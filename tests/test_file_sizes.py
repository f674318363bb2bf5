"""No file of the package grows past 500 lines (issue 18, finding 6: a file that long holds more than one
thing; split it by meaning, one area per module). The initial migration is the one exception: it is the
whole first schema, written once and never edited."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "sakae_council"
LIMIT = 500
#: The first schema, created in one revision (later revisions are small and must stay so).
EXEMPT = ("db/migrations/versions/0001_*",)


def _line_counts() -> dict[str, int]:
    counts: dict[str, int] = {}
    for path in sorted(PACKAGE.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in (".pyc", ".pyo"):
            continue
        relative = path.relative_to(PACKAGE)
        if any(relative.match(pattern) for pattern in EXEMPT):
            continue
        with path.open(encoding="utf-8", errors="replace") as fh:
            counts[relative.as_posix()] = sum(1 for _ in fh)
    return counts


def test_no_package_file_is_over_500_lines() -> None:
    counts = _line_counts()
    assert len(counts) > 100, "the package's files were not found"  # the walk itself works
    too_long = {name: n for name, n in counts.items() if n > LIMIT}
    assert not too_long, (
        f"files over {LIMIT} lines — split each by meaning (one area per module, with a docstring saying "
        f"what it holds), re-exporting where other modules import its names: {too_long}"
    )
