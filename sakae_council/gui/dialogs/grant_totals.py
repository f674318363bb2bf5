"""補助金の集計: requested, granted and spent yen per 年度 and 学区, with a 合計 line."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.models.project_grants import GrantTotalsModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.screen_fit import text_sized
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import districts, grants
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.grants import GrantTotalsRow

#: What the window shows first: the districts of its filter and the totals of every year in the district.
Loaded = tuple[list[DistrictDTO], list[GrantTotalsRow]]


def load_totals(db: Database, district_id: int | None) -> Loaded:
    """The districts and the first totals (call it on the database worker)."""
    return districts.list_districts(db), grants.grant_totals(db, district_id=district_id)


def open_grant_totals(ctx: AppContext, parent: QWidget, show: Callable[[GrantTotalsDialog], object]) -> None:
    """Read the districts and the totals on the database worker, then build the window and ``show`` it."""
    db, district_id = ctx.db, ctx.district_id
    open_after_loading(
        parent,
        lambda: load_totals(db, district_id),
        lambda loaded: GrantTotalsDialog(ctx, parent, loaded=loaded),
        show,
    )


class GrantTotalsDialog(QDialog):
    """The totals table, filtered by 年度 and 学区 (all by default); every total is read on the worker."""

    def __init__(
        self, ctx: AppContext, parent: QWidget | None = None, *, loaded: Loaded | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loads = Generation()
        if loaded is None:  # read here when the caller did not read it on the worker
            loaded = load_totals(ctx.db, ctx.district_id)
        self.setWindowTitle(self.tr("補助金の集計（年度・学区別）"))
        self.model = GrantTotalsModel(self)
        self.table = DataTable(self)
        self.table.setObjectName("totals")
        self.table.setModel(self.model)
        self.year = FiscalYearChoice(ctx.today(), all_text=self.tr("すべての年度"))
        self.year.setAccessibleName(self.tr("年度"))
        self.district = DistrictChoice(loaded[0], ctx.district_id, none_text=self.tr("全学区"))
        self.district.setAccessibleName(self.tr("学区"))
        self.error = MessageLine("error", self)
        filters = QHBoxLayout()
        filters.addWidget(self.year)
        filters.addWidget(self.district)
        filters.addStretch(1)
        buttons = QDialogButtonBox(self)
        buttons.addButton(
            export_button(self, lambda: self.model, self.tr("補助金の集計"), ctx.today),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        buttons.addButton(QPushButton(self.tr("閉じる"), self), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(TitleLabel(self.tr("補助金の集計")))
        layout.addWidget(
            MutedLabel(
                self.tr(
                    "申請中・不採用も含めたすべての申請の合計です。支出額が交付決定額を超えた行は「期限切れ」と同じ赤で示します。"
                )
            )
        )
        layout.addLayout(filters)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.year.currentIndexChanged.connect(lambda _i: self.reload())
        self.district.currentIndexChanged.connect(lambda _i: self.reload())
        self.resize(text_sized(self, 56, 24))  # grows with 文字サイズ (at 特大 900×520 scrolled sideways)
        self._show(loaded[1])

    def reload(self) -> None:
        """The totals of the chosen 年度 and 学区, read on the database worker (only the newest answer shows)."""
        db, year, district_id = self.ctx.db, self.year.value(), self.district.value()
        QueryOp(
            lambda: grants.grant_totals(db, fiscal_year=year, district_id=district_id), parent=self
        ).latest(self._loads).success(self._show).failure(self.error.show_failure).run()

    def _show(self, rows: list[GrantTotalsRow]) -> None:
        self.error.clear()
        if rows:
            rows = rows + [
                GrantTotalsRow(
                    0,
                    0,
                    self.tr("合計"),
                    sum(r.applications for r in rows),
                    sum(r.requested for r in rows),
                    sum(r.granted for r in rows),
                    sum(r.spent for r in rows),
                )
            ]
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
