"""Send the pages of a finished PDF to a printer: the one place the program talks to QPrinter.

``make_printer`` prepares an A4 printer for a document, ``chosen_pages`` reads the page range the user
picked in QPrintDialog, and ``print_pdf_pages`` prints those pages (and copies) of a loaded
``QPdfDocument``:

* to a real printer, each page is rendered with ``QPdfDocument.render`` at the printer's resolution
  (at most ``PRINT_DPI``) and painted onto the ``QPrinter`` with ``QPainter``;
* when the user chose to print into a PDF file (the print dialog's "Print to File (PDF)"), the chosen
  pages of the PDF itself are copied into that file with pypdf, so the file keeps its text and stays
  sharp instead of becoming page-sized pictures.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter

#: Highest resolution pages are rendered at for a printer: an A4 page at 600 dpi is a 140 MB picture,
#: at 300 dpi 35 MB, which town laptops hold and which prints sharp text.
PRINT_DPI = 300


class PrintFailed(Exception):
    """The printer could not be opened or the file could not be written."""


def make_printer(doc_name: str, pdf: QPdfDocument) -> QPrinter:
    """A high-resolution A4 printer named ``doc_name``, turned the way the PDF's first page is."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(doc_name)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    if pdf.pageCount() > 0:
        size = pdf.pagePointSize(0)
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
    # The PDF carries its own margins: paint on the whole sheet instead of shrinking into the printer's.
    printer.setFullPage(True)
    return printer


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages the print dialog's range names (every page when no range was chosen)."""
    ranges = printer.pageRanges()
    if printer.printRange() != QPrinter.PrintRange.PageRange or ranges.isEmpty():
        return list(range(count))
    return [i for i in range(count) if ranges.contains(i + 1)]


def copy_order(pages: Sequence[int], copies: int, collate: bool) -> list[int]:
    """Pages in printing order for ``copies`` copies: 1,2,3,1,2,3 collated, 1,1,2,2,3,3 not."""
    copies = max(1, copies)
    if collate:
        return [p for _ in range(copies) for p in pages]
    return [p for p in pages for _ in range(copies)]


def print_pdf_pages(pdf: QPdfDocument, source: Path, printer: QPrinter) -> int:
    """Print the chosen pages of ``pdf`` (loaded from ``source``) to ``printer``; returns sheets sent."""
    pages = chosen_pages(printer, pdf.pageCount())
    if not pages:
        return 0
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and printer.outputFileName():
        order = copy_order(pages, printer.copyCount(), printer.collateCopies())
        return write_pdf_pages(source, order, Path(printer.outputFileName()))
    # A printer that makes copies itself (CUPS, Windows) is told the count by Qt; others get each sheet.
    copies = 1 if printer.supportsMultipleCopies() else printer.copyCount()
    return paint_pages(pdf, copy_order(pages, copies, printer.collateCopies()), printer)


def write_pdf_pages(source: Path, order: Sequence[int], target: Path) -> int:
    """Copy pages ``order`` (0-based, repeats allowed) of the PDF ``source`` into ``target``."""
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(str(source))
    writer = PdfWriter()
    for i in order:
        writer.add_page(reader.pages[i])
    try:
        with open(target, "wb") as out:
            writer.write(out)
    except OSError as exc:
        raise PrintFailed(str(exc)) from exc
    return len(order)


def paint_pages(pdf: QPdfDocument, order: Sequence[int], printer: QPrinter) -> int:
    """Render each page in ``order`` at the printer's resolution and paint it onto the printer's sheet."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintFailed("QPainter.begin failed")
    dpi = min(printer.resolution(), PRINT_DPI)
    sent = 0
    try:
        for i in order:
            if sent:
                printer.newPage()
            points = pdf.pagePointSize(i)
            image = pdf.render(i, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            target = painter.viewport()
            size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.save()
            painter.setViewport(target.x(), target.y(), size.width(), size.height())
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.restore()
            sent += 1
    finally:
        painter.end()
    return sent
