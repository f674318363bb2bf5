"""The main window never opens larger than the screen's available area (a 1366×768 laptop), whether at its
default size or at a size remembered from a larger screen."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QRect
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.screen_fit import fit_rect

LAPTOP = QRect(0, 0, 1366, 768 - 40)  # a 1366×768 screen less a 40-pixel task bar
FRAME = QMargins(8, 32, 8, 8)


def test_a_window_larger_than_the_laptop_is_shrunk_and_kept_inside() -> None:
    fitted = fit_rect(QRect(100, 100, 1200, 800), LAPTOP, FRAME)
    assert fitted.size().width() == 1200 and fitted.height() == 728 - 40
    outer = fitted.marginsAdded(FRAME)
    assert LAPTOP.contains(outer), outer


def test_a_window_remembered_on_a_larger_screen_comes_back_onto_the_laptop() -> None:
    fitted = fit_rect(QRect(1900, 1000, 1800, 1000), LAPTOP, FRAME)
    assert LAPTOP.contains(fitted.marginsAdded(FRAME))
    assert fitted.width() == 1366 - 16


def test_a_window_that_fits_is_left_alone() -> None:
    rect = QRect(50, 60, 1000, 600)
    assert fit_rect(rect, LAPTOP, FRAME) == rect


def _inside_screen(window: MainWindow) -> None:
    """Inside the available area — in width down to the window's own minimum (the offscreen test screen is
    800 wide, narrower than any laptop; the 1366-wide case runs in ``test_laptop_screen.py``)."""
    area = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    outer = window.frameGeometry()
    assert area.top() <= outer.top() and outer.bottom() <= area.bottom(), (outer, area)
    assert window.height() <= area.height()
    assert window.width() <= max(area.width(), window.minimumSizeHint().width())
    assert outer.left() >= area.left()


def test_the_main_window_opens_inside_the_screen(qtbot: QtBot, ctx: AppContext) -> None:
    # The offscreen test screen (800×800) is smaller than the window's default 1200×800, like a small laptop.
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.width() < 1200 and area.height() <= 800
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _inside_screen(window)


def test_a_size_remembered_from_a_larger_screen_is_clamped(qtbot: QtBot, ctx: AppContext) -> None:
    big = MainWindow(ctx)
    qtbot.addWidget(big)
    big.setGeometry(300, 200, 1900, 1150)  # as saved on the town hall's large monitor
    big.save_state()
    big.close()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    _inside_screen(window)


def test_a_window_sized_in_characters_stays_inside_the_screen_at_xlarge(qtbot: QtBot) -> None:
    """``text_sized``: a window asking for more characters than the screen holds at 特大 gets the screen's
    available area less the window frame (the meeting editor, 保存履歴 and others opened larger than a laptop)."""
    from PySide6.QtWidgets import QWidget

    from sakae_council.gui.screen_fit import GUESSED_FRAME, text_sized
    from sakae_council.gui.text_size import TextSize, apply_text_size

    apply_text_size(TextSize.XLARGE)
    widget = QWidget()
    qtbot.addWidget(widget)
    area = (widget.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    huge = text_sized(widget, 200, 200)
    assert huge == area.size().shrunkBy(GUESSED_FRAME)
    small = text_sized(widget, 10, 5)
    em = widget.fontMetrics().horizontalAdvance("あ")
    assert small.width() == 10 * em and em >= 20  # at 特大 a character is wider than at 中 (16 px)
