"""同時編集 on the database worker: the twin of :func:`conflict.save_noting_reload` for a save that must not
wait on the GUI thread.

``write(version)`` runs on the worker; when someone else saved first, the saved record (``load_current``)
and who saved it (``changed_by``) are read there too, and only the two-version dialog is shown on the GUI
thread. 再読み込み calls ``on_reload(current)`` and ``show_note`` says what was typed; 上書き writes again on
top of the version just shown; キャンセル changes nothing. Exactly one of ``done(dto)``, ``failed(exc)`` or
``stopped()`` (nothing was written: キャンセル or 再読み込み) is called at the end, on the GUI thread::

    save_in_background(
        self, write=lambda v: manual_history.restore_revision(db, sid, n, v), version=section.version,
        what=..., load_current=lambda: manual.get_section(db, sid), fields=..., mine=...,
        on_reload=self.show_saved_version, show_note=self.note.show_message,
        done=self.restored_to, failed=self.show_failure, stopped=lambda: None,
    )
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from sakae_council.domain.errors import NotFoundError
from sakae_council.gui.dialogs.conflict import ConflictChoice, ask_conflict, reload_note
from sakae_council.gui.dialogs.conflict_values import ConflictField, dto_values, is_version_conflict
from sakae_council.gui.ops import QueryOp


def save_in_background(
    parent: QWidget,
    *,
    write: Callable[[Any], Any],
    version: Any,
    what: str,
    load_current: Callable[[], Any] | None,
    fields: Sequence[ConflictField | tuple[str, str]],
    mine: Mapping[str, Any],
    on_reload: Callable[[Any], None],
    done: Callable[[Any], object],
    failed: Callable[[BaseException], object],
    stopped: Callable[[], object],
    show_note: Callable[[str], object] | None = None,
    keeps_input: bool = False,
    changed_by: Callable[[], str] | None = None,
    values_of: Callable[[Any], Mapping[str, Any]] = dto_values,
    version_of: Callable[[Any], Any] | None = None,
    refuse_overwrite: Callable[[Any], str] | None = None,
    ask: Callable[..., ConflictChoice] = ask_conflict,
    mine_heading: str = "",
) -> None:
    """See the module docstring. Without ``load_current`` a stale save is an error like any other."""

    def attempt(at: Any) -> None:
        QueryOp(lambda: write(at), parent=parent).success(done).failure(written_over).run()

    def written_over(exc: BaseException) -> None:
        if load_current is None or not is_version_conflict(exc):
            failed(exc)
            return
        load = load_current

        def current_and_who() -> tuple[Any, str]:
            try:
                current = load()
            except NotFoundError:
                current = None
            return current, (changed_by() if changed_by is not None else "")

        QueryOp(current_and_who, parent=parent).success(lambda answer: decide(*answer)).failure(failed).run()

    def decide(current: Any, who: str) -> None:
        refusal = refuse_overwrite(current) if refuse_overwrite is not None and current is not None else ""
        theirs = values_of(current) if current is not None else None
        choice = ask(parent, what, fields, mine, theirs, who, mine_heading=mine_heading, refusal=refusal)
        if choice is ConflictChoice.OVERWRITE and current is not None and not refusal:
            attempt(version_of(current) if version_of is not None else int(current.version))
            return
        if choice is ConflictChoice.RELOAD and current is not None:
            on_reload(current)
            if show_note is not None:
                show_note(reload_note(fields, mine, theirs or {}, keeps_input))
        stopped()

    attempt(version)
