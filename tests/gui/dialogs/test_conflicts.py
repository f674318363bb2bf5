"""Issue 9: every editor of an existing record meets a stale save with the two-version dialog.

Two program instances on one data file: the first opens an editor, the second saves a change to the
same record, then the first saves. The conflict dialog shows both versions field by field; 再読み込み
puts the saved version into the form and lists what the user had typed, 上書き saves the user's version
on top (with an audit entry), キャンセル goes back to the form with nothing lost and nothing saved.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QPlainTextEdit
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.base import EntityDialog
from sakae_council.gui.widgets.form import set_editor_value

from ..conflict_cases import CASES, Case, answer

MINE = "あなたの入力した値"
THEIRS = "ほかの人が保存した値"


def field_text(dialog: EntityDialog, field: str) -> str:
    editor = dialog.form.row(field).editor
    return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else editor.text()  # type: ignore[attr-defined]


def stale_editor(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: Case
) -> tuple[EntityDialog, Any]:
    """I open the editor; the other instance saves THEIRS; I type MINE into the same field."""
    record = case.seed(db)
    dialog = case.open(ctx, record)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    case.update(other, record, THEIRS)
    set_editor_value(dialog.form.row(case.field).editor, MINE)
    return dialog, record


def audit_count(db: Database) -> int:
    with db.reading() as s:
        return len(list(s.scalars(select(AuditEntry.id))))


def compared(rows: list[tuple[str, str, str]], label: str) -> tuple[str, str]:
    found = [(mine, theirs) for name, mine, theirs in rows if name == f"★ {label}"]
    assert found, f"no marked row 「{label}」 in {rows}"
    return found[0]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_reload_shows_their_version_and_what_i_typed(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: Case
) -> None:
    dialog, record = stale_editor(qtbot, ctx, db, other, case)
    seen: list[list[tuple[str, str, str]]] = []
    answer("reload_button", seen)
    dialog.save_button.click()
    wait_idle()

    assert len(seen) == 1, "a stale save meets the conflict dialog"
    assert compared(seen[0], case.label) == (MINE, THEIRS)
    assert [r for r in seen[0] if r[0].startswith("★")] == [(f"★ {case.label}", MINE, THEIRS)]
    assert dialog.isVisible()
    assert field_text(dialog, case.field) == THEIRS  # the form shows what is saved now
    note = dialog.conflict_note.text.text()
    assert f"・{case.label}: {MINE}" in note  # and what I had typed, to enter again
    saved = case.load(db, record)
    assert getattr(saved, case.field) == THEIRS

    # the reloaded form saves on the new version without asking again
    set_editor_value(dialog.form.row(case.field).editor, "もう一度")
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        dialog.save_button.click()
        wait_idle()
    assert len(seen) == 1
    assert getattr(case.load(other, record), case.field) == "もう一度"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_overwrite_saves_mine_on_top_with_an_audit_entry(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: Case
) -> None:
    dialog, record = stale_editor(qtbot, ctx, db, other, case)
    audits = audit_count(db)
    seen: list[list[tuple[str, str, str]]] = []
    answer("overwrite_button", seen)
    with qtbot.waitSignal(dialog.saved, timeout=3000):
        dialog.save_button.click()
        wait_idle()

    assert len(seen) == 1
    assert getattr(case.load(other, record), case.field) == MINE  # the other instance reads mine
    assert not dialog.isVisible()
    assert audit_count(db) == audits + 1
    with db.reading() as s:
        user, changes = s.execute(
            select(AuditEntry.user, AuditEntry.changes).order_by(AuditEntry.id.desc())
        ).first()  # type: ignore[misc]
    assert user == "テスト担当"
    assert MINE in changes or not case.audits_values


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_cancel_keeps_my_form_and_saves_nothing(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: Case
) -> None:
    dialog, record = stale_editor(qtbot, ctx, db, other, case)
    theirs = case.load(other, record)
    audits = audit_count(db)
    seen: list[list[tuple[str, str, str]]] = []
    answer("cancel_button", seen)
    dialog.save_button.click()
    wait_idle()

    assert len(seen) == 1
    assert dialog.isVisible()
    assert field_text(dialog, case.field) == MINE
    assert case.load(other, record) == theirs
    assert audit_count(db) == audits


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_the_dialog_says_who_saved_first(
    qtbot: QtBot, ctx: AppContext, db: Database, other: Database, case: Case
) -> None:
    dialog, _record = stale_editor(qtbot, ctx, db, other, case)
    seen: list[list[tuple[str, str, str]]] = []
    explanations: list[str] = []
    answer("cancel_button", seen, explanations)
    dialog.save_button.click()
    wait_idle()
    assert "ほかの人 が 令和" in explanations[0]  # the other instance's login, from the audit trail
