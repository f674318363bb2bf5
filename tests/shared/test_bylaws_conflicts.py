"""会則 edited in two windows of two program instances (a SQLite file opened twice, and two logins on the
PostgreSQL server when SAKAE_TEST_PG_URL is set), as the 総会・役員改選 page opens them: both type into the
本文 and save by Ctrl+S; the second meets the two-version dialog (会則の名称 and 本文 side by side, who
saved), and each answer leaves in the database, read back through the services, what it says."""

from __future__ import annotations

from pathlib import Path

import pytest
from gui.helpers import type_text
from gui.thread_guard import queries_off_gui_thread
from gui.waiting import wait_idle
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.bylaws import BylawsDialog, open_bylaws
from sakae_council.services import bylaws, districts

from .conftest import Store
from .two_windows import (
    ANSWERS,
    Seen,
    activate,
    answer_conflict,
    app_context,
    conflict_answered,
    keys,
    open_window,
    save_by_ctrl_s,
)

TITLE = "安食小学校区まちづくり協議会会則"
FIRST = "第1条（名称）本会は安食小学校区まちづくり協議会という。"
YAMADA = "第2条（目的）地域の課題を話し合う。"
SATO = "第2条（事務所）安食ふれあいセンターに置く。"


def district(db: Database) -> int:
    """安食 (set-up through the services)."""
    return districts.create_district(
        db,
        districts.DistrictInput(
            name="安食小学校区", council_name="安食小学校区まちづくり協議会", display_order=1
        ),
    ).id


def open_bylaws_window(qtbot: QtBot, ctx: AppContext, district_id: int) -> BylawsDialog:
    """会則… as the 総会・役員改選 page opens it: the 会則 and its 版 read on the worker, then the window."""
    return open_window(qtbot, lambda host, show: open_bylaws(ctx, district_id, host, show))


def type_at_end(qtbot: QtBot, window: BylawsDialog, text: str) -> None:
    """Click into the 本文, go to its end (Ctrl+End), and type."""
    activate(qtbot, window)
    window.body_edit.setFocus()
    keys(qtbot, window, Qt.Key.Key_End)
    qtbot.keyClick(window.body_edit, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, window.body_edit, text)


def save_and_close(qtbot: QtBot, window: BylawsDialog) -> None:
    save_by_ctrl_s(qtbot, window)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    wait_idle(qtbot)


@pytest.mark.parametrize("how", ANSWERS)
def test_the_second_to_save_the_bylaws_sees_both_texts_and_gets_what_they_chose(
    qtbot: QtBot, store: Store, tmp_path: Path, how: str
) -> None:
    yamada, sato = store.open("yamada"), store.open("sato")
    d = district(yamada)
    bylaws.save_bylaws(yamada, d, TITLE, FIRST, "制定")  # set-up: 第1版
    first = open_bylaws_window(qtbot, app_context(yamada, tmp_path), d)
    second = open_bylaws_window(qtbot, app_context(sato, tmp_path), d)

    type_at_end(qtbot, first, YAMADA)
    save_and_close(qtbot, first)
    assert bylaws.get_bylaws(sato, d).revision == 2  # type: ignore[union-attr]

    type_at_end(qtbot, second, SATO)
    seen: list[Seen] = []
    with queries_off_gui_thread(sato):  # the save, the conflict's reads and the answer: all on the worker
        answer_conflict(qtbot, how, seen, tmp_path / "bylaws-conflict.png")
        save_by_ctrl_s(qtbot, second)
        shown = conflict_answered(qtbot, seen)

    assert shown.rows == [
        ("会則の名称", TITLE, TITLE),
        ("★ 本文", FIRST + SATO, FIRST + YAMADA),
    ]
    assert "この会則は、あなたが編集している間に、ほかの人が変更して保存しました。" in shown.explanation
    assert "yamada が 令和" in shown.explanation, "who saved, from the audit trail"

    now = bylaws.get_bylaws(sato, d)  # read back through the service
    assert now is not None
    if how == "overwrite_button":
        qtbot.waitUntil(lambda: not second.isVisible(), timeout=30_000)
        wait_idle(qtbot)
        now = bylaws.get_bylaws(sato, d)
        assert now is not None and now.body == FIRST + SATO and now.revision == 3
        assert [r.author for r in bylaws.list_revisions(sato, d)] == ["yamada", "yamada", "sato"]
        return
    assert (now.body, now.revision) == (FIRST + YAMADA, 2), "nothing written"
    assert second.isVisible()
    if how == "reload_button":
        assert second.body_edit.text() == FIRST + YAMADA, "the saved text is shown"
        assert "第2版" in second.history.text()
        note = second.conflict_note.text.text()
        assert "ほかの人が保存した内容を読み込みました" in note and f"・本文: {FIRST + SATO}" in note, (
            "what was typed"
        )
        # Saving now writes on top of 山田's 版, knowingly: 第3版.
        type_at_end(qtbot, second, "（追記）")
        save_and_close(qtbot, second)
        now = bylaws.get_bylaws(sato, d)
        assert now is not None and (now.body, now.revision) == (FIRST + YAMADA + "（追記）", 3)
        return
    assert second.body_edit.text() == FIRST + SATO, "キャンセル keeps everything as typed"


def test_two_first_versions_entered_at_once_meet_in_the_dialog(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    yamada, sato = store.open("yamada"), store.open("sato")
    d = district(yamada)
    first = open_bylaws_window(qtbot, app_context(yamada, tmp_path), d)
    second = open_bylaws_window(qtbot, app_context(sato, tmp_path), d)
    assert "まだ会則が登録されていません" in second.history.text()
    type_at_end(qtbot, first, FIRST)
    save_and_close(qtbot, first)

    type_at_end(qtbot, second, SATO)
    seen: list[Seen] = []
    answer_conflict(qtbot, "overwrite_button", seen)
    save_by_ctrl_s(qtbot, second)
    shown = conflict_answered(qtbot, seen)
    assert ("★ 本文", SATO, FIRST) in shown.rows and "yamada が 令和" in shown.explanation
    qtbot.waitUntil(lambda: not second.isVisible(), timeout=30_000)
    wait_idle(qtbot)
    now = bylaws.get_bylaws(sato, d)
    assert now is not None and (now.body, now.revision) == (SATO, 2), "上書き: the second text is the 第2版"


def test_a_long_bylaws_text_can_be_read_to_its_end_in_the_dialog(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    long = "\n".join(
        f"第{i}条（見出し{i}）役員や会議の決まりを定める、長い会則の{i}番目の条。" for i in range(1, 41)
    )
    yamada, sato = store.open("yamada"), store.open("sato")
    d = district(yamada)
    bylaws.save_bylaws(yamada, d, TITLE, long, "制定")  # set-up: a 会則 taller than any screen
    first = open_bylaws_window(qtbot, app_context(yamada, tmp_path), d)
    second = open_bylaws_window(qtbot, app_context(sato, tmp_path), d)
    type_at_end(qtbot, first, YAMADA)
    save_and_close(qtbot, first)
    type_at_end(qtbot, second, SATO)
    seen: list[Seen] = []
    answer_conflict(qtbot, "escape", seen)
    save_by_ctrl_s(qtbot, second)
    shown = conflict_answered(qtbot, seen)
    assert shown.rows[1] == ("★ 本文", long + SATO, long + YAMADA)
    assert shown.reaches_end, "the end of both texts (where they differ) can be scrolled to"
    assert second.isVisible() and second.body_edit.text() == long + SATO
