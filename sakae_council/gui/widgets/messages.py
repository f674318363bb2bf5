"""Dialogs that tell the user what happened: errors from services, confirmations naming the object."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from sakae_council.domain.errors import DomainError

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def show_error(parent: QWidget | None, exc: BaseException, *, title: str | None = None) -> None:
    """One dialog for an error: a service's own message, or a plain sentence (the traceback goes to the log)."""
    if isinstance(exc, DomainError):
        message = exc.message
    else:
        log.error("unexpected error", exc_info=exc)
        message = tr(
            "思わぬエラーが起きました。もう一度試しても直らないときは、ログファイルを担当者に渡してください。"
        )
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or tr("できませんでした"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("errorBox")
    box.open()


def confirm(parent: QWidget | None, title: str, question: str, yes_text: str) -> bool:
    """Ask a yes/no question whose yes button says what it does (削除, 統合...); the safe answer is default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, question, QMessageBox.StandardButton.NoButton, parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    no = box.addButton(tr("キャンセル"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(no)
    box.setEscapeButton(no)
    box.exec()
    return box.clickedButton() is yes


def ask_discard(parent: QWidget | None) -> bool:
    """Before closing a window with unsaved input: True to close without saving; 戻る (the default) is False."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("保存していない変更"),
        tr("保存していない変更があります。保存せずに閉じますか？"),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("discardQuestion")
    discard = box.addButton(tr("保存せずに閉じる"), QMessageBox.ButtonRole.DestructiveRole)
    back = box.addButton(tr("戻る"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is discard
