"""``sakae-council [--db SOURCE] transfer --to URL|FILE``: copy all data to the server or to a file.

The source is the usual database (``--db``, ``SAKAE_COUNCIL_DB`` or the default file). A server URL
without a password takes the one remembered in the credential store, or asks (``--ask-password``), or
leaves it to libpq (``PGPASSWORD`` / ``~/.pgpass``) — so no password needs to be typed on the command line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from sqlalchemy.engine import make_url

from sakae_council.paths import resolve_database


def configure(parser: argparse.ArgumentParser) -> None:
    """Arguments of the ``transfer`` subcommand."""
    parser.add_argument(
        "--to",
        required=True,
        metavar="URL|FILE",
        help="コピー先: サーバーのURL（postgresql+psycopg://利用者@サーバー/データベース）またはデータファイルのパス",
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="コピー先にデータがあっても置き換えます（コピー先のデータはすべて消えます）",
    )
    parser.add_argument(
        "--ask-password",
        action="store_true",
        help="サーバーのパスワードを画面で入力します（URLに書かずに済みます）",
    )


def _with_password(target: str, ask: bool) -> str:
    from sakae_council.services.connections import url_with_stored_password

    if "://" not in target:
        return target
    url = make_url(target)
    if url.get_backend_name() != "postgresql" or url.password:
        return target
    filled = url_with_stored_password(target)
    if filled != target or not ask:
        return filled
    where = f"{url.username}@{url.host}"
    password = getpass.getpass(f"{where} のパスワード: ")
    return url.set(password=password).render_as_string(hide_password=False)


def run(args: argparse.Namespace) -> int:
    """Copy, print the per-table counts, return 0 when every table matched."""
    from sakae_council.services.transfer import TargetNotEmptyError, transfer

    source = _with_password(resolve_database(getattr(args, "db", None)), args.ask_password)
    target = _with_password(args.to, args.ask_password)

    def progress(label: str, done: int, total: int) -> None:
        if label:
            print(f"\rコピー中 {done + 1}/{total}: {label}　　　", end="", file=sys.stderr, flush=True)

    try:
        report = transfer(source, target, replace=args.replace, user="cli", progress=progress)
    except TargetNotEmptyError as exc:
        print(file=sys.stderr)
        print(f"エラー: {exc.message}", file=sys.stderr)
        print("置き換えるときは --replace を付けて実行してください。", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\n中止しました。コピー先は元のままです。", file=sys.stderr)
        return 130
    print(file=sys.stderr)
    print(f"コピー元: {report.source}")
    print(f"コピー先: {report.target}")
    width = max(len(c.label) for c in report.counts)
    for c in report.counts:
        mark = "一致" if c.ok else "不一致"
        print(f"{c.label}{'　' * (width - len(c.label))}\t{c.source:>8,}\t{c.target:>8,}\t{mark}")
    print(report.summary())
    for warning in report.warnings:
        print(f"注意: {warning}")
    return 0 if report.verified else 1
