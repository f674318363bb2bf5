"""A SQLite data file made ready before an engine touches it: there, ours (its header), writable, locked for
this user, and checked with ``PRAGMA quick_check`` unless the last session closed it cleanly and nothing
touched it since. A damaged file is moved aside (never deleted) and the newest good backup offered."""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sakae_council.db import stamps
from sakae_council.db.integrity import SQLITE_HEADER
from sakae_council.db.storage_errors import DamagedDatabaseError, MissingDatabaseError
from sakae_council.domain.errors import StorageError, msg

if TYPE_CHECKING:
    from sakae_council.db.lock import DatabaseLock

log = logging.getLogger(__name__)


def check_sqlite_header(path: Path) -> None:
    """Refuse a file that is not a SQLite database at all (a stray document, a damaged header)."""
    with path.open("rb") as fh:
        header = fh.read(16)
    if header and header != SQLITE_HEADER:
        raise StorageError(
            msg(
                "「{name}」はこのプログラムのデータファイルではないか、壊れています。"
                "ファイルを確認するか、バックアップから復元してください。",
                name=path.name,
            )
        )


def prepare_file(
    path: Path,
    *,
    create: bool,
    read_only: bool,
    backup_dir: Path | None,
    user: str,
    lock: bool,
    check: bool,
    start_empty: bool,
    busy_timeout_ms: int,
    defer_check: bool = False,
) -> tuple[DatabaseLock | None, bool]:
    """Existence, header, writability, lock, quick check and permissions of a SQLite file before use.

    Returns the lock taken (None for a read-only open) and whether the quick check is still owed: with
    ``defer_check`` a file with a sound header that needs the check (an unclean shutdown, a read-only open)
    is opened at once, and the caller runs :func:`check_file` in the background once the data shows."""
    from sakae_council.db import backup as backups
    from sakae_council.db.integrity import disk_full
    from sakae_council.db.lock import NoSpaceError, ReadOnlyError, acquire_lock

    if path.is_dir():
        raise StorageError(
            msg("「{path}」はフォルダです。データファイル（.db）のパスを指定してください。", path=path)
        )
    if not read_only and path.parent.is_dir() and disk_full(path.parent):
        raise NoSpaceError(path)  # before anything is written: not even an empty file or lock is left
    folder = backup_dir or backups.default_backup_dir(path)
    if not path.exists():
        if not start_empty and backups.has_history(path, folder):
            raise MissingDatabaseError(path, backups.newest_good_backup(folder, backups.backup_key(path)))
        if not create or read_only:
            raise StorageError(
                msg("データファイル「{path}」が見つかりません。場所を確認してください。", path=path)
            )
        path.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            backups.create_owner_only(path)  # before SQLite creates it world-readable; -wal/-shm inherit this
    header_ok = _header_ok(path)
    if not header_ok and not backups.has_history(path, folder):
        check_sqlite_header(path)  # a stray document, not our file: refuse, touch nothing
    if not read_only and not os.access(path, os.W_OK):
        raise ReadOnlyError(
            msg(
                "データファイル「{name}」は書き込みが禁止されています（読み取り専用のファイルか、書き込めない場所にあります）。"
                "読み取り専用で開くか、書き込める場所にコピーしてから開いてください。",
                name=path.name,
            )
        )
    held = acquire_lock(path, user=user) if lock and not read_only else None
    try:
        owed = not header_ok or (check and not _known_sound(path, folder, held))
        if owed and (not header_ok or not defer_check or stamps.damage_noted(path, folder)):
            check_file(path, folder, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
            owed = False
    except BaseException:
        if held is not None:
            held.release()
        raise
    return held, owed


def check_file(path: Path, folder: Path, *, read_only: bool, busy_timeout_ms: int) -> None:
    """``PRAGMA quick_check`` of the file at ``path``: a damaged file opened for writing is moved aside and
    DamagedDatabaseError raised with the newest good backup in ``folder``; StorageError when it is damaged
    but open read-only, or could not be checked (busy, I/O)."""
    from sakae_council.db import backup as backups
    from sakae_council.db.integrity import assess_sqlite_file

    health = assess_sqlite_file(path, busy_timeout_ms=busy_timeout_ms)
    if health.ok:
        stamps.clear_damage(path, folder)
        return
    if health.damaged and not read_only:
        moved = backups.move_aside(path)
        raise DamagedDatabaseError(
            path,
            moved,
            backups.newest_good_backup(folder, backups.backup_key(path)),
            health.problems,
        )
    if health.damaged:
        raise StorageError(
            msg(
                "データファイル「{name}」が壊れています。読み取り専用では修復できないため、"
                "通常どおり開いてバックアップから復元してください。",
                name=path.name,
            )
        )
    raise StorageError(
        msg(
            "データファイル「{name}」を検査できませんでした（{problems}）。少し待ってから開き直してください。",
            name=path.name,
            problems="; ".join(health.problems),
        )
    )


def owed_check(
    path: Path, folder: Path, read_only: bool, busy_timeout_ms: int, *, raise_damage: bool = False
) -> bool | None:
    """A quick check deferred at open, run now. True: sound; False: damaged — the file stays as it is (the
    caller notes no clean close, so the next open checks first and offers the newest good backup); None:
    it could not be told (busy, I/O). ``raise_damage``: raise what :func:`check_file` raises instead."""
    from sakae_council.db.integrity import assess_sqlite_file

    if raise_damage:
        check_file(path, folder, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
        return True
    health = assess_sqlite_file(path, busy_timeout_ms=busy_timeout_ms)
    if health.ok:
        return True
    log.warning("the deferred check of %s: %s", path.name, "; ".join(health.problems))
    if not health.damaged:
        return None
    stamps.note_damage(path, folder)  # the next open checks first, and keeps the file aside
    return False


def _known_sound(path: Path, folder: Path, held: DatabaseLock | None) -> bool:
    """The last session closed the file cleanly (no crashed holder's lock) and nothing wrote to it since:
    ``PRAGMA quick_check`` (1.5 s on a 500 MB file) has nothing new to find. A read-only open holds no
    lock, so it cannot know, and checks."""
    from sakae_council.db.stamps import untouched_since_clean_close

    return held is not None and held.replaced_stale is None and untouched_since_clean_close(path, folder)


def make_owner_only(path: Path) -> None:
    """The data file and its -wal/-shm readable by its owner only."""
    from sakae_council.db import backup as backups

    backups.make_owner_only(path)
    for sidecar in backups.SIDECARS:
        if Path(f"{path}{sidecar}").exists():
            backups.make_owner_only(Path(f"{path}{sidecar}"))


def _header_ok(path: Path) -> bool:
    with path.open("rb") as fh:
        header = fh.read(16)
    return not header or header == SQLITE_HEADER
