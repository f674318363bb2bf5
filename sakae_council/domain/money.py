"""Money: amounts are whole yen (int) everywhere; this module writes and reads them as text."""

from __future__ import annotations

import re

from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.text import normalize_ascii

__all__ = ["MAX_YEN", "YEN_ERROR_MESSAGE", "check_amount", "format_yen", "parse_amount", "parse_yen"]

#: The largest amount a book holds: what an INTEGER column holds on PostgreSQL (約21億円).
MAX_YEN = 2**31 - 1

YEN_ERROR_MESSAGE = msg("金額は円単位の整数で「12000」や「12,000円」のように入力してください。")

_YEN_TEXT = re.compile(r"[¥\\]?\s*(?P<digits>\d{1,3}(?:,\d{3})+|\d+)\s*円?")


def format_yen(n: int) -> str:
    """Write an amount of yen with the sign and thousands separators: 12000 → ¥12,000, -500 → -¥500."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"format_yen expects an int number of yen, got {type(n).__name__}")
    sign = "-" if n < 0 else ""
    return f"{sign}¥{abs(n):,}"


def parse_yen(text: str | None, field: str = "amount") -> int | None:
    """Read what a user typed (１２，０００円, ¥12,000, 12000) as whole yen; empty input gives None."""
    value = normalize_ascii(text).replace("￥", "¥")
    if not value:
        return None
    m = _YEN_TEXT.fullmatch(value)
    if m is None:
        raise ValidationError(
            field, msg("「{value}」は金額として読み取れません。{how}", value=value, how=YEN_ERROR_MESSAGE)
        )
    return int(m.group("digits").replace(",", ""))


def check_amount(value: int, field: str = "amount", label: str = "金額") -> int:
    """``value`` if it is whole yen from 0 to MAX_YEN; otherwise a ValidationError that says what to type."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, msg("{label}は円単位の整数で入力してください。", label=label))
    if value < 0:
        raise ValidationError(
            field, msg("{label}に負の数は入力できません。0円以上を入力してください。", label=label)
        )
    if value > MAX_YEN:
        raise ValidationError(
            field,
            msg(
                "{label}が大きすぎます（{max}まで）。桁を確認してください。",
                label=label,
                max=format_yen(MAX_YEN),
            ),
        )
    return value


def parse_amount(value: int | str | None, field: str = "amount", label: str = "金額") -> int:
    """An amount typed (12000, １２，０００, 12,000円) or given as an int, checked to 0..MAX_YEN; empty is 0."""
    if isinstance(value, str) or value is None:
        parsed = parse_yen(value, field)
        value = 0 if parsed is None else parsed
    return check_amount(value, field, label)
