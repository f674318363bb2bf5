"""会議の印刷: 次第 / 出席簿 / 議事録 (any 確定 version), previewed in the window, printed or saved as PDF.

The PDF is drawn off the GUI thread into a temporary file; the preview shows it (QtPdf), 印刷 sends
its pages to the printer chosen in QPrintDialog, PDFとして保存 copies it. Characters no font can
print are named with their field before anything is printed. Without QtPdf (PySide6-Pdf not
installed) the PDF opens in the system's viewer instead, to be printed from there.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import meeting_title
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.gui.widgets.form import Form, MessageLine
from sakae_council.gui.widgets.messages import show_error
from sakae_council.gui.widgets.pdf_save import ask_pdf_path, save_failed_text
from sakae_council.gui.widgets.worker import Job, run_in_background
from sakae_council.services import meetings, minutes
from sakae_council.services.meetings import MeetingDetailDTO

try:  # QtPdf comes with the PySide6-Pdf wheel
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPdfWidgets import QPdfView

    HAVE_QTPDF = True
except ImportError:  # pragma: no cover - depends on the installation
    HAVE_QTPDF = False

DOCUMENTS = ("agenda", "signin", "minutes")
#: Highest resolution pages are rendered at for the printer (memory stays small on town laptops).
PRINT_DPI = 300


class MeetingPrintDialog(QDialog):
    """Preview and print one meeting's papers; ``built(path)`` when a PDF is ready."""

    built = Signal(str)

    def __init__(
        self, ctx: AppContext, meeting_id: int, parent: QWidget | None = None, *, document: str = "minutes"
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.detail = meetings.get_meeting(ctx.db, meeting_id)
        self.setWindowTitle(self.tr("印刷 — {title}").format(title=meeting_title(self.detail)))
        self.job: Job | None = None
        self.pdf_path: Path | None = None
        self._generation = 0
        self._folder = Path(tempfile.mkdtemp(prefix="sakae-print-"))
        names = {
            "agenda": self.tr("次第（会議の前に配る）"),
            "signin": self.tr("出席簿（署名欄つき）"),
            "minutes": self.tr("議事録"),
        }
        self.document = ChoiceCombo([(names[d], d) for d in DOCUMENTS])
        self.document.set_value(document)
        self.version = ChoiceCombo(self._versions())
        self.form = Form()
        self.form.add_field("document", self.tr("印刷するもの"), self.document)
        self.version_row = self.form.add_field("revision", self.tr("議事録の版"), self.version)
        self.warning = MessageLine("warning", self)
        self.error = MessageLine("error", self)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        if HAVE_QTPDF:
            self.pdf = QPdfDocument(self)
            self.view: QWidget = QPdfView(self)
            self.view.setDocument(self.pdf)  # type: ignore[attr-defined]
            self.view.setPageMode(QPdfView.PageMode.MultiPage)  # type: ignore[attr-defined]
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)  # type: ignore[attr-defined]
        else:
            self.view = QLabel(
                self.tr(
                    "この環境では画面でのプレビューができません。「PDFを開く」で確認・印刷してください。"
                ),
                self,
            )
            self.view.setWordWrap(True)  # type: ignore[attr-defined]
        self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * 18)
        self.print_button = QPushButton(self.tr("印刷…") if HAVE_QTPDF else self.tr("PDFを開く"), self)
        self.save_button = QPushButton(self.tr("PDFとして保存…"), self)
        self.close_button = QPushButton(self.tr("閉じる"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.print_button, self.save_button, self.close_button):
            b.setAutoDefault(False)
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.progress)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_pdf)
        self.save_button.clicked.connect(self.choose_and_save)
        self.close_button.clicked.connect(self.close)
        self.document.currentIndexChanged.connect(lambda _i: self.build())
        self.version.currentIndexChanged.connect(lambda _i: self.build())
        em = self.fontMetrics().horizontalAdvance("あ")
        self.resize(min(48 * em, 1200), min(50 * self.fontMetrics().lineSpacing(), 1000))
        self.build()

    def _versions(self) -> list[tuple[str, Any]]:
        if not self.detail.is_approved:
            return [(self.tr("下書き（「下書き」と入ります）"), None)]
        revs = minutes.list_revisions(self.ctx.db, self.meeting_id)
        items: list[tuple[str, Any]] = [(self.tr("最新（第{n}版）").format(n=self.detail.revision), None)]
        items += [
            (self.tr("第{n}版 — {reason}").format(n=r.number, reason=r.reason), r.number) for r in revs[:-1]
        ]
        return items

    # --- building -------------------------------------------------------------------------------
    def build(self) -> None:
        """Read what the chosen document prints, name unprintable characters, draw it in the background."""
        from sakae_council.reports import meeting_docs

        self._generation += 1
        generation = self._generation
        kind = self.document.value()
        self.version_row.setVisible(kind == "minutes")
        self.error.clear()
        self._set_ready(False)
        try:
            if kind == "minutes":
                detail, revisions = meeting_docs.collect_minutes(
                    self.ctx.db, self.meeting_id, self.version.value()
                )
            else:
                detail, revisions = meetings.get_meeting(self.ctx.db, self.meeting_id), []
        except DomainError as exc:
            self.error.show_message(exc.message)
            return
        self.show_unprintable(detail)
        path = self._folder / f"{kind}-{generation}.pdf"
        self.progress.show()
        self.status.setText(self.tr("PDFを作っています…"))

        def work() -> Path:
            if kind == "agenda":
                return meeting_docs.build_agenda(detail, path)
            if kind == "signin":
                return meeting_docs.build_signin(detail, path)
            return meeting_docs.build_minutes(detail, path, revisions=revisions)

        self.job = run_in_background(
            work, lambda p: self._done(generation, p), lambda e: self._failed(generation, e)
        )

    def show_unprintable(self, detail: MeetingDetailDTO) -> None:
        from sakae_council.reports.meeting_docs import unprintable_fields

        found = unprintable_fields(detail)
        if not found:
            self.warning.clear()
            return
        lines = "\n".join(
            self.tr("・{field}: {chars}").format(field=f, chars=" ".join(chars)) for f, chars in found
        )
        self.warning.show_message(
            self.tr(
                "次の文字は、この機械にある字形では印刷できず空白になります。IPAmj明朝を入れると印刷できます。\n{lines}"
            ).format(lines=lines)
        )

    def _done(self, generation: int, path: Any) -> None:
        if generation != self._generation:
            return  # a newer choice is being built
        self.pdf_path = Path(path)
        self.progress.hide()
        if HAVE_QTPDF:
            self.pdf.load(str(path))
            self.status.setText(self.tr("{n}ページ").format(n=self.pdf.pageCount()))
        else:
            self.status.setText(self.tr("PDFができました。"))
        self._set_ready(True)
        self.built.emit(str(path))

    def _failed(self, generation: int, exc: Any) -> None:
        if generation != self._generation:
            return
        self.progress.hide()
        self.status.clear()
        show_error(self, exc, title=self.tr("PDFを作れませんでした"))

    def _set_ready(self, ready: bool) -> None:
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    def page_count(self) -> int:
        return self.pdf.pageCount() if HAVE_QTPDF else 0

    # --- output ---------------------------------------------------------------------------------
    def suggested_name(self) -> str:
        names = {"agenda": "次第", "signin": "出席簿", "minutes": "議事録"}
        d = self.detail
        return f"{names[self.document.value()]}_{d.body_name}_{d.fiscal_year_label}第{d.number}回.pdf"

    def choose_and_save(self) -> None:
        path = ask_pdf_path(self, self.suggested_name())
        if path:
            self.save_as(path)

    def save_as(self, path: str | Path) -> bool:
        if self.pdf_path is None:
            return False
        try:
            shutil.copyfile(self.pdf_path, path)
        except OSError:
            self.error.show_message(save_failed_text())
            return False
        self.status.setText(self.tr("保存しました: {path}").format(path=path))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return True

    def print_pdf(self) -> None:
        if self.pdf_path is None:
            return
        if not HAVE_QTPDF:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.pdf_path)))
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.suggested_name())
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("印刷"))
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Send every page (or the range chosen in the print dialog) to ``printer``; returns pages sent."""
        count = self.pdf.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        pages = range(first - 1, last) if first > 0 and last > 0 else range(count)
        dpi = min(printer.resolution(), PRINT_DPI)
        painter = QPainter()
        if not painter.begin(printer):
            self.error.show_message(
                self.tr("プリンターを使えませんでした。プリンターの電源と接続を確かめてください。")
            )
            return 0
        sent = 0
        try:
            for i in pages:
                if not 0 <= i < count:
                    continue
                if sent:
                    printer.newPage()
                points = self.pdf.pagePointSize(i)
                image = self.pdf.render(
                    i, QSize(int(points.width() * dpi / 72), int(points.height() * dpi / 72))
                )
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
                sent += 1
        finally:
            painter.end()
        return sent

    def closeEvent(self, event: QCloseEvent) -> None:
        self._generation += 1  # results arriving later are ignored
        if HAVE_QTPDF:
            self.pdf.close()
        shutil.rmtree(self._folder, ignore_errors=True)
        super().closeEvent(event)

    def reject(self) -> None:
        self.close()
