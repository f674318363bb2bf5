"""Ctrl+P on a page or editor that has a paper: the system's 印刷 key presses its print button.

Kept apart from ``print_window`` so that a page gets the key without loading QtPdf before it prints.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QWidget


def add_print_action(widget: QWidget, button: QAbstractButton) -> QAction:
    """Ctrl+P (the system's 印刷 key) anywhere in ``widget`` presses its print ``button`` — only while the
    button is shown and enabled, so the key does nothing where there is no paper to print."""
    action = QAction(QCoreApplication.translate("PrintWindow", "印刷…"), widget)
    action.setObjectName("printAction")
    action.setShortcut(QKeySequence.StandardKey.Print)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def press(_checked: bool = False) -> None:
        if button.isEnabled() and button.isVisibleTo(widget):
            button.click()

    action.triggered.connect(press)
    widget.addAction(action)
    return action
