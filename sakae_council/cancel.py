"""Cancelling long work: a token the GUI sets and the worker checks, importable by every layer.

It lives outside the layered packages (it imports only the standard library), so a service, a paper
and the GUI share one meaning of 中止::

    token = CancelToken()
    ...                                  # the GUI's 中止 button calls token.cancel()
    for i, row in enumerate(rows):       # the long work checks between steps
        token.progress(i, len(rows))     # reports progress, and raises Cancelled once cancelled
        ...

Work that is cancelled raises :class:`Cancelled`; whoever writes must then leave nothing half-written
(a transaction rolled back, a temporary file removed), exactly as for any other exception.

:func:`current` is the token of the work running on this thread (set with :func:`scope` by the GUI's
worker), so deep code such as the PDF layout can check it without every caller passing it along.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["Cancelled", "CancelToken", "current", "scope"]

ProgressReport = Callable[[int, int], None]


class Cancelled(Exception):
    """The person pressed 中止 (or closed the window the work was for); nothing was written."""


class CancelToken:
    """Set once from any thread (:meth:`cancel`); checked by the work (:meth:`check`, :meth:`progress`)."""

    def __init__(self, on_progress: ProgressReport | None = None) -> None:
        self._event = threading.Event()
        self._on_progress = on_progress

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def cancel(self) -> None:
        self._event.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if :meth:`cancel` was called."""
        if self._event.is_set():
            raise Cancelled

    def report_to(self, on_progress: ProgressReport | None) -> None:
        """Where :meth:`progress` reports (the GUI's worker connects its progress bar here)."""
        self._on_progress = on_progress

    def progress(self, done: int, total: int) -> None:
        """``done`` of ``total`` steps are finished (total 0: unknown); raises Cancelled once cancelled."""
        self.check()
        report = self._on_progress
        if report is not None:
            report(done, total)


class _Never(CancelToken):
    def cancel(self) -> None:  # shared by all uncancellable work: nobody may cancel it
        pass


#: A token that is never cancelled: the default for work nobody can stop.
NEVER: CancelToken = _Never()

_current: ContextVar[CancelToken] = ContextVar("sakae_cancel_token", default=NEVER)


def current() -> CancelToken:
    """The token of the work running here (:data:`NEVER` outside :func:`scope`)."""
    return _current.get()


@contextmanager
def scope(token: CancelToken) -> Iterator[CancelToken]:
    """Make ``token`` the :func:`current` one while the block runs."""
    reset = _current.set(token)
    try:
        yield token
    finally:
        _current.reset(reset)
