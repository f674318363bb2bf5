"""``sakae-council print manual [--edition N] -o FILE.pdf`` — the 協働マニュアル booklet.

Without ``--edition`` the current text is printed (marked 未発行の原稿); with it, the frozen text of
第N版 exactly as published.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sakae_council.db.engine import Database


def _edition(value: str) -> int:
    text = value.strip().removeprefix("第").removesuffix("版")
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"版の番号は数字で指定してください（例: --edition 1）: {value}"
        ) from None
    if number < 1:
        raise argparse.ArgumentTypeError("版の番号は1以上で指定してください。")
    return number


def cli_configure(parser: argparse.ArgumentParser, name: str) -> None:
    """Options of ``print manual``."""
    parser.add_argument(
        "--edition",
        type=_edition,
        metavar="N",
        help="発行済みの第N版を印刷します（省略すると、今の原稿を「未発行の原稿」として印刷）",
    )


def cli_print(db: Database, args: argparse.Namespace, name: str) -> Path:
    """Write the booklet PDF to ``args.output``; returns its path."""
    from sakae_council.reports.manual_booklet import collect_booklet, render_booklet, unprintable_characters

    doc = collect_booklet(db, args.edition)
    missing = unprintable_characters(doc.texts())
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: "
            + " ".join(missing)
            + "（IPAmj明朝をインストールすると印刷できます）",
            file=sys.stderr,
        )
    return render_booklet(doc, args.output)
