"""Helpers for GUI tests: seeding people, answering message boxes, finding clipped labels."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.enums import MemberRole, OfficerPost
from sakae_council.services import people
from sakae_council.services.people import MembershipInput, PersonInput

TODAY = date(2026, 11, 28)


def fresh_process_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of the program started in a fresh process as a user starts it: offscreen, its own
    settings, state, cache and data folders under ``home``, no SAKAE_COUNCIL_DB from the test run."""
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_DATA_HOME=str(home / "data"),
        **extra,
    )
    env.pop("SAKAE_COUNCIL_DB", None)
    return env


def add_member(
    db: Database,
    name: str,
    furigana: str,
    district_id: int,
    *,
    role: MemberRole = MemberRole.SUISHIN,
    post: OfficerPost = OfficerPost.MEMBER,
    term: tuple[date, date] = (date(2025, 4, 1), date(2027, 3, 31)),
    **kw: object,
) -> people.PersonDTO:
    membership = MembershipInput(
        district_id=district_id,
        role=role,
        officer_post=post,
        public_post="民生委員・児童委員" if role is MemberRole.PUBLIC_POST else "",
        term_start=term[0],
        term_end=term[1],
    )
    return people.create_person(
        db, PersonInput(name=name, furigana=furigana, memberships=(membership,), **kw)
    )  # type: ignore[arg-type]


def answer_message_box(qtbot: QtBot, button_text: str) -> list[str]:
    """Click ``button_text`` on the next modal message box (confirm / error) and record its text."""
    seen: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.findChildren(QAbstractButton):
            if button.text() == button_text:
                button.click()
                return
        raise AssertionError(
            f"no button {button_text!r} in {[b.text() for b in box.findChildren(QAbstractButton)]}"
        )

    QTimer.singleShot(0, click)
    return seen


def visible_error_boxes(parent: QWidget) -> list[QMessageBox]:
    return [b for b in parent.findChildren(QMessageBox) if b.isVisible()]


def settle_layouts() -> None:
    """Lay out what changed in the last events, as Qt does before it paints.

    A paper drawn during the ``processEvents()`` before a look sets 「全Nページ」, and the label keeps its
    empty size until the layout request posted with it is handled: what a person sees is after that.
    """
    for _ in range(4):  # a nested layout's request posts its parent's
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)


def clipped_texts(root: QWidget) -> list[str]:
    """Visible labels and buttons narrower or lower than their text needs (once laid out, as painted)."""
    settle_layouts()
    bad: list[str] = []
    for w in root.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QLabel) and w.text() and not w.wordWrap():
            hint = w.sizeHint()
            if w.width() < hint.width() or w.height() < w.fontMetrics().height():
                bad.append(f"label {w.text()!r}: {w.width()}x{w.height()} < {hint.width()}x{hint.height()}")
        elif isinstance(w, QAbstractButton) and w.text():
            hint = w.sizeHint()
            if w.width() < hint.width() or w.height() < w.fontMetrics().height():
                bad.append(f"button {w.text()!r}: {w.width()}x{w.height()} < {hint.width()}x{hint.height()}")
    return bad


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type ``text`` as a user would: ASCII as key presses, Japanese as an input method commits it."""
    for ch in text:
        if ch.isascii() and ch.isprintable():
            qtbot.keyClick(widget, ch)
        else:
            # QTest has no key codes for kana or 全角 characters; an IME delivers them like this.
            event = QInputMethodEvent("", [])
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


def press(
    qtbot: QtBot, widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(widget, key, modifier)


def scroll_to_end(qtbot: QtBot, page: Any) -> None:
    """What the user does on a lazily paged list page: drag the scroll bar to the bottom; the view asks
    the model for the next batch."""
    before = page.model.rowCount()
    bar = page.table.verticalScrollBar()

    def more() -> bool:
        bar.setValue(bar.maximum())  # the bar grows only once the view has laid out the last batch
        return page.model.rowCount() > before

    qtbot.waitUntil(more, timeout=3000)


def click_header(qtbot: QtBot, page: Any, column: int) -> None:
    """Click the header of a list page's ``column`` (sorts, or turns the order round)."""
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    from .waiting import wait_idle

    wait_idle(qtbot)  # the list is sorted again by the database, on the worker


def opened_copy(template: Path, tmp_path: Path) -> Iterator[Database]:
    """A fixture body: a private copy of a template database file (real SQLite), open, closed afterwards."""
    copy = tmp_path / "test.db"
    shutil.copyfile(template, copy)
    database = open_database(copy, user="テスト担当")
    try:
        yield database
    finally:
        database.close()


def close_discarding(qtbot: QtBot, dialog: QWidget) -> None:
    """Close an editor holding typed text as a person does: Esc, then 保存せずに閉じる on the question."""
    asked = answer_message_box(qtbot, "保存せずに閉じる")
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert asked and "保存していない変更があります" in asked[0]
