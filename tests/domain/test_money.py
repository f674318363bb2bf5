"""Money: yen formatting and reading what users type."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.money import MAX_YEN, format_yen, parse_amount, parse_yen


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "¥0"),
        (999, "¥999"),
        (1000, "¥1,000"),
        (12000, "¥12,000"),
        (1234567, "¥1,234,567"),
        (-500, "-¥500"),
    ],
)
def test_format_yen(n, text):
    assert format_yen(n) == text


@pytest.mark.parametrize("bad", [12.0, True, "12000", None])
def test_format_yen_refuses_non_integers(bad):
    with pytest.raises(TypeError):
        format_yen(bad)


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("12000", 12000),
        ("12,000", 12000),
        ("１２，０００円", 12000),
        ("¥12,000", 12000),
        ("￥１２０００", 12000),
        (" 500 円 ", 500),
        ("0", 0),
    ],
)
def test_parse_yen(text, n):
    assert parse_yen(text) == n


@pytest.mark.parametrize("text", ["", "   ", None])
def test_parse_yen_empty_is_none(text):
    assert parse_yen(text) is None


@pytest.mark.parametrize("text", ["-500", "12.5", "1,2000", "一万円", "12000ドル", "<b>100</b>"])
def test_parse_yen_rejects(text):
    with pytest.raises(ValidationError) as err:
        parse_yen(text, field="amount_spent")
    assert err.value.field == "amount_spent"


@given(st.integers(min_value=0, max_value=10**12))
def test_parse_reads_what_format_writes(n):
    assert parse_yen(format_yen(n)) == n


@pytest.mark.parametrize("typed", ["12000", "１２，０００", "12,000円", "¥12,000", 12000])
def test_parse_amount_reads_every_way_of_typing_12000(typed) -> None:
    assert parse_amount(typed) == 12000


def test_parse_amount_bounds_and_empty() -> None:
    assert parse_amount("") == 0 and parse_amount(None) == 0
    assert parse_amount("2,147,483,647") == MAX_YEN == 2_147_483_647
    for bad, words in (
        (2_147_483_648, "大きすぎます"),
        ("2147483648", "大きすぎます"),
        (-1, "負の数"),
        ("−5", "読み取れません"),
    ):
        with pytest.raises(ValidationError, match=words) as err:
            parse_amount(bad, "expense", "支出")
        assert err.value.field == "expense"
    with pytest.raises(ValidationError, match="整数"):
        parse_amount(True)  # type: ignore[arg-type]
