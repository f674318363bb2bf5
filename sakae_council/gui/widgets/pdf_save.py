"""Where a PDF is saved: the 保存 dialog opened on the documents folder, and what to say when writing fails.

The print windows (``gui.widgets.print_window``) and the other places that write a PDF share these, and
the opening of a PDF in the system's viewer, which says so when there is none.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("PdfSave", text)


def ask_pdf_path(parent: QWidget, suggested_name: str) -> str:
    """The file the user chose in a 保存 dialog opened on the documents folder ("" when cancelled)."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )
    path, _ = QFileDialog.getSaveFileName(
        parent, tr("PDFとして保存"), str(Path(folder) / suggested_name), tr("PDF (*.pdf)")
    )
    return path


def save_failed_text() -> str:
    """What to say when the PDF file cannot be written (no space, a folder that cannot be written to)."""
    return tr("PDFを保存できませんでした。保存先のフォルダと空き容量を確かめてください。")


def open_pdf_or_offer_save(parent: QWidget, path: Path, save: Callable[[], object]) -> bool:
    """Open ``path`` in the system's PDF viewer; where none is set up, say so and offer 保存… (``save``)."""
    if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(
        QMessageBox.Icon.Information,
        tr("PDFを開けませんでした"),
        tr(
            "このパソコンにはPDFを開くアプリが設定されていません。"
            "この画面の「印刷…」で印刷するか、PDFとして保存してほかのパソコンで開いてください。"
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("pdfViewerMissing")
    chosen = box.addButton(tr("保存…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("閉じる"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(chosen)
    box.exec()
    if box.clickedButton() is chosen:
        save()
    return False
