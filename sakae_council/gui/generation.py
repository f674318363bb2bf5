"""Numbering the loads of one list, so only the newest answer lands (used with ``gui/ops.QueryOp.latest``).

Apart from ``gui/ops.py`` so the main window's district bar and status line can hold one from the start
without importing the worker (its threads, queues and dataclasses) before the window's first paint.
"""

from __future__ import annotations


class Generation:
    """Numbers the loads of one list: only the answer to the newest one is delivered.

    A load still waiting in the queue when a newer one is asked for is not run at all.
    """

    def __init__(self) -> None:
        self._number = 0

    def next(self) -> int:
        self._number += 1
        return self._number

    @property
    def current(self) -> int:
        return self._number

    def is_current(self, number: int) -> bool:
        return number == self._number
