"""``sakae-council --quit-after painted|data --db FILE``: the real start, ended with exit code 0 at a moment
an outside tool can time (the main window painted, or the first page showing the file's data).

Run as a user runs it, in a fresh process (``python -m sakae_council``), with private settings folders.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sakae_council.db.backup import list_backup_files
from sakae_council.db.engine import open_database
from sakae_council.db.lock import lock_path_for
from sakae_council.services.setup import ensure_seeded

from .helpers import fresh_process_env
from .safety_helpers import add_people

ROOT = Path(__file__).resolve().parents[2]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    db = open_database(path, user="テスト担当")
    try:
        ensure_seeded(db)
        add_people(db, 3)
    finally:
        db.close()
    return path


def _run(path: Path, home: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = fresh_process_env(home, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "sakae_council", "--db", str(path), *extra],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_quit_after_data_ends_with_0_once_the_file_was_opened_and_closed_cleanly(tmp_path: Path) -> None:
    path = _file(tmp_path)

    proc = _run(path, tmp_path / "home", "--quit-after", "data")

    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [b.reason for b in list_backup_files(path.parent / "backups", path.name)] == ["open"], (
        "the data file was really opened (its start-up backup was taken)"
    )
    assert not lock_path_for(path).exists(), "and closed as at a normal end: no lock left behind"


def test_quit_after_painted_ends_with_0_before_the_data_file_is_even_opened(tmp_path: Path) -> None:
    path = _file(tmp_path)

    proc = _run(path, tmp_path / "home", "--quit-after", "painted")

    assert proc.returncode == 0, proc.stderr[-3000:]
    assert list_backup_files(path.parent / "backups", path.name) == [], "the file was never opened"
    assert not lock_path_for(path).exists()


@pytest.mark.parametrize("moment", ["soon", ""])
def test_an_unknown_moment_is_refused_by_the_command_line(tmp_path: Path, moment: str) -> None:
    proc = _run(tmp_path / "town.db", tmp_path / "home", "--quit-after", moment)

    assert proc.returncode == 2
    assert "painted" in proc.stderr and "data" in proc.stderr, "the choices are named"
    assert not (tmp_path / "town.db").exists()


def test_quit_after_ready_ends_with_0_once_the_file_is_fully_open(tmp_path: Path) -> None:
    path = _file(tmp_path)
    (
        tmp_path / "backups"
    ).mkdir()  # as after an earlier start: a clean close is noted, first figures possible

    proc = _run(path, tmp_path / "home", "--quit-after", "ready")

    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [b.reason for b in list_backup_files(path.parent / "backups", path.name)] == ["open"], (
        "the data file was really opened (its start-up backup was taken)"
    )
    assert not lock_path_for(path).exists()
