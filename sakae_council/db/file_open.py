"""A SQLite data file made ready before an engine touches it: there, ours (its header), writable, locked for
this user, and checked with ``PRAGMA quick_check`` unless the last session closed it cleanly and nothing
touched it since. A damaged file is moved aside (never deleted) and the newest good backup offered."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import TYPE_CHECKING

from sakae_council.db.integrity import SQLITE_HEADER
from sakae_council.db.storage_errors import DamagedDatabaseError, MissingDatabaseError
from sakae_council.domain.errors import StorageError, msg

if TYPE_CHECKING:
    from sakae_council.db.lock import DatabaseLock


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
) -> DatabaseLock | None:
    """Existence, header, writability, lock, quick check and permissions of a SQLite file before use."""
    from sakae_council.db import backup as backups
    from sakae_council.db.integrity import assess_sqlite_file, disk_full
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
        if not header_ok or (check and not _known_sound(path, folder, held)):
            health = assess_sqlite_file(path, busy_timeout_ms=busy_timeout_ms)
            if not health.ok:
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
    except BaseException:
        if held is not None:
            held.release()
        raise
    return held


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
