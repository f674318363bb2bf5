"""Labelled form fields in one column, each with room for its error message (red text with an icon).

``Form.show_error(field, message)`` puts a service's ValidationError under the field it names and
moves the focus there; the typed text is never touched. :func:`input_state` reads what every field of
a window holds, so an editor can tell whether something typed would be lost on closing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QStyle,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.gui.palette import (
    ERROR_TEXT,
    MUTED_TEXT,
    WARNING_BACKGROUND,
    WARNING_TEXT,
    set_background,
    set_text_colour,
)
from sakae_council.gui.widgets.messages import show_error


class MessageLine(QWidget):
    """An icon and a word-wrapped message: an error (red) or a warning (amber background)."""

    def __init__(self, kind: str = "error", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        if kind == "error":
            set_text_colour(self.text, ERROR_TEXT)
            self.setAccessibleName(self.tr("エラー"))
        else:
            set_background(self, WARNING_BACKGROUND)
            set_text_colour(self.text, WARNING_TEXT)
            layout.setContentsMargins(6, 4, 6, 4)
            self.setAccessibleName(self.tr("注意"))
        self._set_icon()
        self.hide()

    def _set_icon(self) -> None:
        pixmap = (
            QStyle.StandardPixmap.SP_MessageBoxCritical
            if self._kind == "error"
            else QStyle.StandardPixmap.SP_MessageBoxWarning
        )
        size = self.fontMetrics().height()
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.icon.setFixedSize(size, size)

    def changeEvent(self, e: QEvent) -> None:
        # A parent's font can arrive while __init__ is still running (at 特大): no icon to resize yet.
        if e.type() == QEvent.Type.FontChange and hasattr(self, "icon"):
            self._set_icon()
        super().changeEvent(e)

    def show_message(self, message: str) -> None:
        self.text.setText(message)
        self.setVisible(bool(message))

    def message(self) -> str:
        return self.text.text() if self.isVisibleTo(self.parentWidget() or self) else ""

    def show_failure(self, exc: BaseException) -> None:
        """What an operation refused (a DomainError) here, beside what it is about; anything else (a bug, a
        broken connection) in a dialog over this window, its traceback logged."""
        if isinstance(exc, DomainError):
            self.show_message(exc.message)
        else:
            show_error(self.window(), exc)

    def clear(self) -> None:
        self.text.clear()
        self.hide()


class FieldRow(QWidget):
    """A label (with 「必須」 when required), the editor, an optional hint, and the error line."""

    def __init__(
        self,
        label: str,
        editor: QWidget,
        *,
        required: bool = False,
        hint: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.editor = editor
        self.label_text = label  # without 「（必須）」: what the conflict dialog calls the field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        text = label + (self.tr("（必須）") if required else "")
        self.label = QLabel(text, self)
        self.label.setBuddy(editor)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        layout.addWidget(editor)
        self.hint: QLabel | None = None
        if hint:
            self.hint = QLabel(hint, self)
            self.hint.setWordWrap(True)
            set_text_colour(self.hint, MUTED_TEXT)
            layout.addWidget(self.hint)
        self.error = MessageLine("error", self)
        layout.addWidget(self.error)


class Form(QWidget):
    """A column of FieldRows addressed by the service's field names."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(12)
        self._rows: dict[str, FieldRow] = {}

    def add_field(
        self, name: str, label: str, editor: QWidget, *, required: bool = False, hint: str = ""
    ) -> FieldRow:
        row = FieldRow(label, editor, required=required, hint=hint, parent=self)
        editor.setObjectName(name)
        self._rows[name] = row
        self._layout.addWidget(row)
        return row

    def add_widget(self, widget: QWidget) -> None:
        self._layout.addWidget(widget)

    def row(self, name: str) -> FieldRow:
        return self._rows[name]

    def tidy_on_leave(self, name: str, normalise: Callable[..., str]) -> None:
        """Live normalisation of field ``name`` (a QLineEdit): on leaving it, show the text as the service will
        store it (``normalise(text, field=name)``: 0476-95-1234, カタカナ), or the service's message under it."""
        edit = self._rows[name].editor
        assert isinstance(edit, QLineEdit)

        def tidy() -> None:
            try:
                text = normalise(edit.text(), field=name)
            except ValidationError as exc:
                self.show_error(name, exc.message, focus=False)
                return
            self.clear_error(name)
            if text != edit.text():
                edit.setText(text)

        edit.editingFinished.connect(tidy)

    def has_field(self, name: str) -> bool:
        return name in self._rows

    def rows(self) -> Iterator[tuple[str, FieldRow]]:
        """(field name, row) in the order they are shown."""
        yield from self._rows.items()

    def set_values(self, values: Mapping[str, Any]) -> None:
        """Put ``values`` (a DTO's fields by name) into the fields of the same name; others are left alone."""
        for name, row in self._rows.items():
            if name in values:
                set_editor_value(row.editor, values[name])

    def show_error(self, name: str, message: str, *, focus: bool = True) -> bool:
        """Show ``message`` under field ``name``; False if the form has no such field."""
        row = self._rows.get(name)
        if row is None:
            return False
        row.error.show_message(message)
        if focus:
            row.editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def clear_error(self, name: str) -> None:
        row = self._rows.get(name)
        if row is not None:
            row.error.clear()

    def clear_errors(self) -> None:
        for row in self._rows.values():
            row.error.clear()

    def error_text(self, name: str) -> str:
        """The message currently shown under ``name`` ("" when none)."""
        row = self._rows[name]
        return row.error.text.text() if not row.error.isHidden() else ""

    def has_errors(self) -> bool:
        return any(not row.error.isHidden() for row in self._rows.values())


def set_editor_value(editor: QWidget, value: Any) -> bool:
    """Show ``value`` in a form field, whatever kind of editor it is; False if the kind is unknown."""
    setter = getattr(editor, "set_value", None)  # ChoiceCombo, WarekiDateEdit, YenEdit, TimeField, ...
    if callable(setter):
        setter(value)
    elif isinstance(editor, QAbstractButton) and editor.isCheckable():
        editor.setChecked(bool(value))
    elif isinstance(editor, QSpinBox):
        editor.setValue(int(value or 0))
    elif isinstance(editor, QDoubleSpinBox):
        editor.setValue(float(value or 0))
    elif isinstance(editor, QComboBox) and editor.isEditable():
        editor.setCurrentText(str(value or ""))
    elif isinstance(editor, QPlainTextEdit):
        editor.setPlainText("\n".join(value) if isinstance(value, list | tuple) else str(value or ""))
    elif isinstance(editor, QLineEdit):
        editor.setText(str(value or ""))
    else:
        return False
    return True


#: A widget whose content is not input (a search filter, a view switch) sets this property to True.
NOT_INPUT = "sakaeNotInput"


def input_state(root: QWidget) -> list[Any]:
    """What the fields under ``root`` hold, in a comparable form: two equal states mean nothing was changed.

    Reads line and text edits, combo boxes, spin and date boxes, check and radio buttons and the check
    marks of list widgets. A widget with an ``input_value()`` method (a section keeping rows in a model)
    answers for itself and what is inside it; a widget with the :data:`NOT_INPUT` property is skipped.
    """
    state: list[Any] = []
    _read_state(root, state)
    return state


def _read_state(w: QWidget, state: list[Any]) -> None:
    if w.property(NOT_INPUT):
        return
    own = getattr(w, "input_value", None)
    if callable(own):
        state.append(own())
        return
    if isinstance(w, QLineEdit):
        state.append(w.text())
    elif isinstance(w, QPlainTextEdit | QTextEdit):
        if not w.isReadOnly():
            state.append(w.toPlainText())
        return
    elif isinstance(w, QComboBox):
        state.append((w.currentIndex(), w.currentText()))
        return  # an editable combo's line edit says the same
    elif isinstance(w, QAbstractSpinBox):
        state.append(w.text())
        return
    elif isinstance(w, QAbstractButton) and w.isCheckable():
        state.append(w.isChecked())
    elif isinstance(w, QListWidget):
        state.append([(w.item(i).text(), w.item(i).checkState()) for i in range(w.count())])
        return
    for child in w.children():
        if isinstance(child, QWidget):
            _read_state(child, state)
