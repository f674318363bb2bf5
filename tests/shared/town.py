"""A small town for the shared-server tests: two districts with people, issues, projects and bodies."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from sakae_council.db.engine import Database
from sakae_council.domain.enums import BodyKind, MemberRole
from sakae_council.services import (
    districts,
    equipment,
    equipment_loans,
    indicator_values,
    indicators,
    issues,
    lifesupport,
    meeting_bodies,
    meetings,
    people,
    project_parts,
    project_staff,
    projects,
)
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
        district_id=district_id,
        role=MemberRole.SUISHIN,
        term_start=date(2025, 4, 1),
        term_end=date(2027, 3, 31),
    )


def build_town(db: Database) -> Town:
    """Create the town through the services (run by an unrestricted user)."""
    a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
    b = districts.create_district(db, districts.DistrictInput(name="布鎌小学校区", display_order=2)).id
    ensure_seeded(db)
    category = issues.list_categories(db)[0].id
    pa = people.create_person(
        db, PersonInput(name="渡辺 花子", furigana="ワタナベ ハナコ", memberships=(seat(a),))
    )
    pb = people.create_person(
        db, PersonInput(name="北 三郎", furigana="キタ サブロウ", memberships=(seat(b),))
    )
    pab = people.create_person(
        db, PersonInput(name="相川 健", furigana="アイカワ ケン", memberships=(seat(a), seat(b)))
    )
    ia = issues.create_issue(
        db, issues.IssueInput(title="通学路の見守り", district_id=a, category_id=category, raised_on=TODAY)
    )
    ib = issues.create_issue(
        db, issues.IssueInput(title="空き家の管理", district_id=b, category_id=category, raised_on=TODAY)
    )
    pra = projects.create_project(db, projects.ProjectInput(title="見守り隊", district_id=a))
    prb = projects.create_project(db, projects.ProjectInput(title="空き家バンク", district_id=b))
    bodies = meeting_bodies.list_bodies(db)
    body_a = next(x.id for x in bodies if x.district_id == a)
    body_b = next(x.id for x in bodies if x.district_id == b)
    liaison = next(x.id for x in bodies if x.kind is BodyKind.LIAISON)
    indicator = indicators.list_indicators(db)[0].id
    eq = equipment.create_equipment(db, equipment.EquipmentInput(name="テント", quantity=2)).id
    return Town(
        a,
        b,
        category,
        pa.id,
        pb.id,
        pab.id,
        ia.id,
        ib.id,
        pra.id,
        prb.id,
        body_a,
        body_b,
        liaison,
        indicator,
        eq,
    )


def person_input(dto: people.PersonDTO, **changes: object) -> PersonInput:
    """The input that saves ``dto`` as it is, with ``changes`` applied."""
    return replace(dto.as_input(), **changes)  # type: ignore[arg-type]


def fill_every_table(db: Database, town: Town) -> None:
    """Add records so that every table holds rows (for the transfer tests), through the services."""
    from datetime import time

    from sakae_council.db.models import AppSetting
    from sakae_council.domain.enums import AgendaResult, OrganisationKind
    from sakae_council.domain.roles import UserRole
    from sakae_council.services import (
        grants,
        manual,
        manual_history,
        minutes,
        minutes_approval,
        organisations,
        staff_records,
        users,
    )

    staff = people.create_person(
        db,
        PersonInput(
            name="町 職員",
            furigana="マチ ショクイン",
            memberships=(
                MembershipInput(district_id=town.a, role=MemberRole.STAFF, term_start=date(2025, 4, 1)),
            ),
        ),
    )
    organisations.create_organisation(
        db,
        organisations.OrganisationInput(
            name="安食台自治会",
            kind=OrganisationKind.NEIGHBOURHOOD,
            district_id=town.a,
            contact_person_id=town.person_a,
        ),
    )
    c = districts.create_district(db, districts.DistrictInput(name="竜角寺台小学校区", display_order=3))
    districts.merge_districts(db, c.id, town.a, date(2026, 4, 1))
    issues.change_issue_status(db, town.issue_a, "considering", TODAY, expected_version=None)
    projects.update_project(
        db,
        town.project_a,
        projects.ProjectInput(title="見守り隊", district_id=town.a, issue_ids=(town.issue_a,)),
        projects.get_project(db, town.project_a).project.version,
    )
    project_parts.add_partner(
        db, town.project_a, project_parts.PartnerInput(person_id=town.person_ab, role_description="見守り")
    )
    project_staff.add_staff(db, town.project_a, staff.id, "連絡調整")
    project_parts.add_milestone(
        db, town.project_a, project_parts.MilestoneInput(title="説明会", due_on=TODAY, progress=50)
    )
    project_parts.add_activity(
        db, town.project_a, project_parts.ActivityInput(held_on=TODAY, title="朝の見守り", participants=12)
    )
    project_parts.add_evaluation(
        db, town.project_a, project_parts.EvaluationInput(fiscal_year=2026, achievements="参加者増", rating=4)
    )
    grant = grants.create_grant(
        db, grants.GrantInput(project_id=town.project_a, fiscal_year=2026, amount_requested=50000)
    )
    grants.add_document(db, grant.id, "申請書", "課の書庫")
    equipment_loans.lend(
        db,
        equipment_loans.LoanInput(
            equipment_id=town.equipment,
            quantity=1,
            lent_on=TODAY,
            due_on=TODAY,
            district_id=town.b,
            borrower_person_id=town.person_b,
        ),
        today=TODAY,
    )
    indicator_values.set_value(db, town.indicator, 2026, "target", 12.5)
    course = lifesupport.create_course(db, lifesupport.CourseInput(title="起業講座", held_on=TODAY))
    lifesupport.add_attendee(db, course.id, name="受講 花子")
    lifesupport.create_consultation(
        db, lifesupport.ConsultationInput(held_on=TODAY, person_name="相談 太郎", district_id=town.a)
    )
    lifesupport.create_startup(db, lifesupport.StartupInput(founder_name="起業 一子", started_on=TODAY))
    chapter = manual.create_section(db, None, "はじめに", "本文")
    manual.create_section(db, chapter.id, "この手引きの使い方", "節の本文")
    manual_history.publish_edition(db, "", TODAY)
    staff_records.create_training(
        db, staff_records.StaffTrainingInput(person_id=staff.id, held_on=TODAY, title="協働研修", hours=3)
    )
    staff_records.create_staff_activity(
        db,
        staff_records.StaffActivityInput(
            person_id=staff.id, held_on=TODAY, title="ごみゼロ運動", district_id=town.a, hours=2
        ),
    )
    meeting = meetings.create_meeting(db, meetings.MeetingInput(body_id=town.body_a, held_on=TODAY))
    data = minutes.MinutesInput(
        start_time=time(19, 0),
        end_time=time(20, 30),
        place="公民館",
        chair_id=town.person_a,
        recorder_id=staff.id,
        signatory1_id=town.person_a,
        signatory2_id=town.person_ab,
        attendance=(
            minutes.AttendanceInput(name="渡辺 花子", person_id=town.person_a),
            minutes.AttendanceInput(name="相川 健", person_id=town.person_ab),
        ),
        handouts=("資料1",),
        agenda_items=(minutes.AgendaItemInput(title="見守り隊について", result=AgendaResult.APPROVED),),
        decisions=("見守り隊を始める",),
        action_items=(minutes.ActionItemInput(content="名簿を作る", assignee="事務局", due_on=TODAY),),
    )
    saved = minutes.save_minutes(db, meeting.id, data, meeting.version)
    minutes_approval.approve_minutes(db, meeting.id, TODAY, saved.version)
    users.create_user(db, users.UserInput(login="kanri", display_name="管理 太郎", role=UserRole.ADMIN))
    users.create_user(
        db, users.UserInput(login="jimukyoku", role=UserRole.SECRETARIAT, district_ids=(town.a,))
    )
    _fill_books(db, town)
    with db.transaction() as s:
        s.add(AppSetting(key="demo", value="1"))


def _fill_books(db: Database, town: Town) -> None:
    """A council's books with a row in every 会計 table (a 細目, a 訂正 and a closed year's revision among them)."""
    from sakae_council.db.models import AccountImportProfile
    from sakae_council.services import accounts
    from sakae_council.services.accounts import BudgetLineInput, CashCountInput, EntryInput, SubjectInput

    book = accounts.open_book(db, town.a, 2025)
    ids = {s.name: s.id for s in accounts.list_subjects(db, town.a)}
    detail = accounts.create_subject(
        db, town.a, SubjectInput("expense", "ふれあい祭り", parent_id=ids["事業費"])
    )
    accounts.set_budget(
        db, book.id, date(2025, 4, 20), [BudgetLineInput(ids["会費"], 30000), BudgetLineInput(detail.id, 0)]
    )
    dues = accounts.add_entry(db, book.id, EntryInput(date(2025, 4, 10), ids["会費"], "会費", 30000))
    accounts.cancel_entry(db, dues.id, date(2025, 4, 11), "二重計上")
    accounts.check_month(db, book.id, date(2025, 4, 1), date(2025, 5, 1))
    accounts.record_cash_count(db, book.id, CashCountInput(date(2025, 5, 31), "cash", 0))
    accounts.close_year(db, book.id, date(2026, 4, 20))
    accounts.revise_closed_year(
        db,
        book.id,
        "記帳漏れ",
        date(2026, 5, 1),
        add=[EntryInput(date(2026, 3, 31), ids["寄付金"], "寄付", 1000)],
    )
    with db.transaction() as s:
        s.add(AccountImportProfile(district_id=town.a, mapping="{}"))
