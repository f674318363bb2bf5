"""バックアップ of a SQLite data file: the online copy into a backup (or a file the user chose), its
verification, and restoring a backup into the data file.

A backup is a standalone SQLite file (rollback journal, no -wal beside it) made with SQLite's online
backup API, checked with ``PRAGMA integrity_check`` before it gets its final name, readable by its owner
only. Its name carries the time and the reason: ``<stem>-YYYYMMDD-HHMMSS[_n]-<reason>.db``.

Naming, listing, 世代管理 (retention) and moving a damaged file aside are :mod:`sakae_council.db.backup_files`;
owner-only files, fsync and quiet removal :mod:`sakae_council.db.file_safety`. Both are re-exported here,
where the program has always found them.
"""

from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from sakae_council.cancel import current as current_token
from sakae_council.db import stamps
from sakae_council.db.backup_files import (
    BACKUP_DIR_NAME,
    KEEP_ALL,
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    PARTIAL_SUFFIX,
    SIDECARS,
    BackupFile,
    backup_key,
    backup_name,
    default_backup_dir,
    glob_escape,
    has_history,
    list_backup_files,
    move_aside,
    newest_good_backup,
    parse_backup_name,
    retention_keep,
    rotate,
)
from sakae_council.db.file_safety import (
    create_owner_only,
    ensure_folder,
    fsync_dir,
    fsync_file,
    is_disk_full,
    make_owner_only,
    remove_quietly,
)
from sakae_council.db.integrity import assess_sqlite_file, sqlite_uri
from sakae_council.domain.errors import StorageError, msg

log = logging.getLogger(__name__)

__all__ = [
    "BACKUP_DIR_NAME",
    "BackupFile",
    "COPY_STEP_PAGES",
    "KEEP_ALL",
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "KEEP_WEEKLY",
    "PARTIAL_SUFFIX",
    "SIDECARS",
    "backup_key",
    "backup_name",
    "content_digest",
    "copy_database",
    "create_owner_only",
    "default_backup_dir",
    "ensure_folder",
    "export_copy",
    "fsync_dir",
    "fsync_file",
    "glob_escape",
    "has_history",
    "is_disk_full",
    "list_backup_files",
    "make_backup",
    "make_owner_only",
    "move_aside",
    "newest_good_backup",
    "parse_backup_name",
    "remove_quietly",
    "restore_file",
    "retention_keep",
    "rotate",
]

_BUSY_TIMEOUT_S = 5.0
_STALE_PARTIAL = timedelta(hours=1)


# --- copying ---------------------------------------------------------------------------------------


def _connect_source(path: Path) -> sqlite3.Connection:
    # Read-write lets SQLite use the WAL index as every other connection does; nothing is written.
    # On read-only media that fails, and a plain read-only connection is the only way in.
    try:
        return sqlite3.connect(sqlite_uri(path, "rw"), uri=True, timeout=_BUSY_TIMEOUT_S)
    except sqlite3.OperationalError:
        return sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=_BUSY_TIMEOUT_S)


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
    if is_disk_full(exc):
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
        fsync_file(destination)
    except BaseException as exc:
        remove_quietly(destination)
        for sidecar in SIDECARS:
            remove_quietly(Path(f"{destination}{sidecar}"))
        if isinstance(exc, StorageError) or not isinstance(exc, OSError | sqlite3.Error):
            raise
        raise _backup_failed(exc, destination.parent, what) from exc


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
            remove_quietly(entry)


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
            remove_quietly(partial)
            stamps.write_note(folder, stem, stamps.BACKED_UP, stamp=stamp, backup=previous[0].path.name)
            return None
    try:
        os.replace(partial, final)
    except OSError as exc:
        remove_quietly(partial)
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
    remove_quietly(partial)
    copy_database(source, partial)
    try:
        os.link(partial, destination)  # fails instead of overwriting a file created meanwhile
    except OSError:
        if destination.exists():
            remove_quietly(partial)
            raise StorageError(
                msg(
                    "「{path}」はすでに存在します。上書きはしないので、別の名前を指定してください。",
                    path=destination,
                )
            ) from None
        os.replace(partial, destination)
    else:
        remove_quietly(partial)
    fsync_dir(parent)
    return destination


# --- restoring -------------------------------------------------------------------------------------


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
    remove_quietly(partial)
    copy_database(backup, partial, what="復元したファイル")
    os.replace(partial, target)
    fsync_dir(target.parent)


def _restore_failed(exc: BaseException, target: Path) -> StorageError:
    if is_disk_full(exc):
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
