"""The database worker (gui/ops.py): one thread, one at a time, answers on the GUI thread, stale loads dropped,
cancel and progress, errors shown, nothing delivered to a window that is gone."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.cancel import Cancelled, CancelToken, current
from sakae_council.db.engine import Database
from sakae_council.domain.errors import ValidationError
from sakae_council.gui import ops
from sakae_council.gui.ops import Generation, Lane, QueryOp
from sakae_council.services import districts

from .waiting import wait_idle


def test_operations_run_one_at_a_time_in_order_off_the_gui_thread(qtbot: QtBot) -> None:
    running = 0
    most = 0
    ran_on: list[int] = []
    order: list[int] = []
    answered_on: list[int] = []
    lock = threading.Lock()

    def work(i: int) -> int:
        nonlocal running, most
        with lock:
            running += 1
            most = max(most, running)
        ran_on.append(threading.get_ident())
        time.sleep(0.01)
        order.append(i)
        with lock:
            running -= 1
        return i * 10

    answers: list[int] = []
    for i in range(6):
        QueryOp(lambda i=i: work(i)).success(
            lambda r: (answers.append(r), answered_on.append(threading.get_ident()))
        ).run()
    wait_idle(qtbot)
    assert order == list(range(6))
    assert answers == [0, 10, 20, 30, 40, 50]
    assert most == 1
    assert len(set(ran_on)) == 1 and ran_on[0] != threading.get_ident()
    assert set(answered_on) == {threading.get_ident()}  # callbacks may touch widgets


def test_only_the_newest_load_of_a_list_lands_and_queued_older_ones_never_run(qtbot: QtBot) -> None:
    gate = threading.Event()
    ran: list[str] = []
    landed: list[str] = []
    loads = Generation()

    started = threading.Event()

    def load(text: str) -> str:
        ran.append(text)
        if text == "花":
            started.set()
            gate.wait(5)  # still running when the person types on
        return text

    QueryOp(lambda: load("花")).latest(loads).success(landed.append).run()
    assert started.wait(5)
    for text in ("花子", "花子 田"):
        QueryOp(lambda t=text: load(t)).latest(loads).success(landed.append).run()
    gate.set()
    wait_idle(qtbot)
    assert landed == ["花子 田"]
    assert ran == ["花", "花子 田"]  # 「花子」 was already stale when its turn came


def test_cancel_stops_the_work_at_its_next_check_and_says_so(qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[tuple[int, int]] = []
    outcome: list[str] = []

    def long_work(token: CancelToken) -> str:
        for i in range(1000):
            if i == 2:
                started.set()
            token.progress(i, 1000)
            time.sleep(0.002)
        return "finished"

    token = CancelToken()
    handle = (
        QueryOp(lambda: long_work(token), token=token)
        .progress(lambda d, t: steps.append((d, t)))
        .success(lambda r: outcome.append(r))
        .cancelled(lambda: outcome.append("cancelled"))
        .run()
    )
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(steps) >= 2)
    handle.cancel()
    wait_idle(qtbot)
    assert outcome == ["cancelled"]
    assert steps[0] == (0, 1000) and all(t == 1000 for _d, t in steps)
    assert steps[-1][0] < 999


def test_work_cancelled_before_its_turn_never_runs(qtbot: QtBot) -> None:
    gate = threading.Event()
    ran: list[str] = []
    QueryOp(lambda: gate.wait(5)).run()
    token = CancelToken()
    outcome: list[str] = []
    QueryOp(lambda: ran.append("second"), token=token).cancelled(lambda: outcome.append("cancelled")).run()
    token.cancel()
    gate.set()
    wait_idle(qtbot)
    assert ran == [] and outcome == ["cancelled"]


def test_the_current_token_is_the_operations_own(qtbot: QtBot) -> None:
    token = CancelToken()
    seen: list[CancelToken] = []
    QueryOp(lambda: current(), token=token).success(seen.append).run()
    wait_idle(qtbot)
    assert seen == [token]
    assert current() is not token  # only inside the operation


def test_a_failure_goes_to_the_failure_callback(qtbot: QtBot) -> None:
    errors: list[BaseException] = []
    done: list[str] = []

    def refuse() -> None:
        raise ValidationError("name", "学区名を入れてください。")

    QueryOp(refuse).failure(errors.append).finally_(lambda: done.append("finally")).run()
    wait_idle(qtbot)
    assert [type(e) for e in errors] == [ValidationError] and done == ["finally"]


def test_without_a_failure_callback_the_person_is_told_in_one_dialog(qtbot: QtBot) -> None:
    page = QWidget()
    qtbot.addWidget(page)

    def refuse() -> None:
        raise ValidationError("name", "学区名を入れてください。")

    QueryOp(refuse, parent=page).run()
    wait_idle(qtbot)
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [b.text() for b in boxes] == ["学区名を入れてください。"]
    for b in boxes:
        b.close()


def test_nothing_is_delivered_to_a_window_that_is_gone(qtbot: QtBot) -> None:
    gate = threading.Event()
    page = QWidget()
    landed: list[object] = []
    QueryOp(lambda: gate.wait(5), parent=page).success(landed.append).run()
    page.deleteLater()
    QApplication.processEvents()
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gate.set()
    wait_idle(qtbot)
    assert landed == []


def test_papers_have_their_own_lane_so_a_long_drawing_never_holds_up_a_list(qtbot: QtBot) -> None:
    gate = threading.Event()
    landed: list[str] = []
    QueryOp(lambda: gate.wait(5), lane=Lane.PAPERS).success(lambda _r: landed.append("paper")).run()
    QueryOp(lambda: "list").success(landed.append).run()
    qtbot.waitUntil(lambda: landed == ["list"])
    gate.set()
    wait_idle(qtbot)
    assert landed == ["list", "paper"]
    assert ops.worker(Lane.PAPERS).thread_id != ops.worker(Lane.DATABASE).thread_id


def test_a_write_cancelled_in_its_transaction_leaves_the_database_unchanged(
    qtbot: QtBot, db: Database
) -> None:
    token = CancelToken()

    def write_then_stop() -> None:
        with db.batch():
            districts.create_district(db, districts.DistrictInput(name="書きかけ学区", display_order=9))
            token.cancel()
            token.check()  # 中止 between two steps of one transaction

    outcome: list[str] = []
    QueryOp(write_then_stop, token=token).cancelled(lambda: outcome.append("cancelled")).run()
    wait_idle(qtbot)
    assert outcome == ["cancelled"]
    assert [d.name for d in districts.list_districts(db)] == []


def test_cancelled_is_an_exception_callers_can_catch() -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        token.progress(1, 2)
