"""What a database failure means to the person at the keyboard: the typed StorageErrors of opening and
saving (a damaged or missing file, a full disk, a busy file, a server that cannot be reached) and the
translation of a driver's error into one of them, in plain Japanese."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import make_url
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, ProgrammingError

from sakae_council.domain.errors import StorageError, msg

if TYPE_CHECKING:
    from sakae_council.db.backup import BackupFile


class DamagedDatabaseError(StorageError):
    """The data file failed its check on open and was moved aside (kept, never deleted).

    ``backup`` is the newest backup that passes its check (None when there is none): the GUI/CLI offer to
    restore it. Nothing was created in the file's place.
    """

    def __init__(
        self, path: Path, moved_to: Path, backup: BackupFile | None, problems: tuple[str, ...]
    ) -> None:
        kept = msg(
            "壊れたファイルは「{name}」という名前で同じフォルダに残してあります（削除はしていません）。",
            name=moved_to.name,
        )
        if backup is not None:
            offer = msg("{when}のバックアップから復元できます。", when=_when(backup.taken_at))
        else:
            offer = msg("使えるバックアップが見つかりません。担当職員に相談してください。")
        super().__init__(
            msg(
                "データファイル「{name}」が壊れていたため、開くのを中止しました。{kept}{offer}",
                name=path.name,
                kept=kept,
                offer=offer,
            )
        )
        self.path = path
        self.moved_to = moved_to
        self.backup = backup
        self.problems = problems


class MissingDatabaseError(StorageError):
    """The data file is gone, but backups (or a copy moved aside) show it held data: never start empty
    silently. ``backup`` is the newest good backup to offer; opening with ``start_empty=True`` is the
    user's explicit alternative."""

    def __init__(self, path: Path, backup: BackupFile | None) -> None:
        if backup is not None:
            offer = msg("{when}のバックアップから復元できます。", when=_when(backup.taken_at))
        else:
            offer = msg("使えるバックアップも見つかりません。ファイルの場所を確認してください。")
        super().__init__(
            msg(
                "データファイル「{path}」が見つかりません（移動または削除された可能性があります）。"
                "空のデータで始める前に確認してください。{offer}",
                path=path,
                offer=offer,
            )
        )
        self.path = path
        self.backup = backup


class DiskFullError(StorageError):
    """A write failed for lack of space; nothing of it was committed."""


class BusyError(StorageError):
    """The database stayed busy (another program writing) for longer than the busy timeout."""


class ServerConnectionError(StorageError):
    """The server could not be used: refused the login, not reachable, or no such database. Never damage."""


def server_error_from(exc: BaseException, url: str) -> ServerConnectionError:
    """What went wrong connecting to a PostgreSQL server, in Japanese, naming the cause."""
    text = str(getattr(exc, "orig", None) or exc)
    lowered = text.lower()
    target = make_url(url)
    host = target.host or target.query.get("host") or "localhost"
    if "database" in lowered and "does not exist" in lowered:
        return ServerConnectionError(
            msg(
                "サーバー「{host}」にデータベース「{name}」がありません。URLのデータベース名を確認するか、サーバーの管理者に作成を頼んでください。",
                host=host,
                name=target.database or "",
            )
        )
    refused = ("password authentication failed", "authentication failed", "pg_hba.conf", "permission denied")
    if ("role" in lowered and "does not exist" in lowered) or any(r in lowered for r in refused):
        return ServerConnectionError(
            msg(
                "サーバー「{host}」へのログインが拒否されました（利用者「{user}」）。利用者名とパスワードを確認するか、サーバーの管理者に確かめてください。",
                host=host,
                user=target.username or "",
            )
        )
    return ServerConnectionError(
        msg(
            "データベースサーバー「{host}」に接続できません。サーバーが動いているか、ネットワークと、URLのサーバー名・ポートを確認してください。",
            host=host,
        )
    )


def _when(moment: datetime) -> str:
    from sakae_council.domain.wareki import to_wareki

    return f"{to_wareki(moment.date())} {moment.hour}時{moment.minute:02d}分"


_KEPT = msg("入力した内容は消えていません。")


def storage_error_from(exc: DBAPIError, *, read_only: bool = False) -> StorageError | None:
    """A plain-Japanese StorageError for a database failure the user can act on; None for the rest
    (constraint violations and programming errors keep their own handling)."""
    if isinstance(exc, IntegrityError | ProgrammingError | DataError):
        return None
    orig = exc.orig
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    text = str(orig).lower()
    if name == "SQLITE_FULL" or "disk is full" in text or "no space left" in text:
        return DiskFullError(
            msg(
                "ディスクの空き容量が足りないため保存できませんでした。{kept}"
                "不要なファイルを削除して空きを作ってから、もう一度保存してください。",
                kept=_KEPT,
            )
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "database is locked" in text or "busy" in text:
        return BusyError(
            msg(
                "データファイルを別の処理が使用中のため保存できませんでした。{kept}少し待ってから、もう一度保存してください。",
                kept=_KEPT,
            )
        )
    if name.startswith("SQLITE_READONLY") or "readonly database" in text or "read-only" in text:
        if read_only:
            return StorageError(
                msg(
                    "読み取り専用で開いているため保存できません。{kept}編集するには、開き直してください。",
                    kept=_KEPT,
                )
            )
        return StorageError(
            msg(
                "データファイルに書き込めないため保存できませんでした。{kept}"
                "ファイルが読み取り専用になっていないか、保存先の書き込み権限を確認してください。",
                kept=_KEPT,
            )
        )
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")) or "malformed" in text:
        return StorageError(
            "データファイルに異常が見つかりました。プログラムを終了して開き直してください。"
            "開くときに検査し、必要ならバックアップからの復元を案内します。"
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o error" in text:
        return StorageError(
            msg(
                "ディスクの読み書きでエラーが起きたため保存できませんでした。{kept}"
                "USBメモリなどが抜けていないか確認してから、もう一度保存してください。",
                kept=_KEPT,
            )
        )
    if exc.connection_invalidated or "connection" in text or "server" in text:
        return StorageError(
            msg(
                "データベースサーバーに接続できません。{kept}ネットワークを確認してから、もう一度保存してください。",
                kept=_KEPT,
            )
        )
    return None
