"""No statement on the GUI thread while the program opens its data and while a person switches to other data
(issue 18's last three: opening the file in the open flow, seeding its reference data, reading the person's
rights for the edit actions). The guard listens to every engine, also the one the open makes
(thread_guard.py, without a database); data is set up and read back through the services outside it.

Journeys under this assertion here:
- the program started as ``python -m sakae_council`` starts it (the window painted first, then the file
  opened): on the demo town, and on a file that does not exist yet (created and seeded);
- ファイル › 開く… (Ctrl+O, the file chosen in the dialog) to another town, the district switcher by keyboard
  there, then ファイル › 新規… to a new file;
- on the town server (PostgreSQL) as a login the server does not know: 閲覧のみ, told on every edit action.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine, text

from sakae_council.db import shared
from sakae_council.db.engine import open_database
from sakae_council.db.lock import lock_path_for
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.roles import UserRole
from sakae_council.gui.app import OpenAfterPaint, create_window, prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.services import districts, issues, people, users
from sakae_council.services.setup import ensure_seeded

from .demo_town import demo_town_copy
from .helpers import TODAY
from .safety_helpers import ModalScript, pick_file
from .test_gui_thread_pages import pick  # the district switcher by keyboard
from .thread_guard import queries_off_gui_thread
from .waiting import wait_idle

FUKAMA = "布鎌小学校区"
VIEWER = "閲覧のみの利用者のため、変更できません"


class Program:
    """What run_gui does up to ``app.exec()`` (pytest-qt's loop stands in for it), and its end."""

    def __init__(self, qtbot: QtBot, qapp: QApplication, target: str) -> None:
        settings = app_settings()
        self.ctx = AppContext(None, settings, font_family=prepare_application(qapp, settings), today=TODAY)
        self.window: MainWindow = create_window(self.ctx)
        self.opener = OpenAfterPaint(self.window, target)
        self.window.resize(1280, 760)
        self.window.show()
        qtbot.waitExposed(self.window)
        qtbot.waitUntil(lambda: self.opener.opened, timeout=30_000)
        wait_idle(qtbot)  # the first page's data, the start-up backup, the status line
        self.window.activateWindow()
        qtbot.waitUntil(self.window.isActiveWindow)

    def roster_rows(self, qtbot: QtBot) -> list[str]:
        qtbot.keyClick(self.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # 名簿
        wait_idle(qtbot)
        page = self.window.current_page()
        assert page is self.window.page("roster")
        model = page.model  # type: ignore[attr-defined]
        return [model.index(r, 0).data() for r in range(model.rowCount())]

    def end(self) -> None:
        db = self.ctx.db if self.ctx.has_database else None
        self.window.close()
        self.opener.finish()
        if db is not None:
            db.close()
        self.window.deleteLater()
        QApplication.processEvents()


@pytest.fixture()
def programs() -> Iterator[list[Program]]:
    started: list[Program] = []
    yield started
    for program in started:
        program.end()


def names_of(path: Path) -> set[str]:
    db = open_database(path, create=False, lock=False)
    try:
        return {p.name for p in people.list_people(db)}
    finally:
        db.close()


def test_the_program_starts_on_its_file_without_a_statement_on_the_gui_thread(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    programs: list[Program],
) -> None:
    town = demo_town_copy(tmp_path_factory, tmp_path / "town.db")
    everyone = names_of(town)
    with queries_off_gui_thread():
        program = Program(qtbot, qapp, str(town))
        programs.append(program)
        assert program.ctx.db.path == town and not program.ctx.db.read_only
        assert program.ctx.write_block_reason() == ""
        assert program.window.page("roster").new_button.isEnabled()  # type: ignore[attr-defined]
        rows = program.roster_rows(qtbot)
        assert rows and set(rows) <= everyone
        pick(qtbot, program.window.district_switcher, FUKAMA)
        assert program.window.current_page().context_label.text().startswith(f"{FUKAMA}・")  # type: ignore[union-attr]
    assert str(town) in program.window.database_label.full_text()


def test_a_new_file_at_start_is_created_and_seeded_on_the_worker(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, programs: list[Program]
) -> None:
    path = tmp_path / "新しい協議会.db"
    with queries_off_gui_thread():
        program = Program(qtbot, qapp, str(path))
        programs.append(program)
        assert program.roster_rows(qtbot) == []
    db = program.ctx.db
    assert db.path == path
    assert {c.name for c in issues.list_categories(db)}, "the issue categories were seeded"
    assert districts.list_districts(db) == []


def test_switching_files_by_the_menu_opens_seeds_and_reads_rights_on_the_worker(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path_factory: pytest.TempPathFactory,
    tmp_path: Path,
    programs: list[Program],
) -> None:
    first = demo_town_copy(tmp_path_factory, tmp_path / "first" / "town.db")
    other = demo_town_copy(tmp_path_factory, tmp_path / "other" / "town.db")
    db = open_database(other, create=False)
    try:  # the other town differs from the first: one more person, in 布鎌
        fukama = next(d.id for d in districts.list_districts(db) if d.name == FUKAMA)
        member = people.MembershipInput(district_id=fukama, role=MemberRole.SUISHIN)
        people.create_person(
            db, people.PersonInput(name="切替 花子", furigana="キリカエ ハナコ", memberships=(member,))
        )
    finally:
        db.close()
    new = tmp_path / "new" / "まちづくり協議会.db"
    new.parent.mkdir()
    program = Program(qtbot, qapp, str(first))
    programs.append(program)
    window = program.window
    before = program.ctx.db
    with queries_off_gui_thread():
        script = ModalScript([(QFileDialog, pick_file(other))])
        qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # ファイル › 開く…
        qtbot.waitUntil(lambda: program.ctx.db.path == other, timeout=30_000)
        wait_idle(qtbot)
        script.check()
        assert "切替 花子" in program.roster_rows(qtbot)
        pick(qtbot, window.district_switcher, FUKAMA)
        assert "切替 花子" in program.roster_rows(qtbot)
        assert window.page("roster").new_button.isEnabled()  # type: ignore[attr-defined]

        script = ModalScript([(QFileDialog, pick_file(new))])
        window.action_new_file.trigger()  # what a click on ファイル › 新規… does
        qtbot.waitUntil(lambda: program.ctx.db.path == new, timeout=30_000)
        wait_idle(qtbot)
        script.check()
        assert program.roster_rows(qtbot) == []
    assert str(new) in window.database_label.full_text()
    assert issues.list_categories(program.ctx.db), "the new file's reference data was seeded"
    assert not lock_path_for(first).exists() and not lock_path_for(other).exists(), (
        "the old files were closed"
    )
    assert before is not program.ctx.db


PG_URL = os.environ.get("SAKAE_TEST_PG_URL", "")


@pytest.fixture()
def server_schema() -> Iterator[str]:
    """A fresh schema on the test server, seeded, where the server login is registered as 閲覧のみ."""
    if not PG_URL:
        pytest.skip("SAKAE_TEST_PG_URL is not set: this journey needs a real PostgreSQL server")
    import uuid

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{name}"'))
    url = f"{PG_URL}{'&' if '?' in PG_URL else '?'}options=-csearch_path%3D{name}"
    try:
        db = open_database(url)
        try:  # this login, first 管理者, seeds the reference data, then becomes 閲覧のみ beside another 管理者
            ensure_seeded(db)
            state = shared.state_of(db)
            assert state is not None
            login = state.login  # the server's user name
            me = users.create_user(
                db, users.UserInput(login=login, display_name="見学 花子", role=UserRole.ADMIN)
            )
            users.create_user(db, users.UserInput(login="kanri2", role=UserRole.ADMIN))
            users.update_user(
                db,
                me.id,
                users.UserInput(login=login, display_name="見学 花子", role=UserRole.VIEWER),
                me.version,
            )
        finally:
            db.close()
        yield url
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{name}" CASCADE'))
        admin.dispose()


def test_on_the_server_a_viewer_is_told_on_every_edit_action_and_its_rights_are_read_on_the_worker(
    qtbot: QtBot, qapp: QApplication, server_schema: str, programs: list[Program]
) -> None:
    with queries_off_gui_thread():
        program = Program(qtbot, qapp, server_schema)
        programs.append(program)
        assert program.ctx.write_block_reason() == VIEWER
        program.roster_rows(qtbot)
        button = program.window.page("roster").new_button  # type: ignore[attr-defined]
        assert not button.isEnabled() and button.toolTip() == VIEWER
        label = program.window.findChild(QLabel, "userLabel")
        assert label is not None and label.isVisible() and label.text() == "利用者: 見学 花子（閲覧のみ）"
