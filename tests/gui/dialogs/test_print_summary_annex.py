"""The 連絡会まとめ's print window as a person uses it on a crowded town: the line under 「付録にすべて載せる」
says what the annex holds and how long the full annex is; a click on the box draws the full annex (asked
about first when it is long: キャンセル leaves the paper as it was)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QMessageBox
from pytestqt.qtbot import QtBot
from summary_town import Town

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.gui.dialogs import print_summary
from sakae_council.gui.dialogs.print_summary import PrintSummaryDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.dashboard import DashboardPage
from sakae_council.gui.widgets.print_window import REBUILD_DELAY_MS

TITLES = [f"課題その{n:03d}号" for n in range(320)]


@pytest.fixture()
def crowded(db: Database) -> None:
    """One district with 320 issues raised in 令和8年度: 315 cut from its section, more than the annex's 300."""
    t = Town(db)
    t.issues(t.district("布鎌小学校区", 1), TITLES)


def flat_text(path: str | Path) -> str:
    return "".join("".join((p.extract_text() or "").split()) for p in PdfReader(str(path)).pages)


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its box (its left end), where a person clicks it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def open_summary_print(qtbot: QtBot, window: MainWindow) -> PrintSummaryDialog:
    page = window.show_page("dashboard")
    wait_idle()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.print_button.isEnabled(), timeout=10000)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.findChild(PrintSummaryDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.full_annex.isEnabled() and not dialog.is_busy(), timeout=60000)
    return dialog


def test_a_click_on_the_full_annex_prints_every_item(qtbot: QtBot, crowded: None, window: MainWindow) -> None:
    dialog = open_summary_print(qtbot, window)
    assert not dialog.full_annex.isChecked()  # the paper a meeting can hold comes first
    assert dialog.annex_note.text() == (
        "付録は各一覧300件までで、15件は省いています（すべて載せると付録だけで約16ページ）。"
    )
    bounded = flat_text(dialog.pdf_path)  # type: ignore[arg-type]
    assert "ほか15件は載せていません" in bounded and TITLES[-1] not in bounded
    with qtbot.waitSignal(dialog.built, timeout=60000):
        click_box(qtbot, dialog.full_annex)
    assert dialog.full_annex.isChecked()
    full = flat_text(dialog.pdf_path)  # type: ignore[arg-type]
    assert all(t in full for t in TITLES) and "載せていません" not in full
    assert dialog.annex_note.text() == "付録に315件をすべて載せています（付録だけで約16ページ）。"
    # and back: the bounded paper again
    with qtbot.waitSignal(dialog.built, timeout=60000):
        click_box(qtbot, dialog.full_annex)
    assert TITLES[-1] not in flat_text(dialog.pdf_path)  # type: ignore[arg-type]
    dialog.close()


def test_a_long_full_annex_is_asked_about_first(
    qtbot: QtBot, crowded: None, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(print_summary, "ASK_PAGES", 10)  # the 16 pages of this town count as long
    dialog = open_summary_print(qtbot, window)
    shown = dialog.pdf_path
    asked: list[str] = []

    def answer(button: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        asked.append(box.text())
        qtbot.mouseClick(next(b for b in box.buttons() if b.text() == button), Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, lambda: answer("キャンセル"))
    click_box(qtbot, dialog.full_annex)
    wait_idle(qtbot)
    assert asked == [
        "付録にすべての項目（315件）を載せると、付録だけで約16ページになり、作るのに時間がかかります。載せますか？"
    ]
    qtbot.wait(3 * REBUILD_DELAY_MS)
    assert not dialog.full_annex.isChecked() and not dialog.is_busy()
    assert dialog.pdf_path == shown  # nothing drawn again

    QTimer.singleShot(0, lambda: answer("すべて載せる"))
    with qtbot.waitSignal(dialog.built, timeout=60000):
        click_box(qtbot, dialog.full_annex)
    full = flat_text(dialog.pdf_path)  # type: ignore[arg-type]
    assert dialog.full_annex.isChecked() and all(t in full for t in TITLES)
    dialog.close()
