"""The print windows of the council's year on paper: 総会議案書, 委嘱状 (and 感謝状), 引継ぎ資料.

Each reads what it prints on the database worker and draws the PDF on the papers lane (PrintWindow's Paper);
:func:`open_council_paper` reads the council's name there before the window is built."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import QCheckBox, QWidget

from sakae_council.domain.errors import ValidationError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.opening import open_with
from sakae_council.gui.formatting import fiscal_year_text, wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.form import Form
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services import districts

W = TypeVar("W", bound=PrintWindow)


def open_council_paper(
    ctx: AppContext, district_id: int, parent: QWidget, show: Callable[[W], object], build: Callable[[str], W]
) -> None:
    """``build(council name)`` once the name is read on the database worker, then ``show`` the window."""
    db = ctx.db
    open_with(lambda: districts.get_district(db, district_id).name, build, parent, show)


class _CouncilPrintWindow(PrintWindow):
    """A paper of one council: the district is fixed by the page that opened the window."""

    def __init__(
        self,
        title: str,
        ctx: AppContext,
        district_id: int,
        parent: QWidget | None = None,
        district_name: str | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.ctx = ctx
        self.district_id = district_id
        # read here when the caller did not read it on the worker (open_council_paper)
        self.district_name = district_name or districts.get_district(ctx.db, district_id).name
        self.form = Form()
        self.content.addWidget(self.form)


class GeneralMeetingPrintWindow(_CouncilPrintWindow):
    """総会議案書 of a council for a 年度, with the secretary's kept edits."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        fiscal_year: int,
        parent: QWidget | None = None,
        district_name: str | None = None,
    ) -> None:
        super().__init__("", ctx, district_id, parent, district_name)
        self.setWindowTitle(self.tr("総会議案書を印刷"))
        self.fiscal_year = fiscal_year
        self.build()

    def suggested_name(self) -> str:
        return f"総会議案書_{self.district_name}_{fiscal_year_text(self.fiscal_year)}.pdf"

    def paper(self) -> Paper:
        from sakae_council.reports.general_meeting import collect_pack, render_pack, unprintable_characters

        db, district_id, fiscal_year, today = (
            self.ctx.db,
            self.district_id,
            self.fiscal_year,
            self.ctx.today(),
        )
        return Paper(
            lambda: collect_pack(db, district_id, fiscal_year, today=today),
            render_pack,
            lambda pack: unprintable_warning(unprintable_characters(pack.texts())),
        )


class CommissionPrintWindow(_CouncilPrintWindow):
    """委嘱状 for the seats starting on a date, and 感謝状 for those who left the day before when asked."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        on: date | None,
        parent: QWidget | None = None,
        district_name: str | None = None,
    ) -> None:
        super().__init__("", ctx, district_id, parent, district_name)
        self.setWindowTitle(self.tr("委嘱状を印刷"))
        # made without a parent and in the form's order: the focus chain then follows the form
        self.date_edit = WarekiDateEdit("date")
        self.date_edit.set_value(on)
        self.issuer = ChoiceCombo([(self.tr("協議会会長"), "council"), (self.tr("栄町長"), "town")])
        self.thanks = QCheckBox(self.tr("退任した方への感謝状も印刷する"))
        self.form.add_field("date", self.tr("任期の始まる日（改選の日）"), self.date_edit, required=True)
        self.form.add_field("issuer", self.tr("発行者"), self.issuer)
        self.form.add_field("thanks", self.tr("感謝状"), self.thanks)
        self.watch(self.date_edit.editingFinished, self.thanks.toggled, self.issuer.currentIndexChanged)
        self.build()

    def suggested_name(self) -> str:
        return f"委嘱状_{self.district_name}_{wareki(self.date_edit.value() or self.ctx.today())}.pdf"

    def paper(self) -> Paper:
        from sakae_council.reports.commission import render_commissions, unprintable_characters
        from sakae_council.services.seats import CommissionBatch, commission_batch

        on = self.date_edit.value()
        if on is None:
            raise ValidationError(
                "date", self.tr("任期の始まる日（役員改選を適用した日）を入力してください。")
            )
        db, district_id = self.ctx.db, self.district_id
        thanks, issuer = self.thanks.isChecked(), self.issuer.value()

        def warning(batch: CommissionBatch) -> str:
            names = [batch.council_name, batch.chair_name, *(x.name for x in batch.letters + batch.thanks)]
            return unprintable_warning(unprintable_characters(names))

        return Paper(
            lambda: commission_batch(db, district_id, on),
            lambda batch, path: render_commissions(batch, path, thanks=thanks, issuer=issuer),
            warning,
        )


class HandoverPrintWindow(_CouncilPrintWindow):
    """引継ぎ資料 of a council, as of today."""

    def __init__(
        self,
        ctx: AppContext,
        district_id: int,
        parent: QWidget | None = None,
        district_name: str | None = None,
    ) -> None:
        super().__init__("", ctx, district_id, parent, district_name)
        self.setWindowTitle(self.tr("引継ぎ資料を印刷"))
        self.build()

    def suggested_name(self) -> str:
        return f"引継ぎ資料_{self.district_name}_{wareki(self.ctx.today())}.pdf"

    def paper(self) -> Paper:
        from sakae_council.reports.handover import collect_handover, render_handover, unprintable_characters

        db, district_id, today = self.ctx.db, self.district_id, self.ctx.today()
        return Paper(
            lambda: collect_handover(db, district_id, today=today),
            render_handover,
            lambda doc: unprintable_warning(unprintable_characters(doc.texts())),
        )
