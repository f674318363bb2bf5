"""``sakae-council print summary [--fy 2026 | --from DATE --to DATE] [--date DATE] [--full-annex] -o FILE.pdf``.

Plugs into ``cli.printing.DOCUMENTS`` as "summary": ``cli_configure`` adds the options (``-o`` and ``--db``
come from there), ``cli_print`` writes the 連絡会まとめ PDF and returns its path. Without a year or a period
the current fiscal year is printed. A DomainError (an unreadable year or date) reaches the CLI, which
prints its Japanese message. The annex lists its share of the items the lists cut (all of them at a town's
size); ``--full-annex`` lists every one, after saying on stderr how many pages that takes.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year, parse_fiscal_year, parse_wareki
from sakae_council.reports.fonts import unprintable_characters
from sakae_council.reports.liaison_summary import (
    collect_summary,
    full_annex_pages,
    render_summary,
    summary_texts,
)
from sakae_council.services.liaison import Period


def cli_configure(parser: argparse.ArgumentParser, name: str = "summary") -> None:
    """Options of ``print summary``."""
    parser.add_argument(
        "--fiscal-year",
        "--fy",
        dest="fiscal_year",
        metavar="年度",
        help="年度（例: 2026、令和8年度、R8）。--from/--to も省略すると今年度",
    )
    parser.add_argument(
        "--from", dest="date_from", metavar="日付", help="期間の初日（例: 2026-04-01、令和8年4月1日）"
    )
    parser.add_argument(
        "--to", dest="date_to", metavar="日付", help="期間の最終日（例: 2026-09-30、令和8年9月30日）"
    )
    parser.add_argument(
        "--date",
        metavar="日付",
        help="この日現在で数えます（例: 2026-11-28）。省略すると今日。テストや作り直しに使います",
    )
    parser.add_argument(
        "--full-annex",
        action="store_true",
        help="付録に、一覧で「ほか○件」とした項目をすべて載せます（項目が多いと数千ページになります）",
    )


def period_from_args(args: argparse.Namespace, today: date) -> Period:
    """The fiscal year or period the options name (the current fiscal year when none)."""
    if args.fiscal_year and (args.date_from or args.date_to):
        raise ValidationError(
            "fiscal_year", "年度（--fy）と期間（--from/--to）は、どちらか一方だけを指定してください。"
        )
    if args.fiscal_year:
        return Period.for_fiscal_year(parse_fiscal_year(args.fiscal_year, field="fiscal_year"))
    if args.date_from or args.date_to:
        start = parse_wareki(args.date_from, field="from") if args.date_from else None
        end = parse_wareki(args.date_to, field="to") if args.date_to else None
        return Period.between(start, end)
    return Period.for_fiscal_year(fiscal_year(today))


def cli_print(db: Database, args: argparse.Namespace, name: str = "summary") -> Path:
    """Write the summary PDF to ``args.output``; warns on stderr about characters no font can print."""
    today = parse_wareki(args.date, field="date") if args.date else date.today()
    full = bool(getattr(args, "full_annex", False))
    summary = collect_summary(db, period_from_args(args, today), today, full_annex=full)
    if full and summary.cut_items:
        print(
            f"注意: 付録に{summary.cut_items:,}件をすべて載せます。付録だけで約{full_annex_pages(summary):,}ページになり、"
            "作るのに時間がかかります。",
            file=sys.stderr,
        )
    elif summary.left_out:
        print(
            f"付録には各一覧の{summary.annex_share or 0}件までを載せ、{summary.left_out:,}件は省きました"
            f"（すべて載せるには --full-annex。付録だけで約{full_annex_pages(summary):,}ページ）。",
            file=sys.stderr,
        )
    missing = unprintable_characters(summary_texts(summary))
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: "
            + " ".join(missing)
            + "（IPAmj明朝をインストールすると印刷できます）",
            file=sys.stderr,
        )
    return render_summary(summary, args.output)
