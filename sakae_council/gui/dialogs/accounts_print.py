"""会計の印刷: 収支予算書, 収支決算書, 出納帳, 監査報告書 or a grant's 収支精算書 of one council and 年度,
previewed, printed or saved as PDF in the one print window (``gui.widgets.print_window``).

The books are read on the GUI thread when the choice changes (a short query; an error goes to the error
line) and the PDF is drawn in the background.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import districts, grants

#: The papers in the order a treasurer meets them in a year.
PAPERS = ("budget", "cashbook", "settlement", "audit", "grant")


class AccountsPrintDialog(PrintWindow):
    """The account papers' print window; another paper, 学区, 年度 or grant draws the preview again."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int | None,
        year: int,
        parent: QWidget | None = None,
        *,
        document: str = "settlement",
        grant_id: int | None = None,
    ) -> None:
        super().__init__(self.tr("会計の帳票を印刷"), parent)
        self.ctx = ctx
        names = {
            "budget": self.tr("収支予算書"),
            "cashbook": self.tr("出納帳（現金・預金）"),
            "settlement": self.tr("収支決算書"),
            "audit": self.tr("監査報告書（監事の署名欄つき）"),
            "grant": self.tr("補助金の収支精算書"),
        }
        self.document = ChoiceCombo([(names[p], p) for p in PAPERS])
        self.document.setObjectName("documentChoice")
        self.document.set_value(document)
        self.district = ChoiceCombo(
            [(d.name, d.id) for d in districts.list_districts(ctx.db, include_inactive=False)]
        )
        self.district.set_value(district_id)
        self.year = FiscalYearChoice(ctx.today(), current=year)
        self.grant = ChoiceCombo()
        self.grant.setObjectName("grantChoice")
        self.grant.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.grant.setMinimumContentsLength(12)  # a long 事業 name must not widen the window
        self.form = Form()
        self.form.add_field("document", self.tr("印刷するもの"), self.document)
        self.form.add_field("district", self.tr("学区"), self.district)
        self.form.add_field("fiscal_year", self.tr("年度"), self.year)
        self.grant_row = self.form.add_field("grant", self.tr("補助金"), self.grant)
        self.content.addWidget(self.form)
        self._fill_grants(grant_id)
        self.district.currentIndexChanged.connect(lambda _i: self._fill_grants(None))
        self.year.currentIndexChanged.connect(lambda _i: self._fill_grants(None))
        self.watch(
            self.document.currentIndexChanged,
            self.district.currentIndexChanged,
            self.year.currentIndexChanged,
            self.grant.currentIndexChanged,
        )
        self.build()

    def _fill_grants(self, chosen: int | None) -> None:
        district_id = self.district.value()
        found = (
            grants.list_grants(self.ctx.db, fiscal_year=self.year.value(), district_id=district_id)
            if district_id
            else []
        )
        self.grant.blockSignals(True)
        self.grant.set_items([(f"{g.project_title}（{g.scheme or self.tr('補助金')}）", g.id) for g in found])
        if chosen is not None:
            self.grant.set_value(chosen)
        self.grant.blockSignals(False)

    def suggested_name(self) -> str:
        kind = self.document.value()
        stem = {
            "budget": "収支予算書",
            "cashbook": "出納帳",
            "settlement": "収支決算書",
            "audit": "監査報告書",
            "grant": "収支精算書",
        }[kind]
        return f"{stem}_{self.district.currentText()}_{fiscal_year_text(self.year.value())}.pdf"

    def paper(self) -> Paper:
        """The chosen paper as the books stand now; characters no font can print are named first."""
        from sakae_council.reports import accounts_collect

        kind = self.document.value()
        self.grant_row.setVisible(kind == "grant")
        district_id = self.district.value()
        if district_id is None:
            raise ValidationError(
                "district", self.tr("学区を選んでください。会計の帳票は協議会ごとに印刷します。")
            )
        grant_id = self.grant.value()
        if kind == "grant" and grant_id is None:
            raise ValidationError(
                "grant",
                self.tr(
                    "この学区・年度の補助金がありません。協働事業のページで補助金を登録してから印刷してください。"
                ),
            )
        db, year, today = self.ctx.db, self.year.value(), self.ctx.today()

        def warning(doc: Any) -> str:
            notes = [*accounts_collect.problems(doc), unprintable_warning(doc.unprintable())]
            return "\n".join(n for n in notes if n)

        # Read on the database worker, drawn on the papers lane (gui/ops.py): never on the GUI thread.
        return Paper(
            lambda: accounts_collect.collect(db, kind, district_id, year, today=today, grant_id=grant_id),
            lambda doc, path: accounts_collect.render(doc, path),
            warning,
        )
