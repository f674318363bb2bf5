"""The 成果指標 table: three lines per indicator (現状値, 目標値, 実績値) and one column per fiscal year.

An actual says where it comes from in words — 自動 (computed from the records), 上書き (typed over the
computed figure, with who and why in the tooltip), 手入力 — and 上書き/手入力 carry the palette's colours too.
An actual that was never counted or entered shows 「—」 (未集計 in the tooltip), never 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.services.indicator_rules import COMPUTED_RULES
from sakae_council.services.indicator_values import ActualSource, IndicatorCellDTO, IndicatorRowDTO
from sakae_council.services.indicators import ValueKind, format_value

#: Columns before the first fiscal year.
FIXED_COLUMNS = 2


def tr(text: str) -> str:
    return QCoreApplication.translate("IndicatorTable", text)


#: The services' descriptions of the computed rules, listed so that lupdate collects them for translation.
_RULE_TEXTS = (
    QT_TRANSLATE_NOOP("ComputedRule", "相談記録の件数（年度内）"),
    QT_TRANSLATE_NOOP("ComputedRule", "起業記録の件数（年度内に起業）"),
    QT_TRANSLATE_NOOP("ComputedRule", "協働事業を立ち上げた小学校区の数（年度末まで）"),
    QT_TRANSLATE_NOOP("ComputedRule", "年度内に実施中のコミュニティ事業の数"),
)


def rule_text(code: str) -> str:
    """How a computed actual is totalled (相談記録の件数（年度内）...), translated; "" for a hand-kept one."""
    rule = COMPUTED_RULES.get(code)
    return QCoreApplication.translate("ComputedRule", rule[0]) if rule else ""


def kind_text(kind: ValueKind) -> str:
    """現状値, 目標値, 実績値 (translated when shown, not at import)."""
    return QCoreApplication.translate("ValueKind", kind.label)


_SOURCE_MARK = {ActualSource.COMPUTED: "自動", ActualSource.OVERRIDE: "上書き", ActualSource.MANUAL: "手入力"}


def source_mark(source: ActualSource) -> str:
    """自動, 上書き, 手入力, or "" for no actual."""
    text = _SOURCE_MARK.get(source)
    return tr(text) if text else ""


SOURCE_STYLE = {ActualSource.OVERRIDE: "override", ActualSource.MANUAL: "manual"}


@dataclass(frozen=True)
class IndicatorLine:
    """One line of the table: an indicator and which of its figures the line shows."""

    row: IndicatorRowDTO
    kind: ValueKind

    @property
    def indicator_id(self) -> int:
        return self.row.indicator_id


def lines_of(rows: Sequence[IndicatorRowDTO]) -> list[IndicatorLine]:
    return [
        IndicatorLine(r, kind) for r in rows for kind in (ValueKind.BASE, ValueKind.TARGET, ValueKind.ACTUAL)
    ]


#: An actual never counted or entered: a dash, never a 0 (the same mark as on paper).
NO_FIGURE = "—"


def cell_text(cell: IndicatorCellDTO, kind: ValueKind) -> str:
    """「23」, or for an actual 「5（自動）」「7（上書き）」「4（手入力）」, 「—」 when there is none."""
    if kind is ValueKind.BASE:
        return format_value(cell.base)
    if kind is ValueKind.TARGET:
        return format_value(cell.target)
    if cell.actual is None:
        return NO_FIGURE
    return f"{format_value(cell.actual)}（{source_mark(cell.actual_source)}）"


def cell_tooltip(row: IndicatorRowDTO, cell: IndicatorCellDTO, kind: ValueKind) -> str:
    head = f"{row.name} {fiscal_year_text(cell.fiscal_year)} {kind_text(kind)}"
    if kind is not ValueKind.ACTUAL:
        return head + tr("\nダブルクリックかEnterで入力します。")
    rule = rule_text(row.computed)
    lines = [head]
    if cell.actual_source is ActualSource.COMPUTED:
        lines.append(tr("記録から自動で集計: {rule}").format(rule=rule))
    elif cell.actual_source is ActualSource.OVERRIDE:
        lines.append(
            tr("手入力で上書き（{who}）: {reason}").format(who=cell.entered_by, reason=cell.override_reason)
        )
        if cell.computed_value is not None:
            lines.append(tr("記録からの集計は {value}").format(value=format_value(cell.computed_value)))
    elif cell.actual_source is ActualSource.MANUAL:
        lines.append(tr("手入力（{who}）").format(who=cell.entered_by) if cell.entered_by else tr("手入力"))
    elif cell.actual_source is ActualSource.NOT_COUNTED:
        lines.append(tr("未集計: この年度より前には記録がないため、集計できません（0ではありません）。"))
        lines.append(tr("記録から自動で集計: {rule}").format(rule=rule))
    elif row.computed:
        lines.append(tr("年度が始まると記録から自動で集計されます。"))
    return "\n".join(lines)


class IndicatorTableModel(DtoTableModel[IndicatorLine]):
    """指標, 区分, then one column per fiscal year; ``set_table`` replaces the years and the rows together."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(self._columns_for(()), parent)
        self.years: tuple[int, ...] = ()

    def set_table(self, rows: Sequence[IndicatorRowDTO], years: Sequence[int]) -> None:
        self.beginResetModel()
        self.years = tuple(years)
        self._columns = self._columns_for(self.years)
        self._rows = lines_of(rows)
        self._fetcher = None
        self._exhausted = True
        self.endResetModel()

    def year_of_column(self, column: int) -> int | None:
        i = column - FIXED_COLUMNS
        return self.years[i] if 0 <= i < len(self.years) else None

    def column_of_year(self, fy: int) -> int:
        return self.years.index(fy) + FIXED_COLUMNS if fy in self.years else -1

    @staticmethod
    def _columns_for(years: Sequence[int]) -> list[Column[IndicatorLine]]:
        columns: list[Column[IndicatorLine]] = [
            Column(
                tr("指標"),
                lambda line: _name(line) if line.kind is ValueKind.BASE else "",
                tooltip=_name_tooltip,
            ),
            Column(tr("区分"), lambda line: kind_text(line.kind)),
        ]
        columns += [_year_column(fy) for fy in years]
        return columns


def _year_column(fy: int) -> Column[IndicatorLine]:
    def text(line: IndicatorLine) -> str:
        return cell_text(line.row.cell(fy), line.kind)

    def tooltip(line: IndicatorLine) -> str:
        return cell_tooltip(line.row, line.row.cell(fy), line.kind)

    def status(line: IndicatorLine) -> str | None:
        if line.kind is not ValueKind.ACTUAL:
            return None
        return SOURCE_STYLE.get(line.row.cell(fy).actual_source)

    return Column(fiscal_year_text(fy), text, tooltip=tooltip, status=status, align_right=True)


def _name_tooltip(line: IndicatorLine) -> str:
    """Name and unit, the 資料の注記 (printed) and the 内部メモ (screen only), each said for what it is."""
    r = line.row
    lines = [f"{r.name}（{r.unit}）" if r.unit else r.name]
    if r.notes:
        lines.append(tr("資料の注記（印刷されます）: {note}").format(note=r.notes))
    if r.internal_notes:
        lines.append(tr("内部メモ（印刷されません）: {note}").format(note=r.internal_notes))
    return "\n".join(lines)


def _name(line: IndicatorLine) -> str:
    r = line.row
    prefix = f"{r.project} " if r.project else ""
    unit = tr("（{unit}）").format(unit=r.unit) if r.unit else ""
    return f"{prefix}{r.name}{unit}"
