"""Generated databases for the benchmarks, cached by size and regenerated when the generator changes."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from bench.generate import SIZES, generate

BENCH_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SAKAE_BENCH_DATA", BENCH_DIR / ".data"))


def _fingerprint() -> str:
    """Changes whenever what a generated file contains could change (generator, models, migrations)."""
    from sakae_council.db.engine import head_revision

    root = BENCH_DIR.parent / "sakae_council" / "db" / "models"
    digest = hashlib.sha256()
    for path in [*sorted(BENCH_DIR.glob("generate*.py")), *sorted(root.glob("*.py"))]:
        digest.update(path.read_bytes())
    digest.update(head_revision().encode())
    return digest.hexdigest()[:16]


def database(size: str, *, data_dir: Path | None = None, log=print) -> Path:  # type: ignore[no-untyped-def]
    """The generated database of ``size``: reused while its fingerprint matches, else made anew."""
    folder = data_dir or DATA_DIR
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{size}.db"
    stamp = folder / f"{size}.stamp"
    want = _fingerprint()
    if path.exists() and stamp.exists() and stamp.read_text().strip() == want:
        _upgrade_without_keeping_backups(path)
        return path
    # Made under a private name and renamed into place, so a second run generating at the same time (or
    # one killed half-way) never leaves a partial file that a stamp calls valid, nor deletes another's.
    stamp.unlink(missing_ok=True)
    partial = folder / f"{size}.partial-{os.getpid()}.db"
    log(f"generating the {size} database (once; cached in {folder}) ...")
    try:
        generate(partial, SIZES[size])
        for leftover in (path, *(folder / f"{size}.db{s}" for s in ("-wal", "-shm", "-journal"))):
            leftover.unlink(missing_ok=True)
        os.replace(partial, path)
    finally:
        for leftover in folder.glob(f"{size}.partial-{os.getpid()}.db*"):
            leftover.unlink(missing_ok=True)
    shutil.rmtree(folder / "backups", ignore_errors=True)
    stamp.write_text(want + "\n")
    return path


def _upgrade_without_keeping_backups(path: Path) -> None:
    """Bring a cached file to the newest schema now, its pre-upgrade backup in a folder thrown away (a
    stress file is ~500 MB: the program's own backups beside it would pile up with every revision)."""
    import tempfile

    from sakae_council.db.engine import open_database

    shutil.rmtree(path.parent / "backups", ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="sakae-bench-") as tmp:
        open_database(path, user="bench", backup_dir=Path(tmp)).close()


def scratch_copy(source: Path, target: Path) -> Path:
    """A private copy of a generated database for benchmarks that write (imports)."""
    from sakae_council.db.engine import sqlite_backup

    if target.exists():
        target.unlink()
    return sqlite_backup(source, target)
