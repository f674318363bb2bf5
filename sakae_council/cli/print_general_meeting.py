"""``sakae-council print general-meeting|commission|handover --district NAME ... -o FILE.pdf``.

* ``general-meeting --fiscal-year 令和8年度`` — the 総会議案書 of the council for that 年度 (with the
  secretary's kept edits of each 議案);
* ``commission --date 2027-04-01 [--thanks] [--issuer council|town]`` — 委嘱状 for every seat starting on
  that date (the changeover's date), and with ``--thanks`` 感謝状 for those who left the day before;
* ``handover`` — the 引継ぎ資料 for the council's incoming officers.

Plugs into ``cli_print.DOCUMENTS`` like the other papers; a DomainError (an unknown district, an
unreadable date or year) reaches the CLI, which prints its Japanese message.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: import the heavy parts only when printing
    from sakae_council.db.engine import Database


def cli_configure(parser: argparse.ArgumentParser, name: str) -> None:
    """Options of ``print general-meeting``, ``print commission`` and ``print handover``."""
    parser.add_argument("--district", required=True, help="学区名（例: 安食小学校区、安食）")
    if name == "general-meeting":
        parser.add_argument(
            "--fiscal-year", dest="fiscal_year", help="報告する年度（例: 令和8年度、2026）。省略すると今年度"
        )
        parser.add_argument(
            "--date", help="印刷日（例: 2027-04-20）。この日までの会議と、この日の委員を載せます"
        )
    elif name == "commission":
        parser.add_argument(
            "--date", required=True, help="任期の始まる日＝役員改選を適用した日（例: 2027-04-01）"
        )
        parser.add_argument("--thanks", action="store_true", help="前日に退任した人への感謝状も印刷します")
        parser.add_argument(
            "--issuer",
            choices=("council", "town"),
            default="council",
            help="発行者: council=協議会会長（既定）、town=栄町長",
        )
    else:
        parser.add_argument("--date", help="作成日（例: 2027-04-01）。省略すると今日")


def _warn(texts: list[str]) -> None:
    from sakae_council.reports.fonts import unprintable_characters

    missing = unprintable_characters(texts)
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: "
            + " ".join(missing)
            + "（IPAmj明朝をインストールすると印刷できます）",
            file=sys.stderr,
        )


def cli_print(db: Database, args: argparse.Namespace, name: str) -> Path:
    """Write the paper ``name`` to ``args.output``; returns its path."""
    from sakae_council.domain.wareki import fiscal_year, parse_fiscal_year, parse_wareki
    from sakae_council.services.districts import district_id_by_name

    district_id = district_id_by_name(db, args.district)
    day = parse_wareki(args.date, field="date") if args.date else date.today()
    if name == "general-meeting":
        from sakae_council.reports.general_meeting import collect_pack, render_pack

        fy = parse_fiscal_year(args.fiscal_year) if args.fiscal_year else fiscal_year(day)
        pack = collect_pack(db, district_id, fy, today=day)
        _warn(pack.texts())
        return render_pack(pack, args.output)
    if name == "commission":
        from sakae_council.reports.commission import render_commissions
        from sakae_council.services.seats import commission_batch

        batch = commission_batch(db, district_id, day)
        _warn([batch.council_name, batch.chair_name, *(x.name for x in batch.letters + batch.thanks)])
        if not batch.letters:
            print(f"注意: {args.date} に始まる任期の委嘱はありません。", file=sys.stderr)
        return render_commissions(batch, args.output, thanks=args.thanks, issuer=args.issuer)
    from sakae_council.reports.handover import collect_handover, render_handover

    doc = collect_handover(db, district_id, today=day)
    _warn(doc.texts())
    return render_handover(doc, args.output)
