"""One figure of a 成果指標 for one fiscal year: 現状値, 目標値 or 実績値 — entered, changed or cleared.

For an indicator whose actual is computed from the records, an actual typed here is an override: the
dialog shows what the records say, asks why (required), and records who entered it. 「上書きを解除」 brings
the computed figure back; 「値を消す」 removes a base, target or hand-kept actual. A figure can carry a
資料の注記 (printed under the indicator in the 連絡会まとめ) and a 内部メモ (never printed).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QWidget

from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.domain.text import normalize_ascii
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog, SaveRequest
from sakae_council.gui.dialogs.conflict import describe_last_change, form_conflict_fields, show_value
from sakae_council.gui.dialogs.saving import open_after_loading
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.models.indicator_table import kind_text, rule_text
from sakae_council.gui.ops import QueryOp
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.text_edit import NoteEdit
from sakae_council.services import indicator_values, indicators
from sakae_council.services.indicator_values import ActualSource, IndicatorCellDTO
from sakae_council.services.indicators import IndicatorDTO, IndicatorValueDTO, ValueKind, format_value


def tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorValueDialog", text)


def show_figure(value: object) -> str:
    """A figure as the dialog writes it (23, not 23.0)."""
    return format_value(value) if isinstance(value, int | float) else show_value(value)


def parse_number(text: str) -> float:
    """「２３」「23.5」「1,200」 → a number; anything else is a ValidationError on the value field."""
    value = normalize_ascii(text).replace(",", "")
    if not value:
        raise ValidationError("value", tr("値を入力してください。消す場合は「値を消す」を使ってください。"))
    try:
        return float(value)
    except ValueError:
        raise ValidationError("value", tr("値は数字で入力してください（例: 23）。")) from None


def open_value_editor(
    ctx: AppContext,
    indicator_id: int,
    cell: IndicatorCellDTO,
    kind: ValueKind,
    parent: QWidget,
    show: Callable[[IndicatorValueDialog], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """Read the indicator (fresh, with its figures) on the database worker, then build the editor."""
    db = ctx.db
    open_after_loading(
        parent,
        lambda: indicators.get_indicator(db, indicator_id),
        lambda indicator: IndicatorValueDialog(ctx, indicator, cell, kind, parent),
        show,
        failure=failure,
    )


class IndicatorValueDialog(EntityDialog):
    """Edit the ``kind`` figure of ``indicator`` for the fiscal year of ``cell``."""

    def __init__(
        self,
        ctx: AppContext,
        indicator: IndicatorDTO,
        cell: IndicatorCellDTO,
        kind: ValueKind,
        parent: QWidget | None = None,
    ) -> None:
        title = self.tr("{name} {year}の{kind}").format(
            name=indicator.name, year=fiscal_year_text(cell.fiscal_year), kind=kind_text(kind)
        )
        super().__init__(title, parent)
        self.ctx = ctx
        self.indicator = indicator
        self.cell = cell
        self.kind = kind
        self.stored: IndicatorValueDTO | None = next(
            (v for v in indicator.values if v.fiscal_year == cell.fiscal_year and v.kind == kind), None
        )
        self.is_override = kind is ValueKind.ACTUAL and indicator.is_computed

        self.about = QLabel(self._about_text())
        self.about.setWordWrap(True)
        self.about.setObjectName("about")
        self.form.add_widget(self.about)
        self.value = QLineEdit()
        unit = indicator.unit or ""
        self.form.add_field(
            "value",
            self.tr("値（{unit}）").format(unit=unit) if unit else self.tr("値"),
            self.value,
            required=True,
        )
        self.reason = NoteEdit(3)
        if self.is_override:
            self.form.add_field(
                "reason",
                self.tr("上書きする理由"),
                self.reason,
                required=True,
                hint=self.tr(
                    "例: 記録にない窓口外の相談を含めるため。入力した人（{user}）と一緒に記録されます。"
                ).format(user=ctx.db.user),
            )
        self.notes = NoteEdit(2)
        self.form.add_field(
            "notes",
            self.tr("資料の注記（印刷されます）"),
            self.notes,
            hint=self.tr("連絡会まとめの、この指標の表の下に年度と一緒に印刷されます。"),
        )
        self.internal_notes = NoteEdit(2)
        self.form.add_field(
            "internal_notes",
            self.tr("内部メモ（印刷されません）"),
            self.internal_notes,
            hint=self.tr("入力する人どうしの覚え書き。資料には印刷されません。"),
        )
        current = self.stored.value if self.stored is not None else None
        if current is not None:
            self.value.setText(format_value(current))
        if self.stored is not None and self.is_override:
            self.reason.setText(self.stored.reason)
        if self.stored is not None:
            self.notes.setText(self.stored.notes)
            self.internal_notes.setText(self.stored.internal_notes)

        self.clear_button = QPushButton(self.tr("上書きを解除") if self.is_override else self.tr("値を消す"))
        self.clear_button.setObjectName("clearButton")
        self.clear_button.setAutoDefault(False)
        self.clear_button.setEnabled(self.stored is not None)
        self.clear_button.clicked.connect(self.clear_value)
        self.buttons.addButton(self.clear_button, self.buttons.ButtonRole.ResetRole)
        self.fit_to_screen(30)

    def _about_text(self) -> str:
        c, ind = self.cell, self.indicator
        if self.kind is not ValueKind.ACTUAL:
            return self.tr("総合計画の{kind}を年度ごとに入力します。").format(kind=kind_text(self.kind))
        if not ind.is_computed:
            return self.tr("この指標の実績値は手入力で記録します。")
        rule = rule_text(ind.computed)
        lines = [self.tr("この指標の実績値は記録から自動で集計されます（{rule}）。").format(rule=rule)]
        if c.computed_value is not None:
            lines.append(self.tr("記録からの集計: {value}").format(value=format_value(c.computed_value)))
        elif fiscal_year_range(c.fiscal_year)[0] <= self.ctx.today():  # begun, yet nothing to count
            lines.append(self.tr("この年度より前には記録がないため、未集計です（0ではありません）。"))
        else:
            lines.append(self.tr("この年度はまだ始まっていないため、集計はありません。"))
        if c.actual_source is ActualSource.OVERRIDE:
            lines.append(
                self.tr("いまは {value} に上書きされています（{who}）。").format(
                    value=format_value(c.actual), who=c.entered_by or self.tr("入力者不明")
                )
            )
        lines.append(self.tr("値を入力すると、理由を付けて上書きします。"))
        return "\n".join(lines)

    def save_request(self) -> SaveRequest:
        """The figure as typed, written on the database worker (through the conflict dialog when someone
        entered or changed it meanwhile)."""
        number = parse_number(self.value.text())
        reason = self.reason.text() if self.is_override else ""
        notes, internal_notes = self.notes.text(), self.internal_notes.text()
        db, ind, year, kind = self.ctx.db, self.indicator.id, self.cell.fiscal_year, self.kind
        stored = self.stored
        loaded: list[IndicatorValueDTO] = []

        def load() -> IndicatorValueDTO:
            loaded.append(indicator_values.get_value(db, ind, year, kind))
            return loaded[-1]

        def changed_by() -> str:  # the figure entered meanwhile, or the one the user saw
            figure = loaded[-1] if loaded else stored
            return describe_last_change(db, "indicator_value", figure.id) if figure is not None else ""

        return SaveRequest(
            lambda version: indicator_values.set_value(
                db,
                ind,
                year,
                kind,
                number,
                reason,
                expected_version=version,
                notes=notes,
                internal_notes=internal_notes,
            ),
            version=stored.version if stored is not None else 0,  # 0: no figure was there when opened
            what=self.tr("値"),
            load_current=load,
            changed_by=changed_by,
            fields=form_conflict_fields(self.form, shows={"value": show_figure}),
            mine={"value": number, "reason": reason, "notes": notes, "internal_notes": internal_notes},
            on_reload=self.fill,
        )

    def fill(self, record: IndicatorValueDTO) -> None:
        """再読み込み: the figure as saved now."""
        self.stored = record
        self.value.setText(format_value(record.value))
        if self.is_override:
            self.reason.setText(record.reason)
        self.notes.setText(record.notes)
        self.internal_notes.setText(record.internal_notes)
        self.clear_button.setEnabled(True)

    def clear_value(self) -> None:
        """上書きを解除 / 値を消す, after asking."""
        if self.stored is None:
            return
        what = self.windowTitle()
        question = (
            self.tr("{what}の上書きを解除して、記録からの集計に戻しますか？")
            if self.is_override
            else self.tr("{what}を消しますか？")
        ).format(what=what)
        if not confirm(self, self.clear_button.text(), question, self.clear_button.text()):
            return
        self.form.clear_errors()
        self.general_error.clear()
        db, ind, year, kind, version = (
            self.ctx.db,
            self.indicator.id,
            self.cell.fiscal_year,
            self.kind,
            self.stored.version,
        )
        if self.is_override:
            clear: Callable[[], object] = lambda: indicator_values.clear_override(db, ind, year, version)  # noqa: E731
        else:
            clear = lambda: indicator_values.clear_value(db, ind, year, kind, version)  # noqa: E731
        self.set_saving(True)
        QueryOp(clear, parent=self).success(lambda _none: self._cleared()).failure(self._clear_failed).run()

    def _clear_failed(self, exc: BaseException) -> None:
        """Changed or removed meanwhile: said at the top, the dialog stays."""
        self.set_saving(False)
        if isinstance(exc, DomainError):
            self.show_general_error(exc.message)
        else:
            self.show_save_failure(exc)

    def _cleared(self) -> None:
        self.set_saving(False)
        # ``saved`` carries None: the figure is gone (the computed one shows again for an override).
        self.result_dto = None
        self.saved.emit(None)
        QDialog.accept(self)
