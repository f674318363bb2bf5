"""貸出票を印刷: save the loan slip of one loan as a PDF (drawn in the background) and open it to print."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.pdf_save import PdfSaveDialog
from sakae_council.services.equipment import LoanDTO


class LoanSlipDialog(PdfSaveDialog):
    """``finished_pdf(path)`` once the slip is written."""

    def __init__(self, ctx: AppContext, loan: LoanDTO, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("貸出票を印刷"), parent, width_chars=20)
        self.ctx, self.loan = ctx, loan
        about = QLabel(self.tr("{item} {n}個　{who}\n{lent}〜{due}").format(
            item=loan.equipment_name, n=loan.quantity, who=loan.borrower_name, lent=wareki(loan.lent_on), due=wareki(loan.due_on)
        ))
        about.setWordWrap(True)
        self.content.addWidget(about)

    def suggested_name(self) -> str:
        return f"貸出票_{self.loan.id:05d}_{self.loan.equipment_name}.pdf"

    def save_to(self, path: str) -> None:
        from sakae_council.reports.loan_slip import (
            collect_loan_slip,
            render_loan_slip,
            unprintable_characters,
        )

        self.error.clear()
        try:
            slip = collect_loan_slip(self.ctx.db, self.loan.id, self.ctx.today())
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        if self.confirm_unprintable(unprintable_characters(slip.texts())):
            self.run(lambda: str(render_loan_slip(slip, path)), self.tr("PDFを作っています…"))
