"""``show_in_window``: put shared widgets into a shown, active window that lives until the test ends.

(pytest-qt keeps only a weak reference to the widgets it is given: a window made in a helper and not
kept would be deleted, with the widgets in it, as soon as the helper returns.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot


@pytest.fixture()
def show_in_window(qtbot: QtBot) -> Iterator[Callable[..., QWidget]]:
    kept: list[QWidget] = []

    def show(*widgets: QWidget, width: int = 700, height: int = 400) -> QWidget:
        host = QWidget()
        qtbot.addWidget(host)
        layout = QVBoxLayout(host)
        for w in widgets:
            layout.addWidget(w)
        host.resize(width, height)
        host.show()
        qtbot.waitExposed(host)
        host.activateWindow()
        kept.append(host)
        return host

    yield show
    kept.clear()
