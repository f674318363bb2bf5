"""Command-line 会計: ``sakae-council accounts list|export --district NAME --fiscal-year 令和8年度``.

``list`` prints the 出納帳 (``--json``: the book, its balances and every entry; the format is in the README);
``export`` writes it to CSV (BOM付きUTF-8 or Shift_JIS) or Excel with ``-o FILE``. Both only read the data.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from sakae_council.domain.errors import DomainError


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``accounts``."""
    parser.description = "協議会の会計（出納帳）を表示・書き出します。学区と年度（例: 令和8年度、R8、2026）を指定してください。"
    parser.add_argument(
        "action", choices=["list", "export"], help="list: 出納帳を表示 / export: ファイルに書き出し"
    )
    parser.add_argument("--district", required=True, help="学区名（例: 安食小学校区）")
    parser.add_argument("--fiscal-year", required=True, help="年度（例: 令和8年度）")
    parser.add_argument(
        "--account", choices=["cash", "bank"], help="list: 現金（cash）か預金（bank）だけを表示"
    )
    parser.add_argument("--json", action="store_true", help="list: JSONで出力します（形式はREADMEを参照）")
    parser.add_argument("--format", choices=["csv", "xlsx"], default="csv", help="export: 形式（既定: csv）")
    parser.add_argument(
        "--encoding",
        choices=["utf-8", "cp932"],
        default="utf-8",
        help="export: CSVの文字コード（既定: BOM付きUTF-8）",
    )
    parser.add_argument("-o", "--output", help="export: 書き出すファイル")


def _entry_json(e: Any) -> dict[str, Any]:
    return {
        "voucher_no": e.voucher_no,
        "date": e.entry_date.isoformat(),
        "subject": e.subject_name,
        "kind": e.subject_kind.value if e.subject_kind is not None else "transfer",
        "description": e.description,
        "counterparty": e.counterparty,
        "account": e.account.value,
        "income": e.income,
        "expense": e.expense,
        "balance": e.balance,
        "cancels_voucher_no": e.cancels_voucher_no,
        "cancelled_by_voucher_no": e.cancelled_by_voucher_no,
        "project": e.project_title or None,
        "grant_id": e.grant_id,
        "overspend_reason": e.overspend_reason or None,
        "locked": e.locked,
    }


def run(args: argparse.Namespace) -> int:
    """``accounts list|export``: 0 when done; a DomainError (exit code 1) names what is wrong."""
    from sakae_council.cli.main import open_for_reading
    from sakae_council.services import accounts

    if args.action == "export" and not args.output:
        raise DomainError("書き出すファイルを -o で指定してください（例: -o 出納帳.csv）。")
    db = open_for_reading(args)
    try:
        book = accounts.book_by_names(db, args.district, args.fiscal_year)
        if args.action == "export":
            n = accounts.export_book(db, book.id, Path(args.output), fmt=args.format, encoding=args.encoding)
            print(
                f"{book.district_name} {book.fiscal_year_label}の出納帳を{n}行書き出しました: {args.output}"
            )
            return 0
        entries = accounts.list_entries(db, book.id, account=args.account)
        balances = accounts.balances(db, book.id)
    finally:
        db.close()
    if args.json:
        payload = {
            "district": book.district_name,
            "council": book.council_name,
            "fiscal_year": book.fiscal_year,
            "fiscal_year_label": book.fiscal_year_label,
            "status": book.status.value,
            "carryover": book.carryover,
            "balances": [
                {
                    "account": b.account.value,
                    "opening": b.opening,
                    "income": b.income,
                    "expense": b.expense,
                    "closing": b.closing,
                }
                for b in balances
            ],
            "entries": [_entry_json(e) for e in entries],
        }
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    print(f"{book.district_name} {book.fiscal_year_label}（{book.status.label}）")
    for e in entries:
        sign = "△" if e.is_correction else ""  # a 訂正 counts against its column, written as 会計 does
        amount = f"収入 {sign}{e.income:,}" if e.income else f"支出 {sign}{e.expense:,}"
        print(
            f"{e.voucher_no}\t{e.entry_date.isoformat()}\t{e.subject_name}\t{e.description}\t"
            f"{e.account.label}\t{amount}\t残高 {e.balance:,}"
        )
    for b in balances:
        print(
            f"{b.account.label}: 前年度繰越 {b.opening:,} + 収入 {b.income:,} − 支出 {b.expense:,} = 残高 {b.closing:,}"
        )
    print(f"（{len(entries)}件）")
    return 0
