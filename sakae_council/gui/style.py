"""A style whose check boxes, radio buttons and small icons grow with the text size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

_SCALED = {
    m.value
    for m in (
        QStyle.PixelMetric.PM_IndicatorWidth,
        QStyle.PixelMetric.PM_IndicatorHeight,
        QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
        QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
        QStyle.PixelMetric.PM_SmallIconSize,
        QStyle.PixelMetric.PM_ListViewIconSize,
    )
}
_TALLER = {
    c.value
    for c in (
        QStyle.ContentsType.CT_LineEdit,
        QStyle.ContentsType.CT_ComboBox,
        QStyle.ContentsType.CT_PushButton,
    )
}


def _code(value: object) -> int:
    # Qt hands virtual overrides plain ints for these enums; calls from Python pass enum members.
    return int(getattr(value, "value", value))  # type: ignore[call-overload]


class ScalingStyle(QProxyStyle):
    """Fusion, with indicators about as tall as a capital letter of the current text size."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if _code(metric) in _SCALED:
            font = widget.font() if widget is not None else QApplication.font()
            return max(base, int(QFontMetrics(font).height() * 0.8))
        return base

    def sizeFromContents(
        self,
        kind: QStyle.ContentsType,
        option: QStyleOption | None,
        size: QSize,
        widget: QWidget | None = None,
    ) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if _code(kind) in _TALLER:
            # BIZ UD fonts draw Latin descenders (p, j, g) below the font's stated descent: add room.
            font = widget.font() if widget is not None else QApplication.font()
            result.setHeight(result.height() + max(4, QFontMetrics(font).height() // 4))
        return result


#: Colours changed from Fusion's standard palette so every text meets WCAG AA (4.5:1) on its background
#: (tests/gui/test_accessibility.py computes the ratios): Fusion's selection blue gives white text only
#: 3.7:1, its placeholder (half-transparent black) 4.0:1, and its greyed-out text 1.6:1 — unreadable
#: for elderly eyes even where WCAG excuses disabled controls.
PALETTE_OVERRIDES: dict[QPalette.ColorRole, tuple[str, str]] = {
    # role: (active/inactive colour, disabled colour)
    QPalette.ColorRole.Highlight: ("#1F5F99", "#6F6F6F"),
    QPalette.ColorRole.HighlightedText: ("#FFFFFF", "#FFFFFF"),
    QPalette.ColorRole.PlaceholderText: ("#5F5F5F", "#6F6F6F"),
    QPalette.ColorRole.Link: ("#0645AD", "#6F6F6F"),
    QPalette.ColorRole.LinkVisited: ("#5A2D91", "#6F6F6F"),
}
DISABLED_TEXT = "#767676"


def accessible_palette(base: QPalette) -> QPalette:
    """``base`` (Fusion's standard palette) with the colours above."""
    # not QPalette(base): its overloads build the whole Qt namespace (main_window.PAGE_KEY_ROLE); not
    # copy.copy: the copy module is one more import before the first paint
    pal = base.__copy__()
    for role, (normal, disabled) in PALETTE_OVERRIDES.items():
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            pal.setColor(group, role, QColor(normal))
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(DISABLED_TEXT))
    return pal


def install_style(app: QApplication) -> None:
    style = ScalingStyle("Fusion")
    app.setStyle(style)
    # One light palette everywhere (not the OS theme's): the status colours are made for it.
    app.setPalette(accessible_palette(style.standardPalette()))
