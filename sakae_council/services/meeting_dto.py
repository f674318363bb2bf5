"""The DTOs of a meeting (会議) and its minutes: the summary row of a list, the full detail the 次第, 出席簿 and
議事録 print, and their parts (出欠, 議題, 宿題事項) — frozen dataclasses shared by services.meetings,
services.minutes and the papers, read without a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time

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
