"""資機材の登録・編集: name, 管理番号, quantity, where it is kept, its condition, whether it may be lent."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLineEdit, QSpinBox, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import equipment
from sakae_council.services.equipment import EquipmentDTO, EquipmentInput


class EquipmentDialog(EntityDialog):
    """New equipment or an edit; ``saved`` carries the EquipmentDTO."""

    record_attr = "item"

    def __init__(
        self, ctx: AppContext, item: EquipmentDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("資機材の編集") if item else self.tr("資機材を登録"), parent)
        self.ctx, self.item = ctx, item
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("例: T-01"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 100000)
        self.quantity.setValue(1)
        self.storage_place = QLineEdit()
        self.condition = QLineEdit()
        self.condition.setPlaceholderText(self.tr("例: 良好 / 脚が1本ぐらつく"))
        self.available = QCheckBox(self.tr("貸し出せる"))
        self.available.setChecked(True)
        self.notes = NoteEdit(3)
        f = self.form
        f.add_field("name", self.tr("資機材名"), self.name, required=True)
        f.add_field("code", self.tr("管理番号"), self.code)
        f.add_field("quantity", self.tr("数量"), self.quantity, required=True)
        f.add_field("storage_place", self.tr("保管場所"), self.storage_place)
        f.add_field("condition", self.tr("状態"), self.condition)
        f.add_field(
            "available",
            self.tr("貸出"),
            self.available,
            hint=self.tr("壊れて使えないときは外します（貸出の記録は残ります）。"),
        )
        f.add_field("notes", self.tr("備考"), self.notes)
        if item is not None:
            self.fill(item)
        self.fit_to_screen(32)

    def save_request(self) -> SaveRequest:
        """The equipment as typed, written on the database worker (an edit through the conflict dialog)."""
        data = EquipmentInput(
            name=self.name.text(),
            code=self.code.text(),
            quantity=self.quantity.value(),
            storage_place=self.storage_place.text(),
            condition=self.condition.text(),
            available=self.available.isChecked(),
            notes=self.notes.text(),
        )
        db = self.ctx.db
        if self.item is None:
            return SaveRequest(lambda _version: equipment.create_equipment(db, data))
        item_id = self.item.id
        return self.request_update(
            self.item,
            lambda version: equipment.update_equipment(db, item_id, data, version),
            db=db,
            entity="equipment",
            what=self.tr("資機材の情報"),
            load=lambda: equipment.get_equipment(db, item_id),
            mine=data,
        )
