"""文字サイズ 小/中/大/特大, applied to the whole application through QApplication's font."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


class TextSize(Enum):
    """Body text sizes in points; 中 (12 pt) is comfortable for elderly eyes and is the default."""

    SMALL = ("small", 10.0, QT_TRANSLATE_NOOP("TextSize", "小"))
    MEDIUM = ("medium", 12.0, QT_TRANSLATE_NOOP("TextSize", "中"))
    LARGE = ("large", 15.0, QT_TRANSLATE_NOOP("TextSize", "大"))
    XLARGE = ("xlarge", 18.0, QT_TRANSLATE_NOOP("TextSize", "特大"))

    def __init__(self, code: str, points: float, source_label: str) -> None:
        self.code = code
        self.points = points
        self.source_label = source_label

    @property
    def label(self) -> str:
        """The translated name shown in menus (小, 中, 大, 特大)."""
        return QCoreApplication.translate("TextSize", self.source_label)

    @classmethod
    def from_code(cls, code: object) -> TextSize:
        """The size stored under ``code`` in the settings; 中 for anything unknown."""
        for size in cls:
            if size.code == code:
                return size
        return cls.MEDIUM

    def larger(self) -> TextSize:
        sizes = list(TextSize)
        return sizes[min(sizes.index(self) + 1, len(sizes) - 1)]

    def smaller(self) -> TextSize:
        sizes = list(TextSize)
        return sizes[max(sizes.index(self) - 1, 0)]


class _TextSizeNotifier(QObject):
    """Tells widgets with a size of their own (titles) that the text size changed.

    Qt carries a new application font to ordinary widgets by itself, but a widget whose point size
    is set explicitly must recompute it.
    """

    changed = Signal()


_notifier: _TextSizeNotifier | None = None


def text_size_notifier() -> _TextSizeNotifier:
    global _notifier
    if _notifier is None:
        _notifier = _TextSizeNotifier()
    return _notifier


def apply_text_size(size: TextSize, family: str | None = None) -> None:
    """Set the application font's size (and family); every widget without its own font lays out again."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    font = QFont(app.font())
    if family:
        font.setFamily(family)
    font.setPointSizeF(size.points)
    app.setFont(font)
    text_size_notifier().changed.emit()


def bold_font() -> QFont:
    """A font that only says "bold": size and family still follow the application font."""
    font = QFont()
    font.setBold(True)
    return font


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    """The application font scaled by ``factor`` (for page titles), following the current text size."""
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    return font
