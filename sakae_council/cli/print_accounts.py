"""``sakae-council print budget|settlement|cashbook|audit --district NAME --fiscal-year 令和8年度 -o FILE.pdf``
and ``print grant-settlement --grant ID -o FILE.pdf``.

Plugs into ``cli.printing.DOCUMENTS``; the paper is read and drawn by :mod:`sakae_council.reports.accounts_collect`, the same code
the 会計 page's print window uses, so the screen and the command line print the same paper.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: import the heavy parts only when printing
    from sakae_council.db.engine import Database

DESCRIPTIONS = {
    "budget": "協議会の収支予算書（本年度と前年度の予算額）をPDFにします。",
    "settlement": "協議会の収支決算書（予算額・決算額・増減、次年度繰越金）をPDFにします。",
    "cashbook": "協議会の出納帳（現金・預金ごと、残高と証憑番号つき）をPDFにします。",
    "audit": "監査報告書（監事二名の署名・押印欄つき）をPDFにします。",
    "grant-settlement": "補助金の収支精算書（交付決定額・実績額・差額・返還額）をPDFにします。",
}


def cli_configure(parser: argparse.ArgumentParser, name: str) -> None:
    """Options of the account papers."""
    parser.description = DESCRIPTIONS.get(name, "")
    if name == "grant-settlement":
        parser.add_argument("--grant", type=int, required=True, metavar="ID", help="補助金のID")
    else:
        parser.add_argument("--district", required=True, help="学区名（例: 安食小学校区、安食）")
        parser.add_argument(
            "--fiscal-year", required=True, metavar="FY", help="年度（例: 令和8年度、R8、2026）"
        )
    parser.add_argument("--date", help="印刷日（例: 令和9年4月20日、2027-04-20）。省略すると今日")


def cli_print(db: Database, args: argparse.Namespace, name: str) -> Path:
    """Write the paper ``name`` to ``args.output``; warns on stderr about characters no font can print."""
    from sakae_council.domain.wareki import parse_fiscal_year, parse_wareki
    from sakae_council.reports import accounts_collect
    from sakae_council.services.districts import district_id_by_name

    today = parse_wareki(args.date, field="date") if args.date else date.today()
    if name == "grant-settlement":
        doc = accounts_collect.collect(db, "grant", 0, 0, today=today, grant_id=args.grant)
    else:
        district_id = district_id_by_name(db, args.district)
        fy = parse_fiscal_year(args.fiscal_year)
        doc = accounts_collect.collect(db, name, district_id, fy, today=today)
    for problem in accounts_collect.problems(doc):
        print(f"注意: {problem}", file=sys.stderr)
    missing = doc.unprintable()
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: "
            + " ".join(missing)
            + "（IPAmj明朝をインストールすると印刷できます）",
            file=sys.stderr,
        )
    return accounts_collect.render(doc, args.output)
