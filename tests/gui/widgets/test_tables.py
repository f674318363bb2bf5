"""The one table every list uses (DataTable), with its frozen name column and the columns that fit a laptop.

Driven as a person: keys on the table, a narrow window, the header's menu, scrolling sideways. A small
QStandardItemModel with a ``column_priority`` stands in for a page's model (the models themselves are
checked with qtmodeltester in tests/gui/models/test_models.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.gui.widgets.data_table import DataTable

HEADERS = ["氏名", "ふりがな", "学区", "役割", "電話", "住所", "備考"]
#: 0 never hidden; higher numbers are hidden first.
PRIORITY = [0, 1, 2, 2, 3, 4, 5]


class Model(QStandardItemModel):
    def column_priority(self, column: int) -> int:
        return PRIORITY[column]


def model(rows: int = 40) -> Model:
    m = Model(rows, len(HEADERS))
    m.setHorizontalHeaderLabels(HEADERS)
    for r in range(rows):
        values = [
            f"栄 太郎{r:02d}",
            f"さかえ たろう{r:02d}",
            "安食小学校区",
            "ふれあい推進員",
            "0476-95-0000",
            "千葉県印旛郡栄町安食一丁目一番地の" + "長い住所" * 3,
            "<備考> & メモ",
        ]
        for c, v in enumerate(values):
            m.setItem(r, c, QStandardItem(v))
    return m


def shown_table(qtbot: QtBot, width: int, settings: QSettings | None = None) -> DataTable:
    table = DataTable()
    qtbot.addWidget(table)
    table.setModel(model())
    table.freeze_first_column()
    if settings is not None:
        table.fit_columns_to_width(settings, "test/columns")
    table.resize(width, 400)
    table.show()
    qtbot.waitExposed(table)
    table.setFocus()
    QApplication.processEvents()
    return table


def test_enter_on_a_row_and_delete_on_a_row_say_which_row(qtbot: QtBot) -> None:
    table = shown_table(qtbot, 900)
    table.select_row(0)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    with qtbot.waitSignal(table.activatedRow) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [2] and table.current_row() == 2
    with qtbot.waitSignal(table.deleteRequested) as deleted:
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert deleted.args == [2]


def test_the_name_stays_in_view_while_the_other_columns_scroll_sideways(qtbot: QtBot) -> None:
    table = shown_table(qtbot, 420)
    frozen = table.frozen
    assert frozen is not None and frozen.isVisible()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0  # narrower than the columns: sideways scrolling is needed
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    # the frozen view still shows column 0 at the left edge, over the scrolled table
    assert frozen.geometry().left() <= table.viewport().geometry().left()
    assert frozen.columnWidth(0) == table.columnWidth(0)
    assert frozen.indexAt(frozen.viewport().rect().topLeft()).data() == "栄 太郎00"
    # its rows follow the table's vertical scrolling
    table.verticalScrollBar().setValue(10)
    QApplication.processEvents()
    assert frozen.verticalScrollBar().value() == 10


def test_a_narrow_table_hides_the_least_important_columns_first_and_never_the_name(
    qtbot: QtBot, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    table = shown_table(qtbot, 520, settings)
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.isSectionHidden(6))
    hidden = {c for c in range(len(HEADERS)) if header.isSectionHidden(c)}
    assert 0 not in hidden
    # hidden from the highest priority number down: no column hidden while a less important one shows
    for c in hidden:
        assert all(PRIORITY[s] <= PRIORITY[c] or s in hidden for s in range(1, len(HEADERS)))
    table.resize(2400, 400)  # wide again: everything comes back
    qtbot.waitUntil(lambda: not any(header.isSectionHidden(c) for c in range(len(HEADERS))))


def test_the_header_menu_brings_a_column_back_and_the_choice_is_remembered(qtbot: QtBot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    table = shown_table(qtbot, 520, settings)
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.isSectionHidden(6))
    assert table.chooser is not None
    menu = table.chooser.build_menu()
    action = next(a for a in menu.actions() if a.text() == "備考")
    assert not action.isChecked()
    action.trigger()  # the person ticks 備考 in the header's menu
    assert not header.isSectionHidden(6)
    assert settings.value("test/columns/shown") in (["6"], "6")

    again = shown_table(qtbot, 520, settings)  # the next start reads the choice
    qtbot.waitUntil(lambda: again.horizontalHeader().isSectionHidden(5) or not again.isVisible())
    assert not again.horizontalHeader().isSectionHidden(6)

    reset = next(a for a in again.chooser.build_menu().actions() if "自動に戻す" in a.text())  # type: ignore[union-attr]
    reset.trigger()
    qtbot.waitUntil(lambda: again.horizontalHeader().isSectionHidden(6))
    assert settings.value("test/columns/shown") in ([], None, "")
