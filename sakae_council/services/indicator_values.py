"""The figures of the 成果指標: base (現状値), target (目標値) and actual (実績値) per fiscal year, and the
indicator table that tells for every actual whether it was computed, overridden or entered by hand.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Indicator,
    IndicatorValue,
)
from sakae_council.domain.enums import LabeledEnum
from sakae_council.domain.errors import NotFoundError, StaleVersionError, ValidationError, msg
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range
from sakae_council.services._crud import flush_or_conflict
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    optional_text,
)
from sakae_council.services.indicator_rules import COMPUTED_RULES, YearCounts
from sakae_council.services.indicators import (
    IndicatorValueDTO,
    ValueKind,
    _value_dto,
    format_value,
    get_indicator,
)


class ActualSource(LabeledEnum):
    """Where the actual shown in the indicator table comes from."""

    COMPUTED = "computed", "自動集計"
    OVERRIDE = "override", "手入力で上書き"
    MANUAL = "manual", "手入力"
    #: A computed indicator in a year before its first record: no figure can be told (shown 「—」, never 0).
    NOT_COUNTED = "not_counted", "未集計"
    NONE = "none", "未入力"


MAX_VALUE = 1e9


@dataclass(frozen=True)
class IndicatorCellDTO:
    """One indicator in one fiscal year as shown in the table."""

    fiscal_year: int
    base: float | None
    target: float | None
    actual: float | None
    actual_source: ActualSource
    #: What the data says, even when overridden (None for a hand-kept indicator, a year not yet begun, or
    #: a year before the first record the rule counts: 未集計).
    computed_value: float | None
    override_reason: str
    #: Who typed the actual (override or manual).
    entered_by: str
    #: The stored actual row (for clear_override / clear_value), if any.
    actual_value_id: int | None
    actual_version: int | None


@dataclass(frozen=True)
class IndicatorRowDTO:
    indicator_id: int
    code: str
    name: str
    unit: str
    project: str
    computed: str
    notes: str
    cells: tuple[IndicatorCellDTO, ...]
    #: 内部メモ of the indicator: for the screen only, never printed.
    internal_notes: str = ""
    #: 資料の注記 of single figures (fiscal year, kind, note), printed under the indicator's table.
    value_notes: tuple[tuple[int, ValueKind, str], ...] = ()
    #: 内部メモ of single figures (fiscal year, kind, note): screen only.
    value_internal_notes: tuple[tuple[int, ValueKind, str], ...] = ()

    def cell(self, fiscal_year: int) -> IndicatorCellDTO:
        for c in self.cells:
            if c.fiscal_year == fiscal_year:
                return c
        raise KeyError(fiscal_year)


def _check_value(value: float | int | None) -> float:
    if value is None:
        raise ValidationError("value", "値を入力してください。消す場合は「値を消す」を使ってください。")
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError("value", "値は数字で入力してください。")
    number = float(value)
    if not math.isfinite(number):
        raise ValidationError("value", "値は数字で入力してください。")
    if number < 0:
        raise ValidationError("value", "値に負の数は入力できません。0以上を入力してください。")
    if number > MAX_VALUE:
        raise ValidationError("value", "値が大きすぎます。桁を確認してください。")
    return number


def _find_value(s: Session, indicator_id: int, fy: int, kind: ValueKind) -> IndicatorValue | None:
    fiscal_year_range(fy)  # a year no column can hold is refused in Japanese, before it reaches SQL
    return s.scalar(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator_id,
            IndicatorValue.fiscal_year == fy,
            IndicatorValue.kind == kind.value,
        )
    )


def set_value(
    db: Database,
    indicator_id: int,
    fiscal_year: int,
    kind: ValueKind | str,
    value: float | int | None,
    reason: str = "",
    *,
    expected_version: int | None = None,
    notes: str | None = None,
    internal_notes: str | None = None,
) -> IndicatorValueDTO:
    """Store a base, target or actual figure for a fiscal year (replacing the one there).

    ``notes`` (資料の注記, printed) and ``internal_notes`` (内部メモ, never printed) replace the figure's
    notes; None leaves them as they are.

    An actual for an indicator whose actual is computed from the data is an override: it needs a reason,
    and it is recorded with who entered it (``db.user``). ``expected_version`` guards against replacing a
    figure someone else changed meanwhile; 0 says the user saw no figure, so one entered meanwhile is not
    silently replaced either (StaleVersionError, like a figure changed or removed meanwhile).
    """
    k = ValueKind.parse(str(kind), "kind")
    fiscal_year_range(fiscal_year)  # range check with a Japanese message
    number = _check_value(value)
    reason_v = optional_text(reason, "reason", "理由", 400)
    note_values = {}
    if notes is not None:
        note_values["notes"] = long_text(notes, "notes", "資料の注記", 4000)
    if internal_notes is not None:
        note_values["internal_notes"] = long_text(internal_notes, "internal_notes", "内部メモ", 4000)
    with db.transaction() as s:
        ind = get_or_raise(s, Indicator, indicator_id, "成果指標")
        override = k is ValueKind.ACTUAL and bool(ind.computed)
        if override and not reason_v:
            raise ValidationError(
                "reason",
                msg(
                    "「{name}」の実績値は記録から自動で集計されます。手入力で上書きする理由を入力してください"
                    "（例: 記録にない相談を含めるため）。",
                    name=ind.name,
                ),
            )
        row = _find_value(s, indicator_id, fiscal_year, k)
        label = f"成果指標「{ind.name}」の{fiscal_year_label(fiscal_year)}{k.label}"
        if override:
            label += "（上書き）"
        values = {
            "value": number,
            "is_override": override,
            "entered_by": db.user,
            "reason": reason_v,
            **note_values,
        }
        if row is None:
            if expected_version:
                raise StaleVersionError(
                    "この値は、あなたが開いた後に別の場所で消されています。再読み込みしてから、もう一度入力してください。"
                )
            row = IndicatorValue(indicator_id=indicator_id, fiscal_year=fiscal_year, kind=k.value, **values)
            s.add(row)
            flush_or_conflict(s, "値")
            audit(
                s,
                db.user,
                "create",
                "indicator_value",
                row.id,
                f"{label}を{format_value(number)}に設定",
                {"value": (None, number), "reason": (None, reason_v)},
            )
        else:
            if expected_version == 0:
                raise StaleVersionError(
                    "この値は、あなたが開いた後に別の場所で入力されています。再読み込みしてから、もう一度入力してください。",
                    current=row,
                )
            check_version(row, expected_version, "値")
            changes = apply_changes(row, values)
            if changes:
                flush_or_conflict(s, "値")
                changes.pop("entered_by", None)
                audit(
                    s,
                    db.user,
                    "update",
                    "indicator_value",
                    row.id,
                    f"{label}を{format_value(number)}に変更",
                    changes,
                )
        return _value_dto(row)


def get_value(db: Database, indicator_id: int, fiscal_year: int, kind: ValueKind | str) -> IndicatorValueDTO:
    """The stored base, target or actual figure of a fiscal year (NotFoundError when there is none)."""
    k = ValueKind.parse(str(kind), "kind")
    ind = get_indicator(db, indicator_id)
    for v in ind.values:
        if v.fiscal_year == fiscal_year and v.kind is k:
            return v
    raise NotFoundError(
        msg(
            "「{name}」の{year}{kind}は入力されていません。",
            name=ind.name,
            year=fiscal_year_label(fiscal_year),
            kind=k.label,
        )
    )


def clear_value(
    db: Database,
    indicator_id: int,
    fiscal_year: int,
    kind: ValueKind | str,
    expected_version: int | None = None,
) -> None:
    """Remove a stored base, target or actual figure (NotFoundError when there is none)."""
    k = ValueKind.parse(str(kind), "kind")
    with db.transaction() as s:
        ind = get_or_raise(s, Indicator, indicator_id, "成果指標")
        row = _find_value(s, indicator_id, fiscal_year, k)
        if row is None:
            raise NotFoundError(
                msg(
                    "「{name}」の{fiscal_year}{kind}は入力されていません。一覧を更新してください。",
                    name=ind.name,
                    fiscal_year=fiscal_year_label(fiscal_year),
                    kind=k.label,
                )
            )
        check_version(row, expected_version, "値")
        audit(
            s,
            db.user,
            "delete",
            "indicator_value",
            row.id,
            f"成果指標「{ind.name}」の{fiscal_year_label(fiscal_year)}{k.label}を消去",
            {"value": (row.value, None)},
        )
        s.delete(row)


def clear_override(
    db: Database, indicator_id: int, fiscal_year: int, expected_version: int | None = None
) -> None:
    """Drop a hand-typed actual so the computed figure shows again (NotFoundError when there is none)."""
    with db.transaction() as s:
        ind = get_or_raise(s, Indicator, indicator_id, "成果指標")
        row = _find_value(s, indicator_id, fiscal_year, ValueKind.ACTUAL)
        if row is None or not row.is_override:
            raise NotFoundError(
                msg(
                    "「{name}」の{fiscal_year}実績値は上書きされていません。一覧を更新してください。",
                    name=ind.name,
                    fiscal_year=fiscal_year_label(fiscal_year),
                )
            )
        check_version(row, expected_version, "値")
        audit(
            s,
            db.user,
            "delete",
            "indicator_value",
            row.id,
            f"成果指標「{ind.name}」の{fiscal_year_label(fiscal_year)}実績値の上書きを解除（自動集計に戻す）",
            {"value": (row.value, None), "reason": (row.reason, None)},
        )
        s.delete(row)


def indicator_table(
    db: Database, fiscal_years: Iterable[int], *, today: date | None = None
) -> list[IndicatorRowDTO]:
    """Base, target and actual per indicator and fiscal year.

    The actual is the override if one was typed, else (for a computed indicator) the figure from the data,
    else the actual typed by hand. A fiscal year that has not begun by ``today`` has no computed figure, and
    a year before the first record a rule counts is 未集計 (``ActualSource.NOT_COUNTED``, actual None).
    """
    years = sorted(set(fiscal_years))
    for fy in years:
        fiscal_year_range(fy)
    today = today or date.today()
    with db.reading() as s:
        indicators = list(
            s.scalars(
                select(Indicator)
                .options(selectinload(Indicator.values))
                .order_by(Indicator.display_order, Indicator.id)
            )
        )
        computed: dict[str, YearCounts] = {}
        if years:
            for rule in {i.computed for i in indicators if i.computed in COMPUTED_RULES}:
                computed[rule] = COMPUTED_RULES[rule][1](s, years)
        rows = []
        for ind in indicators:
            stored = {(v.fiscal_year, v.kind): v for v in ind.values}
            cells = []
            for fy in years:
                base = stored.get((fy, ValueKind.BASE.value))
                target = stored.get((fy, ValueKind.TARGET.value))
                actual_row = stored.get((fy, ValueKind.ACTUAL.value))
                counts = computed.get(ind.computed)
                began = fiscal_year_range(fy)[0] <= today
                count = counts.get(fy) if counts is not None and began else None
                computed_value = float(count) if count is not None else None
                if counts is not None:
                    if actual_row is not None and actual_row.is_override:
                        actual, source = actual_row.value, ActualSource.OVERRIDE
                    elif computed_value is not None:
                        actual, source, actual_row = computed_value, ActualSource.COMPUTED, None
                    elif began:
                        actual, source, actual_row = None, ActualSource.NOT_COUNTED, None
                    else:
                        actual, source, actual_row = None, ActualSource.NONE, None
                elif actual_row is not None and actual_row.value is not None:
                    actual, source = actual_row.value, ActualSource.MANUAL
                else:
                    actual, source, actual_row = None, ActualSource.NONE, None
                cells.append(
                    IndicatorCellDTO(
                        fiscal_year=fy,
                        base=base.value if base else None,
                        target=target.value if target else None,
                        actual=actual,
                        actual_source=source,
                        computed_value=computed_value,
                        override_reason=actual_row.reason
                        if source is ActualSource.OVERRIDE and actual_row
                        else "",
                        entered_by=actual_row.entered_by if actual_row else "",
                        actual_value_id=actual_row.id if actual_row else None,
                        actual_version=actual_row.version if actual_row else None,
                    )
                )
            rows.append(
                IndicatorRowDTO(
                    indicator_id=ind.id,
                    code=ind.code,
                    name=ind.name,
                    unit=ind.unit,
                    project=ind.project,
                    computed=ind.computed,
                    notes=ind.notes,
                    cells=tuple(cells),
                    internal_notes=ind.internal_notes,
                    value_notes=_value_notes(ind, years, "notes"),
                    value_internal_notes=_value_notes(ind, years, "internal_notes"),
                )
            )
        return rows


def _value_notes(ind: Indicator, years: list[int], attr: str) -> tuple[tuple[int, ValueKind, str], ...]:
    """(year, kind, note) of the figures of ``years`` with a note in ``attr``, by year then kind."""
    order = list(ValueKind)
    return tuple(
        (v.fiscal_year, ValueKind(v.kind), getattr(v, attr))
        for v in sorted(ind.values, key=lambda v: (v.fiscal_year, order.index(ValueKind(v.kind))))
        if getattr(v, attr) and v.fiscal_year in years
    )
