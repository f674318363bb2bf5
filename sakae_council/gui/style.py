"""A style whose check boxes, radio buttons and small icons grow with the text size."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QFontMetrics
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
    for c in (QStyle.ContentsType.CT_LineEdit, QStyle.ContentsType.CT_ComboBox, QStyle.ContentsType.CT_PushButton)
}


def _code(value: object) -> int:
    # Qt hands virtual overrides plain ints for these enums; calls from Python pass enum members.
    return int(getattr(value, "value", value))  # type: ignore[call-overload]


class ScalingStyle(QProxyStyle):
    """Fusion, with indicators about as tall as a capital letter of the current text size."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None) -> int:
        base = super().pixelMetric(metric, option, widget)
        if _code(metric) in _SCALED:
            font = widget.font() if widget is not None else QApplication.font()
            return max(base, int(QFontMetrics(font).height() * 0.8))
        return base



    def sizeFromContents(
        self, kind: QStyle.ContentsType, option: QStyleOption | None, size: QSize, widget: QWidget | None = None
    ) -> QSize:
        result = super().sizeFromContents(kind, option, size, widget)  # type: ignore[arg-type]
        if _code(kind) in _TALLER:
            # BIZ UD fonts draw Latin descenders (p, j, g) below the font's stated descent: add room.
            font = widget.font() if widget is not None else QApplication.font()
            result.setHeight(result.height() + max(4, QFontMetrics(font).height() // 4))
        return result


def install_style(app: QApplication) -> None:
    app.setStyle(ScalingStyle("Fusion"))
