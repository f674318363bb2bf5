"""The database worker: every database read and write of the GUI, one at a time, off the GUI thread.

In the manner of Anki's ``QueryOp``/``CollectionOp``: a page says what to run and what to do with the
answer, and the worker runs it on its own thread, in the order asked, one operation at a time; the
answer comes back on the GUI thread by a queued signal, so callbacks may touch widgets::

    QueryOp(lambda: people.list_members(db, flt)).success(self.show_rows).run()

    # a list load: only the newest answer lands (typing a search fast loads once per pause, and an
    # answer to an older text is dropped even if it comes last)
    QueryOp(lambda: fetch(0, 200)).latest(self._loads).success(self.show_rows).run()

    # long work with progress and 中止: fn takes the token, reports with token.progress(i, n)
    token = CancelToken()
    QueryOp(lambda: importing.run(db, path, token), token=token).progress(bar.show_step) \\
        .success(done).cancelled(self.say_stopped).run()

Two lanes, each one thread and one queue: :attr:`Lane.DATABASE` for everything that reads or writes the
database (list loads, editor opens and saves, the dashboard, the change feed, backups, imports, data
collection for papers) and :attr:`Lane.PAPERS` for drawing PDFs with ReportLab, which touches no
database and can take a minute at the stress size — a paper being drawn never holds up a list load.
Nothing here uses Qt's global thread pool, and nothing spins a nested event loop.

Failures: a callback given with :meth:`QueryOp.failure` gets the exception; without one, a DomainError
(or any other error, logged with its traceback) is shown to the person in one dialog over ``parent``.
An operation whose ``parent`` widget was deleted meanwhile delivers nothing.

Tests wait for the worker with :func:`is_idle` (``qtbot.waitUntil(ops.is_idle)``; ``tests/gui/waiting.py``).

Garbage collection: Python's cyclic collector runs on whichever thread allocates when a threshold is passed
— often a worker, which allocates most. A collection there destroys the Qt objects in the garbage it finds
(a dialog, a timer made and let go in a reference cycle) on the wrong thread, and the GUI thread crashes at
their next event (SIGSEGV; ``tests/gui/test_ops.py`` shows it). So automatic collection is off while any
operation is asked for and not yet delivered, and comes back on, on the GUI thread, once every lane is idle;
code that turns it on itself calls :func:`resume_gc` instead of ``gc.enable()``. While it is held off, the GUI
thread collects on a timer by the collector's own thresholds (``gc.get_count()`` against ``gc.get_threshold()``),
so a long job (a 5,000-page roster on the papers lane) does not pile up its reference cycles until it ends.
"""

from __future__ import annotations

import enum
import gc
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from sakae_council import heap
from sakae_council.cancel import Cancelled, CancelToken, scope
from sakae_council.domain.errors import DomainError
from sakae_council.gui.generation import Generation

log = logging.getLogger(__name__)

T = TypeVar("T")

__all__ = [
    "Cancelled",
    "CancelToken",
    "Generation",
    "Lane",
    "OpHandle",
    "QueryOp",
    "is_idle",
    "resume_gc",
    "worker",
]


class Lane(enum.Enum):
    """Which serial worker runs an operation."""

    DATABASE = "database"
    PAPERS = "papers"
    #: Trying a server that is not the open database (接続テスト): a slow network never holds up the lists.
    CONNECT = "connect"
    #: The data file's quick check deferred at start (after an unclean shutdown): its own read-only
    #: connection, 1.5 s on a 500 MB file, never in front of a list load or a paper.
    CHECK = "check"


@dataclass(eq=False)
class _Job:
    fn: Callable[[], Any]
    token: CancelToken
    generation: Generation | None
    number: int
    handle: OpHandle
    outcome: str = ""  # "ok", "error", "cancelled", "stale"
    value: Any = None
    deliver: Callable[[_Job], None] = field(default=lambda job: None)
    on_progress: Callable[[int, int], object] | None = None


class OpHandle:
    """A running or queued operation: ``cancel()`` asks it to stop (it raises Cancelled at its next check)."""

    def __init__(self, token: CancelToken) -> None:
        self.token = token
        self.finished = False

    def cancel(self) -> None:
        self.token.cancel()


class _Bridge(QObject):
    """Lives on the GUI thread: signals emitted by the worker thread arrive here queued."""

    finished = Signal(object)
    progressed = Signal(object, int, int)


class SerialWorker(QObject):
    """One thread, one queue: operations run in the order they were asked for, never two at once."""

    idle = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._queue: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._pending = 0  # asked for and not yet delivered; touched only on the GUI thread
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver)
        self._bridge.progressed.connect(self._progress)
        heap.limit_arenas()  # before the lane's first allocation: the lanes share one arena
        self._thread = threading.Thread(target=self._loop, name=f"sakae-{name}", daemon=True)
        self._thread.start()
        self.thread_id = self._thread.ident

    # --- GUI thread ---------------------------------------------------------------------------
    def submit(self, job: _Job) -> None:
        self._pending += 1
        _hold_gc()  # before the worker wakes: no collection on its thread while it works
        _collect_meanwhile()
        self._queue.put(job)

    @property
    def running(self) -> bool:
        """False once :meth:`shutdown` ended the thread (the next :func:`worker` call starts a new one)."""
        return self._thread.is_alive()

    @property
    def pending(self) -> int:
        """Operations asked for whose answer has not been delivered yet."""
        return self._pending

    def shutdown(self, timeout: float = 10.0) -> None:
        """Let the queued work finish (up to ``timeout`` seconds) and end the thread (at quit)."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    def _deliver(self, job: _Job) -> None:
        self._pending -= 1
        job.handle.finished = True
        try:
            job.deliver(job)
        finally:
            if self._pending == 0:
                _follow_gc()
                self.idle.emit()

    def _progress(self, job: _Job, done: int, total: int) -> None:
        if job.on_progress is not None and not job.handle.finished:
            job.on_progress(done, total)

    # --- worker thread ------------------------------------------------------------------------
    def _loop(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run(job)
            self._bridge.finished.emit(job)
            job = None  # not held (with its answer) while this thread waits for the next one

    def _run(self, job: _Job) -> None:
        _hold_gc()  # in case it was turned on meanwhile by code that did not ask resume_gc
        if job.generation is not None and not job.generation.is_current(job.number):
            job.outcome = "stale"  # a newer load of the same list is already asked for
            return
        if job.token.cancelled:
            job.outcome = "cancelled"
            return
        try:
            with scope(job.token):
                job.value = job.fn()
            job.outcome = "ok"
        except Cancelled:
            job.outcome = "cancelled"
        except BaseException as exc:  # reported to the GUI thread, which shows it; traceback logged there
            job.outcome, job.value = "error", exc

    def report(self, job: _Job, done: int, total: int) -> None:
        """Called on the worker thread by the job's token: queued to the GUI thread."""
        self._bridge.progressed.emit(job, done, total)


_workers: dict[Lane, SerialWorker] = {}

#: Automatic garbage collection was on and the workers turned it off (see the module docstring).
_gc_held = False


def _hold_gc() -> None:
    """Automatic collection off while a worker works (either thread; it only ever turns it off)."""
    global _gc_held
    if gc.isenabled():
        gc.disable()
        _gc_held = True


def _follow_gc() -> None:
    """GUI thread: automatic collection back on once no operation is asked for or undelivered on any lane."""
    global _gc_held
    if _gc_held and is_idle():
        _gc_held = False
        gc.enable()
        if _collector is not None:
            _collector.stop()


#: GUI thread: collects while the workers hold automatic collection off (made on first use).
_collector: QTimer | None = None
COLLECT_EVERY_MS = 500


def _collect_meanwhile() -> None:
    """GUI thread: start the timer that collects here, by the collector's thresholds, while collection is held."""
    global _collector
    if not _gc_held:
        return
    if _collector is None:
        _collector = QTimer()
        _collector.setInterval(COLLECT_EVERY_MS)
        _collector.timeout.connect(collect_due)
    if not _collector.isActive():
        _collector.start()


def collect_due() -> int:
    """GUI thread: the collection Python would have run by now (the oldest generation past its threshold),
    if automatic collection is held off for the workers; the generation collected, or -1 for none."""
    if gc.isenabled():
        return -1
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] >= thresholds[generation]:
            gc.collect(generation)
            return generation
    return -1


def collect_now() -> float:
    """GUI thread: a full collection now and the freed heap given back; returns the milliseconds it took.

    For the end of a long job (a paper drawn): collection is held off while the workers work, so what the
    job left in reference cycles (ReportLab's flowables, the data's objects) would wait for the
    collector's thresholds, and the memory after it (a preview, the next paper) could not reuse it."""
    import time

    started = time.perf_counter()
    gc.collect()
    heap.trim_heap()
    return (time.perf_counter() - started) * 1000


def resume_gc() -> None:
    """Turn automatic garbage collection on (GUI thread): now when the workers are idle, else once they are."""
    global _gc_held
    if gc.isenabled():
        return
    _gc_held = True
    _follow_gc()


def worker(lane: Lane = Lane.DATABASE) -> SerialWorker:
    """The serial worker of ``lane`` (started on first use, ended when the application quits)."""
    w = _workers.get(lane)
    if w is None or not w.running:
        w = _workers[lane] = SerialWorker(lane.value)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(w.shutdown)
        _follow_gc()  # a worker ended with answers undelivered no longer holds collection off
    return w


def shutdown_all(timeout: float = 10.0) -> None:
    """End every lane's thread after its queued work (what quitting the application does for each lane).

    For code that shows windows without running the application's event loop to its end (the start-up
    benchmark): a worker still inside a query when the data file is closed, or still emitting when the
    interpreter ends, takes the process down."""
    for w in list(_workers.values()):
        w.shutdown(timeout)


def is_idle() -> bool:
    """True when no operation is queued, running or waiting to be delivered, on any lane."""
    return all(w.pending == 0 for w in _workers.values())


def on_worker_thread(lane: Lane = Lane.DATABASE) -> bool:
    """True when called from ``lane``'s worker thread (for assertions)."""
    w = _workers.get(lane)
    return w is not None and threading.get_ident() == w.thread_id


class QueryOp(Generic[T]):
    """``fn`` on a serial worker; ``success(result)`` / ``failure(exc)`` / ``cancelled()`` on the GUI thread.

    Build it, then :meth:`run` it once. ``parent``: the widget the answer is for (nothing is delivered once
    it is deleted; errors without a failure callback are shown over it). ``token``: the CancelToken the
    work checks (one is made when none is given; :meth:`OpHandle.cancel` sets it).
    """

    def __init__(
        self,
        fn: Callable[[], T],
        *,
        parent: QObject | None = None,
        token: CancelToken | None = None,
        lane: Lane = Lane.DATABASE,
    ) -> None:
        self._fn = fn
        self._parent = parent
        self._token = token if token is not None else CancelToken()
        self._lane = lane
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[BaseException], object] | None = None
        self._cancelled: Callable[[], object] | None = None
        self._progress: Callable[[int, int], object] | None = None
        self._generation: Generation | None = None
        self._finally: Callable[[], object] | None = None

    def success(self, cb: Callable[[T], object]) -> QueryOp[T]:
        self._success = cb
        return self

    def failure(self, cb: Callable[[BaseException], object]) -> QueryOp[T]:
        self._failure = cb
        return self

    def cancelled(self, cb: Callable[[], object]) -> QueryOp[T]:
        """Called when the work stopped on 中止 (it raised Cancelled, or was cancelled before it started)."""
        self._cancelled = cb
        return self

    def progress(self, cb: Callable[[int, int], object]) -> QueryOp[T]:
        """``cb(done, total)`` on the GUI thread whenever the work calls ``token.progress``."""
        self._progress = cb
        return self

    def latest(self, generation: Generation) -> QueryOp[T]:
        """This load replaces any earlier one numbered by ``generation``: only the newest answer lands."""
        self._generation = generation
        return self

    def finally_(self, cb: Callable[[], object]) -> QueryOp[T]:
        """Called after success, failure or cancel (not for a dropped stale answer): hide a bar, enable a button."""
        self._finally = cb
        return self

    def run(self) -> OpHandle:
        handle = OpHandle(self._token)
        w = worker(self._lane)
        number = self._generation.next() if self._generation is not None else 0
        job = _Job(self._fn, self._token, self._generation, number, handle, deliver=self._deliver)
        if self._progress is not None:
            job.on_progress = self._report_progress
            self._token.report_to(lambda done, total: w.report(job, done, total))
        w.submit(job)
        return handle

    # --- GUI thread ---------------------------------------------------------------------------
    def _alive(self) -> bool:
        return self._parent is None or isValid(self._parent)

    def _report_progress(self, done: int, total: int) -> None:
        if self._progress is not None and self._alive():
            self._progress(done, total)

    def _deliver(self, job: _Job) -> None:
        if job.outcome == "stale" or (
            self._generation is not None and not self._generation.is_current(job.number)
        ):
            return
        parent = self._parent
        if not self._alive():
            return  # the window it was for is gone
        try:
            if job.outcome == "ok":
                if self._success is not None:
                    self._success(job.value)
            elif job.outcome == "cancelled":
                if self._cancelled is not None:
                    self._cancelled()
            elif self._failure is not None:
                if not isinstance(job.value, DomainError):
                    log.error("operation failed", exc_info=job.value)
                self._failure(job.value)
            else:
                from sakae_council.gui.widgets.messages import show_error

                show_error(parent if isinstance(parent, QWidget) else None, job.value)
        finally:
            if self._finally is not None:
                self._finally()
