"""Saving an editor on the database worker, and opening one after its data was read there.

An editor that implements :meth:`EntityDialog.save_request` returns a :class:`SaveRequest`; :func:`write`
runs it on the worker (``gui/ops.py``) with 保存 disabled meanwhile, and on the GUI thread shows the answer:
the DTO goes to ``after_save``, a field error under its field, a stale version to the conflict dialog
(the saved record and who saved it read on the worker, the comparison shown here). :func:`open_after_loading`
is the other half: what an editor shows is read on the worker before the editor is built.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import QObject

from sakae_council.domain.errors import NotFoundError
from sakae_council.gui.dialogs.conflict import ConflictChoice, ConflictField, dto_values, reload_note
from sakae_council.gui.dialogs.conflict_values import is_version_conflict
from sakae_council.gui.ops import QueryOp

if TYPE_CHECKING:
    from sakae_council.gui.dialogs.base import EntityDialog

T = TypeVar("T")
D = TypeVar("D")


class SaveCancelled(Exception):
    """Raised by ``save()`` when the user backs out of a confirmation: the dialog just stays open."""


@dataclass(frozen=True)
class SaveRequest:
    """What an editor saving through the database worker asks for (see :meth:`EntityDialog.save_request`).

    ``write(version)`` runs on the worker (``version`` is None for a new record) and returns the DTO.
    For an edit, ``load_current`` and ``changed_by`` also run there when someone else saved first; the
    comparison of ``fields`` (what the user typed: ``mine``) is shown on the GUI thread, and 再読み込み
    puts the saved record into the form through ``on_reload``.
    """

    write: Callable[[Any], Any]
    version: Any = None
    what: str = ""
    load_current: Callable[[], Any] | None = None
    changed_by: Callable[[], str] | None = None
    fields: Sequence[ConflictField | tuple[str, str]] = ()
    mine: Mapping[str, Any] = field(default_factory=dict)
    on_reload: Callable[[Any], None] | None = None


def write(dialog: EntityDialog, request: SaveRequest, version: Any) -> None:
    """``request.write(version)`` on the worker; the answer lands in ``dialog``."""

    def written(dto: Any) -> None:
        dialog.set_saving(False)
        dialog.after_save(dto)

    dialog.set_saving(True)
    QueryOp(lambda: request.write(version), parent=dialog).success(written).failure(
        lambda exc: _write_failed(dialog, request, exc)
    ).run()


def _write_failed(dialog: EntityDialog, request: SaveRequest, exc: BaseException) -> None:
    if not (is_version_conflict(exc) and request.load_current is not None):
        dialog.set_saving(False)
        dialog.show_save_failure(exc)
        return
    load, changed_by = request.load_current, request.changed_by

    def current_and_who() -> tuple[Any, str]:
        try:
            current = load()
        except NotFoundError:
            current = None
        return current, (changed_by() if changed_by is not None else "")

    def failed(exc: BaseException) -> None:
        dialog.set_saving(False)
        dialog.show_save_failure(exc)

    QueryOp(current_and_who, parent=dialog).success(
        lambda answer: _ask_after_conflict(dialog, request, *answer)
    ).failure(failed).run()


def _ask_after_conflict(dialog: EntityDialog, request: SaveRequest, current: Any, who: str) -> None:
    """Someone else saved first: show both versions and act on the answer (as ``update_record`` does)."""
    theirs = dto_values(current) if current is not None else None
    choice = dialog.ask_conflict(dialog, request.what, request.fields, request.mine, theirs, who)
    if choice is ConflictChoice.OVERWRITE and current is not None:
        write(dialog, request, int(current.version))
        return
    dialog.set_saving(False)
    if choice is ConflictChoice.RELOAD and current is not None:
        (request.on_reload or dialog.fill)(current)
        dialog.form.clear_errors()
        dialog.show_conflict_note(
            reload_note(request.fields, request.mine, theirs or {}, dialog.reload_keeps_input)
        )
        if not dialog.reload_keeps_input:
            dialog.mark_clean()


def open_after_loading(
    parent: QObject,
    load: Callable[[], T],
    build: Callable[[T], D],
    show: Callable[[D], object],
    *,
    failure: Callable[[BaseException], object] | None = None,
) -> None:
    """``load()`` on the database worker, then ``show(build(answer))`` on the GUI thread.

    How every editor opens (``open_issue_editor`` and the like): the record, fresh, and the choices it
    offers are read off the GUI thread before the window is built. A record deleted meanwhile
    (NotFoundError) goes to ``failure``, or is said in a dialog over ``parent``; no editor opens."""
    op = QueryOp(load, parent=parent).success(lambda answer: show(build(answer)))
    if failure is not None:
        op.failure(failure)
    op.run()
