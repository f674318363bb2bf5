"""Labels that follow the text size: a page title and quiet secondary text."""

from __future__ import annotations

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
