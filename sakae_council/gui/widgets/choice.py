"""ChoiceCombo: a combo box whose items carry Python values (enum members, ids, None for すべて)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget

from sakae_council.domain.errors import ValidationError


class ChoiceCombo(QComboBox):
    """Items are (text, value) pairs; ``value()`` returns the chosen value.

    Values live in a Python list beside the items, not in Qt's item data: Qt would hand a StrEnum
    member back as a plain str, and the pages compare enum members by identity.
    """

    def __init__(self, items: Iterable[tuple[str, Any]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._values: list[Any] = []
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_items(items)

    def set_items(self, items: Iterable[tuple[str, Any]]) -> None:
        current = self.value() if self.count() else None
        was_blocked = self.blockSignals(True)  # a caller's own blocking stays in force (a load filling it)
        self.clear()
        self._values = []
        for text, value in items:
            self._values.append(value)
            self.addItem(text)
        self.blockSignals(was_blocked)
        if not self.set_value(current) and self.count():
            self.setCurrentIndex(0)

    def value(self) -> Any:
        return self.value_at(self.currentIndex())

    def value_at(self, index: int) -> Any:
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: Any) -> bool:
        for i, v in enumerate(self._values):
            if v == value and type(v) is type(value):
                self.setCurrentIndex(i)
                return True
        return False

    def values(self) -> list[Any]:
        return list(self._values)

    def start_empty(self, placeholder: str) -> None:
        """Show no choice (``placeholder`` in grey, ``value()`` None) until the user picks one: for a field
        that must be chosen, where any pre-chosen item could be the wrong one saved without a look."""
        self.setPlaceholderText(placeholder)
        self.setCurrentIndex(-1)

    def is_chosen(self) -> bool:
        """False while nothing is chosen (see ``start_empty``), even where an item's value is None."""
        return self.currentIndex() >= 0

    def check_chosen(self, field: str, message: str) -> None:
        """Refuse to save while nothing is chosen: ``message`` goes under the field ``field``."""
        if not self.is_chosen():
            raise ValidationError(field, message)
