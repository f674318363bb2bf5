"""`sakae-council print <document> ... -o FILE.pdf`: every printable document, one sub-subcommand each.

A document plugs in by adding an entry to ``DOCUMENTS``: a module ``sakae_council/cli/print_<paper>.py`` exposing
``cli_configure(parser)`` (its own options; ``-o/--output`` and the database are added here) and
``cli_print(db, args) -> Path`` (writes the PDF and returns its path); optionally ``cli_quick_print(args,
name) -> Path | None``, which prints without opening the file the full way when it can (None: it cannot,
and ``cli_print`` runs). Modules are imported only when the command runs, so the CLI stays quick to start.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

#: document name -> (module, help text)
DOCUMENTS: dict[str, tuple[str, str]] = {
    "roster": ("sakae_council.cli.print_roster", "名簿（学区ごと、五十音順）"),
    "agenda": ("sakae_council.cli.print_meeting", "会議の次第"),
    "signin": ("sakae_council.cli.print_meeting", "出席簿（署名欄つき）"),
    "attendance": ("sakae_council.cli.print_meeting", "出席簿（signin と同じ）"),
    "minutes": ("sakae_council.cli.print_meeting", "議事録（署名人の署名欄つき）"),
    "notice": ("sakae_council.cli.print_notice", "会議の開催通知（出欠票つき、1人1枚）"),
    "labels": ("sakae_council.cli.print_notice", "宛名ラベル（A4 12面・24面）"),
    "manual": ("sakae_council.cli.print_manual", "協働マニュアルの冊子"),
    "summary": ("sakae_council.cli.print_summary", "連絡会向けの全学区まとめ"),
    "loan-slip": ("sakae_council.cli.print_loan_slip", "資機材の貸出票"),
    "budget": ("sakae_council.cli.print_accounts", "協議会の収支予算書"),
    "settlement": ("sakae_council.cli.print_accounts", "協議会の収支決算書"),
    "cashbook": ("sakae_council.cli.print_accounts", "協議会の出納帳（現金・預金）"),
    "audit": ("sakae_council.cli.print_accounts", "監査報告書（監事の署名欄つき）"),
    "grant-settlement": ("sakae_council.cli.print_accounts", "補助金の収支精算書"),
    "general-meeting": (
        "sakae_council.cli.print_general_meeting",
        "総会議案書（議案・会則・書面表決書・委任状）",
    ),
    "commission": (
        "sakae_council.cli.print_general_meeting",
        "委嘱状（役員改選で就任・再任した人）と退任の感謝状",
    ),
    "handover": ("sakae_council.cli.print_general_meeting", "引継ぎ資料（新役員向け・取扱注意）"),
}


def _available() -> dict[str, tuple[str, str]]:
    found = {}
    for name, (module, help_text) in DOCUMENTS.items():
        if importlib.util.find_spec(module) is not None:
            found[name] = (module, help_text)
    return found


def configure(parser: argparse.ArgumentParser, words: Sequence[str] | None = None) -> None:
    """The documents as sub-subcommands; only the module of the document ``words`` name is imported for its
    options (``words``: the command line after ``print``; None: every document's options, for tests and docs).

    Each document module imports ReportLab and the services: importing all of them cost more than half
    a second before anything was printed."""
    parser.description = "PDFを作成します。"
    sub = parser.add_subparsers(dest="document", required=True)
    asked = None if words is None else next((w for w in words if not w.startswith("-")), "")
    for name, (module, help_text) in _available().items():
        p = sub.add_parser(name, help=help_text)
        if asked is not None and asked != name:
            continue  # listed in --help; its options are not needed for this run
        p.add_argument("-o", "--output", required=True, help="保存先のPDFファイル")
        importlib.import_module(module).cli_configure(p, name)


def run(args: argparse.Namespace) -> int:
    from sakae_council.cli.main import open_for_reading

    module, _ = DOCUMENTS[args.document]
    document = importlib.import_module(module)
    # A document may print without opening the file the full way (no SQLAlchemy) when the file allows it.
    quick = getattr(document, "cli_quick_print", None)
    out = quick(args, args.document) if quick is not None else None
    if out is None:
        db = open_for_reading(args)
        try:
            out = document.cli_print(db, args, args.document)
        finally:
            db.close()
    print(f"PDFを保存しました: {Path(out)}")
    return 0


def main_for_tests(argv: list[str]) -> int:  # pragma: no cover - convenience for manual runs
    from sakae_council.cli.main import main

    return main(["print", *argv])


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main_for_tests(sys.argv[1:]))
