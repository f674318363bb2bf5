"""The 連絡会 summary's figures on known data: cross-district table, matrix, sections, shared issues."""

from __future__ import annotations

from datetime import date

import pytest
from summary_town import Town, count_statements

from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueStatus, MemberRole, ProjectKind, ProjectStatus
from sakae_council.domain.errors import ValidationError
from sakae_council.services import indicator_rules
from sakae_council.services.liaison import Period, cross_district_rows, liaison_summary

TODAY = date(2026, 11, 28)
FY2026 = Period.for_fiscal_year(2026)


@pytest.fixture()
def town(db: Database) -> dict[str, int]:
    t = Town(db)
    ids: dict[str, int] = {}
    a = ids["a"] = t.district("安食小学校区", 1)
    b = ids["b"] = t.district("布鎌小学校区", 2)
    ids["c"] = t.district("酒直小学校区", 3)  # no data at all
    kids = ids["kids"] = t.category("子育て", 2)

    t.member("渡辺 花子", a)
    t.member("相川 健", a, MemberRole.STAFF)  # 地区担当職員: on the roster, not a 委員 (domain.council)
    t.member("前 退子", a, term=(date(2024, 4, 1), date(2026, 3, 31)))  # ran until the end of FY2025
    t.member("布 一郎", b)

    ids["i1"] = t.issue(a, IssueStatus.RAISED, date(2026, 5, 1), title="通学路の見守り")
    ids["i2"] = t.issue(a, IssueStatus.RAISED, date(2025, 6, 1), category_id=kids, shared_with_liaison=True)
    t.change_issue(ids["i2"], IssueStatus.CONSIDERING, date(2025, 7, 1))
    t.change_issue(ids["i2"], IssueStatus.RESOLVED, date(2026, 6, 10))  # resolved in FY2026
    ids["i3"] = t.issue(a, IssueStatus.RAISED, date(2025, 5, 1), shared_with_liaison=True)
    t.change_issue(ids["i3"], IssueStatus.CONSIDERING, date(2025, 6, 1))
    t.change_issue(ids["i3"], IssueStatus.RESOLVED, date(2025, 12, 1))  # closed before FY2026
    ids["i4"] = t.issue(a, IssueStatus.RAISED, date(2027, 4, 10))  # after FY2026
    ids["i5"] = t.issue(a, IssueStatus.RAISED, date(2026, 7, 1), title="空き家の草刈り")
    t.change_issue(ids["i5"], IssueStatus.WITHDRAWN, date(2026, 8, 1))
    ids["i6"] = t.issue(
        b, IssueStatus.CONSIDERING, date(2026, 10, 1), shared_with_liaison=True, title="防犯灯"
    )

    p1 = ids["p1"] = t.project(a, ProjectStatus.RUNNING, start_on=date(2025, 4, 1), title="見守り隊")
    p2 = ids["p2"] = t.project(
        a, ProjectStatus.COMPLETED, start_on=date(2024, 4, 1), end_on=date(2025, 3, 31)
    )
    ids["p3"] = t.project(a, ProjectStatus.IDEA, title="子ども食堂")
    p4 = ids["p4"] = t.project(a, ProjectStatus.CANCELLED, start_on=date(2026, 5, 1), end_on=date(2026, 6, 1))
    p5 = ids["p5"] = t.project(
        b, ProjectStatus.RUNNING, start_on=date(2026, 4, 1), kind=ProjectKind.COMMUNITY.value
    )

    t.grant(p1, 2026, "awarded", 200000, date(2026, 2, 25))
    t.grant(p1, 2026, "applied", None)
    t.grant(p4, 2026, "rejected", None, date(2026, 5, 1))
    t.grant(p2, 2025, "settled", 150000, date(2025, 3, 1))
    t.grant(p5, 2026, "reported", 50000, date(2026, 5, 1))

    t.milestone(p1, "隊員募集", date(2025, 6, 1))
    t.milestone(p1, "ベスト配布", date(2026, 5, 1))
    t.milestone(p1, "年間計画", None)
    t.activity(p1, date(2026, 5, 10), 12)
    t.activity(p1, date(2026, 6, 10), 8)
    t.activity(p1, date(2025, 10, 1), 30)

    m_march = t.meeting(a, date(2026, 3, 1), 6, "approved")
    m_may = ids["m_may"] = t.meeting(a, date(2026, 5, 1), 1, "approved")
    m_oct = t.meeting(a, date(2026, 10, 3), 2)
    m_dec = t.meeting(a, date(2026, 12, 5), 3)
    t.decision(m_may, "見守り隊の活動日を毎週水曜日とする。", 0)
    t.decision(m_may, "防犯ベストを追加で20着購入する。", 1)
    t.decision(m_dec, "まだ開かれていない会議の決定。")
    t.decision(m_march, "前年度の決定。")
    ids["late"] = t.action(m_may, date(2026, 6, 1))
    t.action(m_may, date(2026, 6, 1), status="done")
    ids["later"] = t.action(m_oct, date(2026, 12, 20))
    return ids


def test_cross_district_table_for_a_fiscal_year(db: Database, town: dict[str, int]) -> None:
    rows = {r.name: r for r in cross_district_rows(db, FY2026, TODAY)}
    assert list(rows) == ["安食小学校区", "布鎌小学校区", "酒直小学校区"]
    a, b, c = rows["安食小学校区"], rows["布鎌小学校区"], rows["酒直小学校区"]
    assert (a.members, a.issues_raised, a.issues_resolved, a.issues_open) == (1, 2, 1, 1)
    assert a.projects_by_status == (
        (ProjectStatus.IDEA, 1),
        (ProjectStatus.RUNNING, 1),
        (ProjectStatus.CANCELLED, 1),
    )
    assert (a.grants_awarded, a.grant_amount, a.meetings_held) == (1, 200000, 2)
    assert (b.members, b.issues_raised, b.issues_resolved, b.issues_open) == (1, 1, 0, 1)
    assert b.projects_by_status == ((ProjectStatus.RUNNING, 1),)
    assert (b.grants_awarded, b.grant_amount, b.meetings_held) == (1, 50000, 0)
    assert (c.members, c.issues_raised, c.issues_open, c.project_count, c.grant_amount, c.meetings_held) == (
        0,
        0,
        0,
        0,
        0,
        0,
    )


def test_a_past_year_counts_as_of_its_end(db: Database, town: dict[str, int]) -> None:
    rows = {r.name: r for r in cross_district_rows(db, Period.for_fiscal_year(2025), TODAY)}
    a = rows["安食小学校区"]
    assert a.members == 2  # 前 退子's term ran to 31 March 2026 (相川 健 is staff)
    assert (a.issues_raised, a.issues_resolved) == (2, 1)  # i2, i3 raised; i3 resolved
    assert (a.grants_awarded, a.grant_amount) == (1, 150000)
    assert a.meetings_held == 1
    assert a.projects_by_status == ((ProjectStatus.IDEA, 1), (ProjectStatus.RUNNING, 1))


def test_other_periods_count_grants_by_decision_date(db: Database, town: dict[str, int]) -> None:
    half = Period.between(date(2026, 4, 1), date(2026, 9, 30))
    assert half.fiscal_year is None
    assert half.label == "令和8年4月1日〜令和8年9月30日"
    rows = {r.name: r for r in cross_district_rows(db, half, TODAY)}
    assert (rows["安食小学校区"].grants_awarded, rows["布鎌小学校区"].grant_amount) == (0, 50000)
    assert rows["安食小学校区"].meetings_held == 1
    assert rows["安食小学校区"].issues_raised == 2
    assert rows["布鎌小学校区"].issues_raised == 0


def test_summary_matrix_sections_and_shared_issues(db: Database, town: dict[str, int]) -> None:
    summary = liaison_summary(db, FY2026, TODAY)
    assert summary.as_of == TODAY
    m = summary.matrix
    assert [d.name for d in m.districts] == ["安食小学校区", "布鎌小学校区", "酒直小学校区"]
    assert [c.name for c in m.categories] == ["防犯", "子育て"]
    crime = m.categories[0].id
    assert m.count(town["a"], crime) == 2  # i1, i5 (i3 closed before the year, i4 after it)
    assert m.count(town["a"], town["kids"]) == 1  # i2, resolved during the year
    assert m.count(town["b"], crime) == 1
    assert m.district_total(town["c"]) == 0 and m.total == 4

    sa, sb, sc = summary.sections
    assert [i.title for i in sa.new_issues] == ["通学路の見守り", "空き家の草刈り"]
    assert sa.new_issues[1].status is IssueStatus.WITHDRAWN
    assert [p.title for p in sa.projects] == ["子ども食堂", "見守り隊", "事業cancelled"]
    watch = sa.projects[1]
    assert (watch.milestones_done, watch.milestones_total) == (2, 3)
    assert (watch.activities_in_period, watch.participants_in_period) == (2, 20)
    assert [d.text for d in sa.decisions] == [
        "見守り隊の活動日を毎週水曜日とする。",
        "防犯ベストを追加で20着購入する。",
    ]
    assert sa.decisions[0].meeting_title == "令和8年度 第1回 安食小学校区地域まちづくり協議会"
    assert [(x.id, x.overdue) for x in sa.open_actions] == [(town["late"], True), (town["later"], False)]
    assert [i.title for i in sb.new_issues] == ["防犯灯"]
    assert sc.is_empty and sc.name == "酒直小学校区"

    assert [(i.district_name, i.id, i.status) for i in summary.shared_issues] == [
        ("安食小学校区", town["i2"], IssueStatus.RESOLVED),
        ("布鎌小学校区", town["i6"], IssueStatus.CONSIDERING),
    ]
    totals = summary.totals
    assert (totals.members, totals.issues_raised, totals.grant_amount, totals.meetings_held) == (
        2,
        3,
        250000,
        2,
    )
    assert totals.projects(ProjectStatus.RUNNING) == 2


def test_a_year_without_data_is_all_zero(db: Database, town: dict[str, int]) -> None:
    summary = liaison_summary(db, Period.for_fiscal_year(2020), TODAY)
    assert summary.as_of == date(2021, 3, 31)
    assert [r.name for r in summary.rows] == ["安食小学校区", "布鎌小学校区", "酒直小学校区"]
    assert all(r.members == r.issues_raised == r.meetings_held == r.grant_amount == 0 for r in summary.rows)
    assert all(r.project_count == 0 for r in summary.rows[1:])
    assert summary.rows[0].projects_by_status == ((ProjectStatus.IDEA, 1),)  # an idea without a date
    assert summary.matrix.total == 0
    assert all(not s.new_issues and not s.decisions and not s.open_actions for s in summary.sections)
    assert summary.shared_issues == ()


def test_a_year_not_yet_begun_carries_the_open_issues(db: Database, town: dict[str, int]) -> None:
    summary = liaison_summary(db, Period.for_fiscal_year(2030), TODAY)
    assert summary.as_of == date(2030, 4, 1)  # counted at its first day
    assert all(r.members == r.issues_raised == r.meetings_held == 0 for r in summary.rows)
    assert summary.matrix.total == 3  # i1, i4 and i6 are still open
    assert [i.id for i in summary.shared_issues] == [town["i6"]]
    assert all(not s.new_issues and not s.decisions for s in summary.sections)


def test_empty_database(db: Database) -> None:
    summary = liaison_summary(db, FY2026, TODAY)
    assert summary.rows == () and summary.sections == () and summary.matrix.total == 0
    assert summary.totals.members == 0


def test_indicator_years_and_rows(db: Database) -> None:
    with db.transaction() as s:
        indicator_rules.seed_plan_indicators(s)
    summary = liaison_summary(db, FY2026, TODAY)
    assert summary.indicator_years == (2009, 2010, 2015, 2022, 2023, 2024, 2025, 2026)
    assert [r.code for r in summary.indicators] == [
        "consultations",
        "startups",
        "launched_districts",
        "community_projects",
    ]
    assert summary.indicators[0].cell(2015).target == 23


def test_period_validation() -> None:
    with pytest.raises(ValidationError) as err:
        Period.between(None, date(2026, 9, 30))
    assert err.value.field == "from"
    with pytest.raises(ValidationError) as err:
        Period.between(date(2026, 9, 30), date(2026, 4, 1))
    assert err.value.field == "to"
    whole = Period.between(date(2026, 4, 1), date(2027, 3, 31))
    assert whole == FY2026 and whole.label == "令和8年度"


def test_query_count_does_not_grow_with_districts(db: Database, town: dict[str, int]) -> None:
    with count_statements(db) as few:
        liaison_summary(db, FY2026, TODAY)
    t = Town(db)
    for i in range(4, 20):
        d = t.district(f"学区{i}", i)
        t.issue(d, IssueStatus.RAISED, date(2026, 6, 1), category_id=town["kids"])
        p = t.project(d, ProjectStatus.RUNNING, start_on=date(2026, 4, 1))
        t.milestone(p, "準備", None)
        m = t.meeting(d, date(2026, 6, 1), 1)
        t.decision(m, "決定")
        t.action(m, date(2026, 7, 1))
    with count_statements(db) as many:
        summary = liaison_summary(db, FY2026, TODAY)
    assert len(summary.rows) == 19
    assert len(many) == len(few)


def test_long_lists_are_cut_per_district_with_their_full_counts(db: Database, town: dict[str, int]) -> None:
    t = Town(db)
    a = town["a"]
    urgent = t.issue(a, IssueStatus.RAISED, date(2026, 9, 1), title="急ぎの課題", priority="high")
    m = t.meeting(a, date(2026, 11, 1), 4)
    for n in range(4):
        t.decision(m, f"十一月の決定{n}", n)
        t.action(m, date(2026, 11, 1 + n))
    summary = liaison_summary(db, FY2026, TODAY, limit=2)
    sa = summary.sections[0]
    assert (sa.new_issue_total, len(sa.new_issues)) == (3, 2)
    assert sa.new_issues[0].id == urgent  # 優先度 高 first
    assert (sa.project_total, len(sa.projects)) == (3, 2)
    assert (sa.decision_total, [d.text for d in sa.decisions]) == (6, ["十一月の決定0", "十一月の決定1"])
    assert (sa.open_action_total, sa.overdue_action_total, len(sa.open_actions)) == (6, 5, 2)
    assert [x.due_on for x in sa.open_actions] == [date(2026, 6, 1), date(2026, 11, 1)]
    t.issue(a, IssueStatus.RAISED, date(2026, 9, 2), shared_with_liaison=True, title="共有1")
    t.issue(a, IssueStatus.RAISED, date(2026, 9, 3), shared_with_liaison=True, title="共有2")
    summary = liaison_summary(db, FY2026, TODAY, limit=2)
    assert [i.district_name for i in summary.shared_issues] == [
        "安食小学校区",
        "安食小学校区",
        "布鎌小学校区",
    ]
    assert summary.shared_totals == {"安食小学校区": 3, "布鎌小学校区": 1}


def test_the_printed_summary_lists_five_items_per_district_by_default(
    db: Database, town: dict[str, int]
) -> None:
    """The 連絡会 reads every district on paper: each list stops at five, with the full count beside it."""
    t = Town(db)
    for n in range(6):
        t.issue(
            town["c"], IssueStatus.RAISED, date(2026, 5, 1 + n), shared_with_liaison=True, title=f"課題{n}"
        )
    summary = liaison_summary(db, FY2026, TODAY)
    sc = next(sec for sec in summary.sections if sec.district_id == town["c"])
    assert (sc.new_issue_total, [i.title for i in sc.new_issues]) == (6, [f"課題{n}" for n in range(5)])
    assert [i.title for i in summary.shared_issues if i.district_name == "酒直小学校区"] == [
        f"課題{n}" for n in range(5)
    ]
    assert summary.shared_totals["酒直小学校区"] == 6
