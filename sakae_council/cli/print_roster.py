"""``sakae-council print roster [--district NAME] [--no-contacts] [--date DATE] -o FILE.pdf``.

Plugs into ``cli.printing.DOCUMENTS``: ``cli_configure`` adds the roster's options (``-o`` and ``--db``
come from there), ``cli_print`` writes the PDF and returns its path. A DomainError (an unknown
district, an unreadable date) reaches the CLI, which prints its Japanese message.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.wareki import parse_wareki
from sakae_council.reports.roster import collect_roster, render_roster, unprintable_characters
from sakae_council.services.districts import district_id_by_name


def cli_configure(parser: argparse.ArgumentParser, name: str = "roster") -> None:
    """Options of ``print roster``."""
    parser.add_argument("--district", help="学区名（例: 安食小学校区、安食）。省略すると全学区")
    parser.add_argument(
        "--no-contacts", action="store_true", help="住所・電話・メールを載せない配布用の名簿にします"
    )
    parser.add_argument(
        "--date", help="この日に任期中の人を載せます（例: 2026-11-28、令和8年11月28日）。省略すると今日"
    )


def cli_print(db: Database, args: argparse.Namespace, name: str = "roster") -> Path:
    """Write the roster PDF to ``args.output``; warns on stderr about characters no font can print."""
    today = parse_wareki(args.date, field="date") if args.date else date.today()
    district_id = district_id_by_name(db, args.district) if args.district else None
    doc = collect_roster(db, district_id=district_id, contacts=not args.no_contacts, today=today)
    missing = unprintable_characters(doc.texts())
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: "
            + " ".join(missing)
            + "（IPAmj明朝をインストールすると印刷できます）",
            file=sys.stderr,
        )
    return render_roster(doc, args.output)
