"""任期 (term of office) status of a membership."""

from __future__ import annotations

from datetime import date, timedelta

from sakae_council.domain.enums import LabeledEnum

#: "3か月以内に任期満了" — about 3 months.
EXPIRING_WINDOW = timedelta(days=92)


class TermStatus(LabeledEnum):
    """現任 / 3か月以内に任期満了 / 退任 / 就任前."""

    CURRENT = "current", "現任"
    EXPIRING = "expiring", "3か月以内に任期満了"
    ENDED = "ended", "退任"
    UPCOMING = "upcoming", "就任前"


def term_status(
    term_start: date | None, term_end: date | None, ended_on: date | None, today: date
) -> TermStatus:
    """Where a term stands on ``today``."""
    if ended_on is not None and ended_on <= today:
        return TermStatus.ENDED
    if term_end is not None and term_end < today:
        return TermStatus.ENDED
    if term_start is not None and term_start > today:
        return TermStatus.UPCOMING
    if term_end is not None and term_end - today <= EXPIRING_WINDOW:
        return TermStatus.EXPIRING
    return TermStatus.CURRENT
