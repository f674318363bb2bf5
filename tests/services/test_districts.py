"""小学校区 service: validation, ordering, version conflicts and 学区再編 (merge) with history kept."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    CollaborativeProject,
    IssueCategory,
    IssueStatusChange,
    Meeting,
    MeetingBody,
    RegionalIssue,
)
from sakae_council.domain.enums import CouncilStatus, MemberRole
from sakae_council.domain.errors import ConflictError, ValidationError
from sakae_council.domain.terms import TermStatus
from sakae_council.services import districts, organisations, people
from sakae_council.services.districts import DistrictInput

MERGED_ON = date(2026, 4, 1)


def test_validation_and_conflict(db: Database) -> None:
    a = districts.create_district(db, DistrictInput(name="安食小学校区"))
    with pytest.raises(ValidationError) as err:
        districts.create_district(db, DistrictInput(name="安食小学校区"))
    assert err.value.field == "name"
    with pytest.raises(ValidationError) as err:
        districts.update_district(
            db, a.id, DistrictInput(name="安食小学校区", council_status=CouncilStatus.ESTABLISHED), a.version
        )
    assert err.value.field == "established_on"
    b = districts.update_district(
        db, a.id, DistrictInput(name="安食小学校区", council_name="安食地域まちづくり協議会"), a.version
    )
    with pytest.raises(ConflictError):
        districts.update_district(db, a.id, DistrictInput(name="別名"), a.version)
    assert districts.get_district(db, a.id).council_name == b.council_name


def test_set_order(db: Database) -> None:
    ids = [districts.create_district(db, DistrictInput(name=n)).id for n in ("安食", "布鎌", "酒直")]
    result = districts.set_district_order(db, [ids[2], ids[0], ids[1]])
    assert [d.name for d in result] == ["酒直", "安食", "布鎌"]


def test_merge_moves_people_issues_projects_bodies_and_keeps_history(db: Database) -> None:
    src = districts.create_district(db, DistrictInput(name="北辺田小学校区"))
    dst = districts.create_district(db, DistrictInput(name="安食台小学校区"))
    current = people.create_person(
        db,
        people.PersonInput(
            name="北 一郎",
            furigana="キタ イチロウ",
            memberships=(
                people.MembershipInput(
                    src.id, MemberRole.SUISHIN, term_start=date(2025, 4, 1), term_end=date(2027, 3, 31)
                ),
            ),
        ),
    )
    former = people.create_person(
        db,
        people.PersonInput(
            name="北 二郎",
            furigana="キタ ジロウ",
            memberships=(
                people.MembershipInput(
                    src.id, MemberRole.SUISHIN, term_start=date(2021, 4, 1), term_end=date(2023, 3, 31)
                ),
            ),
        ),
    )
    org = organisations.create_organisation(
        db, organisations.OrganisationInput(name="北辺田自治会", district_id=src.id)
    )
    with db.transaction() as s:
        cat = IssueCategory(name="防犯")
        body = MeetingBody(kind="district_council", name="北辺田小学校区まちづくり協議会", district_id=src.id)
        s.add_all([cat, body])
        s.flush()
        issue = RegionalIssue(
            title="通学路の街灯", district_id=src.id, category_id=cat.id, raised_on=date(2025, 5, 1)
        )
        project = CollaborativeProject(title="見守り隊", district_id=src.id)
        s.add_all(
            [issue, project, Meeting(body_id=body.id, fiscal_year=2025, number=1, held_on=date(2025, 6, 1))]
        )
        s.flush()
        issue_id, project_id, body_id = issue.id, project.id, body.id

    merged = districts.merge_districts(db, src.id, dst.id, MERGED_ON)
    assert (merged.active, merged.merged_into_name, merged.merged_on) == (False, "安食台小学校区", MERGED_ON)

    moved = people.get_person(db, current.id)
    assert sorted((m.district_name, m.status(date(2026, 11, 28))) for m in moved.memberships) == [
        ("北辺田小学校区", TermStatus.ENDED),
        ("安食台小学校区", TermStatus.CURRENT),
    ]
    assert [m.district_name for m in people.get_person(db, former.id).memberships] == ["北辺田小学校区"]
    assert [p.name for p in people.list_members(db, people.RosterFilter(district_id=dst.id))] == ["北 一郎"]
    assert organisations.get_organisation(db, org.id).district_id == dst.id
    with db.reading() as s:
        assert s.get(RegionalIssue, issue_id).district_id == dst.id  # type: ignore[union-attr]
        assert s.get(CollaborativeProject, project_id).district_id == dst.id  # type: ignore[union-attr]
        body_row = s.get(MeetingBody, body_id)
        assert body_row is not None and body_row.district_id == dst.id
        assert body_row.name == "北辺田小学校区まちづくり協議会"  # old minutes keep their title
        note = s.scalar(select(IssueStatusChange.comment).where(IssueStatusChange.issue_id == issue_id))
    assert note == "学区再編により「北辺田小学校区」から「安食台小学校区」へ移管"

    history = districts.merge_history(db, dst.id)
    assert len(history) == 1
    assert history[0].moved == {
        "membership": 1,
        "regional_issue": 1,
        "collaborative_project": 1,
        "meeting_body": 1,
        "organisation": 1,
        "equipment_loan": 0,
    }
    assert "北辺田小学校区" in history[0].summary

    with pytest.raises(ValidationError):
        districts.merge_districts(db, src.id, dst.id, MERGED_ON)
    with pytest.raises(ValidationError):
        districts.merge_districts(db, dst.id, dst.id, MERGED_ON)
