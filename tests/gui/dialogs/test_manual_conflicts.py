"""Issue 9 for the manual: saving a section, and bringing an older revision back, over a section that
another program instance saved meanwhile meet the two-version dialog (見出し and 本文 compared)."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AuditEntry
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.conflict import ConflictDialog
from sakae_council.gui.dialogs.manual_history import ManualHistoryDialog
from sakae_council.gui.dialogs.manual_save import ManualSaveDialog
from sakae_council.gui.pages.manual import ManualPage
from sakae_council.services import manual, manual_history
from sakae_council.services.manual import ManualSectionDTO

from ..conflict_cases import answer
from ..shown_pages import shown
from ..waiting import wait_idle

FIRST = "窓口は地域振興課です。"
MINE = "窓口は地域振興課です。\n電話は 0476-95-1111 です。"
THEIRS = "窓口はまちづくり課です。"
BODY = "★ 本文"


@pytest.fixture()
def section(db: Database) -> ManualSectionDTO:
    chapter = manual.create_section(db, None, "はじめに")
    return manual.create_section(db, chapter.id, "連絡先", FIRST)


@pytest.fixture()
def page(qtbot: QtBot, ctx: AppContext, section: ManualSectionDTO) -> ManualPage:
    p = shown(qtbot, ManualPage(ctx), 1100, 700)
    assert p.select_section(section.id)
    wait_idle(qtbot)  # the section is read on the database worker
    return p


def their_save(other: Database, section: ManualSectionDTO, body: str = THEIRS) -> ManualSectionDTO:
    current = manual.get_section(other, section.id)
    return manual.save_section(other, section.id, current.title, body, "課の名前の変更", current.version)


def section_audits(db: Database) -> list[tuple[str, str]]:
    with db.reading() as s:
        rows = s.execute(
            select(AuditEntry.user, AuditEntry.action).where(AuditEntry.entity == "manual_section")
        )
        return [(u, a) for u, a in rows]


def stale_save_dialog(
    qtbot: QtBot, page: ManualPage, other: Database, section: ManualSectionDTO
) -> ManualSaveDialog:
    page.section.editor.set_text(MINE)
    page.section.editor.editor.document().setModified(True)  # as typing does
    assert page.is_dirty()
    their_save(other, section)
    page.section.save_button.click()
    dialog = page.dialog
    assert isinstance(dialog, ManualSaveDialog)
    qtbot.waitExposed(dialog)
    dialog.summary.setText("電話番号を追記")
    return dialog


@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_a_stale_section_save_meets_the_two_versions_and_the_page_follows(
    qtbot: QtBot, db: Database, other: Database, section: ManualSectionDTO, page: ManualPage, button: str
) -> None:
    dialog = stale_save_dialog(qtbot, page, other, section)
    audits = section_audits(db)
    revisions = len(manual_history.list_revisions(db, section.id))
    seen: list[list[tuple[str, str, str]]] = []
    explanations: list[str] = []
    answer(button, seen, explanations)
    dialog.save_button.click()
    wait_idle(qtbot)  # saved on the database worker, the conflict read there too

    assert [r for r in seen[0] if r[0].startswith("★")] == [(BODY, MINE, THEIRS)]
    assert "ほかの人 が 令和" in explanations[0]
    saved = manual.get_section(other, section.id)
    if button == "reload_button":
        assert not dialog.isVisible()
        assert saved.body == THEIRS and len(manual_history.list_revisions(db, section.id)) == revisions
        assert page.section.editor.text() == THEIRS and not page.is_dirty()  # the page shows their version
        assert page.current == saved
        note = page.section.conflict_note.message()
        assert "ほかの人が保存した内容を読み込みました" in note and f"・本文: {MINE}" in note
        page.section.editor.set_text(MINE)  # typed again: saved on the new version without a question
        page.section.editor.editor.document().setModified(True)
        page.section.save_button.click()
        again = page.dialog
        assert isinstance(again, ManualSaveDialog)
        again.summary.setText("電話番号を追記")
        with qtbot.waitSignal(again.saved, timeout=3000):
            again.save_button.click()
        wait_idle(qtbot)
        assert manual.get_section(other, section.id).body == MINE and len(seen) == 1
        assert page.section.conflict_note.isHidden()
    elif button == "overwrite_button":
        assert not dialog.isVisible() and saved.body == MINE
        assert [r.summary for r in manual_history.list_revisions(db, section.id)][-2:] == [
            "課の名前の変更",
            "電話番号を追記",
        ]
        assert section_audits(db) == [*audits, ("テスト担当", "update")]
        assert page.section.editor.text() == MINE and not page.is_dirty()
    else:
        assert dialog.isVisible() and dialog.summary.text() == "電話番号を追記"
        assert saved.body == THEIRS and section_audits(db) == audits
        assert page.section.editor.text() == MINE and page.is_dirty()


def open_history(qtbot: QtBot, page: ManualPage) -> ManualHistoryDialog:
    page.open_history()
    qtbot.waitUntil(lambda: isinstance(page.dialog, ManualHistoryDialog))  # its list read on the worker
    history = page.dialog
    assert isinstance(history, ManualHistoryDialog)
    qtbot.waitExposed(history)
    wait_idle(qtbot)
    return history


def restore(qtbot: QtBot, history: ManualHistoryDialog, number: int) -> ManualSectionDTO | None:
    """Bring ``number`` back (on the worker); the section restored, or None when nothing was written."""
    restored: list[ManualSectionDTO] = []
    history.restored.connect(restored.append)
    history.restore(number)
    wait_idle(qtbot)
    history.restored.disconnect(restored.append)
    return restored[0] if restored else None


@pytest.mark.parametrize("button", ["reload_button", "overwrite_button", "cancel_button"])
def test_bringing_back_a_revision_over_someone_elses_save(
    qtbot: QtBot, db: Database, other: Database, section: ManualSectionDTO, page: ManualPage, button: str
) -> None:
    manual.save_section(
        db, section.id, "連絡先", MINE, "電話番号を追記", manual.get_section(db, section.id).version
    )
    page.open_section(section.id)
    wait_idle(qtbot)
    history = open_history(qtbot, page)
    their = their_save(other, section)  # 第3版, while the history is open
    audits = section_audits(db)
    seen: list[list[tuple[str, str, str]]] = []
    dialogs: list[ConflictDialog] = []
    answer(button, seen, dialogs=dialogs)
    restored = restore(qtbot, history, 1)

    assert [r for r in seen[0] if r[0].startswith("★")] == [(BODY, FIRST, THEIRS)]
    assert dialogs[0].table.horizontalHeaderItem(1).text() == "戻そうとした版（第1版）"
    now = manual.get_section(other, section.id)
    if button == "overwrite_button":
        assert restored is not None and now.body == FIRST and now.revision == 4
        assert manual_history.list_revisions(db, section.id)[-1].summary == "第1版を復元"
        assert section_audits(db) == [*audits, ("テスト担当", "restore")]
        assert page.section.editor.text() == FIRST
        return
    assert restored is None and now == their
    assert section_audits(db) == audits
    if button == "reload_button":
        assert history.section == their and history.model.rowCount() == 3  # their 第3版 is listed
        assert history.selected_revision().number == 1  # type: ignore[union-attr]
        assert "もう一度実行してください" in history.conflict_note.text.text()
        assert page.section.editor.text() == THEIRS  # nothing unsaved on the page: it shows their version
        assert restore(qtbot, history, 1) is not None and len(seen) == 1  # brought back without asking again
    else:
        assert history.section.version == section.version + 1 and page.section.editor.text() == MINE
