"""会計の印刷: 収支予算書, 収支決算書, 出納帳, 監査報告書 or a grant's 収支精算書 of one council and 年度,
previewed, printed or saved as PDF in the one print window (``gui.widgets.print_window``).

Nothing is read on the GUI thread: :func:`open_accounts_print` reads the councils and the year's grants on
the database worker before the window opens, another 学区 or 年度 reads its grants there, and the paper's
figures are collected there too (``Paper(collect, draw, warning)``); the PDF is drawn on the papers lane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import fiscal_year_text
from sakae_council.gui.ops import Generation, QueryOp
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import districts, grants
from sakae_council.services.districts import DistrictDTO
from sakae_council.services.grants import GrantDTO

#: The papers in the order a treasurer meets them in a year.
PAPERS = ("budget", "cashbook", "settlement", "audit", "grant")


def _grants(db: Database, district_id: int | None, year: int) -> list[GrantDTO]:
    return grants.list_grants(db, fiscal_year=year, district_id=district_id) if district_id else []


def open_accounts_print(
    ctx: AppContext,
    district_id: int | None,
    year: int,
    parent: QWidget,
    show: Callable[[AccountsPrintDialog], object],
    *,
    document: str = "settlement",
    grant_id: int | None = None,
) -> None:
    """Read the councils and the year's grants on the database worker, then build the print window and
    ``show`` it (it draws its first paper as it opens)."""
    db = ctx.db

    def load() -> tuple[list[DistrictDTO], list[GrantDTO]]:
        return districts.list_districts(db, include_inactive=False), _grants(db, district_id, year)

    QueryOp(load, parent=parent).success(
        lambda answer: show(
            AccountsPrintDialog(
                ctx,
                district_id,
                year,
                parent,
                document=document,
                grant_id=grant_id,
                councils=answer[0],
                year_grants=answer[1],
            )
        )
    ).run()


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
        councils: list[DistrictDTO] | None = None,
        year_grants: list[GrantDTO] | None = None,
    ) -> None:
        super().__init__(self.tr("会計の帳票を印刷"), parent)
        self.ctx = ctx
        self._grant_loads = Generation()
        if councils is None:  # built directly (not through open_accounts_print): read here
            councils = districts.list_districts(ctx.db, include_inactive=False)
            year_grants = _grants(ctx.db, district_id, year)
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
        self.district = ChoiceCombo([(d.name, d.id) for d in councils])
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
        self._show_grants(year_grants or [], grant_id)
        self.district.currentIndexChanged.connect(lambda _i: self._load_grants())
        self.year.currentIndexChanged.connect(lambda _i: self._load_grants())
        self.watch(
            self.document.currentIndexChanged,
            self.district.currentIndexChanged,
            self.year.currentIndexChanged,
            self.grant.currentIndexChanged,
        )
        self.build()

    def _load_grants(self) -> None:
        """Another 学区 or 年度: its grants read on the database worker, then the paper drawn again."""
        db, district_id, year = self.ctx.db, self.district.value(), self.year.value()
        QueryOp(lambda: _grants(db, district_id, year), parent=self).latest(self._grant_loads).success(
            self._grants_loaded
        ).run()

    def _grants_loaded(self, found: list[GrantDTO]) -> None:
        before = self.grant.value()
        self._show_grants(found, None)
        if self.document.value() == "grant" and self.grant.value() != before:
            self.schedule_build()

    def _show_grants(self, found: list[GrantDTO], chosen: int | None) -> None:
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
