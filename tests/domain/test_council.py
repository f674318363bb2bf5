"""domain.council: who counts as 委員, the quorum's three states, 期限切れ."""

from __future__ import annotations

from datetime import date

import pytest

from sakae_council.domain.council import Quorum, QuorumState, counts_as_member, is_member_seat, is_overdue
from sakae_council.domain.enums import AttendanceStatus, MemberRole

P, A, X, U = (
    AttendanceStatus.PRESENT,
    AttendanceStatus.ABSENT,
    AttendanceStatus.PROXY,
    AttendanceStatus.UNCONFIRMED,
)


def test_staff_seats_do_not_make_a_member_but_any_other_seat_does() -> None:
    assert not is_member_seat(MemberRole.STAFF)
    assert all(is_member_seat(r) for r in MemberRole if r is not MemberRole.STAFF)
    assert not counts_as_member([MemberRole.STAFF, "staff"])
    assert counts_as_member([MemberRole.STAFF, MemberRole.PUBLIC_POST])  # staff who is also 民生委員
    assert not counts_as_member([])


@pytest.mark.parametrize(
    ("statuses", "state"),
    [
        ([U] * 14, QuorumState.UNDECIDED),  # a meeting not held yet: never 成立
        ([P] * 7 + [U] * 7, QuorumState.UNDECIDED),  # exactly half entered
        ([P] * 8 + [U] * 6, QuorumState.MET),  # more than half entered as 出席
        ([P] * 6 + [X] * 2 + [A] * 6, QuorumState.MET),  # 代理 counts
        ([P] * 6 + [A] * 7 + [U], QuorumState.NOT_MET),  # even if the 未確認 one came: 7 of 14
        ([P] * 7 + [A] * 7, QuorumState.NOT_MET),
        ([], QuorumState.NOT_MET),
    ],
)
def test_quorum_is_decided_only_by_entered_attendance(
    statuses: list[AttendanceStatus], state: QuorumState
) -> None:
    q = Quorum.count(statuses)
    assert q.state is state
    assert q.met is (state is QuorumState.MET)
    assert q.total == len(statuses)


def test_counts_and_the_number_needed() -> None:
    q = Quorum.count([P, X, A, U, U])
    assert (q.total, q.present, q.proxies, q.unconfirmed, q.needed) == (5, 2, 1, 2, 3)
    assert Quorum.count([P, P]).needed == 2


def test_overdue_is_strictly_after_the_due_date() -> None:
    assert is_overdue(date(2026, 11, 27), date(2026, 11, 28))
    assert not is_overdue(date(2026, 11, 28), date(2026, 11, 28))
    assert not is_overdue(None, date(2026, 11, 28))
