"""課題の一覧表 (連絡会の課題整理): how many issues each district has per category; a click opens that list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.models.issue_matrix import FilterRole, IssueMatrixModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.gui.widgets.messages import show_error
from sakae_council.services import issue_matrix


class IssueMatrixDialog(QDialog):
    """``cellChosen(district_id or None, category_id or None)`` when the user clicks (or presses Enter on) a cell."""

    cellChosen = Signal(object, object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loads = Generation()
        self.setWindowTitle(self.tr("課題の一覧表（学区 × 分類）"))
        self.model = IssueMatrixModel(self)
        self.view = QTableView(self)
        self.view.setObjectName("matrix")
        self.view.setModel(self.model)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.open_only = QCheckBox(self.tr("未解決の課題だけ数える"))
        self.open_only.setObjectName("openOnly")
        self.year = FiscalYearChoice(ctx.today(), all_text=self.tr("すべての年度"))
        self.year.setObjectName("yearFilter")
        self.year.setAccessibleName(self.tr("提起した年度"))
        self.error = MessageLine("error", self)
        filters = QHBoxLayout()
        filters.addWidget(self.year)
        filters.addWidget(self.open_only)
        filters.addStretch(1)
        buttons = QDialogButtonBox(self)
        close = QPushButton(self.tr("閉じる"), self)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        buttons.addButton(
            export_button(self, lambda: self.model, self.tr("課題の一覧表"), ctx.today),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(TitleLabel(self.tr("課題の一覧表")))
        layout.addWidget(MutedLabel(self.tr("数字を押すと、その学区・分類の課題の一覧を開きます。")))
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.view.clicked.connect(self.choose)
        self.view.activated.connect(self.choose)
        self.open_only.toggled.connect(lambda _on: self.reload())
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.reload()

    def reload(self) -> None:
        """Count on the database worker; the newest count lands in the table."""
        db, open_only, year = self.ctx.db, self.open_only.isChecked(), self.year.value()
        QueryOp(
            lambda: issue_matrix.issue_matrix(db, open_only=open_only, fiscal_year=year), parent=self
        ).latest(self._loads).success(self._show).failure(self._failed).run()

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, DomainError):
            self.error.show_message(exc.message)
        else:
            show_error(self, exc)

    def _show(self, matrix: Any) -> None:
        self.error.clear()
        self.model.set_matrix(matrix)
        self.view.resizeColumnsToContents()
        width = self.view.verticalHeader().width() + self.view.horizontalHeader().length() + 60
        height = self.view.horizontalHeader().height() + self.view.verticalHeader().length() + 220
        self.resize(max(self.width(), min(width, 1400)), max(self.height(), min(height, 900)))

    def choose(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        district_id, category_id = index.data(FilterRole)
        self.cellChosen.emit(district_id, category_id)
        self.accept()
