"""Opening the data file with the user, on real files: in use (a real second program, or a lock naming
another computer), write-protected (a real read-only mount), damaged (a page overwritten with garbage),
missing; the notices and the title afterwards; and the backups the running program takes by itself."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database, open_database
from sakae_council.db.lock import lock_path_for, read_lock
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.formatting import wareki
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.settings import app_settings
from sakae_council.gui.startup import (
    BREAK_LOCK,
    OTHER_FILE,
    READ_ONLY,
    RESTORE_FILE,
    RESTORE_NEWEST,
    START_EMPTY,
    ChoiceDialog,
    open_with_user,
)
from sakae_council.gui.widgets.backup_timer import BackupScheduler
from sakae_council.services import backups
from sakae_council.services.people import list_people

from .helpers import TODAY, visible_error_boxes
from .safety_helpers import (
    ModalScript,
    add_people,
    child_env,
    choose,
    click_box_button,
    names_in,
    ok,
    overwrite_table_page,
    pick_file,
    start_holder,
    stop_holder,
)
from .waiting import wait_idle


def open_and_wait(target: str, **options: bool) -> Database | None:
    """What the open flow gives once its work is done (a restore runs on the database worker)."""
    answers: list[Database | None] = []
    open_with_user(None, target, answers.append, **options)
    wait_idle()
    assert len(answers) == 1, "the flow ends once, with a database or None"
    return answers[0]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def _town_with_backups(folder: Path) -> tuple[Path, backups.BackupDTO]:
    """10 people backed up 3 days ago, 5 more backed up an hour ago, then one more change."""
    path = folder / "town.db"
    db = open_database(path)
    try:
        add_people(db, 10)
        backups.make_backup(db, now=datetime.now() - timedelta(days=3))
        add_people(db, 5, prefix="後")
        newest = backups.make_backup(db, now=datetime.now() - timedelta(hours=1))
        add_people(db, 1, prefix="最")
    finally:
        db.close()
    return path, newest


@pytest.fixture()
def opened() -> Iterator[list[Database]]:
    """Databases a test opened through the flow; closed at the end whatever happens."""
    found: list[Database] = []
    yield found
    for db in found:
        db.close()


def _window(qtbot: QtBot, qapp: QApplication, db: Database) -> MainWindow:
    settings = app_settings()
    family = prepare_application(qapp, settings)
    ctx = AppContext(db, settings, font_family=family, today=TODAY)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def _keys(record: dict[str, object]):  # type: ignore[no-untyped-def]
    """A ModalScript action that notes the ChoiceDialog's buttons before pressing nothing."""

    def note(dialog: ChoiceDialog) -> None:
        record["keys"] = sorted(dialog.buttons)
        record["texts"] = {k: b.text() for k, b in dialog.buttons.items()}
        record["cancel"] = dialog.cancel_button.text()

    return note


def _then(*actions):  # type: ignore[no-untyped-def]
    def run(widget) -> None:  # type: ignore[no-untyped-def]
        for action in actions:
            action(widget)

    return run


# --- in use -------------------------------------------------------------------------------------------


def test_a_file_in_use_on_this_computer_opens_read_only_and_nothing_is_written(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, opened: list[Database]
) -> None:
    path = tmp_path / "town.db"
    db = open_database(path)
    add_people(db, 3)
    db.close()
    holder = start_holder(path, user="山田 花子")
    try:
        record: dict[str, object] = {}
        script = ModalScript([(ChoiceDialog, _then(_keys(record), choose(READ_ONLY)))])
        result = open_and_wait(str(path), at_start=True)
        script.check()
        assert result is not None
        opened.append(result)
        message = script.seen[0][1]
        assert "山田 花子さん" in message
        assert f"パソコン「{socket.gethostname()}」" in message
        assert read_lock(path) is not None and read_lock(path).since_text in message  # type: ignore[union-attr]
        # The same computer: the holder is alive, so breaking its lock is not offered.
        assert record["keys"] == [READ_ONLY] and record["cancel"] == "終了"
        assert result.read_only and result.lock is None

        before = (_sha(path), _sha(Path(f"{path}-wal")))
        window = _window(qtbot, qapp, result)
        assert window.windowTitle().endswith("読み取り専用")
        assert "読み取り専用で開いています" in window.data_safety.banner.text()
        for action in (
            window.data_safety.action_backup_now,
            window.data_safety.action_restore,
            window.data_safety.action_import,
        ):
            assert not action.isEnabled()
        # Every page opens on the read-only file without trying to write (a write would raise and show).
        for i in range(window.nav.count()):
            window.nav.setCurrentRow(i)
            QApplication.processEvents()
        qtbot.wait(50)
        assert not visible_error_boxes(window)
        assert (_sha(path), _sha(Path(f"{path}-wal"))) == before
        assert len(list_people(result)) == 3
        window.close()
    finally:
        stop_holder(holder)


def test_a_lock_naming_another_computer_is_broken_only_after_a_question_naming_it(
    tmp_path: Path, opened: list[Database]
) -> None:
    path = tmp_path / "town.db"
    open_database(path).close()
    lock_path_for(path).write_text(
        json.dumps({"user": "鈴木", "host": "YAKUBA-PC07", "pid": 4242, "since": "2026-11-28T09:05:00"}),
        encoding="utf-8",
    )
    record: dict[str, object] = {}
    script = ModalScript(
        [
            (ChoiceDialog, _then(_keys(record), choose(BREAK_LOCK))),
            (QMessageBox, click_box_button("キャンセル")),  # not sure after all: back to the choices
            (ChoiceDialog, choose(BREAK_LOCK)),
            (QMessageBox, click_box_button("ロックを解除して開く")),
        ]
    )
    result = open_and_wait(str(path))
    script.check()
    assert result is not None
    opened.append(result)
    assert "鈴木さんがパソコン「YAKUBA-PC07」で令和8年11月28日 9時05分から使用中" in script.seen[0][1]
    assert record["keys"] == [BREAK_LOCK, READ_ONLY]
    assert record["cancel"] == "キャンセル"
    question = script.seen[1][1]
    assert "パソコン「YAKUBA-PC07」で鈴木さんがこのデータを使っていないこと" in question
    assert "データが壊れるおそれ" in question
    assert not result.read_only and result.lock is not None
    assert read_lock(path) is not None and read_lock(path).host == socket.gethostname()  # type: ignore[union-attr]


def test_backing_out_of_a_file_in_use_leaves_everything_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "town.db"
    open_database(path).close()
    lock = json.dumps({"user": "鈴木", "host": "YAKUBA-PC07", "pid": 4242, "since": "2026-11-28T09:05:00"})
    lock_path_for(path).write_text(lock, encoding="utf-8")
    script = ModalScript([(ChoiceDialog, lambda d: d.cancel_button.click())])
    assert open_and_wait(str(path)) is None
    script.check()
    assert lock_path_for(path).read_text(encoding="utf-8") == lock


def test_opening_a_file_in_use_from_the_menu_keeps_the_current_one(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    open_database(other).close()
    lock_path_for(other).write_text(
        json.dumps({"user": "鈴木", "host": "YAKUBA-PC07", "pid": 1, "since": "2026-11-28T09:05:00"}),
        encoding="utf-8",
    )
    current = ctx.db
    script = ModalScript([(ChoiceDialog, lambda d: d.cancel_button.click())])
    window.switch_database(str(other))
    wait_idle(qtbot)
    script.check()
    assert ctx.db is current
    script = ModalScript([(ChoiceDialog, choose(READ_ONLY))])
    window.switch_database(str(other))
    wait_idle(qtbot)
    script.check()
    assert ctx.db is not current
    assert ctx.db.read_only and ctx.db.path == other
    assert window.windowTitle().endswith("読み取り専用")
    assert "other.db" in window.database_label.full_text()


def test_a_program_that_ended_abruptly_is_mentioned_after_its_lock_was_taken_over(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, opened: list[Database]
) -> None:
    path = tmp_path / "town.db"
    holder = start_holder(path, user="佐藤")
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait(timeout=30)
    result = open_and_wait(str(path))  # no question: the holder is gone, its lock is stale
    assert result is not None
    opened.append(result)
    assert result.stale_lock is not None and result.stale_lock.user == "佐藤"
    window = _window(qtbot, qapp, result)
    notice = window.data_safety.banner.text()
    assert "佐藤さん" in notice and "正しく終了していませんでした" in notice
    assert not window.windowTitle().endswith("読み取り専用")
    qtbot.mouseClick(
        window.data_safety.banner.close_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton
    )
    assert not window.data_safety.banner.isVisible()
    window.close()


def test_a_file_on_a_network_share_is_warned_about(window: MainWindow, ctx: AppContext) -> None:
    assert not window.data_safety.banner.isVisible()
    ctx.db.on_network_share = True  # what open_database finds in /proc/mounts for an NFS/CIFS mount
    window.data_safety.refresh()
    assert ctx.db.network_warning is not None
    assert window.data_safety.banner.text() == ctx.db.network_warning
    assert "ネットワーク上の共有フォルダ" in window.data_safety.banner.text()


NAMESPACES = (
    sys.platform == "linux"
    and shutil.which("unshare") is not None
    and subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "true"], capture_output=True
    ).returncode
    == 0
)


@pytest.mark.skipif(
    not NAMESPACES, reason="needs user+mount namespaces (unshare) to mount a real read-only tmpfs"
)
def test_a_write_protected_medium_is_offered_read_only(tmp_path: Path) -> None:
    """A real tmpfs remounted read-only (root ignores file modes, a read-only mount it cannot)."""
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    child = tmp_path / "child.py"
    child.write_text(
        textwrap.dedent(
            """
            import json, subprocess, sys
            from pathlib import Path
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication
            app = QApplication([])
            from sakae_council.db.engine import open_database
            from sakae_council.gui.startup import READ_ONLY, ChoiceDialog, open_with_user
            from sakae_council.services.people import PersonInput, create_person, list_people

            mnt = Path(sys.argv[1])
            path = mnt / "town.db"
            db = open_database(path)
            create_person(db, PersonInput(name="既存 一郎", furigana="キゾン イチロウ"))
            db.close()
            subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
            seen = {}

            def answer():
                w = QApplication.activeModalWidget()
                if isinstance(w, ChoiceDialog):
                    seen["message"] = w.message.text()
                    seen["buttons"] = sorted(w.buttons)
                    w.buttons[READ_ONLY].click()
                    return
                QTimer.singleShot(20, answer)

            QTimer.singleShot(0, answer)
            answers = []
            open_with_user(None, str(path), answers.append)
            while not answers:  # the flow answers through the event loop
                app.processEvents()
            db = answers[0]
            out = dict(seen, read_only=db.read_only, names=[p.name for p in list_people(db)])
            db.close()
            out["files"] = sorted(p.name for p in mnt.iterdir())
            print(json.dumps(out, ensure_ascii=False))
            """
        ),
        encoding="utf-8",
    )
    shell = f"mount -t tmpfs -o size=8m,mode=0700 tmpfs '{mnt}' && exec '{sys.executable}' '{child}' '{mnt}'"
    done = subprocess.run(
        ["unshare", "--user", "--map-root-user", "--mount", "sh", "-c", shell],
        capture_output=True,
        text=True,
        env=child_env(),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert "書き込みが禁止されています" in out["message"]
    assert out["buttons"] == [READ_ONLY]
    assert out["read_only"] is True
    assert out["names"] == ["既存 一郎"]
    assert out["files"] == ["town.db"], "nothing was created on the protected medium"


# --- damaged or missing -------------------------------------------------------------------------------


def test_a_damaged_file_is_restored_from_the_newest_backup_offered_with_its_date(
    tmp_path: Path, opened: list[Database]
) -> None:
    path, newest = _town_with_backups(tmp_path)
    overwrite_table_page(path)
    damaged = _sha(path)
    record: dict[str, object] = {}
    script = ModalScript(
        [
            (ChoiceDialog, _then(_keys(record), choose(RESTORE_NEWEST))),
            (QMessageBox, click_box_button("復元する")),
            (QMessageBox, ok),  # 復元しました
        ]
    )
    result = open_and_wait(str(path), at_start=True)
    script.check()
    assert result is not None
    opened.append(result)
    when = f"{wareki(newest.taken_at.date(), weekday=True)} {newest.taken_at:%H:%M}"
    texts = record["texts"]
    assert isinstance(texts, dict)
    assert texts[RESTORE_NEWEST] == f"{when}のバックアップから復元"
    assert record["keys"] == sorted([RESTORE_NEWEST, RESTORE_FILE, OTHER_FILE, START_EMPTY])
    assert "削除はしていません" in script.seen[0][1]
    assert when in script.seen[1][1]
    kept = list(tmp_path.glob("town.damaged-*.db"))
    assert len(kept) == 1 and _sha(kept[0]) == damaged, "the damaged file is kept aside, byte for byte"
    assert kept[0].name in script.seen[2][1]
    names = {p.name for p in list_people(result)}
    assert len(names) == 15 and "後004 太郎" in names and "最000 太郎" not in names


def test_starting_empty_needs_a_second_explicit_yes_and_keeps_the_damaged_file(
    tmp_path: Path, opened: list[Database]
) -> None:
    path, _newest = _town_with_backups(tmp_path)
    overwrite_table_page(path)

    def nothing_created_yet(dialog: ChoiceDialog) -> None:
        assert not path.exists(), "backing out of the question must not have created a file"
        dialog.buttons[START_EMPTY].click()

    script = ModalScript(
        [
            (ChoiceDialog, choose(START_EMPTY)),
            (QMessageBox, click_box_button("キャンセル")),
            (ChoiceDialog, nothing_created_yet),
            (QMessageBox, click_box_button("空のデータで始める")),
        ]
    )
    result = open_and_wait(str(path))
    script.check()
    assert result is not None
    opened.append(result)
    assert "本当に空のデータで始めますか" in script.seen[1][1]
    assert "バックアップは消さずに" in script.seen[1][1]
    assert list_people(result) == []
    assert len(list(tmp_path.glob("town.damaged-*.db"))) == 1
    assert len(backups.list_backups(result, summaries=False)) >= 2


def test_a_missing_file_never_starts_empty_by_itself(tmp_path: Path) -> None:
    path, _newest = _town_with_backups(tmp_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    script = ModalScript([(ChoiceDialog, lambda d: d.cancel_button.click())])
    assert open_and_wait(str(path), at_start=True) is None
    script.check()
    assert "見つかりません" in script.seen[0][1]
    assert not path.exists()


def test_a_missing_file_can_be_replaced_by_another_file(tmp_path: Path, opened: list[Database]) -> None:
    path, _newest = _town_with_backups(tmp_path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    other = tmp_path / "elsewhere" / "copy.db"
    other.parent.mkdir()
    db = open_database(other)
    add_people(db, 2, prefix="別")
    db.close()
    script = ModalScript([(ChoiceDialog, choose(OTHER_FILE)), (QFileDialog, pick_file(other))])
    result = open_and_wait(str(path))
    script.check()
    assert result is not None
    opened.append(result)
    assert result.path == other.resolve()
    assert {p.name for p in list_people(result)} == {"別000 太郎", "別001 太郎"}
    assert not path.exists()


def test_a_missing_file_restored_from_a_chosen_backup_file(tmp_path: Path, opened: list[Database]) -> None:
    path, _newest = _town_with_backups(tmp_path)
    oldest = backups.list_backups(path)[-1]
    stick = tmp_path / "usb" / "持ち出し.db"
    stick.parent.mkdir()
    shutil.copy2(oldest.path, stick)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    script = ModalScript(
        [
            (ChoiceDialog, choose(RESTORE_FILE)),
            (QFileDialog, pick_file(stick)),
            (QMessageBox, click_box_button("復元する")),
            (QMessageBox, ok),
        ]
    )
    result = open_and_wait(str(path))
    script.check()
    assert result is not None
    opened.append(result)
    assert "持ち出し.db" in script.seen[2][1] and "名簿 10" in script.seen[2][1]
    assert len(list_people(result)) == 10
    assert names_in(path) == {p.name for p in list_people(result)}


# --- backups while the program runs -------------------------------------------------------------------


def test_backups_at_start_while_working_and_at_quit_refresh_the_status_bar(
    qtbot: QtBot, window: MainWindow, ctx: AppContext, db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_people(db, 2)
    assert window.backup_label.text() == "最終バックアップ: まだありません"
    offset = [timedelta(0)]
    scheduler = BackupScheduler(ctx, clock=lambda: datetime.now() + offset[0])
    assert BackupScheduler.of(ctx) is scheduler
    from sakae_council import heap

    trims: list[int] = []
    real_trim = heap.trim_heap
    monkeypatch.setattr(heap, "trim_heap", lambda: (trims.append(1), real_trim())[-1])
    with qtbot.waitSignal(scheduler.backupTaken, timeout=10_000) as taken:
        scheduler.start()
    assert taken.args[0].reason == "open"
    assert trims  # what the copy's check used on the worker's heap is given back (a stress file: ~6 MB)
    assert scheduler.timer.isActive() and scheduler.timer.interval() == 60_000
    qtbot.waitUntil(lambda: "令和" in window.backup_label.text())

    # Nothing changed since: the minute's check takes no backup.
    scheduler.tick()
    qtbot.waitUntil(lambda: not scheduler.busy)
    assert len(backups.list_backups(db, summaries=False)) == 1

    # Changes, and 31 minutes later: the automatic backup.
    add_people(db, 1, prefix="追")
    offset[0] = timedelta(minutes=31)
    with qtbot.waitSignal(scheduler.backupTaken, timeout=10_000) as taken:
        scheduler.tick()
    assert taken.args[0].reason == "auto"

    # ファイル › 今すぐバックアップ: a manual one, said in the status bar.
    offset[0] = timedelta(minutes=32)
    with qtbot.waitSignal(scheduler.backupTaken, timeout=10_000):
        window.data_safety.action_backup_now.trigger()
    qtbot.waitUntil(lambda: "バックアップを作りました" in window.statusBar().currentMessage())

    # Quitting after another change: the closing backup, taken before the window goes.
    add_people(db, 1, prefix="終")
    offset[0] = timedelta(minutes=33)
    window.close()  # the closing backup runs on the worker; the window goes once it is taken
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10_000)
    reasons = [b.reason for b in backups.list_backups(db, summaries=False)]
    assert reasons[0] == "close", reasons
    assert sorted(reasons) == ["auto", "close", "manual", "open"]
    assert not scheduler.timer.isActive()
    assert "終000 太郎" in names_in(backups.list_backups(db, summaries=False)[0].path)


def test_the_file_is_opened_on_the_database_worker_not_the_gui_thread(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Opening the file (its PRAGMAs, its lock, its upgrade) is database work: the open flow runs it on the
    worker, and the window stays painted meanwhile (issue 18). The real open_database runs; this only
    notes the thread it ran on."""
    import threading

    from sakae_council.gui import ops, startup

    threads: list[tuple[bool, bool]] = []
    real = startup.open_database

    def noting_thread(*args: object, **kwargs: object) -> Database:
        threads.append((threading.current_thread() is threading.main_thread(), ops.on_worker_thread()))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(startup, "open_database", noting_thread)
    db = open_and_wait(str(tmp_path / "town.db"))
    assert db is not None
    try:
        assert threads == [(False, True)], "opened on the GUI thread"
        assert db.path == tmp_path / "town.db"
    finally:
        db.close()
