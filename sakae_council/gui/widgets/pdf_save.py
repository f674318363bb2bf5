"""PdfSaveDialog: the dialog that saves one PDF, drawn off the GUI thread, and opens it to print.

    ┌ 名簿を印刷 ─────────────────────────────┐
    │ (the subclass's fields, in ``self.content``)   │
    │ ☑ 保存したらPDFを開く（そこから印刷できます）   │
    │ (error) (status: PDFを作っています… / 保存しました: …) │
    │ [progress]              [PDFとして保存…] [閉じる] │
    └────────────────────────────────────────────┘

A subclass adds its fields to ``self.content``, names the file (``suggested_name``) and implements
``save_to(path)``: read what is printed (a DomainError goes to the error line), ask about characters no
font can print (``confirm_unprintable``), then ``run`` the drawing in the background. The base shows the
progress, keeps 保存 disabled meanwhile, reports 保存しました or why not, emits ``finished_pdf(path)`` and
opens the PDF when asked to.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
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
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.messages import confirm, show_error
from sakae_council.gui.widgets.worker import Job, run_in_background

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("PdfSave", text)


def ask_pdf_path(parent: QWidget, suggested_name: str) -> str:
    """The file the user chose in a 保存 dialog opened on the documents folder ("" when cancelled)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("PDFとして保存"), str(Path(folder) / suggested_name), tr("PDF (*.pdf)")
    )
    return path


def save_failed_text() -> str:
    """What to say when the PDF file cannot be written (no space, a folder that cannot be written to)."""
    return tr("PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。")


class PdfSaveDialog(QDialog):
    """Base of the dialogs that save one PDF (see the module docstring)."""

    finished_pdf = Signal(str)

    def __init__(self, title: str, parent: QWidget | None = None, *, width_chars: int = 26) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.job: Job | None = None
        self.content = QVBoxLayout()
        self.content.setContentsMargins(0, 0, 0, 0)
        self.open_after = QCheckBox(tr("保存したらPDFを開く（そこから印刷できます）"))
        self.open_after.setChecked(True)
        self.error = MessageLine("error")
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.save_button = QPushButton(tr("PDFとして保存…"))
        self.save_button.setDefault(True)
        close = QPushButton(tr("閉じる"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(close, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self.choose_and_save)
        close.clicked.connect(self.reject)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("あ") * width_chars)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(self.content)
        for widget in (self.open_after, self.error, self.status, self.progress, buttons):
            layout.addWidget(widget)

    # --- for subclasses -------------------------------------------------------------------------
    def suggested_name(self) -> str:
        raise NotImplementedError

    def save_to(self, path: str) -> None:
        """Read what is printed, ``confirm_unprintable``, then ``run`` the drawing of ``path``."""
        raise NotImplementedError

    def ready_to_save(self) -> bool:
        """Check the choices before the 保存 dialog opens (show what is wrong and return False)."""
        return True

    # --- the flow -------------------------------------------------------------------------------
    def choose_and_save(self) -> None:
        if not self.ready_to_save():
            return
        path = ask_pdf_path(self, self.suggested_name())
        if path:
            self.save_to(path)

    def confirm_unprintable(self, missing: Sequence[str]) -> bool:
        """True when every character can be printed, or the user saves anyway."""
        return not missing or confirm(
            self,
            tr("印刷できない文字があります"),
            tr(
                "次の文字は、この機械にある字形では印刷できず、空白になります:\n{chars}\n"
                "IPAmj明朝をインストールすると印刷できます。このまま保存しますか？"
            ).format(chars=" ".join(missing)),
            tr("このまま保存"),
        )

    def run(self, work: Callable[[], Any], busy_text: str, done: Callable[[Any], None] | None = None) -> None:
        """``work()`` off the GUI thread with the progress shown; its result (the path) goes to ``done``."""
        self.save_button.setEnabled(False)
        self.progress.show()
        self.status.setText(busy_text)
        self.job = run_in_background(work, done or self.saved_pdf, self.failed)

    def idle(self) -> None:
        self.progress.hide()
        self.save_button.setEnabled(True)

    def saved_pdf(self, path: Any) -> None:
        self.idle()
        self.status.setText(tr("保存しました: {path}").format(path=path))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finished_pdf.emit(str(path))
        if self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def failed(self, exc: BaseException) -> None:
        self.idle()
        self.status.clear()
        if isinstance(exc, DomainError):
            self.error.show_message(exc.message)
        elif isinstance(exc, OSError):
            self.error.show_message(save_failed_text())
        else:
            show_error(self, exc, title=tr("PDFを作れませんでした"))
