"""Integrity checks of a database: file header, SQLite's own checks, foreign keys, schema revision."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER = b"SQLite format 3\x00"


def quick_check_sqlite(path: Path, *, full: bool = True) -> list[str]:
    """Problems SQLite itself finds in a file, in Japanese; empty when the file is sound."""
    problems: list[str] = []
    if not path.exists():
        return [f"ファイル「{path}」が見つかりません。"]
    with path.open("rb") as fh:
        if fh.read(16) != SQLITE_HEADER:
            return ["ファイルの先頭がSQLiteの形式ではありません（壊れているか、別の種類のファイルです）。"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return [f"ファイルを開けません: {exc}"]
    try:
        pragma = "integrity_check" if full else "quick_check"
        rows = [r[0] for r in conn.execute(f"PRAGMA {pragma}")]
        if rows != ["ok"]:
            problems.append("データベースの内部構造に異常があります: " + "; ".join(rows[:5]))
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            problems.append(f"参照先のないデータが {len(fk)} 件あります（例: 表 {fk[0][0]}）。")
    except sqlite3.DatabaseError as exc:
        problems.append(f"データベースが壊れています: {exc}")
    finally:
        conn.close()
    return problems


def check_database(target: str | Path) -> list[str]:
    """Every problem with a database, as Japanese sentences; an empty list means all is well."""
    # SQLAlchemy only here: the file checks above are what the backup module (and so the start) needs.
    from sqlalchemy import create_engine

    from sakae_council.db.engine import current_revision, head_revision, known_revisions, sqlite_path, to_url

    url = to_url(target)
    path = sqlite_path(url)
    if path is not None:
        problems = quick_check_sqlite(path)
        if problems:
            return problems
    engine = create_engine(url)
    try:
        revision = current_revision(engine)
    except Exception as exc:  # damaged beyond SQLite's checks, or the server is unreachable
        return [f"スキーマの版を読めません: {exc}"]
    finally:
        engine.dispose()
    head = head_revision()
    if revision is None:
        return [
            "スキーマの版が記録されていません（初期化されていないファイルです）。`init` を実行してください。"
        ]
    if revision not in known_revisions():
        return [
            f"このファイルは新しい版のプログラムで作られています（スキーマ {revision}）。プログラムを更新してください。"
        ]
    if revision != head:
        return [f"スキーマが古い版です（{revision}、最新は {head}）。プログラムで開くと更新されます。"]
    return []


#: SQLite result codes that mean the bytes of the file are wrong (as opposed to busy, locked or I/O).
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def sqlite_uri(path: Path, mode: str) -> str:
    """A ``file:`` URI for sqlite3.connect(uri=True); percent-encodes ?, #, % and non-ASCII names.

    For ``mode="ro"`` on write-protected media, where SQLite could not create the WAL index beside a
    WAL-mode file, the file is opened as immutable (nobody can change it there anyway).
    """
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    if mode == "ro" and not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


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
