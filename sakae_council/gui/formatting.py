"""How DTO values are written on screen: dates (和暦, or Gregorian in English), terms of office, contact details."""

from __future__ import annotations

from datetime import date, datetime
from typing import Protocol

from PySide6.QtCore import QCoreApplication

from sakae_council.domain.terms import TermStatus
from sakae_council.gui.i18n import format_date, format_fiscal_year


def tr(text: str) -> str:
    return QCoreApplication.translate("Formatting", text)


def wareki(d: date | None, *, weekday: bool = False) -> str:
    """令和8年11月28日 (Nov 28, 2026 when the interface is in English), or "" for no date.

    ``weekday`` adds the day: 令和8年11月28日（土） / Sat, Nov 28, 2026.
    """
    return format_date(d, weekday=weekday) if d is not None else ""


def fiscal_year_text(fy: int | None) -> str:
    """令和8年度 (FY2026 in English), or "" for none."""
    return format_fiscal_year(fy) if fy is not None else ""


def date_time_text(at: datetime, *, weekday: bool = False, seconds: bool = False) -> str:
    """令和8年11月28日 14:05 (Nov 28, 2026 14:05 in English): when something was saved or backed up."""
    clock = f"{at:%H:%M:%S}" if seconds else f"{at:%H:%M}"
    return f"{wareki(at.date(), weekday=weekday)} {clock}"


def meeting_number_text(number: int) -> str:
    """第3回 (No. 3 in English)."""
    return tr("第{n}回").format(n=number)


def meeting_label(fiscal_year: int, number: int) -> str:
    """令和8年度 第3回 (FY2026 No. 3): which meeting of its body's year."""
    return f"{fiscal_year_text(fiscal_year)} {meeting_number_text(number)}"


class _MeetingLike(Protocol):
    @property
    def fiscal_year(self) -> int: ...
    @property
    def number(self) -> int: ...
    @property
    def body_name(self) -> str: ...


def meeting_title(m: _MeetingLike) -> str:
    """令和8年度 第3回 安食小学校区まちづくり協議会 — the screen's name of a meeting (the DTOs' ``title`` is 和暦 always)."""
    return f"{meeting_label(m.fiscal_year, m.number)} {m.body_name}"


def term_text(start: date | None, end: date | None) -> str:
    """任期 as 令和7年4月1日〜令和9年3月31日 (either end may be open)."""
    if start is None and end is None:
        return ""
    return f"{wareki(start)}〜{wareki(end)}"


TERM_STATUS_STYLE = {
    TermStatus.EXPIRING: "expiring",
    TermStatus.ENDED: "ended",
    TermStatus.UPCOMING: "upcoming",
}


def term_status_label(status: TermStatus) -> str:
    return QCoreApplication.translate("TermStatus", status.label)


def broken_only_after(text: str, separator: str = "・") -> str:
    """A line of parts (「令和8年11月28日（土）現在・6学区」) that wraps only after a ``separator``: each part is
    kept together by word joiners (U+2060), so a narrow label never reads 「…（土）現」「在・6学区」.
    A text without the separator (English) is left as it is: it wraps at its spaces."""
    parts = text.split(separator)
    if len(parts) == 1:
        return text
    return separator.join("\u2060".join(part).replace(" ", "\u00a0") for part in parts)
