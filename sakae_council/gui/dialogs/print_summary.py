"""連絡会まとめの印刷: choose a fiscal year or a period, then save (and open) the summary PDF.

The figures are read and the PDF drawn off the GUI thread; in between, characters no font can print are
reported and the user decides whether to go on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.domain.wareki import fiscal_year, fiscal_year_range
from sakae_council.gui.context import AppContext
from sakae_council.gui.widgets.date_edit import WarekiDateEdit
from sakae_council.gui.widgets.fiscal_year import FiscalYearChoice
from sakae_council.gui.widgets.form import Form, MessageLine
from sakae_council.gui.widgets.messages import confirm
from sakae_council.gui.widgets.worker import Job, run_in_background
from sakae_council.services.liaison import LiaisonSummaryDTO, Period


class PrintSummaryDialog(QDialog):
    """Saves the 連絡会まとめ PDF in the background; ``finished_pdf(path)`` when written."""

    finished_pdf = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("連絡会まとめを印刷"))
        self.job: Job | None = None
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
        self.open_after = QCheckBox(self.tr("保存したらPDFを開く（そこから印刷できます）"))
        self.open_after.setChecked(True)

        self.form = Form()
        self.form.add_widget(self.by_year)
        self.form.add_field("fiscal_year", self.tr("年度"), self.year)
        self.form.add_widget(self.by_period)
        self.form.add_field("from", self.tr("期間の初日"), self.date_from)
        self.form.add_field("to", self.tr("期間の最終日"), self.date_to)
        self.form.add_widget(self.open_after)
        self.by_year.toggled.connect(self._mode_changed)
        self._mode_changed()

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
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 28)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)

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

    def choose_and_save(self) -> None:
        self.form.clear_errors()
        self.error.clear()
        try:
            self.period()
        except ValidationError as exc:
            if not self.form.show_error(exc.field, exc.message):
                self.error.show_message(exc.message)
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDFとして保存"), str(Path(folder) / self.suggested_name()), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        """Read the figures in the background, then draw the PDF to ``path``."""
        from sakae_council.reports.liaison_summary import collect_summary

        self.form.clear_errors()
        self.error.clear()
        try:
            period = self.period()
        except ValidationError as exc:
            if not self.form.show_error(exc.field, exc.message):
                self.error.show_message(exc.message)
            return
        self._path = path
        self._busy(self.tr("集計しています…"))
        db, today = self.ctx.db, self.ctx.today()
        self.job = run_in_background(
            lambda: collect_summary(db, period, today), self._collected, self._failed
        )

    def _collected(self, summary: Any) -> None:
        from sakae_council.reports.liaison_summary import (
            render_summary,
            summary_texts,
            unprintable_characters,
        )

        assert isinstance(summary, LiaisonSummaryDTO)
        missing = unprintable_characters(summary_texts(summary))
        if missing and not confirm(
            self,
            self.tr("印刷できない文字があります"),
            self.tr(
                "次の文字は、この機械にある字形では印刷できず、空白になります:\n{chars}\n"
                "IPAmj明朝をインストールすると印刷できます。このまま保存しますか？"
            ).format(chars=" ".join(missing)),
            self.tr("このまま保存"),
        ):
            self._idle()
            self.status.clear()
            return
        path = self._path
        self._busy(self.tr("PDFを作っています…"))
        self.job = run_in_background(lambda: str(render_summary(summary, path)), self._done, self._failed)

    def _busy(self, text: str) -> None:
        self.save_button.setEnabled(False)
        self.progress.show()
        self.status.setText(text)

    def _idle(self) -> None:
        self.progress.hide()
        self.save_button.setEnabled(True)

    def _done(self, path: Any) -> None:
        self._idle()
        self.status.setText(self.tr("保存しました: {path}").format(path=path))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finished_pdf.emit(str(path))
        if self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _failed(self, exc: Any) -> None:
        self._idle()
        self.status.clear()
        if isinstance(exc, DomainError):
            self.error.show_message(exc.message)
        elif isinstance(exc, OSError):
            self.error.show_message(
                self.tr("PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。")
            )
        else:
            self.error.show_message(
                self.tr(
                    "PDFを作れませんでした。もう一度試しても直らないときは、ログファイルを担当者に渡してください。"
                )
            )
