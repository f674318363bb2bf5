"""連絡会まとめの印刷: a fiscal year or a period, previewed, printed or saved as PDF.

The figures are read and the PDF drawn off the GUI thread; characters no font can print are found while
drawing and named above the preview. The annex lists its share of the items the lists cut (all of them at
a town's size); 「付録にすべて載せる」 lists every one. The line under it says what the annex holds and how
many pages the full annex takes, and a full annex of more than ``ASK_PAGES`` pages is asked about first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QRadioButton, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.print_window import Paper, PrintWindow
from sakae_council.services.liaison import Period

#: A full annex longer than this is asked about before it is drawn (drawing takes about 0.1 s a page).
ASK_PAGES = 30


@dataclass(frozen=True)
class AnnexFacts:
    """What the last paper drawn says of its annex: items cut, left out, the share of each list, and the
    pages of the full annex."""

    cut: int = 0
    left_out: int = 0
    share: int | None = None
    full_pages: int = 0


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
        # 初日 and 最終日 side by side, as a period reads (and at 特大 the preview keeps room below them)
        period = QWidget()
        pair = QHBoxLayout(period)
        pair.setContentsMargins(0, 0, 0, 0)
        pair.addWidget(self.form.add_field("from", self.tr("期間の初日"), self.date_from))
        pair.addWidget(self.form.add_field("to", self.tr("期間の最終日"), self.date_to))
        self.form.add_widget(period)
        self.full_annex = QCheckBox(self.tr("付録にすべて載せる（項目が多いと数百ページになります）"))
        self.full_annex.setObjectName("fullAnnex")
        self.full_annex.setEnabled(False)  # until the first paper says how long the full annex is
        self.annex_note = QLabel("")
        self.annex_note.setObjectName("annexNote")
        self.annex_note.setWordWrap(True)
        self.form.add_widget(self.full_annex)
        self.form.add_widget(self.annex_note)
        self.facts = AnnexFacts()
        self._drawn_facts = AnnexFacts()
        self.by_year.toggled.connect(self._mode_changed)
        self.full_annex.toggled.connect(self._full_annex_toggled)
        self.built.connect(self._show_annex)
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

    def _full_annex_toggled(self, checked: bool) -> None:
        """Draw again; a long full annex is asked about first (the safe answer leaves the paper as it is)."""
        pages = self.facts.full_pages
        if not checked or pages <= ASK_PAGES:
            self.schedule_build()
            return
        question = self.tr(
            "付録にすべての項目（{items}件）を載せると、付録だけで約{pages}ページになり、作るのに時間がかかります。"
            "載せますか？"
        ).format(items=f"{self.facts.cut:,}", pages=f"{pages:,}")
        if confirm(self, self.tr("付録をすべて載せる"), question, self.tr("すべて載せる")):
            self.schedule_build()
            return
        with QSignalBlocker(self.full_annex):
            self.full_annex.setChecked(False)

    def _show_annex(self) -> None:
        """The line under 「付録にすべて載せる」: what the annex of the paper shown holds."""
        facts = self.facts = self._drawn_facts
        self.full_annex.setEnabled(True)
        pages = f"{facts.full_pages:,}"
        if self.full_annex.isChecked():
            text = self.tr("付録に{items}件をすべて載せています（付録だけで約{pages}ページ）。").format(
                items=f"{facts.cut:,}", pages=pages
            )
        elif facts.left_out and facts.share:
            text = self.tr(
                "付録は各一覧{share}件までで、{left}件は省いています（すべて載せると付録だけで約{pages}ページ）。"
            ).format(share=facts.share, left=f"{facts.left_out:,}", pages=pages)
        elif facts.left_out:
            text = self.tr(
                "学区が多いため付録は付けず、{left}件は省いています（すべて載せると付録だけで約{pages}ページ）。"
            ).format(left=f"{facts.left_out:,}", pages=pages)
        elif facts.cut:
            text = self.tr("付録には、一覧で「ほか○件」とした{items}件をすべて載せています。").format(
                items=f"{facts.cut:,}"
            )
        else:
            text = ""
        self.annex_note.setText(text)

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
            full_annex_pages,
            render_summary,
            summary_texts,
            unprintable_characters,
        )

        period = self.period()
        db, today, full = self.ctx.db, self.ctx.today(), self.full_annex.isChecked()

        def draw(summary: Any, path: Path) -> list[str]:
            render_summary(summary, path)
            # Read by _show_annex once this drawing is shown (``built``, on the GUI thread).
            self._drawn_facts = AnnexFacts(
                summary.cut_items, summary.left_out, summary.annex_share, full_annex_pages(summary)
            )
            return list(unprintable_characters(summary_texts(summary)))

        return Paper(lambda: collect_summary(db, period, today, full_annex=full), draw)
