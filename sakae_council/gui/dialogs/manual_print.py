"""冊子を印刷: the booklet of a published edition (or the current text, marked 未発行の原稿) as a PDF,
drawn in the background."""

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
from sakae_council.gui.models.manual_tree import revision_label
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form, MessageLine
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.worker import Job, run_in_background
from sakae_council.services import manual


class ManualPrintDialog(QDialog):
    """Saves the booklet PDF; ``finished_pdf(path)`` once it is written."""

    finished_pdf = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.job: Job | None = None
        self.setWindowTitle(self.tr("冊子を印刷"))
        editions = manual.list_editions(ctx.db)
        items: list[tuple[str, int | None]] = [
            (
                self.tr("{label}（{date}発行）").format(
                    label=revision_label(e.number), date=wareki(e.published_on)
                ),
                e.number,
            )
            for e in reversed(editions)
        ]
        items.append((self.tr("今の原稿（未発行）"), None))
        self.edition = ChoiceCombo(items)
        self.edition.setCurrentIndex(0)  # the newest edition (or the current text when none is published)
        self.open_after = QCheckBox(self.tr("保存したらPDFを開く（そこから印刷できます）"))
        self.open_after.setChecked(True)
        self.form = Form()
        self.form.add_field(
            "edition",
            self.tr("印刷する版"),
            self.edition,
            hint=self.tr("発行した版は、発行したときの内容で印刷されます。"),
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
        close = QPushButton(self.tr("閉じる"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.choose_and_save)
        close.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(buttons)

    def suggested_name(self) -> str:
        number = self.edition.value()
        which = (
            self.tr("第{n}版").format(n=number)
            if number is not None
            else self.tr("原稿_{date}").format(date=wareki(self.ctx.today()))
        )
        return self.tr("協働マニュアル_{which}.pdf").format(which=which)

    def choose_and_save(self) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("PDFとして保存"), str(Path(folder) / self.suggested_name()), self.tr("PDF (*.pdf)")
        )
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        """Read the chosen edition now, warn about characters that cannot be printed, draw in the background."""
        from sakae_council.reports.manual_booklet import (
            collect_booklet,
            render_booklet,
            unprintable_characters,
        )

        self.error.clear()
        try:
            doc = collect_booklet(self.ctx.db, self.edition.value(), today=self.ctx.today())
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        missing = unprintable_characters(doc.texts())
        if missing and not confirm(
            self,
            self.tr("印刷できない文字があります"),
            self.tr(
                "次の文字は、この機械にある字形では印刷できず、空白になります:\n{chars}\n"
                "IPAmj明朝をインストールすると印刷できます。このまま保存しますか？"
            ).format(chars=" ".join(missing)),
            self.tr("このまま保存"),
        ):
            return
        self.save_button.setEnabled(False)
        self.progress.show()
        self.status.setText(
            self.tr("冊子のPDFを作っています…（目次のページ番号を確かめるため、少し時間がかかります）")
        )
        self.job = run_in_background(lambda: str(render_booklet(doc, path)), self._done, self._failed)

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
            self.error.show_message(
                self.tr("PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。")
            )
        else:
            show_error(self, exc, title=self.tr("PDFを作れませんでした"))
