"""協働マニュアル page, driven like a user would: edit and save with a summary, compare and restore
revisions, publish 第1版 and print its booklet, search kana/width variants and jump, reorder by buttons
and drag and drop; the staff's training and activity tabs; the 特大 text size."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TypeVar

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.areas import Area
from sakae_council.domain.enums import MemberRole
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.manual_activity import StaffActivityDialog
from sakae_council.gui.dialogs.manual_history import ManualHistoryDialog
from sakae_council.gui.dialogs.manual_print import ManualPrintDialog
from sakae_council.gui.dialogs.manual_publish import ManualPublishDialog
from sakae_council.gui.dialogs.manual_save import ManualSaveDialog
from sakae_council.gui.dialogs.manual_section import ManualSectionDialog
from sakae_council.gui.dialogs.manual_training import TrainingDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.manual_tree import ManualTreeModel
from sakae_council.gui.models.table import Column, DtoTableModel
from sakae_council.gui.pages.manual import ManualPage
from sakae_council.gui.text_size import TextSize
from sakae_council.gui.widgets import edit_guard
from sakae_council.paths import resources_dir
from sakae_council.services import (
    manual,
    manual_history,
    manual_import,
    manual_search,
    project_parts,
    projects,
    staff_records,
)
from sakae_council.services.manual import ManualHitDTO

from ..helpers import add_member, answer_message_box, clipped_texts, type_text
from ..waiting import wait_idle

T = TypeVar("T")


@pytest.fixture()
def starter(db: Database) -> Database:
    """The starter manual the demo database carries."""
    text = (resources_dir() / "manual" / "starter.md").read_text(encoding="utf-8")
    manual_import.import_markdown(db, text, summary="初版の原稿を取り込み")
    return db


def section_id(db: Database, title_start: str) -> int:
    stack = list(manual.list_tree(db))
    while stack:
        node = stack.pop(0)
        if node.title.startswith(title_start):
            return node.id
        stack[:0] = node.children
    raise AssertionError(title_start)


def open_page(window: MainWindow, qtbot: QtBot) -> ManualPage:
    page = window.show_page("manual")
    assert isinstance(page, ManualPage)
    qtbot.waitUntil(page.isVisible, timeout=3000)
    wait_idle(qtbot)  # the tree and the record tabs are read on the database worker
    return page


def click_section(qtbot: QtBot, page: ManualPage, sid: int) -> None:
    wait_idle(qtbot)
    index = page.outline.model.index_of(sid)
    page.outline.tree.scrollTo(index)
    qtbot.mouseClick(
        page.outline.tree.viewport(),
        Qt.MouseButton.LeftButton,
        pos=page.outline.tree.visualRect(index).center(),
    )
    wait_idle(qtbot)  # the section is read on the worker


def opened(qtbot: QtBot, owner: object, kind: type[T]) -> T:
    """The window ``owner`` opens once what it shows is read on the database worker."""
    qtbot.waitUntil(
        lambda: isinstance(getattr(owner, "dialog", None), kind) and owner.dialog.isVisible(),
        timeout=30000,
    )
    dialog = owner.dialog
    assert isinstance(dialog, kind)
    return dialog


def save_with_summary(qtbot: QtBot, page: ManualPage, summary: str) -> ManualSaveDialog:
    qtbot.mouseClick(page.section.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, ManualSaveDialog) and dialog.isVisible()
    type_text(qtbot, dialog.summary, summary)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    return dialog


# --- editing, revisions, diff, restore ----------------------------------------------------------


def test_edit_save_compare_and_restore_brings_the_text_back_exactly(
    qtbot: QtBot, window: MainWindow, starter: Database
) -> None:
    page = open_page(window, qtbot)
    sid = section_id(starter, "2-3")
    click_section(qtbot, page, sid)
    original = manual.get_section(starter, sid)
    assert page.section.title_edit.text() == "2-3 地区担当職員の心構え"
    assert page.section.editor.text() == original.body
    assert "協働のつなぎ役" in page.section.editor.preview_text()
    assert not page.section.save_button.isEnabled() and page.section.dirty_label.isHidden()

    # type an extra line at the end, as a user would
    page.section.editor.editor.moveCursor(page.section.editor.editor.textCursor().MoveOperation.End)
    qtbot.keyClick(page.section.editor.editor, Qt.Key.Key_Return)
    wait_idle()
    type_text(qtbot, page.section.editor.editor, "- 会議の記録は翌週までに共有します。")
    assert page.section.save_button.isEnabled() and not page.section.dirty_label.isHidden()
    qtbot.waitUntil(lambda: "翌週までに共有します" in page.section.editor.preview_text(), timeout=2000)
    wait_idle()

    # the summary is required: an empty one is refused under its field
    qtbot.mouseClick(page.section.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, ManualSaveDialog)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)  # the service's refusal comes back from the database worker
    assert dialog.isVisible()
    assert "変更の要約" in dialog.form.error_text("summary")
    type_text(qtbot, dialog.summary, "記録の共有の目安を追記")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    wait_idle()

    edited = manual.get_section(starter, sid)
    assert edited.body == original.body + "\n- 会議の記録は翌週までに共有します。"
    revisions = manual_history.list_revisions(starter, sid)
    assert [(r.number, r.summary, r.author) for r in revisions] == [
        (1, "初版の原稿を取り込み", "テスト担当"),
        (2, "記録の共有の目安を追記", "テスト担当"),
    ]
    assert "第2版として保存しました" in page.section.status.text()
    assert not page.section.save_button.isEnabled() and page.section.dirty_label.isHidden()
    assert (
        page.section.info_label.text().startswith("第2版・")
        and "記録の共有の目安を追記" in page.section.info_label.text()
    )

    # the history shows both revisions and what changed between them
    qtbot.mouseClick(page.section.history_button, Qt.MouseButton.LeftButton)
    history = opened(qtbot, page, ManualHistoryDialog)
    wait_idle(qtbot)  # the difference is read on the worker
    assert [history.model.index(r, 0).data() for r in range(history.model.rowCount())] == ["第2版", "第1版"]
    assert history.model.index(0, 3).data() == "記録の共有の目安を追記"
    assert history.older.currentText().startswith("第1版") and history.newer.currentText().startswith("第2版")
    diff = history.diff.toPlainText().splitlines()
    assert "＋ - 会議の記録は翌週までに共有します。" in diff
    assert not any(line.startswith("－") for line in diff)
    assert history.diff_summary.text() == "追加 1行・削除 0行"

    # restore 第1版: the text comes back exactly, as a new revision
    history.table.select_row(1)
    seen = answer_message_box(qtbot, "戻す")
    qtbot.mouseClick(history.restore_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: len(manual_history.list_revisions(starter, sid)) == 3, timeout=3000)
    wait_idle(qtbot)
    assert "第1版" in seen[0] and "初版の原稿を取り込み" in seen[0]
    restored = manual.get_section(starter, sid)
    assert restored.title == original.title and restored.body == original.body
    assert manual_history.list_revisions(starter, sid)[-1].summary == "第1版を復元"
    assert page.section.editor.text() == original.body and not page.is_dirty()
    assert "以前の内容に戻しました" in page.section.status.text()
    # the history now compares the restored revision with the one before it
    assert history.newer.currentText().startswith("第3版")
    history.compare(1, 3)
    wait_idle(qtbot)
    assert history.diff_summary.text() == "追加 0行・削除 0行"
    history.close()


def test_leaving_unsaved_changes_asks_first(qtbot: QtBot, window: MainWindow, starter: Database) -> None:
    page = open_page(window, qtbot)
    first, second = section_id(starter, "1-1"), section_id(starter, "1-2")
    click_section(qtbot, page, first)
    page.section.title_edit.setFocus()
    page.section.title_edit.end(False)
    type_text(qtbot, page.section.title_edit, "（改）")
    assert page.is_dirty()

    answer_message_box(qtbot, "キャンセル")
    click_section(qtbot, page, second)
    qtbot.waitUntil(
        lambda: page.outline.model.section_at(page.outline.tree.currentIndex()).id == first, timeout=2000
    )  # type: ignore[union-attr]
    assert page.current is not None and page.current.id == first
    assert page.section.title_edit.text().endswith("（改）")

    seen = answer_message_box(qtbot, "変更を捨てる")
    click_section(qtbot, page, second)
    qtbot.waitUntil(lambda: page.current is not None and page.current.id == second, timeout=2000)
    wait_idle()
    assert "まだ保存していません" in seen[0]
    assert manual.get_section(starter, first).title == "1-1 このマニュアルの目的と使い方"


# --- publishing and the booklet -----------------------------------------------------------------


def test_publish_makes_the_first_edition_and_its_booklet_prints(
    qtbot: QtBot, window: MainWindow, starter: Database, tmp_path: Path
) -> None:
    page = open_page(window, qtbot)
    assert "まだ版を発行していません" in page.context_label.text()
    qtbot.mouseClick(page.publish_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, page, ManualPublishDialog)
    assert dialog.published_on.text() == "令和8年11月28日"
    assert dialog.title.placeholderText() == "協働マニュアル 第1版"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    wait_idle()

    editions = manual_history.list_editions(starter)
    assert [(e.label, e.title, e.published_on) for e in editions] == [
        ("第1版", "協働マニュアル 第1版", date(2026, 11, 28))
    ]
    assert "最新の版: 第1版（令和8年11月28日発行）" in page.context_label.text()
    assert "第1版を発行しました" in page.section.status.text()

    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    printer = opened(qtbot, page, ManualPrintDialog)
    assert printer.edition.currentText() == "第1版（令和8年11月28日発行）"
    assert printer.suggested_name() == "協働マニュアル_第1版.pdf"
    assert not printer.save_button.isEnabled()  # busy while the PDF is drawn
    qtbot.waitUntil(lambda: printer.save_button.isEnabled(), timeout=60000)
    wait_idle()
    out = tmp_path / "booklet.pdf"
    with qtbot.waitSignal(printer.finished_pdf, timeout=5000) as blocker:
        assert printer.save_as(str(out))
    assert blocker.args == [str(out)]
    assert printer.page_count() == len(PdfReader(str(out)).pages)
    reader = PdfReader(str(out))
    cover = reader.pages[0].extract_text()
    assert "第1版" in cover and "令和8年11月28日 発行" in cover
    assert "目次" in reader.pages[1].extract_text()
    assert "保存しました" in printer.status.text()


def test_publishing_with_unsaved_edits_warns_that_they_are_not_included(
    qtbot: QtBot, window: MainWindow, starter: Database
) -> None:
    page = open_page(window, qtbot)
    click_section(qtbot, page, section_id(starter, "1-1"))
    type_text(qtbot, page.section.editor.editor, "下書き")
    page.publish()
    dialog = opened(qtbot, page, ManualPublishDialog)
    assert "この版に含まれません" in dialog.warning.message()
    dialog.reject()


# --- search ---------------------------------------------------------------------------------------


def test_search_finds_kana_and_width_variants_and_jumps_there(
    qtbot: QtBot, window: MainWindow, starter: Database
) -> None:
    page = open_page(window, qtbot)
    page.focus_search()
    type_text(qtbot, page.finder.search, "ｎｐｏ")  # 全角 typed, 半角 NPO in the text
    page.finder.flush_search()
    wait_idle()
    hits = page.finder.results_model.rows()
    assert page.left.currentIndex() == 1 and page.finder.results.isVisible()
    assert page.finder.results_label.text() == f"「ｎｐｏ」: {len(hits)}件"
    first = page.finder.results_model.index(0, 0).data().split("\n")
    assert first[0] == "第1章 協働とは › 1-2 町が考える「協働」"
    assert "NPO" in first[1]

    page.finder.search.clear()
    type_text(qtbot, page.finder.search, "まにゅある")  # ひらがな typed, カタカナ in the text
    page.finder.flush_search()
    wait_idle()
    paths = [h.path_text for h in page.finder.results_model.rows()]
    assert paths[0] == "第1章 協働とは › 1-1 このマニュアルの目的と使い方"
    assert all("マニュアル" in h.snippet or "マニュアル" in h.title for h in page.finder.results_model.rows())

    # jump to the hit: the section opens with the match selected in the editor
    target = page.finder.results_model.row_at(0)
    assert target is not None
    rect = page.finder.results.visualRect(page.finder.results_model.index(0, 0))
    qtbot.mouseClick(page.finder.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle()
    assert page.current is not None and page.current.id == target.section_id
    assert page.outline.model.section_at(page.outline.tree.currentIndex()).id == target.section_id  # type: ignore[union-attr]
    assert page.section.editor.editor.textCursor().selectedText() == "マニュアル"

    qtbot.keyClick(page.finder.search, Qt.Key.Key_Escape)
    wait_idle()
    page.finder.flush_search()
    wait_idle()
    assert page.left.currentIndex() == 0


# --- structure ------------------------------------------------------------------------------------


def test_reorder_with_buttons_and_drag_and_drop(qtbot: QtBot, window: MainWindow, starter: Database) -> None:
    page = open_page(window, qtbot)
    sid = section_id(starter, "2-1")
    click_section(qtbot, page, sid)
    qtbot.mouseClick(page.outline.down_button, Qt.MouseButton.LeftButton)
    wait_idle()
    chapter2 = manual.list_tree(starter)[1]
    assert [c.title[:3] for c in chapter2.children] == ["2-2", "2-1", "2-3"]
    assert (
        page.outline.model.index(1, 0, page.outline.model.index(1, 0)).data()
        == "2-1 同じテーブルに着く人たち"
    )
    assert page.current is not None and page.current.id == sid  # still the open section
    qtbot.mouseClick(page.outline.up_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert [c.title[:3] for c in manual.list_tree(starter)[1].children] == ["2-1", "2-2", "2-3"]

    # drag 7-1 onto 第3章 (it becomes the last section there), as the tree view hands the drop to the model
    model = page.outline.model
    moving = model.index_of(section_id(starter, "7-1"))
    chapter3 = model.index_of(manual.list_tree(starter)[2].id)
    data = model.mimeData([moving])
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, chapter3)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, chapter3)
    qtbot.waitUntil(lambda: manual.list_tree(starter)[2].children[-1].title.startswith("7-1"), timeout=2000)
    wait_idle()
    qtbot.waitUntil(
        lambda: (
            model.index(5, 0, model.index_of(manual.list_tree(starter)[2].id)).data() == "7-1 基本的な考え方"
        ),
        timeout=2000,
    )

    # drop a chapter between chapters (row 0 of the top level): it becomes 第1章
    chapter7 = model.index_of(manual.list_tree(starter)[6].id)
    assert model.dropMimeData(model.mimeData([chapter7]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: manual.list_tree(starter)[0].label == "第1章 個人情報の取り扱い", timeout=2000)
    wait_idle()
    qtbot.waitUntil(lambda: model.index(0, 0).data() == "第1章 個人情報の取り扱い", timeout=2000)
    wait_idle()

    # a chapter cannot be dropped into its own section
    chapter = model.index_of(manual.list_tree(starter)[1].id)
    own = model.index(0, 0, chapter)
    assert not model.canDropMimeData(model.mimeData([chapter]), Qt.DropAction.MoveAction, -1, 0, own)


def test_add_chapter_and_section_then_delete(qtbot: QtBot, window: MainWindow, starter: Database) -> None:
    page = open_page(window, qtbot)
    qtbot.mouseClick(page.outline.add_chapter_button, Qt.MouseButton.LeftButton)
    wait_idle()
    chapter_dialog = page.dialog
    assert isinstance(chapter_dialog, ManualSectionDialog)
    qtbot.mouseClick(chapter_dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)  # the service's refusal comes back from the database worker
    assert chapter_dialog.form.error_text("title") == "見出しを入力してください。"
    type_text(qtbot, chapter_dialog.title, "協働事業の広報")
    qtbot.mouseClick(chapter_dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not chapter_dialog.isVisible(), timeout=2000)
    wait_idle()
    assert page.current is not None and page.current.label == "第8章 協働事業の広報"
    assert page.outline.model.chapter_count() == 8

    qtbot.mouseClick(page.outline.add_section_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    assert isinstance(dialog, ManualSectionDialog)
    type_text(qtbot, dialog.title, "8-1 広報紙への掲載")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(
        lambda: page.current is not None and page.current.title == "8-1 広報紙への掲載", timeout=2000
    )
    assert page.section.path_label.text() == "第8章 協働事業の広報 › 8-1 広報紙への掲載"

    click_section(qtbot, page, manual.list_tree(starter)[7].id)
    seen = answer_message_box(qtbot, "削除")
    qtbot.mouseClick(page.outline.delete_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: len(manual.list_tree(starter)) == 7, timeout=2000)
    wait_idle()
    assert "「第8章 協働事業の広報」" in seen[0] and "その下の1項目" in seen[0]
    assert page.current is None and page.outline.model.chapter_count() == 7


# --- item models ----------------------------------------------------------------------------------


def test_item_models_pass_qtmodeltester(qtmodeltester, starter: Database) -> None:  # type: ignore[no-untyped-def]
    tree = ManualTreeModel()
    tree.set_tree(manual.list_tree(starter))
    assert tree.rowCount() == 7 and tree.chapter_count() == 7 and tree.section_count() == 30
    qtmodeltester.check(tree)
    hits: DtoTableModel[ManualHitDTO] = DtoTableModel([Column("検索結果", lambda h: h.path_text)])
    hits.set_rows(manual_search.search_manual(starter, "ﾁｪｯｸﾘｽﾄ"))
    assert hits.rowCount() > 0
    qtmodeltester.check(hits)


# --- staff records --------------------------------------------------------------------------------


@pytest.fixture()
def staff(db: Database, two_districts: tuple[int, int]) -> dict[str, int]:
    a, b = two_districts
    return {
        "sato": add_member(db, "佐藤 一郎", "サトウ イチロウ", a, role=MemberRole.STAFF).id,
        "yoshida": add_member(db, "𠮷田 花子", "ヨシダ ハナコ", b, role=MemberRole.STAFF).id,
        "member": add_member(db, "住民 太郎", "ジュウミン タロウ", a).id,
    }


def test_training_is_recorded_once_for_everyone_who_attended(
    qtbot: QtBot, window: MainWindow, staff: dict[str, int], db: Database
) -> None:
    page = open_page(window, qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.training_tab
    assert not page.publish_button.isVisible()  # manual actions belong to the manual tab
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, tab, TrainingDialog)
    names = [dialog.attendees.item(i).text() for i in range(dialog.attendees.count())]
    assert names == ["佐藤 一郎（安食小学校区）", "𠮷田 花子（布鎌小学校区）"]  # staff only, 五十音順
    dialog.held_on.setText("R8.6.11")
    type_text(qtbot, dialog.title, "個人情報の取り扱い研修")
    type_text(qtbot, dialog.organiser, "総務課")
    dialog.hours.setValue(2)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot)  # the service's refusal comes back from the database worker
    assert dialog.form.error_text("person_ids") == "参加した職員を一人以上選んでください。"
    dialog.set_attending({staff["sato"], staff["yoshida"]})
    type_text(qtbot, dialog.materials, "配布資料: 個人情報保護規程の抜粋")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    wait_idle()

    assert tab.model.rowCount() == 1
    row = [tab.model.index(0, c).data() for c in range(6)]
    assert row == [
        "令和8年6月11日",
        "個人情報の取り扱い研修",
        "総務課",
        "2",
        "2名: 佐藤 一郎、𠮷田 花子",
        "配布資料: 個人情報保護規程の抜粋",
    ]
    assert tab.summary.text() == "研修（全学区・令和8年度）: 1件・延べ2名"
    assert len(staff_records.list_trainings(db, person_id=staff["yoshida"])) == 1

    # one staff member's history
    tab.staff.set_value(staff["yoshida"])
    wait_idle()
    assert tab.summary.text() == "𠮷田 花子さんの研修履歴（全学区・令和8年度）: 1件・2時間"


def test_staff_activities_with_project_days_and_totals(
    qtbot: QtBot, window: MainWindow, staff: dict[str, int], db: Database, two_districts: tuple[int, int]
) -> None:
    a, _b = two_districts
    project = projects.create_project(
        db, projects.ProjectInput(title="ごみゼロ・草ゼロ大作戦", district_id=a)
    )
    took_part = (staff["sato"],)
    for held_on, title in ((date(2026, 9, 27), "秋の一斉清掃"), (date(2025, 9, 28), "前年度の清掃")):
        project_parts.add_activity(
            db, project.id, project_parts.ActivityInput(held_on=held_on, title=title, staff_ids=took_part)
        )
    project_parts.add_activity(
        db, project.id, project_parts.ActivityInput(held_on=date(2026, 10, 4), title="職員なしの日")
    )

    page = open_page(window, qtbot)
    page.tabs.setCurrentIndex(2)
    tab = page.activity_tab
    assert tab.year.currentText() == "令和8年度"
    qtbot.mouseClick(tab.new_button, Qt.MouseButton.LeftButton)
    dialog = opened(qtbot, tab, StaffActivityDialog)
    dialog.person.set_value(staff["sato"])
    dialog.held_on.setText("令和8年5月31日")
    type_text(qtbot, dialog.title, "ごみゼロ・草ゼロ（春）")
    dialog.district.set_value(a)
    dialog.hours.setValue(3)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    wait_idle()

    entries = [
        [tab.entries_model.index(r, c).data() for c in range(6)] for r in range(tab.entries_model.rowCount())
    ]
    assert entries == [
        ["令和8年5月31日", "佐藤 一郎", "ごみゼロ・草ゼロ（春）", "安食小学校区", "3", "職員の記録"],
        [
            "令和8年9月27日",
            "佐藤 一郎",
            "秋の一斉清掃",
            "安食小学校区",
            "",
            "協働事業「ごみゼロ・草ゼロ大作戦」",
        ],
    ]
    totals = {
        tab.totals_model.index(r, 0).data(): [tab.totals_model.index(r, c).data() for c in range(1, 6)]
        for r in range(tab.totals_model.rowCount())
    }
    assert totals == {"佐藤 一郎": ["2", "1", "1", "3", "1"], "𠮷田 花子": ["0", "0", "0", "0", "0"]}
    assert tab.summary.text() == (
        "職員地域活動（全学区・令和8年度）: 延べ2回（記録1回・協働事業1回）・3時間・参加した職員1名"
    )
    # a project's day is changed on the project, not here
    tab.table.select_row(1)
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "協働事業の画面で" in tab.note.message()

    tab.year.set_value(2025)
    wait_idle()
    assert [tab.entries_model.index(r, 2).data() for r in range(tab.entries_model.rowCount())] == [
        "前年度の清掃"
    ]


def test_a_record_tab_reads_its_staff_and_rows_when_it_is_opened_and_again_after_a_change_meanwhile(
    qtbot: QtBot, window: MainWindow, staff: dict[str, int], db: Database
) -> None:
    """The record tabs behind the manual read nothing until opened (at stress each held 12,500 staff in its
    filter from the page's first show); a change made while a tab is out of view shows when it is opened."""
    page = open_page(window, qtbot)
    tab = page.training_tab
    assert tab.staff.count() == 0 and tab.model.rowCount() == 0  # not read: the manual tab is in front

    page.tabs.setCurrentIndex(1)  # as a click on 「研修の記録」
    qtbot.waitUntil(lambda: tab.staff.count() == 3)  # すべての職員 and the two staff members
    wait_idle()
    assert tab.model.rowCount() == 0

    page.tabs.setCurrentIndex(0)
    staff_records.create_training(
        db,
        staff_records.StaffTrainingInput(
            person_id=staff["sato"], held_on=date(2026, 6, 11), title="救命講習"
        ),
    )
    window.ctx.notify(Area.STAFF)  # as the program does after a save
    wait_idle()
    assert tab.model.rowCount() == 0  # out of view: not read yet
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)


def test_record_tabs_are_list_pages_with_search_keys_and_a_read_only_guard(
    qtbot: QtBot, window: MainWindow, staff: dict[str, int], db: Database
) -> None:
    # set-up through the service: two trainings, one with both staff members
    for person, held_on, title in (
        (staff["sato"], date(2026, 6, 11), "個人情報の取り扱い研修"),
        (staff["yoshida"], date(2026, 6, 11), "個人情報の取り扱い研修"),
        (staff["sato"], date(2026, 7, 2), "救命講習"),
    ):
        staff_records.create_training(
            db,
            staff_records.StaffTrainingInput(
                person_id=person, held_on=held_on, title=title, organiser="総務課"
            ),
        )
    page = open_page(window, qtbot)
    page.tabs.setCurrentIndex(1)
    tab = page.training_tab
    qtbot.waitUntil(tab.isVisible)
    wait_idle()
    assert tab.model.rowCount() == 2 and tab.context_label.text() == "全学区・2件"

    # Ctrl+F on the training tab is the tab's own search (the manual's search stays as it was)
    qtbot.keySequence(window, QKeySequence(QKeySequence.StandardKey.Find))
    qtbot.waitUntil(tab.search.hasFocus)
    wait_idle()
    type_text(qtbot, tab.search, "救命")
    tab.flush_search()
    wait_idle()
    assert [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())] == ["救命講習"]
    assert tab.context_label.text() == "全学区・1件"
    tab.search.clear()
    type_text(qtbot, tab.search, "𠮷田 個人")  # every word, in any column, in any order
    tab.flush_search()
    wait_idle()
    assert [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())] == ["個人情報の取り扱い研修"]
    assert page.finder.search.text() == ""
    assert tab.summary.text() == "研修（全学区・令和8年度）: 1件・延べ2名"

    # Enter opens the training; Delete asks first, with the training's name
    tab.table.setFocus()
    tab.table.select_row(0)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialog = opened(qtbot, tab, TrainingDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: it closes without asking
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    asked = answer_message_box(qtbot, "キャンセル")
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    wait_idle()
    qtbot.waitUntil(lambda: bool(asked))
    wait_idle()
    assert "個人情報の取り扱い研修" in asked[0]
    assert len(staff_records.list_trainings(db)) == 3  # nothing deleted

    # read-only: the buttons that change data are off, 変更… still opens the record to read
    edit_guard.set_reason("読み取り専用で開いています")
    try:
        assert not tab.new_button.isEnabled() and not tab.delete_button.isEnabled()
        assert tab.edit_button.isEnabled()
        page.tabs.setCurrentIndex(2)
        activity = page.activity_tab
        assert not activity.new_button.isEnabled() and not activity.delete_button.isEnabled()
    finally:
        edit_guard.set_reason("")


# --- the largest text size ------------------------------------------------------------------------


def test_largest_text_size_nothing_is_clipped(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, starter: Database, tmp_path: Path
) -> None:
    ctx.set_text_size(TextSize.XLARGE)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.nav.fontMetrics().height() >= 22, timeout=3000)
    wait_idle()
    page = open_page(window, qtbot)
    click_section(qtbot, page, section_id(starter, "6-1"))
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(100)
        # building a page at 特大 takes a moment; once the layouts have settled nothing may be cut off
        qtbot.waitUntil(lambda: clipped_texts(window) == [], timeout=3000)
        wait_idle()
        image = window.grab().toImage()
        image.save(str(tmp_path / f"manual_tab{index}.png"))
        assert (
            len(
                {
                    image.pixelColor(x, y).rgb()
                    for x in range(0, image.width(), 9)
                    for y in range(0, image.height(), 9)
                }
            )
            > 20
        )
        assert clipped_texts(window) == [], index
    page.tabs.setCurrentIndex(0)
    assert page.section.editor.editor.font().pointSizeF() >= 18 or QApplication.font().pointSizeF() >= 18
