"""No query on the GUI thread: the screens moved onto the database worker (gui/ops.py), driven like a person,
while every statement the test's database receives is checked for the thread it runs on (thread_guard.py).

Screens under this assertion (and only these; see the report of issue 18 for what is not moved yet):
- 名簿 (RosterPage): first load, search typed into the box, district switch, filters, header sort,
  scrolling to further batches, delete and 元に戻す.
- 名簿の編集 (PersonDialog) opened from the list (Enter, Ctrl+N): its choices, the duplicate check when a
  name field is left, 保存 (new and edit), Esc to close.
- 名簿を印刷 (PrintRosterDialog) opened from the roster: the data read and the PDF drawn off the GUI thread.
- 団体 (OrganisationsPage): load, search, the editor opened with Enter (its choices), 保存, delete.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.person import PersonDialog
from sakae_council.gui.models.roster import RosterModel
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.services import people, people_duplicates
from sakae_council.services.people import RosterFilter

from .helpers import add_member, answer_message_box, type_text
from .shown_pages import shown
from .thread_guard import queries_off_gui_thread
from .waiting import wait_idle

KANA = "アイウエオカキクケコサシスセソタチツテト"


def names(page: RosterPage) -> list[str]:
    wait_idle()
    m = page.roster_model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def show_roster(qtbot: QtBot, ctx: AppContext) -> RosterPage:
    return shown(qtbot, RosterPage(ctx), 1100, 600)


def test_the_guard_catches_a_query_on_the_gui_thread(db: Database, qapp: QApplication) -> None:
    """The assertion can fail: a service called on the GUI thread inside the block is caught."""
    with pytest.raises(AssertionError, match="database work on the GUI thread"), queries_off_gui_thread(db):
        people.count_members(db, RosterFilter())


def test_roster_journey_runs_no_query_on_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, roster, two_districts
) -> None:
    a, _b = two_districts
    for i in range(230):  # more than one batch: scrolling fetches the rest
        kana = KANA[i // len(KANA)] + KANA[i % len(KANA)]
        add_member(db, f"会員 {i:03d}", f"カイイン {kana}", a)

    with queries_off_gui_thread(db):
        page = show_roster(qtbot, ctx)
        assert len(names(page)) == RosterModel.FIRST_BATCH and page.context_label.text() == "全学区・235名"

        page.table.scrollToBottom()  # the next batch comes from the worker
        qtbot.waitUntil(lambda: page.roster_model.rowCount() == 235)

        page.search.setFocus()
        type_text(qtbot, page.search, "わたなべ")
        qtbot.waitUntil(lambda: names(page) == ["渡辺 花子"])
        assert page.context_label.text() == "全学区・1名"

        # Enter on the row opens the editor (its data read on the worker)
        qtbot.keyClick(page.search, Qt.Key.Key_Down)
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(page.dialog, PersonDialog) and page.dialog.isVisible())
        dialog = page.dialog
        assert dialog is not None and dialog.name.text() == "渡辺 花子"
        dialog.phone.setFocus()
        dialog.phone.selectAll()
        type_text(qtbot, dialog.phone, "０４７６９５２２２２")
        qtbot.keyClick(dialog.phone, Qt.Key.Key_Tab)  # leaving the field normalises it
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        wait_idle(qtbot)
        assert page.table.current_row() == 0  # the saved person stays selected

        # Ctrl+N: a new person, the duplicate check runs when the name field is left
        qtbot.keyClick(page.search, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: len(names(page)) == RosterModel.FIRST_BATCH)
        page.activateWindow()  # back in the list's window after the editor closed
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(
            lambda: page.dialog is not dialog and page.dialog is not None and page.dialog.isVisible()
        )
        new = page.dialog
        assert isinstance(new, PersonDialog)
        new.name.setFocus()
        type_text(qtbot, new.name, "相川 健")
        new.furigana.setFocus()
        type_text(qtbot, new.furigana, "あいかわ けん")
        qtbot.keyClick(new.furigana, Qt.Key.Key_Tab)
        qtbot.waitUntil(lambda: not new.duplicate_warning.isHidden())
        assert "相川 健" in new.duplicate_warning.text.text()
        answer_message_box(qtbot, "保存せずに閉じる")
        qtbot.keyClick(new, Qt.Key.Key_Escape)  # typed text: asks, and closes without saving
        qtbot.waitUntil(lambda: not new.isVisible())

        # sort by the name column: asked of the database, on the worker
        header = page.table.horizontalHeader()
        qtbot.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(0) + 5, 5)
        )
        wait_idle(qtbot)
        assert page.sort_key == "name"

        # delete with the Delete key, then 元に戻す
        type_text(qtbot, page.search, "北")
        qtbot.waitUntil(lambda: names(page) == ["北 三郎"])
        page.table.select_row(0)
        page.table.setFocus()
        answer_message_box(qtbot, "削除")
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: names(page) == [] and page.undo_bar.isVisible())
        qtbot.mouseClick(page.undo_bar.undo_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: names(page) == ["北 三郎"])

        # the district switcher narrows the list
        ctx.set_district(two_districts[1])
        qtbot.waitUntil(lambda: names(page) == ["北 三郎"] and page.context_label.text().startswith("布鎌"))

    # read back through the services (on the test's thread, outside the guard)
    assert people.get_person(db, roster["watanabe"].id).phone == "0476-95-2222"
    assert people.get_person(db, roster["kita"].id).deleted_at is None
    assert (
        len(people_duplicates.find_duplicates(db, "相川 健", "アイカワ ケン")) == 1
    )  # the new one was not saved


def test_printing_the_roster_reads_and_draws_off_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, roster, tmp_path
) -> None:
    from pypdf import PdfReader

    with queries_off_gui_thread(db):
        page = show_roster(qtbot, ctx)
        qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.print_dialog is not None and page.print_dialog.isVisible())
        window = page.print_dialog
        assert window is not None
        qtbot.waitUntil(lambda: window.pdf_path is not None and not window.is_busy(), timeout=60_000)
        out = tmp_path / "名簿.pdf"
        assert window.save_as(out)
        QApplication.sendEvent(window, QCloseEvent())  # the window's close request
        qtbot.waitUntil(lambda: not window.isVisible())
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "渡辺 花子" in text and "0476-95-1111" not in text  # the handout: no phone numbers


def test_organisations_journey_runs_no_query_on_the_gui_thread(  # type: ignore[no-untyped-def]
    qtbot: QtBot, ctx: AppContext, db: Database, roster, two_districts
) -> None:
    from sakae_council.domain.enums import OrganisationKind
    from sakae_council.gui.dialogs.organisation import OrganisationDialog
    from sakae_council.gui.pages.organisations import OrganisationsPage
    from sakae_council.services import organisations
    from sakae_council.services.organisations import OrganisationInput

    for name, kana in (("布鎌自治会", "フカマジチカイ"), ("安食子ども会", "アジキコドモカイ")):
        organisations.create_organisation(
            db,
            OrganisationInput(
                name=name, furigana=kana, kind=OrganisationKind.NEIGHBOURHOOD, district_id=two_districts[0]
            ),
        )
    with queries_off_gui_thread(db):
        page = OrganisationsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        wait_idle(qtbot)
        m = page.org_model
        assert sorted(m.index(r, 0).data() for r in range(m.rowCount())) == ["安食子ども会", "布鎌自治会"]
        type_text(qtbot, page.search, "ふかま")
        qtbot.waitUntil(lambda: [m.index(r, 0).data() for r in range(m.rowCount())] == ["布鎌自治会"])
        qtbot.keyClick(page.search, Qt.Key.Key_Down)
        qtbot.keyClick(page.table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: isinstance(page.dialog, OrganisationDialog) and page.dialog.isVisible())
        dialog = page.dialog
        assert dialog is not None
        dialog.phone.setFocus()
        type_text(qtbot, dialog.phone, "0476-95-3333")
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: not dialog.isVisible())
        # the list reloads after the save: wait for it (it once came after the row was chosen, under load)
        wait_idle(qtbot)
        page.activateWindow()  # back in the list's window after the editor closed
        qtbot.waitUntil(lambda: QApplication.activeWindow() is page)
        page.table.select_row(0)
        page.table.setFocus()
        answer_message_box(qtbot, "削除")
        qtbot.keyClick(page.table, Qt.Key.Key_Delete)
        qtbot.waitUntil(lambda: m.rowCount() == 0 and page.undo_bar.isVisible(), timeout=15_000)
    kept = organisations.list_organisations(db, deleted=True)
    assert [(o.name, o.phone) for o in kept] == [("布鎌自治会", "0476-95-3333")]
