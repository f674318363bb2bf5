"""Property tests: 地域課題, 協働事業 (partners, milestones, activities, evaluations, staff) and 補助金."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from property_support import (
    PROPERTY,
    any_date,
    any_int,
    call,
    ids,
    members,
    mostly,
    nasty_text,
    optional_date,
    optional_ids,
    run,
    versions,
)

from sakae_council.db.engine import Database
from sakae_council.domain.enums import (
    ActivityKind,
    GrantStatus,
    IssueSource,
    IssueStatus,
    MemberRole,
    Priority,
    ProjectKind,
    ProjectStatus,
)
from sakae_council.services import (
    districts,
    grants,
    issues,
    organisations,
    people,
    project_parts,
    project_staff,
    projects,
)
from sakae_council.services.districts import DistrictInput
from sakae_council.services.grants import GrantInput
from sakae_council.services.issues import IssueInput
from sakae_council.services.organisations import OrganisationInput
from sakae_council.services.people import MembershipInput, PersonInput
from sakae_council.services.project_parts import ActivityInput, EvaluationInput, MilestoneInput, PartnerInput
from sakae_council.services.projects import ProjectInput

DISTRICT = 1
ORG = 1
STAFF, RESIDENT, DELETED_PERSON = 1, 2, 3
ISSUE, OTHER_ISSUE = 1, 2
PROJECT = 1
GRANT = 1
CATEGORY = 1


@pytest.fixture()
def town(db: Database) -> None:
    with db.transaction() as s:
        issues.seed_categories(s)
    assert districts.create_district(db, DistrictInput(name="安食小学校区")).id == DISTRICT
    assert organisations.create_organisation(db, OrganisationInput(name="安食区自治会")).id == ORG
    staff = MembershipInput(district_id=DISTRICT, role=MemberRole.STAFF)
    assert people.create_person(db, PersonInput(name="職員 一郎", memberships=(staff,))).id == STAFF
    assert people.create_person(db, PersonInput(name="住民 花子")).id == RESIDENT
    assert people.create_person(db, PersonInput(name="削除 済子")).id == DELETED_PERSON
    people.delete_person(db, DELETED_PERSON)
    for n in (ISSUE, OTHER_ISSUE):
        entry = IssueInput(
            title=f"課題{n}", district_id=DISTRICT, category_id=CATEGORY, raised_on=date(2025, 5, 1)
        )
        assert issues.create_issue(db, entry).id == n
    entry = ProjectInput(title="見守り事業", district_id=DISTRICT, issue_ids=(ISSUE,))
    assert projects.create_project(db, entry).id == PROJECT
    assert grants.create_grant(db, GrantInput(project_id=PROJECT, fiscal_year=2025)).id == GRANT


issue_inputs = st.builds(
    IssueInput,
    title=mostly("通学路の見守り", "ｺﾞﾐ出し&<分別>"),
    district_id=ids(DISTRICT),
    category_id=ids(CATEGORY, 10),
    raised_on=st.one_of(st.none(), any_date),
    description=nasty_text,
    priority=st.one_of(members(Priority), nasty_text),
    source=st.one_of(members(IssueSource), nasty_text),
    shared_with_liaison=st.booleans(),
)

issue_calls = st.one_of(
    call(issues.create_issue, data=issue_inputs),
    call(
        issues.update_issue, issue_id=ids(ISSUE, OTHER_ISSUE), data=issue_inputs, expected_version=versions()
    ),
    call(
        issues.change_issue_status,
        issue_id=ids(ISSUE, OTHER_ISSUE),
        new_status=st.one_of(members(IssueStatus), nasty_text),
        changed_on=optional_date,
        comment=mostly("対応を始めた", ""),
        expected_version=versions(),
    ),
    call(issues.delete_issue, issue_id=ids(ISSUE, OTHER_ISSUE), expected_version=versions()),
    call(issues.add_category, name=mostly("買い物支援", "介護")),
)

project_inputs = st.builds(
    ProjectInput,
    title=mostly("見守り事業", "ｻﾛﾝ <b>運営</b>"),
    district_id=ids(DISTRICT),
    kind=members(ProjectKind),
    purpose=nasty_text,
    start_on=optional_date,
    end_on=optional_date,
    lead_organisation_id=optional_ids(ORG),
    issue_ids=st.lists(ids(ISSUE, OTHER_ISSUE), max_size=3).map(tuple),
)

project_calls = st.one_of(
    call(projects.create_project, data=project_inputs),
    call(projects.update_project, project_id=ids(PROJECT), data=project_inputs, expected_version=versions()),
    call(
        projects.change_project_status,
        project_id=ids(PROJECT),
        new_status=st.one_of(members(ProjectStatus), nasty_text),
        changed_on=optional_date,
        expected_version=versions(),
    ),
    call(
        project_parts.add_partner,
        project_id=ids(PROJECT),
        data=st.builds(
            PartnerInput,
            person_id=optional_ids(STAFF, RESIDENT, DELETED_PERSON),
            organisation_id=optional_ids(ORG),
            role_description=nasty_text,
        ),
    ),
    call(
        project_parts.add_milestone,
        project_id=ids(PROJECT),
        data=st.builds(
            MilestoneInput,
            title=mostly("準備会"),
            due_on=optional_date,
            progress=any_int,
            done_on=optional_date,
        ),
    ),
    call(
        project_parts.add_activity,
        project_id=ids(PROJECT),
        data=st.builds(
            ActivityInput,
            held_on=optional_date,
            title=mostly("見守り活動"),
            participants=any_int,
            volunteer_hours=any_int,
            description=nasty_text,
            kind=st.one_of(members(ActivityKind), nasty_text),
            staff_ids=st.lists(ids(STAFF, RESIDENT, DELETED_PERSON), max_size=3).map(tuple),
        ),
    ),
    call(
        project_parts.add_evaluation,
        project_id=ids(PROJECT),
        data=st.builds(
            EvaluationInput,
            fiscal_year=st.one_of(st.integers(2019, 2030), any_int),
            achievements=nasty_text,
            issues_found=nasty_text,
            next_steps=nasty_text,
            rating=st.one_of(st.none(), any_int),
            evaluated_on=optional_date,
            achieved=st.one_of(st.none(), st.booleans()),
            indicator_contribution=nasty_text,
        ),
    ),
    call(
        project_staff.add_staff,
        project_id=ids(PROJECT),
        person_id=ids(STAFF, RESIDENT, DELETED_PERSON),
        role_description=nasty_text,
    ),
    call(project_staff.remove_staff, project_id=ids(PROJECT), person_id=ids(STAFF, RESIDENT)),
)

grant_inputs = st.builds(
    GrantInput,
    project_id=ids(PROJECT),
    fiscal_year=st.one_of(st.integers(2019, 2030), any_int),
    scheme=mostly("地域づくり補助金"),
    amount_requested=any_int,
    amount_granted=st.one_of(st.none(), any_int),
    amount_spent=st.one_of(st.none(), any_int),
    applied_on=optional_date,
    reviewed_on=optional_date,
    decided_on=optional_date,
    reported_on=optional_date,
    settled_on=optional_date,
    notes=nasty_text,
)

grant_calls = st.one_of(
    call(grants.create_grant, data=grant_inputs),
    call(grants.update_grant, grant_id=ids(GRANT), data=grant_inputs, expected_version=versions()),
    call(
        grants.change_grant_status,
        grant_id=ids(GRANT),
        new_status=st.one_of(members(GrantStatus), nasty_text),
        changed_on=optional_date,
        expected_version=versions(),
        amount_granted=st.one_of(st.none(), any_int),
    ),
    call(
        grants.add_document,
        grant_id=ids(GRANT),
        title=mostly("申請書"),
        location=nasty_text,
        submitted_on=optional_date,
    ),
    call(grants.remove_document, document_id=ids(1)),
)

GETTERS = {
    issues.IssueDTO: issues.get_issue,
    projects.ProjectDTO: lambda db, pid: projects.get_project(db, pid).project,
    grants.GrantDTO: grants.get_grant,
}


@PROPERTY
@given(op=issue_calls)
def test_any_issue_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    run(db, op, GETTERS)


@PROPERTY
@given(op=project_calls)
@example(op=partial(project_staff.remove_staff, project_id=PROJECT, person_id=2**63))  # was OverflowError
@example(  # was DataError on PostgreSQL: the id does not fit an INTEGER column
    op=partial(
        projects.create_project, data=ProjectInput(title="見守り", district_id=DISTRICT, issue_ids=(2**31,))
    )
)
def test_any_project_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    run(db, op, GETTERS)


@PROPERTY
@given(op=grant_calls)
def test_any_grant_call_ends_clean_or_is_refused_cleanly(db: Database, town: None, op: partial) -> None:
    run(db, op, GETTERS)
