"""接続設定 for the town hall server: where it is, who connects, and the password kept safely.

The settings file (JSON in the user's config folder) never holds a password. A password is either kept
in the operating system's credential store through ``keyring`` (Windows 資格情報マネージャー, macOS
キーチェーン, Secret Service on Linux) when the user ticks "remember", or asked for each time. Where no
credential store exists, remembering is not offered.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import platformdirs
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from sakae_council.domain.errors import StorageError, ValidationError

log = logging.getLogger(__name__)

KEYRING_SERVICE = "sakae_council"
SSL_MODES = ("prefer", "require", "verify-full", "disable")
CONNECT_TIMEOUT_S = 5


@dataclass(frozen=True)
class ServerSettings:
    """Where the server is and who connects. No password here, ever."""

    host: str
    database: str = "sakae_council"
    user: str = ""
    port: int = 5432
    sslmode: str = "prefer"
    remember_password: bool = False

    @property
    def keyring_key(self) -> str:
        """The name the password is stored under in the credential store."""
        return f"{self.user}@{self.host}:{self.port}/{self.database}"

    def url(self, password: str | None = None) -> str:
        """The ``postgresql+psycopg://`` URL; the password is only ever put into a URL kept in memory."""
        auth = quote(self.user, safe="")
        if password:
            auth += ":" + quote(password, safe="")
        host = f"[{self.host}]" if ":" in self.host else self.host
        query = f"sslmode={self.sslmode}&connect_timeout={CONNECT_TIMEOUT_S}"
        return f"postgresql+psycopg://{auth}@{host}:{self.port}/{quote(self.database, safe='')}?{query}"

    def describe(self) -> str:
        """サーバー db.example.lan:5432 のデータベース sakae_council（利用者 sato）"""
        return f"サーバー {self.host}:{self.port} のデータベース {self.database}（利用者 {self.user}）"


def validate(settings: ServerSettings) -> ServerSettings:
    """Trimmed settings, or ValidationError naming the field."""
    host = settings.host.strip()
    if not host:
        raise ValidationError(
            "host", "サーバー名（またはIPアドレス）を入力してください。例: sakae-db.town.local"
        )
    if any(c.isspace() for c in host) or "/" in host:
        raise ValidationError(
            "host", "サーバー名に空白や「/」は使えません。担当者から聞いた名前をそのまま入力してください。"
        )
    database = settings.database.strip()
    if not database:
        raise ValidationError("database", "データベース名を入力してください。例: sakae_council")
    user = settings.user.strip()
    if not user:
        raise ValidationError("user", "利用者名（サーバーのログイン名）を入力してください。")
    if not 1 <= int(settings.port) <= 65535:
        raise ValidationError("port", "ポート番号は1〜65535で入力してください（ふつうは5432）。")
    if settings.sslmode not in SSL_MODES:
        raise ValidationError("sslmode", "暗号化の設定が正しくありません。")
    return replace(settings, host=host, database=database, user=user, port=int(settings.port))


def from_url(url: str) -> tuple[ServerSettings, str | None]:
    """Settings and the password (if the URL holds one) from a ``postgresql+psycopg://`` URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        raise ValidationError("url", "postgresql+psycopg:// で始まるサーバーのURLを指定してください。")
    sslmode = str(parsed.query.get("sslmode", "prefer"))
    settings = ServerSettings(
        host=parsed.host or "localhost",
        database=parsed.database or "",
        user=parsed.username or "",
        port=parsed.port or 5432,
        sslmode=sslmode if sslmode in SSL_MODES else "prefer",
    )
    return settings, parsed.password


# --- the settings file ----------------------------------------------------------------------------


def settings_path() -> Path:
    """``server.json`` in the user's config folder."""
    return Path(platformdirs.user_config_dir("sakae_council", "SakaeTown")) / "server.json"


def load_settings(path: Path | None = None) -> ServerSettings | None:
    """The saved settings, or None when there are none (or the file is unreadable)."""
    path = path or settings_path()
    try:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        fields = {k: raw[k] for k in ServerSettings.__dataclass_fields__ if k in raw}
        return ServerSettings(**fields)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError):
        log.warning("cannot read server settings %s", path, exc_info=True)
        return None


def save_settings(settings: ServerSettings, path: Path | None = None) -> Path:
    """Write the settings (owner-only file); the password is not part of them."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".tmp")
    partial.write_text(json.dumps(asdict(settings), ensure_ascii=False, indent=2), encoding="utf-8")
    if os.name == "posix":
        partial.chmod(0o600)
    partial.replace(path)
    return path


# --- the password -----------------------------------------------------------------------------------


def keyring_available() -> bool:
    """True when the operating system offers a credential store to keep the password in."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # no keyring module, or a broken backend configuration
        log.info("no usable keyring", exc_info=True)
        return False
    if isinstance(backend, fail.Keyring):
        return False
    try:
        return float(backend.priority) > 0  # type: ignore[attr-defined]
    except Exception:
        return True


def store_password(settings: ServerSettings, password: str) -> None:
    """Keep the password in the credential store (StorageError when there is none)."""
    if not keyring_available():
        raise StorageError(
            "このパソコンにはパスワードを安全に保存する仕組みがないため、保存できません。接続のたびに入力してください。"
        )
    import keyring

    try:
        keyring.set_password(KEYRING_SERVICE, settings.keyring_key, password)
    except Exception as exc:
        log.warning("keyring refused the password", exc_info=True)
        raise StorageError(
            "パスワードを資格情報に保存できませんでした。接続のたびに入力してください。"
        ) from exc


def stored_password(settings: ServerSettings) -> str | None:
    """The remembered password, or None (nothing stored, or no credential store)."""
    if not keyring_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, settings.keyring_key)
    except Exception:
        log.warning("keyring lookup failed", exc_info=True)
        return None


def forget_password(settings: ServerSettings) -> None:
    """Remove a remembered password (nothing happens when none is stored)."""
    if not keyring_available():
        return
    import keyring
    from keyring.errors import PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError):  # nothing was stored
        keyring.delete_password(KEYRING_SERVICE, settings.keyring_key)


def url_with_stored_password(url: str) -> str:
    """``url`` with the remembered password filled in when the URL names none (else unchanged)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or parsed.password:
        return url
    settings, _ = from_url(url)
    password = stored_password(settings)
    if not password:
        return url
    return parsed.set(password=password).render_as_string(hide_password=False)


# --- 接続テスト -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConnectionReport:
    """What 接続テスト found: ``ok`` and a sentence for the user, plus details when connected."""

    ok: bool
    message: str
    server_version: str = ""
    #: empty (new database), current, older (will be updated on connect), newer (program too old)
    schema: str = ""


def _plain_error(exc: BaseException, settings: ServerSettings) -> str:
    text_ = str(getattr(exc, "orig", exc)).lower()
    if "password authentication failed" in text_ or "authentication failed" in text_:
        return "利用者名またはパスワードが違います。確かめてから、もう一度入力してください。"
    if "no password supplied" in text_ or "fe_sendauth" in text_:
        return "パスワードを入力してください。"
    if (
        f'role "{settings.user.lower()}" does not exist' in text_
        or "role" in text_
        and "does not exist" in text_
    ):
        return f"利用者「{settings.user}」はサーバーに登録されていません。利用者名を確かめてください。"
    if "database" in text_ and "does not exist" in text_:
        return (
            f"データベース「{settings.database}」がサーバーにありません。データベース名を確かめてください。"
        )
    if (
        "could not translate host name" in text_
        or "name or service not known" in text_
        or "nodename" in text_
    ):
        return (
            f"サーバー「{settings.host}」が見つかりません。サーバー名とネットワークの接続を確かめてください。"
        )
    if "timeout" in text_ or "timed out" in text_:
        return (
            "サーバーから応答がありません。ネットワークの接続と、サーバーが動いているかを確かめてください。"
        )
    if "connection refused" in text_:
        return (
            f"サーバー「{settings.host}」のポート{settings.port}に接続できません。"
            "ポート番号と、サーバーが動いているかを確かめてください。"
        )
    if "ssl" in text_:
        return "暗号化通信（SSL）の設定がサーバーと合いません。担当者に設定を確かめてください。"
    if "pg_hba.conf" in text_:
        return "このパソコンからの接続がサーバーで許可されていません。担当者に連絡してください。"
    return "サーバーに接続できませんでした。設定を確かめてください。詳しい内容はログに記録しました。"


def try_connection(settings: ServerSettings, password: str | None) -> ConnectionReport:
    """Try to connect (within a few seconds) and say in plain Japanese what happened."""
    from sakae_council.db.engine import current_revision, head_revision, known_revisions

    try:
        settings = validate(settings)
    except ValidationError as exc:
        return ConnectionReport(False, exc.message)
    engine = create_engine(settings.url(password), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            version = str(conn.execute(text("SHOW server_version")).scalar() or "")
            tables = set(inspect(conn).get_table_names())
        revision = current_revision(engine)
    except DBAPIError as exc:
        log.info("connection test failed: %s", exc)
        return ConnectionReport(False, _plain_error(exc, settings))
    except Exception as exc:  # DNS errors and the like arrive wrapped differently on some platforms
        log.info("connection test failed", exc_info=True)
        return ConnectionReport(False, _plain_error(exc, settings))
    finally:
        engine.dispose()
    if revision is None:
        if tables - {"alembic_version"}:
            return ConnectionReport(
                False,
                "このデータベースには別のプログラムの表があります。栄町まちづくり協議会用のデータベースを指定してください。",
                version,
                "foreign",
            )
        return ConnectionReport(
            True,
            f"接続できました（PostgreSQL {version}）。データベースは空です。接続すると、必要な表を作成します。",
            version,
            "empty",
        )
    if revision == head_revision():
        return ConnectionReport(True, f"接続できました（PostgreSQL {version}）。", version, "current")
    if revision in known_revisions():
        return ConnectionReport(
            True,
            f"接続できました（PostgreSQL {version}）。接続すると、データの形式をこのプログラムの版に合わせて更新します"
            "（更新の前に、担当者がバックアップを取ってあることを確かめてください）。",
            version,
            "older",
        )
    return ConnectionReport(
        False,
        "サーバーのデータは新しい版のプログラムで作られています。このプログラムを最新版に更新してから接続してください。",
        version,
        "newer",
    )
