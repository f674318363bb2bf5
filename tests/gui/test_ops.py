"""The database worker (gui/ops.py): one thread, one at a time, answers on the GUI thread, stale loads dropped,
cancel and progress, errors shown, nothing delivered to a window that is gone."""

from __future__ import annotations

import threading
import time
from pathlib import Path

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


def _allocate(count: int) -> int:
    """Work that allocates as a list load does: many small container objects, kept until the end."""
    kept = [[i] for i in range(count)]
    return len(kept)


def test_garbage_is_never_collected_on_a_worker_thread_and_collection_comes_back_when_idle(
    qtbot: QtBot,
) -> None:
    import gc

    threads: list[str] = []

    def noted(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.current_thread().name)

    thresholds = gc.get_threshold()
    assert gc.isenabled()
    gc.set_threshold(5_000)  # collections come from the worker's allocations, not the test's own
    gc.callbacks.append(noted)
    try:
        results: list[int] = []
        for _ in range(3):
            QueryOp(lambda: _allocate(60_000)).success(results.append).run()
        wait_idle(qtbot)
        assert results == [60_000] * 3
        assert gc.isenabled(), "automatic collection is back once the workers are idle"
        _allocate(60_000)  # on the GUI thread: collected here, as before
    finally:
        gc.callbacks.remove(noted)
        gc.set_threshold(*thresholds)
    assert "MainThread" in threads
    assert not [t for t in threads if t != "MainThread"], f"collected on {sorted(set(threads))}"


def test_resume_gc_waits_for_the_workers(qtbot: QtBot) -> None:
    import gc

    gate = threading.Event()
    gc.disable()  # as the program's start does
    try:
        QueryOp(lambda: gate.wait(10)).run()
        ops.resume_gc()
        assert not gc.isenabled(), "not while the worker works"
        gate.set()
        wait_idle(qtbot)
        assert gc.isenabled()
    finally:
        gate.set()
        gc.enable()


CYCLES_FREED_ON_THE_WORKER = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog
from sakae_council.gui import ops
app = QApplication([])
gc.set_threshold(20_000)  # the next collection comes from the worker's allocations
class Page:
    pass
for _ in range(20):  # what pages and tests leave behind: Qt objects in reference cycles, let go
    page = Page()
    page.dialog, page.timer, page.self = QDialog(), QTimer(), page
    page.timer.start(20)
del page
done = []
ops.QueryOp(lambda: len([[i] for i in range(200_000)])).success(done.append).run()
while not done or not ops.is_idle():
    app.processEvents()
for _ in range(50):  # the timers' next events
    app.processEvents()
    QTimer.singleShot(5, lambda: None)
    import time; time.sleep(0.005)
print("alive", done)
"""


def test_qt_objects_in_garbage_are_not_destroyed_by_a_worker_so_nothing_crashes(tmp_path: Path) -> None:
    """Without the hold a worker's allocations collect the cycles on its own thread: Qt prints 「Timers cannot
    be stopped from another thread」 and the process dies with SIGSEGV at the timers' next event."""
    import os
    import subprocess
    import sys

    script = tmp_path / "cycles.py"
    script.write_text(CYCLES_FREED_ON_THE_WORKER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(Path(ops.__file__).parents[2]))
    proc = subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0, (proc.returncode, proc.stderr[-2000:])
    assert "alive [200000]" in proc.stdout
    assert "another thread" not in proc.stderr


def test_a_long_job_s_garbage_is_collected_on_the_gui_thread_while_it_runs(qtbot: QtBot) -> None:
    """Collection held off for the workers does not mean none: the GUI thread collects by the thresholds
    meanwhile, so a long print's reference cycles do not pile up until it ends."""
    import gc

    seen: list[tuple[str, bool]] = []
    done = threading.Event()

    def noted(phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            seen.append((threading.current_thread().name, done.is_set()))

    def long_job() -> int:
        made = 0
        end = time.monotonic() + 2.0
        while time.monotonic() < end:
            for _ in range(2_000):
                cycle: list[object] = []
                cycle.append(cycle)  # garbage only the cyclic collector frees
                made += 1
            time.sleep(0.01)
        done.set()
        return made

    thresholds = gc.get_threshold()
    gc.set_threshold(5_000)
    gc.callbacks.append(noted)
    try:
        results: list[int] = []
        QueryOp(long_job).success(results.append).run()
        wait_idle(qtbot, timeout_ms=20_000)
    finally:
        gc.callbacks.remove(noted)
        gc.set_threshold(*thresholds)
    assert results and results[0] > 10_000
    assert not [t for t, _ in seen if t != "MainThread"], f"collected on {sorted({t for t, _ in seen})}"
    assert [t for t, after in seen if not after], "the GUI thread collected while the job ran"


def test_an_answer_is_not_kept_by_the_worker_once_delivered(qtbot: QtBot) -> None:
    """A lane waits for its next job without holding the last one: a paper's data (a town's roster at
    stress, ~40 MB) is let go once delivered, not at the lane's next job."""
    import weakref

    class Answer:
        pass

    kept: list[weakref.ref[Answer]] = []

    def make() -> Answer:
        answer = Answer()
        kept.append(weakref.ref(answer))
        return answer

    landed: list[bool] = []
    QueryOp(make, lane=Lane.PAPERS).success(lambda _a: landed.append(True)).run()
    wait_idle(qtbot)
    assert landed == [True]
    qtbot.waitUntil(lambda: kept[0]() is None, timeout=2000)  # the lane is idle, waiting: nothing held
