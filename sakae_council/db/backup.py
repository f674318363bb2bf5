"""バックアップ of a SQLite data file: online copy, verification, naming, 世代管理 (retention), move-aside.

A backup is a standalone SQLite file (rollback journal, no -wal beside it) made with SQLite's online
backup API, checked with ``PRAGMA integrity_check`` before it gets its final name, readable by its owner
only. Its name carries the time and the reason: ``<stem>-YYYYMMDD-HHMMSS[_n]-<reason>.db``.
"""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import re
import sqlite3
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sakae_council.cancel import current as current_token
from sakae_council.db import stamps
from sakae_council.db.integrity import assess_sqlite_file, sqlite_uri
from sakae_council.domain.errors import StorageError, msg

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
_BUSY_TIMEOUT_S = 5.0
_STALE_PARTIAL = timedelta(hours=1)

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


# --- owner-only permissions ----------------------------------------------------------------------


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


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --- naming and listing --------------------------------------------------------------------------


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


# --- copying ---------------------------------------------------------------------------------------


def _connect_source(path: Path) -> sqlite3.Connection:
    # Read-write lets SQLite use the WAL index as every other connection does; nothing is written.
    # On read-only media that fails, and a plain read-only connection is the only way in.
    try:
        return sqlite3.connect(sqlite_uri(path, "rw"), uri=True, timeout=_BUSY_TIMEOUT_S)
    except sqlite3.OperationalError:
        return sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=_BUSY_TIMEOUT_S)


def _is_full(exc: BaseException) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return True
    return isinstance(exc, sqlite3.Error) and (
        getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL" or "disk is full" in str(exc)
    )


def _backup_failed(exc: BaseException, folder: Path, what: str = "バックアップ") -> StorageError:
    if isinstance(exc, sqlite3.DatabaseError) and (
        str(getattr(exc, "sqlite_errorname", "")).startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        or "malformed" in str(exc)
    ):
        return StorageError(
            msg(
                "データファイルに異常が見つかったため、{what}を作成できませんでした。"
                "これまでのバックアップはそのまま残っています。プログラムを開き直すと検査と復元の案内をします。",
                what=what,
            )
        )
    if _is_full(exc):
        return StorageError(
            msg(
                "{what}を保存できませんでした。保存先（{folder}）の空き容量が足りません。"
                "不要なファイルを削除してから、もう一度バックアップしてください。データファイル本体は無事です。",
                what=what,
                folder=folder,
            )
        )
    if isinstance(exc, PermissionError) or "readonly" in str(exc).lower():
        return StorageError(
            msg(
                "{what}を保存できませんでした。保存先（{folder}）に書き込む権限がありません。"
                "保存先を確認してください。データファイル本体は無事です。",
                what=what,
                folder=folder,
            )
        )
    return StorageError(
        msg(
            "{what}を作成できませんでした（{error}）。データファイル本体は無事です。"
            "保存先の空き容量と書き込み権限を確認してください。",
            what=what,
            error=exc,
        )
    )


#: Pages copied per step of the online backup (4 MB at 4 KiB pages): 中止 is checked between steps.
COPY_STEP_PAGES = 1024


def copy_database(source: Path, destination: Path, what: str = "バックアップ") -> None:
    """Copy ``source`` into the new file ``destination`` with the online backup API, then verify it.

    The copy is consistent even while other connections write, standalone (rollback journal mode),
    owner-only, and passes ``PRAGMA integrity_check`` — otherwise it is removed and StorageError raised,
    its message calling the copy ``what``.
    """
    try:
        create_owner_only(destination)
    except OSError as exc:  # exists (someone else's copy in progress), no space, no permission
        raise _backup_failed(exc, destination.parent, what) from exc
    try:
        src = _connect_source(source)
        try:
            dst = sqlite3.connect(str(destination))
            try:
                # In steps, so 中止 (the running work's CancelToken) can stop a large copy between them; the
                # partial copy is then removed below like any failed one.
                token = current_token()
                src.backup(
                    dst,
                    pages=COPY_STEP_PAGES,
                    progress=lambda _s, left, total: token.progress(total - left, total),
                )
                dst.execute("PRAGMA journal_mode=DELETE")
                rows = [str(r[0]) for r in dst.execute("PRAGMA integrity_check")]
            finally:
                dst.close()
        finally:
            src.close()
        if rows != ["ok"]:
            raise StorageError(
                msg(
                    "作成した{what}の検査で異常が見つかったため、保存を取りやめました。"
                    "これまでのバックアップはそのまま残っています。プログラムを開き直すと検査と復元の案内をします。"
                    "詳細: {details}",
                    what=what,
                    details="; ".join(rows[:3]),
                )
            )
        _fsync_file(destination)
    except BaseException as exc:
        _remove_quietly(destination)
        for sidecar in SIDECARS:
            _remove_quietly(Path(f"{destination}{sidecar}"))
        if isinstance(exc, StorageError) or not isinstance(exc, OSError | sqlite3.Error):
            raise
        raise _backup_failed(exc, destination.parent, what) from exc


def _remove_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("cannot remove %s: %s", path, exc)


def content_digest(path: Path) -> str:
    """SHA-256 of a backup's pages, ignoring header counters the backup API itself changes.

    Equal digests mean equal data; a different digest may (rarely) come from equal data, which only
    costs one backup too many.
    """
    h = hashlib.sha256()
    with path.open("rb") as fh:
        first = bytearray(fh.read(100))
        for start, end in ((24, 28), (40, 44), (92, 100)):  # change counter, schema cookie, versions
            first[start:end] = b"\0" * (end - start)
        h.update(first)
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _cleanup_partials(folder: Path, stem: str, now: datetime) -> None:
    # A backup interrupted by a crash leaves a hidden .partial file; an hour later nobody is writing it.
    for entry in folder.glob(f".{glob_escape(stem)}-*{PARTIAL_SUFFIX}"):
        try:
            age = now - datetime.fromtimestamp(entry.stat().st_mtime)
        except OSError:
            continue
        if age > _STALE_PARTIAL:
            _remove_quietly(entry)


def _backed_up_from(folder: Path, stem: str) -> tuple[object, object]:
    """(stamp, backup name) of the source as the newest backup was taken from it (see db/stamps.py)."""
    note = stamps.read_note(folder, stem, stamps.BACKED_UP) or {}
    return note.get("stamp"), note.get("backup")


def make_backup(
    source: Path,
    folder: Path,
    *,
    reason: str,
    now: datetime | None = None,
    skip_if_unchanged: bool = False,
) -> BackupFile | None:
    """Take a verified backup of ``source`` into ``folder``; None when ``skip_if_unchanged`` and it
    holds exactly what the newest backup already holds."""
    if not source.exists():
        raise StorageError(
            msg("データファイル「{path}」が見つからないため、バックアップできません。", path=source)
        )
    taken_at = (now or datetime.now()).replace(microsecond=0)
    stem = backup_key(source)
    try:
        ensure_folder(folder)
    except OSError as exc:
        raise _backup_failed(exc, folder) from exc
    _cleanup_partials(folder, stem, taken_at)
    seq = 0
    while True:
        final = folder / backup_name(stem, taken_at, reason, seq)
        partial = folder / f".{final.name}{PARTIAL_SUFFIX}"
        # A .partial of this name is another copy in progress, or one a crash interrupted: leave it.
        if not final.exists() and not partial.exists():
            break
        seq += 1
    previous = list_backup_files(folder, stem)
    # Taken before the copy: a write during the copy only makes the next comparison copy once more.
    stamp = stamps.file_stamp(source)
    if (
        skip_if_unchanged
        and previous
        and stamp is not None
        and _backed_up_from(folder, stem) == (stamp, previous[0].path.name)
    ):
        return None  # not written since the newest backup was taken: no copy, no hashing
    copy_database(source, partial)
    if skip_if_unchanged and previous:
        try:
            same = content_digest(previous[0].path) == content_digest(partial)
        except OSError:
            same = False
        if same:
            _remove_quietly(partial)
            stamps.write_note(folder, stem, stamps.BACKED_UP, stamp=stamp, backup=previous[0].path.name)
            return None
    try:
        os.replace(partial, final)
    except OSError as exc:
        _remove_quietly(partial)
        raise _backup_failed(exc, folder) from exc
    fsync_dir(folder)
    stamps.write_note(folder, stem, stamps.BACKED_UP, stamp=stamp, backup=final.name)
    log.info("backup %s (%s)", final, reason)
    return BackupFile(final, taken_at + timedelta(microseconds=seq), reason, final.stat().st_size)


def export_copy(source: Path, destination: Path) -> Path:
    """A verified backup at a file the user chose (``backup -o FILE``); an existing file is refused."""
    if destination.exists():
        raise StorageError(
            msg(
                "「{path}」はすでに存在します。上書きはしないので、別の名前を指定してください。",
                path=destination,
            )
        )
    parent = destination.parent
    if not parent.is_dir():
        raise StorageError(
            msg("保存先のフォルダ「{path}」がありません。フォルダを確認してください。", path=parent)
        )
    partial = parent / f".{destination.name}{PARTIAL_SUFFIX}"
    _remove_quietly(partial)
    copy_database(source, partial)
    try:
        os.link(partial, destination)  # fails instead of overwriting a file created meanwhile
    except OSError:
        if destination.exists():
            _remove_quietly(partial)
            raise StorageError(
                msg(
                    "「{path}」はすでに存在します。上書きはしないので、別の名前を指定してください。",
                    path=destination,
                )
            ) from None
        os.replace(partial, destination)
    else:
        _remove_quietly(partial)
    fsync_dir(parent)
    return destination


# --- retention (世代管理) --------------------------------------------------------------------------


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


def restore_file(backup: Path, target: Path) -> None:
    """Put the contents of ``backup`` into ``target`` (checked first; the caller holds the file lock).

    An existing target is overwritten page by page through SQLite itself, in one transaction, so its
    WAL stays consistent; a missing one is created from a verified copy and renamed into place.
    """
    health = assess_sqlite_file(backup, full=True)
    if not health.ok:
        raise StorageError(
            msg(
                "バックアップ「{name}」は壊れているため復元できません。別のバックアップを選んでください。",
                name=backup.name,
            )
        )
    if target.exists():
        try:
            src = sqlite3.connect(sqlite_uri(backup, "ro"), uri=True)
            try:
                dst = sqlite3.connect(sqlite_uri(target, "rw"), uri=True, timeout=_BUSY_TIMEOUT_S)
                try:
                    src.backup(dst)
                    rows = [str(r[0]) for r in dst.execute("PRAGMA quick_check")]
                finally:
                    dst.close()
            finally:
                src.close()
        except sqlite3.Error as exc:
            raise _restore_failed(exc, target) from exc
        if rows != ["ok"]:
            raise StorageError(
                "復元後の検査で異常が見つかりました。別のバックアップから復元し直してください。"
            )
        return
    for sidecar in SIDECARS:  # strays without their main file must not be replayed into the copy
        if Path(f"{target}{sidecar}").exists():
            move_aside(target, "orphan")
            break
    partial = target.with_name(f".{target.name}{PARTIAL_SUFFIX}")
    _remove_quietly(partial)
    copy_database(backup, partial, what="復元したファイル")
    os.replace(partial, target)
    fsync_dir(target.parent)


def _restore_failed(exc: BaseException, target: Path) -> StorageError:
    if _is_full(exc):
        return StorageError(
            msg(
                "空き容量が足りないため復元できませんでした（{folder}）。"
                "不要なファイルを削除してから、もう一度復元してください。",
                folder=target.parent,
            )
        )
    if "locked" in str(exc) or "busy" in str(exc):
        return StorageError(
            "データファイルが使用中のため復元できませんでした。少し待ってから、もう一度復元してください。"
        )
    return StorageError(
        msg(
            "復元できませんでした（{error}）。データファイルの場所と書き込み権限を確認してください。",
            error=exc,
        )
    )


#: Remove a file if it is there (a leftover work copy); a failure is logged, never raised.
remove_quietly = _remove_quietly
