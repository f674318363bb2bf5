"""年度 choices: 令和8年度 ... as a ChoiceCombo of fiscal years (the year in which 1 April falls)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from sakae_council.domain.wareki import fiscal_year
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.widgets.choice import ChoiceCombo


def fiscal_year_items(
    today: date, *, back: int = 6, ahead: int = 1, extra: tuple[int, ...] = ()
) -> list[tuple[str, int]]:
    """From ``ahead`` years after this 年度 down to ``back`` years before it, plus any ``extra`` years."""
    this = fiscal_year(today)
    years = sorted(set(range(this - back, this + ahead + 1)) | set(extra), reverse=True)
    return [(fiscal_year_text(y), y) for y in years]


class FiscalYearChoice(ChoiceCombo):
    """Fiscal years, newest first; ``all_text`` adds a first (all_text, None) for filters."""

    def __init__(
        self,
        today: date,
        *,
        all_text: str | None = None,
        current: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        items: list[tuple[str, int | None]] = [(all_text, None)] if all_text is not None else []
        items += fiscal_year_items(today, extra=(current,) if current is not None else ())
        super().__init__(items, parent)
        self.set_value(
            current if current is not None else (None if all_text is not None else fiscal_year(today))
        )
