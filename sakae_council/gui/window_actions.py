"""The main window's file and help menu items that open a window of their own: 新規…, 開く…, バージョン情報,
データの保存場所. Apart from gui/main_window.py because their dialogs (QFileDialog, QMessageBox) are not needed
for the window's first paint: this module is imported when one of them is chosen."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from sakae_council import __version__

if TYPE_CHECKING:
    from sakae_council.gui.main_window import MainWindow


def tr(text: str) -> str:
    # The main window's context: these lines were part of it, and their translations stay where they are.
    return QCoreApplication.translate("MainWindow", text)


def new_database(window: MainWindow) -> None:
    """ファイル › 新規…: a new data file, then the window switches to it."""
    path, _ = QFileDialog.getSaveFileName(
        window,
        tr("新しいデータファイル"),
        str(Path.home() / "まちづくり協議会.db"),
        tr("データファイル (*.db)"),
    )
    if path:
        window.switch_database(path, create=True)


def open_database_dialog(window: MainWindow) -> None:
    """ファイル › 開く…: another data file in this window."""
    path, _ = QFileDialog.getOpenFileName(
        window,
        tr("データファイルを開く"),
        str(Path.home()),
        tr("データファイル (*.db);;すべてのファイル (*)"),
    )
    if path:
        window.switch_database(path)


def show_about(window: MainWindow) -> None:
    """ヘルプ › バージョン情報."""
    QMessageBox.about(
        window,
        tr("バージョン情報"),
        tr(
            "栄町 まちづくり協議会 運営支援プログラム\nバージョン {version}\n\n"
            "画面と印刷の文字: BIZ UDゴシック・明朝（SIL Open Font License）"
        ).format(version=__version__),
    )


def show_data_location(window: MainWindow) -> None:
    """ヘルプ › データの保存場所, with フォルダを開く for a file."""
    db = window.ctx.db
    box = QMessageBox(window)
    box.setWindowTitle(tr("データの保存場所"))
    box.setIcon(QMessageBox.Icon.Information)
    box.setText(tr("データは次の場所に保存されています。\n{where}").format(where=db.describe()))
    open_button = None
    if db.path is not None:
        open_button = box.addButton(tr("フォルダを開く"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(tr("閉じる"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if open_button is not None and box.clickedButton() is open_button and db.path is not None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(db.path.parent)))
