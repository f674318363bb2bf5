"""Opening a meeting's windows without waiting on the database: what each shows is read on the database
worker (gui/ops.py) before it is built, then ``show(window)`` is called on the GUI thread. A meeting
deleted meanwhile is said in a dialog (NotFoundError) and nothing opens."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from sakae_council.db.engine import Database
from sakae_council.domain.errors import DomainError
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.opening import Failed, open_with
from sakae_council.services import meeting_replies, meetings, minutes_approval
from sakae_council.services.meeting_replies import RepliesDTO
from sakae_council.services.meetings import MeetingDetailDTO

if TYPE_CHECKING:
    from sakae_council.gui.dialogs.meeting_editor import MeetingEditor
    from sakae_council.gui.dialogs.meeting_print import MeetingPrintDialog
    from sakae_council.gui.dialogs.meeting_replies import RepliesDialog


@dataclass(frozen=True)
class MeetingExtras:
    """What the editor shows beside the minutes: the 版 of approved minutes and the replies to the notice."""

    revisions: list[Any] = field(default_factory=list)
    replies: RepliesDTO | None = None


def replies_or_none(db: Database, meeting_id: int) -> RepliesDTO | None:
    """The replies to the meeting's notice (None when they cannot be read: the line stays empty)."""
    try:
        return meeting_replies.get_replies(db, meeting_id)
    except DomainError:
        return None


def load_extras(db: Database, detail: MeetingDetailDTO) -> MeetingExtras:
    """The editor's extras for ``detail`` (call it on the database worker)."""
    revisions: list[Any] = []
    if detail.is_approved:
        with contextlib.suppress(DomainError):
            revisions = list(minutes_approval.list_revisions(db, detail.id))
    return MeetingExtras(revisions, replies_or_none(db, detail.id))


def open_meeting_editor(
    ctx: AppContext,
    meeting_id: int,
    parent: QWidget,
    show: Callable[[MeetingEditor], object],
    failed: Failed = None,
) -> None:
    """The meeting (fresh), its 版 and replies read on the worker; then the editor is built and shown."""
    from sakae_council.gui.dialogs.meeting_editor import MeetingEditor

    db = ctx.db

    def load() -> tuple[MeetingDetailDTO, MeetingExtras]:
        detail = meetings.get_meeting(db, meeting_id)
        return detail, load_extras(db, detail)

    open_with(
        load, lambda answer: MeetingEditor(ctx, answer[0], parent, extras=answer[1]), parent, show, failed
    )


def open_replies(
    ctx: AppContext,
    meeting_id: int,
    parent: QWidget,
    show: Callable[[RepliesDialog], object],
    failed: Failed = None,
) -> None:
    """出欠回答の入力 of the meeting, its invitees and replies read on the worker."""
    from sakae_council.gui.dialogs.meeting_replies import RepliesDialog

    db = ctx.db
    open_with(
        lambda: meeting_replies.get_replies(db, meeting_id),
        lambda replies: RepliesDialog(ctx, meeting_id, parent, data=replies),
        parent,
        show,
        failed,
    )


def open_meeting_print(
    ctx: AppContext,
    meeting_id: int,
    parent: QWidget,
    show: Callable[[MeetingPrintDialog], object],
    failed: Failed = None,
    *,
    document: str = "minutes",
) -> None:
    """The meeting's print window, the meeting and its 版 read on the worker (the paper is read there too)."""
    from sakae_council.gui.dialogs.meeting_print import MeetingPrintDialog

    db = ctx.db

    def load() -> tuple[MeetingDetailDTO, list[Any]]:
        detail = meetings.get_meeting(db, meeting_id)
        revisions = list(minutes_approval.list_revisions(db, meeting_id)) if detail.is_approved else []
        return detail, revisions

    open_with(
        load,
        lambda answer: MeetingPrintDialog(ctx, meeting_id, parent, document=document, loaded=answer),
        parent,
        show,
        failed,
    )
