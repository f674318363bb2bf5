"""The dashboard's district cards, counted in SQL on a real database (SQLite, and PostgreSQL when set up)."""

from __future__ import annotations

from datetime import date

from summary_town import Town, count_statements

from sakae_council.db.engine import Database
from sakae_council.domain.enums import (
    CouncilStatus,
    IssueStatus,
    MemberRole,
    MinutesStatus,
    OfficerPost,
    ProjectStatus,
)
from sakae_council.services.dashboard import dashboard

TODAY = date(2026, 11, 28)


def test_cards_count_members_issues_projects_meetings_and_overdue(db: Database) -> None:
    t = Town(db)
    a = t.district(
        "安食小学校区", 1, council_status=CouncilStatus.ESTABLISHED.value, established_on=date(2011, 6, 12)
    )
    b = t.district("布鎌小学校区", 2)

    chair = t.member("渡辺 花子", a, post=OfficerPost.CHAIR)
    t.member("渡辺 花子", a, MemberRole.PUBLIC_POST, person_id=chair)  # two seats, one person
    t.member("相川 健", a)
    t.member("北 三郎", a, MemberRole.STAFF, term=(date(2025, 3, 1), date(2027, 1, 31)))  # 満了間近: counts
    t.member("前 退子", a, term=(date(2021, 4, 1), date(2023, 3, 31)))  # 退任
    t.member("辞 任子", a, ended_on=date(2026, 9, 30))  # 退任日 passed
    t.member("次 期人", a, term=(date(2027, 4, 1), date(2029, 3, 31)))  # 就任前
    t.member("削 除子", a, deleted=True)  # taken off the roster
    t.member("布 一郎", b, MemberRole.NPO, term=(None, None))

    for st in (IssueStatus.RAISED, IssueStatus.CONSIDERING, IssueStatus.PROJECTIZED, IssueStatus.CONTINUING):
        t.issue(a, st)
    t.issue(a, IssueStatus.RESOLVED)
    t.issue(a, IssueStatus.WITHDRAWN)
    t.issue(b, IssueStatus.RESOLVED)

    t.project(a, ProjectStatus.RUNNING)
    t.project(a, ProjectStatus.RUNNING)
    t.project(a, ProjectStatus.IDEA)
    t.project(b, ProjectStatus.CANCELLED)

    first = t.meeting(a, date(2026, 6, 1), 1, "approved")
    second = t.meeting(a, date(2026, 10, 3), 2)
    t.meeting(a, date(2026, 12, 5), 3)
    today_meeting = t.meeting(b, TODAY, 1)  # a meeting today is the next one, not the last
    t.meeting(None, date(2026, 11, 2), 2)
    t.meeting(None, date(2027, 2, 1), 3)

    t.action(first, date(2026, 7, 1))  # overdue
    t.action(second, date(2026, 11, 27))  # overdue
    t.action(second, TODAY)  # due today: not overdue
    t.action(second, None)  # no due date
    t.action(first, date(2026, 7, 1), status="done")
    t.action(today_meeting, date(2026, 1, 1))  # b: overdue

    t.loan(a, "lent", date(2026, 11, 27))  # overdue
    t.loan(a, "lent", TODAY)  # due today
    t.loan(a, "returned", date(2026, 11, 1))
    t.loan(a, "reserved", date(2026, 11, 1))
    t.loan(b, "lent", date(2026, 10, 31))
    t.loan(None, "lent", date(2026, 10, 31))  # no district: on no card

    dash = dashboard(db, TODAY)
    assert [c.name for c in dash.cards] == ["安食小学校区", "布鎌小学校区"]
    ca, cb = dash.card(a), dash.card(b)

    assert ca.council_status is CouncilStatus.ESTABLISHED and ca.established_on == date(2011, 6, 12)
    assert ca.council_name == "安食小学校区地域まちづくり協議会"
    assert ca.chair_name == "渡辺 花子"
    assert ca.member_count == 2  # 北 三郎 is 地区担当職員: staff, not a 委員 (domain.council)
    assert ca.members_by_role == (
        (MemberRole.SUISHIN, 2),
        (MemberRole.PUBLIC_POST, 1),
        (MemberRole.STAFF, 1),
    )
    assert ca.open_issue_count == 4
    assert dict(ca.issues_by_status)[IssueStatus.RESOLVED] == 1
    assert ca.projects_by_status == ((ProjectStatus.IDEA, 1), (ProjectStatus.RUNNING, 2))
    assert ca.project_count == 3
    assert ca.last_meeting is not None and ca.last_meeting.held_on == date(2026, 10, 3)
    assert ca.last_meeting.title == "令和8年度 第2回 安食小学校区地域まちづくり協議会"
    assert ca.last_meeting.status is MinutesStatus.DRAFT
    assert ca.next_meeting is not None and ca.next_meeting.held_on == date(2026, 12, 5)
    assert ca.overdue_action_count == 2
    assert ca.overdue_loan_count == 1
    assert ca.needs_attention

    assert cb.council_status is CouncilStatus.PREPARING and cb.chair_name == ""
    assert cb.member_count == 1 and cb.members_by_role == ((MemberRole.NPO, 1),)
    assert cb.open_issue_count == 0
    assert cb.projects_by_status == ((ProjectStatus.CANCELLED, 1),)
    assert cb.last_meeting is None
    assert cb.next_meeting is not None and cb.next_meeting.held_on == TODAY
    assert cb.overdue_action_count == 1 and cb.overdue_loan_count == 1

    assert dash.liaison_last is not None and dash.liaison_last.held_on == date(2026, 11, 2)
    assert dash.liaison_next is not None and dash.liaison_next.title == "令和8年度 第3回 地域まちづくり連絡会"


def test_district_without_data_and_merged_districts(db: Database) -> None:
    t = Town(db)
    empty = t.district("酒直小学校区", 1)
    gone = t.district("北辺田小学校区", 2, active=False, merged_into_id=empty, merged_on=date(2026, 4, 1))
    t.issue(gone, IssueStatus.RAISED)

    dash = dashboard(db, TODAY)
    assert [c.district_id for c in dash.cards] == [empty]  # merged districts have no card
    card = dash.card(empty)
    assert (card.member_count, card.members_by_role, card.open_issue_count, card.project_count) == (
        0,
        (),
        0,
        0,
    )
    assert (card.last_meeting, card.next_meeting) == (None, None)
    assert (card.overdue_action_count, card.overdue_loan_count, card.needs_attention) == (0, 0, False)
    assert dash.liaison_last is None and dash.liaison_next is None


def test_no_districts_gives_no_cards(db: Database) -> None:
    assert dashboard(db, TODAY).cards == ()


def test_query_count_does_not_grow_with_districts(db: Database) -> None:
    """The cards come from a fixed number of GROUP BY queries, whatever the number of districts."""
    t = Town(db)
    d1 = t.district("学区1", 1)
    t.member("一 人", d1)
    with count_statements(db) as few:
        dashboard(db, TODAY)
    for i in range(2, 30):
        d = t.district(f"学区{i}", i)
        t.member(f"人 {i}", d)
        t.issue(d, IssueStatus.RAISED)
        t.project(d, ProjectStatus.RUNNING)
        m = t.meeting(d, date(2026, 5, 1), 1)
        t.action(m, date(2026, 6, 1))
        t.loan(d, "lent", date(2026, 6, 1))
    with count_statements(db) as many:
        dash = dashboard(db, TODAY)
    assert len(dash.cards) == 29
    assert len(many) == len(few) <= 10
    assert all(c.overdue_action_count == 1 and c.overdue_loan_count == 1 for c in dash.cards[1:])
