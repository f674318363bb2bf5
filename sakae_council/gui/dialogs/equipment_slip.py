"""貸出票を印刷: save the loan slip of one loan as a PDF (drawn in the background) and open it to print."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.worker import Job, run_in_background
from sakae_council.services.equipment import LoanDTO


class LoanSlipDialog(QDialog):
    """``finished_pdf(path)`` once the slip is written."""

    finished_pdf = Signal(str)

    def __init__(self, ctx: AppContext, loan: LoanDTO, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.loan = ctx, loan
        self.job: Job | None = None
        self.setWindowTitle(self.tr("貸出票を印刷"))
        about = QLabel(self.tr("{item} {n}個　{who}\n{lent}〜{due}").format(
            item=loan.equipment_name, n=loan.quantity, who=loan.borrower_name, lent=wareki(loan.lent_on), due=wareki(loan.due_on)
        ))
        about.setWordWrap(True)
        self.open_after = QCheckBox(self.tr("保存したらPDFを開く（そこから印刷できます）"))
        self.open_after.setChecked(True)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = MessageLine("error")
        self.save_button = QPushButton(self.tr("PDFとして保存…"))
        self.save_button.setDefault(True)
        close = QPushButton(self.tr("閉じる"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.choose_and_save)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.open_after)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)

    def suggested_name(self) -> str:
        return f"貸出票_{self.loan.id:05d}_{self.loan.equipment_name}.pdf"

    def choose_and_save(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDFとして保存"), str(Path(folder) / self.suggested_name()), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_to(path)

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
        missing = unprintable_characters(slip.texts())
        if missing and not confirm(
            self,
            self.tr("印刷できない文字があります"),
            self.tr("次の文字は、この機械にある字形では印刷できず、空白になります:\n{chars}\nこのまま保存しますか？").format(
                chars=" ".join(missing)
            ),
            self.tr("このまま保存"),
        ):
            return
        self.save_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("PDFを作っています…"))
        self.job = run_in_background(lambda: str(render_loan_slip(slip, path)), self._done, self._failed)

    def _done(self, path: Any) -> None:
        self.progress.hide()
        self.save_button.setEnabled(True)
        self.status.setText(self.tr("保存しました: {path}").format(path=path))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finished_pdf.emit(str(path))
        if self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, exc: Any) -> None:
        self.progress.hide()
        self.save_button.setEnabled(True)
        self.status.clear()
        if isinstance(exc, OSError):
            self.error.show_message(self.tr("PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。"))
        else:
            show_error(self, exc, title=self.tr("PDFを作れませんでした"))
