"""Issue 9 acceptance: two program instances on one PostgreSQL server, each with its own engine and
login; the first has an editor open when the second saves the same record. The first's 保存 brings up
the two-version dialog (who saved, from the audit trail) — never an overwrite — and 上書き / 再読み込み
do what they say. Skipped without SAKAE_TEST_PG_URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from gui.conflict_cases import CASES, answer  # tests/gui (the same editors as the SQLite tests)
from gui.helpers import TODAY
from gui.waiting import wait_idle
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.form import set_editor_value

from .conftest import Store

BY_ID = {c.id: c for c in CASES}


@pytest.fixture()
def instance_ctx(qapp: QApplication, tmp_path: Path) -> Callable[[Database], AppContext]:
    def make(db: Database) -> AppContext:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        return AppContext(db, settings, today=TODAY)

    return make


@pytest.mark.parametrize(
    ("editor", "button"), [("organisation", "overwrite_button"), ("issue", "reload_button")]
)
def test_a_stale_save_between_two_instances_on_the_server_opens_the_conflict_dialog(
    qtbot: QtBot, pg_store: Store, instance_ctx: Callable[[Database], AppContext], editor: str, button: str
) -> None:
    case = BY_ID[editor]
    yamada, sato = pg_store.open("yamada"), pg_store.open("sato")
    record = case.seed(yamada)
    dialog = case.open(instance_ctx(yamada), record)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)

    case.update(sato, record, "佐藤の変更")  # the second instance saves first
    set_editor_value(dialog.form.row(case.field).editor, "山田の変更")
    seen: list[list[tuple[str, str, str]]] = []
    explanations: list[str] = []
    answer(button, seen, explanations)
    dialog.save_button.click()
    qtbot.waitUntil(
        lambda: bool(seen), timeout=30_000
    )  # editors on the database worker save off the GUI thread
    wait_idle(qtbot)

    assert seen and (f"★ {case.label}", "山田の変更", "佐藤の変更") in seen[0]
    assert "sato が 令和" in explanations[0]  # who saved, as the server's audit trail says
    saved = getattr(case.load(sato, record), case.field)
    if button == "overwrite_button":
        assert saved == "山田の変更" and not dialog.isVisible()
    else:
        assert saved == "佐藤の変更" and dialog.isVisible()
        assert "・内容: 山田の変更" in dialog.conflict_note.text.text()
