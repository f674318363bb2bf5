"""成果指標 of 戦略４ and the ⑫ records behind them: consultations (相談), courses (講座), start-ups (起業).

An indicator holds base (現状値), target (目標値) and actual (実績値) figures per fiscal year. When its
``computed`` names a rule, the actual follows from the data (projects, consultations, start-ups); a figure
typed in for such an indicator's actual is an *override* and must say why. ``indicator_table`` tells for
every actual whether it was computed, overridden or entered by hand.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    BusinessStartup,
    CollaborativeProject,
    Consultation,
    Course,
    CourseAttendee,
    District,
    Indicator,
    IndicatorValue,
    Person,
)
from sakae_council.domain.enums import LAUNCHED_PROJECT_STATUSES, LabeledEnum, ProjectKind, ProjectStatus
from sakae_council.domain.errors import ConflictError, NotFoundError, StaleVersionError, ValidationError, msg
from sakae_council.domain.text import fold_for_search, normalize_ascii, normalize_text
from sakae_council.domain.wareki import fiscal_year as fiscal_year_of
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_version,
    get_or_raise,
    long_text,
    optional_text,
    order_number,
    require_id,
    required_text,
)


class ValueKind(LabeledEnum):
    """Which figure of an indicator a value is."""

    BASE = "base", "現状値"
    TARGET = "target", "目標値"
    ACTUAL = "actual", "実績値"


class ActualSource(LabeledEnum):
    """Where the actual shown in the indicator table comes from."""

    COMPUTED = "computed", "自動集計"
    OVERRIDE = "override", "手入力で上書き"
    MANUAL = "manual", "手入力"
    #: A computed indicator in a year before its first record: no figure can be told (shown 「—」, never 0).
    NOT_COUNTED = "not_counted", "未集計"
    NONE = "none", "未入力"


#: Fields of life-support businesses named in ⑫ (offered as choices; free text is allowed).
STARTUP_FIELDS = ("介護", "健康", "子育て", "教育", "防犯", "環境", "その他")

MAX_VALUE = 1e9

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


def format_value(value: float | None) -> str:
    """23.0 → "23", 1.5 → "1.5", None → ""."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:g}"


# --- computed rules ------------------------------------------------------------------------------

#: A computed actual per fiscal year; None is 未集計 (see ``_uncounted_before``).
YearCounts = dict[int, int | None]


def _years_span(years: list[int]) -> tuple[date, date]:
    return fiscal_year_range(min(years))[0], fiscal_year_range(max(years))[1]


def _uncounted_before(counts: dict[int, int], first: date | None) -> YearCounts:
    """未集計 (None) for every fiscal year before the one of the first record the rule counts.

    A count of records is only a figure from the year the records began to be kept: before the first
    consultation (start-up, launched project, community project) is on file, nobody can tell "none
    happened" from "none was entered", so such a year — and every year when there is no record at all —
    is 未集計, shown as 「—」, never 0. From the first record's year on, a year with nothing is a real 0.
    """
    start = fiscal_year_of(first) if first is not None else None
    return {fy: (n if start is not None and fy >= start else None) for fy, n in counts.items()}


def _count_by_year(dates: Iterable[date], years: list[int], first: date | None) -> YearCounts:
    counts = dict.fromkeys(years, 0)
    for d in dates:
        fy = fiscal_year_of(d)
        if fy in counts:
            counts[fy] += 1
    return _uncounted_before(counts, first)


def _consultations(s: Session, years: list[int]) -> YearCounts:
    """⑫ 相談者数: consultation records held in the fiscal year (未集計 before the first record)."""
    first, last = _years_span(years)
    return _count_by_year(
        s.scalars(select(Consultation.held_on).where(Consultation.held_on.between(first, last))),
        years,
        s.scalar(select(func.min(Consultation.held_on))),
    )


def _startups(s: Session, years: list[int]) -> YearCounts:
    """⑫ 起業者数: businesses started in the fiscal year (未集計 before the first record)."""
    first, last = _years_span(years)
    stmt = select(BusinessStartup.started_on).where(BusinessStartup.started_on.between(first, last))
    return _count_by_year(s.scalars(stmt), years, s.scalar(select(func.min(BusinessStartup.started_on))))


def _launched_districts(s: Session, years: list[int]) -> YearCounts:
    """⑬ 6小学校区協働事業立ち上げ数: districts with at least one 小学校区協働事業 launched by the end of the
    fiscal year and now at a launched stage (交付決定・実施中・完了・検証済); 未集計 before the year of the
    first such launch.

    A district merged into another by the end of that year counts as the district it joined, so a merge
    does not make the count exceed the districts that exist.
    """
    statuses = [st.value for st in LAUNCHED_PROJECT_STATUSES]
    rows = s.execute(
        select(CollaborativeProject.district_id, CollaborativeProject.launched_on).where(
            CollaborativeProject.launched_on.is_not(None),
            CollaborativeProject.status.in_(statuses),
            CollaborativeProject.kind == ProjectKind.DISTRICT_COLLABORATION.value,
        )
    ).all()
    merges = {
        d.id: (d.merged_into_id, d.merged_on)
        for d in s.execute(select(District.id, District.merged_into_id, District.merged_on))
    }

    def resolve(district_id: int, until: date) -> int:
        seen = {district_id}
        current = district_id
        while True:
            target, merged_on = merges.get(current, (None, None))
            if target is None or merged_on is None or merged_on > until or target in seen:
                return current
            seen.add(target)
            current = target

    out: dict[int, int] = {}
    for fy in years:
        end = fiscal_year_range(fy)[1]
        out[fy] = len({resolve(d, end) for d, launched in rows if launched is not None and launched <= end})
    return _uncounted_before(out, min((launched for _d, launched in rows if launched), default=None))


def _community_projects(s: Session, years: list[int]) -> YearCounts:
    """⑭ コミュニティ事業数: コミュニティ事業 not cancelled whose period (start_on..end_on, an open end meaning
    still running) overlaps the fiscal year; 未集計 before the year the first of them started. A project
    without a start date is not counted."""
    rows = s.execute(
        select(CollaborativeProject.start_on, CollaborativeProject.end_on).where(
            CollaborativeProject.kind == ProjectKind.COMMUNITY.value,
            CollaborativeProject.status != ProjectStatus.CANCELLED.value,
            CollaborativeProject.start_on.is_not(None),
        )
    ).all()
    out: dict[int, int] = {}
    for fy in years:
        first, last = fiscal_year_range(fy)
        out[fy] = sum(
            1 for start, end in rows if start is not None and start <= last and (end is None or end >= first)
        )
    return _uncounted_before(out, min((start for start, _e in rows if start), default=None))


#: Rules an indicator's ``computed`` may name: code → (Japanese description, counter).
COMPUTED_RULES: dict[str, tuple[str, Callable[[Session, list[int]], YearCounts]]] = {
    "consultations": ("相談記録の件数（年度内）", _consultations),
    "startups": ("起業記録の件数（年度内に起業）", _startups),
    "launched_districts": ("協働事業を立ち上げた小学校区の数（年度末まで）", _launched_districts),
    "community_projects": ("年度内に実施中のコミュニティ事業の数", _community_projects),
}


# --- seeding -------------------------------------------------------------------------------------

#: A note for whoever enters the figures (内部メモ): it is never printed.
_STARTUPS_NOTE = (
    "計画書（テキスト抽出）では、この指標の値として「15」と「20」が表の列を失った状態で示されている。"
    "20を平成27年度の目標値として登録した。15はどの年度・区分の値か特定できないため登録していない。"
    "原本で確認のうえ入力すること。"
)

#: The four indicators of 戦略４ with the figures of the plan (21年度 = FY2009, 22年度 = FY2010, 27年度 = FY2015).
PLAN_INDICATORS: tuple[dict, ...] = (
    {
        "code": "consultations",
        "name": "生活支援ビジネスの相談者数",
        "unit": "人",
        "project": "⑫",
        "computed": "consultations",
        "display_order": 1,
        "notes": "目標値23人は、想定115人の2割。",
        "internal_notes": "",
        "values": ((2009, "base", 0), (2010, "base", 0), (2015, "target", 23)),
    },
    {
        "code": "startups",
        "name": "生活支援サービスの起業者数",
        "unit": "人",
        "project": "⑫",
        "computed": "startups",
        "display_order": 2,
        "notes": "",
        "internal_notes": _STARTUPS_NOTE,
        "values": ((2015, "target", 20),),
    },
    {
        "code": "launched_districts",
        "name": "6小学校区協働事業立ち上げ数",
        "unit": "立ち上げ数",
        "project": "⑬",
        "computed": "launched_districts",
        "display_order": 3,
        "notes": "",
        "internal_notes": "",
        "values": ((2009, "base", 1), (2010, "base", 4), (2015, "target", 6)),
    },
    {
        "code": "community_projects",
        "name": "コミュニティ事業数",
        "unit": "事業",
        "project": "⑭",
        "computed": "community_projects",
        "display_order": 4,
        "notes": "",
        "internal_notes": "",
        "values": ((2009, "base", 3), (2010, "base", 4), (2015, "target", 10)),
    },
)

SEED_USER = "総合計画（戦略４）"


def seed_plan_indicators(session: Session, user: str = "") -> list[str]:
    """Add the plan's four indicators with their figures, unless an indicator with that code exists
    (user edits are never overwritten). Returns the codes added; runs in the caller's transaction."""
    existing = set(session.scalars(select(Indicator.code)))
    added = []
    for spec in PLAN_INDICATORS:
        if spec["code"] in existing:
            continue
        ind = Indicator(
            code=spec["code"],
            name=spec["name"],
            unit=spec["unit"],
            project=spec["project"],
            computed=spec["computed"],
            display_order=spec["display_order"],
            notes=spec["notes"],
            internal_notes=spec["internal_notes"],
        )
        for fy, kind, value in spec["values"]:
            ind.values.append(
                IndicatorValue(fiscal_year=fy, kind=kind, value=float(value), entered_by=SEED_USER, reason="")
            )
        session.add(ind)
        session.flush()
        audit(session, user, "create", "indicator", ind.id, f"成果指標「{ind.name}」を計画の値で登録")
        added.append(ind.code)
    return added


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
    require_id(indicator_id, "成果指標")
    ind = s.scalar(
        select(Indicator).where(Indicator.id == indicator_id).options(selectinload(Indicator.values))
    )
    if ind is None:
        get_or_raise(s, Indicator, indicator_id, "成果指標")
    assert ind is not None
    return ind


def _flush_or_conflict(s: Session, what: str) -> None:
    try:
        s.flush()
    except (StaleDataError, IntegrityError) as exc:
        raise ConflictError(
            msg(
                "この{what}は、同時に別の場所で変更されました。再読み込みしてから、もう一度入力してください。",
                what=what,
            )
        ) from exc


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
        s.add(ind)
        _flush_or_conflict(s, "成果指標")
        audit(s, db.user, "create", "indicator", ind.id, f"成果指標「{ind.name}」を登録")
        return to_dto(_load_indicator(s, ind.id))


def update_indicator(
    db: Database, indicator_id: int, data: IndicatorInput, expected_version: int
) -> IndicatorDTO:
    """Change an indicator's name, unit, rule or notes; a stale copy raises ConflictError."""
    with db.transaction() as s:
        ind = _load_indicator(s, indicator_id)
        check_version(ind, expected_version, "成果指標")
        changes = apply_changes(ind, _validate_indicator(s, data, indicator_id))
        if changes:
            _flush_or_conflict(s, "成果指標")
            audit(s, db.user, "update", "indicator", ind.id, f"成果指標「{ind.name}」を変更", changes)
        return to_dto(ind)


def delete_indicator(db: Database, indicator_id: int, expected_version: int | None = None) -> None:
    """Remove an indicator and all its figures."""
    with db.transaction() as s:
        ind = _load_indicator(s, indicator_id)
        check_version(ind, expected_version, "成果指標")
        audit(s, db.user, "delete", "indicator", ind.id, f"成果指標「{ind.name}」を削除")
        s.delete(ind)


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
            _flush_or_conflict(s, "値")
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
                _flush_or_conflict(s, "値")
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
        msg("「{name}」の{year}{kind}は入力されていません。", name=ind.name, year=fiscal_year_label(fiscal_year), kind=k.label)
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


# --- shared checks for the ⑫ records --------------------------------------------------------------


def _date_required(value: date | None, field: str, label: str) -> date:
    if not isinstance(value, date):
        raise ValidationError(field, msg("{label}を入力してください。", label=label))
    return value


def _person_name(s: Session, person_id: int | None, name: str | None, field: str, label: str) -> str:
    """The typed name, or the roster name of ``person_id`` when none was typed."""
    typed = normalize_text(name)
    if person_id is not None:
        person = get_or_raise(s, Person, person_id, "名簿の人")
        typed = typed or person.name
    return required_text(typed, field, label, 100)


def _check_district(s: Session, district_id: int | None) -> None:
    if district_id is not None:
        get_or_raise(s, District, district_id, "学区")


def _district_names(s: Session) -> dict[int, str]:
    return {did: name for did, name in s.execute(select(District.id, District.name))}


def _year_filter(column, fy: int | None):  # type: ignore[no-untyped-def]
    if fy is None:
        return None
    first, last = fiscal_year_range(fy)
    return column.between(first, last)


# --- 相談記録 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsultationInput:
    held_on: date
    person_name: str
    person_id: int | None = None
    district_id: int | None = None
    topic: str = ""
    follow_up: str = ""


@dataclass(frozen=True)
class ConsultationDTO:
    id: int
    version: int
    held_on: date
    fiscal_year: int
    person_name: str
    person_id: int | None
    district_id: int | None
    district_name: str
    topic: str
    follow_up: str


def consultation_to_dto(c: Consultation, district_name: str) -> ConsultationDTO:
    return ConsultationDTO(
        id=c.id,
        version=c.version,
        held_on=c.held_on,
        fiscal_year=fiscal_year_of(c.held_on),
        person_name=c.person_name,
        person_id=c.person_id,
        district_id=c.district_id,
        district_name=district_name,
        topic=c.topic,
        follow_up=c.follow_up,
    )


def _consultation_dto(s: Session, c: Consultation) -> ConsultationDTO:
    return consultation_to_dto(c, _district_names(s).get(c.district_id, "") if c.district_id else "")


def _validate_consultation(s: Session, data: ConsultationInput) -> dict:
    _check_district(s, data.district_id)
    return {
        "held_on": _date_required(data.held_on, "held_on", "相談日"),
        "person_name": _person_name(s, data.person_id, data.person_name, "person_name", "相談者の氏名"),
        "person_id": data.person_id,
        "district_id": data.district_id,
        "topic": long_text(data.topic, "topic", "相談内容", 4000),
        "follow_up": long_text(data.follow_up, "follow_up", "対応・つなぎ先", 4000),
    }


def create_consultation(db: Database, data: ConsultationInput) -> ConsultationDTO:
    """Record a consultation at the ⑫ desk."""
    with db.transaction() as s:
        c = Consultation(**_validate_consultation(s, data))
        s.add(c)
        s.flush()
        audit(
            s, db.user, "create", "consultation", c.id, f"「{c.person_name}」さんの相談（{c.held_on}）を記録"
        )
        return _consultation_dto(s, c)


def update_consultation(
    db: Database, consultation_id: int, data: ConsultationInput, expected_version: int
) -> ConsultationDTO:
    """Change a consultation record; a stale copy raises ConflictError."""
    with db.transaction() as s:
        c = get_or_raise(s, Consultation, consultation_id, "相談記録")
        check_version(c, expected_version, "相談記録")
        changes = apply_changes(c, _validate_consultation(s, data))
        if changes:
            _flush_or_conflict(s, "相談記録")
            audit(
                s,
                db.user,
                "update",
                "consultation",
                c.id,
                f"「{c.person_name}」さんの相談記録を変更",
                changes,
            )
        return _consultation_dto(s, c)


def delete_consultation(db: Database, consultation_id: int, expected_version: int | None = None) -> None:
    """Remove a consultation record."""
    with db.transaction() as s:
        c = get_or_raise(s, Consultation, consultation_id, "相談記録")
        check_version(c, expected_version, "相談記録")
        audit(
            s, db.user, "delete", "consultation", c.id, f"「{c.person_name}」さんの相談（{c.held_on}）を削除"
        )
        s.delete(c)


def get_consultation(db: Database, consultation_id: int) -> ConsultationDTO:
    with db.reading() as s:
        return _consultation_dto(s, get_or_raise(s, Consultation, consultation_id, "相談記録"))


def list_consultations(
    db: Database, fiscal_year: int | None = None, district_id: int | None = None, query: str = ""
) -> list[ConsultationDTO]:
    """Consultations by date, optionally of one fiscal year / district, searched over name, topic, follow-up."""
    with db.reading() as s:
        stmt = select(Consultation).order_by(Consultation.held_on, Consultation.id)
        cond = _year_filter(Consultation.held_on, fiscal_year)
        if cond is not None:
            stmt = stmt.where(cond)
        if district_id is not None:
            stmt = stmt.where(Consultation.district_id == district_id)
        names = _district_names(s)
        items = [
            consultation_to_dto(c, names.get(c.district_id, "") if c.district_id else "")
            for c in s.scalars(stmt)
        ]
    folded = fold_for_search(query)
    if folded:
        items = [c for c in items if folded in fold_for_search(f"{c.person_name} {c.topic} {c.follow_up}")]
    return items


# --- 講座 ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseInput:
    title: str
    held_on: date
    place: str = ""
    notes: str = ""


@dataclass(frozen=True)
class CourseAttendeeDTO:
    id: int
    person_id: int | None
    name: str


@dataclass(frozen=True)
class CourseDTO:
    id: int
    version: int
    title: str
    held_on: date
    fiscal_year: int
    place: str
    notes: str
    attendees: tuple[CourseAttendeeDTO, ...] = ()

    @property
    def attendee_count(self) -> int:
        return len(self.attendees)


def course_to_dto(c: Course) -> CourseDTO:
    return CourseDTO(
        id=c.id,
        version=c.version,
        title=c.title,
        held_on=c.held_on,
        fiscal_year=fiscal_year_of(c.held_on),
        place=c.place,
        notes=c.notes,
        attendees=tuple(
            CourseAttendeeDTO(id=a.id, person_id=a.person_id, name=a.name)
            for a in sorted(c.attendees, key=lambda a: a.id)
        ),
    )


def _load_course(s: Session, course_id: int) -> Course:
    require_id(course_id, "講座")
    c = s.scalar(select(Course).where(Course.id == course_id).options(selectinload(Course.attendees)))
    if c is None:
        get_or_raise(s, Course, course_id, "講座")
    assert c is not None
    return c


def _validate_course(data: CourseInput) -> dict:
    return {
        "title": required_text(data.title, "title", "講座名", 200),
        "held_on": _date_required(data.held_on, "held_on", "開催日"),
        "place": optional_text(data.place, "place", "会場"),
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def create_course(db: Database, data: CourseInput) -> CourseDTO:
    """Register a ⑫ course (講座)."""
    with db.transaction() as s:
        c = Course(**_validate_course(data))
        s.add(c)
        s.flush()
        audit(s, db.user, "create", "course", c.id, f"講座「{c.title}」（{c.held_on}）を登録")
        return course_to_dto(_load_course(s, c.id))


def update_course(db: Database, course_id: int, data: CourseInput, expected_version: int) -> CourseDTO:
    """Change a course's title, date, place or notes; a stale copy raises ConflictError."""
    with db.transaction() as s:
        c = _load_course(s, course_id)
        check_version(c, expected_version, "講座")
        changes = apply_changes(c, _validate_course(data))
        if changes:
            _flush_or_conflict(s, "講座")
            audit(s, db.user, "update", "course", c.id, f"講座「{c.title}」を変更", changes)
        return course_to_dto(c)


def delete_course(db: Database, course_id: int, expected_version: int | None = None) -> None:
    """Remove a course with its attendance list."""
    with db.transaction() as s:
        c = _load_course(s, course_id)
        check_version(c, expected_version, "講座")
        audit(
            s,
            db.user,
            "delete",
            "course",
            c.id,
            f"講座「{c.title}」（{c.held_on}）を削除（受講者{len(c.attendees)}名）",
        )
        s.delete(c)


def get_course(db: Database, course_id: int) -> CourseDTO:
    with db.reading() as s:
        return course_to_dto(_load_course(s, course_id))


def list_courses(db: Database, fiscal_year: int | None = None) -> list[CourseDTO]:
    """Courses by date, optionally of one fiscal year, each with its attendees."""
    with db.reading() as s:
        stmt = select(Course).options(selectinload(Course.attendees)).order_by(Course.held_on, Course.id)
        cond = _year_filter(Course.held_on, fiscal_year)
        if cond is not None:
            stmt = stmt.where(cond)
        return [course_to_dto(c) for c in s.scalars(stmt)]


def add_attendee(db: Database, course_id: int, person_id: int | None = None, name: str = "") -> CourseDTO:
    """Add a participant: someone on the roster (``person_id``) or a free name. The same person or the same
    name (ignoring かな/全角半角/spaces) cannot be added twice."""
    with db.transaction() as s:
        c = _load_course(s, course_id)
        if person_id is None and not normalize_text(name):
            raise ValidationError("name", "受講者を名簿から選ぶか、氏名を入力してください。")
        shown = _person_name(s, person_id, name, "name", "受講者の氏名")
        for a in c.attendees:
            same_person = person_id is not None and a.person_id == person_id
            if same_person or fold_for_search(a.name) == fold_for_search(shown):
                raise ValidationError(
                    "name", msg("「{shown}」さんはすでにこの講座の受講者に入っています。", shown=shown)
                )
        attendee = CourseAttendee(person_id=person_id, name=shown)
        c.attendees.append(attendee)
        s.flush()
        audit(
            s, db.user, "create", "course_attendee", attendee.id, f"講座「{c.title}」に「{shown}」さんを追加"
        )
        return course_to_dto(c)


def remove_attendee(db: Database, course_id: int, attendee_id: int) -> CourseDTO:
    """Take a participant off a course."""
    with db.transaction() as s:
        c = _load_course(s, course_id)
        attendee = next((a for a in c.attendees if a.id == attendee_id), None)
        if attendee is None:
            raise NotFoundError(
                msg(
                    "講座「{title}」にこの受講者（ID {attendee_id}）はいません。一覧を更新してください。",
                    title=c.title,
                    attendee_id=attendee_id,
                )
            )
        audit(
            s,
            db.user,
            "delete",
            "course_attendee",
            attendee.id,
            f"講座「{c.title}」から「{attendee.name}」さんを外す",
        )
        c.attendees.remove(attendee)
        s.flush()
        return course_to_dto(c)


# --- 起業者 ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StartupInput:
    founder_name: str
    started_on: date
    business_name: str = ""
    field: str = ""
    person_id: int | None = None
    district_id: int | None = None
    notes: str = ""


@dataclass(frozen=True)
class StartupDTO:
    id: int
    version: int
    founder_name: str
    person_id: int | None
    business_name: str
    field: str
    started_on: date
    fiscal_year: int
    district_id: int | None
    district_name: str
    notes: str


def startup_to_dto(b: BusinessStartup, district_name: str) -> StartupDTO:
    return StartupDTO(
        id=b.id,
        version=b.version,
        founder_name=b.founder_name,
        person_id=b.person_id,
        business_name=b.business_name,
        field=b.field,
        started_on=b.started_on,
        fiscal_year=fiscal_year_of(b.started_on),
        district_id=b.district_id,
        district_name=district_name,
        notes=b.notes,
    )


def _startup_dto(s: Session, b: BusinessStartup) -> StartupDTO:
    return startup_to_dto(b, _district_names(s).get(b.district_id, "") if b.district_id else "")


def _validate_startup(s: Session, data: StartupInput) -> dict:
    _check_district(s, data.district_id)
    return {
        "founder_name": _person_name(s, data.person_id, data.founder_name, "founder_name", "起業者の氏名"),
        "person_id": data.person_id,
        "business_name": optional_text(data.business_name, "business_name", "事業名"),
        "field": optional_text(data.field, "field", "分野", 100),
        "started_on": _date_required(data.started_on, "started_on", "起業日（開業日）"),
        "district_id": data.district_id,
        "notes": long_text(data.notes, "notes", "備考", 4000),
    }


def create_startup(db: Database, data: StartupInput) -> StartupDTO:
    """Record a life-support business started (起業者)."""
    with db.transaction() as s:
        b = BusinessStartup(**_validate_startup(s, data))
        s.add(b)
        s.flush()
        audit(s, db.user, "create", "business_startup", b.id, f"「{b.founder_name}」さんの起業を記録")
        return _startup_dto(s, b)


def update_startup(db: Database, startup_id: int, data: StartupInput, expected_version: int) -> StartupDTO:
    """Change a start-up record; a stale copy raises ConflictError."""
    with db.transaction() as s:
        b = get_or_raise(s, BusinessStartup, startup_id, "起業記録")
        check_version(b, expected_version, "起業記録")
        changes = apply_changes(b, _validate_startup(s, data))
        if changes:
            _flush_or_conflict(s, "起業記録")
            audit(
                s,
                db.user,
                "update",
                "business_startup",
                b.id,
                f"「{b.founder_name}」さんの起業記録を変更",
                changes,
            )
        return _startup_dto(s, b)


def delete_startup(db: Database, startup_id: int, expected_version: int | None = None) -> None:
    """Remove a start-up record."""
    with db.transaction() as s:
        b = get_or_raise(s, BusinessStartup, startup_id, "起業記録")
        check_version(b, expected_version, "起業記録")
        audit(s, db.user, "delete", "business_startup", b.id, f"「{b.founder_name}」さんの起業記録を削除")
        s.delete(b)


def get_startup(db: Database, startup_id: int) -> StartupDTO:
    with db.reading() as s:
        return _startup_dto(s, get_or_raise(s, BusinessStartup, startup_id, "起業記録"))


def list_startups(
    db: Database, fiscal_year: int | None = None, district_id: int | None = None
) -> list[StartupDTO]:
    """Start-ups by start date, optionally of one fiscal year and/or district."""
    with db.reading() as s:
        stmt = select(BusinessStartup).order_by(BusinessStartup.started_on, BusinessStartup.id)
        cond = _year_filter(BusinessStartup.started_on, fiscal_year)
        if cond is not None:
            stmt = stmt.where(cond)
        if district_id is not None:
            stmt = stmt.where(BusinessStartup.district_id == district_id)
        names = _district_names(s)
        return [
            startup_to_dto(b, names.get(b.district_id, "") if b.district_id else "") for b in s.scalars(stmt)
        ]
