"""Contact details: telephone numbers, postal codes (郵便番号) and e-mail addresses.

Each ``normalize_*`` accepts 全角/半角 input, returns one canonical form, returns "" for empty input
and raises ValidationError (with a Japanese message that shows a valid example) for anything else.
Each is idempotent: normalising its own output gives the same string.
"""

from __future__ import annotations

import re

import phonenumbers

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.text import normalize_ascii

__all__ = ["normalize_email", "normalize_phone", "normalize_postal_code"]

# Dashes people type in numbers: hyphen-minus variants, dashes, minus, 長音符 (ー/ｰ), 全角ハイフン.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30fc\uff70\ufe63\u2043"
_DASH_TABLE = str.maketrans(dict.fromkeys(_DASHES, "-"))

PHONE_ERROR_MESSAGE = "電話番号の形式が正しくありません。市外局番から「0476-95-1111」や「090-1234-5678」のように入力してください。"
POSTAL_CODE_ERROR_MESSAGE = "郵便番号は7桁の数字で「270-1592」のように入力してください。"
EMAIL_ERROR_MESSAGE = "メールアドレスの形式が正しくありません。「taro@example.jp」のように入力してください。"

_PHONE_CHARS = re.compile(r"\+?[0-9()\-. ]+")
_POSTAL_CODE = re.compile(r"(\d{3})-?(\d{4})")
_EMAIL_FORBIDDEN = frozenset(' \t\r\n"(),:;<>[\\]')


def _prepare(s: str | None) -> str:
    """normalize_ascii plus every dash variant written as an ASCII hyphen."""
    return normalize_ascii(s).translate(_DASH_TABLE)


def normalize_phone(s: str | None, *, field: str = "phone") -> str:
    """Normalise a telephone number to the Japanese national format (0476-95-1111); "" stays ""."""
    text = _prepare(s)
    if not text:
        return ""
    if _PHONE_CHARS.fullmatch(text) is None:
        raise ValidationError(field, PHONE_ERROR_MESSAGE)
    try:
        number = phonenumbers.parse(text, "JP")
    except phonenumbers.NumberParseException:
        raise ValidationError(field, PHONE_ERROR_MESSAGE) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(field, PHONE_ERROR_MESSAGE)
    if phonenumbers.region_code_for_number(number) == "JP":
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def normalize_postal_code(s: str | None, *, field: str = "postal_code") -> str:
    """Normalise a 郵便番号 to 270-1592 (from 2701592, 〒２７０－１５９２ …); "" stays ""."""
    text = _prepare(s).replace("〒", "").replace(" ", "")
    if not text:
        return ""
    m = _POSTAL_CODE.fullmatch(text)
    if m is None:
        raise ValidationError(field, POSTAL_CODE_ERROR_MESSAGE)
    return f"{m.group(1)}-{m.group(2)}"


def normalize_email(s: str | None, *, field: str = "email") -> str:
    """Normalise an e-mail address (全角→半角, trimmed, domain lower-cased) and check its shape."""
    text = normalize_ascii(s)
    if not text:
        return ""
    if (
        text.count("@") != 1
        or not (text.isascii() and text.isprintable())
        or any(ch in _EMAIL_FORBIDDEN for ch in text)
    ):
        raise ValidationError(field, EMAIL_ERROR_MESSAGE)
    local, domain = text.split("@")
    labels = domain.split(".")
    if not local or len(labels) < 2 or any(not label for label in labels):
        raise ValidationError(field, EMAIL_ERROR_MESSAGE)
    return f"{local}@{domain.lower()}"
