"""``sakae-council print roster [--district NAME] [--no-contacts] -o FILE.pdf`` — the roster PDF.

For cli.py to register under its ``print`` command: ``configure_print_roster(parser)`` adds the options
to the ``roster`` sub-parser, ``print_roster_command(args)`` runs it (``args.db`` as everywhere).
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from sakae_council.paths import resolve_database


def configure_print_roster(parser: argparse.ArgumentParser) -> None:
    """Options of ``print roster``."""
    parser.add_argument("--district", help="学区名（例: 安食小学校区）。省略すると全学区")
    parser.add_argument("--no-contacts", action="store_true", help="住所・電話・メールを載せない配布用の名簿にします")
    parser.add_argument("--date", help="この日に任期中の人を載せます（例: 2026-11-28、令和8年11月28日）。省略すると今日")
    parser.add_argument("-o", "--output", required=True, help="書き出すPDFファイル")


def print_roster_command(args: argparse.Namespace) -> int:
    """Write the roster PDF; returns the exit code (1 with a Japanese message on a DomainError)."""
    from sakae_council.db.engine import open_database
    from sakae_council.domain.errors import DomainError
    from sakae_council.domain.wareki import parse_wareki
    from sakae_council.reports.roster import collect_roster, render_roster, unprintable_characters
    from sakae_council.services.districts import district_id_by_name

    try:
        db = open_database(resolve_database(getattr(args, "db", None)), create=False, read_only=False, user="cli")
    except DomainError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
        return 1
    try:
        today = parse_wareki(args.date, field="date") if args.date else date.today()
        district_id = district_id_by_name(db, args.district) if args.district else None
        doc = collect_roster(db, district_id=district_id, contacts=not args.no_contacts, today=today)
        missing = unprintable_characters(doc.texts())
        if missing:
            print(
                "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: " + " ".join(missing)
                + "（IPAmj明朝をインストールすると印刷できます）",
                file=sys.stderr,
            )
        path = render_roster(doc, args.output)
    except DomainError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"エラー: PDFを書き出せませんでした（{exc.strerror or exc}）。保存先を確かめてください。", file=sys.stderr)
        return 1
    finally:
        db.close()
    print(f"名簿を書き出しました: {path}（{doc.member_count}名）")
    return 0
