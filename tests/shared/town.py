"""A small town for the shared-server tests: two districts with people, issues, projects and bodies."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sakae_council.db.engine import Database
from sakae_council.domain.enums import BodyKind, MemberRole
from sakae_council.services import districts, equipment, indicators, issues, meetings, people, projects
from sakae_council.services.people import MembershipInput, PersonInput
from sakae_council.services.setup import ensure_seeded

TODAY = date(2026, 11, 28)


@dataclass(frozen=True)
class Town:
    a: int
    b: int
    category: int
    person_a: int
    person_b: int
    person_ab: int
    issue_a: int
    issue_b: int
    project_a: int
    project_b: int
    body_a: int
    body_b: int
    liaison: int
    indicator: int
    equipment: int


def seat(district_id: int) -> MembershipInput:
    return MembershipInput(
        district_id=district_id, role=MemberRole.SUISHIN, term_start=date(2025, 4, 1), term_end=date(2027, 3, 31)
    )


def build_town(db: Database) -> Town:
    """Create the town through the services (run by an unrestricted user)."""
    a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
    b = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2)).id
    ensure_seeded(db)
    category = issues.list_categories(db)[0].id
    pa = people.create_person(db, PersonInput(name="渡辺 花子", furigana="ワタナベ ハナコ", memberships=(seat(a),)))
    pb = people.create_person(db, PersonInput(name="北 三郎", furigana="キタ サブロウ", memberships=(seat(b),)))
    pab = people.create_person(
        db, PersonInput(name="相川 健", furigana="アイカワ ケン", memberships=(seat(a), seat(b)))
    )
    ia = issues.create_issue(db, issues.IssueInput(title="通学路の見守り", district_id=a, category_id=category, raised_on=TODAY))
    ib = issues.create_issue(db, issues.IssueInput(title="空き家の管理", district_id=b, category_id=category, raised_on=TODAY))
    pra = projects.create_project(db, projects.ProjectInput(title="見守り隊", district_id=a))
    prb = projects.create_project(db, projects.ProjectInput(title="空き家バンク", district_id=b))
    bodies = meetings.list_bodies(db)
    body_a = next(x.id for x in bodies if x.district_id == a)
    body_b = next(x.id for x in bodies if x.district_id == b)
    liaison = next(x.id for x in bodies if x.kind is BodyKind.LIAISON)
    indicator = indicators.list_indicators(db)[0].id
    eq = equipment.create_equipment(db, equipment.EquipmentInput(name="テント", quantity=2)).id
    return Town(a, b, category, pa.id, pb.id, pab.id, ia.id, ib.id, pra.id, prb.id, body_a, body_b, liaison, indicator, eq)


def person_input(dto: people.PersonDTO, **changes: object) -> PersonInput:
    """The input that saves ``dto`` as it is, with ``changes`` applied."""
    values: dict = {
        "name": dto.name,
        "furigana": dto.furigana,
        "postal_code": dto.postal_code,
        "address": dto.address,
        "phone": dto.phone,
        "email": dto.email,
        "notes": dto.notes,
        "organisation_id": dto.organisation_id,
        "memberships": tuple(
            MembershipInput(
                district_id=m.district_id,
                role=m.role,
                public_post=m.public_post,
                officer_post=m.officer_post,
                commissioned_on=m.commissioned_on,
                term_start=m.term_start,
                term_end=m.term_end,
                ended_on=m.ended_on,
                id=m.id,
            )
            for m in dto.memberships
        ),
    }
    values.update(changes)
    return PersonInput(**values)
