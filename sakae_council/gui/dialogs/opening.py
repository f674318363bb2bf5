"""Opening a window without waiting on the database: what it shows is read on the database worker
(gui/ops.py) first, then the window is built and shown on the GUI thread — the ``open_<x>(ctx, id, parent,
show)`` functions of the dialogs (``open_person_editor``, ``open_meeting_editor``, ``open_bylaws`` …)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from sakae_council.gui.dialogs.saving import open_after_loading

T = TypeVar("T")
W = TypeVar("W")

#: What to do when the read fails (a record deleted meanwhile): None shows the error over the parent.
Failed = Callable[[BaseException], object] | None


def open_with(
    load: Callable[[], T],
    build: Callable[[T], W],
    parent: QWidget,
    show: Callable[[W], object],
    failed: Failed = None,
) -> None:
    """``load()`` on the database worker, then ``show(build(data))`` on the GUI thread; a failure goes to
    ``failed`` (by default it is shown in a dialog over ``parent``) and nothing opens."""
    open_after_loading(parent, load, build, show, failure=failed)
