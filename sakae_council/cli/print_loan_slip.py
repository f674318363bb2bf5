"""``sakae-council print loan-slip --loan ID [--date DATE] -o FILE.pdf``: the 資機材貸出票 of one loan."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import parse_wareki
from sakae_council.reports.loan_slip import collect_loan_slip, render_loan_slip, unprintable_characters


def cli_configure(parser: argparse.ArgumentParser, name: str = "loan-slip") -> None:
    """Options of ``print loan-slip``."""
    parser.add_argument(
        "--loan", type=int, required=True, help="貸出番号（sakae-council の資機材の画面に出る番号）"
    )
    parser.add_argument("--date", help="発行日（例: 2026-11-28、令和8年11月28日）。省略すると今日")


def cli_print(db: Database, args: argparse.Namespace, name: str = "loan-slip") -> Path:
    """Write the slip to ``args.output``; warns on stderr about characters no font can print."""
    today = parse_wareki(args.date, field="date") if args.date else date.today()
    slip = collect_loan_slip(db, args.loan, today)
    missing = unprintable_characters(slip.texts())
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: " + " ".join(missing),
            file=sys.stderr,
        )
    return render_loan_slip(slip, args.output)
