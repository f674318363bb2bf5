"""Windows that fit the screen they open on: never larger than its available area (a 1366×768 laptop).

``fit_rect`` is the rule (pure geometry); ``fit_to_screen`` applies it to a top-level window, for a size
remembered on a larger screen as for the default size.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

#: The window manager's frame around a window not shown yet (title bar and borders), so that the frame
#: too stays on the screen. Once shown, the real frame is measured.
GUESSED_FRAME = QMargins(8, 32, 8, 8)


def fit_rect(window: QRect, area: QRect, frame: QMargins = GUESSED_FRAME) -> QRect:
    """``window`` (the inside of a window) made to fit, frame included, in ``area``: shrunk where it is
    larger, then moved inside where it sticks out. A window that fits already is left as it is."""
    room = QSize(
        max(area.width() - frame.left() - frame.right(), 1),
        max(area.height() - frame.top() - frame.bottom(), 1),
    )
    size = window.size().boundedTo(room)
    left_most = area.left() + frame.left()
    top_most = area.top() + frame.top()
    x = min(max(window.x(), left_most), left_most + room.width() - size.width())
    y = min(max(window.y(), top_most), top_most + room.height() - size.height())
    return QRect(QPoint(x, y), size)


def window_frame(widget: QWidget) -> QMargins:
    """The frame the window manager draws around ``widget`` (guessed before it is shown)."""
    if not widget.isVisible():
        return GUESSED_FRAME
    outer, inner = widget.frameGeometry(), widget.geometry()
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def available_area(widget: QWidget) -> QRect | None:
    """The available area (without task bar and panels) of the screen ``widget`` is on, or the main one."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return None
    return screen.availableGeometry()


def fit_to_screen(widget: QWidget) -> None:
    """Shrink and move the top-level ``widget`` so that it lies inside its screen's available area."""
    area = available_area(widget)
    if area is None or area.isEmpty():
        return
    fitted = fit_rect(widget.geometry(), area, window_frame(widget))
    if fitted != widget.geometry():
        widget.setGeometry(fitted)


def text_sized(widget: QWidget, width_chars: int, height_lines: int) -> QSize:
    """Room for ``width_chars`` full-width characters by ``height_lines`` lines at the current 文字サイズ, within
    the available area of ``widget``'s screen, frame included (a window sized in pixels stays small at 特大;
    one sized in characters alone outgrows a 1280×800 laptop)."""
    metrics = widget.fontMetrics()
    return within_screen(
        widget, QSize(width_chars * metrics.horizontalAdvance("あ"), height_lines * metrics.lineSpacing())
    )


def within_screen(widget: QWidget, size: QSize) -> QSize:
    """``size`` shrunk where it is larger than the available area of ``widget``'s screen, frame included."""
    area = available_area(widget)
    if area is not None and not area.isEmpty():
        size = size.boundedTo(area.size().shrunkBy(GUESSED_FRAME))
    return size
