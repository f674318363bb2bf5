"""列の対応付け — the step of the roster import where the user says which column of the file is taken for which
item (氏名, フリガナ, 電話番号...): one row per column of the file, the item chosen in a combo. An item is taken
from one column only, so choosing it for a column lets go of the column that had it.

The texts keep the translation context of the dialog they were first written in (``ImportMembersDialog``),
and the items' names theirs (``ImportMembers``), so the English translation stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.services.importing import FIELDS

#: The items a column can be taken for, for the translation (the service's FIELDS labels, by key).
FIELD_TEXT = {
    "name": str(QT_TRANSLATE_NOOP("ImportMembers", "氏名")),
    "family_name": str(QT_TRANSLATE_NOOP("ImportMembers", "姓")),
    "given_name": str(QT_TRANSLATE_NOOP("ImportMembers", "名")),
    "furigana": str(QT_TRANSLATE_NOOP("ImportMembers", "フリガナ")),
    "family_kana": str(QT_TRANSLATE_NOOP("ImportMembers", "セイ")),
    "given_kana": str(QT_TRANSLATE_NOOP("ImportMembers", "メイ")),
    "postal_code": str(QT_TRANSLATE_NOOP("ImportMembers", "郵便番号")),
    "address": str(QT_TRANSLATE_NOOP("ImportMembers", "住所")),
    "phone": str(QT_TRANSLATE_NOOP("ImportMembers", "電話番号")),
    "email": str(QT_TRANSLATE_NOOP("ImportMembers", "メールアドレス")),
    "notes": str(QT_TRANSLATE_NOOP("ImportMembers", "備考")),
    "district": str(QT_TRANSLATE_NOOP("ImportMembers", "学区")),
    "role": str(QT_TRANSLATE_NOOP("ImportMembers", "役割")),
    "public_post": str(QT_TRANSLATE_NOOP("ImportMembers", "公職名")),
    "officer_post": str(QT_TRANSLATE_NOOP("ImportMembers", "役職")),
    "term_start": str(QT_TRANSLATE_NOOP("ImportMembers", "任期開始")),
    "term_end": str(QT_TRANSLATE_NOOP("ImportMembers", "任期終了")),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportMembers", text)


def field_text(field: str) -> str:
    return tr(FIELD_TEXT[field]) if field in FIELD_TEXT else FIELDS.get(field, (field,))[0]


class ColumnMapping(QTableWidget):
    """The file's columns and the item each is taken for. ``changed`` when the user chooses another item."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 2, parent)
        self._combos: list[ChoiceCombo] = []
        self.setObjectName("mappingTable")
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("ImportMembersDialog", "ファイルの列"),
                QCoreApplication.translate("ImportMembersDialog", "取り込む項目"),
            ]
        )
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.setAccessibleName(QCoreApplication.translate("ImportMembersDialog", "列の対応付け"))

    def show_columns(self, headings: tuple[str, ...], mapping: dict[int, str]) -> None:
        """One row per heading of the file, its combo set to the item ``mapping`` takes it for."""
        self._combos = []
        self.setRowCount(len(headings))
        items: list[tuple[str, str | None]] = [
            (QCoreApplication.translate("ImportMembersDialog", "（取り込まない）"), None)
        ] + [(field_text(f), f) for f in FIELDS]
        for i, heading in enumerate(headings):
            cell = QTableWidgetItem(
                QCoreApplication.translate("ImportMembersDialog", "{n}列目: {heading}").format(
                    n=i + 1,
                    heading=heading or QCoreApplication.translate("ImportMembersDialog", "（見出しなし）"),
                )
            )
            self.setItem(i, 0, cell)
            combo = ChoiceCombo(items, self)
            combo.setObjectName(f"mapColumn{i + 1}")
            combo.setAccessibleName(
                QCoreApplication.translate("ImportMembersDialog", "{n}列目の取り込む項目").format(n=i + 1)
            )
            combo.set_value(mapping.get(i))
            combo.currentIndexChanged.connect(lambda _index, column=i: self._chosen(column))
            self.setCellWidget(i, 1, combo)
            self._combos.append(combo)
        self.resizeRowsToContents()

    def set_column(self, column: int, field: str | None) -> None:
        """Take file column ``column`` (from 0) for ``field`` (None: leave it out), as the combo does."""
        self._combos[column].set_value(field)

    def mapping(self) -> dict[int, str]:
        """File column (from 0) → the item it is taken for; columns left out are not in it."""
        return {i: field for i, c in enumerate(self._combos) if (field := c.value()) is not None}

    def set_choosable(self, enabled: bool) -> None:
        for combo in self._combos:
            combo.setEnabled(enabled)

    def _chosen(self, column: int) -> None:
        field = self._combos[column].value()
        if field is not None:  # one column per item: the column that had it lets it go
            for i, other in enumerate(self._combos):
                if i != column and other.value() == field:
                    other.blockSignals(True)
                    other.set_value(None)
                    other.blockSignals(False)
        self.changed.emit()
