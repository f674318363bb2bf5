"""The one question of the open flow (gui/startup.py): what happened, and a column of buttons that each say what
they do — 「読み取り専用で開く」, 「<date>のバックアップから復元」… — with キャンセル (or 終了) last."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from sakae_council.gui.text_size import bold_font
from sakae_council.gui.widgets.labels import MutedLabel, TitleLabel


class ChoiceDialog(QDialog):
    """A message and a column of buttons, each saying what it does; ``choose()`` returns the key or None.

    The last button is always キャンセル (or the text given as ``cancel_text``), which is also Escape.
    """

    def __init__(
        self,
        title: str,
        heading: str,
        message: str,
        choices: Sequence[tuple[str, str]],
        *,
        detail: str = "",
        cancel_text: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("choiceDialog")
        self.setWindowTitle(title)
        self.choice: str | None = None
        self.buttons: dict[str, QPushButton] = {}

        icon = QLabel(self)
        size = self.fontMetrics().height() * 2
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size, size)
        )
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = TitleLabel(heading, self, factor=1.15)
        self.heading.setWordWrap(True)
        self.message = QLabel(message, self)
        self.message.setObjectName("choiceMessage")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = MutedLabel(detail, self)
        self.detail.setObjectName("choiceDetail")
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(detail))

        text = QVBoxLayout()
        text.setSpacing(8)
        text.addWidget(self.heading)
        text.addWidget(self.message)
        text.addWidget(self.detail)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addLayout(text, 1)

        column = QVBoxLayout()
        column.setSpacing(8)
        for i, (key, label) in enumerate(choices):
            button = QPushButton(label, self)
            button.setObjectName(f"choice_{key}")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
            button.setAutoDefault(False)
            if i == 0:
                button.setFont(bold_font())
            button.clicked.connect(lambda _checked=False, k=key: self._chosen(k))
            column.addWidget(button)
            self.buttons[key] = button
        self.cancel_button = QPushButton(cancel_text or self.tr("キャンセル"), self)
        self.cancel_button.setObjectName("choice_cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        column.addSpacing(6)
        column.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(16)
        layout.addLayout(top)
        layout.addLayout(column)
        self._fit()

    def _fit(self) -> None:
        em = self.fontMetrics().horizontalAdvance("あ")
        width = em * 34
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            width = min(width, int(screen.availableGeometry().width() * 0.9))
        self.setMinimumWidth(width)
        layout = self.layout()
        assert layout is not None
        layout.activate()
        height = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else self.sizeHint().height()
        self.resize(width, max(height, self.sizeHint().height()))

    def _chosen(self, key: str) -> None:
        self.choice = key
        self.accept()

    def choose(self) -> str | None:
        """Show the dialog and wait; the key of the button pressed, or None for キャンセル / Escape."""
        self.exec()
        return self.choice
