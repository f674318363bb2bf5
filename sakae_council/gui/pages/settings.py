"""設定 page: the districts (学区) with their councils, 学区再編, the text size and the display language."""

from __future__ import annotations

from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.areas import Area
from sakae_council.gui import i18n
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.district import DistrictDialog, MergeDialog, open_district_editor, open_merge
from sakae_council.gui.models.districts import DistrictsModel, MergeHistoryModel
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.text_size import TextSize, bold_font
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.data_table import DataTable
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel
from sakae_council.services import districts
from sakae_council.services.districts import DistrictDTO


class SettingsPage(QWidget):
    """Districts: 新規登録, 編集 (Enter), 上へ/下へ, 統合…; history of merges; 文字サイズ."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog: DistrictDialog | MergeDialog | None = None
        self._loads = Generation()

        title = TitleLabel(QCoreApplication.translate("SettingsPage", "設定"), self)
        districts_title = TitleLabel(self.tr("学区と協議会"), self, factor=1.1)
        self.model = DistrictsModel(self)
        self.table = DataTable(self)
        self.table.setObjectName("districtsTable")
        self.table.setModel(self.model)
        self.table.fit_columns_to_width(ctx.settings, "columns/SettingsPage")  # no sideways scroll at 特大
        self.table.activatedRow.connect(self._edit_row)

        self.new_button = self._button(self.tr("新規登録"), self.new_district, "newDistrict")
        self.new_button.setFont(bold_font())
        self.edit_button = self._button(self.tr("編集"), self.edit_current, "editDistrict")
        self.up_button = self._button(self.tr("上へ"), lambda: self.move_current(-1), "upDistrict")
        self.down_button = self._button(self.tr("下へ"), lambda: self.move_current(1), "downDistrict")
        self.merge_button = self._button(self.tr("学区を統合…"), self.merge, "mergeDistricts")
        edit_guard.mark_edit(self.new_button, self.up_button, self.down_button, self.merge_button)
        buttons = QHBoxLayout()
        for b in (self.edit_button, self.up_button, self.down_button, self.merge_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)

        history_title = TitleLabel(self.tr("学区再編の記録"), self, factor=1.1)
        self.history_model = MergeHistoryModel(self)
        self.history = DataTable(self)
        self.history.setObjectName("mergeHistory")
        self.history.setModel(self.history_model)

        size_title = TitleLabel(self.tr("文字サイズ"), self, factor=1.1)
        size_row = QHBoxLayout()
        self.size_buttons = QButtonGroup(self)
        self.size_radios: dict[TextSize, QRadioButton] = {}
        for size in TextSize:
            radio = QRadioButton(size.label, self)
            radio.setObjectName(f"textSize_{size.code}")
            radio.setChecked(size is ctx.text_size)
            radio.toggled.connect(partial(self._size_chosen, size))
            self.size_buttons.addButton(radio)
            self.size_radios[size] = radio
            size_row.addWidget(radio)
        size_row.addStretch(1)
        size_hint = MutedLabel(self.tr("Ctrl＋「＋」で大きく、Ctrl＋「－」で小さくなります。"), self)

        language_title = TitleLabel(self.tr("表示言語"), self, factor=1.1)
        language_row = QHBoxLayout()
        self.language_buttons = QButtonGroup(self)
        self.language_radios: dict[str, QRadioButton] = {}
        chosen = i18n.stored_choice(ctx.settings)
        for code, _label in i18n.CHOICES:
            radio = QRadioButton(i18n.choice_label(code), self)
            radio.setObjectName(f"language_{code}")
            radio.setChecked(code == chosen)
            radio.toggled.connect(partial(self._language_chosen, code))
            self.language_buttons.addButton(radio)
            self.language_radios[code] = radio
            language_row.addWidget(radio)
        language_row.addStretch(1)
        language_hint = MutedLabel(
            self.tr("言語を変えると、画面が作り直されます。日付は日本語では和暦、英語では西暦で表示します。"),
            self,
        )

        # One scrolled column: at 特大 on a laptop the list of 学区 keeps room for its rows (it showed two).
        inner = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setObjectName("settingsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(districts_title)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 3)
        layout.addWidget(history_title)
        layout.addWidget(self.history, 1)
        layout.addWidget(size_title)
        layout.addLayout(size_row)
        layout.addWidget(size_hint)
        layout.addWidget(language_title)
        layout.addLayout(language_row)
        layout.addWidget(language_hint)

        # Tab in reading order: the buttons above the list left to right, the list, then the rest.
        order = [
            self.edit_button,
            self.up_button,
            self.down_button,
            self.merge_button,
            self.new_button,
            self.table,
            self.history,
        ]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        ctx.textSizeChanged.connect(self._size_changed)
        ctx.dataChanged.connect(self._data_changed)
        self.reload()

    def _button(self, text: str, slot, name: str) -> QPushButton:  # type: ignore[no-untyped-def]
        b = QPushButton(text, self)
        b.setObjectName(name)
        b.setAutoDefault(False)
        b.clicked.connect(slot)
        return b

    def _data_changed(self, area: str) -> None:
        if area in (Area.DISTRICTS, Area.USERS, Area.SETTINGS):
            self.reload()

    def on_shown(self) -> None:
        self.reload()

    def reload(self) -> None:
        """The districts and the merge history, read on the database worker (the newest read lands)."""
        db = self.ctx.db
        QueryOp(lambda: (districts.list_districts(db), districts.merge_history(db)), parent=self).latest(
            self._loads
        ).success(self._show).run()

    def _show(self, answer: tuple[list[DistrictDTO], list[Any]]) -> None:
        selected = self.current()
        self.model.set_rows(answer[0])
        self.history_model.set_rows(answer[1])
        self.table.resizeColumnsToContents()
        self.history.resizeColumnsToContents()
        self._room_for_rows()
        if selected is not None:
            row = self.model.row_of(lambda d: d.id == selected.id)
            self.table.select_row(row)

    def _room_for_rows(self) -> None:
        """The list of 学区 shows all of them (up to eight) at any 文字サイズ; the page scrolls instead."""
        rows = min(max(self.model.rowCount(), 3), 8)
        height = self.table.horizontalHeader().height() + self.table.frameWidth() * 2
        height += sum(self.table.rowHeight(r) for r in range(min(rows, self.model.rowCount())))
        height += self.table.verticalHeader().defaultSectionSize() * max(rows - self.model.rowCount(), 0)
        self.table.setMinimumHeight(height)

    def current(self) -> DistrictDTO | None:
        return self.model.row_at(self.table.current_row())

    def _size_chosen(self, size: TextSize, on: bool) -> None:
        if on and size is not self.ctx.text_size:
            self.ctx.set_text_size(size)

    def _language_chosen(self, code: str, on: bool) -> None:
        if on and code != i18n.stored_choice(self.ctx.settings):
            i18n.switch_language(self.ctx.settings, code, self)

    def _size_changed(self, size: TextSize) -> None:
        self._room_for_rows()
        radio = self.size_radios[size]
        if not radio.isChecked():
            radio.blockSignals(True)
            radio.setChecked(True)
            radio.blockSignals(False)

    def _open(self, dialog: DistrictDialog | MergeDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(lambda _d: self.ctx.notify(Area.DISTRICTS))
        dialog.open()

    def new_district(self) -> None:
        open_district_editor(self.ctx, None, self, self._open)

    def _edit_row(self, row: int) -> None:
        d = self.model.row_at(row)
        if d is not None:
            open_district_editor(self.ctx, d.id, self, self._open)

    def edit_current(self) -> None:
        self._edit_row(self.table.current_row())

    def move_current(self, step: int) -> None:
        d = self.current()
        if d is None or not d.active:
            return
        order = [x.id for x in self.model.rows() if x.active]
        i = order.index(d.id)
        j = i + step
        if not 0 <= j < len(order):
            return
        order[i], order[j] = order[j], order[i]
        db = self.ctx.db

        def moved(_result: object) -> None:
            self.ctx.notify(Area.DISTRICTS)  # the reload keeps the moved district selected
            self.table.setFocus(Qt.FocusReason.OtherFocusReason)

        QueryOp(lambda: districts.set_district_order(db, order), parent=self).success(moved).run()

    def merge(self) -> None:
        d = self.current()
        open_merge(self.ctx, d.id if d is not None and d.active else None, self, self._open)


def create_page(ctx: AppContext) -> QWidget:
    return SettingsPage(ctx)
