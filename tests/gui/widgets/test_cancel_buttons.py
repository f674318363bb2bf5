"""中止 beside the progress of long work, pressed as a person presses it: the work stops and leaves nothing.

The worker runs one operation at a time, so the test holds it with a real operation of its own (waiting
on an event) to press 中止 at a moment it chooses; the work then stops before it writes anything. Stopping
in the middle of drawing or writing is proven where the work is done (tests/reports/test_cancel_drawing.py,
tests/services/test_cancelling.py).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from sakae_council.cancel import CancelToken
from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.import_members import ImportMembersDialog
from sakae_council.gui.dialogs.print_roster import PrintRosterDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.ops import Lane, QueryOp
from sakae_council.gui.widgets.progress import start_with_progress
from sakae_council.services import people

from ..waiting import wait_idle


def hold(lane: Lane) -> threading.Event:
    """Keep ``lane``'s worker busy until the returned event is set."""
    gate = threading.Event()
    QueryOp(lambda: gate.wait(30), lane=lane).run()
    return gate


def toggle(qtbot: QtBot, dialog: PrintRosterDialog) -> None:
    """Tick or untick 連絡先 with the keyboard (Space on the focused box)."""
    dialog.contacts.setFocus()
    qtbot.keyClick(dialog.contacts, Qt.Key.Key_Space)


def test_cancel_in_the_print_window_stops_the_paper_and_leaves_no_file(
    qtbot: QtBot, ctx: AppContext, roster, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = PrintRosterDialog(ctx)  # not qtbot.addWidget: closed, the window deletes itself
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None and not dialog.is_busy(), timeout=60_000)
    first = dialog.pdf_path
    gate = hold(Lane.PAPERS)
    toggle(qtbot, dialog)  # another variant: drawn again
    qtbot.waitUntil(lambda: dialog.task.isVisible() and dialog.task.cancel_button.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: dialog.task.cancel_button.isEnabled())
    folder = first.parent if first else None
    assert folder is not None
    qtbot.mouseClick(dialog.task.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    wait_idle(qtbot)
    assert "中止しました" in dialog.status.text()
    assert not dialog.task.isVisible()
    assert sorted(p.name for p in folder.iterdir()) == [first.name]  # no second PDF, not even a partial one
    assert dialog.save_button.isEnabled()  # the paper shown before can still be saved

    # Closing the window while a paper is drawn stops it too, and removes the temporary folder.
    gate = hold(Lane.PAPERS)
    toggle(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.task.isVisible(), timeout=5000)
    QApplication.sendEvent(dialog, QCloseEvent())
    assert not dialog.isVisible()
    gate.set()
    wait_idle(qtbot)
    assert not folder.exists()
    qtbot.waitUntil(lambda: not isValid(dialog))  # and the window itself is let go once the drawing stopped


def test_cancel_during_an_import_leaves_the_roster_as_it_was(
    qtbot: QtBot, window: MainWindow, db: Database, two_districts, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from ..safety_helpers import ModalScript, pick_file

    source = tmp_path / "名簿.csv"
    source.write_text("氏名,フリガナ\n山田 太郎,ヤマダ タロウ\n佐藤 花子,サトウ ハナコ\n", encoding="utf-8")
    page = window.show_page("roster")
    wait_idle(qtbot)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = page.findChild(ImportMembersDialog)
    assert dialog is not None
    dialog.district.setCurrentIndex(dialog.district.findText("安食小学校区"))
    script = ModalScript([(QFileDialog, pick_file(source))])
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    script.check()
    qtbot.waitUntil(lambda: dialog.import_all_button.isEnabled(), timeout=10_000)
    gate = hold(Lane.DATABASE)
    qtbot.mouseClick(dialog.import_all_button, Qt.MouseButton.LeftButton)
    assert dialog.task.isVisible() and dialog.task.cancel_button.isEnabled()
    qtbot.mouseClick(dialog.task.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    wait_idle(qtbot)
    assert "取り込みを中止しました" in dialog.result_line.text.text()
    assert people.list_people(db) == []
    assert dialog.import_all_button.isEnabled()  # it can be started again
    qtbot.mouseClick(dialog.import_all_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)
    assert sorted(p.name for p in people.list_people(db)) == ["佐藤 花子", "山田 太郎"]


def _endless(token: CancelToken) -> None:
    for step in range(10_000):
        token.progress(step, 0)
        threading.Event().wait(0.01)


@pytest.mark.parametrize("how", ["esc", "button", "close"])
def test_the_progress_window_stops_on_esc_on_its_button_and_on_the_close_request(
    qtbot: QtBot, how: str
) -> None:
    """The 「お待ちください」 window of long work: Esc, 中止 and the window's × each stop the work, and the
    window goes away only once it has stopped."""
    outcome: list[str] = []
    window = start_with_progress(
        None,
        "作業中",
        _endless,
        lambda _r: outcome.append("done"),
        on_cancelled=lambda: outcome.append("stopped"),
    )
    qtbot.waitExposed(window)
    if how == "esc":
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    elif how == "button":
        qtbot.mouseClick(window.task.cancel_button, Qt.MouseButton.LeftButton)
    else:
        handle = window.windowHandle()
        assert handle is not None
        handle.close()
    qtbot.waitUntil(lambda: outcome == ["stopped"], timeout=10_000)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=3_000)
    wait_idle(qtbot)


def test_work_that_cannot_stop_keeps_its_progress_window_until_it_ends(qtbot: QtBot) -> None:
    gate = threading.Event()
    done: list[object] = []
    window = start_with_progress(None, "作業中", lambda _t: gate.wait(30), done.append, cancellable=False)
    qtbot.waitExposed(window)
    assert not window.task.cancel_button.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    handle = window.windowHandle()
    assert handle is not None
    handle.close()
    assert window.isVisible(), "work that cannot stop keeps its window until it ends"
    gate.set()
    qtbot.waitUntil(lambda: bool(done) and not window.isVisible(), timeout=10_000)
    wait_idle(qtbot)
