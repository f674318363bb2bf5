"""YenEdit: an amount of whole yen typed freely (12000, １２，０００円, ¥12,000) and shown back as ¥12,000."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.money import format_yen, parse_yen


class YenEdit(QLineEdit):
    """``value()`` is the amount in yen, None when empty; unreadable text raises ValidationError naming ``field``."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setPlaceholderText(self.tr("例: 12000 または ¥12,000"))
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self._tidy)

    def value(self) -> int | None:
        return parse_yen(self.text(), self._field)

    def set_value(self, amount: int | None) -> None:
        self.setText(format_yen(amount) if amount is not None else "")

    def _tidy(self) -> None:
        try:
            amount = self.value()
        except ValidationError:
            return  # left as typed: the save shows the message under the field
        if amount is not None:
            self.setText(format_yen(amount))
