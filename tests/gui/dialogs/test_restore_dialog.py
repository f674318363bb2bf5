"""ファイル › バックアップから復元…: backups listed by date, reason and contents beside the current data;
a restore confirmed by its date, the data before it kept (and said where), every page showing the
restored data; 「ファイルから…」 for a backup kept elsewhere; nothing possible on a read-only open."""

from __future__ import annotations

import shutil
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database, open_database
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.restore import RestoreDialog
from sakae_council.gui.formatting import wareki
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.gui.text_size import TextSize
from sakae_council.services import backups
from sakae_council.services.people import list_people

from ..helpers import TODAY, clipped_texts
from ..safety_helpers import ModalScript, add_people, click_box_button, names_in, pick_file


def _when(moment: datetime) -> str:
    return f"{wareki(moment.date(), weekday=True)} {moment:%H:%M}"


def _history(db: Database) -> tuple[backups.BackupDTO, backups.BackupDTO]:
    """4 people backed up two days ago, 3 more backed up two hours ago, then 1 more not backed up."""
    add_people(db, 4)
    old = backups.make_backup(db, now=datetime.now() - timedelta(days=2))
    add_people(db, 3, prefix="後")
    newer = backups.make_backup(db, now=datetime.now() - timedelta(hours=2))
    add_people(db, 1, prefix="最")
    return old, newer


def _open_dialog(qtbot: QtBot, window: MainWindow) -> RestoreDialog:
    dialog = window.data_safety.open_restore()
    assert isinstance(dialog, RestoreDialog)
    qtbot.waitUntil(
        lambda: bool(dialog.status.text()) and not dialog.status.text().endswith("…"), timeout=10_000
    )
    return dialog


def test_backups_are_listed_with_date_reason_and_contents_next_to_the_current_data(
    qtbot: QtBot, window: MainWindow, db: Database, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    old, newer = _history(db)
    dialog = _open_dialog(qtbot, window)
    qtmodeltester.check(dialog.model)
    assert dialog.current.text() == "今のデータ: 学区 1・名簿 8・地域課題 0・協働事業 0・会議 0"
    assert str(backups.backup_folder(db)) in dialog.folder.text()
    assert dialog.status.text() == "バックアップ 2件（新しい順）"
    cells = [[dialog.model.index(r, c).data() for c in range(dialog.model.columnCount())] for r in range(2)]
    assert cells[0][:3] == [_when(newer.taken_at), "手動", "学区 1・名簿 7・地域課題 0・協働事業 0・会議 0"]
    assert cells[1][:3] == [_when(old.taken_at), "手動", "学区 1・名簿 4・地域課題 0・協働事業 0・会議 0"]
    assert cells[0][3].startswith("令和")  # 最後の変更: the newest audit entry in it
    assert dialog.restore_button.isEnabled() and dialog.file_button.isEnabled()
    dialog.close()


def test_restoring_the_chosen_date_keeps_the_data_before_it_and_refreshes_every_page(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, db: Database
) -> None:
    old, _newer = _history(db)
    roster = window.show_page("roster")
    ctx.notify("people")  # the people were added through the service, behind the page's back
    qtbot.waitUntil(lambda: roster.model.rowCount() == 8)  # type: ignore[attr-defined]
    dialog = _open_dialog(qtbot, window)
    dialog.table.select_row(1)
    assert dialog.selected() == dialog.model.row_at(1)

    script = ModalScript([(QMessageBox, click_box_button("復元する"))])
    with qtbot.waitSignal(dialog.restored, timeout=20_000) as restored:
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    script.check()
    question = script.seen[0][1]
    assert f"{_when(old.taken_at)}のバックアップに戻しますか" in question
    assert "バックアップの内容: 学区 1・名簿 4" in question and "今のデータ: 学区 1・名簿 8" in question

    result = restored.args[0]
    assert result.safety_backup is not None and result.safety_backup.exists()
    assert len(names_in(result.safety_backup)) == 8, "the data as it was just before is kept"
    assert str(result.safety_backup) in dialog.done_line.text.text()
    assert dialog.done_line.isVisible()
    assert {p.name for p in list_people(db)} == {f"栄{i:03d} 太郎" for i in range(4)}
    # Every page rebuilt on the restored data; the status bar and the list follow.
    roster = window.page("roster")
    qtbot.waitUntil(lambda: roster.model.rowCount() == 4)  # type: ignore[attr-defined]
    assert "学区 1・名簿 4" in dialog.current.text()
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 3, timeout=10_000)
    assert dialog.model.row_at(0).reason == "before-restore"  # type: ignore[union-attr]
    assert dialog.model.index(0, 1).data() == "復元の直前"
    assert window.backup_label.text().startswith("最終バックアップ: 令和")
    dialog.close()


def test_backing_out_of_the_question_changes_nothing(qtbot: QtBot, window: MainWindow, db: Database) -> None:
    _history(db)
    dialog = _open_dialog(qtbot, window)
    script = ModalScript([(QMessageBox, click_box_button("キャンセル"))])
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    script.check()
    assert len(list_people(db)) == 8
    assert len(backups.list_backups(db, summaries=False)) == 2
    assert not dialog.done_line.isVisible()
    dialog.close()


def test_a_backup_file_from_elsewhere_is_described_then_restored(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    old, _newer = _history(db)
    stick = tmp_path / "usb" / "協議会の控え.db"
    stick.parent.mkdir()
    shutil.copy2(old.path, stick)
    dialog = _open_dialog(qtbot, window)
    script = ModalScript([(QFileDialog, pick_file(stick)), (QMessageBox, click_box_button("復元する"))])
    with qtbot.waitSignal(dialog.restored, timeout=20_000):
        qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    script.check()
    assert "名簿 4" in script.seen[1][1]
    assert len(list_people(db)) == 4
    assert stick.exists(), "the chosen file itself is left as it was"
    dialog.close()


def test_a_file_that_is_no_backup_is_refused_in_the_dialog(
    qtbot: QtBot, window: MainWindow, db: Database, tmp_path: Path
) -> None:
    _history(db)
    letter = tmp_path / "お知らせ.db"
    letter.write_text("これはデータファイルではありません", encoding="utf-8")
    dialog = _open_dialog(qtbot, window)
    script = ModalScript([(QFileDialog, pick_file(letter))])
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    script.check()
    assert dialog.error.isVisible() and "別のファイルを選んでください" in dialog.error.text.text()
    assert len(list_people(db)) == 8
    dialog.close()


def test_nothing_can_be_restored_on_a_read_only_open(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    path = tmp_path / "town.db"
    writer = open_database(path)
    _history(writer)
    writer.close()
    ro = open_database(path, read_only=True)
    try:
        settings = app_settings()
        ctx = AppContext(ro, settings, font_family=prepare_application(qapp, settings), today=TODAY)
        dialog = RestoreDialog(ctx)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitUntil(lambda: dialog.model.rowCount() == 2, timeout=10_000)
        assert not dialog.restore_button.isEnabled() and not dialog.file_button.isEnabled()
        assert "読み取り専用で開いているため復元できません" in dialog.error.text.text()
        dialog.close()
    finally:
        ro.close()


def test_the_dialog_at_the_largest_text_size_cuts_nothing(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, db: Database
) -> None:
    _history(db)
    ctx.set_text_size(TextSize.XLARGE)
    dialog = _open_dialog(qtbot, window)
    qtbot.waitUntil(lambda: dialog.fontMetrics().height() >= 22)
    qtbot.wait(50)
    assert clipped_texts(dialog) == []
    dialog.grab().save(str(Path(db.path).parent / "restore-xlarge.png"))  # type: ignore[arg-type]
    dialog.close()


def test_with_no_backup_yet_the_lists_titles_are_whole_at_the_largest_text_size(
    qtbot: QtBot, window: MainWindow, ctx: AppContext
) -> None:
    """Before the first backup the list is empty: its column titles (作成日時, いつ作った …) showed cut at 特大."""
    ctx.set_text_size(TextSize.XLARGE)
    dialog = _open_dialog(qtbot, window)
    assert dialog.status.text() == "バックアップはまだありません。"
    header = dialog.table.horizontalHeader()
    titles = range(header.count() - 1)  # (the last one stretches to the table's edge)
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in titles), [
        (header.sectionSize(c), header.sectionSizeHint(c)) for c in range(header.count())
    ]
    dialog.close()
