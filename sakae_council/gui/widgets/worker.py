"""Run slow work (PDFs, imports, big queries) off the GUI thread and report back by signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class Job(QRunnable):
    """``fn()`` in the thread pool; ``signals.done(result)`` or ``signals.failed(exception)`` on the GUI thread."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.fn()
        except Exception as exc:  # reported to the GUI, which shows it; the traceback goes to the log
            log.exception("background job failed")
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


def run_in_background(
    fn: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]
) -> Job:
    """Start ``fn`` in Qt's global thread pool; the callbacks run on the GUI thread."""
    job = Job(fn)
    job.signals.done.connect(on_done)
    job.signals.failed.connect(on_failed)
    QThreadPool.globalInstance().start(job)
    return job
