"""The backup folder's files: how backups (``<stem>-YYYYMMDD-HHMMSS[_n]-<reason>.db``) and damaged copies moved
aside (``<stem>.damaged-<time>.db``) are named, listing a data file's backups newest first, 世代管理 (which
backups to keep, and deleting the rest), and finding the newest backup that passes its check.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sakae_council.db.file_safety import fsync_dir
from sakae_council.db.integrity import assess_sqlite_file

log = logging.getLogger(__name__)

BACKUP_DIR_NAME = "backups"
PARTIAL_SUFFIX = ".partial"
#: Sidecar files SQLite keeps beside a database; they belong to it and move with it.
SIDECARS = ("-wal", "-shm", "-journal")
_STAMP = "%Y%m%d-%H%M%S"
_NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:_(?P<seq>\d+))?-(?P<reason>[a-z]+(?:-[a-z]+)*)\.db$"
)
# Names written by the first version of the upgrade-on-open code.
_LEGACY_RE = re.compile(r"^(?P<stem>.+)-before-(?P<rev>[0-9a-z]+)-(?P<stamp>\d{8}-\d{6})\.db$")

#: 世代管理: keep everything this recent ...
KEEP_ALL = timedelta(days=2)
#: ... then the newest backup of each day, of each ISO week, of each month, up to these ages.
KEEP_DAILY = timedelta(days=14)
KEEP_WEEKLY = timedelta(days=92)
KEEP_MONTHLY = timedelta(days=366)


@dataclass(frozen=True)
class BackupFile:
    """One backup file on disk: when it was taken (local time), why, and its size in bytes."""

    path: Path
    taken_at: datetime
    reason: str
    size: int


def default_backup_dir(db_path: Path) -> Path:
    """The ``backups/`` folder beside the data file."""
    return db_path.parent / BACKUP_DIR_NAME


def backup_name(stem: str, taken_at: datetime, reason: str, seq: int = 0) -> str:
    """File name of a backup of ``<stem>.db`` taken at ``taken_at`` for ``reason``."""
    suffix = f"_{seq}" if seq else ""
    return f"{stem}-{taken_at.strftime(_STAMP)}{suffix}-{reason}.db"


def parse_backup_name(path: Path) -> tuple[str, datetime, str] | None:
    """(stem, taken_at, reason) from a backup's file name, or None when it is not one of ours."""
    m = _NAME_RE.match(path.name)
    if m:
        reason = m["reason"]
    else:
        m = _LEGACY_RE.match(path.name)
        if not m:
            return None
        reason = "before-migration"
    try:
        taken_at = datetime.strptime(m["stamp"], _STAMP)
    except ValueError:
        return None
    seq = int(m.groupdict().get("seq") or 0)
    return m["stem"], taken_at + timedelta(microseconds=seq), reason


def backup_key(db_path: Path) -> str:
    """What a data file's backups are named after: its whole file name, so that ``a.sqlite`` and ``a.db``
    beside it never share (or rotate away) each other's backups."""
    return db_path.name


def _is_key(name: str, key: str) -> bool:
    # Backups taken before the key was the whole name carry the stem of a ``.db`` file.
    return name == key or (key.endswith(".db") and name == key[:-3])


def list_backup_files(folder: Path, stem: str) -> list[BackupFile]:
    """Backups of the data file whose :func:`backup_key` is ``stem``, in ``folder``, newest first; other
    files there are ignored."""
    if not folder.is_dir():
        return []
    found: list[BackupFile] = []
    for entry in folder.iterdir():
        parsed = parse_backup_name(entry)
        if parsed is None or not _is_key(parsed[0], stem) or not entry.is_file():
            continue
        try:
            size = entry.stat().st_size
        except OSError:
            continue
        found.append(BackupFile(entry, parsed[1], parsed[2], size))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def has_history(db_path: Path, folder: Path | None = None) -> bool:
    """True when backups of this file exist, or a damaged copy was moved aside beside it."""
    if list_backup_files(folder or default_backup_dir(db_path), backup_key(db_path)):
        return True
    return any(db_path.parent.glob(f"{glob_escape(db_path.stem)}.damaged-*{glob_escape(db_path.suffix)}"))


def glob_escape(text: str) -> str:
    """Escape glob metacharacters in a file name part."""
    return re.sub(r"([*?\[])", r"[\1]", text)


def retention_keep(backups: Iterable[BackupFile], now: datetime) -> set[Path]:
    """Which backups to keep: all from the last 2 days, the newest of each day for 2 weeks, of each
    ISO week for 3 months, of each month for a year — and always the newest one."""
    ordered = sorted(backups, key=lambda b: (b.taken_at, b.path.name), reverse=True)
    keep: set[Path] = set()
    if ordered:
        keep.add(ordered[0].path)
    seen: set[tuple[str, tuple[int, ...]]] = set()
    for b in ordered:
        age = now - b.taken_at
        if age <= KEEP_ALL:
            keep.add(b.path)
            continue
        d = b.taken_at.date()
        if age <= KEEP_DAILY:
            bucket: tuple[str, tuple[int, ...]] = ("day", (d.year, d.month, d.day))
        elif age <= KEEP_WEEKLY:
            iso = d.isocalendar()
            bucket = ("week", (iso[0], iso[1]))
        elif age <= KEEP_MONTHLY:
            bucket = ("month", (d.year, d.month))
        else:
            continue
        if bucket not in seen:  # newest first, so the first one seen is the newest of its bucket
            seen.add(bucket)
            keep.add(b.path)
    return keep


def rotate(folder: Path, stem: str, now: datetime | None = None) -> list[Path]:
    """Delete the backups of ``<stem>.db`` that retention no longer keeps; returns what was removed.

    Call only after the newest backup has been verified — it is always kept.
    """
    backups = list_backup_files(folder, stem)
    keep = retention_keep(backups, now or datetime.now())
    removed: list[Path] = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:
                log.warning("cannot remove old backup %s: %s", b.path, exc)
    return removed


# --- recovery ---------------------------------------------------------------------------------------


def newest_good_backup(folder: Path, stem: str) -> BackupFile | None:
    """The newest backup of ``<stem>.db`` that passes SQLite's quick_check, or None."""
    for b in list_backup_files(folder, stem):
        if assess_sqlite_file(b.path).ok:
            return b
        log.warning("backup %s fails its check; trying an older one", b.path)
    return None


def _free_name(path: Path) -> Path:
    candidate, n = path, 1
    while candidate.exists() or any(Path(f"{candidate}{s}").exists() for s in SIDECARS):
        candidate = path.with_name(f"{path.stem}_{n}{path.suffix}")
        n += 1
    return candidate


def move_aside(path: Path, label: str = "damaged", now: datetime | None = None) -> Path:
    """Rename a data file (and its -wal/-journal/-shm) to ``<stem>.<label>-<time><suffix>``; never
    overwrites or deletes anything. Returns the new path of the main file."""
    stamp = (now or datetime.now()).strftime(_STAMP)
    target = _free_name(path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}"))
    # Sidecars first: a -wal left behind at the old name would be replayed into whatever file is
    # created there next.
    for sidecar in SIDECARS:
        side = Path(f"{path}{sidecar}")
        if side.exists():
            os.replace(side, Path(f"{target}{sidecar}"))
    if path.exists():
        os.replace(path, target)
    fsync_dir(path.parent)
    log.warning("moved %s aside to %s", path, target)
    return target
