"""WarekiDateEdit: a date typed as 和暦 or ISO (令和8年4月1日, R8.4.1, 2026-04-01), shown back in 和暦 (ISO in English)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLineEdit, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import parse_wareki
from sakae_council.gui.i18n import date_input_text


class WarekiDateEdit(QLineEdit):
    """An optional date. ``value()`` raises ValidationError (naming ``field``) for text that is not a date."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setPlaceholderText(self.tr("例: 令和8年4月1日 / R8.4.1 / 2026-04-01"))
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self._tidy)

    def minimumSizeHint(self) -> QSize:
        """Never narrower than the longest 和暦 date and the clear button: squeezed into a row at 特大, a line
        edit shows its text's end (「年11月28日」), and the era and year are what a reader needs first."""
        hint = super().minimumSizeHint()
        longest = self.fontMetrics().horizontalAdvance("令和10年12月28日")
        return QSize(max(hint.width(), longest + self.fontMetrics().height() * 2), hint.height())

    def value(self) -> date | None:
        text = self.text().strip()
        if not text:
            return None
        return parse_wareki(text, field=self._field)

    def set_value(self, d: date | None) -> None:
        self.setText(date_input_text(d) if d is not None else "")

    def _tidy(self) -> None:
        # Rewrite what was typed in the one form users read; leave unreadable text for the error message.
        try:
            d = self.value()
        except ValidationError:
            return
        if d is not None:
            self.setText(date_input_text(d))
