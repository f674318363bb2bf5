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

from sakae_council.gui.dialogs.conflict import ConflictField, dto_values
from sakae_council.gui.dialogs.conflict_op import save_in_background
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
    # How the saved record is compared (``mine`` is typed input; the default reads the DTO's fields).
    values_of: Callable[[Any], Mapping[str, Any]] = dto_values
    # The version 上書き writes on top of (default: the saved record's ``version``).
    version_of: Callable[[Any], Any] | None = None
    # Why the saved record must not be written over (approved minutes); 上書き is then not offered.
    refuse_overwrite: Callable[[Any], str] | None = None


def write(dialog: EntityDialog, request: SaveRequest) -> None:
    """``request.write(version)`` on the worker; the answer lands in ``dialog`` (a stale version through
    the two-version dialog: :func:`conflict_op.save_in_background`)."""
    keeps = dialog.reload_keeps_input

    # 再読み込み: the saved record goes into the form (what was typed is listed in the note)
    def reload(current: Any) -> None:
        (request.on_reload or dialog.fill)(current)
        dialog.form.clear_errors()
        if not keeps:
            dialog.mark_clean()

    def written(dto: Any) -> None:
        dialog.set_saving(False)
        dialog.after_save(dto)

    def failed(exc: BaseException) -> None:
        dialog.set_saving(False)
        dialog.show_save_failure(exc)

    dialog.set_saving(True)
    save_in_background(
        dialog, write=request.write, version=request.version, what=request.what,
        load_current=request.load_current, changed_by=request.changed_by, fields=request.fields,
        mine=request.mine, values_of=request.values_of, version_of=request.version_of,
        refuse_overwrite=request.refuse_overwrite, on_reload=reload, show_note=dialog.show_conflict_note,
        keeps_input=keeps, ask=dialog.ask_conflict, mine_heading=dialog.conflict_mine_heading(),
        done=written, failed=failed, stopped=lambda: dialog.set_saving(False),
    )  # fmt: skip


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
