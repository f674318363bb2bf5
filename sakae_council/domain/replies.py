"""出欠回答 — what a member answered on the 出欠票 of a 開催通知, and the quorum those answers promise.

A reply is an intention, not attendance: the meeting's own attendance stays 未確認 until it is entered
on the day (domain.council). Replies only forecast the quorum — 「成立見込み」 once the members who said
they will come (出席, or 委任 to a proxy, who counts as present) are more than half; 「定足数に達しない
見込み」 once they cannot be, even if every member who has not answered came — and, on the day, give the
attendance tab a starting point that the secretary then corrects.
"""

from __future__ import annotations

from collections.abc import Iterable

from sakae_council.domain.council import Quorum, QuorumState
from sakae_council.domain.enums import AttendanceStatus, LabeledEnum


class Reply(LabeledEnum):
    """The answer ticked on the 出欠票."""

    PRESENT = "present", "出席"
    ABSENT = "absent", "欠席"
    #: 委任: the member sends a proxy (代理人), who counts as present.
    PROXY = "proxy", "委任"

    @property
    def attendance(self) -> AttendanceStatus:
        """The attendance this answer suggests for the day (委任 → 代理)."""
        return {
            Reply.PRESENT: AttendanceStatus.PRESENT,
            Reply.ABSENT: AttendanceStatus.ABSENT,
            Reply.PROXY: AttendanceStatus.PROXY,
        }[self]


class ExpectedQuorum(LabeledEnum):
    """会議の成立見込み, from the replies received so far."""

    LIKELY = "likely", "成立見込み"
    UNLIKELY = "unlikely", "定足数に達しない見込み"
    OPEN = "open", "未回答の方の出欠しだい"


def expected_quorum(replies: Iterable[Reply | None]) -> tuple[Quorum, ExpectedQuorum]:
    """The members' replies (None: not answered yet) counted by the quorum rule of domain.council.

    One entry per 委員 of the meeting; staff and guests are not passed in."""
    statuses = [r.attendance if r is not None else AttendanceStatus.UNCONFIRMED for r in replies]
    quorum = Quorum.count(statuses)
    state = {
        QuorumState.MET: ExpectedQuorum.LIKELY,
        QuorumState.NOT_MET: ExpectedQuorum.UNLIKELY,
        QuorumState.UNDECIDED: ExpectedQuorum.OPEN,
    }[quorum.state]
    return quorum, state
