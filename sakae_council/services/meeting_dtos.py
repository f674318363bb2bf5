"""The DTOs of a meeting that the papers print from (次第, 出席簿, 議事録), with no database library behind
them: ``services.meetings`` reads them through the ORM, ``services.minutes_read`` through plain SQL for the
command line's quick print, and ``reports.meeting_docs`` draws them. ``services.meetings`` re-exports every
name, so ``from sakae_council.services.meetings import MeetingDetailDTO`` keeps working.

Also here: the 確定 minutes' snapshot JSON (frozen in ``minutes_revision.snapshot``) and its reader, and
:class:`RevisionDTO`, one frozen version of the minutes.
"""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sakae_council.domain.council import ATTENDING, Quorum
from sakae_council.domain.enums import (
    ActionStatus,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
    BodyKind,
    LabeledEnum,
    MinutesStatus,
)
from sakae_council.domain.wareki import to_wareki


class AttendeeCategory(LabeledEnum):
    """出席者の区分 (stored in Attendance.category)."""

    MEMBER = "member", "委員"
    STAFF = "staff", "職員"
    GUEST = "guest", "来賓・説明者"


# --- DTOs --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeetingInput:
    body_id: int
    held_on: date
    start_time: time | None = None
    end_time: time | None = None
    place: str = ""
    notes: str = ""


@dataclass(frozen=True)
class MeetingSummaryDTO:
    id: int
    version: int
    body_id: int
    body_name: str
    body_kind: BodyKind
    district_id: int | None
    district_name: str
    fiscal_year: int
    fiscal_year_label: str
    number: int
    held_on: date
    start_time: time | None
    end_time: time | None
    place: str
    status: MinutesStatus
    revision: int
    approved_on: date | None

    @property
    def number_label(self) -> str:
        return f"第{self.number}回"

    @property
    def title(self) -> str:
        """令和8年度 第3回 安食小学校区まちづくり協議会."""
        return f"{self.fiscal_year_label} {self.number_label} {self.body_name}"


@dataclass(frozen=True)
class AttendanceDTO:
    id: int
    person_id: int | None
    name: str
    affiliation: str
    category: AttendeeCategory
    status: AttendanceStatus
    proxy_name: str
    position: int

    @property
    def is_present(self) -> bool:
        """出席 or 代理 (a proxy counts as present)."""
        return self.status in ATTENDING

    @property
    def status_text(self) -> str:
        """出席 / 欠席 / 代理（代理者名）."""
        if self.status is AttendanceStatus.PROXY and self.proxy_name:
            return f"{self.status.label}（{self.proxy_name}）"
        return self.status.label


@dataclass(frozen=True)
class AgendaItemDTO:
    id: int
    position: int
    kind: AgendaKind
    title: str
    presenter: str
    discussion: str
    result: AgendaResult
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None

    @property
    def result_text(self) -> str:
        """承認 / 賛成多数（賛成10・反対2・棄権1） / "" when no result."""
        if self.result is AgendaResult.NONE:
            return ""
        counts = [
            f"{label}{n}"
            for label, n in (
                ("賛成", self.votes_for),
                ("反対", self.votes_against),
                ("棄権", self.votes_abstain),
            )
            if n is not None
        ]
        return f"{self.result.label}（{'・'.join(counts)}）" if counts else self.result.label


@dataclass(frozen=True)
class ActionItemDTO:
    id: int
    version: int
    meeting_id: int
    meeting_label: str
    meeting_held_on: date
    content: str
    assignee: str
    due_on: date | None
    status: ActionStatus
    done_on: date | None
    #: The meeting's 年度 and 第N回 as numbers, so a screen can name it in its own language (0 in
    #: snapshots of approved minutes saved before these were recorded: then only ``meeting_label`` says it).
    meeting_fiscal_year: int = 0
    meeting_number: int = 0


@dataclass(frozen=True)
class MeetingDetailDTO:
    """Everything the 次第, 出席簿 and 議事録 print — no session needed afterwards."""

    id: int
    version: int
    body_id: int
    body_name: str
    body_kind: BodyKind
    district_id: int | None
    district_name: str
    fiscal_year: int
    fiscal_year_label: str
    number: int
    held_on: date
    start_time: time | None
    end_time: time | None
    place: str
    notes: str
    chair_id: int | None
    chair_name: str
    recorder_id: int | None
    recorder_name: str
    signatory1_id: int | None
    signatory1_name: str
    signatory2_id: int | None
    signatory2_name: str
    members: tuple[AttendanceDTO, ...]
    staff: tuple[AttendanceDTO, ...]
    guests: tuple[AttendanceDTO, ...]
    observers: int
    handouts: tuple[str, ...]
    agenda_items: tuple[AgendaItemDTO, ...]
    decisions: tuple[str, ...]
    action_items: tuple[ActionItemDTO, ...]
    carried_action_items: tuple[ActionItemDTO, ...]
    next_meeting: str
    status: MinutesStatus
    revision: int
    approved_on: date | None
    #: The council's own wording of the no-quorum remark ("" — the standard NO_QUORUM_REMARK); frozen
    #: with approved minutes (snapshots saved before it existed read as "").
    no_quorum_remark: str = ""

    @property
    def number_label(self) -> str:
        return f"第{self.number}回"

    @property
    def title(self) -> str:
        return f"{self.fiscal_year_label} {self.number_label} {self.body_name}"

    @property
    def held_on_label(self) -> str:
        """令和8年11月28日（土）."""
        return to_wareki(self.held_on, weekday=True)

    @property
    def attendance(self) -> tuple[AttendanceDTO, ...]:
        """Every row in print order: members, staff, guests."""
        return self.members + self.staff + self.guests

    @property
    def is_approved(self) -> bool:
        return self.status is MinutesStatus.APPROVED


def quorum(detail: MeetingDetailDTO) -> Quorum:
    """The meeting's quorum from its 委員 rows as entered (未確認 rows leave it 未確定 while they could tip it)."""
    return Quorum.count(a.status for a in detail.members)


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
