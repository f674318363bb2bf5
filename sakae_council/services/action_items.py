"""宿題事項: the action items decided at a meeting, marked done (with the day) or reopened."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    ActionItem,
    Meeting,
)
from sakae_council.domain.enums import (
    ActionStatus,
)
from sakae_council.services.common import (
    apply_changes,
    audit,
    check_date_order,
    check_version,
    get_or_raise,
)
from sakae_council.services.meeting_detail import _action_dto
from sakae_council.services.meeting_dto import ActionItemDTO

# --- action items ------------------------------------------------------------------------------------


def _action_item(s: Session, item_id: int, expected_version: int | None) -> tuple[ActionItem, Meeting]:
    item = get_or_raise(s, ActionItem, item_id, "宿題事項")
    check_version(item, expected_version, "宿題事項")
    return item, s.get_one(Meeting, item.meeting_id)


def get_action_item(db: Database, item_id: int) -> ActionItemDTO:
    """One action item as saved now (NotFoundError when it was removed)."""
    with db.reading() as s:
        item, m = _action_item(s, item_id, None)
        return _action_dto(item, m)


def complete_action_item(
    db: Database, item_id: int, done_on: date, expected_version: int | None = None
) -> ActionItemDTO:
    """Mark an action item 完了; it stops being carried to the body's later meetings."""
    with db.transaction() as s:
        item, m = _action_item(s, item_id, expected_version)
        check_date_order(
            m.held_on,
            done_on,
            "done_on",
            "完了日が、宿題事項が出た会議の日より前です。日付を確認してください。",
        )
        changes = apply_changes(item, {"status": ActionStatus.DONE.value, "done_on": done_on})
        if changes:
            s.flush()
            audit(
                s,
                db.user,
                "complete",
                "action_item",
                item.id,
                f"宿題事項「{item.content[:40]}」を完了",
                changes,
            )
        return _action_dto(item, m)


def reopen_action_item(db: Database, item_id: int, expected_version: int | None = None) -> ActionItemDTO:
    """Undo 完了: the item is carried again."""
    with db.transaction() as s:
        item, m = _action_item(s, item_id, expected_version)
        changes = apply_changes(item, {"status": ActionStatus.OPEN.value, "done_on": None})
        if changes:
            s.flush()
            audit(
                s,
                db.user,
                "reopen",
                "action_item",
                item.id,
                f"宿題事項「{item.content[:40]}」を未完了に戻す",
                changes,
            )
        return _action_dto(item, m)
