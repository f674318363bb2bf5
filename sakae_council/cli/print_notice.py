"""``print notice MEETING_ID [--people all|unreplied] -o F.pdf`` and
``print labels MEETING_ID|--district NAME [--sheet 12|24] [--start N] -o F.pdf``.

Plugs into ``cli.printing.DOCUMENTS`` as the meeting papers do. People without an address are named on
stderr (the notice also lists them on its last page); ``--no-address`` prints the letters with the
name alone, for handing out.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: import the heavy parts only when printing
    from sakae_council.db.engine import Database


def cli_configure(parser: argparse.ArgumentParser, name: str) -> None:
    """Options of ``print notice`` and ``print labels``."""
    parser.add_argument(
        "meeting_id",
        nargs="?",
        type=int,
        metavar="MEETING_ID",
        help="会議のID（list meetings --json で確認）",
    )
    if name == "notice":
        parser.description = "会議の開催通知（出欠票つき、1人1枚）をPDFにします。"
        parser.add_argument(
            "--people",
            choices=("all", "unreplied"),
            default="all",
            help="all: 全員（既定）、unreplied: 未回答の方だけ",
        )
        parser.add_argument("--date", help="発行日（例: 2026-11-28、令和8年11月28日）。省略すると今日")
        parser.add_argument("--reply-by", help="回答期限。省略すると開催日の1週間前")
        parser.add_argument(
            "--no-address", action="store_true", help="宛名に住所を載せず、氏名だけにします（手渡し用）"
        )
    else:
        parser.description = "宛名ラベル（A4 12面・24面）をPDFにします。会議の出席予定者か、学区の全員です。"
        parser.add_argument(
            "--district", metavar="NAME", help="学区名（例: 安食小学校区、安食）。会議の代わりに学区の全員"
        )
        parser.add_argument(
            "--people",
            choices=("all", "unreplied"),
            default="all",
            help="会議のとき: all（既定）か unreplied",
        )
        parser.add_argument(
            "--sheet", type=int, choices=(12, 24), default=12, help="ラベル用紙の面数（既定: 12）"
        )
        parser.add_argument(
            "--start", type=int, default=1, metavar="N", help="最初に使うラベルの位置（左上が1）"
        )
        parser.add_argument(
            "--order",
            choices=("postal", "kana"),
            default="postal",
            help="postal: 郵便番号順（既定）、kana: 五十音順",
        )
        parser.add_argument(
            "--top", type=float, metavar="MM", help="用紙の上余白（mm）。省略すると用紙の標準"
        )
        parser.add_argument(
            "--left", type=float, metavar="MM", help="用紙の左余白（mm）。省略すると用紙の標準"
        )


def _warn(names: list[str], what: str) -> None:
    if names:
        print(f"注意: 住所が登録されていない方には{what}: " + "、".join(names), file=sys.stderr)


def _warn_glyphs(missing: list[str]) -> None:
    if missing:
        print(
            "注意: 次の文字は印刷できる字形がないため、PDFでは空白になります: "
            + " ".join(missing)
            + "（IPAmj明朝をインストールすると印刷できます）",
            file=sys.stderr,
        )


def cli_print(db: Database, args: argparse.Namespace, name: str) -> Path:
    """Write the notice or the labels to ``args.output``; returns the path."""
    from datetime import date

    from sakae_council.domain.errors import ValidationError
    from sakae_council.domain.wareki import parse_wareki

    if name == "notice":
        from sakae_council.reports.meeting_notice import collect_notice, render_notice, unprintable_characters

        if args.meeting_id is None:
            raise ValidationError(
                "meeting", "会議のIDを指定してください（list meetings --json で確認できます）。"
            )
        issued = parse_wareki(args.date, field="date") if args.date else date.today()
        reply_by = parse_wareki(args.reply_by, field="reply_by") if args.reply_by else None
        doc = collect_notice(
            db,
            args.meeting_id,
            issued_on=issued,
            reply_by=reply_by,
            people=args.people,
            addresses=not args.no_address,
        )
        _warn(
            [i.name for i in doc.unaddressed], "通知を印刷していません（PDFの最後のページに一覧があります）"
        )
        _warn_glyphs(unprintable_characters(doc.texts()))
        return render_notice(doc, args.output)

    from sakae_council.reports.address_labels import make_labels, render_labels, unprintable_characters
    from sakae_council.services import meeting_replies
    from sakae_council.services.districts import district_id_by_name

    if (args.meeting_id is None) == (args.district is None):
        raise ValidationError("meeting", "会議のIDか --district の学区名の、どちらか一つを指定してください。")
    if args.district is not None:
        people = meeting_replies.district_addressees(db, district_id_by_name(db, args.district), date.today())
    else:
        people = meeting_replies.meeting_addressees(db, args.meeting_id, args.people)
    labels = make_labels(
        meeting_replies.sort_addressees(people, args.order),
        sheet=args.sheet, start=args.start, top=args.top, left=args.left,
    )  # fmt: skip
    _warn([a.name for a in labels.unaddressed], "ラベルを作っていません")
    _warn_glyphs(unprintable_characters(labels.texts()))
    return render_labels(labels, args.output)
