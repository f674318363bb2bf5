"""協働事業 service: CRUD, lifecycle, issue links, partners, staff, milestones, activities, evaluations."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from sakae_council.db.models import (
    ActivityRecord,
    AuditEntry,
    CollaborativeProject,
    GrantApplication,
    Milestone,
    ProjectEvaluation,
    ProjectPartner,
    ProjectStaff,
    project_issue,
)
from sakae_council.domain.enums import IssueStatus, MemberRole, ProjectKind, ProjectStatus
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import issues as issues_svc
from sakae_council.services import project_parts as parts
from sakae_council.services import project_staff
from sakae_council.services import projects as svc
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.issues import IssueInput
from sakae_council.services.organisations import OrganisationInput, create_organisation, delete_organisation
from sakae_council.services.people import MembershipInput, PersonInput, create_person, delete_person
from sakae_council.services.project_parts import ActivityInput, EvaluationInput, MilestoneInput, PartnerInput
from sakae_council.services.projects import ProjectFilter, ProjectInput


def count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def audits(db) -> int:
    return count(db, AuditEntry)


@pytest.fixture()
def world(db):
    with db.transaction() as s:
        issues_svc.seed_categories(s)
    d1 = create_district(db, DistrictInput(name="安食", display_order=1)).id
    d2 = create_district(db, DistrictInput(name="竜角寺台", display_order=2)).id
    cat = issues_svc.list_categories(db)[0].id
    issue = issues_svc.create_issue(db, IssueInput("買い物が不便", d1, cat, date(2026, 4, 20))).id
    other = issues_svc.create_issue(db, IssueInput("空き家の増加", d2, cat, date(2026, 4, 21))).id
    return {"d1": d1, "d2": d2, "issue": issue, "other": other, "cat": cat}


def make(db, world, **kw) -> svc.ProjectDTO:
    values = {"title": "ふれあいサロン", "district_id": world["d1"], "purpose": "高齢者の居場所づくり"}
    values.update(kw)
    return svc.create_project(db, ProjectInput(**values))


def staff_member(db, district_id: int, name: str = "栄 太郎") -> int:
    m = MembershipInput(district_id=district_id, role=MemberRole.STAFF)
    return create_person(db, PersonInput(name=name, furigana="サカエ タロウ", memberships=(m,))).id


# --- projects -----------------------------------------------------------------------------------


def test_create_project_with_issues_from_any_district(world, db):
    p = make(db, world, issue_ids=(world["issue"], world["other"], world["issue"]), start_on=date(2026, 5, 1))
    assert p.status is ProjectStatus.IDEA and p.kind is ProjectKind.DISTRICT_COLLABORATION
    assert p.issue_ids == tuple(sorted((world["issue"], world["other"])))
    assert p.district_name == "安食" and p.launched_on is None
    issue = issues_svc.get_issue(db, world["issue"])
    assert issue.project_titles == ("ふれあいサロン",)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "あ" * 401}, "title"),
        ({"purpose": "x" * 4001}, "purpose"),
        ({"start_on": date(2026, 5, 2), "end_on": date(2026, 5, 1)}, "end_on"),
        ({"issue_ids": (9999,)}, "issue_ids"),
        ({"kind": "festival"}, "kind"),
    ],
)
def test_create_project_validation(world, db, change, field):
    before = audits(db)
    with pytest.raises(ValidationError) as err:
        make(db, world, **change)
    assert err.value.field == field
    assert count(db, CollaborativeProject) == 0 and count(db, project_issue) == 0
    assert audits(db) == before


def test_create_project_unknown_district(world, db):
    with pytest.raises(NotFoundError):
        make(db, world, district_id=9999)
    assert count(db, CollaborativeProject) == 0


def test_text_normalised_and_markup_literal(world, db):
    p = make(db, world, title="ＮＰＯと<協働>＆『見守り』 ２０２６", purpose="A&B <i>")
    assert p.title == "NPOと<協働>&『見守り』 2026"
    assert p.purpose == "A&B <i>"
    assert [x.id for x in svc.list_projects(db, ProjectFilter(query="<協働>"))] == [p.id]


def test_update_project_links_bump_version_and_stale_copy_conflicts(world, db):
    p = make(db, world)
    same = ProjectInput(
        title=p.title, district_id=p.district_id, purpose=p.purpose, issue_ids=(world["issue"],)
    )
    p2 = svc.update_project(db, p.id, same, p.version)
    assert p2.version == p.version + 1 and p2.issue_ids == (world["issue"],)
    with pytest.raises(ConflictError):
        svc.update_project(db, p.id, ProjectInput(title="古い画面から", district_id=p.district_id), p.version)
    saved = svc.get_project(db, p.id).project
    assert saved.title == "ふれあいサロン" and saved.issue_ids == (world["issue"],)


def test_unlinking_a_projectized_issue_is_refused(world, db):
    p = make(db, world, issue_ids=(world["issue"],))
    issue = issues_svc.get_issue(db, world["issue"])
    issue = issues_svc.change_issue_status(
        db, issue.id, IssueStatus.CONSIDERING, date(2026, 5, 1), "", issue.version
    )
    issues_svc.change_issue_status(db, issue.id, IssueStatus.PROJECTIZED, date(2026, 5, 2), "", issue.version)
    with pytest.raises(ValidationError) as err:
        svc.update_project(db, p.id, ProjectInput(title=p.title, district_id=p.district_id), p.version)
    assert err.value.field == "issue_ids" and "買い物が不便" in err.value.message
    with pytest.raises(ValidationError):
        svc.delete_project(db, p.id, p.version)
    # a second project also linked lets the first one go
    q = make(db, world, title="移動販売", issue_ids=(world["issue"],))
    svc.update_project(db, p.id, ProjectInput(title=p.title, district_id=p.district_id), p.version)
    assert issues_svc.get_issue(db, world["issue"]).project_ids == (q.id,)


def test_delete_project_removes_children_but_not_when_grants_exist(world, db):
    p = make(db, world, issue_ids=(world["issue"],))
    parts.add_milestone(db, p.id, MilestoneInput("準備会"))
    parts.add_activity(db, p.id, ActivityInput(date(2026, 6, 1), "第1回サロン", 12, 30))
    q = make(db, world, title="防災訓練")
    with db.transaction() as s:
        s.add(GrantApplication(project_id=q.id, fiscal_year=2026, amount_requested=50000))
    with pytest.raises(ValidationError) as err:
        svc.delete_project(db, q.id, q.version)
    assert err.value.field == "project"
    svc.delete_project(db, p.id, p.version)
    assert count(db, Milestone) == 0 and count(db, ActivityRecord) == 0 and count(db, project_issue) == 0
    assert [x.id for x in svc.list_projects(db)] == [q.id]


# --- lifecycle ------------------------------------------------------------------------------------


def test_lifecycle_sets_launched_on_once(world, db):
    p = make(db, world)
    p = svc.change_project_status(db, p.id, ProjectStatus.APPLYING, date(2026, 5, 1), p.version)
    p = svc.change_project_status(db, p.id, "交付決定", date(2026, 6, 1), p.version)
    assert p.status is ProjectStatus.GRANTED and p.launched_on == date(2026, 6, 1)
    p = svc.change_project_status(db, p.id, ProjectStatus.RUNNING, date(2026, 7, 1), p.version)
    assert p.launched_on == date(2026, 6, 1)  # only the first launch counts
    p = svc.change_project_status(db, p.id, ProjectStatus.COMPLETED, date(2027, 3, 1), p.version)
    p = svc.change_project_status(db, p.id, ProjectStatus.VERIFIED, date(2027, 3, 20), p.version)
    assert p.status is ProjectStatus.VERIFIED
    with db.reading() as s:
        n = s.scalar(
            select(func.count()).where(
                AuditEntry.entity == "collaborative_project", AuditEntry.action == "status"
            )
        )
    assert n == 5


def test_idea_straight_to_running_launches(world, db):
    p = make(db, world)
    p = svc.change_project_status(db, p.id, ProjectStatus.RUNNING, date(2026, 8, 8), p.version)
    assert p.launched_on == date(2026, 8, 8)


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ((), ProjectStatus.GRANTED),
        ((), ProjectStatus.COMPLETED),
        ((ProjectStatus.RUNNING, ProjectStatus.COMPLETED, ProjectStatus.VERIFIED), ProjectStatus.CANCELLED),
        ((ProjectStatus.CANCELLED,), ProjectStatus.RUNNING),
    ],
)
def test_illegal_project_moves(world, db, path, target):
    p = make(db, world)
    for step in path:
        p = svc.change_project_status(db, p.id, step, date(2026, 6, 1), p.version)
    with pytest.raises(ValidationError) as err:
        svc.change_project_status(db, p.id, target, date(2026, 6, 2), p.version)
    assert err.value.field == "status" and "へは変更できません" in err.value.message
    assert svc.get_project(db, p.id).project.status is p.status


def test_status_change_conflict_and_missing_date(world, db):
    p = make(db, world)
    svc.change_project_status(db, p.id, ProjectStatus.APPLYING, date(2026, 5, 1), p.version)
    with pytest.raises(ConflictError):
        svc.change_project_status(db, p.id, ProjectStatus.CANCELLED, date(2026, 5, 2), p.version)
    assert svc.get_project(db, p.id).project.status is ProjectStatus.APPLYING
    cur = svc.get_project(db, p.id).project
    with pytest.raises(ValidationError) as err:
        svc.change_project_status(db, p.id, ProjectStatus.GRANTED, None, cur.version)
    assert err.value.field == "changed_on"
    assert svc.get_project(db, p.id).project.launched_on is None


# --- listing --------------------------------------------------------------------------------------


def test_list_projects_filters(world, db):
    a = make(db, world, start_on=date(2026, 4, 1))
    b = make(
        db,
        world,
        title="コミュニティ花壇",
        district_id=world["d2"],
        kind=ProjectKind.COMMUNITY,
        start_on=date(2026, 9, 1),
    )
    c = make(db, world, title="見守りパトロール")
    svc.change_project_status(db, c.id, ProjectStatus.RUNNING, date(2026, 6, 1), c.version)
    assert [x.id for x in svc.list_projects(db)] == [b.id, a.id, c.id]  # no start date last
    assert [x.id for x in svc.list_projects(db, ProjectFilter(district_id=world["d2"]))] == [b.id]
    assert [x.id for x in svc.list_projects(db, ProjectFilter(kind=ProjectKind.COMMUNITY))] == [b.id]
    assert [x.id for x in svc.list_projects(db, ProjectFilter(status=ProjectStatus.RUNNING))] == [c.id]
    assert [x.id for x in svc.list_projects(db, ProjectFilter(query="かだん"))] == []
    assert [x.id for x in svc.list_projects(db, ProjectFilter(query="ﾊﾟﾄﾛｰﾙ"))] == [c.id]
    assert [x.id for x in svc.list_projects(db, ProjectFilter(query="居場所 サロン"))] == [a.id]


# --- partners -------------------------------------------------------------------------------------


def test_partners_person_or_organisation(world, db):
    p = make(db, world)
    org = create_organisation(db, OrganisationInput(name="NPO法人さかえ")).id
    person = create_person(db, PersonInput(name="印旛 花子")).id
    a = parts.add_partner(db, p.id, PartnerInput(organisation_id=org, role_description="会場の手配\n広報"))
    b = parts.add_partner(db, p.id, PartnerInput(person_id=person, role_description="講師"))
    assert (a.name, a.role_description) == ("NPO法人さかえ", "会場の手配\n広報")
    assert b.name == "印旛 花子"
    a2 = parts.update_partner(db, a.id, PartnerInput(organisation_id=org, role_description="会場"), a.version)
    assert a2.version == a.version + 1
    with pytest.raises(ConflictError):
        parts.update_partner(db, a.id, PartnerInput(organisation_id=org, role_description="古い"), a.version)
    assert [x.role_description for x in svc.get_project(db, p.id).partners] == ["会場", "講師"]
    parts.remove_partner(db, b.id, b.version)
    assert [x.id for x in svc.get_project(db, p.id).partners] == [a.id]


@pytest.mark.parametrize("kind", ["neither", "both", "duplicate", "deleted"])
def test_partner_validation(world, db, kind):
    p = make(db, world)
    org = create_organisation(db, OrganisationInput(name="栄町商工会")).id
    person = create_person(db, PersonInput(name="印旛 花子")).id
    parts.add_partner(db, p.id, PartnerInput(organisation_id=org))
    data = {
        "neither": PartnerInput(role_description="?"),
        "both": PartnerInput(person_id=person, organisation_id=org),
        "duplicate": PartnerInput(organisation_id=org, role_description="二重"),
        "deleted": PartnerInput(person_id=person),
    }[kind]
    if kind == "deleted":
        delete_person(db, person)
    before = audits(db)
    with pytest.raises(ValidationError) as err:
        parts.add_partner(db, p.id, data)
    assert err.value.field == "partner"
    assert count(db, ProjectPartner) == 1 and audits(db) == before


def test_partner_removed_from_the_lists_later_can_still_be_edited(world, db):
    p = make(db, world)
    org = create_organisation(db, OrganisationInput(name="栄町商工会")).id
    a = parts.add_partner(db, p.id, PartnerInput(organisation_id=org))
    delete_organisation(db, org)
    assert (
        parts.update_partner(
            db, a.id, PartnerInput(organisation_id=org, role_description="協賛"), a.version
        ).role_description
        == "協賛"
    )


# --- staff ----------------------------------------------------------------------------------------


def test_staff_must_be_a_district_staff_member(world, db):
    p = make(db, world)
    staff = staff_member(db, world["d2"])
    volunteer = create_person(
        db, PersonInput(name="推進 員子", memberships=(MembershipInput(world["d1"], MemberRole.SUISHIN),))
    ).id
    dto = project_staff.add_staff(db, p.id, staff, "会議の準備")
    assert dto.name == "栄 太郎" and dto.role_description == "会議の準備"
    with pytest.raises(ValidationError) as err:
        project_staff.add_staff(db, p.id, volunteer)
    assert err.value.field == "person_id" and "地区担当職員" in err.value.message
    with pytest.raises(ValidationError) as err:
        project_staff.add_staff(db, p.id, staff)
    assert err.value.field == "person_id"
    assert count(db, ProjectStaff) == 1
    assert [x.person_id for x in svc.get_project(db, p.id).staff] == [staff]
    project_staff.remove_staff(db, p.id, staff)
    assert svc.get_project(db, p.id).staff == ()
    with pytest.raises(ValidationError):
        project_staff.remove_staff(db, p.id, staff)


def test_deleted_staff_member_cannot_be_added(world, db):
    p = make(db, world)
    staff = staff_member(db, world["d1"])
    delete_person(db, staff)
    with pytest.raises(ValidationError) as err:
        project_staff.add_staff(db, p.id, staff)
    assert err.value.field == "person_id"
    assert count(db, ProjectStaff) == 0


# --- milestones, activities, evaluations ------------------------------------------------------------


def test_milestones_ordered_and_progress_checked(world, db):
    p = make(db, world)
    late = parts.add_milestone(db, p.id, MilestoneInput("⑤運営主体の設立", date(2027, 3, 1)))
    parts.add_milestone(db, p.id, MilestoneInput("①事例の収集", date(2026, 6, 1), 100, date(2026, 5, 30)))
    parts.add_milestone(db, p.id, MilestoneInput("日程未定"))
    assert [m.title for m in svc.get_project(db, p.id).milestones] == [
        "①事例の収集",
        "⑤運営主体の設立",
        "日程未定",
    ]
    moved = parts.update_milestone(
        db, late.id, MilestoneInput("⑤運営主体の設立", date(2027, 3, 1), 40), late.version
    )
    assert moved.progress == 40
    for bad in (-1, 101, 50.5, True, None):
        with pytest.raises(ValidationError) as err:
            parts.update_milestone(db, late.id, MilestoneInput("x", progress=bad), moved.version)
        assert err.value.field == "progress"
    with pytest.raises(ValidationError) as err:
        parts.add_milestone(db, p.id, MilestoneInput(" "))
    assert err.value.field == "title"
    with pytest.raises(ConflictError):
        parts.update_milestone(db, late.id, MilestoneInput("古い"), late.version)
    assert count(db, Milestone) == 3
    assert [m.progress for m in svc.get_project(db, p.id).milestones] == [100, 40, 0]


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ActivityInput(None, "清掃"), "held_on"),
        (ActivityInput(date(2026, 6, 1), ""), "title"),
        (ActivityInput(date(2026, 6, 1), "清掃", participants=-1), "participants"),
        (ActivityInput(date(2026, 6, 1), "清掃", volunteer_hours=-3), "volunteer_hours"),
        (ActivityInput(date(2026, 6, 1), "清掃", volunteer_hours=1.5), "volunteer_hours"),
        (ActivityInput(date(2026, 6, 1), "清掃", description="長" * 4001), "description"),
    ],
)
def test_activity_validation(world, db, data, field):
    p = make(db, world)
    with pytest.raises(ValidationError) as err:
        parts.add_activity(db, p.id, data)
    assert err.value.field == field
    assert count(db, ActivityRecord) == 0


def test_activities_listed_by_date_and_editable(world, db):
    p = make(db, world)
    b = parts.add_activity(db, p.id, ActivityInput(date(2026, 7, 5), "ごみゼロ運動", 40, 80, "参加者４０名"))
    a = parts.add_activity(db, p.id, ActivityInput(date(2026, 5, 30), "草ゼロ運動", 0, 0))
    assert [x.id for x in svc.get_project(db, p.id).activities] == [a.id, b.id]
    assert b.description == "参加者40名"
    b2 = parts.update_activity(db, b.id, ActivityInput(date(2026, 7, 5), "ごみゼロ運動", 42, 84), b.version)
    assert (b2.participants, b2.volunteer_hours) == (42, 84)
    parts.remove_activity(db, a.id, a.version)
    assert [x.id for x in svc.get_project(db, p.id).activities] == [b.id]


def test_evaluations_one_per_year_and_rating_range(world, db):
    p = make(db, world)
    e = parts.add_evaluation(
        db, p.id, EvaluationInput(2026, "参加者が増えた", "担い手不足", "若い世代へ広報", 4)
    )
    assert e.rating == 4
    for rating in (0, 6, 2.5, True):
        with pytest.raises(ValidationError) as err:
            parts.add_evaluation(db, p.id, EvaluationInput(2027, rating=rating))
        assert err.value.field == "rating"
    with pytest.raises(ValidationError) as err:
        parts.add_evaluation(db, p.id, EvaluationInput(2026))
    assert err.value.field == "fiscal_year" and "令和8年度" in err.value.message
    with pytest.raises(ValidationError) as err:
        parts.add_evaluation(db, p.id, EvaluationInput(1200))
    assert err.value.field == "fiscal_year"
    assert count(db, ProjectEvaluation) == 1
    none = parts.add_evaluation(db, p.id, EvaluationInput(2027, rating=None))
    assert none.rating is None
    e2 = parts.update_evaluation(
        db, e.id, EvaluationInput(2026, "更新", rating=5), e.version
    )  # same year, same row: fine
    assert (e2.achievements, e2.rating) == ("更新", 5)
    with pytest.raises(ValidationError):
        parts.update_evaluation(db, none.id, EvaluationInput(2026), none.version)
    assert [x.fiscal_year for x in svc.get_project(db, p.id).evaluations] == [2026, 2027]


def test_detail_dto_has_everything(world, db):
    org = create_organisation(db, OrganisationInput(name="安食自治会")).id
    p = make(db, world, lead_organisation_id=org, issue_ids=(world["issue"],))
    staff = staff_member(db, world["d1"])
    project_staff.add_staff(db, p.id, staff)
    parts.add_partner(db, p.id, PartnerInput(organisation_id=org, role_description="主催"))
    d = svc.get_project(db, p.id)
    assert d.lead_organisation_name == "安食自治会"
    assert [(i.title, i.status) for i in d.issues] == [("買い物が不便", IssueStatus.RAISED)]
    assert len(d.partners) == 1 and len(d.staff) == 1
    with pytest.raises(NotFoundError):
        svc.get_project(db, 9999)
