"""バックアップと復元 — what the backup/restore dialog, the 30-minute timer and the CLI call.

Every backup is taken with SQLite's online backup API, verified with ``integrity_check``, and only then
are old ones rotated away (世代管理: all of the last 2 days, then daily for 2 weeks, weekly for 3 months,
monthly for a year). Backups live in ``backups/`` beside the data file unless the Database was opened
with another ``backup_dir``.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

from sakae_council.db import backup as files
from sakae_council.db.direct import FileReadError, read_summary
from sakae_council.db.engine import (
    Database,
    check_and_upgrade,
    known_revisions,
    sqlite_path,
    to_url,
)
from sakae_council.db.integrity import assess_sqlite_file
from sakae_council.db.lock import DatabaseLock, acquire_lock
from sakae_council.domain.errors import StorageError, msg
from sakae_council.domain.wareki import to_wareki

#: The timer backup runs at most this often, and only while changes are being made.
AUTO_INTERVAL = timedelta(minutes=30)

REASON_LABELS = {
    "open": "起動時",
    "auto": "自動（作業中30分ごと）",
    "close": "終了時",
    "manual": "手動",
    "before-migration": "形式の更新前",
    "before-restore": "復元の直前",
    "before-import": "取り込みの直前",
}

#: (label, table, condition) of what the restore dialog says a backup holds.
_SUMMARY = (
    ("学区", "district", ""),
    ("名簿", "person", "deleted_at IS NULL"),
    ("地域課題", "regional_issue", ""),
    ("協働事業", "collaborative_project", ""),
    ("会議", "meeting", ""),
)


@dataclass(frozen=True)
class BackupDTO:
    """One backup as the restore dialog lists it."""

    path: Path
    taken_at: datetime
    reason: str
    reason_label: str
    size_bytes: int
    #: (label, count) pairs: 学区, 名簿 (people on the roster), 地域課題, 協働事業, 会議.
    counts: tuple[tuple[str, int], ...] = ()
    #: Time of the newest audit entry in it (local time): when its data was last changed.
    last_change_at: datetime | None = None
    revision: str | None = None
    #: "" when the file could be read; otherwise why not (in Japanese).
    problem: str = ""

    @property
    def taken_at_text(self) -> str:
        """令和8年11月28日（土） 14時05分"""
        return _when(self.taken_at)

    @property
    def summary_text(self) -> str:
        """学区 5・名簿 120・地域課題 34・協働事業 8・会議 40"""
        if self.problem:
            return self.problem
        return "・".join(f"{label} {n}" for label, n in self.counts)


@dataclass(frozen=True)
class RestoreResult:
    """What a restore did: where the data came from, and where the replaced data was kept."""

    restored_from: Path
    taken_at: datetime | None
    #: A backup of the data as it was just before the restore (None when there was no sound file).
    safety_backup: Path | None
    #: The damaged file moved aside instead of being backed up, if it was damaged.
    moved_aside: Path | None


def _when(moment: datetime) -> str:
    return f"{to_wareki(moment.date(), weekday=True)} {moment.hour}時{moment.minute:02d}分"


def _file_of(db: Database) -> Path:
    if db.path is None:
        raise StorageError(
            "町のサーバーのデータは、このプログラムではバックアップ・復元できません。サーバーの管理者に依頼してください。"
        )
    return db.path


def backup_folder(db: Database) -> Path:
    """The folder where this database's backups go."""
    path = _file_of(db)
    return db.backup_dir or files.default_backup_dir(path)


def _dto(b: files.BackupFile, *, summary: bool) -> BackupDTO:
    base = BackupDTO(b.path, b.taken_at, b.reason, REASON_LABELS.get(b.reason, b.reason), b.size)
    return _with_summary(base) if summary else base


def _with_summary(dto: BackupDTO) -> BackupDTO:
    try:
        counts, last, revision = _read_summary(dto.path)
    except FileReadError as exc:
        return _replace(dto, problem=msg("このバックアップは読み込めません（{error}）。", error=exc))
    return _replace(dto, counts=counts, last_change_at=last, revision=revision)


def _replace(dto: BackupDTO, **changes: object) -> BackupDTO:
    from dataclasses import replace

    return replace(dto, **changes)  # type: ignore[arg-type]


def _read_summary(path: Path) -> tuple[tuple[tuple[str, int], ...], datetime | None, str | None]:
    found = read_summary(path, _SUMMARY)
    return found.counts, _utc_text_to_local(found.last_audit_at), found.revision


def _utc_text_to_local(raw: object) -> datetime | None:
    if raw is None:
        return None
    try:
        moment = raw if isinstance(raw, datetime) else datetime.fromisoformat(str(raw))
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


def current_summary(db: Database) -> tuple[tuple[str, int], ...]:
    """The same counts for the open database, to show beside each backup in the restore dialog."""
    counts: list[tuple[str, int]] = []
    with db.reading() as s:
        for label, table, condition in _SUMMARY:
            where = f" WHERE {condition}" if condition else ""
            counts.append((label, int(s.execute(text(f"SELECT count(*) FROM {table}{where}")).scalar_one())))
    return tuple(counts)


# --- taking backups ---------------------------------------------------------------------------------


def _take(db: Database, reason: str, now: datetime | None, *, skip_if_unchanged: bool) -> BackupDTO | None:
    path = _file_of(db)
    folder = backup_folder(db)
    moment = now or datetime.now()
    marker = db.writes
    taken = files.make_backup(path, folder, reason=reason, now=moment, skip_if_unchanged=skip_if_unchanged)
    db.writes_at_last_backup = marker
    db.last_backup_at = moment
    if taken is None:
        return None
    # Only now, with a verified new backup on disk, may old ones go.
    files.rotate(folder, files.backup_key(path), moment)
    return _dto(taken, summary=False)


def make_backup(
    db: Database, destination: Path | None = None, *, reason: str = "manual", now: datetime | None = None
) -> BackupDTO:
    """Take a verified backup now: into the backup folder (then rotate), or to ``destination`` if given."""
    if destination is not None:
        path = _file_of(db)
        files.export_copy(path, destination)
        stat = destination.stat()
        return _dto(
            files.BackupFile(
                destination, (now or datetime.now()).replace(microsecond=0), reason, stat.st_size
            ),
            summary=True,
        )
    taken = _take(db, reason, now, skip_if_unchanged=False)
    assert taken is not None
    return _with_summary(taken)


def backup_on_open(db: Database, now: datetime | None = None) -> BackupDTO | None:
    """At start-up: a backup if the data changed since the newest backup, else None. Run it off the GUI thread."""
    if db.path is None:
        return None
    return _take(db, "open", now, skip_if_unchanged=True)


def maybe_backup(db: Database, now: datetime | None = None) -> BackupDTO | None:
    """For the GUI's timer (call it every minute or so): a backup when changes were made and the last
    backup is at least 30 minutes old; otherwise None, cheaply."""
    if db.path is None or db.read_only or db.writes == db.writes_at_last_backup:
        return None
    moment = now or datetime.now()
    if db.last_backup_at is None:
        newest = files.list_backup_files(backup_folder(db), files.backup_key(db.path))
        db.last_backup_at = newest[0].taken_at if newest else None
    if db.last_backup_at is not None and moment - db.last_backup_at < AUTO_INTERVAL:
        return None
    return _take(db, "auto", moment, skip_if_unchanged=True)


def backup_on_close(db: Database, now: datetime | None = None) -> BackupDTO | None:
    """When the program quits: a backup if anything was written since the last one."""
    if db.path is None or db.read_only or db.writes == db.writes_at_last_backup:
        return None
    return _take(db, "close", now, skip_if_unchanged=True)


def backup_file(
    target: str | Path,
    destination: Path | None = None,
    *,
    backup_dir: Path | None = None,
    reason: str = "manual",
    now: datetime | None = None,
) -> BackupDTO:
    """Back up a data file without opening it for editing (the CLI; works while the GUI has it open):
    into the backup folder (then rotate), or to ``destination``."""
    path, folder = _locate(target, backup_dir)
    if not path.exists():
        raise StorageError(
            msg("データファイル「{path}」が見つかりません。場所を確認してください。", path=path)
        )
    try:
        _, _, revision = _read_summary(path)
    except FileReadError as exc:
        raise StorageError(
            msg(
                "データファイル「{name}」を読み込めないため、バックアップできません（{error}）。`check` で検査してください。",
                name=path.name,
                error=exc,
            )
        ) from exc
    if revision is None:
        raise StorageError(
            msg(
                "「{name}」はこのプログラムのデータファイルではありません。ファイルを確認してください。",
                name=path.name,
            )
        )
    if destination is not None:
        files.export_copy(path, destination)
        return describe_backup(destination)
    moment = now or datetime.now()
    taken = files.make_backup(path, folder, reason=reason, now=moment)
    assert taken is not None
    files.rotate(folder, files.backup_key(path), moment)
    return _dto(taken, summary=True)


# --- listing ------------------------------------------------------------------------------------------


def _locate(target: Database | str | Path, backup_dir: Path | None) -> tuple[Path, Path]:
    if isinstance(target, Database):
        return _file_of(target), backup_folder(target)
    path = sqlite_path(to_url(target))
    if path is None:
        raise StorageError(
            "町のサーバーのデータは、このプログラムではバックアップ・復元できません。サーバーの管理者に依頼してください。"
        )
    return path, backup_dir or files.default_backup_dir(path)


def list_backups(
    target: Database | str | Path, *, backup_dir: Path | None = None, summaries: bool = True
) -> list[BackupDTO]:
    """Backups of a data file, newest first, each with its date and (if ``summaries``) what it holds."""
    path, folder = _locate(target, backup_dir)
    return [_dto(b, summary=summaries) for b in files.list_backup_files(folder, files.backup_key(path))]


def describe_backup(path: Path) -> BackupDTO:
    """Date and contents of any backup file (one chosen by the user outside the backup folder too)."""
    parsed = files.parse_backup_name(path)
    if parsed is not None:
        taken_at, reason = parsed[1], parsed[2]
    else:
        taken_at, reason = datetime.fromtimestamp(path.stat().st_mtime).replace(microsecond=0), "manual"
    return _with_summary(
        BackupDTO(path, taken_at, reason, REASON_LABELS.get(reason, reason), path.stat().st_size)
    )


# --- restoring ------------------------------------------------------------------------------------------


def _check_restorable(backup: Path) -> BackupDTO:
    if not backup.is_file():
        raise StorageError(
            msg("バックアップ「{path}」が見つかりません。場所を確認してください。", path=backup)
        )
    health = assess_sqlite_file(backup, full=True)
    if not health.ok:
        raise StorageError(
            msg(
                "バックアップ「{name}」は壊れているため復元できません。別のバックアップを選んでください。",
                name=backup.name,
            )
        )
    info = describe_backup(backup)
    if info.problem:
        raise StorageError(msg("{problem}別のバックアップを選んでください。", problem=info.problem))
    if info.revision is None:
        raise StorageError(
            msg(
                "「{name}」はこのプログラムのバックアップではありません。別のファイルを選んでください。",
                name=backup.name,
            )
        )
    if info.revision not in known_revisions():
        raise StorageError(
            msg(
                "バックアップ「{name}」は新しい版のプログラムで作られています。プログラムを更新してから復元してください。",
                name=backup.name,
            )
        )
    return info


def restore_backup(
    target: Database | str | Path,
    backup: Path,
    *,
    backup_dir: Path | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the data with a backup's. The current data is first backed up ("before-restore"), or, if
    it is damaged, moved aside; nothing is deleted.

    ``target`` may be the open Database (it stays usable, now holding the restored data — refresh every
    page) or the path of a file that is not open (after DamagedDatabaseError / MissingDatabaseError;
    then open it with ``open_database`` afterwards).
    """
    path, folder = _locate(target, backup_dir)
    backup = backup.resolve()
    if backup == path.resolve():
        raise StorageError("復元元と復元先が同じファイルです。バックアップのファイルを選んでください。")
    info = _check_restorable(backup)
    db = target if isinstance(target, Database) else None
    if db is not None and db.read_only:
        raise StorageError(
            "読み取り専用で開いているため復元できません。通常どおり開き直してから復元してください。"
        )
    held: DatabaseLock | None = None if db is not None else acquire_lock(path)
    try:
        safety: Path | None = None
        moved: Path | None = None
        if path.exists() and path.stat().st_size > 0:
            health = assess_sqlite_file(path)
            if health.ok:
                taken = files.make_backup(path, folder, reason="before-restore", now=now)
                safety = taken.path if taken else None
            elif health.damaged:
                if db is not None:
                    db.engine.dispose()
                moved = files.move_aside(path, now=now)
            else:
                raise StorageError(
                    msg(
                        "データファイルを確認できないため、復元を中止しました（{problems}）。"
                        "少し待ってから、もう一度復元してください。",
                        problems="; ".join(health.problems),
                    )
                )
        if db is not None:
            db.engine.dispose()
        files.restore_file(backup, path)
        files.make_owner_only(path)
        if db is not None:
            db.engine.dispose()  # connections must see the new schema and pages afresh
            check_and_upgrade(db, upgrade=True, backup_dir=folder)
            db.writes_at_last_backup = db.writes
            db.last_backup_at = now or datetime.now()
    finally:
        if held is not None:
            held.release()
    return RestoreResult(backup, info.taken_at, safety, moved)


def newest_good_backup(target: str | Path, *, backup_dir: Path | None = None) -> BackupDTO | None:
    """The newest backup that passes its check, with its summary — what the recovery offer shows."""
    path, folder = _locate(target, backup_dir)
    found = files.newest_good_backup(folder, files.backup_key(path))
    return _dto(found, summary=True) if found else None


def remove_backup(backup: BackupDTO) -> None:
    """Delete one backup the user chose to delete (never called automatically)."""
    with suppress(FileNotFoundError):
        backup.path.unlink()
