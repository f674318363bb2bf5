"""Pages that are not built yet say so plainly; a page that failed to load says that instead."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from sakae_council.gui.widgets.labels import TitleLabel


class PlaceholderPage(QWidget):
    """「この画面は準備中です」."""

    def __init__(self, title: str, parent: QWidget | None = None, *, message: str | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(TitleLabel(title, self))
        self.message = QLabel(message or self.tr("この画面は準備中です。"), self)
        self.message.setObjectName("placeholderMessage")
        self.message.setWordWrap(True)
        self.message.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.message)
        layout.addStretch(1)


class BrokenPage(PlaceholderPage):
    """A page whose module raised while loading; the traceback is in the log file."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(
            title,
            parent,
            message=QCoreApplication.translate(
                "BrokenPage",
                "この画面を開けませんでした。プログラムを最新版にしても直らないときは、ログファイルを担当者に渡してください。",
            ),
        )
