"""Where a PDF is saved: the 保存 dialog opened on the documents folder, and what to say when writing fails.

The print windows (``gui.widgets.print_window``) and the other places that write a PDF share these.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


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
