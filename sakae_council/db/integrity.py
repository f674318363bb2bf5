"""Integrity checks of a database: file header, SQLite's own checks, foreign keys, schema revision."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from sakae_council.db.engine import (
    SQLITE_HEADER,
    current_revision,
    head_revision,
    known_revisions,
    sqlite_path,
    to_url,
)


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
        return ["スキーマの版が記録されていません（初期化されていないファイルです）。`init` を実行してください。"]
    if revision not in known_revisions():
        return [f"このファイルは新しい版のプログラムで作られています（スキーマ {revision}）。プログラムを更新してください。"]
    if revision != head:
        return [f"スキーマが古い版です（{revision}、最新は {head}）。プログラムで開くと更新されます。"]
    return []
