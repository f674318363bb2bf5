"""The 委嘱 section of the person dialog: a table of memberships with 追加 / 編集 / 行を削除."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from sakae_council.gui.dialogs.membership import MembershipDialog
from sakae_council.gui.models.memberships import MembershipRow, MembershipsModel
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.messages import confirm
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.people import MembershipInput


class MembershipsEditor(QWidget):
    """Holds the memberships being edited; past terms stay in the list as history."""

    changed = Signal()

    def __init__(
        self,
        districts: Sequence[DistrictDTO],
        today: date,
        *,
        default_district_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._districts = list(districts)
        self._names = {d.id: d.name for d in districts}
        self._default_district_id = default_district_id
        self.dialog: MembershipDialog | None = None
        self.model = MembershipsModel(today, self)
        self.table = DataTable(self)
        self.table.setModel(self.model)
        self.table.setObjectName("memberships")
        self.title = QLabel(self.tr("委嘱（学区・役割・役職・任期）"), self)
        self.title.setBuddy(self.table)
        self.add_button = QPushButton(self.tr("委嘱を追加"), self)
        self.edit_button = QPushButton(self.tr("編集"), self)
        self.remove_button = QPushButton(self.tr("行を削除"), self)
        for b in (self.add_button, self.edit_button, self.remove_button):
            b.setAutoDefault(False)
        self.error = MessageLine("error", self)
        hint = QLabel(
            self.tr("退任したときは「編集」で退任日を入れてください。記録は履歴として残ります。"), self
        )
        hint.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(hint)
        layout.addWidget(self.error)

        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit_current)
        self.remove_button.clicked.connect(self.remove_current)
        self.table.activatedRow.connect(self.edit)
        self.table.deleteRequested.connect(self.remove)
        self._fit_height()

    def _fit_height(self) -> None:
        rows = max(3, min(self.model.rowCount(), 6))
        height = self.table.horizontalHeader().sizeHint().height()
        height += rows * self.table.verticalHeader().defaultSectionSize() + 6
        self.table.setMinimumHeight(height)
        self.table.setMaximumHeight(height)

    def set_rows(self, rows: Sequence[MembershipRow]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self._fit_height()

    def inputs(self) -> tuple[MembershipInput, ...]:
        return tuple(r.data for r in self.model.rows())

    def input_value(self) -> object:
        """For the editor's unsaved-input check (gui.widgets.form.input_state)."""
        return self.inputs()

    def _row(self, data: MembershipInput) -> MembershipRow:
        return MembershipRow(data, self._names.get(data.district_id, ""))

    def _open(self, data: MembershipInput | None, row: int) -> None:
        self.dialog = MembershipDialog(
            self._districts, data, default_district_id=self._default_district_id, parent=self
        )
        self.dialog.saved.connect(lambda result: self._store(result, row))
        self.dialog.open()

    def _store(self, data: MembershipInput, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows):
            rows[row] = self._row(data)
        else:
            rows.append(self._row(data))
            row = len(rows) - 1
        self.set_rows(rows)
        self.table.select_row(row)
        self.error.clear()
        self.changed.emit()

    def add(self) -> None:
        self._open(None, -1)

    def add_input(self, data: MembershipInput) -> None:
        """Add a membership without the dialog (a new person's first seat in the chosen district)."""
        self._store(data, -1)

    def edit(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self._open(item.data, row)

    def edit_current(self) -> None:
        self.edit(self.table.current_row())

    def remove(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is None:
            return
        if item.data.id is not None and not confirm(
            self,
            self.tr("委嘱の削除"),
            self.tr(
                "「{district} {role}」の記録を消しますか？\n入力の誤りを消すときだけ使います。"
                "退任したときは「編集」で退任日を入れると、履歴として残ります。"
            ).format(district=item.district_name, role=item.role_text),
            self.tr("記録を消す"),
        ):
            return
        rows = self.model.rows()
        del rows[row]
        self.set_rows(rows)
        self.changed.emit()

    def remove_current(self) -> None:
        self.remove(self.table.current_row())
