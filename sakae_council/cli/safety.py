"""Command-line backup and restore.

``sakae-council backup [-o FILE] [--list]`` and ``sakae-council restore FILE``; ``cli.main.EXTRA_MODULES``
finds ``configure_<name>`` / ``run_<name>`` here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sakae_council.domain.errors import DomainError
from sakae_council.paths import resolve_database
from sakae_council.services import backups


def configure_backup(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``backup``."""
    parser.description = (
        "データファイルのバックアップを作成します。既定の保存先はデータファイルと同じフォルダの backups/ で、"
        "古いものは世代管理で整理されます。画面で開いたままでも実行できます。"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE",
        help="このファイルに保存します（USBメモリなど。既存のファイルは上書きしません）",
    )
    parser.add_argument("--list", action="store_true", help="作成済みのバックアップを新しい順に表示します")
    parser.add_argument("--json", action="store_true", help="--list の結果をJSONで出力します")


def _line(b: backups.BackupDTO) -> str:
    return f"{b.taken_at_text}\t{b.reason_label}\t{b.summary_text}\t{b.path}"


def _as_json(b: backups.BackupDTO) -> dict[str, object]:
    return {
        "path": str(b.path),
        "taken_at": b.taken_at.isoformat(timespec="seconds"),
        "reason": b.reason,
        "size_bytes": b.size_bytes,
        "counts": dict(b.counts),
        "revision": b.revision,
        "problem": b.problem or None,
    }


def run_backup(args: argparse.Namespace) -> int:
    """``backup``: make one now, or list them."""
    target = resolve_database(args.db)
    if args.list:
        found = backups.list_backups(target)
        if args.json:
            json.dump([_as_json(b) for b in found], sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
            return 0
        for b in found:
            print(_line(b))
        print(f"（{len(found)}件）")
        return 0
    made = backups.backup_file(target, Path(args.output) if args.output else None)
    print(f"バックアップを作成しました: {made.path}")
    print(f"  日時: {made.taken_at_text}")
    print(f"  内容: {made.summary_text}")
    return 0


def configure_restore(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``restore``."""
    parser.description = (
        "バックアップからデータを復元します。今のデータは復元の直前にバックアップされ（壊れている場合は"
        "別名で残され）、消えることはありません。画面で開いている間は実行できません。"
    )
    parser.add_argument(
        "file", metavar="FILE", help="復元するバックアップのファイル（backup --list で確認できます）"
    )


def run_restore(args: argparse.Namespace) -> int:
    """``restore FILE``: replace the data file's contents with the backup's."""
    if getattr(args, "read_only", False):
        raise DomainError("読み取り専用（--read-only）では復元できません。--read-only を外してください。")
    target = resolve_database(args.db)
    result = backups.restore_backup(target, Path(args.file))
    restored = backups.describe_backup(result.restored_from)
    print(f"復元しました: {restored.taken_at_text} のバックアップ（{result.restored_from}）")
    print(f"  内容: {restored.summary_text}")
    if result.safety_backup is not None:
        print(f"復元前のデータは次のファイルに保存してあります: {result.safety_backup}")
    if result.moved_aside is not None:
        print(f"壊れていた元のファイルは次の名前で残してあります: {result.moved_aside}")
    return 0
