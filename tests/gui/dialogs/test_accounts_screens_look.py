"""The 会計 page's new windows opened at 中 and at 特大 (通帳CSVの取込, 科目の修正, 補助金の収支精算, 監査報告の文言,
the entry editor with its 協働事業 and 補助金, 決算の修正): each fits the screen with no label cut off; the
screenshots under tmp_path/shots are for looking at."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from journeys.steps import back_to, click, closed_by_escape, ctrl, modal
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_budget import SubjectEditDialog
from sakae_council.gui.dialogs.account_closing import (
    AuditWordingDialog,
    CloseRevisionDialog,
    GrantSettlementDialog,
)
from sakae_council.gui.dialogs.account_entry import EntryDialog
from sakae_council.gui.pages.accounts import AccountsPage
from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.services import accounts

from ..helpers import answer_message_box, clipped_texts
from ..waiting import wait_idle
from .test_accounts_screens import STATEMENT, _open_import, _read, _write, book, grant, page

__all__ = ["book", "grant", "page"]  # the fixtures, shared with the screens' own tests


@pytest.mark.parametrize("size", [TextSize.MEDIUM, TextSize.XLARGE])
def test_the_screens_at_text_sizes(
    qtbot: QtBot,
    page: AccountsPage,
    ctx: AppContext,
    book: dict[str, int],
    grant: dict[str, int],
    db: Database,
    tmp_path: Path,
    size: TextSize,
) -> None:
    """Each new window opened at 中 and at 特大 (looked at by eye from tmp_path/shots): it fits the screen
    and no label is cut off."""
    apply_text_size(size)
    shots = tmp_path / "shots"
    shots.mkdir()

    def shoot(dialog: QWidget, name: str) -> None:
        qtbot.wait(50)
        screen = dialog.screen().availableGeometry()
        assert dialog.width() <= screen.width() and dialog.height() <= screen.height()
        assert clipped_texts(dialog) == [], name
        assert dialog.grab().save(str(shots / f"{name}-{size.name}.png"))

    importing = _open_import(qtbot, page)
    _read(qtbot, importing, _write(tmp_path / "meisai.csv", STATEMENT, "cp932"))
    shoot(importing, "import")
    answer_message_box(qtbot, "保存せずに閉じる")  # (a file's name was typed)
    QTest.keyClick(importing.focusWidget() or importing, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not importing.isVisible())
    for button, kind, name in (
        (page.budget.edit_subject_button, SubjectEditDialog, "subject"),
        (page.use.grant_button, GrantSettlementDialog, "grant"),
        (page.use.wording_button, AuditWordingDialog, "wording"),
    ):
        page.tabs.setCurrentWidget(button.parentWidget())
        click(button)
        dialog = modal(qtbot, kind)
        wait_idle(qtbot)
        shoot(dialog, name)
        closed_by_escape(qtbot, dialog)
    back_to(qtbot, page.window())
    ctrl(page.window(), Qt.Key.Key_N)
    entry = modal(qtbot, EntryDialog)
    shoot(entry, "entry")
    closed_by_escape(qtbot, entry)
    accounts.close_year(db, book["book"], date(2027, 4, 20))  # set-up: the year was closed
    ctx.notify("accounts")
    wait_idle(qtbot)
    click(page.revise_button)
    revision = modal(qtbot, CloseRevisionDialog)
    shoot(revision, "revision")
    closed_by_escape(qtbot, revision)
