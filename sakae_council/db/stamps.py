"""Cheap fingerprints of a SQLite data file, and the notes kept of them in its backup folder.

A stamp is what the file system and the first 100 bytes say about the file without reading it: size,
modification time and inode, the header's file change counter (bytes 24–27), and — since in WAL mode the
committed changes live in the ``-wal`` file until a checkpoint, where neither the header nor the main
file's time moves — the -wal file's size and time. Two equal stamps mean nothing was written in between;
different stamps only mean something *may* have changed, which costs one check or one backup too many.

Two notes use them (hidden files in the backup folder, which exists once the file was backed up):

- ``closed``: written when the program closes the file cleanly. The next open skips ``PRAGMA quick_check``
  (1.5 s on a 500 MB file) when the lock was not left by a crashed session and the stamp still matches:
  nothing — no crash, no other program, no restore, no copy over it — touched the file since.
- ``backed-up``: the stamp the newest backup was taken from. The start-up backup copies (and hashes) the
  file only when the stamp moved.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

CLOSED = "closed"
BACKED_UP = "backed-up"
#: Written when the quick check a start deferred found the file damaged (db/file_open.owed_check): the next
#: open checks before anything else, whatever else the notes say, and removes it once the file is sound.
DAMAGED = "damaged"


def file_stamp(path: Path) -> list[int] | None:
    """The stamp of ``path`` (see the module docstring), or None when the file cannot be read."""
    try:
        st = os.stat(path)
        with open(path, "rb") as fh:
            fh.seek(24)
            counter = int.from_bytes(fh.read(4) or b"\0", "big")
    except OSError:
        return None
    stamp = [st.st_size, st.st_mtime_ns, st.st_ino, counter]
    try:
        wal = os.stat(f"{path}-wal")
    except FileNotFoundError:
        return stamp
    except OSError:
        return None
    if wal.st_size:  # an empty -wal (made again by every open) holds nothing
        stamp += [wal.st_size, wal.st_mtime_ns, wal.st_ino]
    return stamp


def note_key(path: Path) -> str:
    """What the notes of ``path`` are named after: the same key as its backups (db/backup.backup_key)."""
    from sakae_council.db.backup import backup_key

    return backup_key(path)


def _note_path(folder: Path, key: str, kind: str) -> Path:
    return folder / f".{key}.{kind}.json"


def read_note(folder: Path, key: str, kind: str) -> dict[str, Any] | None:
    try:
        data = json.loads(_note_path(folder, key, kind).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_note(folder: Path, key: str, kind: str, **data: Any) -> None:
    """Write the note atomically into an existing ``folder``; a note that cannot be written is only logged
    (without it the next open checks, or the next backup copies, as if nothing were known)."""
    if not folder.is_dir():
        return
    target = _note_path(folder, key, kind)
    partial = target.with_name(target.name + ".partial")
    try:
        partial.write_text(json.dumps(data), encoding="utf-8")
        os.replace(partial, target)
    except OSError as exc:
        log.warning("cannot write %s: %s", target, exc)
        with contextlib.suppress(OSError):
            partial.unlink()


def record_clean_close(path: Path, folder: Path, before: list[int] | None) -> None:
    """The file was closed cleanly by this program (every connection gone, the lock released).

    ``before``: its stamp just before the connections closed. Closing checkpoints the -wal into the file,
    which moves the stamp but not the data: when the newest backup was taken from ``before``, it still
    holds exactly this data, and the note says so (else every start would copy the file again).
    """
    stamp = file_stamp(path)
    if stamp is None:
        return
    key = note_key(path)
    write_note(folder, key, CLOSED, stamp=stamp)
    backed_up = read_note(folder, key, BACKED_UP)
    if before is not None and backed_up is not None and backed_up.get("stamp") == before:
        write_note(folder, key, BACKED_UP, stamp=stamp, backup=backed_up.get("backup"))


def note_damage(path: Path, folder: Path) -> None:
    """Remember that ``path`` was found damaged (the backup folder is made if it is not there yet)."""
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
    write_note(folder, note_key(path), DAMAGED, stamp=file_stamp(path))


def damage_noted(path: Path, folder: Path) -> bool:
    return read_note(folder, note_key(path), DAMAGED) is not None


def clear_damage(path: Path, folder: Path) -> None:
    with contextlib.suppress(OSError):
        _note_path(folder, note_key(path), DAMAGED).unlink(missing_ok=True)


def untouched_since_clean_close(path: Path, folder: Path) -> bool:
    """True when the last session closed ``path`` cleanly and nothing has written to it since."""
    note = read_note(folder, note_key(path), CLOSED)
    stamp = file_stamp(path)
    return note is not None and stamp is not None and note.get("stamp") == stamp
