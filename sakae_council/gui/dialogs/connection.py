"""サーバーへの接続: where the town hall server is, who connects, 接続テスト, and the password kept safely.

The dialog returns a :class:`ServerConnection` whose ``url`` carries the password in memory only; the
settings file never holds it. 「パスワードを保存する」 puts it in the operating system's credential store
(and is not offered where there is none: then the password is asked for each time).

Use::

    dialog = ConnectionDialog(parent=window)
    if dialog.exec():
        conn = dialog.result_dto            # ServerConnection
        db = open_database(conn.url, user=conn.settings.user)   # (in the background: it migrates)
        ctx.set_database(db)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QPushButton, QSpinBox, QWidget

from sakae_council.domain.errors import StorageError
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.ops import Lane, OpHandle, QueryOp
from sakae_council.gui.palette import STATUS_STYLES, set_background, set_text_colour
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.services import connections
from sakae_council.services.connections import ConnectionReport, ServerSettings


@dataclass(frozen=True)
class ServerConnection:
    """The chosen server: settings (saved) and the URL to open (with the password, never saved)."""

    settings: ServerSettings
    url: str

    def __repr__(self) -> str:  # keep the password out of logs and tracebacks
        return f"ServerConnection({self.settings.describe()})"


class ConnectionDialog(EntityDialog):
    """Server name, port, database, user, password (optionally remembered), encryption; 接続テスト."""

    announces_save = False  # settings, not data

    def __init__(
        self,
        settings: ServerSettings | None = None,
        parent: QWidget | None = None,
        *,
        settings_path: Path | None = None,
    ) -> None:
        super().__init__(self.tr("町のサーバーに接続"), parent)
        self._settings_path = settings_path
        self._job: OpHandle | None = None
        settings = settings or connections.load_settings(settings_path) or ServerSettings(host="")
        self.save_button.setText(self.tr("接続"))

        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("例: sakae-db.town.local"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.database = QLineEdit()
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("パスワードをこのパソコンに安全に保存する"))
        self.sslmode = ChoiceCombo(
            [
                (self.tr("使えるときは使う（ふつうはこれ）"), "prefer"),
                (self.tr("必ず使う"), "require"),
                (self.tr("必ず使い、サーバーの証明書も確かめる"), "verify-full"),
                (self.tr("使わない"), "disable"),
            ]
        )
        f = self.form
        f.add_field(
            "host",
            self.tr("サーバー名"),
            self.host,
            required=True,
            hint=self.tr("担当者から聞いた名前かIPアドレス"),
        )
        f.add_field("port", self.tr("ポート番号"), self.port, hint=self.tr("ふつうは5432です。"))
        f.add_field("database", self.tr("データベース名"), self.database, required=True)
        f.add_field(
            "user", self.tr("利用者名"), self.user, required=True, hint=self.tr("サーバーのログイン名")
        )
        if connections.keyring_available():
            remember_hint = self.tr("Windowsの資格情報マネージャーなどに暗号化して保存します。")
        else:
            self.remember.setEnabled(False)
            remember_hint = self.tr(
                "このパソコンには保存の仕組みがないため、接続のたびにパスワードを入力します。"
            )
        f.add_field("password", self.tr("パスワード"), self.password)
        f.add_field("remember", "", self.remember, hint=remember_hint)
        f.add_field("sslmode", self.tr("暗号化通信（SSL）"), self.sslmode)

        self.test_button = QPushButton(self.tr("接続テスト"))
        self.test_button.setObjectName("testButton")
        self.test_button.clicked.connect(self.run_test)
        self.test_ok = QLabel()  # success: a check mark and green, never the warning icon
        self.test_ok.setWordWrap(True)
        self.test_ok.setMargin(6)
        ok = STATUS_STYLES["approved"]
        set_background(self.test_ok, ok.background)
        set_text_colour(self.test_ok, ok.foreground)
        self.test_ok.setObjectName("testOk")
        self.test_ok.hide()
        self.test_error = MessageLine("error")
        self.test_error.setObjectName("testError")
        f.add_widget(self.test_button)
        f.add_widget(self.test_ok)
        f.add_widget(self.test_error)

        self.host.setText(settings.host)
        self.port.setValue(settings.port)
        self.database.setText(settings.database)
        self.user.setText(settings.user)
        self.sslmode.set_value(settings.sslmode)
        stored = (
            connections.stored_password(settings) if settings.remember_password and settings.host else None
        )
        self.remember.setChecked(bool(stored) and self.remember.isEnabled())
        if stored:
            self.password.setText(stored)
        self.fit_to_screen(32)

    def settings(self) -> ServerSettings:
        """What the form says now (not validated)."""
        return ServerSettings(
            host=self.host.text(),
            database=self.database.text(),
            user=self.user.text(),
            port=self.port.value(),
            sslmode=self.sslmode.value(),
            remember_password=self.remember.isChecked(),
        )

    # --- 接続テスト ------------------------------------------------------------------------------
    def run_test(self) -> None:
        """Try the connection in the background; the answer appears under the button."""
        if self._job is not None:
            return
        self.form.clear_errors()
        self.test_ok.hide()
        self.test_error.clear()
        settings, password = self.settings(), self.password.text() or None
        self.test_button.setEnabled(False)
        self.test_button.setText(self.tr("接続しています…"))
        self._job = (
            QueryOp(lambda: connections.try_connection(settings, password), parent=self, lane=Lane.CONNECT)
            .success(self._tested)
            .failure(self._test_failed)
            .run()
        )

    def _tested(self, report: ConnectionReport) -> None:
        self._job = None
        self.test_button.setEnabled(True)
        self.test_button.setText(self.tr("接続テスト"))
        if report.ok:
            self.test_ok.setText("✔ " + report.message)
            self.test_ok.show()
        else:
            self.test_error.show_message(report.message)

    def _test_failed(self, exc: BaseException) -> None:
        self._tested(
            ConnectionReport(False, self.tr("接続テストができませんでした。設定を確かめてください。"))
        )

    # --- 接続 ------------------------------------------------------------------------------------
    def save(self) -> ServerConnection:
        settings = connections.validate(self.settings())
        password = self.password.text()
        if settings.remember_password and password:
            connections.store_password(settings, password)
        elif not settings.remember_password:
            connections.forget_password(settings)
        try:
            connections.save_settings(settings, self._settings_path)
        except OSError as exc:
            raise StorageError(self.tr("接続設定を保存できませんでした。もう一度試してください。")) from exc
        return ServerConnection(settings, settings.url(password or None))
