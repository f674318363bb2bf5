"""How DTO values are written on screen: dates (和暦, or Gregorian in English), terms of office, contact details."""

from __future__ import annotations

from datetime import date

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
