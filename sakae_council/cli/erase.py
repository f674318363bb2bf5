"""Command-line erasure at a person's request: ``sakae-council erase person ID [--from-backups] [--yes]``.

``cli.main.EXTRA_MODULES`` finds ``configure_erase`` / ``run_erase`` here.
"""

from __future__ import annotations

import argparse
import sys

from sakae_council.domain.errors import NotFoundError
from sakae_council.paths import resolve_database


def configure_erase(parser: argparse.ArgumentParser) -> None:
    """Arguments of ``erase``."""
    parser.description = (
        "本人の求めにより、名簿の人の個人情報（氏名・フリガナ・住所・電話番号・メール・備考・委嘱）を、"
        "会議の下書き・講座・相談・貸出・研修・変更の履歴などからも消去します。確定した議事録に印刷された氏名だけは"
        "公文書として残ります。元に戻せません。"
    )
    parser.add_argument("what", choices=["person"], help="消去するもの（person: 名簿の人）")
    parser.add_argument(
        "id", type=int, metavar="ID", help="名簿の人のID（list members --json で確認できます）"
    )
    parser.add_argument(
        "--from-backups",
        action="store_true",
        help="バックアップからも消去します（書き換えられない古い形式のバックアップは、確認のうえ削除します）",
    )
    parser.add_argument(
        "--yes", action="store_true", help="確認せずに実行します（書き換えられないバックアップは削除します）"
    )


def _ask(question: str, args: argparse.Namespace) -> bool:
    if args.yes:
        return True
    if not sys.stdin.isatty():
        print(
            f"{question} 確認できないため中止しました。確かめたうえで --yes を付けて実行してください。",
            file=sys.stderr,
        )
        return False
    answer = input(f"{question} [y/N]: ").strip().lower()
    return answer in ("y", "yes", "はい")


def run_erase(args: argparse.Namespace) -> int:
    """``erase person ID``: erase, say what was kept and what the backups hold; ``--from-backups`` too."""
    from sakae_council.db.engine import open_database
    from sakae_council.services import erasure, people
    from sakae_council.services.backup_erasure import erase_from_backups, unrewritable_backups

    db = open_database(resolve_database(args.db), create=False, user="cli")
    try:
        identity = erasure.Identity()
        try:
            person = people.get_person(db, args.id)
        except NotFoundError:
            if not args.from_backups:
                raise
            print(f"ID {args.id} の人は名簿にありません（消去済み）。バックアップだけを対象にします。")
        else:
            if not _ask(
                f"「{person.name}」さん（ID {person.id}）の個人情報を消去しますか？元に戻せません。", args
            ):
                return 1
            report = erasure.erase_at_request(db, person.id)
            identity = report.identity
            print(f"「{report.name}」さんの個人情報を消去しました。")
            for line in report.lines:
                print(f"  {line}")
        if not args.from_backups:
            return 0
        stuck = unrewritable_backups(db)
        delete = bool(stuck) and _ask(
            f"形式が古いなどの理由で書き換えられないバックアップが{len(stuck)}件あります。削除しますか？"
            "（削除しない場合、消去前の情報が残ります）",
            args,
        )
        done = erase_from_backups(db, args.id, identity=identity, delete_unrewritable=delete)
        print(done.message)
        return 1 if done.kept_holding else 0
    finally:
        db.close()
