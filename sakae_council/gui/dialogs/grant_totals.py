"""補助金の集計: requested, granted and spent yen per 年度 and 学区, with a 合計 line."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.models.project_grants import GrantTotalsModel
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.district_choice import DistrictChoice
from sakae_council.gui.widgets.export import export_button
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import grants
from sakae_council.services.grants import GrantTotalsRow


class GrantTotalsDialog(QDialog):
    """The totals table, filtered by 年度 and 学区 (all by default)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("補助金の集計（年度・学区別）"))
        self.model = GrantTotalsModel(self)
        self.table = DataTable(self)
        self.table.setObjectName("totals")
        self.table.setModel(self.model)
        self.year = FiscalYearChoice(ctx.today(), all_text=self.tr("すべての年度"))
        self.year.setAccessibleName(self.tr("年度"))
        self.district = DistrictChoice(ctx.db, ctx.district_id, none_text=self.tr("全学区"))
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
        self.resize(900, 520)
        self.reload()

    def reload(self) -> None:
        try:
            rows = grants.grant_totals(
                self.ctx.db, fiscal_year=self.year.value(), district_id=self.district.value()
            )
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
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
