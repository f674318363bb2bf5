"""Command line: starts the GUI by default; subcommands for init, check and list here, the others in the
modules of this package named by ``EXTRA_MODULES``."""

from __future__ import annotations

import errno
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # argparse only when the command line is more than a window start (see window_start)
    import argparse
    from datetime import date  # not imported before the window's first paint: see gui/app.py

from sakae_council import __version__
from sakae_council.cli.window_start import window_start
from sakae_council.domain.errors import DomainError
from sakae_council.paths import resolve_database

log = logging.getLogger(__name__)

#: Extra subcommands whose ``configure(parser, words)`` sets up only what the rest of the line asks for.
WORDS_TO_CONFIGURE = frozenset({"print"})
#: Commands that end the process at once when their output is written (see _quick_exit).
QUICK_EXIT = frozenset({"print", "export"})

#: Extra subcommands from other areas: name -> (module, help). Each module has ``configure(parser)``
#: and ``run(args) -> int``; it is imported only when it exists (areas land one by one).
EXTRA_MODULES: dict[str, tuple[str, str]] = {
    "print": (
        "sakae_council.cli.printing",
        "PDFを作成します（名簿・次第・出席簿・議事録・マニュアル・まとめ・会計）",
    ),
    "backup": ("sakae_council.cli.safety", "バックアップを作成します"),
    "restore": ("sakae_council.cli.safety", "バックアップから復元します"),
    "import": ("sakae_council.cli.data", "名簿をCSV/Excelから取り込みます"),
    "export": ("sakae_council.cli.data", "一覧をCSV/Excelに書き出します"),
    "erase": ("sakae_council.cli.erase", "本人の求めにより個人情報を消去します（バックアップからも）"),
    "accounts": ("sakae_council.cli.accounts", "協議会の会計（出納帳）を表示・書き出します"),
    "transfer": (
        "sakae_council.cli.transfer",
        "データをサーバーやファイルへまるごとコピーします（全表の件数を確認）",
    ),
    "bench": ("bench.__main__", "性能測定を実行します（開発者向け）"),
}


def _extra_exists(name: str) -> bool:
    """The module of an extra subcommand is part of this installation (found without importing it)."""
    import importlib.util

    try:
        return importlib.util.find_spec(EXTRA_MODULES[name][0]) is not None
    except ModuleNotFoundError:
        return False


def _extra_module(name: str):  # type: ignore[no-untyped-def]
    import importlib

    if not _extra_exists(name):
        return None
    return importlib.import_module(EXTRA_MODULES[name][0])


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def build_parser(command: str | None = "*", words: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The command line's parser; the extra subcommands' options only for ``command`` ("*": all of them).

    Each extra module is imported to add its options, and some import SQLAlchemy or ReportLab: starting the
    window (no subcommand) must not pay for that.
    """
    import argparse

    parser = argparse.ArgumentParser(
        prog="sakae-council",
        description="栄町 小学校区まちづくり協議会の運営支援プログラム。サブコマンドなしで画面を起動します。",
    )
    parser.add_argument("--version", action="version", version=f"sakae-council {__version__}")
    parser.add_argument(
        "--db",
        help="データファイルのパス、または postgresql+psycopg://... のURL（既定: 環境変数 SAKAE_COUNCIL_DB、なければ利用者のデータフォルダ）",
    )
    parser.add_argument(
        "--read-only",
        action="store_true",
        help="データファイルを読み取り専用で開きます（一覧・印刷・書き出しだけ。ほかの人が編集中でも使えます）",
    )
    parser.add_argument(
        "--quit-after",
        choices=["painted", "data", "ready"],
        help="計測用: 画面が表示された直後（painted）、最初の画面にデータが出た直後（data）、"
        "データファイルを開き終えて画面にデータが出た直後（ready）に終了コード0で終わります",
    )
    sub = parser.add_subparsers(dest="command")

    p_init = sub.add_parser("init", help="データファイルを作成・更新し、基本データを登録します")
    p_init.add_argument("--demo", action="store_true", help="デモ用の架空の町のデータも入れます")

    sub.add_parser(
        "check", help="データファイルの整合性とスキーマの版を確認します（問題があれば終了コード1）"
    )

    p_list = sub.add_parser("list", help="一覧を表示します")
    p_list.add_argument("what", choices=["districts", "members", "issues", "projects", "meetings"])
    p_list.add_argument("--district", help="学区名（例: 安食小学校区）")
    p_list.add_argument("--json", action="store_true", help="JSONで出力します（形式はREADMEを参照）")

    for name, (_module, help_text) in EXTRA_MODULES.items():
        if command not in ("*", name):
            if _extra_exists(name):
                sub.add_parser(name, help=help_text)  # listed in --help; its options are not needed now
            continue
        module = _extra_module(name)
        if module is not None:
            configure = getattr(module, f"configure_{name}", None) or module.configure
            if name in WORDS_TO_CONFIGURE and words is not None:  # the options of the one document asked for
                configure(sub.add_parser(name, help=help_text), _after(words, name))
            else:
                configure(sub.add_parser(name, help=help_text))
    return parser


def _after(words: Sequence[str], command: str) -> list[str]:
    """The words after ``command`` on the command line."""
    return list(words[words.index(command) + 1 :]) if command in words else []


def command_in(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` names (its first word that is not an option or the value of --db), if any."""
    words = iter(argv)
    for word in words:
        if word == "--db":
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _open(args: argparse.Namespace, *, create: bool = True):  # type: ignore[no-untyped-def]
    from sakae_council.db.engine import open_database

    if getattr(args, "read_only", False):
        raise DomainError(
            "読み取り専用（--read-only）では、このコマンドは実行できません。--read-only を外してください。"
        )
    return open_database(resolve_database(args.db), create=create, user="cli")


def open_for_reading(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The database for a command that only reads (list, print, export): read-only with ``--read-only``,
    and also when the file cannot be opened for editing now (a full disk, a write-protected place)."""
    from sakae_council.db.engine import open_database
    from sakae_council.db.lock import ReadOnlyError

    target = resolve_database(args.db)
    if getattr(args, "read_only", False):
        return open_database(target, create=False, read_only=True, user="cli")
    try:
        return open_database(target, create=False, user="cli")
    except ReadOnlyError as exc:  # includes a full disk: reading still works
        db = open_database(target, create=False, read_only=True, user="cli")
        print(f"注意: {exc.message} 読み取り専用で開きました。", file=sys.stderr)
        return db


def cmd_init(args: argparse.Namespace) -> int:
    from sakae_council.services import demo
    from sakae_council.services.setup import ensure_seeded

    db = _open(args)
    try:
        ensure_seeded(db)
        if args.demo:
            if not demo.is_empty(db):
                print(
                    "このデータファイルにはすでにデータがあります。デモデータは空のファイルにだけ入れられます。",
                    file=sys.stderr,
                )
                return 1
            counts = demo.load_demo(db)
            print("デモデータを登録しました: " + "、".join(f"{k} {v}件" for k, v in counts.items()))
        print(f"データファイル: {db.describe()}")
        return 0
    finally:
        db.close()


def cmd_check(args: argparse.Namespace) -> int:
    from sakae_council.db.integrity import check_database

    target = resolve_database(args.db)
    report = check_database(target)
    for note in report.notes:
        print(f"注意: {note}")
    if report.problems:
        for p in report.problems:
            print(f"問題: {p}", file=sys.stderr)
        return 1
    print(f"データファイルは壊れていません: {target}" if report.notes else f"問題はありません: {target}")
    return 0


def _list_rows(args: argparse.Namespace) -> list[dict[str, Any]]:
    from sakae_council.services import districts, issues, meetings, people, projects

    db = open_for_reading(args)
    try:
        district_id = districts.district_id_by_name(db, args.district) if args.district else None
        if args.what == "districts":
            return [
                {
                    "id": d.id,
                    "name": d.name,
                    "council_name": d.council_name,
                    "council_status": d.council_status.label,
                    "established_on": _iso(d.established_on),
                    "active": d.active,
                    "merged_into": d.merged_into_name,
                }
                for d in districts.list_districts(db)
                if district_id is None or d.id == district_id
            ]
        if args.what == "members":
            return [
                {
                    "id": p.id,
                    "name": p.name,
                    "furigana": p.furigana,
                    "phone": p.phone,
                    "districts": sorted({m.district_name for m in p.memberships}),
                    "memberships": [
                        {
                            "district": m.district_name,
                            "role": m.role.label,
                            "public_post": m.public_post,
                            "post": m.officer_post.label,
                            "term_start": _iso(m.term_start),
                            "term_end": _iso(m.term_end),
                            "ended_on": _iso(m.ended_on),
                        }
                        for m in p.memberships
                    ],
                }
                for p in people.list_members(db, people.RosterFilter(district_id=district_id))
            ]
        if args.what == "issues":
            return [
                {
                    "id": i.id,
                    "title": i.title,
                    "district": i.district_name,
                    "category": i.category_name,
                    "status": i.status.label,
                    "priority": i.priority.label,
                    "raised_on": _iso(i.raised_on),
                }
                for i in issues.list_issues(db, issues.IssueFilter(district_id=district_id))
            ]
        if args.what == "projects":
            return [
                {
                    "id": p.id,
                    "title": p.title,
                    "district": p.district_name,
                    "kind": p.kind.label,
                    "status": p.status.label,
                    "start_on": _iso(p.start_on),
                    "end_on": _iso(p.end_on),
                }
                for p in projects.list_projects(db, projects.ProjectFilter(district_id=district_id))
            ]
        return [
            {
                "id": m.id,
                "body": m.body_name,
                "fiscal_year": m.fiscal_year,
                "number": m.number,
                "held_on": _iso(m.held_on),
                "status": m.status.label,
            }
            for m in meetings.list_meetings(db, district_id=district_id)
        ]
    finally:
        db.close()


def cmd_list(args: argparse.Namespace) -> int:
    rows = _list_rows(args)
    if args.json:
        import json

        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    for row in rows:
        print("\t".join(_plain(v) for k, v in row.items() if k != "memberships"))
    print(f"（{len(rows)}件）")
    return 0


def _plain(value: Any) -> str:
    if isinstance(value, list):
        return "・".join(map(str, value))
    return "" if value is None else str(value)


def prepare_first_start(target: str) -> bool:
    """On the very first start (no file yet), create it with reference and demo data. True if created."""
    from sakae_council.db.engine import open_database, sqlite_path, to_url
    from sakae_council.services import demo
    from sakae_council.services.setup import ensure_seeded

    path = sqlite_path(to_url(target))
    if path is None or path.exists():
        return False
    db = open_database(target, user="初回起動")
    try:
        ensure_seeded(db)
        demo.load_demo(db)
    finally:
        db.close()
    return True


def cmd_gui(args: argparse.Namespace) -> int:
    import gc

    target = resolve_database(args.db)
    if "://" in target or Path(target).expanduser().exists():  # the file is there: straight to the window
        gc.disable()  # through the imports and the start; on again once the data shows (gui.app.StartWatch)
        try:
            from sakae_council.gui.app import run_gui

            return run_gui(target, quit_after=args.quit_after, gc_paused=True)
        finally:
            gc.enable()
    from sakae_council.gui.welcome import run_gui_with_welcome  # a missing data file gets the welcome screen

    return run_gui_with_welcome(target, quit_after=args.quit_after)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "init": cmd_init,
    "check": cmd_check,
    "list": cmd_list,
}


def _quick_exit(code: int) -> None:
    """End the process now: the output file is written and closed, the database closed; what is left is
    tearing down the interpreter and its modules (~¼ s after a print), which nobody needs to wait for."""
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)


def _setup_logging() -> Path | None:
    """Warnings and tracebacks go to the log file (0600 in a 0700 folder, database values hidden), never to
    the terminal; returns the file (None: none could be written)."""
    from sakae_council.logfile import protect_root_handlers, setup_file_logging
    from sakae_council.paths import log_dir

    root = logging.getLogger()
    root.setLevel(logging.WARNING)
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler):
            protect_root_handlers()
            return Path(handler.baseFilename)
    try:
        path = setup_file_logging(log_dir())
    except OSError:
        path = None
    if path is None:
        root.addHandler(logging.NullHandler())
    protect_root_handlers()  # a failed save's names, addresses and phone numbers never reach a log
    return path


#: What an OSError's errno means, for the few a person meets with files.
_OS_ERRORS = {
    errno.ENOENT: "見つかりません",
    errno.EACCES: "権限がありません",
    errno.EPERM: "権限がありません",
    errno.EISDIR: "フォルダです（ファイルを指定してください）",
    errno.ENOTDIR: "途中にフォルダでないものがあります",
    errno.ENOSPC: "ディスクの空き容量がありません",
    errno.EROFS: "読み取り専用の場所です",
}


def _os_error_text(exc: OSError) -> str:
    what = _OS_ERRORS.get(exc.errno or 0)
    where = f"「{exc.filename}」" if exc.filename else "ファイル"
    if what is None:
        return f"{where}を読み書きできませんでした（{exc.strerror or type(exc).__name__}）。場所と空き容量を確かめてください。"
    return f"{where}を読み書きできませんでした: {what}。場所を確かめてください。"


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``sakae-council`` command: every expected error is a Japanese message and exit
    code 1 (2 for a wrong command line); anything else says 予期しないエラー and names the log file."""
    words = list(sys.argv[1:] if argv is None else argv)
    args: Any = window_start(words) or build_parser(command_in(words), words).parse_args(words)
    log_file = _setup_logging() if args.command is not None else None  # the window sets up its own
    try:
        if args.command is None:
            return cmd_gui(args)
        target = resolve_database(args.db)
        if "://" not in target and Path(target).is_dir():
            raise DomainError(
                f"「{target}」はフォルダです。--db にはデータファイル（.db）のパスを指定してください。"
            )
        if args.command in EXTRA_MODULES:
            module = _extra_module(args.command)
            run = getattr(module, f"run_{args.command}", None) or module.run
            code = int(run(args))
            if argv is None and args.command in QUICK_EXIT:
                _quick_exit(code)
            return code
        return COMMANDS[args.command](args)
    except DomainError as exc:
        print(f"エラー: {exc.message}", file=sys.stderr)
        if _offers_read_only(exc):
            print(
                "見るだけなら --read-only を付けると読み取り専用で開けます（一覧・印刷・書き出し）。",
                file=sys.stderr,
            )
        return 1
    except BrokenPipeError:  # `sakae-council list ... | head`: the reader left; not an error
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keep the interpreter from complaining at exit
        return 0
    except KeyboardInterrupt:
        print("\n中止しました。", file=sys.stderr)
        return 130
    except OSError as exc:
        log.warning("file error in %s: %s", args.command, type(exc).__name__)
        print(f"エラー: {_os_error_text(exc)}", file=sys.stderr)
        return 1
    except Exception:
        log.exception("unexpected error in %s", args.command)
        where = f"ログファイル {log_file}" if log_file else "ログ"
        print(
            f"予期しないエラーが起きました。詳しい内容は{where}に記録しました。"
            "直らないときは、このファイルを担当者に見せてください。",
            file=sys.stderr,
        )
        return 1


def _offers_read_only(exc: DomainError) -> bool:
    from sakae_council.db.lock import LockedError, ReadOnlyError

    return isinstance(exc, LockedError | ReadOnlyError)


if __name__ == "__main__":
    raise SystemExit(main())
