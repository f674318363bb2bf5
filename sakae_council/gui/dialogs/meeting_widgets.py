"""Small fields of the meeting dialogs: an optional time (19:00, 19時30分, 午後7時) and a one-per-line list."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from datetime import time
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.models.table import DtoTableModel
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.form import MessageLine

_TIME = re.compile(r"(?P<pm>午後|午前)?\s*(?P<h>\d{1,2})\s*(?:[:：時]\s*(?P<m>\d{1,2})?\s*分?)?")
_COMPACT = re.compile(r"(?P<h>\d{1,2})(?P<m>\d{2})")


def tr(text: str) -> str:
    return QCoreApplication.translate("MeetingFields", text)


def parse_time(text: str, field: str) -> time | None:
    """19:00 / 1900 / 19時 / 19時30分 / 午後7時半 → time; "" → None; anything else → ValidationError."""
    s = unicodedata.normalize("NFKC", text).strip().replace("半", "30分")
    if not s:
        return None
    m = _TIME.fullmatch(s) or _COMPACT.fullmatch(s)
    if m is not None:
        hour = int(m.group("h"))
        minute = int(m.group("m") or 0)
        pm = m.groupdict().get("pm")
        if pm == "午後" and hour < 12:
            hour += 12
        if 0 <= hour <= 23 and 0 <= minute <= 59:
            return time(hour, minute)
    raise ValidationError(field, tr("時刻は「19:00」や「19時30分」のように入力してください。"))


class TimeField(QLineEdit):
    """An optional time; ``value()`` raises ValidationError naming ``field`` for text that is not a time."""

    def __init__(self, field: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._field = field
        self.setPlaceholderText(self.tr("例: 19:00"))
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self._tidy)

    def value(self) -> time | None:
        return parse_time(self.text(), self._field)

    def set_value(self, t: time | None) -> None:
        self.setText(f"{t.hour}:{t.minute:02d}" if t is not None else "")

    def _tidy(self) -> None:
        with contextlib.suppress(ValidationError):  # left as typed for the error message on save
            self.set_value(self.value())


class LinesEdit(QPlainTextEdit):
    """A list typed one item per line (配布資料, 決定事項); empty lines are dropped."""

    def __init__(self, lines: int = 4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMinimumHeight(self.fontMetrics().lineSpacing() * lines + 12)

    def items(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.toPlainText().splitlines() if line.strip())

    def set_items(self, items: tuple[str, ...]) -> None:
        self.setPlainText("\n".join(items))


class RowsEditor(QWidget):
    """A table of rows being edited (議題, 宿題事項) with 追加 / 編集 / 削除 / 上へ / 下へ and an error line.

    ``open_row(row, item)`` is called to edit (item None for 追加); the dialog calls ``store`` back.
    """

    changed = Signal()

    def __init__(
        self,
        title: str,
        model: DtoTableModel[Any],
        open_row: Callable[[int, Any], None],
        *,
        add_text: str,
        visible_rows: int = 5,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self._open_row = open_row
        self._editable = True
        self.table = DataTable(self)
        self.table.setModel(model)
        self.title = QLabel(title, self)
        self.title.setBuddy(self.table)
        self.add_button = QPushButton(add_text, self)
        self.edit_button = QPushButton(self.tr("編集"), self)
        self.remove_button = QPushButton(self.tr("削除"), self)
        self.up_button = QPushButton(self.tr("上へ"), self)
        self.down_button = QPushButton(self.tr("下へ"), self)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.error = MessageLine("error", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        self.table.setMinimumHeight(
            self.table.horizontalHeader().sizeHint().height()
            + visible_rows * self.table.verticalHeader().defaultSectionSize()
            + 6
        )
        self.add_button.clicked.connect(lambda: self._open_row(-1, None))
        self.edit_button.clicked.connect(lambda: self.edit(self.table.current_row()))
        self.remove_button.clicked.connect(lambda: self.remove(self.table.current_row()))
        self.up_button.clicked.connect(lambda: self.move_row(self.table.current_row(), -1))
        self.down_button.clicked.connect(lambda: self.move_row(self.table.current_row(), 1))
        self.table.activatedRow.connect(self.edit)
        self.table.deleteRequested.connect(self.remove)

    def items(self) -> tuple[Any, ...]:
        return tuple(self.model.rows())

    def input_value(self) -> object:
        """For the editor's unsaved-input check (gui.widgets.form.input_state)."""
        return self.items()

    def set_items(self, items: Sequence[Any]) -> None:
        self.model.set_rows(list(items))
        self.table.resizeColumnsToContents()

    def edit(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None and self._editable:
            self._open_row(row, item)

    def store(self, row: int, item: Any) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows):
            rows[row] = item
        else:
            rows.append(item)
            row = len(rows) - 1
        self.set_items(rows)
        self.table.select_row(row)
        self.error.clear()
        self.changed.emit()

    def remove(self, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows) and self._editable:
            del rows[row]
            self.set_items(rows)
            self.table.select_row(min(row, len(rows) - 1))
            self.changed.emit()

    def move_row(self, row: int, step: int) -> None:
        rows = self.model.rows()
        target = row + step
        if 0 <= row < len(rows) and 0 <= target < len(rows) and self._editable:
            rows[row], rows[target] = rows[target], rows[row]
            self.set_items(rows)
            self.table.select_row(target)
            self.changed.emit()

    def show_error(self, row: int, message: str) -> None:
        self.error.show_message(message)
        if row >= 0:
            self.table.select_row(row)
        self.table.setFocus()

    def set_editable(self, editable: bool) -> None:
        for b in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            b.setEnabled(editable)
        self._editable = editable
