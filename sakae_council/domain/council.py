"""Who counts as 委員 of a council, when a meeting has its quorum (定足数), and when a 宿題 is overdue.

One definition each, so the roster, the dashboard, the 連絡会まとめ, the attendance tab and the printed
minutes count the same people and say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sakae_council.domain.enums import AttendanceStatus, LabeledEnum, MemberRole

#: Seats that do not make their holder a 委員: 地区担当職員 are town staff who support the council
#: (listed apart on the roster and in the minutes), not members of it.
NON_MEMBER_ROLES = frozenset({MemberRole.STAFF})

#: Statuses that count as attending: a 代理 stands in for the member.
ATTENDING = frozenset({AttendanceStatus.PRESENT, AttendanceStatus.PROXY})

#: Printed before the items of minutes whose meeting had no quorum, unless the council wrote its own.
NO_QUORUM_REMARK = "定足数に達しなかったため、以下は協議の記録であり、議決ではありません。"


def is_member_seat(role: MemberRole | str) -> bool:
    """True when a seat with this 役割 makes its holder a 委員 (every role but 地区担当職員)."""
    return MemberRole(role) not in NON_MEMBER_ROLES


def counts_as_member(roles: Iterable[MemberRole | str]) -> bool:
    """委員 — a person counts once as a member of a council when any running seat they hold there is a
    member seat; someone who holds only 地区担当職員 seats is staff, not a 委員."""
    return any(is_member_seat(r) for r in roles)


class QuorumState(LabeledEnum):
    """会議の成立: decided only from entered attendance."""

    MET = "met", "成立"
    NOT_MET = "not_met", "不成立"
    UNDECIDED = "undecided", "未確定"


@dataclass(frozen=True)
class Quorum:
    """The members' attendance counted: more than half of all 委員 present (代理 counts as present)."""

    total: int
    present: int
    proxies: int
    unconfirmed: int

    @classmethod
    def count(cls, statuses: Iterable[AttendanceStatus | str]) -> Quorum:
        """Count the attendance statuses of a meeting's 委員 (staff and guests are not passed in)."""
        seen = [AttendanceStatus(s) for s in statuses]
        present = sum(1 for s in seen if s in ATTENDING)
        return cls(
            total=len(seen),
            present=present,
            proxies=seen.count(AttendanceStatus.PROXY),
            unconfirmed=seen.count(AttendanceStatus.UNCONFIRMED),
        )

    @property
    def needed(self) -> int:
        """過半数: the fewest members present for the meeting to stand."""
        return self.total // 2 + 1

    @property
    def state(self) -> QuorumState:
        """成立 once the entered 出席 alone is more than half; 不成立 once it can no longer be, even if every
        未確認 member came; otherwise 未確定."""
        if self.total and self.present >= self.needed:
            return QuorumState.MET
        if self.present + self.unconfirmed < self.needed:
            return QuorumState.NOT_MET
        return QuorumState.UNDECIDED

    @property
    def met(self) -> bool:
        return self.state is QuorumState.MET


def is_overdue(due_on: date | None, on: date) -> bool:
    """期限切れ: an open 宿題 whose due date is before ``on`` (the rule the 連絡会まとめ shades by)."""
    return due_on is not None and due_on < on
