"""Catch database work on the GUI thread: every statement a screen sends is checked for the thread it runs on.

``with queries_off_gui_thread(db) as caught:`` listens to the engine's ``before_cursor_execute`` event of the
test's database (real SQLite or PostgreSQL, nothing stubbed) and records each statement sent from the
QApplication's thread; the block fails when there was any. Set data up and read results back through the
services *outside* the block (that runs on the test's thread, which is the GUI thread).

``queries_off_gui_thread()`` without a database listens to every engine, also those made inside the block:
the program's start and a switch to another file open their database there (tests/gui/test_gui_thread_open.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from sqlalchemy import event
from sqlalchemy.engine import Engine

from sakae_council.db.engine import Database


def _on_gui_thread() -> bool:
    app = QApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


@contextmanager
def queries_off_gui_thread(db: Database | None = None) -> Iterator[list[str]]:
    """Fail when a statement ran on the GUI thread inside the block (to ``db``; None: to any database, also
    one opened inside the block); yields the list of those caught."""
    caught: list[str] = []

    def check(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if _on_gui_thread():
            caught.append(f"{threading.current_thread().name}: {statement.split()[0]} {statement[:120]!r}")

    target: Any = db.engine if db is not None else Engine
    event.listen(target, "before_cursor_execute", check)
    try:
        yield caught
    finally:
        event.remove(target, "before_cursor_execute", check)
    assert not caught, "database work on the GUI thread:\n" + "\n".join(caught[:20])
