"""Tests for sakae_council.domain.wareki: 和暦 dates and 年度."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import (
    ERAS,
    era_for,
    era_year,
    fiscal_year,
    fiscal_year_label,
    fiscal_year_range,
    fiscal_year_short,
    format_date_iso,
    parse_fiscal_year,
    parse_wareki,
    to_wareki,
)

ERA_STARTS = [
    ("明治", date(1868, 10, 23)),
    ("大正", date(1912, 7, 30)),
    ("昭和", date(1926, 12, 25)),
    ("平成", date(1989, 1, 8)),
    ("令和", date(2019, 5, 1)),
]
LAST_DAYS = [
    (date(1912, 7, 29), "明治45年7月29日"),
    (date(1926, 12, 24), "大正15年12月24日"),
    (date(1989, 1, 7), "昭和64年1月7日"),
    (date(2019, 4, 30), "平成31年4月30日"),
]
all_dates = st.dates(min_value=date(1868, 10, 23), max_value=date(2100, 12, 31))


# --- to_wareki / era_year ---------------------------------------------------------------------


def test_eras_table() -> None:
    assert [(era.name, era.start) for era in ERAS] == ERA_STARTS
    assert [era.letter for era in ERAS] == ["M", "T", "S", "H", "R"]


@pytest.mark.parametrize(("name", "start"), ERA_STARTS)
def test_first_day_of_each_era_is_gannen(name: str, start: date) -> None:
    assert era_year(start) == (name, 1)
    assert to_wareki(start) == f"{name}元年{start.month}月{start.day}日"
    assert to_wareki(start, gannen=False) == f"{name}1年{start.month}月{start.day}日"
    assert era_for(start).name == name


@pytest.mark.parametrize(("day", "expected"), LAST_DAYS)
def test_day_before_each_era_belongs_to_the_previous_one(day: date, expected: str) -> None:
    assert to_wareki(day) == expected
    following = day + timedelta(days=1)
    assert era_year(following)[1] == 1
    assert era_year(day)[0] != era_year(following)[0]
    assert to_wareki(following) == f"{era_year(following)[0]}元年{following.month}月{following.day}日"


@pytest.mark.parametrize(
    ("d", "expected"),
    [
        (date(2026, 11, 28), "令和8年11月28日"),
        (date(2019, 4, 30), "平成31年4月30日"),
        (date(2019, 5, 1), "令和元年5月1日"),
        (date(2020, 1, 1), "令和2年1月1日"),
        (date(2009, 4, 1), "平成21年4月1日"),
        (date(1989, 1, 1), "昭和64年1月1日"),
        (date(1926, 12, 25), "昭和元年12月25日"),
        (date(1927, 1, 1), "昭和2年1月1日"),
        (date(1868, 12, 31), "明治元年12月31日"),
        (date(1869, 1, 1), "明治2年1月1日"),
    ],
)
def test_to_wareki_examples(d: date, expected: str) -> None:
    assert to_wareki(d) == expected


def test_to_wareki_weekday() -> None:
    assert to_wareki(date(2026, 11, 28), weekday=True) == "令和8年11月28日（土）"
    assert to_wareki(date(2019, 5, 1), weekday=True) == "令和元年5月1日（水）"
    assert to_wareki(date(2026, 11, 30), weekday=True) == "令和8年11月30日（月）"
    assert to_wareki(date(2026, 11, 29), weekday=True, gannen=False) == "令和8年11月29日（日）"


def test_to_wareki_accepts_datetime() -> None:
    assert to_wareki(datetime(2026, 11, 28, 23, 59)) == "令和8年11月28日"


def test_era_year_examples() -> None:
    assert era_year(date(2026, 11, 28)) == ("令和", 8)
    assert era_year(date(2019, 4, 30)) == ("平成", 31)
    assert era_year(date(1988, 12, 31)) == ("昭和", 63)


@pytest.mark.parametrize("d", [date(1868, 10, 22), date(1868, 1, 1), date(1800, 5, 5), date(1, 1, 1)])
def test_dates_before_meiji_are_rejected(d: date) -> None:
    with pytest.raises(ValidationError) as info:
        to_wareki(d)
    assert info.value.field == "date"
    assert "明治" in info.value.message
    with pytest.raises(ValidationError):
        era_year(d)


@given(all_dates)
def test_to_wareki_shape(d: date) -> None:
    name, year = era_year(d)
    text = to_wareki(d)
    assert text.startswith(name)
    assert text.endswith(f"{d.month}月{d.day}日")
    assert ("元年" in text) == (year == 1)
    assert year >= 1


# --- parse_wareki ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("令和8年11月28日", date(2026, 11, 28)),
        ("令和元年5月1日", date(2019, 5, 1)),
        ("令和1年5月1日", date(2019, 5, 1)),
        ("令和８年１１月２８日", date(2026, 11, 28)),
        ("令和　８年　１１月　２８日", date(2026, 11, 28)),
        ("  令和8年11月28日  ", date(2026, 11, 28)),
        ("令和8年11月28日（土）", date(2026, 11, 28)),
        ("令和8年11月28日(土曜日)", date(2026, 11, 28)),
        ("R8.11.28", date(2026, 11, 28)),
        ("Ｒ８．１１．２８", date(2026, 11, 28)),
        ("r8-11-28", date(2026, 11, 28)),
        ("R08/11/28", date(2026, 11, 28)),
        ("R元.5.1", date(2019, 5, 1)),
        ("H31/4/30", date(2019, 4, 30)),
        ("h21.4.1", date(2009, 4, 1)),
        ("S64.1.7", date(1989, 1, 7)),
        ("T1.7.30", date(1912, 7, 30)),
        ("M45.7.29", date(1912, 7, 29)),
        ("平成21年4月1日", date(2009, 4, 1)),
        ("明治元年10月23日", date(1868, 10, 23)),
        ("2026-11-28", date(2026, 11, 28)),
        ("2026/11/28", date(2026, 11, 28)),
        ("2026.1.5", date(2026, 1, 5)),
        ("２０２６－１１－２８", date(2026, 11, 28)),
        ("2026年11月28日", date(2026, 11, 28)),
        ("20261128", date(2026, 11, 28)),
    ],
)
def test_parse_wareki_accepts(text: str, expected: date) -> None:
    assert parse_wareki(text) == expected


@pytest.mark.parametrize(("name", "start"), ERA_STARTS)
def test_parse_wareki_era_boundaries(name: str, start: date) -> None:
    assert parse_wareki(f"{name}元年{start.month}月{start.day}日") == start
    day_before = start - timedelta(days=1)
    with pytest.raises(ValidationError):
        parse_wareki(f"{name}元年{day_before.month}月{day_before.day}日")


@pytest.mark.parametrize(("day", "text"), LAST_DAYS)
def test_parse_wareki_last_day_of_era_and_the_day_after(day: date, text: str) -> None:
    assert parse_wareki(text) == day
    name = text[:2]
    following = day + timedelta(days=1)
    year = int(text[2 : text.index("年")])
    with pytest.raises(ValidationError) as info:
        parse_wareki(f"{name}{year}年{following.month}月{following.day}日")
    assert to_wareki(following) in info.value.message  # tells the user the right 和暦


def test_parse_wareki_outside_era_messages() -> None:
    with pytest.raises(ValidationError) as info:
        parse_wareki("平成31年5月1日")
    assert info.value.field == "date"
    assert "令和元年5月1日" in info.value.message
    assert "令和8年11月28日" in info.value.message  # an example of valid input

    with pytest.raises(ValidationError) as info:
        parse_wareki("令和1年4月30日")
    assert "平成31年4月30日" in info.value.message
    assert "2026-11-28" in info.value.message


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "abc",
        "令和",
        "令和8年",
        "令和8年11月",
        "令和8年13月1日",
        "令和8年2月29日",
        "令和7年2月29日",
        "令和0年5月1日",
        "平成32年1月1日",
        "昭和64年1月8日",
        "X8.11.28",
        "R8.11-28",
        "2026-02-30",
        "2026-13-01",
        "1868-10-22",
        "1700/1/1",
        "26-11-28",
        "令和8年11月28日（金）",
        "2026-11-28(金)",
        "令和8年11月28日 10:00",
        "令和九年一月一日",
        "令和99999年1月1日",
        "<script>",
        "１" * 100_000,
    ],
)
def test_parse_wareki_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_wareki(text)
    assert info.value.field == "date"
    assert "のように入力してください" in info.value.message or "明治元年" in info.value.message


def test_parse_wareki_leap_day() -> None:
    assert parse_wareki("令和8年2月28日") == date(2026, 2, 28)
    assert parse_wareki("令和6年2月29日") == date(2024, 2, 29)


def test_parse_wareki_custom_field() -> None:
    with pytest.raises(ValidationError) as info:
        parse_wareki("だめ", field="held_on")
    assert info.value.field == "held_on"


@given(all_dates, st.booleans(), st.booleans())
def test_parse_wareki_round_trip(d: date, weekday: bool, gannen: bool) -> None:
    assert parse_wareki(to_wareki(d, weekday=weekday, gannen=gannen)) == d


@given(all_dates)
def test_parse_iso_round_trip(d: date) -> None:
    assert parse_wareki(format_date_iso(d)) == d
    assert parse_wareki(d.isoformat()) == d


@given(all_dates)
def test_parse_short_form_round_trip(d: date) -> None:
    era = era_for(d)
    _, year = era_year(d)
    assert parse_wareki(f"{era.letter}{year}.{d.month}.{d.day}") == d
    assert parse_wareki(f"{era.letter.lower()}{year}/{d.month:02d}/{d.day:02d}") == d


# --- format_date_iso --------------------------------------------------------------------------


def test_format_date_iso() -> None:
    assert format_date_iso(date(2026, 11, 28)) == "2026-11-28"
    assert format_date_iso(date(2026, 1, 5)) == "2026-01-05"
    assert format_date_iso(datetime(2026, 1, 5, 12, 30)) == "2026-01-05"
    assert format_date_iso(None) == ""


# --- 年度 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "fy"),
    [
        (date(2026, 3, 31), 2025),
        (date(2026, 4, 1), 2026),
        (date(2027, 3, 31), 2026),
        (date(2027, 4, 1), 2027),
        (date(2026, 1, 1), 2025),
        (date(2026, 12, 31), 2026),
        (date(2019, 4, 30), 2019),
        (date(2019, 5, 1), 2019),
    ],
)
def test_fiscal_year_boundaries(d: date, fy: int) -> None:
    assert fiscal_year(d) == fy


def test_fiscal_year_range() -> None:
    assert fiscal_year_range(2026) == (date(2026, 4, 1), date(2027, 3, 31))
    assert fiscal_year_range(2023) == (date(2023, 4, 1), date(2024, 3, 31))  # 2024 is a leap year


@given(all_dates)
def test_fiscal_year_range_contains_date(d: date) -> None:
    fy = fiscal_year(d)
    first, last = fiscal_year_range(fy)
    assert first <= d <= last
    assert fiscal_year(first) == fiscal_year(last) == fy
    assert fiscal_year(first - timedelta(days=1)) == fy - 1
    assert fiscal_year(last + timedelta(days=1)) == fy + 1


@pytest.mark.parametrize(
    ("fy", "label", "short"),
    [
        (2026, "令和8年度", "R8年度"),
        (2020, "令和2年度", "R2年度"),
        (2019, "令和元年度", "R1年度"),
        (2018, "平成30年度", "H30年度"),
        (2009, "平成21年度", "H21年度"),
        (2015, "平成27年度", "H27年度"),
        (1989, "平成元年度", "H1年度"),
        (1988, "昭和63年度", "S63年度"),
        (1926, "昭和元年度", "S1年度"),
        (1925, "大正14年度", "T14年度"),
        (1868, "明治元年度", "M1年度"),
    ],
)
def test_fiscal_year_label_and_short(fy: int, label: str, short: str) -> None:
    assert fiscal_year_label(fy) == label
    assert fiscal_year_short(fy) == short
    assert parse_fiscal_year(label) == fy
    assert parse_fiscal_year(short) == fy


def test_fiscal_year_label_without_gannen() -> None:
    assert fiscal_year_label(2019, gannen=False) == "令和1年度"


@pytest.mark.parametrize("fy", [1867, 0, -1, 10_000])
def test_fiscal_year_out_of_range(fy: int) -> None:
    with pytest.raises(ValidationError) as info:
        fiscal_year_label(fy)
    assert info.value.field == "fiscal_year"


@pytest.mark.parametrize(
    ("text", "fy"),
    [
        ("令和8年度", 2026),
        ("令和８年度", 2026),
        ("令和 8 年度", 2026),
        ("令和元年度", 2019),
        ("令和8年", 2026),
        ("令和8", 2026),
        ("R8", 2026),
        ("r8", 2026),
        ("Ｒ８年度", 2026),
        ("R元年度", 2019),
        ("H30", 2018),
        ("2026", 2026),
        ("２０２６", 2026),
        ("2026年度", 2026),
        ("FY2026", 2026),
        ("平成21年度", 2009),
        ("平成31年度", 2019),  # written before 令和 was announced; the same year as 令和元年度
        ("大正15年度", 1926),
        # Bare numbers: the plan's shorthand.  2..30 are 平成, 1 and 31.. are 令和.
        ("21年度", 2009),
        ("22年度", 2010),
        ("27年度", 2015),
        ("２１年度", 2009),
        ("21", 2009),
        ("2年度", 1990),
        ("30年度", 2018),
        ("1年度", 2019),
        ("31年度", 2049),
        ("8年度", 1996),
    ],
)
def test_parse_fiscal_year_accepts(text: str, fy: int) -> None:
    assert parse_fiscal_year(text) == fy


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "令和",
        "令和0年度",
        "平成32年度",
        "昭和64年度",
        "0",
        "0年度",
        "1500",
        "123",
        "X8",
        "令和8年度度",
        "12345",
    ],
)
def test_parse_fiscal_year_rejects(text: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_fiscal_year(text)
    assert info.value.field == "fiscal_year"
    assert "令和8年度" in info.value.message  # shows an example of valid input


def test_parse_fiscal_year_wrong_era_suggests_right_label() -> None:
    with pytest.raises(ValidationError) as info:
        parse_fiscal_year("平成32年度")
    assert "令和2年度" in info.value.message


@given(st.integers(min_value=1868, max_value=2200))
def test_fiscal_year_label_round_trip(fy: int) -> None:
    assert parse_fiscal_year(fiscal_year_label(fy)) == fy
    assert parse_fiscal_year(fiscal_year_short(fy)) == fy
    assert parse_fiscal_year(str(fy)) == fy


@given(st.integers(min_value=1869, max_value=2200))
def test_fiscal_year_label_era_is_the_era_at_the_end_of_its_calendar_year(fy: int) -> None:
    label = fiscal_year_label(fy)
    name, year = era_year(date(fy, 12, 31))
    assert label == f"{name}{'元' if year == 1 else year}年度"
