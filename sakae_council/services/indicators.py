"""成果指標 of 戦略４ and the ⑫ records behind them: consultations (相談), courses (講座), start-ups (起業).

An indicator holds base (現状値), target (目標値) and actual (実績値) figures per fiscal year. When its
``computed`` names a rule, the actual follows from the data (projects, consultations, start-ups); a figure
typed in for such an indicator's actual is an *override* and must say why. ``indicator_table`` tells for
every actual whether it was computed, overridden or entered by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Indicator,
    IndicatorValue,
)
from sakae_council.domain.enums import LabeledEnum
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.text import normalize_ascii
from sakae_council.services._crud import change, current, flush_or_conflict, insert, load_with, remove
from sakae_council.services.common import (
    long_text,
    optional_text,
    order_number,
    required_text,
)
from sakae_council.services.indicator_rules import COMPUTED_RULES


class ValueKind(LabeledEnum):
    """Which figure of an indicator a value is."""

    BASE = "base", "現状値"
    TARGET = "target", "目標値"
    ACTUAL = "actual", "実績値"


# --- DTOs ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorInput:
    code: str
    name: str
    unit: str = ""
    project: str = ""
    computed: str = ""
    display_order: int = 0
    #: 資料の注記: printed under the indicator in the 連絡会まとめ.
    notes: str = ""
    #: 内部メモ: for the people entering the figures; never printed.
    internal_notes: str = ""


@dataclass(frozen=True)
class IndicatorValueDTO:
    id: int
    version: int
    indicator_id: int
    fiscal_year: int
    kind: ValueKind
    value: float | None
    is_override: bool
    entered_by: str
    reason: str
    updated_at: datetime
    #: 資料の注記 on this figure (printed) and 内部メモ (never printed).
    notes: str = ""
    internal_notes: str = ""


@dataclass(frozen=True)
class IndicatorDTO:
    id: int
    version: int
    code: str
    name: str
    unit: str
    project: str
    computed: str
    display_order: int
    notes: str
    values: tuple[IndicatorValueDTO, ...] = ()
    internal_notes: str = ""

    @property
    def is_computed(self) -> bool:
        return bool(self.computed)

    def value(self, fiscal_year: int, kind: ValueKind | str) -> float | None:
        """The stored figure of ``kind`` for ``fiscal_year``, or None."""
        for v in self.values:
            if v.fiscal_year == fiscal_year and v.kind == kind:
                return v.value
        return None


def format_value(value: float | None) -> str:
    """23.0 → "23", 1.5 → "1.5", None → ""."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}"


# --- indicators ----------------------------------------------------------------------------------


def _value_dto(v: IndicatorValue) -> IndicatorValueDTO:
    return IndicatorValueDTO(
        id=v.id,
        version=v.version,
        indicator_id=v.indicator_id,
        fiscal_year=v.fiscal_year,
        kind=ValueKind(v.kind),
        value=v.value,
        is_override=v.is_override,
        entered_by=v.entered_by,
        reason=v.reason,
        updated_at=v.updated_at,
        notes=v.notes,
        internal_notes=v.internal_notes,
    )


def to_dto(i: Indicator) -> IndicatorDTO:
    return IndicatorDTO(
        id=i.id,
        version=i.version,
        code=i.code,
        name=i.name,
        unit=i.unit,
        project=i.project,
        computed=i.computed,
        display_order=i.display_order,
        notes=i.notes,
        internal_notes=i.internal_notes,
        values=tuple(_value_dto(v) for v in sorted(i.values, key=lambda v: (v.fiscal_year, v.kind))),
    )


def _load_indicator(s: Session, indicator_id: int) -> Indicator:
    return load_with(s, Indicator, indicator_id, "成果指標", selectinload(Indicator.values))


def _validate_indicator(s: Session, data: IndicatorInput, exclude_id: int | None) -> dict:
    code = normalize_ascii(data.code).lower()
    if not code:
        raise ValidationError("code", "指標コード（半角英数字、例: volunteers）を入力してください。")
    if len(code) > 50 or not code.replace("_", "").isascii() or not code.replace("_", "").isalnum():
        raise ValidationError(
            "code", "指標コードは半角英数字と「_」で50文字までにしてください（例: volunteers）。"
        )
    clash = s.scalar(select(Indicator.id).where(Indicator.code == code))
    if clash is not None and clash != exclude_id:
        raise ValidationError(
            "code", msg("指標コード「{code}」はすでに使われています。別のコードにしてください。", code=code)
        )
    computed = normalize_ascii(data.computed)
    if computed and computed not in COMPUTED_RULES:
        choices = "、".join(f"{k}（{v[0]}）" for k, v in COMPUTED_RULES.items())
        raise ValidationError(
            "computed",
            msg(
                "自動集計「{computed}」はありません。空欄（手入力）か次から選んでください: {choices}",
                computed=computed,
                choices=choices,
            ),
        )
    order = order_number(data.display_order, "display_order", "表示順")
    return {
        "code": code,
        "name": required_text(data.name, "name", "指標名", 200),
        "unit": optional_text(data.unit, "unit", "単位", 30),
        "project": optional_text(data.project, "project", "事業番号", 10),
        "computed": computed,
        "display_order": order,
        "notes": long_text(data.notes, "notes", "資料の注記", 4000),
        "internal_notes": long_text(data.internal_notes, "internal_notes", "内部メモ", 4000),
    }


def list_indicators(db: Database) -> list[IndicatorDTO]:
    """All indicators in display order, each with its stored figures."""
    with db.reading() as s:
        stmt = (
            select(Indicator)
            .options(selectinload(Indicator.values))
            .order_by(Indicator.display_order, Indicator.id)
        )
        return [to_dto(i) for i in s.scalars(stmt)]


def get_indicator(db: Database, indicator_id: int) -> IndicatorDTO:
    with db.reading() as s:
        return to_dto(_load_indicator(s, indicator_id))


def create_indicator(db: Database, data: IndicatorInput) -> IndicatorDTO:
    """Add an indicator of one's own (beyond the plan's four)."""
    with db.transaction() as s:
        ind = Indicator(**_validate_indicator(s, data, None))
        summary = f"成果指標「{ind.name}」を登録"
        insert(s, db.user, ind, "indicator", summary, flush=lambda s: flush_or_conflict(s, "成果指標"))
        return to_dto(_load_indicator(s, ind.id))


def update_indicator(
    db: Database, indicator_id: int, data: IndicatorInput, expected_version: int
) -> IndicatorDTO:
    """Change an indicator's name, unit, rule or notes; a stale copy raises ConflictError."""
    with db.transaction() as s:
        ind = current(s, Indicator, indicator_id, expected_version, "成果指標", load=_load_indicator)
        change(
            s,
            db.user,
            ind,
            _validate_indicator(s, data, indicator_id),
            "indicator",
            lambda ind: f"成果指標「{ind.name}」を変更",
            flush=lambda s: flush_or_conflict(s, "成果指標"),
        )
        return to_dto(ind)


def delete_indicator(db: Database, indicator_id: int, expected_version: int | None = None) -> None:
    """Remove an indicator and all its figures."""
    with db.transaction() as s:
        ind = current(s, Indicator, indicator_id, expected_version, "成果指標", load=_load_indicator)
        remove(s, db.user, ind, "indicator", f"成果指標「{ind.name}」を削除")
