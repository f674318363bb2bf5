"""空き状況: how many pieces of one item are out or booked, span by span, over a chosen period."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.models.equipment_list import AvailabilityModel
from sakae_council.gui.screen_fit import text_sized
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import equipment


class AvailabilityDialog(QDialog):
    """Choose an item and a period (today + 30 days by default); 表示 lists the spans."""

    def __init__(
        self, ctx: AppContext, equipment_id: int | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("資機材の空き状況"))
        self.item = ChoiceCombo(
            [(f"{e.code} {e.name}".strip(), e.id) for e in equipment.list_equipment(ctx.db)]
        )
        self.item.setAccessibleName(self.tr("資機材"))
        if equipment_id is not None:
            self.item.set_value(equipment_id)
        self.start = WarekiDateEdit("start")
        self.end = WarekiDateEdit("end")
        self.start.set_value(ctx.today())
        self.end.set_value(ctx.today() + timedelta(days=30))
        self.model = AvailabilityModel(self)
        self.table = DataTable(self)
        self.table.setObjectName("spans")
        self.table.setModel(self.model)
        self.summary = MutedLabel("")
        self.error = MessageLine("error", self)
        show = QPushButton(self.tr("表示"), self)
        show.setAutoDefault(False)
        show.clicked.connect(self.reload)
        row = QHBoxLayout()
        row.addWidget(self.item)
        row.addWidget(self.start, 1)
        row.addWidget(QLabel("〜"))
        row.addWidget(self.end, 1)
        row.addWidget(show)
        buttons = QDialogButtonBox(self)
        buttons.addButton(QPushButton(self.tr("閉じる"), self), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(TitleLabel(self.tr("空き状況")))
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.item.currentIndexChanged.connect(lambda _i: self.reload())
        self.resize(text_sized(self, 52, 22))  # grows with 文字サイズ (820×480 cut the dates at 特大)
        self.reload()

    def reload(self) -> None:
        self.error.clear()
        equipment_id = self.item.value()
        if equipment_id is None:
            return
        try:
            start, end = self.start.value(), self.end.value()
            if start is None or end is None:
                self.error.show_message(self.tr("期間の始まりと終わりを入力してください。"))
                return
            avail = equipment.availability(self.ctx.db, equipment_id, start, end, self.ctx.today())
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        self.model.set_rows(list(avail.spans))
        self.table.resizeColumnsToContents()
        if not avail.available:
            self.summary.setText(self.tr("「{name}」は貸出不可になっています。").format(name=avail.name))
        else:
            self.summary.setText(
                self.tr("「{name}」全{stock}個: この期間ずっと空いているのは{n}個です。").format(
                    name=avail.name, stock=avail.stock, n=max(avail.min_free, 0)
                )
            )
