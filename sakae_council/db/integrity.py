"""Integrity checks of a database: file header, SQLite's own checks, foreign keys, schema revision."""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class CheckReport:
    """What ``check`` found: ``problems`` (the file is damaged, busy, missing, of another schema: exit 1) and
    ``notes`` about a sound file that cannot be written now (a read-only place, a full disk)."""

    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


#: Below this much free space beside the file, a save will fail.
LOW_SPACE_BYTES = 1024 * 1024


def _busy(text: str) -> bool:
    lowered = text.lower()
    return "locked" in lowered or "busy" in lowered


def _sqlite_checks(path: Path, busy_timeout_ms: int) -> CheckReport:
    if path.is_dir():
        return CheckReport((f"「{path}」はフォルダです。データファイル（.db）のパスを指定してください。",))
    if not path.exists():
        return CheckReport((f"ファイル「{path}」が見つかりません。場所を確認してください。",))
    health = assess_sqlite_file(path, full=True, busy_timeout_ms=busy_timeout_ms)
    if health.damaged:
        return CheckReport(
            (
                "データファイルが壊れています（SQLiteの検査: " + "; ".join(health.problems) + "）。"
                "backup --list でバックアップを確かめ、restore で復元してください。",
            )
        )
    if not health.ok:
        detail = "; ".join(health.problems)
        if disk_full(path.parent):
            return CheckReport(
                (
                    "データファイルのあるディスクの空き容量がないため、検査できませんでした（壊れているとは限りません）。"
                    "不要なファイルを削除して空きを作ってから、もう一度 check を実行してください。",
                )
            )
        if _busy(detail):
            return CheckReport(
                (
                    "データファイルを別のプログラムが使用中のため、検査できませんでした（壊れているわけではありません）。"
                    "使い終わってから、もう一度 check を実行してください。",
                )
            )
        return CheckReport((f"データファイルを検査できませんでした（壊れているとは限りません）: {detail}",))
    problems: list[str] = []
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=busy_timeout_ms / 1000)
        try:
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
        if fk:
            problems.append(f"参照先のないデータが {len(fk)} 件あります（例: 表 {fk[0][0]}）。")
    except sqlite3.Error as exc:
        if _busy(str(exc)):
            problems.append("データファイルを別のプログラムが使用中のため、検査を終えられませんでした。")
        else:
            problems.append(f"データファイルを検査できませんでした: {exc}")
    notes: list[str] = []
    if not os.access(path.parent, os.W_OK) or not os.access(path, os.W_OK):
        notes.append(
            "データファイルは書き込めない場所にあります（読み取り専用のフォルダやメディア）。壊れてはおらず、読むことはできますが、"
            "編集するには書き込める場所にコピーしてください。"
        )
    elif disk_full(path.parent):
        free = shutil.disk_usage(path.parent).free
        notes.append(
            f"データファイルのあるディスクの空き容量がありません（残り {free // 1024} KB）。壊れてはいませんが、"
            "このままでは保存できません。不要なファイルを削除して空きを作ってください。"
        )
    return CheckReport(tuple(problems), tuple(notes))


def check_database(target: str | Path, *, busy_timeout_ms: int = 3000) -> CheckReport:
    """Everything ``check`` says about a database; no problems means all is well."""
    # SQLAlchemy only here: the file checks above are what the backup module (and so the start) needs.
    from sakae_council.db.engine import (
        current_revision,
        head_revision,
        known_revisions,
        make_engine,
        server_error_from,
        sqlite_path,
        to_url,
    )

    url = to_url(target)
    path = sqlite_path(url)
    notes: tuple[str, ...] = ()
    if path is not None:
        found = _sqlite_checks(path, busy_timeout_ms)
        if found.problems:
            return found
        notes = found.notes
    engine = make_engine(url, read_only=path is not None)
    try:
        revision = current_revision(engine)
    except Exception as exc:  # the server refused or is unreachable; a file busy meanwhile
        if path is None:
            return CheckReport((server_error_from(exc, url).source_message,))
        if _busy(str(exc)):
            return CheckReport(
                ("データファイルを別のプログラムが使用中のため、スキーマの版を読めませんでした。",), notes
            )
        return CheckReport((f"スキーマの版を読めません: {exc}",), notes)
    finally:
        engine.dispose()
    head = head_revision()
    if revision is None:
        problem = (
            "スキーマの版が記録されていません（初期化されていないファイルです）。`init` を実行してください。"
        )
    elif revision not in known_revisions():
        problem = f"このファイルは新しい版のプログラムで作られています（スキーマ {revision}）。プログラムを更新してください。"
    elif revision != head:
        problem = f"スキーマが古い版です（{revision}、最新は {head}）。プログラムで開くと更新されます。"
    else:
        return CheckReport((), notes)
    return CheckReport((problem,), notes)


#: SQLite result codes that mean the bytes of the file are wrong (as opposed to busy, locked or I/O).
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def sqlite_uri(path: Path, mode: str) -> str:
    """A ``file:`` URI for sqlite3.connect(uri=True); percent-encodes ?, #, % and non-ASCII names.

    For ``mode="ro"`` on write-protected media, where SQLite could not create the WAL index beside a
    WAL-mode file, the file is opened as immutable (nobody can change it there anyway).
    """
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    if mode != "ro":
        return uri
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    elif disk_full(path.parent) and _wal_empty(path):
        # A full disk cannot grow the WAL index SQLite reads through; with nothing in the WAL the file
        # alone holds everything, and no one can write to it meanwhile (there is no space).
        uri += "&immutable=1"
    return uri


def disk_full(folder: Path) -> bool:
    """Too little space left beside a data file for SQLite to write anything (a save would fail)."""
    try:
        return shutil.disk_usage(folder).free < LOW_SPACE_BYTES
    except OSError:
        return False


def _wal_empty(path: Path) -> bool:
    try:
        return Path(f"{path}-wal").stat().st_size == 0
    except FileNotFoundError:
        return True
    except OSError:
        return False


@dataclass(frozen=True)
class FileHealth:
    """What a check of a SQLite file found: ``damaged`` means the bytes are wrong, not merely busy."""

    ok: bool
    damaged: bool
    problems: tuple[str, ...] = ()


def _is_damage(exc: sqlite3.Error) -> bool:
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(_DAMAGE_CODES):
        return True
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text


def assess_sqlite_file(path: Path, *, full: bool = False, busy_timeout_ms: int = 5000) -> FileHealth:
    """Run PRAGMA quick_check (or integrity_check) on ``path``, telling damage apart from busy or I/O errors.

    The connection is read-only: it sees what a crashed process left in the WAL, but neither checkpoints
    it into the main file nor deletes it, so a file found damaged is kept exactly as it was.
    """
    if not path.exists():
        return FileHealth(False, False, (f"ファイル「{path}」が見つかりません。",))
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
    except OSError as exc:
        return FileHealth(False, False, (f"ファイルを読めません: {exc.strerror or exc}",))
    if header and header != SQLITE_HEADER:
        return FileHealth(False, True, ("ファイルの先頭がデータファイルの形式ではありません。",))
    pragma = "integrity_check" if full else "quick_check"
    try:
        conn = sqlite3.connect(sqlite_uri(path, "ro"), uri=True, timeout=busy_timeout_ms / 1000)
    except sqlite3.Error as exc:
        return FileHealth(False, _is_damage(exc), (f"ファイルを開けません: {exc}",))
    try:
        conn.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
    except sqlite3.Error as exc:
        return FileHealth(False, _is_damage(exc), (f"データファイルを検査できません: {exc}",))
    finally:
        conn.close()
    if rows != ["ok"]:
        return FileHealth(False, True, tuple(rows[:5]))
    return FileHealth(True, False)
