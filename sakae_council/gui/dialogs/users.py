"""利用者の管理 (shared server): who may change what — login, name, role and the districts they serve.

Only a 管理者 may change users; for everyone else the buttons are off and a line says why (the services
refuse it anyway). Everything it reads and writes goes through the database worker; open it with
:func:`open_users_dialog` (who is connected and the list are read before the window is built)::

    open_users_dialog(ctx, window, lambda dialog: dialog.open())
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.db.engine import Database
from sakae_council.domain.areas import Area
from sakae_council.domain.roles import ROLE_DESCRIPTIONS, ROLES_WITH_DISTRICTS, UserRole
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import form_conflict_fields
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.services import districts, users
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.users import CurrentUserDTO, UserDTO, UserInput


def tr(text: str) -> str:
    return QCoreApplication.translate("Users", text)


class UsersModel(DtoTableModel[UserDTO]):
    """ログイン名, 表示名, 役割, 担当学区."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(
            [
                Column(tr("ログイン名"), lambda u: u.login),
                Column(tr("表示名"), lambda u: u.display_name),
                Column(tr("役割"), lambda u: QCoreApplication.translate("UserRole", u.role.label)),
                Column(tr("担当学区"), lambda u: "・".join(u.district_names)),
            ],
            parent,
        )


def load_user_choices(db: Database) -> list[DistrictDTO]:
    """The districts a user may serve (call it on the database worker)."""
    return districts.list_districts(db, include_inactive=False)


def open_user_editor(
    ctx: AppContext, user_id: int | None, parent: QWidget, show: Callable[[UserDialog], object]
) -> None:
    """Read the user (fresh) and the districts on the database worker, then build the editor."""
    db = ctx.db

    def load() -> tuple[UserDTO | None, list[DistrictDTO]]:
        return (users.get_user(db, user_id) if user_id is not None else None), load_user_choices(db)

    open_after_loading(parent, load, lambda a: UserDialog(ctx, a[0], parent, choices=a[1]), show)


class UserDialog(EntityDialog):
    """One user: ログイン名 (the server login), 表示名, 役割, 担当学区."""

    def __init__(
        self,
        ctx: AppContext,
        user: UserDTO | None = None,
        parent: QWidget | None = None,
        *,
        choices: list[DistrictDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("利用者の編集") if user else self.tr("利用者を登録"), parent)
        self.ctx = ctx
        self.user = user
        if choices is None:  # the districts, read here when the caller did not read them on the worker
            choices = load_user_choices(ctx.db)
        self.login = QLineEdit()
        self.display_name = QLineEdit()
        self.role = ChoiceCombo([(QCoreApplication.translate("UserRole", r.label), r) for r in UserRole])
        self.role_hint = QLabel()
        self.role_hint.setWordWrap(True)
        self.districts = QListWidget()
        self.districts.setObjectName("district_ids")
        for d in choices:
            item = QListWidgetItem(d.name)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.districts.addItem(item)
        self.districts.setSpacing(2)
        lines = max(2, min(self.districts.count(), 6))
        self.districts.setFixedHeight((self.fontMetrics().lineSpacing() + 12) * lines + 8)
        f = self.form
        f.add_field(
            "login",
            self.tr("ログイン名"),
            self.login,
            required=True,
            hint=self.tr("サーバーの利用者名と同じにします（例: sato_hanako）。"),
        )
        f.add_field("display_name", self.tr("表示名"), self.display_name, hint=self.tr("例: 佐藤 花子"))
        f.add_field("role", self.tr("役割"), self.role, required=True)
        f.add_widget(self.role_hint)
        f.add_field("district_ids", self.tr("担当学区"), self.districts)
        if user is not None:
            self.fill(user)
        else:  # the least a new user can do; 管理者 is a deliberate choice, never the first item taken as is
            self.role.set_value(UserRole.VIEWER)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.fit_to_screen(30)

    def fill(self, user: UserDTO) -> None:
        """Show ``user`` (on opening, and after 再読み込み of someone else's save)."""
        self.user = user
        super().fill(user)
        for i in range(self.districts.count()):
            item = self.districts.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in user.district_ids
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _show_districts(self, ids: object) -> str:
        names = {
            self.districts.item(i).data(Qt.ItemDataRole.UserRole): self.districts.item(i).text()
            for i in range(self.districts.count())
        }
        return "、".join(names.get(i, str(i)) for i in ids) if ids else self.tr("（なし）")  # type: ignore[attr-defined]

    def _role_changed(self) -> None:
        role: UserRole = self.role.value()
        self.role_hint.setText(QCoreApplication.translate("UserRole", ROLE_DESCRIPTIONS[role]))
        self.districts.setEnabled(role in ROLES_WITH_DISTRICTS)

    def chosen_districts(self) -> tuple[int, ...]:
        return tuple(
            int(self.districts.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.districts.count())
            if self.districts.item(i).checkState() == Qt.CheckState.Checked
        )

    def save_request(self) -> SaveRequest:
        """The user as typed, written on the database worker (an edit through the conflict dialog)."""
        role: UserRole = self.role.value()
        data = UserInput(
            login=self.login.text(),
            display_name=self.display_name.text(),
            role=role,
            district_ids=self.chosen_districts() if role in ROLES_WITH_DISTRICTS else (),
        )
        db = self.ctx.db
        if self.user is None:
            return SaveRequest(lambda _version: users.create_user(db, data))
        user_id = self.user.id
        return self.request_update(
            self.user,
            lambda version: users.update_user(db, user_id, data, version),
            db=db,
            entity="app_user",
            what=self.tr("利用者の登録内容"),
            load=lambda: users.get_user(db, user_id),
            mine=data,
            fields=form_conflict_fields(self.form, shows={"district_ids": self._show_districts}),
        )


#: What the window shows first: who is connected, and the users.
Loaded = tuple[CurrentUserDTO, list[UserDTO]]


def load_users(db: Database) -> Loaded:
    """Who is connected and the registered users (call it on the database worker)."""
    return users.current_user(db), users.list_users(db)


def open_users_dialog(
    ctx: AppContext,
    parent: QWidget,
    show: Callable[[UsersDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read who is connected and the users on the database worker, then build the window and ``show`` it."""
    db = ctx.db
    open_after_loading(
        parent, lambda: load_users(db), lambda a: UsersDialog(ctx, parent, loaded=a), show, failure=failure
    )


class UsersDialog(QDialog):
    """The list of users with 新規登録 / 編集 / 削除 (for 管理者)."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, loaded: Loaded | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.editor: UserDialog | None = None
        self._loads = Generation()
        ctx.dataChanged.connect(self._data_changed)
        self.setWindowTitle(self.tr("利用者の管理"))
        if loaded is None:  # read here when the caller did not read it on the worker
            loaded = load_users(ctx.db)
        me, listed = loaded
        self.who = QLabel(self.tr("接続中: {0}").format(me.describe()))
        self.who.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        if not me.shared:
            self.note.setText(
                self.tr(
                    "このパソコンのファイルでは権限の制限はありません。ここで登録した利用者は、データをサーバーへ移したときに使われます。"
                )
            )
        elif not me.can_manage_users:
            self.note.setText(self.tr("利用者の登録・変更は管理者だけができます。"))
        elif me.setup_mode:
            self.note.setText(
                self.tr(
                    "まだ利用者が登録されていません。最初に、いま接続しているあなた自身を管理者として登録してください。"
                )
            )
        self.note.setVisible(bool(self.note.text()))
        self.model = UsersModel(self)
        self.table = DataTable(self)
        self.table.setModel(self.model)
        self.table.activatedRow.connect(lambda _row: self.edit_selected())
        self.add_button = QPushButton(self.tr("新規登録"))
        self.add_button.setObjectName("addButton")
        self.edit_button = QPushButton(self.tr("編集"))
        self.edit_button.setObjectName("editButton")
        self.delete_button = QPushButton(self.tr("削除"))
        self.delete_button.setObjectName("deleteButton")
        for button in (self.add_button, self.edit_button, self.delete_button):
            button.setEnabled(me.can_manage_users)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("閉じる"))
        close.rejected.connect(self.reject)

        actions = QHBoxLayout()
        actions.addStretch(1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.who)
        layout.addWidget(self.note)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addWidget(close)
        em = self.fontMetrics().horizontalAdvance("あ")
        self.resize(em * 44, em * 26)
        self._show_users(listed)
        if me.setup_mode and me.can_manage_users:
            self._suggested_login = me.login
        else:
            self._suggested_login = ""

    def _data_changed(self, area: str) -> None:
        if area == Area.USERS:
            self.refresh()

    def refresh(self) -> None:
        """The users as registered now, read on the database worker (only the newest answer shows)."""
        db = self.ctx.db
        QueryOp(lambda: users.list_users(db), parent=self).latest(self._loads).success(self._show_users).run()

    def _show_users(self, listed: list[UserDTO]) -> None:
        self.model.set_rows(listed)
        self.table.resizeColumnsToContents()

    def _selected(self) -> UserDTO | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def _open(self, dialog: UserDialog) -> None:
        self.editor = dialog
        dialog.saved.connect(self._saved)
        dialog.open()

    def _saved(self, _dto: UserDTO) -> None:
        self.refresh()
        self.ctx.notify(Area.USERS)

    def add(self) -> None:
        open_user_editor(self.ctx, None, self, self._open_new)

    def _open_new(self, dialog: UserDialog) -> None:
        if self._suggested_login:
            dialog.login.setText(self._suggested_login)
            dialog.role.set_value(UserRole.ADMIN)
        self._open(dialog)

    def edit_selected(self) -> None:
        user = self._selected()
        if user is not None:
            open_user_editor(self.ctx, user.id, self, self._open)

    def delete_selected(self) -> None:
        user = self._selected()
        if user is None:
            return
        question = self.tr(
            "利用者「{0}」の登録を削除しますか？このログインでは閲覧だけができるようになります。"
        ).format(user.label)
        if not confirm(self, self.tr("利用者の削除"), question, self.tr("削除")):
            return
        db, user_id, version = self.ctx.db, user.id, user.version
        QueryOp(lambda: users.delete_user(db, user_id, version), parent=self).success(
            lambda _none: self._saved(user)
        ).failure(lambda exc: show_error(self, exc, title=self.tr("削除できませんでした"))).run()
