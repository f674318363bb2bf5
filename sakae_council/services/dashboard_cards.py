"""The dashboard's cards (DTOs) and how they are made from the counted rows — without SQLAlchemy.

Two readers count the same rows: ``services.dashboard`` through SQLAlchemy, and ``services.first_figures``
through ``db.quick_read``'s plain ``sqlite3`` at program start, before SQLAlchemy is imported. Both hand
their rows to :func:`assemble`, so the cards cannot differ by the way they were read. The GUI imports the
DTOs from here (the first page is painted before SQLAlchemy is loaded).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sakae_council.domain.enums import (
    OPEN_ISSUE_STATUSES,
    CouncilStatus,
    IssueStatus,
    MemberRole,
    MinutesStatus,
    ProjectStatus,
)
from sakae_council.domain.wareki import fiscal_year_label


@dataclass(frozen=True)
class MeetingRefDTO:
    """A meeting as a card names it: 令和8年度 第3回 ○○協議会, its date and minutes status."""

    id: int
    body_name: str
    fiscal_year: int
    number: int
    held_on: date
    status: MinutesStatus

    @property
    def title(self) -> str:
        return f"{fiscal_year_label(self.fiscal_year)} 第{self.number}回 {self.body_name}"


@dataclass(frozen=True)
class DistrictCardDTO:
    """What the dashboard shows for one district."""

    district_id: int
    name: str
    council_name: str
    council_status: CouncilStatus
    established_on: date | None
    chair_name: str
    #: People with a running term (現任 or 満了間近) in the district, each counted once.
    member_count: int
    #: Running memberships per role, in the order of MemberRole; roles without members are left out.
    members_by_role: tuple[tuple[MemberRole, int], ...]
    open_issue_count: int
    issues_by_status: tuple[tuple[IssueStatus, int], ...]
    #: Projects per status, in the order of ProjectStatus; statuses without projects are left out.
    projects_by_status: tuple[tuple[ProjectStatus, int], ...]
    last_meeting: MeetingRefDTO | None
    next_meeting: MeetingRefDTO | None
    overdue_action_count: int
    overdue_loan_count: int

    @property
    def project_count(self) -> int:
        return sum(n for _, n in self.projects_by_status)

    def members_with_role(self, role: MemberRole) -> int:
        return dict(self.members_by_role).get(role, 0)

    def projects_with_status(self, status: ProjectStatus) -> int:
        return dict(self.projects_by_status).get(status, 0)

    @property
    def needs_attention(self) -> bool:
        """Something is late: an action item past its due date or equipment not returned in time."""
        return self.overdue_action_count > 0 or self.overdue_loan_count > 0


@dataclass(frozen=True)
class DashboardDTO:
    today: date
    cards: tuple[DistrictCardDTO, ...]
    #: The town-wide 連絡会's latest and next meetings (None when it has none).
    liaison_last: MeetingRefDTO | None
    liaison_next: MeetingRefDTO | None

    def card(self, district_id: int) -> DistrictCardDTO:
        for c in self.cards:
            if c.district_id == district_id:
                return c
        raise KeyError(district_id)


Row = Sequence[Any]


def _grouped(rows: Iterable[Row]) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = defaultdict(dict)
    for district_id, key, n in rows:
        out[district_id][key] = int(n)
    return out


def _in_order(counts: dict[str, int], enum: Iterable[Any]) -> tuple:
    return tuple((member, counts[member.value]) for member in enum if counts.get(member.value))


def chair_ids(role_rows: Iterable[Row]) -> set[int]:
    """The people the role rows name as 会長 (the first and last chair of each district and role)."""
    return {pid for row in role_rows for pid in (row[3], row[4]) if pid is not None}


def _chairs(role_rows: Iterable[Row], chair_rows: Iterable[Row]) -> dict[int, str]:
    """会長 names per district, joined by 「・」 in the order of ``chair_rows`` (id, name; by reading, then id)."""
    per_district: dict[int, set[int]] = defaultdict(set)
    for row in role_rows:
        per_district[row[0]].update(pid for pid in (row[3], row[4]) if pid is not None)
    names = {pid: name for pid, name in chair_rows}
    order = list(names)
    return {
        d: "・".join(names[pid] for pid in sorted(ids, key=order.index) if pid in names)
        for d, ids in per_district.items()
        if ids
    }


def _meeting_refs(rows: Iterable[Row]) -> dict[int | None, MeetingRefDTO]:
    return {
        district_id: MeetingRefDTO(mid, body, fy, number, held_on, MinutesStatus(status))
        for district_id, mid, body, fy, number, held_on, status in rows
    }


def assemble(
    today: date,
    *,
    districts: Iterable[Row],
    role_rows: Sequence[Row],
    total_rows: Iterable[Row],
    chair_rows: Iterable[Row],
    issue_rows: Iterable[Row],
    project_rows: Iterable[Row],
    last_rows: Iterable[Row],
    upcoming_rows: Iterable[Row],
    action_rows: Iterable[Row],
    loan_rows: Iterable[Row],
) -> DashboardDTO:
    """The cards from the counted rows.

    ``districts``: (id, name, council_name, council_status, established_on) of the active districts in
    display order; ``role_rows``: (district, role, people, first chair id, last chair id) of the running
    memberships; ``total_rows``: (district, 委員); ``chair_rows``: (id, name) of the chairs by reading;
    ``issue_rows``/``project_rows``: (district, status, count); ``last_rows``/``upcoming_rows``: (district or
    None for the 連絡会, meeting id, body name, fiscal year, number, held_on, status);
    ``action_rows``/``loan_rows``: (district, overdue count).
    """
    open_statuses = {st.value for st in OPEN_ISSUE_STATUSES}
    by_role = _grouped((row[0], row[1], row[2]) for row in role_rows)
    totals = {d: int(n) for d, n in total_rows}
    chairs = _chairs(role_rows, chair_rows)
    issues = _grouped(issue_rows)
    projects = _grouped(project_rows)
    last = _meeting_refs(last_rows)
    upcoming = _meeting_refs(upcoming_rows)
    actions = {d: int(n) for d, n in action_rows}
    loans = {d: int(n) for d, n in loan_rows}
    cards = []
    for did, name, council_name, council_status, established_on in districts:
        issue_counts = issues.get(did, {})
        cards.append(
            DistrictCardDTO(
                district_id=did,
                name=name,
                council_name=council_name,
                council_status=CouncilStatus(council_status),
                established_on=established_on,
                chair_name=chairs.get(did, ""),
                member_count=totals.get(did, 0),
                members_by_role=_in_order(by_role.get(did, {}), MemberRole),
                open_issue_count=sum(n for st, n in issue_counts.items() if st in open_statuses),
                issues_by_status=_in_order(issue_counts, IssueStatus),
                projects_by_status=_in_order(projects.get(did, {}), ProjectStatus),
                last_meeting=last.get(did),
                next_meeting=upcoming.get(did),
                overdue_action_count=actions.get(did, 0),
                overdue_loan_count=loans.get(did, 0),
            )
        )
    return DashboardDTO(
        today=today, cards=tuple(cards), liaison_last=last.get(None), liaison_next=upcoming.get(None)
    )
