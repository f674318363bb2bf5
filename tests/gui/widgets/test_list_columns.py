"""List pages on a narrow window: the name column stays in view while scrolling sideways, the least important
columns give way first and come back from the header's menu (remembered)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QHeaderView, QMenu
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.gui.widgets.data_table import DataTable

CONTACT = 6  # the roster's 連絡先: priority 3, the first to give way


def roster_page(qtbot: QtBot, window: MainWindow, width: int) -> RosterPage:
    window.resize(width, 700)
    page = window.show_page("roster")
    wait_idle()
    assert isinstance(page, RosterPage)
    qtbot.waitUntil(lambda: page.table.model().rowCount() > 0)
    qtbot.wait(50)
    return page


def column_titles(table: DataTable) -> list[str]:
    header = table.horizontalHeader()
    model = table.model()
    return [
        str(model.headerData(c, Qt.Orientation.Horizontal))
        for c in range(model.columnCount())
        if not header.isSectionHidden(c)
    ]


def right_click_and_choose(qtbot: QtBot, header: QHeaderView, section: int, text: str) -> list[str]:
    """Right-click the header over ``section`` and click ``text`` in the menu that opens; returns its items."""
    seen: list[str] = []

    def choose() -> None:
        menu = QApplication.activePopupWidget()
        if not isinstance(menu, QMenu):
            QTimer.singleShot(20, choose)
            return
        seen.extend(a.text() for a in menu.actions() if a.text())
        action = next(a for a in menu.actions() if a.text() == text)
        QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    QTimer.singleShot(0, choose)
    pos = QPoint(header.sectionViewportPosition(section) + 5, header.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, header.mapToGlobal(pos))
    QApplication.sendEvent(header.viewport(), event)
    return seen


def test_the_least_important_columns_give_way_on_a_narrow_window(
    qtbot: QtBot, roster, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    wide = column_titles(roster_page(qtbot, window, 1600).table)
    assert wide == ["氏名", "フリガナ", "学区", "役割", "役職", "任期", "連絡先"]
    table = roster_page(qtbot, window, 900).table
    qtbot.waitUntil(lambda: "連絡先" not in column_titles(table))
    assert column_titles(table)[:2] == ["氏名", "学区"]  # フリガナ (2) went before 学区 (1); the name stays
    assert table.horizontalScrollBar().maximum() == 0  # what is shown fits: no sideways scrolling


def test_a_hidden_column_comes_back_from_the_header_menu_and_is_remembered(
    qtbot: QtBot,
    roster,
    window: MainWindow,
    ctx: AppContext,  # type: ignore[no-untyped-def]
) -> None:
    table = roster_page(qtbot, window, 900).table
    qtbot.waitUntil(lambda: table.horizontalHeader().isSectionHidden(CONTACT))
    items = right_click_and_choose(qtbot, table.horizontalHeader(), 1, "連絡先")
    assert "連絡先" in items and "氏名" not in items  # the frozen name column cannot be hidden
    qtbot.waitUntil(lambda: not table.horizontalHeader().isSectionHidden(CONTACT))
    assert table.columnWidth(CONTACT) > 0
    window.close()

    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    table = roster_page(qtbot, again, 900).table
    assert "連絡先" in column_titles(table)  # the user's choice wins over the room, next time too
    items = right_click_and_choose(
        qtbot, table.horizontalHeader(), 1, "表示する列を自動に戻す（画面の幅に合わせる）"
    )
    qtbot.waitUntil(lambda: table.horizontalHeader().isSectionHidden(CONTACT))


def test_the_name_stays_in_view_after_scrolling_right(qtbot: QtBot, roster, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    table = roster_page(qtbot, window, 900).table
    for column in range(1, table.model().columnCount()):  # every column shown: wider than the window
        table.chooser.set_visible(column, True)  # type: ignore[union-attr]
    bar = table.horizontalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    wait_idle()
    qtbot.wait(20)
    first = table.model().index(0, 0)
    assert table.visualRect(first).left() < 0  # the table's own name cell has scrolled away…
    frozen = table.frozen
    assert frozen is not None and frozen.isVisible()
    cell = frozen.visualRect(first)
    assert frozen.viewport().rect().contains(cell)  # …and the frozen column still shows it whole
    assert frozen.model().data(first) == "渡辺 花子" or frozen.model().data(first)
    on_table = QRect(frozen.mapTo(table, frozen.geometry().topLeft() - frozen.pos()), frozen.size())
    assert on_table.left() <= table.viewport().geometry().left() + 1  # at the table's left edge
    # The same row is selected in both, and a row chosen by keyboard does not move the table sideways.
    table.setFocus()
    table.select_row(3)
    assert frozen.selectionModel().isRowSelected(3)
    assert bar.value() == bar.maximum()


def test_a_click_on_the_frozen_name_header_sorts_by_name(qtbot: QtBot, roster, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = roster_page(qtbot, window, 1400)
    table = page.table
    header = table.horizontalHeader()
    assert header.sortIndicatorSection() == 1 and page.sort_key == "kana"  # by フリガナ at first
    frozen = table.frozen
    assert frozen is not None
    name_header = frozen.horizontalHeader()
    QTest.mouseClick(
        name_header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(name_header.sectionSize(0) // 2, name_header.height() // 2),
    )
    qtbot.waitUntil(lambda: header.sortIndicatorSection() == 0)
    assert name_header.sortIndicatorSection() == 0  # the arrow shows on the name the user clicked
    assert page.sort_key == "name"  # the list was asked again from the database, by name
