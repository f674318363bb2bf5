"""The shared-server screens, driven like a user would: the conflict dialog between two program
instances on one server, lists refreshing from other users' saves, and the connection dialog."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import keyring
import pytest
from gui.waiting import wait_idle
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url

from sakae_council.db.engine import Database
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.errors import ConflictError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import (
    ConflictChoice,
    ConflictDialog,
    ConflictField,
    describe_last_change,
    dto_values,
    is_version_conflict,
    save_resolving_conflicts,
)
from sakae_council.gui.dialogs.connection import ConnectionDialog
from sakae_council.gui.widgets.change_watcher import ChangeWatcher
from sakae_council.services import connections, districts, people
from sakae_council.services.connections import ServerSettings

from .conftest import PG_URL, Store, needs_pg
from .test_connections import MemoryKeyring
from .town import person_input, seat


def seats(memberships: object) -> str:
    """Memberships from the form (MembershipInput) and from the service (MembershipDTO) alike."""
    return "、".join(f"学区{m.district_id}・{m.role.label}" for m in memberships)  # type: ignore[attr-defined]


FIELDS = [
    ConflictField("name", "氏名"),
    ConflictField("phone", "電話番号"),
    ConflictField("notes", "備考"),
    ConflictField("memberships", "委嘱", seats),
]


def click_in_modal(qtbot: QtBot, button: str, seen: list[ConflictDialog]) -> None:
    """When the next modal dialog opens, remember it and click its ``button`` (by object name)."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ConflictDialog):
            QTimer.singleShot(20, act)
            return
        seen.append(dialog)
        target = dialog.findChild(QWidget, button)
        assert target is not None
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)


@pytest.fixture()
def two_instances(pg_store: Store) -> tuple[Database, Database, int]:
    """Two program instances on one server, and a person both have open."""
    first = pg_store.open("yamada")
    second = pg_store.open("sato")
    a = districts.create_district(first, districts.DistrictInput(name="安食小学校区")).id
    p = people.create_person(
        first, people.PersonInput(name="渡辺 花子", phone="0476-95-1111", memberships=(seat(a),))
    )
    return first, second, p.id


def test_a_stale_save_on_the_server_opens_the_conflict_dialog_and_overwrite_is_deliberate(
    qtbot: QtBot, two_instances: tuple[Database, Database, int]
) -> None:
    first, second, pid = two_instances
    opened_by_first = people.get_person(first, pid)
    # the second instance saves first
    theirs = people.get_person(second, pid)
    people.update_person(second, pid, person_input(theirs, phone="0476-95-2222"), theirs.version)
    # the first instance's stale save is refused with a ConflictError, not written over
    data = person_input(opened_by_first, notes="自治会長")
    with pytest.raises(ConflictError) as refused:
        people.update_person(first, pid, data, opened_by_first.version)
    assert is_version_conflict(refused.value)

    seen: list[ConflictDialog] = []
    click_in_modal(qtbot, "overwriteButton", seen)
    saved = save_resolving_conflicts(
        None,
        what="名簿の情報",
        save=lambda v: people.update_person(first, pid, data, v),
        version=opened_by_first.version,
        load_current=lambda: people.get_person(first, pid),
        fields=FIELDS,
        mine=dto_values(data),
        on_reload=lambda _dto: pytest.fail("not reloaded"),
        changed_by=lambda: describe_last_change(first, "person", pid),
    )
    dialog = seen[0]
    assert dialog.differences == ["phone", "notes"]
    assert [dialog.cell(1, c) for c in range(3)] == ["★ 電話番号", "0476-95-1111", "0476-95-2222"]
    assert [dialog.cell(2, c) for c in range(3)] == ["★ 備考", "自治会長", "（空欄）"]
    assert dialog.cell(3, 1) == dialog.cell(3, 2) == "学区1・ふれあい推進員"
    assert dialog.cell(0, 0) == "氏名"  # same on both sides: no mark
    assert "sato が 令和" in dialog.explanation.text() and "に保存しました" in dialog.explanation.text()
    assert dialog.cancel_button.isDefault()
    assert saved is not None and saved.notes == "自治会長" and saved.phone == "0476-95-1111"
    assert people.get_person(second, pid).notes == "自治会長"


@pytest.mark.parametrize(
    "button, choice", [("reloadButton", ConflictChoice.RELOAD), ("cancelButton", ConflictChoice.CANCEL)]
)
def test_reload_or_cancel_saves_nothing(
    qtbot: QtBot, two_instances: tuple[Database, Database, int], button: str, choice: ConflictChoice
) -> None:
    first, second, pid = two_instances
    stale = people.get_person(first, pid)
    theirs = people.get_person(second, pid)
    people.update_person(second, pid, person_input(theirs, notes="佐藤の変更"), theirs.version)
    reloaded: list[people.PersonDTO] = []
    seen: list[ConflictDialog] = []
    click_in_modal(qtbot, button, seen)
    data = person_input(stale, notes="山田の変更")
    result = save_resolving_conflicts(
        None,
        what="名簿の情報",
        save=lambda v: people.update_person(first, pid, data, v),
        version=stale.version,
        load_current=lambda: people.get_person(first, pid),
        fields=FIELDS,
        mine=dto_values(data),
        on_reload=reloaded.append,
    )
    assert result is None and seen[0].choice is choice
    assert people.get_person(second, pid).notes == "佐藤の変更"
    assert [d.notes for d in reloaded] == (["佐藤の変更"] if choice is ConflictChoice.RELOAD else [])


def test_the_conflict_dialog_reads_well(qtbot: QtBot, tmp_path: Path) -> None:
    mine = {
        "name": "渡辺 花子",
        "phone": "0476-95-1111",
        "role": MemberRole.SUISHIN,
        "notes": "長い備考" * 10,
    }
    theirs = {"name": "渡辺 花子", "phone": "0476-95-2222", "role": MemberRole.STAFF, "notes": ""}
    dialog = ConflictDialog(
        "名簿の情報",
        [("name", "氏名"), ("phone", "電話番号"), ("role", "役割"), ("notes", "備考")],
        mine,
        theirs,
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.cell(2, 1) == "ふれあい推進員" and dialog.cell(2, 2) == "地区担当職員"
    assert dialog.cell(3, 2) == "（空欄）"
    assert dialog.legend.text() == "★ の項目が食い違っています。"
    dialog.grab().save(str(tmp_path / "conflict.png"))
    deleted = ConflictDialog("名簿の情報", [("name", "氏名")], mine, None)
    qtbot.addWidget(deleted)
    assert not deleted.overwrite_button.isEnabled() and "削除しました" in deleted.explanation.text()


@pytest.fixture()
def ctx_for(qapp: QApplication, tmp_path: Path) -> Iterator[Callable[[Database], AppContext]]:
    made: list[AppContext] = []

    def make(db: Database) -> AppContext:
        settings = QSettings(str(tmp_path / f"settings{len(made)}.ini"), QSettings.Format.IniFormat)
        ctx = AppContext(db, settings)
        made.append(ctx)
        return ctx

    yield make


def test_lists_hear_about_other_users_saves_without_a_restart(
    qtbot: QtBot, pg_store: Store, ctx_for: Callable[[Database], AppContext]
) -> None:
    mine, theirs = pg_store.open("自分"), pg_store.open("ほかの人")
    ctx = ctx_for(mine)
    watcher = ChangeWatcher(ctx, interval_ms=100)
    watcher.start()
    try:
        assert watcher.active
        a = districts.create_district(theirs, districts.DistrictInput(name="安食小学校区")).id
        with qtbot.waitSignal(
            ctx.dataChanged, timeout=5000, check_params_cb=lambda area: area == "districts"
        ):
            pass
        with qtbot.waitSignal(watcher.changed, timeout=5000) as got:
            people.create_person(theirs, people.PersonInput(name="北 三郎", memberships=(seat(a),)))
        assert "people" in got.args[0]
    finally:
        watcher.stop()
    assert not watcher.active


def test_the_watcher_stays_idle_on_a_local_file(
    qtbot: QtBot, store: Store, ctx_for: Callable[[Database], AppContext]
) -> None:
    db = store.open("自分")
    watcher = ChangeWatcher(ctx_for(db), interval_ms=50)
    watcher.start()
    assert watcher.active is (store.backend == "postgresql")
    watcher.stop()


@pytest.fixture()
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    kr = MemoryKeyring()
    keyring.set_keyring(kr)
    try:
        yield kr
    finally:
        keyring.set_keyring(previous)


@needs_pg
def test_connection_dialog_tests_the_server_and_keeps_the_password_out_of_the_file(
    qtbot: QtBot, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    url = make_url(PG_URL)
    path = tmp_path / "server.json"
    dialog = ConnectionDialog(settings_path=path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.save_button.text() == "接続" and dialog.remember.isEnabled()
    qtbot.keyClicks(dialog.host, url.host or "")
    dialog.port.setValue(url.port or 5432)
    dialog.database.clear()
    qtbot.keyClicks(dialog.database, url.database or "")
    qtbot.keyClicks(dialog.user, url.username or "")
    qtbot.keyClicks(dialog.password, "test-secret")
    dialog.remember.setChecked(True)

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.test_ok.isVisible() or dialog.test_error.isVisible(), timeout=10000)
    assert dialog.test_ok.text().startswith("✔ 接続できました（PostgreSQL")
    dialog.grab().save(str(tmp_path / "connection.png"))

    dialog.port.setValue(1)
    dialog.test_button.click()
    qtbot.waitUntil(lambda: dialog.test_error.isVisible(), timeout=10000)
    assert "ポート1に接続できません" in dialog.test_error.text.text() and not dialog.test_ok.isVisible()
    dialog.port.setValue(url.port or 5432)

    with qtbot.waitSignal(dialog.saved, timeout=3000) as saved:
        dialog.save_button.click()
    result = saved.args[0]
    assert make_url(result.url).password == "test-secret"
    assert "test-secret" not in repr(result)
    raw = path.read_text(encoding="utf-8")
    assert "test-secret" not in raw and json.loads(raw)["remember_password"] is True
    settings = connections.load_settings(path)
    assert settings is not None and connections.stored_password(settings) == "test-secret"

    # next time the dialog comes back filled in, password from the credential store
    again = ConnectionDialog(settings_path=path)
    qtbot.addWidget(again)
    assert again.password.text() == "test-secret" and again.remember.isChecked()


def test_connection_dialog_shows_missing_fields_under_them(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ConnectionDialog(ServerSettings(host=""), settings_path=tmp_path / "s.json")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save_button.click()
    assert dialog.form.row("host").error.message().startswith("サーバー名")
    assert dialog.isVisible() and not (tmp_path / "s.json").exists()


def click_message_box_button(text: str) -> None:
    """Answer the next confirmation box by clicking the button that says ``text``."""
    from PySide6.QtWidgets import QMessageBox

    def act() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, act)
            return
        for button in box.buttons():
            if button.text() == text:
                button.click()
                return

    QTimer.singleShot(0, act)


def test_users_dialog_registers_edits_and_removes_users(
    qtbot: QtBot, tmp_path: Path, ctx_for: Callable[[Database], AppContext]
) -> None:
    from sakae_council.domain.roles import AccessPolicy, UserRole
    from sakae_council.gui.dialogs.users import UsersDialog
    from sakae_council.services import users

    store = Store("sqlite", str(tmp_path / "users.db"))  # the server case of the rules: test_permissions
    request_close = store.close
    db = store.open("管理担当")
    districts.create_district(db, districts.DistrictInput(name="安食小学校区"))
    districts.create_district(db, districts.DistrictInput(name="布鎌小学校区"))
    dialog = UsersDialog(ctx_for(db))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.add_button.isEnabled() and "権限の制限はありません" in dialog.note.text()

    dialog.add_button.click()

    wait_idle()
    editor = dialog.editor
    assert editor is not None
    qtbot.keyClicks(editor.login, "Kanri")
    editor.role.set_value(UserRole.ADMIN)
    assert not editor.districts.isEnabled()
    editor.save_button.click()
    wait_idle()
    assert [u.login for u in dialog.model.rows()] == ["kanri"]

    dialog.add_button.click()

    wait_idle()
    editor = dialog.editor
    assert editor is not None
    qtbot.keyClicks(editor.login, "jimukyoku")
    editor.display_name.setText("事務局 花子")  # QTest types ASCII only
    editor.role.set_value(UserRole.SECRETARIAT)
    assert editor.districts.isEnabled() and "自分の協議会" in editor.role_hint.text()
    editor.save_button.click()
    wait_idle()
    assert editor.form.row("district_ids").error.message() == "協議会事務局が担当する学区を選んでください。"
    editor.districts.item(1).setCheckState(Qt.CheckState.Checked)
    editor.save_button.click()
    wait_idle()
    assert not editor.isVisible()
    rows = dialog.model.rows()
    assert [(u.login, u.role, u.district_names) for u in rows] == [
        ("kanri", UserRole.ADMIN, ()),
        ("jimukyoku", UserRole.SECRETARIAT, ("布鎌小学校区",)),
    ]
    assert dialog.model.data(dialog.model.index(1, 3)) == "布鎌小学校区"

    dialog.table.selectRow(1)
    click_message_box_button("削除")
    dialog.delete_button.click()
    wait_idle()
    assert [u.login for u in users.list_users(db)] == ["kanri"]

    # someone who is not a 管理者 sees the list but cannot change it
    viewer = store.open("etsuran", AccessPolicy.for_role("etsuran", UserRole.VIEWER))
    theirs = UsersDialog(ctx_for(viewer))
    qtbot.addWidget(theirs)
    assert not theirs.add_button.isEnabled() and not theirs.delete_button.isEnabled()
    assert [u.login for u in theirs.model.rows()] == ["kanri"]
    request_close()


def test_users_model_passes_the_model_tester(qtmodeltester, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    from sakae_council.domain.roles import UserRole
    from sakae_council.gui.dialogs.users import UsersModel
    from sakae_council.services.users import UserDTO

    model = UsersModel()
    model.set_rows([UserDTO(1, 1, "kanri", "管理 太郎", UserRole.ADMIN, (), ())])
    qtmodeltester.check(model)
