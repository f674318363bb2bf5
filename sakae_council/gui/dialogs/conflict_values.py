"""The values the conflict dialog compares: which fields, and each value written as the user reads it
(labels for choices, 和暦 for dates, amounts in 円, （空欄） for nothing)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time
from typing import Any

from PySide6.QtCore import QCoreApplication

from sakae_council.domain.enums import LabeledEnum
from sakae_council.domain.errors import ConflictError, StaleVersionError
from sakae_council.domain.money import format_yen
from sakae_council.gui.formatting import date_time_text, wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.enum_label import enum_label
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.yen_edit import YenEdit

EMPTY = "（空欄）"
DIFFERENT = "★"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ConflictDialog", text)


@dataclasses.dataclass(frozen=True)
class ConflictField:
    """One row of the comparison: the value's key, its label, and how to write it (optional)."""

    key: str
    label: str
    show: Callable[[Any], str] | None = None


@dataclasses.dataclass(frozen=True)
class ConflictRow:
    """One line of the comparison as the user reads it."""

    key: str
    label: str
    mine: str
    theirs: str

    @property
    def differs(self) -> bool:
        return self.mine != self.theirs


def conflict_rows(
    fields: Sequence[ConflictField | tuple[str, str]],
    mine: Mapping[str, Any],
    theirs: Mapping[str, Any] | None,
) -> list[ConflictRow]:
    """Both versions field by field, written the way the user reads them (``theirs`` None: deleted)."""
    rows = []
    for f in (f if isinstance(f, ConflictField) else ConflictField(*f) for f in fields):
        show = f.show or show_value
        theirs_text = show(theirs.get(f.key)) if theirs is not None else _tr("（削除されています）")
        rows.append(ConflictRow(f.key, f.label, show(mine.get(f.key)), theirs_text))
    return rows


def unsaved_input_text(rows: Sequence[ConflictRow]) -> str:
    """After 再読み込み: what the user had typed where it differs, to enter again if still wanted."""
    lines = [f"・{r.label}: {r.mine}" for r in rows if r.differs]
    if not lines:
        return ""
    return _tr("あなたが入力していた内容（保存されていません）:") + "\n" + "\n".join(lines)


def form_conflict_fields(
    form: Form, keys: Sequence[str] | None = None, shows: Mapping[str, Callable[[Any], str]] | None = None
) -> list[ConflictField]:
    """The comparison rows of a form: its fields' labels, choices by their text, amounts in 円.

    ``keys`` limits (and orders) the fields, by default every field of the form; ``shows`` writes
    the values of fields the form cannot (a list of checked issues by their titles).
    """
    rows = dict(form.rows())
    fields = []
    for key in keys if keys is not None else list(rows):
        row = rows.get(key)
        if row is None:
            continue
        show = (shows or {}).get(key) or editor_shower(row.editor)
        fields.append(ConflictField(key, row.label_text, show))
    return fields


def editor_shower(editor: Any) -> Callable[[Any], str] | None:
    if isinstance(editor, ChoiceCombo):
        combo = editor

        def choice_text(value: Any) -> str:
            for i, v in enumerate(combo.values()):
                if v == value and type(v) is type(value):
                    return combo.itemText(i)
            return show_value(value)

        return choice_text
    if isinstance(editor, YenEdit):
        return lambda value: format_yen(value) if isinstance(value, int) else show_value(value)
    return None


def is_version_conflict(exc: BaseException) -> bool:
    """True for "someone else saved first" (not for other ConflictErrors such as an erase refused)."""
    return isinstance(exc, StaleVersionError) or (isinstance(exc, ConflictError) and exc.current is not None)


def dto_values(obj: Any) -> dict[str, Any]:
    """A dataclass (input or DTO) as {field: value}; a mapping as it is."""
    if isinstance(obj, Mapping):
        return dict(obj)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}
    raise TypeError(f"cannot compare {type(obj).__name__}")


def show_value(value: Any) -> str:
    """A value as the user reads it: labels for choices, 和暦 for dates, （空欄） for nothing."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, LabeledEnum):
        return enum_label(value)
    if isinstance(value, bool):
        return _tr("はい") if value else _tr("いいえ")
    if isinstance(value, datetime):
        return date_time_text(value)
    if isinstance(value, date):
        return wareki(value)
    if isinstance(value, time):
        return f"{value.hour}時{value.minute:02d}分"
    if isinstance(value, list | tuple | set | frozenset):
        return "、".join(show_value(v) for v in value) if value else _tr("（なし）")
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return "・".join(show_value(v) for v in dto_values(value).values() if v not in (None, ""))
    return str(value)
