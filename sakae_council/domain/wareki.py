"""和暦 (Japanese era) dates and 年度 (fiscal years, 1 April – 31 March).

Eras supported: 明治 (from 1868-10-23; earlier dates are rejected), 大正, 昭和, 平成, 令和.
The first year of an era is written 元年 (``gannen=False`` gives 1年).

年度 label rule: a fiscal year ``fy`` is named in the era in force on 31 December of ``fy``, counted
from that era's first calendar year.  This gives FY2018 = 平成30年度, FY2019 = 令和元年度 (by convention,
although 1 April 2019 was still 平成) and FY1988 = 昭和63年度 (平成 began in January 1989).

Bare 年度 numbers without an era ("21年度", "8") follow the plan's shorthand: 2–30 mean 平成 (FY1990–FY2018),
1 and 31–99 mean 令和 (FY2019, FY2049–).  Note that this makes "8年度" 平成8年度 (FY1996); write "R8" or
"令和8年度" for the current era.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.text import normalize_ascii

__all__ = [
    "ERAS",
    "Era",
    "era_for",
    "era_year",
    "fiscal_year",
    "fiscal_year_label",
    "fiscal_year_range",
    "fiscal_year_short",
    "format_date_iso",
    "parse_fiscal_year",
    "parse_wareki",
    "to_wareki",
]


@dataclass(frozen=True)
class Era:
    """A Japanese era: kanji name, one-letter abbreviation and first day."""

    name: str
    letter: str
    start: date


ERAS: tuple[Era, ...] = (
    Era("明治", "M", date(1868, 10, 23)),
    Era("大正", "T", date(1912, 7, 30)),
    Era("昭和", "S", date(1926, 12, 25)),
    Era("平成", "H", date(1989, 1, 8)),
    Era("令和", "R", date(2019, 5, 1)),
)
_ERA_BY_NAME = {era.name: era for era in ERAS}
_ERA_BY_LETTER = {era.letter: era for era in ERAS}
_WEEKDAYS = "月火水木金土日"

_MIN_FISCAL_YEAR = ERAS[0].start.year
_MAX_FISCAL_YEAR = date.max.year - 1

DATE_EXAMPLES = "「令和8年11月28日」「R8.11.28」「2026-11-28」"
FISCAL_YEAR_EXAMPLES = "「令和8年度」「R8」「2026」"


def _date_error(field: str, message: str) -> ValidationError:
    """A ValidationError for a date: ``message`` (a constant or a :func:`msg`), then examples of valid input."""
    return ValidationError(
        field, msg("{message}{examples}のように入力してください。", message=message, examples=DATE_EXAMPLES)
    )


def _format_gregorian(d: date) -> str:
    """Write ``d`` as 2019年4月30日."""
    return f"{d.year}年{d.month}月{d.day}日"


# --- date → 和暦 ---------------------------------------------------------------------------------


def era_for(d: date, *, field: str = "date") -> Era:
    """Return the era in force on ``d`` (a date or datetime); ValidationError before 明治 (1868-10-23)."""
    day = date(d.year, d.month, d.day)  # a datetime does not compare with a date
    for era in reversed(ERAS):
        if day >= era.start:
            return era
    raise ValidationError(
        field, "明治元年（1868年10月23日）より前の日付は扱えません。日付を確かめてください。"
    )


def era_year(d: date) -> tuple[str, int]:
    """Return (era name, year of the era) for ``d``, e.g. ("令和", 8)."""
    era = era_for(d)
    return era.name, d.year - era.start.year + 1


def _year_text(year: int, gannen: bool) -> str:
    """Write an era year: 元 for year 1 when ``gannen``."""
    return "元" if year == 1 and gannen else str(year)


def to_wareki(d: date, *, weekday: bool = False, gannen: bool = True) -> str:
    """Format ``d`` as 和暦: 令和8年11月28日, or 令和8年11月28日（土） with ``weekday``."""
    name, year = era_year(d)
    text = f"{name}{_year_text(year, gannen)}年{d.month}月{d.day}日"
    if weekday:
        text += f"（{_WEEKDAYS[d.weekday()]}）"
    return text


def format_date_iso(d: date | None) -> str:
    """Format ``d`` as ISO 8601 (2026-11-28); None gives ""."""
    if d is None:
        return ""
    return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"


# --- 和暦 / ISO text → date ------------------------------------------------------------------------

_ERA_TOKEN = r"(?P<era>明治|大正|昭和|平成|令和|[MTSHR])"
_YEAR_TOKEN = r"(?P<year>元|\d{1,4})"
_WEEKDAY_SUFFIX = r"(?:\s*[(（]\s*(?P<wd>[月火水木金土日])(?:曜日?)?\s*[)）])?"
_WAREKI_KANJI = re.compile(
    rf"{_ERA_TOKEN}\s*{_YEAR_TOKEN}\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日{_WEEKDAY_SUFFIX}",
    re.IGNORECASE,
)
_WAREKI_SHORT = re.compile(
    rf"{_ERA_TOKEN}\s*{_YEAR_TOKEN}\s*(?P<sep>[./-])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*(?P<day>\d{{1,2}})"
    rf"{_WEEKDAY_SUFFIX}",
    re.IGNORECASE,
)
_GREGORIAN_SEP = re.compile(
    rf"(?P<year>\d{{4}})\s*(?P<sep>[./-])\s*(?P<month>\d{{1,2}})\s*(?P=sep)\s*(?P<day>\d{{1,2}}){_WEEKDAY_SUFFIX}"
)
_GREGORIAN_KANJI = re.compile(
    rf"(?P<year>\d{{4}})\s*年\s*(?P<month>\d{{1,2}})\s*月\s*(?P<day>\d{{1,2}})\s*日{_WEEKDAY_SUFFIX}"
)
_GREGORIAN_COMPACT = re.compile(r"(?P<year>\d{4})(?P<month>\d{2})(?P<day>\d{2})")


def _lookup_era(token: str) -> Era:
    """Era from its kanji name or (case-insensitive) letter."""
    return _ERA_BY_NAME.get(token) or _ERA_BY_LETTER[token.upper()]


def _make_date(year: int, month: int, day: int, field: str, shown: str) -> date:
    """Build a date or raise a ValidationError naming the impossible date as ``shown``."""
    try:
        return date(year, month, day)
    except ValueError:
        raise _date_error(field, msg("「{shown}」という日付はありません。", shown=shown)) from None


def _check_weekday(d: date, match: re.Match[str], field: str) -> None:
    """If the input named a weekday, it must be the weekday of ``d``."""
    given = match.group("wd")
    if given is not None and given != _WEEKDAYS[d.weekday()]:
        actual = _WEEKDAYS[d.weekday()]
        raise _date_error(
            field,
            msg(
                "{date}は{actual}曜日です（{given}曜日ではありません）。",
                date=to_wareki(d),
                actual=actual,
                given=given,
            ),
        )


def parse_wareki(s: str, *, field: str = "date") -> date:
    """Parse a date written in 和暦 (令和8年11月28日, R8.11.28, 令和元年5月1日) or ISO (2026-11-28)."""
    text = normalize_ascii(s)
    if not text:
        raise _date_error(field, "日付が入力されていません。")

    for pattern in (_WAREKI_KANJI, _WAREKI_SHORT):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        era = _lookup_era(m.group("era"))
        year_token = m.group("year")
        era_year_number = 1 if year_token == "元" else int(year_token)
        month, day = int(m.group("month")), int(m.group("day"))
        shown = f"{era.name}{_year_text(era_year_number, True)}年{month}月{day}日"
        if era_year_number < 1:
            raise _date_error(
                field,
                msg(
                    "「{shown}」の年が正しくありません。{era}は元年（1年）から数えます。",
                    shown=shown,
                    era=era.name,
                ),
            )
        year = era.start.year + era_year_number - 1
        if year > date.max.year:
            raise _date_error(field, msg("「{shown}」は扱える範囲を超えています。", shown=shown))
        d = _make_date(year, month, day, field, shown)
        if d < era.start:
            hint = msg("{era}は{start}からです。", era=era.name, start=_format_gregorian(era.start))
            if d >= ERAS[0].start:
                hint = msg("{hint}この日は「{date}」です。", hint=hint, date=to_wareki(d))
            raise _date_error(
                field,
                msg("「{shown}」は{era}の期間に入っていません。{hint}", shown=shown, era=era.name, hint=hint),
            )
        index = ERAS.index(era)
        if index + 1 < len(ERAS) and d >= ERAS[index + 1].start:
            following = ERAS[index + 1]
            raise _date_error(
                field,
                msg(
                    "「{shown}」は{era}の期間に入っていません。{start}からは{following}です（この日は「{date}」です）。",
                    shown=shown,
                    era=era.name,
                    start=_format_gregorian(following.start),
                    following=following.name,
                    date=to_wareki(d),
                ),
            )
        _check_weekday(d, m, field)
        return d

    for pattern in (_GREGORIAN_SEP, _GREGORIAN_KANJI, _GREGORIAN_COMPACT):
        m = pattern.fullmatch(text)
        if m is None:
            continue
        year, month, day = int(m.group("year")), int(m.group("month")), int(m.group("day"))
        d = _make_date(year, month, day, field, f"{year}年{month}月{day}日")
        era_for(d, field=field)
        if "wd" in m.groupdict():
            _check_weekday(d, m, field)
        return d

    raise _date_error(field, msg("「{text}」は日付として読み取れません。", text=text))


# --- 年度 ---------------------------------------------------------------------------------------


def fiscal_year(d: date) -> int:
    """Return the fiscal year containing ``d`` (FY2026 = 2026-04-01 .. 2027-03-31)."""
    return d.year if d.month >= 4 else d.year - 1


def _check_fiscal_year(fy: int, field: str = "fiscal_year") -> None:
    """Raise ValidationError unless ``fy`` is a fiscal year that can be named in 和暦."""
    if not _MIN_FISCAL_YEAR <= fy <= _MAX_FISCAL_YEAR:
        raise ValidationError(
            field,
            msg(
                "{fy}年度は扱える範囲（{min}年度〜{max}年度）の外です。{examples}のように入力してください。",
                fy=fy,
                min=_MIN_FISCAL_YEAR,
                max=_MAX_FISCAL_YEAR,
                examples=FISCAL_YEAR_EXAMPLES,
            ),
        )


def fiscal_year_range(fy: int) -> tuple[date, date]:
    """Return the first and last day of fiscal year ``fy``: (fy-04-01, (fy+1)-03-31)."""
    _check_fiscal_year(fy)
    return date(fy, 4, 1), date(fy + 1, 3, 31)


def _fiscal_era(fy: int) -> tuple[Era, int]:
    """Era and era year that name fiscal year ``fy`` (the era in force on 31 December of ``fy``)."""
    _check_fiscal_year(fy)
    era = era_for(date(fy, 12, 31), field="fiscal_year")
    return era, fy - era.start.year + 1


def _era_in_force_during(era: Era, fy: int) -> bool:
    """Whether ``era`` was in force on some day of fiscal year ``fy`` (so 平成31年度 = FY2019 is accepted)."""
    first, last = fiscal_year_range(fy)
    index = ERAS.index(era)
    following = ERAS[index + 1] if index + 1 < len(ERAS) else None
    return era.start <= last and (following is None or following.start > first)


def fiscal_year_label(fy: int, *, gannen: bool = True) -> str:
    """Name fiscal year ``fy`` in 和暦: 2026 → 令和8年度, 2019 → 令和元年度, 2018 → 平成30年度."""
    era, year = _fiscal_era(fy)
    return f"{era.name}{_year_text(year, gannen)}年度"


def fiscal_year_short(fy: int) -> str:
    """Short 和暦 name of fiscal year ``fy``: 2026 → R8年度, 2019 → R1年度."""
    era, year = _fiscal_era(fy)
    return f"{era.letter}{year}年度"


_FY_ERA = re.compile(rf"{_ERA_TOKEN}\s*{_YEAR_TOKEN}\s*(?:年\s*度?)?", re.IGNORECASE)
_FY_NUMBER = re.compile(r"(?:FY\s*)?(?P<year>\d{1,4})\s*(?:年\s*度?)?", re.IGNORECASE)


def parse_fiscal_year(s: str, *, field: str = "fiscal_year") -> int:
    """Parse a fiscal year: 令和8年度, R8, 2026, 平成21年度, or bare 21年度 (2–30 → 平成, else 令和)."""
    text = normalize_ascii(s)
    if not text:
        raise ValidationError(
            field,
            msg(
                "年度が入力されていません。{examples}のように入力してください。",
                examples=FISCAL_YEAR_EXAMPLES,
            ),
        )
    m = _FY_ERA.fullmatch(text)
    if m is not None:
        era = _lookup_era(m.group("era"))
        token = m.group("year")
        number = 1 if token == "元" else int(token)
        if number < 1:
            raise ValidationError(
                field,
                msg(
                    "「{text}」の年が正しくありません。{examples}のように入力してください。",
                    text=text,
                    examples=FISCAL_YEAR_EXAMPLES,
                ),
            )
        fy = era.start.year + number - 1
        _check_fiscal_year(fy, field)
        if not _era_in_force_during(era, fy):
            raise ValidationError(
                field,
                msg(
                    "「{text}」は{era}の期間に入っていません。この年度は「{fiscal_year}」です。{examples}のように入力してください。",
                    text=text,
                    era=era.name,
                    fiscal_year=fiscal_year_label(fy),
                    examples=FISCAL_YEAR_EXAMPLES,
                ),
            )
        return fy
    m = _FY_NUMBER.fullmatch(text)
    if m is not None:
        number = int(m.group("year"))
        if number >= 100:
            fy = number
        elif number == 0:
            fy = -1  # rejected below
        elif 2 <= number <= 30:
            fy = _ERA_BY_NAME["平成"].start.year + number - 1
        else:
            fy = _ERA_BY_NAME["令和"].start.year + number - 1
        if fy < 0:
            raise ValidationError(
                field,
                msg(
                    "「{text}」の年が正しくありません。{examples}のように入力してください。",
                    text=text,
                    examples=FISCAL_YEAR_EXAMPLES,
                ),
            )
        _check_fiscal_year(fy, field)
        return fy
    raise ValidationError(
        field,
        msg(
            "「{text}」は年度として読み取れません。{examples}のように入力してください。",
            text=text,
            examples=FISCAL_YEAR_EXAMPLES,
        ),
    )
