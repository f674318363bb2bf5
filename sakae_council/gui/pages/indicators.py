"""指標 page: the plan's 成果指標 against their targets, their charts, and the ⑫ records behind two of them.

Tabs: 成果指標 (a table of indicators × fiscal years — 現状値, 目標値, 実績値 with 自動/上書き/手入力 marked —
and the chart of the indicator in the current row), グラフ一覧 (every indicator's chart), then 相談記録, 講座
and 起業者 (``indicators_lifesupport``). Double-click or Enter on a year's cell enters that figure; an
actual typed over a computed one asks why and records who (``dialogs.indicator_value``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.domain.errors import DomainError
from sakae_council.domain.wareki import fiscal_year, parse_fiscal_year
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.dialogs.indicator_editor import open_indicator_editor
from sakae_council.gui.dialogs.indicator_value import open_value_editor
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.models.indicator_table import FIXED_COLUMNS, IndicatorLine, IndicatorTableModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.pages.indicators_lifesupport import ConsultationsPage, CoursesPage, StartupsPage
from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.indicator_chart import IndicatorChart
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.services import indicator_values, indicators
from sakae_council.services.indicator_values import IndicatorRowDTO
from sakae_council.services.liaison import table_years

#: Areas whose changes move the computed actuals (or the indicators themselves).
AREAS = (Area.INDICATORS, Area.LIFESUPPORT, Area.PROJECTS, Area.DISTRICTS)


class CellTable(DataTable):
    """A DataTable whose cells, not rows, are chosen: Enter or double-click emits ``activatedCell``."""

    activatedCell = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setWordWrap(False)
        self.doubleClicked.connect(lambda index: self.activatedCell.emit(index.row(), index.column()))

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def fit_columns(self) -> None:
        """Columns to their contents, the name column at most ~16 characters (its tooltip has it all)."""
        self.resizeColumnsToContents()
        widest = self.fontMetrics().horizontalAdvance("あ") * 16
        if self.columnWidth(0) > widest:
            self.setColumnWidth(0, widest)

    def changeEvent(self, e: QEvent) -> None:
        super().changeEvent(e)  # rows and columns follow the new text size...
        if e.type() == QEvent.Type.FontChange:
            self.fit_columns()  # ...and the name column stays capped

    def keyPressEvent(self, e: QKeyEvent) -> None:
        index = self.currentIndex()
        if index.isValid() and e.modifiers() == Qt.KeyboardModifier.NoModifier:
            if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.activatedCell.emit(index.row(), index.column())
                return
            if e.key() == Qt.Key.Key_Delete:
                self.deleteRequested.emit(index.row())
                return
        super().keyPressEvent(e)


class IndicatorsTab(QWidget):
    """The table of indicators × fiscal years and the chart of the current indicator."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list[IndicatorRowDTO] = []
        self.extra_years: set[int] = set()
        self.dialog: EntityDialog | None = None
        self._loads = Generation()
        self._wanted_year: int | None = None

        self.value_button = self._button(self.tr("値を入力…"), self.edit_current_cell, "valueButton")
        self.edit_button = self._button(
            self.tr("指標を編集…"), self.edit_current_indicator, "editIndicatorButton"
        )
        self.delete_button = self._button(
            self.tr("指標を削除"), self.delete_current_indicator, "deleteIndicatorButton"
        )
        self.year_button = self._button(self.tr("年度を追加…"), self.ask_year, "addYearButton")
        edit_guard.mark_edit(self.delete_button, self.year_button)  # 値を入力… / 指標を編集… open to read
        buttons = QHBoxLayout()
        for b in (self.value_button, self.edit_button, self.delete_button, self.year_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.hint = MutedLabel(
            self.tr(
                "年度の欄をダブルクリック（またはEnter）すると値を入力できます。実績値の（自動）は記録からの集計、"
                "（上書き）は理由を付けて手入力で直した値、（手入力）は手で記録した値です。"
                "「—」は未集計で、0ではありません。"
            ),
            self,
        )

        self.model = IndicatorTableModel(self)
        self.table = CellTable(self)
        self.table.setObjectName("indicatorTable")
        self.table.freeze_first_column()  # the indicator's name stays in view beside any year
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("成果指標の表"))
        self.table.activatedCell.connect(self.activate_cell)
        self.table.deleteRequested.connect(lambda _row: self.delete_current_indicator())
        self.table.selectionModel().currentChanged.connect(lambda _c, _p: self._show_chart())

        self.chart_title = TitleLabel("", self, factor=1.1)
        self.chart = IndicatorChart(self)
        self.chart.setObjectName("indicatorChart")
        chart_box = QWidget(self)
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 6, 0, 0)
        chart_layout.addWidget(self.chart_title)
        chart_layout.addWidget(self.chart, 1)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(chart_box)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.hint)
        layout.addWidget(self.splitter, 1)

    def _button(self, text: str, slot: Any, name: str) -> QPushButton:
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    # --- loading --------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read the table on the database worker; the newest answer lands in :meth:`_show_table`."""
        db, today, extra = self.ctx.db, self.ctx.today(), set(self.extra_years)

        def load() -> tuple[tuple[int, ...], list[IndicatorRowDTO]]:
            years = tuple(sorted(set(table_years(db, fiscal_year(today))) | extra))
            return years, indicator_values.indicator_table(db, years, today=today)

        QueryOp(load, parent=self).latest(self._loads).success(self._show_table).run()

    def _show_table(self, answer: tuple[tuple[int, ...], list[IndicatorRowDTO]]) -> None:
        years, self.rows = answer
        index = self.table.currentIndex()
        keep = None
        if index.isValid():
            line = self.model.row_at(index.row())
            if line is not None:
                keep = (
                    line.indicator_id,
                    line.kind,
                    self.model.year_of_column(index.column()),
                    index.column(),
                )
        sideways, down = self.table.horizontalScrollBar().value(), self.table.verticalScrollBar().value()
        self.model.set_table(self.rows, years)
        self.table.fit_columns()
        self._restore(keep)
        if keep is not None:  # a refresh keeps the user's place
            self.table.horizontalScrollBar().setValue(sideways)
            self.table.verticalScrollBar().setValue(down)
        if self._wanted_year is not None:  # a year just added: its column is chosen
            fy, self._wanted_year = self._wanted_year, None
            self.table.setCurrentIndex(
                self.model.index(max(self.table.currentIndex().row(), 0), self.model.column_of_year(fy))
            )
        self._show_chart()
        self.changed.emit()

    def _restore(self, keep: tuple[Any, ...] | None) -> None:
        if not self.rows:
            return
        # First view: the first indicator's 実績値 in this fiscal year.
        row, column = 2, self.model.column_of_year(fiscal_year(self.ctx.today()))
        if keep is not None:
            indicator_id, kind, fy, col = keep
            found = self.model.row_of(lambda ln: ln.indicator_id == indicator_id and ln.kind is kind)
            row = max(found, 0)
            column = self.model.column_of_year(fy) if fy is not None else col
        index = self.model.index(row, max(column, 0))
        # Chosen without scrolling to it: the first view starts at the top left, names in view (scrolling to
        # this year's cell cut the names off at the left and the first indicator's rows off at the top);
        # a refresh stays where the user was (``reload``).
        self.table.setAutoScroll(False)
        self.table.setCurrentIndex(index)
        self.table.setAutoScroll(True)
        if keep is None:
            self.table.scrollToTop()
            self.table.horizontalScrollBar().setValue(0)

    def current_line(self) -> IndicatorLine | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_chart(self) -> None:
        line = self.current_line()
        row = line.row if line is not None else (self.rows[0] if self.rows else None)
        self.chart.set_row(row)
        self.chart_title.setText(
            self.tr("グラフ: {name}（実績値と目標値）").format(name=row.name) if row else self.tr("グラフ")
        )

    # --- editing --------------------------------------------------------------------------------
    def activate_cell(self, row: int, column: int) -> None:
        line = self.model.row_at(row)
        if line is None:
            return
        fy = self.model.year_of_column(column)
        if fy is None:
            if column == 0:
                self.edit_indicator(line.indicator_id)
            return
        self.edit_value(line, fy)

    def edit_current_cell(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            return
        column = index.column()
        if column < FIXED_COLUMNS:  # on the name: the current fiscal year's figure
            column = max(self.model.column_of_year(fiscal_year(self.ctx.today())), FIXED_COLUMNS)
        self.activate_cell(index.row(), column)

    def edit_value(self, line: IndicatorLine, fy: int) -> None:
        """The figure's editor, after the indicator was read (fresh) on the database worker."""
        open_value_editor(
            self.ctx, line.indicator_id, line.row.cell(fy), line.kind, self, self._open, failure=self._gone
        )

    def edit_indicator(self, indicator_id: int | None) -> None:
        """The indicator's editor (None: a new one), after it was read on the database worker."""
        open_indicator_editor(self.ctx, indicator_id, self, self._open, failure=self._gone)

    def _gone(self, exc: BaseException) -> None:
        """The indicator could not be read (deleted meanwhile): say so, show the table as it is."""
        show_error(self, exc)
        self.reload()

    def edit_current_indicator(self) -> None:
        line = self.current_line()
        if line is not None:
            self.edit_indicator(line.indicator_id)

    def _open(self, dialog: EntityDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _dto: self.ctx.notify(Area.INDICATORS))
        dialog.open()

    def delete_current_indicator(self) -> None:
        line = self.current_line()
        if line is None:
            return
        if not confirm(
            self,
            self.tr("指標を削除"),
            self.tr(
                "成果指標「{name}」を削除しますか？\nすべての年度の現状値・目標値・実績値も消え、元に戻せません。"
            ).format(name=line.row.name),
            self.tr("削除"),
        ):
            return
        db, indicator_id = self.ctx.db, line.indicator_id
        QueryOp(lambda: indicators.delete_indicator(db, indicator_id), parent=self).success(
            lambda _r: self.ctx.notify(Area.INDICATORS)
        ).run()

    def ask_year(self) -> None:
        text, ok = QInputDialog.getText(
            self,
            self.tr("年度を追加"),
            self.tr("表に加える年度（例: 令和12年度、R12、2030）:"),
        )
        if ok and text.strip():
            self.add_year_text(text)

    def add_year_text(self, text: str) -> bool:
        """Show another fiscal year's column (to enter a target for a later year, say)."""
        try:
            fy = parse_fiscal_year(text)
        except DomainError as exc:
            show_error(self, exc)
            return False
        self.extra_years.add(fy)
        self._wanted_year = fy  # chosen once the table with its column has landed
        self.reload()
        return True


class ChartsTab(QScrollArea):
    """Every indicator's chart, two to a row (one at the largest text sizes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.host = QWidget()
        self.grid = QGridLayout(self.host)
        self.grid.setSpacing(16)
        self.setWidget(self.host)
        self.charts: list[IndicatorChart] = []

    def set_rows(self, rows: list[IndicatorRowDTO]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.charts = []
        for i, row in enumerate(rows):
            box = QWidget(self.host)
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.addWidget(TitleLabel(f"{row.project} {row.name}".strip(), box, factor=1.05))
            chart = IndicatorChart(box)
            chart.set_row(row)
            chart.setMinimumHeight(chart.minimumSizeHint().height())
            layout.addWidget(chart, 1)
            self.charts.append(chart)
            self.grid.addWidget(box, i // 2, i % 2)


class IndicatorsPage(QWidget):
    """The 指標 page (see the module docstring)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.title_label = TitleLabel(QCoreApplication.translate("IndicatorsPage", "指標"), self)
        self.context_label = MutedLabel("", self)
        self.print_button = QPushButton(self.tr("連絡会まとめを印刷…"), self)
        self.print_button.setObjectName("printButton")
        self.print_button.setAutoDefault(False)
        self.print_button.clicked.connect(self.print_summary)
        add_print_action(self, self.print_button)
        self.new_button = QPushButton(self.tr("指標を追加…"), self)
        self.new_button.setObjectName("newButton")
        self.new_button.setFont(bold_font())
        self.new_button.setAutoDefault(False)
        edit_guard.mark_edit(self.new_button)
        top = QHBoxLayout()
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.context_label, 1, Qt.AlignmentFlag.AlignBottom)
        top.addWidget(self.print_button)
        top.addWidget(self.new_button)

        self.indicators_tab = IndicatorsTab(ctx, self)
        self.charts_tab = ChartsTab(self)
        self.consultations = ConsultationsPage(ctx)
        self.courses = CoursesPage(ctx)
        self.startups = StartupsPage(ctx)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.indicators_tab, self.tr("成果指標"))
        self.tabs.addTab(self.charts_tab, self.tr("グラフ一覧"))
        self.tabs.addTab(self.consultations, self.tr("相談記録（⑫）"))
        self.tabs.addTab(self.courses, self.tr("講座（⑫）"))
        self.tabs.addTab(self.startups, self.tr("起業者（⑫）"))
        self.new_button.clicked.connect(lambda: self.indicators_tab.edit_indicator(None))
        self.indicators_tab.changed.connect(self._table_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        ctx.dataChanged.connect(self._data_changed)
        self.indicators_tab.reload()

    def _table_changed(self) -> None:
        rows = self.indicators_tab.rows
        years = self.indicators_tab.model.years
        span = f"{fiscal_year_text(years[0])}〜{fiscal_year_text(years[-1])}" if years else ""
        self.context_label.setText(self.tr("%n指標・{span}", "", len(rows)).format(span=span))
        self.charts_tab.set_rows(rows)

    def _data_changed(self, area: str) -> None:
        if area in AREAS:
            self.indicators_tab.reload()

    def on_shown(self) -> None:
        """Called when the page comes to the front: projects and records may have changed meanwhile."""
        self.indicators_tab.reload()
        current = self.tabs.currentWidget()
        if current in (self.consultations, self.courses, self.startups):
            current.reload()  # type: ignore[union-attr]

    def print_summary(self) -> None:
        from sakae_council.gui.dialogs.print_summary import PrintSummaryDialog

        dialog = PrintSummaryDialog(self.ctx, self)
        dialog.open()


def create_page(ctx: AppContext) -> QWidget:
    return IndicatorsPage(ctx)
