"""The print window, as a person uses it: the preview shows the paper's pages, a choice draws it again,
「印刷…」 sends the same pages to a printer, 「PDFとして保存…」 copies the PDF, and the window closes by its
button, Esc and the window's close request. The roster's print window starts on the handout (連絡先なし).

The system's QPrintDialog cannot be driven offscreen: where a test needs it, its ``exec`` is patched to
accept after setting up the printer as a person would in it (a PDF file, a page range, copies); the rest
is the real window, clicked and typed into.
"""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QEvent, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QDesktopServices, QImage, QPageRanges, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.gui.dialogs.print_roster import PrintRosterDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.gui.widgets.pdf_printing import chosen_pages, paint_pages
from sakae_council.gui.widgets.print_window import PrintWindow

BUILD_MS = 30000


def pdf_text(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def click_box(qtbot: QtBot, box: QWidget) -> None:
    """Click a check box on its box (its left end), where a person clicks it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def open_roster_print(qtbot: QtBot, window: MainWindow) -> PrintRosterDialog:
    """名簿 → Ctrl+P, as a person presses it; returns the print window once its preview is drawn."""
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("安食小学校区"))
    page = window.show_page("roster")
    assert isinstance(page, RosterPage)
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = next(d for d in page.findChildren(PrintRosterDialog) if d.isVisible())
    qtbot.waitUntil(lambda: dialog.page_count() > 0 and not dialog.is_busy(), timeout=BUILD_MS)
    return dialog


def test_roster_prints_the_handout_unless_contacts_are_chosen(
    qtbot: QtBot, roster, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_roster_print(qtbot, window)
    assert dialog.district.currentText() == "安食小学校区"
    assert not dialog.contacts.isChecked()  # the handout is the default
    assert dialog.suggested_name() == "名簿_安食小学校区_令和8年11月28日_配布用.pdf"
    handout = tmp_path / "handout.pdf"
    assert dialog.save_as(handout)
    text = "\n".join(pdf_text(handout))
    assert all(n in text for n in ("相川 健", "𠮷田 次郎", "渡辺 花子"))
    assert "0476-95-1111" not in text and "取扱注意" not in text
    assert dialog.page_count() == len(PdfReader(str(handout)).pages)
    assert dialog.pages_label.text() == f"全{dialog.page_count()}ページ"

    # Ticking 連絡先 on purpose draws the preview again, now with the phone number and the header.
    first = dialog.pdf_path
    with qtbot.waitSignal(dialog.built, timeout=BUILD_MS):
        click_box(qtbot, dialog.contacts)
    assert dialog.contacts.isChecked() and dialog.pdf_path != first
    assert dialog.suggested_name().endswith("_連絡先あり.pdf")
    full = tmp_path / "contacts.pdf"
    assert dialog.save_as(full)
    pages = pdf_text(full)
    assert "0476-95-1111" in "\n".join(pages)
    assert all("取扱注意・連絡先あり" in p for p in pages)  # on every page, in the header
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def accept_print_dialog(monkeypatch: pytest.MonkeyPatch, setup) -> list[QPrinter]:  # type: ignore[no-untyped-def]
    """QPrintDialog.exec, which cannot be driven offscreen, replaced by: the person sets the printer up
    (``setup(printer)``) and presses 印刷. Returns the printers the window handed to the dialog."""
    seen: list[QPrinter] = []

    def exec_(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        seen.append(printer)
        setup(printer)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    return seen


def test_print_button_prints_the_same_pages_as_save(
    qtbot: QtBot, roster, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_roster_print(qtbot, window)
    saved = tmp_path / "saved.pdf"
    assert dialog.save_as(saved)
    printed = tmp_path / "printed.pdf"

    def to_pdf_file(printer: QPrinter) -> None:  # the print dialog's "Print to File (PDF)"
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))

    printers = accept_print_dialog(monkeypatch, to_pdf_file)
    with qtbot.waitSignal(dialog.printed, timeout=5000) as sent:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printers[0].pageLayout().pageSize().id() == printers[0].pageLayout().pageSize().PageSizeId.A4
    assert sent.args == [dialog.page_count()]
    assert pdf_text(printed) == pdf_text(saved)
    assert "プリンターに送りました" in dialog.status.text()


def test_page_range_and_copies_are_honoured(
    qtbot: QtBot, roster, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_roster_print(qtbot, window)
    saved = tmp_path / "saved.pdf"
    assert dialog.save_as(saved)
    printed = tmp_path / "printed.pdf"

    def page_one_twice(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        printer.setPrintRange(QPrinter.PrintRange.PageRange)
        ranges = QPageRanges()
        ranges.addPage(1)
        printer.setPageRanges(ranges)
        printer.setCopyCount(2)

    accept_print_dialog(monkeypatch, page_one_twice)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    first = pdf_text(saved)[0]
    assert pdf_text(printed) == [first, first]


def render(doc: QPdfDocument, page: int, width: int) -> QImage:
    """The page as a person sees it on paper: grey levels over white (the render itself is transparent)."""
    size = doc.pagePointSize(page)
    image = doc.render(page, QSize(width, round(width * size.height() / size.width())))
    paper = QImage(image.size(), QImage.Format.Format_RGB32)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    return paper.convertToFormat(QImage.Format.Format_Grayscale8)


def likeness(a: QImage, b: QImage) -> float:
    """Correlation of the grey levels of two pages shrunk to 150 px wide: 1.0 the same page, near 0 unrelated."""
    grey = [
        i.scaledToWidth(150, Qt.TransformationMode.SmoothTransformation).convertToFormat(QImage.Format.Format_Grayscale8)
        for i in (a, b)
    ]
    w, h = min(g.width() for g in grey), min(g.height() for g in grey)
    xs, ys = ([g.pixelColor(x, y).value() for x in range(w) for y in range(h)] for g in grey)
    return statistics.correlation(xs, ys)


def test_a_printer_gets_each_page_rendered_at_its_resolution(
    qtbot: QtBot, roster, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """What a real printer receives: each page rendered and painted onto the QPrinter. A PDF printer
    records those sheets, so they can be read back: same count, each looks like the page it came from."""
    dialog = open_roster_print(qtbot, window)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheets.pdf"))
    printer.setFullPage(True)
    n = dialog.page_count()
    assert paint_pages(dialog.pdf, list(range(n)), printer) == n
    sheets = QPdfDocument(None)
    sheets.load(str(tmp_path / "sheets.pdf"))
    assert sheets.pageCount() == n
    for i in range(n):
        original, sheet = render(dialog.pdf, i, 400), render(sheets, i, 400)
        assert likeness(original, sheet) > 0.9, i  # the same page, where it belongs on the sheet
    # ... and the measure tells a page from the same page set 1 cm lower on the sheet
    original = render(dialog.pdf, 0, 400)
    assert likeness(original, original.copy(0, -47, original.width(), original.height())) < 0.5
    sheets.close()


def test_chosen_pages_reads_the_dialogs_range() -> None:
    printer = QPrinter()
    assert chosen_pages(printer, 3) == [0, 1, 2]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addRange(2, 3)
    printer.setPageRanges(ranges)
    assert chosen_pages(printer, 5) == [1, 2]
