"""接続設定: the settings file never holds a password; the password goes to the OS credential store or
is asked for each time; 接続テスト answers in plain Japanese against the real test server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from sqlalchemy.engine import make_url

from sakae_council.domain.errors import StorageError, ValidationError
from sakae_council.services import connections
from sakae_council.services.connections import ServerSettings

from .conftest import PG_URL, needs_pg


class MemoryKeyring(KeyringBackend):
    """A credential store kept in memory (the build machine has no desktop keyring)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not stored")


@pytest.fixture()
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    try:
        yield store
    finally:
        keyring.set_keyring(previous)


@pytest.fixture()
def no_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        yield
    finally:
        keyring.set_keyring(previous)


SERVER = ServerSettings(host="sakae-db.town.local", database="sakae_council", user="sato", port=5432)


def test_the_url_carries_an_awkward_password_intact_and_settings_read_back() -> None:
    url = SERVER.url("p@ss:w/rd ％")
    parsed = make_url(url)
    assert (
        parsed.password == "p@ss:w/rd ％"
        and parsed.username == "sato"
        and parsed.host == "sakae-db.town.local"
    )
    assert parsed.query["connect_timeout"] == "5"
    settings, password = connections.from_url(url)
    assert (settings.host, settings.database, settings.user, settings.port, password) == (
        "sakae-db.town.local",
        "sakae_council",
        "sato",
        5432,
        "p@ss:w/rd ％",
    )
    assert "p@ss" not in SERVER.describe()


def test_validation_names_the_field() -> None:
    with pytest.raises(ValidationError) as e:
        connections.validate(ServerSettings(host=" "))
    assert e.value.field == "host"
    with pytest.raises(ValidationError) as e:
        connections.validate(ServerSettings(host="db", user=""))
    assert e.value.field == "user"
    with pytest.raises(ValidationError, match="ポート番号"):
        connections.validate(ServerSettings(host="db", user="sato", port=70000))
    assert connections.validate(ServerSettings(host=" db ", user=" sato ")).host == "db"


def test_settings_file_never_holds_the_password(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "server.json"
    settings = ServerSettings(**{**SERVER.__dict__, "remember_password": True})
    connections.store_password(settings, "himitsu-123")
    connections.save_settings(settings, path)
    raw = path.read_text(encoding="utf-8")
    assert "himitsu" not in raw and 'password"' not in raw.replace("remember_password", "")
    assert json.loads(raw)["host"] == "sakae-db.town.local"
    assert (path.stat().st_mode & 0o077) == 0  # owner only
    assert connections.load_settings(path) == settings
    assert connections.stored_password(settings) == "himitsu-123"
    assert memory_keyring.items == {
        ("sakae_council", "sato@sakae-db.town.local:5432/sakae_council"): "himitsu-123"
    }
    # a URL without a password is completed from the credential store, in memory only
    assert make_url(connections.url_with_stored_password(settings.url())).password == "himitsu-123"
    connections.forget_password(settings)
    connections.forget_password(settings)  # nothing stored: no error
    assert connections.stored_password(settings) is None


def test_without_a_credential_store_the_password_is_asked_each_time(no_keyring: None) -> None:
    assert not connections.keyring_available()
    with pytest.raises(StorageError, match="接続のたびに入力してください"):
        connections.store_password(SERVER, "x")
    assert connections.stored_password(SERVER) is None
    assert connections.url_with_stored_password(SERVER.url()) == SERVER.url()


def test_a_damaged_settings_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "server.json"
    path.write_text("{not json", encoding="utf-8")
    assert connections.load_settings(path) is None
    assert connections.load_settings(tmp_path / "missing.json") is None


@needs_pg
def test_connection_test_against_the_real_server() -> None:
    url = make_url(PG_URL)
    good = ServerSettings(
        host=url.host or "", port=url.port or 5432, database=url.database or "", user=url.username or ""
    )
    report = connections.try_connection(good, url.password)
    assert report.ok and report.message.startswith("接続できました（PostgreSQL ") and report.server_version
    wrong_db = connections.try_connection(ServerSettings(**{**good.__dict__, "database": "no_such_db"}), None)
    assert not wrong_db.ok and "データベース「no_such_db」がサーバーにありません" in wrong_db.message
    wrong_user = connections.try_connection(ServerSettings(**{**good.__dict__, "user": "nobody_here"}), None)
    assert not wrong_user.ok and "利用者「nobody_here」はサーバーに登録されていません" in wrong_user.message
    closed_port = connections.try_connection(ServerSettings(**{**good.__dict__, "port": 1}), None)
    assert not closed_port.ok and "ポート1に接続できません" in closed_port.message
    missing = connections.try_connection(
        ServerSettings(**{**good.__dict__, "host": "no-such-host.invalid"}), None
    )
    assert not missing.ok and "サーバー「no-such-host.invalid」が見つかりません" in missing.message


def test_a_wrong_password_is_said_plainly() -> None:
    # The loopback test server trusts local users, so the server's own wording is used here.
    class AuthFailed(Exception):
        pass

    exc = AuthFailed('connection failed: FATAL:  password authentication failed for user "sato"')
    assert (
        connections._plain_error(exc, SERVER)
        == "利用者名またはパスワードが違います。確かめてから、もう一度入力してください。"
    )
