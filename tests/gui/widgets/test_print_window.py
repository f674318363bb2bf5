"""The print window, as a person uses it: the preview shows the paper's pages, a choice draws it again,
「印刷…」 sends the same pages to a printer, 「PDFとして保存…」 copies the PDF, and the window closes by its
button, Esc and the window's close request. The roster's print window starts on the handout (連絡先なし).

The system's QPrintDialog cannot be driven offscreen: where a test needs it, its ``exec`` is patched to
accept after setting up the printer as a person would in it (a PDF file, a page range, copies); the rest
is the real window, clicked and typed into.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QDesktopServices, QImage, QPageRanges, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from gui.waiting import wait_idle
from sakae_council.db.engine import open_database
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.print_roster import PrintRosterDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.gui.settings import app_settings
from sakae_council.gui.widgets.pdf_printing import chosen_pages, paint_pages
from sakae_council.gui.widgets.print_window import PrintWindow

from ..demo_town import demo_town_copy
from ..helpers import TODAY

BUILD_MS = 30000


def pdf_text(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(str(path)).pages]


def click_box(qtbot: QtBot, box: QWidget) -> None:
    """Click a check box on its box (its left end), where a person clicks it."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    wait_idle()


def open_roster_print(qtbot: QtBot, window: MainWindow) -> PrintRosterDialog:
    """名簿 → Ctrl+P, as a person presses it; returns the print window once its preview is drawn."""
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("安食小学校区"))
    wait_idle()
    page = window.show_page("roster")
    wait_idle()
    assert isinstance(page, RosterPage)
    page.search.setFocus()
    QTest.keyClick(page.search, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in page.findChildren(PrintRosterDialog)))  # after a read
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
        wait_idle()
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
    wait_idle()
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
        i.scaledToWidth(150, Qt.TransformationMode.SmoothTransformation).convertToFormat(
            QImage.Format.Format_Grayscale8
        )
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


# --- the demo town: Ctrl+P on every page that has a paper ---------------------------------------------


@pytest.fixture()
def demo_window(qtbot: QtBot, tmp_path_factory: pytest.TempPathFactory, tmp_path: Path, qapp: QApplication):  # type: ignore[no-untyped-def]
    path = demo_town_copy(tmp_path_factory, tmp_path / "demo.db")
    db = open_database(path, create=False, user="テスト担当")
    settings = app_settings()
    family = prepare_application(qapp, settings)
    window = MainWindow(AppContext(db, settings, font_family=family, today=TODAY))
    qtbot.addWidget(window)
    window.resize(1280, 760)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield window
    window.close()
    db.close()


def focus_in(page: QWidget) -> QWidget:
    """A widget of ``page`` that takes the keyboard (the list or search field a person last clicked)."""
    for cls in (QAbstractItemView, QLineEdit):
        for w in page.findChildren(cls):
            if w.isVisible() and w.isEnabled():
                w.setFocus()
                return w
    page.setFocus()
    return page


def select_first_row(qtbot: QtBot, page: QWidget) -> None:
    """Click the first row of the page's list, as a person chooses the meeting or loan to print."""
    table = next(
        t for t in page.findChildren(QAbstractItemView) if t.isVisible() and t.model().rowCount() > 0
    )
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle()
    assert table.selectionModel().selectedRows() or table.selectionModel().selectedIndexes()


CASES = [
    # page key, the print window's class, whether a row must be chosen first
    ("roster", "PrintRosterDialog", False),
    ("meetings", "MeetingPrintDialog", True),
    ("dashboard", "PrintSummaryDialog", False),
    ("indicators", "PrintSummaryDialog", False),
    ("manual", "ManualPrintDialog", False),
    ("equipment", "LoanSlipDialog", True),
]


@pytest.mark.parametrize(("key", "kind", "choose_row"), CASES, ids=[c[0] for c in CASES])
def test_ctrl_p_opens_the_print_window_of_every_page_with_a_paper(
    qtbot: QtBot, demo_window: MainWindow, key: str, kind: str, choose_row: bool
) -> None:
    page = demo_window.show_page(key)
    wait_idle()
    if choose_row:
        select_first_row(qtbot, page)
        target = QApplication.focusWidget()
    else:
        target = focus_in(page)
    assert target is not None
    QTest.keyClick(target, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)  # a print window may open once what it offers is read on the worker
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintWindow) and w.isVisible()]
    assert [type(w).__name__ for w in windows] == [kind]
    dialog = windows[0]
    qtbot.waitUntil(lambda: dialog.page_count() > 0 and not dialog.is_busy(), timeout=60000)
    assert dialog.pages_label.text() == f"全{dialog.page_count()}ページ"
    assert len(PdfReader(str(dialog.pdf_path)).pages) == dialog.page_count()
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_ctrl_p_where_there_is_no_paper_opens_nothing(qtbot: QtBot, demo_window: MainWindow) -> None:
    page = demo_window.show_page("equipment")
    wait_idle()
    table = next(t for t in page.findChildren(QAbstractItemView) if t.isVisible())
    table.clearSelection()
    table.setCurrentIndex(table.model().index(-1, -1))
    wait_idle()
    table.setFocus()
    QTest.keyClick(table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    demo_window.show_page("issues")  # a page without a paper
    wait_idle()
    QTest.keyClick(focus_in(demo_window.current_page()), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    wait_idle(qtbot)
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintWindow) and w.isVisible()]


def test_zoom_buttons_and_fit_width(qtbot: QtBot, roster, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = open_roster_print(qtbot, window)
    assert dialog.zoom_label.text() == "幅に合わせています" and not dialog.fit_button.isEnabled()
    fitted = dialog.current_zoom()
    qtbot.mouseClick(dialog.zoom_in_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.view.zoomFactor() == pytest.approx(fitted * 1.25)
    assert dialog.zoom_label.text() == f"{round(fitted * 125)}%"
    qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.mouseClick(dialog.zoom_out_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.view.zoomFactor() == pytest.approx(fitted / 1.25)
    qtbot.mouseClick(dialog.fit_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.zoom_label.text() == "幅に合わせています"


def test_open_pdf_without_a_viewer_says_so_and_offers_save(
    qtbot: QtBot, roster, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_roster_print(qtbot, window)
    # A computer with no PDF viewer: the system answers False (replaced here, since this one may have one).
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    chosen = tmp_path / "名簿.pdf"
    # ... and the 保存 dialog answered with a file, as a person picks one.
    monkeypatch.setattr(
        "sakae_council.gui.widgets.print_window.ask_pdf_path", lambda _parent, _name: str(chosen)
    )
    seen: list[str] = []

    def press_save() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "pdfViewerMissing"
        seen.append(box.text())
        save = next(b for b in box.buttons() if b.text() == "保存…")
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
        wait_idle()

    QTimer.singleShot(0, press_save)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert seen and "PDFを開くアプリが設定されていません" in seen[0]
    assert chosen.exists() and "保存しました" in dialog.status.text()


def test_keys_in_the_print_window_zoom_and_print(
    qtbot: QtBot, roster, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    dialog = open_roster_print(qtbot, window)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    fitted = dialog.current_zoom()
    QTest.keyClick(dialog.view, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() == pytest.approx(fitted * 1.25)
    QTest.keyClick(dialog.view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomFactor() == pytest.approx(fitted)
    printed = tmp_path / "printed.pdf"

    def to_pdf_file(printer: QPrinter) -> None:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))

    accept_print_dialog(monkeypatch, to_pdf_file)
    with qtbot.waitSignal(dialog.printed, timeout=5000):
        QTest.keyClick(dialog.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(PdfReader(str(printed)).pages) == dialog.page_count()


def test_closing_the_window_lets_its_preview_go_and_gives_the_memory_back(
    qtbot: QtBot,
    roster,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    from sakae_council import heap

    dialog = open_roster_print(qtbot, window)
    path = dialog.pdf_path
    assert path is not None and path.exists()
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the preview draws the last pages too
    wait_idle()
    trims: list[int] = []
    real = heap.trim_heap
    monkeypatch.setattr(heap, "trim_heap", lambda: (trims.append(1), real())[-1])
    pdf = dialog.pdf
    states: list[QPdfDocument.Status] = []
    pdf.statusChanged.connect(states.append)

    dialog.windowHandle().close()  # the window's ×
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()

    assert states[-1] == QPdfDocument.Status.Null  # the preview's document closed first
    assert trims  # the heap the preview's pages took is given back, not kept for the session
    assert not path.exists()
    # and the window itself is deleted: left as a hidden child of its page, each kept ~2 MB for the session
    assert not isValid(dialog) and not window.findChildren(PrintWindow)


def test_the_paper_s_data_is_let_go_before_its_preview_loads(qtbot: QtBot, tmp_path: Path) -> None:
    """What a paper read (a town's roster at stress: ~40 MB) is not held while the preview of its PDF loads
    (a 5,300-page preview takes ~40 MB more): it goes as soon as the PDF is drawn."""
    import weakref

    class Data:
        pass

    read: list[weakref.ref[Data]] = []
    alive_at_preview: list[bool] = []

    def collect() -> Data:
        data = Data()
        read.append(weakref.ref(data))
        return data

    dialog = _window(lambda _data, path: _draw_pages(path, 1), collect)  # closed, it deletes itself
    dialog.built.connect(lambda _path: alive_at_preview.append(read[-1]() is not None))
    dialog.show()
    with qtbot.waitSignal(dialog.built, timeout=10_000):
        dialog.build()
    assert dialog.page_count() == 1
    assert alive_at_preview == [False]
    dialog.windowHandle().close()
    qtbot.waitUntil(lambda: not isValid(dialog))


def _draw_pages(path: Path, pages: int) -> None:
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path))
    for n in range(1, pages + 1):
        canvas.drawString(72, 720, f"page {n}")
        canvas.showPage()
    canvas.save()


def _window(draw: Callable[[Any, Path], object], collect: Callable[[], Any] = lambda: None) -> PrintWindow:
    """A print window of a test paper (not qtbot.addWidget: closed, it deletes itself)."""
    from sakae_council.gui.widgets.print_window import Paper

    class Window(PrintWindow):
        def suggested_name(self) -> str:
            return "x.pdf"

        def paper(self) -> Paper:
            return Paper(collect, draw)

    return Window("テスト")


def _pages_window(pages: int) -> PrintWindow:
    window = _window(lambda _data, path: _draw_pages(path, pages))
    window.build()
    return window


def test_a_long_paper_is_previewed_a_page_at_a_time_and_moved_through_by_keys_and_buttons(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 5,300-page roster laid out whole for the preview parsed every page (~35 MB): a paper longer than
    LONG_PAPER_PAGES shows one page, and 「次 ▶」, 「◀ 前」, a page number typed and Ctrl+PageDown move."""
    from PySide6.QtPdfWidgets import QPdfView

    from sakae_council.gui.widgets import preview_pages

    monkeypatch.setattr(preview_pages, "LONG_PAPER_PAGES", 4)
    dialog = _pages_window(6)  # not qtbot.addWidget: closed, it deletes itself
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None, timeout=10_000)
    controls, navigator = dialog.page_controls, dialog.view.pageNavigator()
    assert dialog.view.pageMode() == QPdfView.PageMode.SinglePage
    assert "1ページずつ" in dialog.status.text() and dialog.pages_label.text() == "全6ページ"
    assert controls.current() == 1 and not controls.previous_button.isEnabled()

    qtbot.mouseClick(controls.next_button, Qt.MouseButton.LeftButton)
    assert navigator.currentPage() == 1 and controls.current() == 2
    controls.box.selectAll()
    qtbot.keyClicks(controls.box, "6")
    QTest.keyClick(controls.box, Qt.Key.Key_Return)
    assert navigator.currentPage() == 5 and not controls.next_button.isEnabled()
    qtbot.mouseClick(controls.previous_button, Qt.MouseButton.LeftButton)
    assert navigator.currentPage() == 4
    dialog.view.setFocus()
    QTest.keyClick(dialog.view, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert navigator.currentPage() == 3 and controls.current() == 4
    dialog.windowHandle().close()
    qtbot.waitUntil(lambda: not isValid(dialog))


def test_a_short_paper_scrolls_through_every_page_and_the_number_follows(qtbot: QtBot) -> None:
    from PySide6.QtPdfWidgets import QPdfView

    dialog = _pages_window(3)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pdf_path is not None, timeout=10_000)
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert "1ページずつ" not in dialog.status.text()
    bar = dialog.view.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled to the end: the last page is the one in view
    qtbot.waitUntil(lambda: dialog.page_controls.current() == 3)
    qtbot.mouseClick(dialog.page_controls.previous_button, Qt.MouseButton.LeftButton)
    assert dialog.view.pageNavigator().currentPage() == 1 and bar.value() < bar.maximum()
    dialog.windowHandle().close()
    qtbot.waitUntil(lambda: not isValid(dialog))


def test_what_the_drawing_left_in_cycles_is_collected_before_the_preview_loads(qtbot: QtBot) -> None:
    """Collection is held off while the workers work: the garbage a long paper leaves in reference cycles
    (a 5,300-page roster: ~15 MB) is collected once it is drawn, so the preview and the next papers reuse
    that memory instead of adding to it."""
    import gc
    import weakref

    class Node:
        pass

    left: list[weakref.ref[Node]] = []
    alive_at_preview: list[bool] = []

    def draw(_data: object, path: Path) -> None:
        a, b = Node(), Node()
        a.other, b.other = b, a  # type: ignore[attr-defined]  # a cycle only the collector frees
        left.append(weakref.ref(a))
        _draw_pages(path, 1)

    gc.collect()
    dialog = _window(draw)
    dialog.built.connect(lambda _path: alive_at_preview.append(left[-1]() is not None))
    dialog.show()
    threshold = gc.get_threshold()
    gc.set_threshold(1_000_000, 1_000, 1_000)  # no collection by the thresholds meanwhile
    try:
        with qtbot.waitSignal(dialog.built, timeout=10_000):
            dialog.build()
    finally:
        gc.set_threshold(*threshold)
    assert alive_at_preview == [False]
    dialog.windowHandle().close()
    qtbot.waitUntil(lambda: not isValid(dialog))
