"""Command-line import and export.

``sakae-council import members FILE [--district NAME] [--dry-run] [--skip-invalid] [--json]`` and
``sakae-council export members|organisations|issues|projects|meetings --format csv|xlsx
[--encoding cp932] [--district NAME] [--no-contacts] -o FILE``; ``cli.main.EXTRA_MODULES`` finds
``configure_<name>`` / ``run_<name>`` here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sakae_council.domain.errors import DomainError
from sakae_council.paths import resolve_database

#: The terminal lists at most this many problems of an import (``--json`` gives them all).
SHOWN_PROBLEMS = 50


def configure_import(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``import``."""
    parser.description = (
        "名簿をCSV（UTF-8・Shift_JIS・UTF-16）またはExcel（.xlsx）から取り込みます。表題の行は飛ばし、見出しから列を判断します。"
        "誤りのある行があると1件も取り込みません（--skip-invalid で正しい行だけ取り込みます）。取り込む直前にバックアップを作成します。"
        "上限は100,000行・200列・30MBです。画面には問題を50件まで表示します（--json ならすべて）。"
    )
    parser.add_argument("what", choices=["members"], help="取り込むもの（members: 名簿）")
    parser.add_argument("file", metavar="FILE", help="CSVまたは.xlsxのファイル")
    parser.add_argument("--district", help="取り込み先の学区（ファイルに学区の列がなければ必須）")
    parser.add_argument("--sheet", help="Excelファイルのシート名（省略すると最初のシート）")
    parser.add_argument(
        "--dry-run", action="store_true", help="取り込まずに、結果だけを表示します（誤りがあれば終了コード1）"
    )
    parser.add_argument(
        "--skip-invalid", action="store_true", help="誤りのある行と重複している行を除いて取り込みます"
    )
    parser.add_argument(
        "--json", action="store_true", help="結果をJSONで出力します（取り込んだ行・除いた行と理由）"
    )


def run_import(args: argparse.Namespace) -> int:
    """``import members FILE``: 0 when the dry run is clean or the import was committed, else 1."""
    from sakae_council.cli.main import open_for_reading
    from sakae_council.db.engine import open_database
    from sakae_council.services.importing import import_members

    if getattr(args, "read_only", False) and not args.dry_run:
        raise DomainError(
            "読み取り専用（--read-only）では取り込めません。確認だけなら --dry-run を付けてください。"
        )
    db = open_for_reading(args) if args.dry_run else open_database(resolve_database(args.db), create=False)
    try:
        report = import_members(
            db,
            Path(args.file),
            district=args.district,
            dry_run=args.dry_run,
            skip_invalid=args.skip_invalid,
            sheet=args.sheet,
        )
    finally:
        db.close()
    if args.json:
        sys.stdout.write(report.to_json() + "\n")
    else:
        where = f"{report.header_line}行目" + (f"（シート「{report.sheet}」）" if report.sheet else "")
        print(
            f"見出し: {where}  列: " + "、".join(f"{h or '?'}→{label}" for _, h, _, label in report.columns)
        )
        problems = [(r, issue) for r in report.rejected for issue in r.issues]
        for r, issue in problems[:SHOWN_PROBLEMS]:
            print(f"{r.where} {r.name or '（氏名なし）'}: {issue.label} — {issue.message}")
        if len(problems) > SHOWN_PROBLEMS:
            print(
                f"…ほかに {len(problems) - SHOWN_PROBLEMS} 件の問題があります（すべて見るには --json を付けてください）。"
            )
        for note in report.notes:
            print(note)
        if report.dry_run:
            print(
                f"確認のみ（取り込んでいません）: 取り込める行 {report.valid}、取り込めない行 {len(report.rejected)}"
            )
        elif report.committed:
            print(f"{report.imported}人を取り込みました。取り込まなかったもの: {len(report.rejected)}件")
            if report.backup:
                print(f"取り込み前のデータは次のファイルに保存してあります: {report.backup}")
        print(report.account())
    if report.dry_run:
        return 1 if report.rejected else 0
    return 0 if report.committed else 1


def configure_export(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``export``."""
    parser.description = (
        "一覧をCSV（Excel用のUTF-8、または Shift_JIS）か Excel（.xlsx）に書き出します。"
        "数式として実行されるおそれのあるセルは文字として書き出します。"
    )
    parser.add_argument("what", choices=["members", "organisations", "issues", "projects", "meetings"])
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="形式（既定: csv）")
    parser.add_argument(
        "--encoding",
        choices=["utf-8", "cp932"],
        default="utf-8",
        help="CSVの文字コード（既定: BOM付きUTF-8）",
    )
    parser.add_argument("--district", help="学区名（例: 安食小学校区）")
    parser.add_argument(
        "--no-contacts", action="store_true", help="住所・電話・メール・備考を書き出しません（配布用）"
    )
    parser.add_argument("-o", "--output", required=True, help="書き出すファイル")


def run_export(args: argparse.Namespace) -> int:
    """``export KIND -o FILE``."""
    from sakae_council.db.engine import open_database
    from sakae_council.services.exporting import KINDS, export_list

    db = open_database(resolve_database(args.db), create=False, read_only=True)
    try:
        n = export_list(
            db,
            args.what,
            Path(args.output),
            fmt=args.format,
            encoding=args.encoding,
            district=args.district,
            contacts=not args.no_contacts,
            on_cleaned=lambda cells: print(
                f"注意: Excelに書けない制御文字を含むセルが{cells}個あったため、その文字を除いて書き出しました。",
                file=sys.stderr,
            ),
        )
    finally:
        db.close()
    print(f"{KINDS[args.what]}を{n}行書き出しました: {args.output}")
    return 0
