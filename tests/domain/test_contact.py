"""Tests for sakae_council.domain.contact: telephone numbers, 郵便番号 and e-mail addresses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sakae_council.domain.contact import normalize_email, normalize_phone, normalize_postal_code
from sakae_council.domain.errors import ValidationError

# --- normalize_phone --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("090-1234-5678", "090-1234-5678"),
        ("09012345678", "090-1234-5678"),
        ("０９０－１２３４－５６７８", "090-1234-5678"),
        ("０９０ー１２３４ー５６７８", "090-1234-5678"),  # 長音符 typed instead of a hyphen
        ("090\u22121234\u22125678", "090-1234-5678"),  # minus sign
        ("090\u20101234\u20105678", "090-1234-5678"),  # Unicode hyphen
        ("0476-95-1111", "0476-95-1111"),
        ("0476(95)1111", "0476-95-1111"),
        ("(0476)95-1111", "0476-95-1111"),
        ("0476 95 1111", "0476-95-1111"),
        ("0476　95　1111", "0476-95-1111"),
        ("0476951111", "0476-95-1111"),
        ("+81 476-95-1111", "0476-95-1111"),
        ("+81-90-1234-5678", "090-1234-5678"),
        ("＋８１ ９０ １２３４ ５６７８", "090-1234-5678"),
        ("03-1234-5678", "03-1234-5678"),
        ("0120-123-456", "0120-123-456"),
        ("050-1234-5678", "050-1234-5678"),
        ("  090-1234-5678  ", "090-1234-5678"),
    ],
)
def test_normalize_phone_accepts(raw: str, expected: str) -> None:
    assert normalize_phone(raw) == expected


def test_normalize_phone_foreign_number_is_international() -> None:
    assert normalize_phone("+1 650 253 0000") == "+1 650-253-0000"


@pytest.mark.parametrize("empty", [None, "", "   ", "\u3000"])
def test_normalize_phone_empty(empty: str | None) -> None:
    assert normalize_phone(empty) == ""


@pytest.mark.parametrize(
    "raw",
    [
        "047695111",  # one digit short
        "04769511111",  # one digit too many
        "090-1234-567",
        "090-1234-56789",
        "0120-ABC-DEF",  # letters are not digits (vanity numbers are not accepted)
        "0476-95-111a",
        "でんわ",
        "110",
        "0",
        "+",
        "090-1234-5678 内線12",
        "<090-1234-5678>",
        "1" * 100_000,
    ],
)
def test_normalize_phone_rejects(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone(raw)
    assert info.value.field == "phone"
    assert "0476-95-1111" in info.value.message
    assert "入力してください" in info.value.message


def test_normalize_phone_custom_field() -> None:
    with pytest.raises(ValidationError) as info:
        normalize_phone("123", field="fax")
    assert info.value.field == "fax"


@given(st.sampled_from(["090", "080", "070"]), st.integers(1000, 9999), st.integers(0, 9999))
def test_normalize_phone_mobile_numbers(prefix: str, middle: int, last: int) -> None:
    expected = f"{prefix}-{middle}-{last:04d}"
    fullwidth = expected.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
    assert normalize_phone(expected.replace("-", "")) == expected
    assert normalize_phone(fullwidth) == expected
    assert normalize_phone(normalize_phone(fullwidth)) == expected


@given(st.text(alphabet="0123456789-() +", max_size=20))
def test_normalize_phone_is_idempotent_or_rejects(raw: str) -> None:
    try:
        once = normalize_phone(raw)
    except ValidationError:
        return
    assert normalize_phone(once) == once


# --- normalize_postal_code --------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "270-1592",
        "2701592",
        "〒270-1592",
        "〒２７０－１５９２",
        "２７０１５９２",
        "270 1592",
        " 〒 270-1592 ",
        "270ー1592",
    ],
)
def test_normalize_postal_code_accepts(raw: str) -> None:
    assert normalize_postal_code(raw) == "270-1592"


@pytest.mark.parametrize("empty", [None, "", "  ", "〒"])
def test_normalize_postal_code_empty(empty: str | None) -> None:
    assert normalize_postal_code(empty) == ""


@pytest.mark.parametrize(
    "raw",
    [
        "270-159",
        "27015920",
        "2701-592",
        "270-15a2",
        "abc-defg",
        "270--1592",
        "〒270-1592 栄町",
        "9" * 100_000,
    ],
)
def test_normalize_postal_code_rejects(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_postal_code(raw)
    assert info.value.field == "postal_code"
    assert "270-1592" in info.value.message


@given(st.integers(0, 9_999_999))
def test_normalize_postal_code_property(number: int) -> None:
    digits = f"{number:07d}"
    expected = f"{digits[:3]}-{digits[3:]}"
    assert normalize_postal_code(digits) == expected
    assert normalize_postal_code(expected) == expected
    assert (
        normalize_postal_code(
            "〒" + expected.translate(str.maketrans("0123456789-", "０１２３４５６７８９－"))
        )
        == expected
    )


# --- normalize_email --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("taro@example.jp", "taro@example.jp"),
        ("  taro@example.jp  ", "taro@example.jp"),
        ("Taro.Yamada@Example.JP", "Taro.Yamada@example.jp"),  # only the domain is case-insensitive
        ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "taro@example.jp"),
        ("taro+council@mail.town.sakae.chiba.jp", "taro+council@mail.town.sakae.chiba.jp"),
        ("taro..@docomo.ne.jp", "taro..@docomo.ne.jp"),  # old mobile addresses exist like this
    ],
)
def test_normalize_email_accepts(raw: str, expected: str) -> None:
    assert normalize_email(raw) == expected


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_normalize_email_empty(empty: str | None) -> None:
    assert normalize_email(empty) == ""


@pytest.mark.parametrize(
    "raw",
    [
        "taro",
        "taro@",
        "@example.jp",
        "taro@example",
        "taro@@example.jp",
        "taro@ex@ample.jp",
        "taro yamada@example.jp",
        "taro@example .jp",
        "taro@.example.jp",
        "taro@example.jp.",
        "taro@example..jp",
        "やまだ@example.jp",
        "taro@example。jp",
        "<taro@example.jp>",
        "taro@example.jp,hanako@example.jp",
        "a" * 100_000,
    ],
)
def test_normalize_email_rejects(raw: str) -> None:
    with pytest.raises(ValidationError) as info:
        normalize_email(raw)
    assert info.value.field == "email"
    assert "taro@example.jp" in info.value.message


@given(
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789._+-", min_size=1, max_size=20),
    st.lists(
        st.text(alphabet="abcdefghijklmnopqrstuvwxyzABC0123456789-", min_size=1, max_size=10),
        min_size=2,
        max_size=4,
    ),
)
def test_normalize_email_property(local: str, labels: list[str]) -> None:
    address = f"{local}@{'.'.join(labels)}"
    once = normalize_email(address)
    assert once == f"{local}@{'.'.join(labels).lower()}"
    assert normalize_email(once) == once
    fullwidth = address.translate({c: c + 0xFEE0 for c in range(0x21, 0x7F)})
    assert normalize_email(fullwidth) == once
