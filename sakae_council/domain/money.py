"""Money: amounts are whole yen (int) everywhere; this module writes and reads them as text."""

from __future__ import annotations

import re

from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.text import normalize_ascii

__all__ = ["YEN_ERROR_MESSAGE", "format_yen", "parse_yen"]

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
