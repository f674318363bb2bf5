"""連絡会まとめの印刷: choose a fiscal year or a period, then save (and open) the summary PDF.

The figures are read and the PDF drawn off the GUI thread; in between, characters no font can print are
reported and the user decides whether to go on.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QButtonGroup, QRadioButton, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.pdf_save import PdfSaveDialog
from sakae_council.services.liaison import LiaisonSummaryDTO, Period


class PrintSummaryDialog(PdfSaveDialog):
    """Saves the 連絡会まとめ PDF in the background; ``finished_pdf(path)`` when written."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("連絡会まとめを印刷"), parent, width_chars=28)
        self.ctx = ctx
        self._path = ""
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

    def ready_to_save(self) -> bool:
        """The period must be readable before a file is chosen (its error goes under its field)."""
        self.form.clear_errors()
        self.error.clear()
        try:
            self.period()
        except ValidationError as exc:
            if not self.form.show_error(exc.field, exc.message):
                self.error.show_message(exc.message)
            return False
        return True

    def save_to(self, path: str) -> None:
        """Read the figures in the background, then draw the PDF to ``path``."""
        from sakae_council.reports.liaison_summary import collect_summary

        if not self.ready_to_save():
            return
        period = self.period()
        self._path = path
        db, today = self.ctx.db, self.ctx.today()
        self.run(lambda: collect_summary(db, period, today), self.tr("集計しています…"), self._collected)

    def _collected(self, summary: Any) -> None:
        from sakae_council.reports.liaison_summary import (
            render_summary,
            summary_texts,
            unprintable_characters,
        )

        assert isinstance(summary, LiaisonSummaryDTO)
        if not self.confirm_unprintable(unprintable_characters(summary_texts(summary))):
            self.idle()
            self.status.clear()
            return
        path = self._path
        self.run(lambda: str(render_summary(summary, path)), self.tr("PDFを作っています…"))
