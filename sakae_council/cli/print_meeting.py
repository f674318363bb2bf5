"""`sakae-council print agenda|signin|minutes` — the papers of one meeting from the command line.

The meeting is named by its id (``print minutes 12 -o x.pdf`` or ``--meeting 12``; ids come from
``list meetings --json``) or by body, 年度 and 第N回 (``--body 安食 --fiscal-year 令和8 --number 3``).
Minutes print as they stand when still a draft (marked 下書き) and as the latest 確定 revision
otherwise; ``--revision N`` prints an earlier one.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the parser is built on every start: import the heavy parts only when printing
    from sakae_council.db.engine import Database
    from sakae_council.services.meeting_dto import MeetingDetailDTO
    from sakae_council.services.minutes_snapshot import RevisionDTO


def cli_configure(parser: argparse.ArgumentParser, name: str) -> None:
    parser.description = {
        "agenda": "会議の次第をPDFにします。",
        "signin": "会議の出席簿（署名欄つき）をPDFにします。",
        "attendance": "会議の出席簿（署名欄つき）をPDFにします。",
        "minutes": "会議の議事録（議長・議事録署名人の署名欄つき）をPDFにします。",
    }.get(name, "")
    parser.add_argument(
        "meeting_id",
        nargs="?",
        type=int,
        metavar="MEETING_ID",
        help="会議のID（list meetings --json で確認）",
    )
    parser.add_argument("--meeting", type=int, metavar="ID", help="会議のID（MEETING_ID と同じ）")
    parser.add_argument(
        "--body", metavar="NAME", help="会議体の名前（例: 安食小学校区、地域まちづくり連絡会）"
    )
    parser.add_argument("--fiscal-year", metavar="FY", help="年度（例: 令和8年度、R8、2026）")
    parser.add_argument("--number", type=int, metavar="N", help="第N回")
    if name == "minutes":
        parser.add_argument("--revision", type=int, metavar="N", help="確定した議事録の第N版（既定: 最新）")


def _meeting_id(db: Database, args: argparse.Namespace) -> int:
    from sakae_council.domain.errors import ValidationError
    from sakae_council.domain.wareki import parse_fiscal_year
    from sakae_council.services import meeting_queries

    given = [x for x in (args.meeting_id, args.meeting) if x is not None]
    if given:
        if len(set(given)) > 1:
            raise ValidationError("meeting", "会議のIDが二通り指定されています。どちらか一つにしてください。")
        return given[0]
    if not (args.body and args.fiscal_year and args.number):
        raise ValidationError(
            "meeting",
            "会議を指定してください: 会議のID（list meetings --json で確認）か、--body・--fiscal-year・--number の三つです。",
        )
    body = meeting_queries.find_body(db, args.body)
    fy = parse_fiscal_year(args.fiscal_year)
    return meeting_queries.find_meeting(db, body.id, fy, args.number).id


def cli_quick_print(args: argparse.Namespace, name: str) -> Path | None:
    """The paper of a meeting named by its id, read without SQLAlchemy (services/minutes_read.py) when the
    file allows it; None: print it the full way (:func:`cli_print`)."""
    from sakae_council.paths import resolve_database
    from sakae_council.services.minutes_read import read_meeting

    given = {x for x in (args.meeting_id, args.meeting) if x is not None}
    if len(given) != 1:
        return None
    found = read_meeting(
        resolve_database(args.db),
        given.pop(),
        minutes=name == "minutes",
        revision=getattr(args, "revision", None),
    )
    if found is None:
        return None
    detail, revisions = found
    return _write(detail, revisions, args, name)


def cli_print(db: Database, args: argparse.Namespace, name: str) -> Path:
    """Write the document ``name`` of the chosen meeting to ``args.output``; returns the path."""
    from sakae_council.reports import meeting_docs
    from sakae_council.services import meetings

    meeting_id = _meeting_id(db, args)
    revisions: list[RevisionDTO] = []
    if name == "minutes":
        detail, revisions = meeting_docs.collect_minutes(db, meeting_id, getattr(args, "revision", None))
    else:
        detail = meetings.get_meeting(db, meeting_id)
    return _write(detail, revisions, args, name)


def _write(
    detail: MeetingDetailDTO, revisions: list[RevisionDTO], args: argparse.Namespace, name: str
) -> Path:
    from sakae_council.reports import meeting_docs

    for label, chars in meeting_docs.unprintable_fields(detail):
        print(
            f"注意: {label}の文字 {' '.join(chars)} は、この機械の字形では印刷できず空白になります。",
            file=sys.stderr,
        )
    output = Path(args.output)
    if name == "agenda":
        return meeting_docs.build_agenda(detail, output)
    if name in ("signin", "attendance"):
        return meeting_docs.build_signin(detail, output)
    return meeting_docs.build_minutes(detail, output, revisions=revisions)
