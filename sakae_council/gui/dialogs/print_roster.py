"""名簿の印刷: choose the district and whether contact details are printed, then save (and open) a PDF."""

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
from sakae_council.gui.district_names import all_districts_label
from sakae_council.gui.formatting import wareki
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form, MessageLine
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.worker import Job, run_in_background
from sakae_council.services import districts


class PrintRosterDialog(QDialog):
    """Saves the roster PDF in the background; ``finished_pdf(path)`` when written."""

    finished_pdf = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("名簿を印刷"))
        self.job: Job | None = None
        self.district = ChoiceCombo(
            [(all_districts_label(), None)] + [(d.name, d.id) for d in districts.list_districts(ctx.db, include_inactive=False)]
        )
        self.district.set_value(ctx.district_id)
        self.contacts = QCheckBox(self.tr("連絡先（住所・電話・メール）を載せる"))
        self.contacts.setChecked(True)
        self.open_after = QCheckBox(self.tr("保存したらPDFを開く（そこから印刷できます）"))
        self.open_after.setChecked(True)
        self.form = Form()
        self.form.add_field("district", self.tr("学区"), self.district)
        self.form.add_field(
            "contacts", self.tr("連絡先"), self.contacts,
            hint=self.tr("会議で配るときは外してください。個人情報を守るためです。"),
        )
        self.form.add_widget(self.open_after)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.error = MessageLine("error")
        self.save_button = QPushButton(self.tr("PDFとして保存…"))
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("閉じる"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(cancel, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.choose_and_save)
        cancel.clicked.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * 26)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)

    def suggested_name(self) -> str:
        where = self.district.currentText() or all_districts_label()
        suffix = "" if self.contacts.isChecked() else self.tr("_配布用")
        return f"名簿_{where}_{wareki(self.ctx.today())}{suffix}.pdf"

    def choose_and_save(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDFとして保存"), str(Path(folder) / self.suggested_name()), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        """Collect the roster now, warn about characters that cannot be printed, draw the PDF in the background."""
        from sakae_council.reports.roster import collect_roster, render_roster, unprintable_characters

        self.error.clear()
        try:
            doc = collect_roster(
                self.ctx.db, district_id=self.district.value(), contacts=self.contacts.isChecked(), today=self.ctx.today()
            )
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        missing = unprintable_characters(doc.texts())
        if missing and not confirm(
            self,
            self.tr("印刷できない文字があります"),
            self.tr("次の文字は、この機械にある字形では印刷できず、空白になります:\n{chars}\n"
                    "IPAmj明朝をインストールすると印刷できます。このまま保存しますか？").format(chars=" ".join(missing)),
            self.tr("このまま保存"),
        ):
            return
        self.save_button.setEnabled(False)
        self.progress.show()
        self.status.setText(self.tr("PDFを作っています…"))
        self.job = run_in_background(lambda: str(render_roster(doc, path)), self._done, self._failed)

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
