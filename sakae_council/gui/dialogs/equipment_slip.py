"""貸出票を印刷: the loan slip of one loan, previewed, printed or saved as PDF."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.print_window import Paper, PrintWindow, unprintable_warning
from sakae_council.services.equipment_loans import LoanDTO


class LoanSlipDialog(PrintWindow):
    """The loan slip's print window."""

    def __init__(self, ctx: AppContext, loan: LoanDTO, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("貸出票を印刷"), parent)
        self.ctx, self.loan = ctx, loan
        about = QLabel(
            self.tr("{item} {n}個　{who}\n{lent}〜{due}").format(
                item=loan.equipment_name,
                n=loan.quantity,
                who=loan.borrower_name,
                lent=wareki(loan.lent_on),
                due=wareki(loan.due_on),
            )
        )
        about.setWordWrap(True)
        self.content.addWidget(about)
        self.build()

    def suggested_name(self) -> str:
        return f"貸出票_{self.loan.id:05d}_{self.loan.equipment_name}.pdf"

    def paper(self) -> Paper:
        """The slip as the loan stands now."""
        from sakae_council.reports.loan_slip import (
            collect_loan_slip,
            render_loan_slip,
            unprintable_characters,
        )

        slip = collect_loan_slip(self.ctx.db, self.loan.id, self.ctx.today())
        return Paper(
            lambda path: render_loan_slip(slip, path), unprintable_warning(unprintable_characters(slip.texts()))
        )
