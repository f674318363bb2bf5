"""ChoiceCombo: a combo box whose items carry Python values (enum members, ids, None for すべて)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox, QSizePolicy, QWidget


class ChoiceCombo(QComboBox):
    """Items are (text, value) pairs; ``value()`` returns the chosen value."""

    def __init__(self, items: Iterable[tuple[str, Any]] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.set_items(items)

    def set_items(self, items: Iterable[tuple[str, Any]]) -> None:
        current = self.value() if self.count() else None
        self.blockSignals(True)
        self.clear()
        for text, value in items:
            self.addItem(text, value)
        self.blockSignals(False)
        if not self.set_value(current) and self.count():
            self.setCurrentIndex(0)

    def value(self) -> Any:
        index = self.currentIndex()
        return self.itemData(index) if index >= 0 else None

    def set_value(self, value: Any) -> bool:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                return True
        return False

    def values(self) -> list[Any]:
        return [self.itemData(i) for i in range(self.count())]
