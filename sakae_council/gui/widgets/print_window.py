"""PrintWindow: the one window every paper of the program is previewed, printed and saved from.

    ┌ 名簿を印刷 ───────────────────────────────────────────┐
    │ (the paper's choices, in ``self.content``: 学区, 連絡先, 版 …)     │
    │ (warning: characters no font can print) (error)                 │
    │ ┌ preview (QPdfView, every page, scrolls; a long paper a page at a time) ┐ │
    │ └────────────────────────────────────────────────────────────┘ │
    │ [幅に合わせる] [−] [＋] 100%  [progress] [◀ 前][ 1 ][次 ▶] 全3ページ │
    │ [PDFを開く]                  [印刷…] [PDFとして保存…] [閉じる] │
    └──────────────────────────────────────────────────────────────┘

A subclass puts its choices into ``self.content``, passes their change signals to ``watch`` (a change
draws the preview again), names the file (``suggested_name``) and says how the paper is made
(``paper()``: read the choices on the GUI thread — a DomainError goes to the error line — and return a
:class:`Paper`: ``collect()`` reads what is printed on the database worker, ``draw(data, path)`` lays it
out with ReportLab on the papers lane, neither on the GUI thread). It calls ``build()`` once at the end
of its ``__init__``.

The base draws one PDF at a time (a change while drawing draws again afterwards; results of an older
choice are dropped), with a bar and 中止 (``self.task``) while it reads and draws — 中止 or closing the
window stops the drawing at its next flowable and leaves no file. It shows the PDF with its page count,
prints it through ``gui.widgets.pdf_printing`` and copies it on 保存. The window closes by 閉じる, Esc
and the window's close request, and removes its temporary PDFs when it does.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from sakae_council import heap
from sakae_council.cancel import CancelToken
from sakae_council.domain.errors import DomainError, ValidationError
from sakae_council.gui.ops import Lane, OpHandle, QueryOp, collect_now
from sakae_council.gui.widgets.form import MessageLine
from sakae_council.gui.widgets.messages import show_error
from sakae_council.gui.widgets.pdf_printing import PrintFailed, make_printer, print_pdf_pages
from sakae_council.gui.widgets.pdf_save import ask_pdf_path, open_pdf_or_offer_save, save_failed_text
from sakae_council.gui.widgets.preview_pages import PageControls
from sakae_council.gui.widgets.progress import TaskProgress

#: Zoom steps of ＋/−, and the smallest and largest zoom.
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.25, 0.25, 4.0
#: How long typing in a choice (a date) waits before the preview is drawn again.
REBUILD_DELAY_MS = 250


log = logging.getLogger(__name__)


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("PrintWindow", text, disambiguation, n)


def _no_warning(_data: Any) -> str:
    return ""


@dataclass(frozen=True)
class Paper:
    """How to make the paper chosen now, off the GUI thread: ``collect()`` reads it on the database worker,
    then ``warning(data)`` names the characters no font can print and ``draw(data, path)`` writes the PDF,
    both on the papers lane. A paper that learns those characters only while drawing returns them from
    ``draw`` as a list (any other result is ignored)."""

    collect: Callable[[], Any]
    draw: Callable[[Any, Path], object]
    warning: Callable[[Any], str] = _no_warning


def unprintable_warning(chars: Sequence[str]) -> str:
    """The warning shown above the preview when some characters would print as blanks."""
    if not chars:
        return ""
    return tr(
        "次の文字は、この機械にある字形では印刷できず空白になります: {chars}\n"
        "IPAmj明朝をインストールすると印刷できます。"
    ).format(chars=" ".join(chars))


class PrintWindow(QDialog):
    """Base of every paper's print window (see the module docstring)."""

    built = Signal(str)  # the PDF now previewed
    finished_pdf = Signal(str)  # a copy saved by PDFとして保存
    printed = Signal(int)  # sheets sent to a printer

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printWindow")
        self.setWindowTitle(title)
        self.job: OpHandle | None = None
        self.pdf_path: Path | None = None
        self._generation = 0
        self._busy = False
        self._again = False
        self._closed = False
        self._folder: Path | None = None
        self._rebuild = QTimer(self)
        self._rebuild.setSingleShot(True)
        self._rebuild.setInterval(REBUILD_DELAY_MS)
        self._rebuild.timeout.connect(self.build)

        self.content = QVBoxLayout()
        self.content.setContentsMargins(0, 0, 0, 0)
        self.warning = MessageLine("warning", self)
        self.error = MessageLine("error", self)

        self.pdf = QPdfDocument(self)
        self.view = QPdfView(self)
        self.view.setObjectName("printPreview")
        self.view.setDocument(self.pdf)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Six lines, not more: at 特大 on a 1280×800 laptop a window with many choices (連絡会まとめ) would
        # otherwise need more than the screen's height; the preview takes whatever room is left.
        self.view.setMinimumHeight(self.fontMetrics().lineSpacing() * 6)

        self.fit_button = QPushButton(tr("幅に合わせる"), self)
        self.zoom_out_button = QPushButton(tr("縮小 −"), self)
        self.zoom_in_button = QPushButton(tr("拡大 ＋"), self)
        self.zoom_label = QLabel("", self)
        self.task = TaskProgress(self)  # the bar and 中止 while the paper is read and drawn
        self.progress = self.task.bar
        self.status = QLabel("", self)
        self.status.setObjectName("printStatus")
        self.status.setWordWrap(True)
        self.pages_label = QLabel("", self)
        self.pages_label.setObjectName("pageCount")
        zoom_row = QHBoxLayout()
        for w in (self.fit_button, self.zoom_out_button, self.zoom_in_button, self.zoom_label):
            zoom_row.addWidget(w)
        self.page_controls = PageControls(self.view, self)
        zoom_row.addStretch(1)
        zoom_row.addWidget(self.task)
        zoom_row.addWidget(self.page_controls)
        zoom_row.addWidget(self.pages_label)

        self.open_button = QPushButton(tr("PDFを開く"), self)
        self.print_button = QPushButton(tr("印刷…"), self)
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(tr("PDFとして保存…"), self)
        self.close_button = QPushButton(tr("閉じる"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        for b in (self.open_button, self.print_button, self.save_button, self.close_button):
            b.setAutoDefault(False)
            if b is not self.open_button:
                buttons.addWidget(b)
        # No default button: Enter after typing a date must draw the preview again, not print the old one.

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 16, 16, 12)
        layout.addLayout(self.content)
        layout.addWidget(self.warning)
        layout.addWidget(self.error)
        layout.addWidget(self.view, 1)
        layout.addLayout(zoom_row)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.fit_button.clicked.connect(self.fit_width)
        self.zoom_in_button.clicked.connect(lambda: self.zoom_by(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.zoom_by(1 / ZOOM_STEP))
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.choose_and_save)
        self.close_button.clicked.connect(self.reject)
        self._set_ready(False)
        self._show_zoom()
        self._fit_screen()
        self._add_keys()

    def _add_keys(self) -> None:
        """Ctrl+P prints (as 印刷… does, once the preview is ready); Ctrl++ / Ctrl+- zoom the preview."""
        keys: list[tuple[QKeySequence.StandardKey | str, Callable[[], object]]] = [
            (QKeySequence.StandardKey.Print, self.print_button.click),  # does nothing while disabled
            (QKeySequence.StandardKey.ZoomIn, lambda: self.zoom_by(ZOOM_STEP)),
            ("Ctrl+=", lambda: self.zoom_by(ZOOM_STEP)),
            (QKeySequence.StandardKey.ZoomOut, lambda: self.zoom_by(1 / ZOOM_STEP)),
            ("Ctrl+PgDown", lambda: self.page_controls.step(1)),
            ("Ctrl+PgUp", lambda: self.page_controls.step(-1)),
        ]
        for key, slot in keys:
            QShortcut(QKeySequence(key), self, slot)

    def _fit_screen(self) -> None:
        """Wide enough for an A4 page to be read, never larger than the screen (1366×768 laptops)."""
        em = self.fontMetrics().horizontalAdvance("あ")
        width, height = 52 * em, 56 * self.fontMetrics().lineSpacing()
        screen = self.screen()
        if screen is not None:
            area = screen.availableGeometry()
            width, height = min(width, area.width() - 40), min(height, area.height() - 60)
        self.resize(width, height)

    # --- for subclasses -------------------------------------------------------------------------
    def suggested_name(self) -> str:
        raise NotImplementedError

    def paper(self) -> Paper:
        """What to draw for the choices made now (may raise DomainError, shown in the error line)."""
        raise NotImplementedError

    def watch(self, *signals: SignalInstance) -> None:
        """Draw the preview again (after a short pause) whenever one of ``signals`` fires."""
        for signal in signals:
            signal.connect(self.schedule_build)

    def show_domain_error(self, exc: DomainError) -> None:
        """A field's error under the field when the subclass has a ``form`` with it, else in the error line."""
        form = getattr(self, "form", None)
        if isinstance(exc, ValidationError) and form is not None and form.show_error(exc.field, exc.message):
            return
        self.error.show_message(exc.message)

    # --- drawing the preview --------------------------------------------------------------------
    def schedule_build(self, *_args: object) -> None:
        self._rebuild.start()

    def build(self) -> None:
        """Draw the paper for the current choices in the background (after the one being drawn, if any)."""
        self._rebuild.stop()
        if self._closed:
            return
        if self._busy:
            self._again = True
            return
        self._generation += 1
        generation = self._generation
        self.error.clear()
        form = getattr(self, "form", None)
        if form is not None:
            form.clear_errors()
        self._set_ready(False)
        try:
            paper = self.paper()
        except DomainError as exc:
            self.show_domain_error(exc)
            self.pdf.close()  # no preview of a paper that cannot be made
            self.pdf_path = None
            self.pages_label.clear()
            self.page_controls.show_pages(0)
            self.status.clear()
            return
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="sakae-print-"))
        path = self._folder / f"{generation}.pdf"
        self._busy = True
        self.status.setText(tr("PDFを作っています…"))
        token = CancelToken()
        self.job = (
            QueryOp(paper.collect, parent=self, token=token)
            .success(lambda data: self._draw(generation, paper, data, path, token))
            .failure(lambda exc: self._failed(generation, exc))
            .cancelled(lambda: self._stopped(generation))
            .run()
        )
        self.task.start(self.job)

    def _draw(self, generation: int, paper: Paper, data: Any, path: Path, token: CancelToken) -> None:
        """The data is read: lay the paper out on the papers lane (the same token stops it)."""
        if self._closed:
            self._finish_job()
            return

        held = [data]  # let go as soon as it is drawn, before the preview loads (a town's roster: ~40 MB)

        def draw() -> tuple[str, object]:
            drawn_data = held.pop()
            return paper.warning(drawn_data), paper.draw(drawn_data, path)

        def drawn(answer: tuple[str, object]) -> None:
            warning, result = answer
            self._drawn(generation, path, warning, result if isinstance(result, list) else None)

        self.job = (
            QueryOp(draw, parent=self, token=token, lane=Lane.PAPERS)
            .progress(self.task.step)
            .success(drawn)
            .failure(lambda exc: self._failed(generation, exc))
            .cancelled(lambda: self._stopped(generation))
            .run()
        )
        self.task.start(self.job)

    def _remove_folder(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None

    def cancel_drawing(self) -> None:
        """中止: the paper stops at its next step; the preview of the choice before stays."""
        self.task.cancel()

    def _finish_job(self) -> bool:
        """The drawing ended: False when the window closed meanwhile; a waiting change is drawn next."""
        self._busy = False
        self.job = None
        if self._closed:
            self._let_go()
            return False
        self.task.finish()
        if self._again:
            self._again = False
            self.build()
            return False
        return True

    def _drawn(self, generation: int, path: Path, warning: str, found: Sequence[str] | None) -> None:
        if not self._finish_job() or generation != self._generation:
            path.unlink(missing_ok=True)
            return
        if found:
            self.warning.show_message(unprintable_warning(found))
        elif warning:
            self.warning.show_message(warning)
        else:
            self.warning.clear()
        old = self.pdf_path
        log.debug("collected after drawing in %.0f ms", collect_now())  # before the preview loads
        n = self.page_controls.load(self.pdf, path)  # a long paper a page at a time
        self.pdf_path = path
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        self.pages_label.setText(tr("全%nページ", "", n))
        self.status.setText(self.page_controls.status_text())
        self._set_ready(True)
        self._show_zoom()
        self.built.emit(str(path))

    def _stopped(self, generation: int) -> None:
        if not self._finish_job() or generation != self._generation:
            return
        self.status.setText(tr("PDFを作るのを中止しました。選び直すと、もう一度作ります。"))
        self._set_ready(self.pdf_path is not None)  # the preview of the choice before, if any

    def _failed(self, generation: int, exc: BaseException) -> None:
        if not self._finish_job() or generation != self._generation:
            return
        self.status.clear()
        if isinstance(exc, DomainError):
            self.show_domain_error(exc)
        elif isinstance(exc, OSError):
            self.error.show_message(save_failed_text())
        else:
            show_error(self, exc, title=tr("PDFを作れませんでした"))

    def _set_ready(self, ready: bool) -> None:
        for b in (self.print_button, self.save_button, self.open_button):
            b.setEnabled(ready)

    def page_count(self) -> int:
        return self.pdf.pageCount()

    def is_busy(self) -> bool:
        return self._busy or self._rebuild.isActive()

    # --- zoom -----------------------------------------------------------------------------------
    def current_zoom(self) -> float:
        """The zoom shown now; under 幅に合わせる, worked out the way QPdfView fits the widest page."""
        if self.view.zoomMode() != QPdfView.ZoomMode.FitToWidth or self.pdf.pageCount() == 0:
            return self.view.zoomFactor()
        # a page at a time: that page (asking every page's size would parse a long paper whole)
        shown = (
            range(self.pdf.pageCount())
            if self.view.pageMode() == QPdfView.PageMode.MultiPage
            else [self.view.pageNavigator().currentPage()]
        )
        widest = max(self.pdf.pagePointSize(i).width() for i in shown)
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(ZOOM_MIN, usable / (widest * self.view.logicalDpiX() / 72))

    def zoom_by(self, factor: float) -> None:
        zoom = min(ZOOM_MAX, max(ZOOM_MIN, self.current_zoom() * factor))
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(zoom)
        self._show_zoom()

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._show_zoom()

    def _show_zoom(self) -> None:
        fitted = self.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
        self.fit_button.setEnabled(not fitted)
        self.zoom_label.setText(
            tr("幅に合わせています")
            if fitted
            else tr("{percent}%").format(percent=round(self.current_zoom() * 100))
        )

    # --- output ---------------------------------------------------------------------------------
    def choose_and_save(self) -> None:
        path = ask_pdf_path(self, self.suggested_name())
        if path:
            self.save_as(path)

    def save_as(self, path: str | Path) -> bool:
        """Copy the previewed PDF to ``path`` (what PDFとして保存 does once a file is chosen)."""
        if self.pdf_path is None:
            return False
        try:
            shutil.copyfile(self.pdf_path, path)
        except OSError:
            self.error.show_message(save_failed_text())
            return False
        self.status.setText(tr("保存しました: {path}").format(path=path))
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.finished_pdf.emit(str(path))
        return True

    def print_with_dialog(self) -> None:
        """印刷…: the system's print dialog on an A4 printer; when accepted, the pages go to ``print_to``."""
        if self.pdf_path is None:
            return
        printer = make_printer(self.suggested_name().removesuffix(".pdf"), self.pdf)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(tr("印刷"))
        dialog.setMinMax(1, self.pdf.pageCount())
        dialog.setOptions(
            QAbstractPrintDialog.PrintDialogOption.PrintPageRange
            | QAbstractPrintDialog.PrintDialogOption.PrintToFile
            | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
            | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
        )
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def print_to(self, printer: QPrinter) -> int:
        """Print the previewed pages the printer's range names, with its copies; returns sheets sent."""
        if self.pdf_path is None:
            return 0
        self.error.clear()
        try:
            sent = print_pdf_pages(self.pdf, self.pdf_path, printer)
        except PrintFailed:
            self.error.show_message(
                tr(
                    "印刷できませんでした。プリンターの電源と接続（ファイルに印刷するときは保存先）を確かめてください。"
                )
            )
            return 0
        if sent == 0:
            self.error.show_message(
                tr("選んだページの範囲に印刷するページがありません。範囲を確かめてください。")
            )
            return 0
        self.status.setText(tr("%n枚をプリンターに送りました。", "", sent))
        self.printed.emit(sent)
        return sent

    def open_pdf(self) -> bool:
        """Open the PDF in the system's viewer; where there is none, say so and offer 保存…."""
        if self.pdf_path is None:
            return False
        return open_pdf_or_offer_save(self, self.pdf_path, self.choose_and_save)

    # --- closing --------------------------------------------------------------------------------
    def done(self, result: int) -> None:
        """Every way of closing (閉じる, Esc, the window's ×) ends here: stop the drawing, drop temporary files."""
        self._closed = True
        self._rebuild.stop()
        if self.job is not None:
            self.job.cancel()  # stops at its next flowable and leaves no file
        self.pdf.close()
        # the preview's drawn pages are freed with the document; give the heap they took back (a 1,000-page
        # 議案書 scrolled through kept ~70 MB resident after its window closed)
        heap.trim_heap()
        self.pdf_path = None
        super().done(result)
        if not self._busy:  # else once the drawing has stopped (it may be writing into the folder)
            self._let_go()

    def _let_go(self) -> None:
        """Closed and not drawing: drop the temporary files and the window itself. Left as a hidden child of
        its page, every print window opened kept ~2 MB for the rest of the session."""
        self._remove_folder()
        self.deleteLater()
