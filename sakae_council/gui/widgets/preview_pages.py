"""The print window's page controls, and how its preview lays out a long paper.

A preview of every page at once (QPdfView's MultiPage) asks the PDF for the size of each page when it is
loaded: for a 5,300-page roster that parsed every page (~35 MB and a second and a half). A paper longer
than :data:`LONG_PAPER_PAGES` is therefore shown a page at a time; the controls (「◀ 前」 [ページ番号]
「次 ▶」, Ctrl+PageUp / Ctrl+PageDown) move through it, and in a scrolled preview they follow the page
in view and jump to a page typed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QSizePolicy, QSpinBox, QWidget

#: Longer papers are previewed a page at a time (see the module docstring).
LONG_PAPER_PAGES = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("PageControls", text)


def page_mode_for(pages: int) -> QPdfView.PageMode:
    """Every page scrolled through, or one page at a time for a long paper."""
    return QPdfView.PageMode.SinglePage if pages > LONG_PAPER_PAGES else QPdfView.PageMode.MultiPage


class PageControls(QWidget):
    """「◀ 前」 [ page ] 「次 ▶」 for a QPdfView: shows the page in view, goes to the page typed or stepped."""

    def __init__(self, view: QPdfView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.box = QSpinBox(self)
        self.box.setObjectName("pageBox")
        self.box.setAccessibleName(tr("表示するページ"))
        self.box.setToolTip(tr("ページ番号を入れてEnterで、そのページを表示します"))
        self.box.setKeyboardTracking(False)  # a page number typed goes on Enter, not at each digit
        self.previous_button = QPushButton(tr("◀ 前"), self)
        self.previous_button.setObjectName("previousPage")
        self.previous_button.setToolTip(tr("前のページ (Ctrl+PageUp)"))
        self.next_button = QPushButton(tr("次 ▶"), self)
        self.next_button.setObjectName("nextPage")
        self.next_button.setToolTip(tr("次のページ (Ctrl+PageDown)"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (self.previous_button, self.box, self.next_button):
            if isinstance(w, QPushButton):
                w.setAutoDefault(False)
                # never squeezed below their text at 特大 (a crowded row takes it from its stretch instead)
                w.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            layout.addWidget(w)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.box.valueChanged.connect(self._go)
        view.pageNavigator().currentPageChanged.connect(self._follow)
        self.show_pages(0)

    def load(self, pdf: QPdfDocument, path: Path) -> int:
        """Load ``path`` into the view's ``pdf`` laid out for its length (see the module docstring): loaded
        while the view shows one page, so a long paper is never laid out whole; returns its pages."""
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        pdf.load(str(path))
        pages = pdf.pageCount()
        self.view.setPageMode(page_mode_for(pages))
        self.show_pages(pages)
        return pages

    def status_text(self) -> str:
        """What the status line says of the preview shown."""
        if self.view.pageMode() == QPdfView.PageMode.MultiPage:
            return tr("プレビューを表示しています。内容を確かめてから印刷してください。")
        return tr(
            "ページが多いので、1ページずつ表示しています。「次 ▶」やページ番号で移ります。"
            "内容を確かめてから印刷してください。"
        )

    def show_pages(self, pages: int) -> None:
        """A paper of ``pages`` pages is shown, from its first page."""
        self.box.blockSignals(True)
        self.box.setRange(1, max(1, pages))
        self.box.setValue(1)
        self.box.blockSignals(False)
        self.setEnabled(pages > 1)
        self._buttons()

    def current(self) -> int:
        """The page shown (1-based)."""
        return self.box.value()

    def step(self, by: int) -> None:
        self.box.setValue(self.box.value() + by)  # goes there (valueChanged)

    def _go(self, page: int) -> None:
        navigator = self.view.pageNavigator()
        if navigator.currentPage() != page - 1:
            navigator.jump(page - 1, QPointF(), navigator.currentZoom())
        self._buttons()

    def _follow(self, index: int) -> None:
        """The page in view changed (scrolled to, or jumped): the number says so."""
        self.box.blockSignals(True)
        self.box.setValue(index + 1)
        self.box.blockSignals(False)
        self._buttons()

    def _buttons(self) -> None:
        self.previous_button.setEnabled(self.box.value() > self.box.minimum())
        self.next_button.setEnabled(self.box.value() < self.box.maximum())
