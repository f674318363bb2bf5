"""Status colours — the one place that says what overdue, 下書き, 確定, 中止, 満了間近... look like.

Every status has a text label too, so meaning never rests on colour alone. Colours are light
backgrounds with dark text (contrast above 7:1) so they stay readable for elderly eyes.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget


class StatusStyle(NamedTuple):
    """How a status looks: background, text colour, and the label shown beside it (a named tuple: this
    module is imported before the window's first paint, and a dataclass costs more there)."""

    background: str
    foreground: str
    source_label: str

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Status", self.source_label)

    @property
    def background_color(self) -> QColor:
        return QColor(self.background)

    @property
    def foreground_color(self) -> QColor:
        return QColor(self.foreground)


STATUS_STYLES: dict[str, StatusStyle] = {
    "overdue": StatusStyle("#FBE3E1", "#8A1C14", str(QT_TRANSLATE_NOOP("Status", "期限切れ"))),
    "draft": StatusStyle("#FFF3C4", "#5C4600", str(QT_TRANSLATE_NOOP("Status", "下書き"))),
    "approved": StatusStyle("#DDF2E2", "#17501F", str(QT_TRANSLATE_NOOP("Status", "確定"))),
    "cancelled": StatusStyle("#ECECEC", "#4A4A4A", str(QT_TRANSLATE_NOOP("Status", "中止"))),
    "expiring": StatusStyle("#FFEBCC", "#6B3A00", str(QT_TRANSLATE_NOOP("Status", "満了間近"))),
    "ended": StatusStyle("#EEEEEE", "#555555", str(QT_TRANSLATE_NOOP("Status", "退任"))),
    "upcoming": StatusStyle("#E1ECFA", "#1A4478", str(QT_TRANSLATE_NOOP("Status", "就任前"))),
    "deleted": StatusStyle("#EEEEEE", "#555555", str(QT_TRANSLATE_NOOP("Status", "削除済み"))),
    "merged": StatusStyle("#EEEEEE", "#555555", str(QT_TRANSLATE_NOOP("Status", "統合済み"))),
    # 成果指標の実績値: typed over the computed figure, or kept by hand.
    "override": StatusStyle("#FFEBCC", "#6B3A00", str(QT_TRANSLATE_NOOP("Status", "上書き"))),
    "manual": StatusStyle("#E1ECFA", "#1A4478", str(QT_TRANSLATE_NOOP("Status", "手入力"))),
    # 会計: a 科目 spent past its budget; a 訂正 entry and the entry it cancels.
    "overspent": StatusStyle("#FBE3E1", "#8A1C14", str(QT_TRANSLATE_NOOP("Status", "予算超過"))),
    "correction": StatusStyle("#FFEBCC", "#6B3A00", str(QT_TRANSLATE_NOOP("Status", "訂正"))),
}

#: Error text under a form field (with an icon beside it).
ERROR_TEXT = "#B3261E"
#: Warning text (duplicates, unusual input that is still accepted).
WARNING_TEXT = "#6B3A00"
WARNING_BACKGROUND = "#FFF3C4"
#: Quiet secondary text (hints under fields, counts in title lines).
MUTED_TEXT = "#555555"


def status_style(key: str | None) -> StatusStyle | None:
    """The style of a status key, or None for ordinary rows."""
    if key is None:
        return None
    return STATUS_STYLES.get(key)


# Colours are set through palettes, never style sheets: a widget with a style sheet stops following
# the application font, and the text size setting must reach every label.
def set_text_colour(widget: QWidget, colour: str) -> None:
    """Give ``widget`` (and its children) this text colour."""
    pal = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(role, QColor(colour))
    widget.setPalette(pal)


def set_background(widget: QWidget, colour: str) -> None:
    """Fill ``widget``'s background with this colour."""
    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.Window, QColor(colour))
    widget.setPalette(pal)
    widget.setAutoFillBackground(True)
