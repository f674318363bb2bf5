"""Safe handling of the files that hold residents' data: readable by their owner only, writes made durable
(fsync of a file and of the folder a rename happened in), leftovers removed without failing, and a full
disk told apart from other failures (so the message says what to do). Used by backup and restore, and by
every paper and export written to disk.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import stat
from pathlib import Path

log = logging.getLogger(__name__)


def _owned_by_me(st: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or st.st_uid == getuid()


def make_owner_only(path: Path, *, directory: bool = False) -> None:
    """chmod 0600 (0700 for a folder) on POSIX when we own ``path``; the data names real residents."""
    if os.name != "posix":
        return
    try:
        st = path.stat()
        wanted = 0o700 if directory else 0o600
        if _owned_by_me(st) and stat.S_IMODE(st.st_mode) != wanted:
            os.chmod(path, wanted)
    except OSError as exc:  # a share that ignores modes, a file that vanished meanwhile
        log.warning("cannot restrict permissions of %s: %s", path, exc)


def create_owner_only(path: Path) -> None:
    """Create an empty file readable by its owner only; fails if it exists (never truncates data)."""
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0), 0o600)
    os.close(fd)


def ensure_folder(folder: Path) -> None:
    """Create the backup folder (owner-only) if needed."""
    created = not folder.exists()
    folder.mkdir(parents=True, exist_ok=True)
    if created:
        make_owner_only(folder, directory=True)


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX; a no-op where directories cannot be opened)."""
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def fsync_file(path: Path) -> None:
    """Flush a written file to the disk before it is renamed into place."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_quietly(path: Path) -> None:
    """Remove a file if it is there (a leftover work copy); a failure is logged, never raised."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("cannot remove %s: %s", path, exc)


def is_disk_full(exc: BaseException) -> bool:
    """The failure is a full disk (or quota, or a file grown past what the file system allows)."""
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return True
    return isinstance(exc, sqlite3.Error) and (
        getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc)
    )
