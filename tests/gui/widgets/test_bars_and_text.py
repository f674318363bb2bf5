"""The small shared widgets a person meets on every page: the 元に戻す bar, the conflict note, Ctrl+P,
labels that follow the text size, the action row under a read-only guard, the manual's Markdown editor
and the diff of two versions — each clicked, typed into and read as a person does."""

from __future__ import annotations

import difflib
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.gui.widgets import edit_guard
from sakae_council.gui.widgets.action_bar import ActionBar
from sakae_council.gui.widgets.conflict_note import ConflictNoteBox
from sakae_council.gui.widgets.labels import ElidedLabel, TitleLabel
from sakae_council.gui.widgets.markdown_diff import DiffView
from sakae_council.gui.widgets.markdown_editor import MarkdownEditor
from sakae_council.gui.widgets.print_key import add_print_action
from sakae_council.gui.widgets.undo_bar import UndoBar

from ..helpers import type_text

Show = Callable[..., QWidget]


def test_the_undo_bar_undoes_once_and_closing_it_forgets_the_undo(qtbot: QtBot, show_in_window: Show) -> None:
    bar = UndoBar()
    host = show_in_window(bar)
    assert not bar.isVisible()
    undone: list[str] = []
    bar.offer("「栄 太郎」を削除しました。", lambda: undone.append("栄 太郎"))
    assert bar.isVisible() and bar.message.text() == "「栄 太郎」を削除しました。" and bar.can_undo()
    qtbot.mouseClick(bar.undo_button, Qt.MouseButton.LeftButton)
    assert undone == ["栄 太郎"] and not bar.isVisible() and not bar.can_undo()
    bar.undo()  # a second Ctrl+Z does nothing more
    assert undone == ["栄 太郎"]

    bar.offer("「<b>&</b>」を削除しました。", lambda: undone.append("again"))
    qtbot.mouseClick(bar.close_button, Qt.MouseButton.LeftButton)
    assert not bar.isVisible() and not bar.can_undo()
    bar.undo()
    assert undone == ["栄 太郎"]
    assert host.isVisible()


def test_the_conflict_note_shows_what_was_typed_selectable_and_hides_when_cleared(
    qtbot: QtBot, show_in_window: Show
) -> None:
    note = ConflictNoteBox()
    show_in_window(note)
    assert note.message() == "" and not note.isVisible()
    text = "ほかの人が先に保存しました。あなたの入力:\n" + "会場は公民館<2階>&会議室\n" * 40
    note.show_message(text)
    assert note.isVisible() and note.message() == text and note.isReadOnly()
    assert note.height() < note.fontMetrics().lineSpacing() * 10  # a few lines that scroll, not a wall
    note.selectAll()
    assert note.textCursor().selectedText().startswith("ほかの人が先に保存しました")
    note.clear()
    assert not note.isVisible() and note.message() == ""


def test_ctrl_p_presses_the_print_button_only_while_it_can_be_pressed(
    qtbot: QtBot, show_in_window: Show
) -> None:
    button = QPushButton("印刷…")
    other = QPushButton("ほか")
    host = show_in_window(button, other)
    add_print_action(host, button)
    pressed: list[bool] = []
    button.clicked.connect(lambda: pressed.append(True))
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    qtbot.keyClick(other, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pressed == [True]
    button.setEnabled(False)
    qtbot.keyClick(other, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    button.setEnabled(True)
    button.hide()
    qtbot.keyClick(other, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert pressed == [True]  # disabled or hidden: no paper to print, the key does nothing


def test_a_title_follows_the_text_size_and_a_long_path_shortens_in_the_middle(
    qtbot: QtBot, show_in_window: Show
) -> None:
    title = TitleLabel("名簿")
    path = "/home/sakae/ドキュメント/まちづくり協議会/" + "とても長いフォルダ名/" * 8 + "sakae.db"
    elided = ElidedLabel(path)
    show_in_window(title, elided)
    medium = title.font().pointSizeF()
    apply_text_size(TextSize.XLARGE)
    QApplication.processEvents()
    assert title.font().pointSizeF() > medium * 1.4  # 18 pt body × 1.35 against 12 pt × 1.35
    assert title.font().bold()
    elided.setFixedWidth(260)
    QApplication.processEvents()
    shown_text = elided.text()
    assert "…" in shown_text and shown_text.startswith("/home") and shown_text.endswith("sakae.db")
    assert elided.toolTip() == path and elided.full_text() == path
    assert elided.sizeHint().width() <= elided.fontMetrics().horizontalAdvance(path) + 8


def test_the_action_row_disables_its_edit_buttons_while_read_only_and_says_why(
    qtbot: QtBot, show_in_window: Show
) -> None:
    bar = ActionBar()
    clicks: list[str] = []
    change = bar.add_button("ステータス変更…", lambda: clicks.append("change"), name="change")
    export = bar.add_button("書き出し…", lambda: clicks.append("export"), edits=False)
    change.setToolTip("選んだ課題の状態を変えます")
    show_in_window(bar)
    edit_guard.set_reason("読み取り専用で開いています")
    try:
        assert not change.isEnabled() and change.toolTip() == "読み取り専用で開いています"
        change.setEnabled(True)  # a page enabling it for a new selection: the guard keeps it off
        assert not change.isEnabled()
        qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(export, Qt.MouseButton.LeftButton)
        assert clicks == ["export"]
    finally:
        edit_guard.set_reason("")
    assert change.isEnabled() and change.toolTip() == "選んだ課題の状態を変えます"
    qtbot.mouseClick(change, Qt.MouseButton.LeftButton)
    assert clicks == ["export", "change"]


def test_the_markdown_editor_marks_lines_and_previews_what_was_typed(
    qtbot: QtBot, show_in_window: Show
) -> None:
    editor = MarkdownEditor()
    show_in_window(editor)
    editor.set_text("")
    editor.editor.setFocus()
    qtbot.waitUntil(editor.editor.hasFocus)
    type_text(qtbot, editor.editor, "受付の準備")
    qtbot.mouseClick(editor.buttons["check"], Qt.MouseButton.LeftButton)
    assert editor.text() == "- [ ] 受付の準備" and editor.is_modified()
    qtbot.keyClick(editor.editor, Qt.Key.Key_End)
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return)
    type_text(qtbot, editor.editor, "A&B <会場>")
    cursor = editor.editor.textCursor()
    cursor.select(cursor.SelectionType.LineUnderCursor)
    editor.editor.setTextCursor(cursor)
    qtbot.mouseClick(editor.buttons["bold"], Qt.MouseButton.LeftButton)
    assert editor.text() == "- [ ] 受付の準備\n**A&B <会場>**"
    qtbot.waitUntil(lambda: "A&B <会場>" in editor.preview_text())  # markup characters shown as text
    assert "**" not in editor.preview_text()
    assert editor.select_match("ｋａｉｊｏｕ") is False
    assert editor.select_match("かいじょう") is False and editor.select_match("会場")
    assert editor.editor.textCursor().selectedText() == "会場"
    editor.set_read_only(True)
    assert not editor.buttons["bold"].isEnabled()
    editor.apply("bullet")
    assert editor.text().count("- ") == 1  # read-only: no mark added


def test_the_diff_of_two_versions_reads_as_added_and_removed_lines(
    qtbot: QtBot, show_in_window: Show
) -> None:
    view = DiffView()
    show_in_window(view)
    old = ["# 受付", "名簿を用意する", "<鍵>を借りる"]
    new = ["# 受付", "名簿を印刷する", "<鍵>を借りる", "お茶を出す"]
    view.set_diff(list(difflib.unified_diff(old, new, "第1版", "第2版", lineterm="")))
    text = view.toPlainText()
    assert "－ 名簿を用意する" in text and "＋ 名簿を印刷する" in text and "＋ お茶を出す" in text
    assert "<鍵>を借りる" in text and "---" not in text
    assert view.summary() == "追加 2行・削除 1行"
    view.set_diff(list(difflib.unified_diff(old, old, lineterm="")))
    assert view.toPlainText() == "（二つの版の内容は同じです）" and view.summary() == "追加 0行・削除 0行"
