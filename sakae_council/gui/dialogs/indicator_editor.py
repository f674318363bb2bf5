"""成果指標の登録・編集: code, name, unit, 事業番号, how the actual is found (a rule or by hand), order, and two
notes said for what they are: 資料の注記 (printed in the 連絡会まとめ) and 内部メモ (never printed)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.models.indicator_table import rule_text
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import indicators
from sakae_council.services.indicator_rules import COMPUTED_RULES
from sakae_council.services.indicators import IndicatorDTO, IndicatorInput


def next_order(db: Database) -> int:
    """The 表示順 a new indicator starts with: after the last one (call it on the database worker)."""
    return max((i.display_order for i in indicators.list_indicators(db)), default=0) + 1


def open_indicator_editor(
    ctx: AppContext,
    indicator_id: int | None,
    parent: QWidget,
    show: Callable[[IndicatorDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the indicator (fresh), or a new one's 表示順, on the database worker; then build the editor."""
    db = ctx.db

    def load() -> tuple[IndicatorDTO | None, int]:
        if indicator_id is None:
            return None, next_order(db)
        return indicators.get_indicator(db, indicator_id), 0

    open_after_loading(
        parent, load, lambda a: IndicatorDialog(ctx, a[0], parent, order=a[1]), show, failure=failure
    )


class IndicatorDialog(EntityDialog):
    """New indicator (``indicator`` None) or edit; ``saved`` carries the IndicatorDTO."""

    record_attr = "indicator"

    def __init__(
        self,
        ctx: AppContext,
        indicator: IndicatorDTO | None = None,
        parent: QWidget | None = None,
        *,
        order: int | None = None,
    ) -> None:
        super().__init__(self.tr("成果指標の編集") if indicator else self.tr("成果指標を追加"), parent)
        self.ctx = ctx
        self.indicator = indicator
        self.name = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("例: volunteers"))
        self.unit = QLineEdit()
        self.unit.setPlaceholderText(self.tr("例: 人、件、事業"))
        self.project = QLineEdit()
        self.project.setPlaceholderText(self.tr("例: ⑫"))
        self.computed = ChoiceCombo(
            [(self.tr("手入力（実績値を年度ごとに入力する）"), "")]
            + [
                (self.tr("記録から自動で集計: {rule}").format(rule=rule_text(code)), code)
                for code in COMPUTED_RULES
            ]
        )
        # The rule names are long: the combo must not widen the dialog past the screen at 特大.
        self.computed.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.computed.setMinimumContentsLength(16)
        self.order = QSpinBox()
        self.order.setRange(0, 9999)
        self.notes = NoteEdit(3)
        self.internal_notes = NoteEdit(3)

        f = self.form
        f.add_field("name", self.tr("指標名"), self.name, required=True)
        f.add_field(
            "code",
            self.tr("指標コード"),
            self.code,
            required=True,
            hint=self.tr("半角英数字と「_」。ほかの指標と同じにはできません。"),
        )
        f.add_field("unit", self.tr("単位"), self.unit)
        f.add_field("project", self.tr("事業番号"), self.project)
        f.add_field(
            "computed",
            self.tr("実績値の出し方"),
            self.computed,
            hint=self.tr("自動で集計する指標も、理由を付ければ年度ごとに手入力で上書きできます。"),
        )
        f.add_field("display_order", self.tr("表示順"), self.order, hint=self.tr("小さい順に並びます。"))
        f.add_field(
            "notes",
            self.tr("資料の注記（印刷されます）"),
            self.notes,
            hint=self.tr("連絡会まとめの、この指標の表の下に印刷されます。"),
        )
        f.add_field(
            "internal_notes",
            self.tr("内部メモ（印刷されません）"),
            self.internal_notes,
            hint=self.tr("入力する人どうしの覚え書き。画面にだけ表示され、資料には印刷されません。"),
        )

        if indicator is not None:
            self.fill(indicator)
        else:  # read here when the caller did not read it on the worker
            self.order.setValue(order if order is not None else next_order(ctx.db))
        self.fit_to_screen(34)

    def save_request(self) -> SaveRequest:
        """The indicator as typed, written on the database worker (an edit through the conflict dialog)."""
        data = IndicatorInput(
            code=self.code.text(),
            name=self.name.text(),
            unit=self.unit.text(),
            project=self.project.text(),
            computed=self.computed.value() or "",
            display_order=self.order.value(),
            notes=self.notes.text(),
            internal_notes=self.internal_notes.text(),
        )
        db = self.ctx.db
        if self.indicator is None:
            return SaveRequest(lambda _version: indicators.create_indicator(db, data))
        indicator_id = self.indicator.id
        return self.request_update(
            self.indicator,
            lambda version: indicators.update_indicator(db, indicator_id, data, version),
            db=db,
            entity="indicator",
            what=self.tr("成果指標"),
            load=lambda: indicators.get_indicator(db, indicator_id),
            mine=data,
        )
