"""連絡会まとめの印刷: a fiscal year or a period, previewed, printed or saved as PDF.

The figures are read and the PDF drawn off the GUI thread; characters no font can print are found while
drawing and named above the preview.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow
from sakae_council.services.liaison import Period


class PrintSummaryDialog(PrintWindow):
    """The 連絡会まとめ print window; a new year or period draws it again."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("連絡会まとめを印刷"), parent)
        self.ctx = ctx
        today = ctx.today()
        self.by_year = QRadioButton(self.tr("年度でまとめる"))
        self.by_period = QRadioButton(self.tr("期間を指定する"))
        self.by_year.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_year)
        group.addButton(self.by_period)
        self.year = FiscalYearChoice(today)
        self.date_from = WarekiDateEdit("from")
        self.date_to = WarekiDateEdit("to")
        first, last = fiscal_year_range(fiscal_year(today))
        self.date_from.set_value(first)
        self.date_to.set_value(min(last, today))

        self.form = Form()
        self.form.add_widget(self.by_year)
        self.form.add_field("fiscal_year", self.tr("年度"), self.year)
        self.form.add_widget(self.by_period)
        self.form.add_field("from", self.tr("期間の初日"), self.date_from)
        self.form.add_field("to", self.tr("期間の最終日"), self.date_to)
        self.by_year.toggled.connect(self._mode_changed)
        self._mode_changed()
        self.content.addWidget(self.form)
        # Dates are drawn again when typing is finished (Enter or leaving the field), not per keystroke.
        self.watch(
            self.by_year.toggled,
            self.year.currentIndexChanged,
            self.date_from.editingFinished,
            self.date_to.editingFinished,
        )
        self.build()

    def _mode_changed(self) -> None:
        yearly = self.by_year.isChecked()
        self.year.setEnabled(yearly)
        self.date_from.setEnabled(not yearly)
        self.date_to.setEnabled(not yearly)

    def period(self) -> Period:
        """The fiscal year or period chosen (ValidationError names the field in error)."""
        if self.by_year.isChecked():
            return Period.for_fiscal_year(self.year.value())
        return Period.between(self.date_from.value(), self.date_to.value())

    def suggested_name(self) -> str:
        try:
            label = self.period().label
        except ValidationError:
            label = ""
        return f"連絡会まとめ_{label}.pdf" if label else "連絡会まとめ.pdf"

    def paper(self) -> Paper:
        """Read the figures and draw them, both in the background (the period's error goes under its field)."""
        from sakae_council.reports.liaison_summary import (
            collect_summary,
            render_summary,
            summary_texts,
            unprintable_characters,
        )

        period = self.period()
        db, today = self.ctx.db, self.ctx.today()

        def draw(summary: Any, path: Path) -> list[str]:
            render_summary(summary, path)
            return list(unprintable_characters(summary_texts(summary)))

        return Paper(lambda: collect_summary(db, period, today), draw)
