"""Labels that follow the text size: a page title and quiet secondary text."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

from sakae_council.gui.palette import MUTED_TEXT, set_text_colour
from sakae_council.gui.text_size import scaled_font, text_size_notifier


class TitleLabel(QLabel):
    """A page or section title: bold, a step larger than body text, rescaled when the text size changes."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, factor: float = 1.35) -> None:
        super().__init__(text, parent)
        self._factor = factor
        self._apply()
        text_size_notifier().changed.connect(self._apply)

    def _apply(self) -> None:
        self.setFont(scaled_font(self._factor, bold=True))


class MutedLabel(QLabel):
    """Secondary text (counts, hints) in a quieter colour, at body size."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        set_text_colour(self, MUTED_TEXT)
        self.setWordWrap(True)


class ElidedLabel(QLabel):
    """One line that shortens itself in the middle (…) to fit, with the whole text as its tooltip.

    For long file paths in the status bar: the start and the file name stay readable.
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(80)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def _elide(self) -> None:
        width = max(self.width() - 4, 20)
        metrics = self.fontMetrics()
        # Not shown yet (the window being built before its first paint) or it fits: the whole text, and no
        # Qt enum named (see gui/main_window.PAGE_KEY_ROLE); showing and every resize shorten it again.
        if not self.isVisible() or metrics.horizontalAdvance(self._full) <= width:
            super().setText(self._full)
            return
        from PySide6.QtCore import Qt  # only now: see gui/main_window.PAGE_KEY_ROLE

        super().setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, width))

    def sizeHint(self) -> QSize:
        # Ask for room for the shown (possibly shortened) text only, so a long path never widens the window.
        hint = super().sizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance(self._full) + 8), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(80, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()
