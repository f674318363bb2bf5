"""A meeting's 確定 minutes as frozen: :class:`RevisionDTO` (one version) and the snapshot JSON stored in
``minutes_revision.snapshot``, written and read back with no database library behind them — so the command
line's quick print (services/minutes_read.py) and the papers use them without SQLAlchemy.
``services.minutes_approval`` re-exports every name, where they were defined before.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sakae_council.domain.enums import (
    ActionStatus,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
    BodyKind,
    MinutesStatus,
)
from sakae_council.services.meeting_dto import (
    ActionItemDTO,
    AgendaItemDTO,
    AttendanceDTO,
    AttendeeCategory,
    MeetingDetailDTO,
)


@dataclass(frozen=True)
class RevisionDTO:
    id: int
    meeting_id: int
    number: int
    created_at: datetime
    created_by: str
    reason: str


# --- snapshot JSON -----------------------------------------------------------------------------------


def _json_default(value: Any) -> Any:
    if isinstance(value, date | time | datetime):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def detail_to_json(d: MeetingDetailDTO) -> str:
    """JSON of the whole detail (enums as their codes, dates and times as ISO text)."""
    return json.dumps(dataclasses.asdict(d), ensure_ascii=False, default=_json_default, sort_keys=True)


def _d(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def _t(v: str | None) -> time | None:
    return time.fromisoformat(v) if v else None


def _action_from(x: dict) -> ActionItemDTO:
    return ActionItemDTO(
        **{
            **x,
            "meeting_held_on": date.fromisoformat(x["meeting_held_on"]),
            "due_on": _d(x["due_on"]),
            "status": ActionStatus(x["status"]),
            "done_on": _d(x["done_on"]),
        }
    )


def _attendance_from(x: dict) -> AttendanceDTO:
    return AttendanceDTO(
        **{**x, "category": AttendeeCategory(x["category"]), "status": AttendanceStatus(x["status"])}
    )


def detail_from_json(text: str) -> MeetingDetailDTO:
    """Rebuild a MeetingDetailDTO from ``detail_to_json`` output."""
    x = json.loads(text)
    return MeetingDetailDTO(
        **{
            **x,
            "body_kind": BodyKind(x["body_kind"]),
            "held_on": date.fromisoformat(x["held_on"]),
            "start_time": _t(x["start_time"]),
            "end_time": _t(x["end_time"]),
            "members": tuple(_attendance_from(a) for a in x["members"]),
            "staff": tuple(_attendance_from(a) for a in x["staff"]),
            "guests": tuple(_attendance_from(a) for a in x["guests"]),
            "handouts": tuple(x["handouts"]),
            "agenda_items": tuple(
                AgendaItemDTO(**{**a, "kind": AgendaKind(a["kind"]), "result": AgendaResult(a["result"])})
                for a in x["agenda_items"]
            ),
            "decisions": tuple(x["decisions"]),
            "action_items": tuple(_action_from(a) for a in x["action_items"]),
            "carried_action_items": tuple(_action_from(a) for a in x["carried_action_items"]),
            "status": MinutesStatus(x["status"]),
            "approved_on": _d(x["approved_on"]),
        }
    )
