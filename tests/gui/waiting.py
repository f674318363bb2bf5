"""Waiting for the database worker (``sakae_council.gui.ops``) the way a person waits for the screen.

Loads and saves run on the worker and land on the GUI thread a moment later; a test that has clicked or
typed waits with :func:`wait_idle` until every operation asked for has been answered (and its answer
shown), then looks at the screen. Usable from any GUI test or journey::

    from gui.waiting import wait_idle
    qtbot.keyClicks(page.search, "花子"); page.flush_search(); wait_idle(qtbot)
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.gui import ops

#: Long enough for a first font load or a paper on a busy 2-core machine.
IDLE_TIMEOUT_MS = 30_000


def wait_idle(qtbot: QtBot | None = None, timeout_ms: int = IDLE_TIMEOUT_MS) -> None:
    """Let Qt run until the worker's queues are empty and every answer has been delivered."""
    if qtbot is not None:
        qtbot.waitUntil(ops.is_idle, timeout=timeout_ms)
    else:
        import time

        deadline = time.monotonic() + timeout_ms / 1000
        while not ops.is_idle():
            assert time.monotonic() < deadline, "the database worker did not finish in time"
            QApplication.processEvents()
            time.sleep(0.005)
    QApplication.processEvents()  # what the answers scheduled (a repaint, a deferred call)
