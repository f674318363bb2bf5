"""デモデータ: a believable, fictional 栄町 — deterministic, so tests and screenshots can rely on it.

Built through the same services the screens use, so every record passes the same validation.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from sakae_council.db.engine import Database
from sakae_council.db.models import Person
from sakae_council.domain.enums import (
    ActivityKind,
    AgendaKind,
    AgendaResult,
    AttendanceStatus,
    CouncilStatus,
    IssueSource,
    MemberRole,
    OfficerPost,
    OrganisationKind,
    Priority,
)
from sakae_council.paths import resources_dir
from sakae_council.services import demo_accounts, demo_notices, districts, organisations, people
from sakae_council.services.demo_general_meeting import load_general_meeting_demo

SEED = 20261128
#: The demo town's "today": terms, due dates and overdue loans are laid out around it.
DEMO_TODAY = date(2026, 11, 28)
OFFICERS = (
    OfficerPost.CHAIR,
    OfficerPost.VICE_CHAIR,
    OfficerPost.VICE_CHAIR,
    OfficerPost.TREASURER,
    OfficerPost.AUDITOR,
    OfficerPost.SECRETARIAT,
)


def load_content() -> dict:
    """The demo town's names and texts (resources/demo/town.json)."""
    return json.loads((resources_dir() / "demo" / "town.json").read_text(encoding="utf-8"))


def is_empty(db: Database) -> bool:
    """True when no person has been entered yet (reference data does not count)."""
    with db.reading() as s:
        return (s.scalar(select(func.count()).select_from(Person)) or 0) == 0


@dataclass
class DemoTown:
    """What the loader made, so later steps can refer to it."""

    district_ids: list[int] = field(default_factory=list)
    members: dict[int, list[int]] = field(default_factory=dict)  # district id -> person ids (members)
    officers: dict[int, dict[OfficerPost, int]] = field(default_factory=dict)
    staff: dict[int, list[int]] = field(default_factory=dict)  # district id -> staff person ids
    organisations: dict[int, list[int]] = field(default_factory=dict)  # district id -> org ids (0: town)


def _term(rng: random.Random, index: int) -> tuple[date, date, date | None]:
    """A two-year term (April to March): most current, a few ending soon, a few ended."""
    if index % 11 == 7:
        return date(2022, 4, 1), date(2024, 3, 31), date(2024, 3, 31)  # 退任 (history)
    if index % 9 == 4:
        return date(2025, 3, 1), date(2027, 1 + rng.randrange(2), 28), None  # 満了間近
    return date(2025, 4, 1), date(2027, 3, 31), None


def _people(db: Database, town: DemoTown, content: dict, rng: random.Random) -> int:
    surnames, given = content["surnames"], content["given_names"]
    used: set[str] = set()
    count = 0
    staff_index = 0
    for d_index, district_id in enumerate(town.district_ids):
        n_members = 15 + (d_index * 3) % 16  # 15..30 per district
        town.members[district_id] = []
        town.officers[district_id] = {}
        town.staff[district_id] = []
        orgs = town.organisations.get(district_id, [])
        for i in range(n_members + 2):
            while True:
                sn, gn = rng.choice(surnames), rng.choice(given)
                name = f"{sn[0]} {gn[0]}"
                if name not in used:
                    used.add(name)
                    break
            is_staff = i >= n_members
            if is_staff:
                role, post, public_post = MemberRole.STAFF, OfficerPost.MEMBER, ""
                staff_index += 1
            else:
                roll = i % 8
                role = (
                    MemberRole.SUISHIN
                    if roll in (0, 1, 2, 5)
                    else MemberRole.PUBLIC_POST
                    if roll in (3, 6)
                    else (MemberRole.NPO, MemberRole.BUSINESS, MemberRole.SCHOOL, MemberRole.OTHER)[i % 4]
                )
                public_post = rng.choice(content["public_posts"]) if role is MemberRole.PUBLIC_POST else ""
                post = OFFICERS[i] if i < len(OFFICERS) else OfficerPost.MEMBER
            start, end, ended = _term(rng, i)
            if is_staff or i < len(OFFICERS):
                start, end, ended = date(2025, 4, 1), date(2027, 3, 31), None
            phone = "" if i % 5 == 4 else f"0476-{95 + i % 4}-{1000 + (count * 37) % 9000:04d}"
            person = people.create_person(
                db,
                people.PersonInput(
                    name=name,
                    furigana=f"{sn[1]} {gn[1]}",
                    postal_code=f"270-15{10 + d_index * 3:02d}",
                    address=f"印旛郡栄町{content['districts'][d_index]['name'].removesuffix('小学校区')}{1 + i}-{1 + (i * 7) % 30}",
                    phone=phone if not is_staff else f"0476-95-{1111 + staff_index}",
                    email=f"demo{count + 1}@example.jp" if i % 3 == 0 else "",
                    notes="住民活動推進課"
                    if is_staff
                    else ("送迎ボランティア経験あり" if i % 7 == 2 else ""),
                    organisation_id=orgs[i % len(orgs)]
                    if orgs and role in (MemberRole.PUBLIC_POST, MemberRole.SCHOOL)
                    else None,
                    memberships=(
                        people.MembershipInput(
                            district_id=district_id,
                            role=role,
                            public_post=public_post,
                            officer_post=post,
                            commissioned_on=start - timedelta(days=10),
                            term_start=start,
                            term_end=end,
                            ended_on=ended,
                        ),
                    ),
                ),
            )
            count += 1
            if is_staff:
                town.staff[district_id].append(person.id)
            elif ended is None:
                town.members[district_id].append(person.id)
                if post is not OfficerPost.MEMBER and post not in town.officers[district_id]:
                    town.officers[district_id][post] = person.id
    return count


def _districts_and_orgs(db: Database, town: DemoTown, content: dict) -> int:
    existing = {d.name: d for d in districts.list_districts(db)}
    for order, spec in enumerate(content["districts"], start=1):
        if spec["name"] in existing:
            town.district_ids.append(existing[spec["name"]].id)
            continue
        d = districts.create_district(
            db,
            districts.DistrictInput(
                name=spec["name"],
                council_name=spec["council"],
                council_status=CouncilStatus(spec["status"]),
                established_on=date.fromisoformat(spec["established"]) if spec["established"] else None,
                display_order=order,
                notes=f"会場: {spec['place']}",
            ),
        )
        town.district_ids.append(d.id)
    n = 0
    for d_index, district_id in enumerate(town.district_ids):
        area = content["districts"][d_index]["name"].removesuffix("小学校区")
        town.organisations[district_id] = []
        for spec in content["organisations"]:
            o = organisations.create_organisation(
                db,
                organisations.OrganisationInput(
                    name=spec["name"].format(area=area),
                    kind=OrganisationKind(spec["kind"]),
                    district_id=district_id,
                ),
            )
            town.organisations[district_id].append(o.id)
            n += 1
    town.organisations[0] = []
    for spec in content["town_organisations"]:
        o = organisations.create_organisation(
            db,
            organisations.OrganisationInput(
                name=spec["name"],
                furigana=spec["furigana"],
                kind=OrganisationKind(spec["kind"]),
                notes=spec["notes"],
            ),
        )
        town.organisations[0].append(o.id)
        n += 1
    return n


def _manual_and_staff(db: Database, town: DemoTown) -> int:
    from sakae_council.services import manual

    text = (resources_dir() / "manual" / "starter.md").read_text(encoding="utf-8")
    manual.import_markdown(db, text, summary="初版の原稿を取り込み")
    n = 0
    trainings = [
        (date(2025, 5, 20), "協働の基本（新任地区担当職員研修）", "住民活動推進課", 3),
        (date(2025, 10, 7), "会議の進め方と議事録の書き方", "住民活動推進課", 2),
        (date(2026, 6, 11), "個人情報の取り扱い研修", "総務課", 2),
    ]
    activities = [
        (date(2025, 5, 25), "ごみゼロ・草ゼロ（春）", 3),
        (date(2025, 9, 28), "ごみゼロ・草ゼロ（秋）", 3),
        (date(2026, 5, 31), "ごみゼロ・草ゼロ（春）", 3),
        (date(2026, 8, 1), "夏まつりの運営補助", 5),
    ]
    for district_id, staff_ids in town.staff.items():
        for k, person_id in enumerate(staff_ids):
            for held_on, title, organiser, hours in trainings[: 2 + k % 2]:
                manual.create_training(
                    db,
                    manual.StaffTrainingInput(
                        person_id=person_id, held_on=held_on, title=title, organiser=organiser, hours=hours
                    ),
                )
                n += 1
            for held_on, title, hours in activities[k % 2 :]:
                manual.create_staff_activity(
                    db,
                    manual.StaffActivityInput(
                        person_id=person_id,
                        held_on=held_on,
                        title=title,
                        district_id=district_id,
                        hours=hours,
                    ),
                )
                n += 1
    return n


def _life_support(db: Database, town: DemoTown, rng: random.Random) -> int:
    """⑫ records: consultations, courses and start-ups behind the life-support indicators."""
    from sakae_council.services import indicators

    topics = [
        ("配食サービスを始めたい", "保健所の営業許可の窓口を案内。次回は資金計画を一緒に確認。"),
        ("高齢者向けの家事代行", "先行事例（隣町のNPO）を紹介。"),
        ("子どもの学習支援教室", "公民館の利用方法と講座の日程を案内。"),
        ("移動販売の事業化", "金融機関の創業相談会を紹介。"),
        ("見守りを兼ねた電球交換サービス", "社会福祉協議会と連携できるか確認中。"),
    ]
    n = 0
    for fy, count in ((2024, 6), (2025, 9), (2026, 5)):
        for k in range(count):
            topic, follow = topics[(fy + k) % len(topics)]
            held = date(fy, 4, 10) + timedelta(days=37 * k)
            if held > DEMO_TODAY:
                continue
            district_id = town.district_ids[(k + fy) % len(town.district_ids)]
            indicators.create_consultation(
                db,
                indicators.ConsultationInput(
                    held_on=held,
                    person_name=f"相談者{fy % 100}-{k + 1}",
                    district_id=district_id,
                    topic=topic,
                    follow_up=follow,
                ),
            )
            n += 1
    for held, title in (
        (date(2025, 7, 12), "生活支援ビジネス入門講座"),
        (date(2026, 7, 18), "はじめての地域起業講座"),
    ):
        course = indicators.create_course(
            db, indicators.CourseInput(title=title, held_on=held, place="ふれあいプラザさかえ")
        )
        for pid in rng.sample(sum(town.members.values(), []), 8):
            indicators.add_attendee(db, course.id, person_id=pid)
        n += 1
    for started, founder, business, fld in (
        (date(2025, 11, 1), "相談者25-2", "まごころ家事サポート", "介護"),
        (date(2026, 4, 15), "相談者25-5", "あじき子ども学習室", "教育"),
    ):
        indicators.create_startup(
            db,
            indicators.StartupInput(
                founder_name=founder,
                started_on=started,
                business_name=business,
                field=fld,
                district_id=town.district_ids[0],
            ),
        )
        n += 1
    return n


#: Per district: (issue template index, status path) — every issue status appears in the town.
ISSUE_PATHS: tuple[tuple[str, ...], ...] = (
    ("raised",),
    ("raised", "considering"),
    ("raised", "considering", "continuing"),
    ("raised", "considering", "resolved"),
    ("raised", "withdrawn"),
    ("raised", "considering"),
    ("raised",),
)
PROJECT_PATHS: dict[str, tuple[str, ...]] = {
    "idea": (),
    "applying": ("applying",),
    "granted": ("applying", "granted"),
    "running": ("applying", "granted", "running"),
    "completed": ("applying", "granted", "running", "completed"),
    "verified": ("applying", "granted", "running", "completed", "verified"),
    "cancelled": ("cancelled",),
}
GRANT_PATH_FOR_PROJECT: dict[str, tuple[str, ...]] = {
    "applying": (),
    "granted": ("reviewing", "awarded"),
    "running": ("reviewing", "awarded"),
    "completed": ("reviewing", "awarded", "reported"),
    "verified": ("reviewing", "awarded", "reported", "settled"),
}
#: 活動の種類 of a demo project's activity days, by the category of the issue it takes up.
ACTIVITY_KINDS: dict[str, ActivityKind] = {
    "環境美化": ActivityKind.CLEAN_UP,
    "防犯": ActivityKind.WATCHING,
    "見守り・助け合い": ActivityKind.WATCHING,
    "健康づくり": ActivityKind.LEARNING,
    "教育": ActivityKind.LEARNING,
    "子育て": ActivityKind.EXCHANGE,
}
COMMENTS = {
    "resolved": "町の道路課と自治会で対応し、解決を確認した。",
    "withdrawn": "他の事業で対応することになったため取り下げ。",
    "continuing": "予算の見通しが立つまで継続して検討する。",
}


def _issues_and_projects(db: Database, town: DemoTown, content: dict) -> dict[str, int]:
    from sakae_council.services import grants, issues, projects

    cats = {c.name: c.id for c in issues.list_categories(db)}
    templates = content["issues"]
    n_issues = n_projects = n_grants = 0
    for d_index, district_id in enumerate(town.district_ids):
        issue_by_cat: dict[str, int] = {}
        for k, path in enumerate(ISSUE_PATHS):
            cat, title, desc = templates[(d_index * 2 + k) % len(templates)]
            raised = DEMO_TODAY - timedelta(days=700 - 60 * k - 13 * d_index)
            issue = issues.create_issue(
                db,
                issues.IssueInput(
                    title=title,
                    district_id=district_id,
                    category_id=cats[cat],
                    raised_on=raised,
                    description=desc,
                    priority=(Priority.HIGH, Priority.MEDIUM, Priority.LOW)[k % 3],
                    source=tuple(IssueSource)[k % 4],
                    shared_with_liaison=k % 3 == 0,
                ),
            )
            n_issues += 1
            day = raised
            for status in path[1:]:
                day = day + timedelta(days=30)
                issues.change_issue_status(db, issue.id, status, day, COMMENTS.get(status, ""))
            if path[-1] in ("raised", "considering"):
                issue_by_cat.setdefault(cat, issue.id)
        # Projects: each district gets a few, rotating through every stage across the town.
        for k in range(3 if town.district_ids.index(district_id) % 2 else 4):
            spec = content["projects"][(d_index * 3 + k) % len(content["projects"])]
            start = date(2025 if spec["status"] in ("verified", "completed") else 2026, 4, 1)
            linked = issue_by_cat.get(spec["category"])
            lead = town.organisations[district_id][0]
            prj = projects.create_project(
                db,
                projects.ProjectInput(
                    title=spec["title"],
                    district_id=district_id,
                    kind=spec["kind"],
                    purpose=spec["purpose"],
                    start_on=start,
                    end_on=date(start.year + 1, 3, 31),
                    lead_organisation_id=lead,
                    issue_ids=(linked,) if linked else (),
                ),
            )
            n_projects += 1
            if linked and spec["status"] != "cancelled":
                issue = issues.get_issue(db, linked)
                last = issues.get_issue_history(db, linked)[-1].changed_on
                if issue.status.value == "raised":
                    last = max(last + timedelta(days=7), start - timedelta(days=60))
                    issues.change_issue_status(db, linked, "considering", last)
                issues.change_issue_status(
                    db, linked, "projectized", max(last + timedelta(days=7), start - timedelta(days=30))
                )
            members = town.members[district_id]
            projects.add_partner(
                db,
                prj.id,
                projects.PartnerInput(organisation_id=lead, role_description="会場の確保と住民への周知"),
            )
            projects.add_partner(
                db, prj.id, projects.PartnerInput(person_id=members[0], role_description="全体の取りまとめ")
            )
            projects.add_partner(
                db,
                prj.id,
                projects.PartnerInput(
                    organisation_id=town.organisations[0][k % 4], role_description="専門的な助言と人手"
                ),
            )
            for sid in town.staff[district_id][:1]:
                projects.add_staff(db, prj.id, sid, "地区担当として連絡調整")
            projects.add_milestone(
                db,
                prj.id,
                projects.MilestoneInput(
                    title="実施計画の確定",
                    due_on=start + timedelta(days=30),
                    progress=100 if spec["status"] != "idea" else 40,
                ),
            )
            projects.add_milestone(
                db,
                prj.id,
                projects.MilestoneInput(
                    title="中間振り返り",
                    due_on=start + timedelta(days=180),
                    progress=50 if spec["status"] == "running" else 0,
                ),
            )
            grant_id = None
            if spec["status"] in GRANT_PATH_FOR_PROJECT:
                g = grants.create_grant(
                    db,
                    grants.GrantInput(
                        project_id=prj.id,
                        fiscal_year=start.year,
                        scheme="みんなで力を合わせたまちづくり事業補助金",
                        amount_requested=150000 + 10000 * k,
                        applied_on=start - timedelta(days=50),
                    ),
                )
                grant_id = g.id
                n_grants += 1
                grants.add_document(db, g.id, "交付申請書", "住民活動推進課 ファイル棚 2-3")
                grants.add_document(db, g.id, "事業計画書・収支予算書", "住民活動推進課 ファイル棚 2-3")
            day = start - timedelta(days=45)
            for status in PROJECT_PATHS[spec["status"]]:
                if status == "granted" and grant_id is not None:
                    for gs in GRANT_PATH_FOR_PROJECT[spec["status"]][:2]:
                        day += timedelta(days=5)
                        grants.change_grant_status(
                            db,
                            grant_id,
                            gs,
                            day,
                            amount_granted=(120000 + 10000 * k) if gs == "awarded" else None,
                        )
                if status == "running":
                    day = max(day, start)
                if status in ("completed", "verified"):
                    day = (
                        date(start.year + 1, 3, 20) if status == "completed" else date(start.year + 1, 5, 15)
                    )
                    if status == "completed" and grant_id is not None:
                        g = grants.get_grant(db, grant_id)
                        grants.update_grant(
                            db,
                            grant_id,
                            grants.GrantInput(
                                project_id=prj.id,
                                fiscal_year=g.fiscal_year,
                                scheme=g.scheme,
                                amount_requested=g.amount_requested,
                                amount_granted=g.amount_granted,
                                amount_spent=(g.amount_granted or 0) - 8000 + (12000 if d_index == 1 else 0),
                                applied_on=g.applied_on,
                                reviewed_on=g.reviewed_on,
                                decided_on=g.decided_on,
                                notes="実績報告書を受理"
                                if d_index != 1
                                else "支出が交付額を超過（差額は協議会が負担）",
                            ),
                            g.version,
                        )
                projects.change_project_status(db, prj.id, status, day)
                if status == "completed" and grant_id is not None:
                    grants.change_grant_status(db, grant_id, "reported", day + timedelta(days=10))
                if status == "verified" and grant_id is not None:
                    grants.change_grant_status(db, grant_id, "settled", day)
            if spec["status"] in ("running", "completed", "verified"):
                for a in range(3):
                    projects.add_activity(
                        db,
                        prj.id,
                        projects.ActivityInput(
                            held_on=start + timedelta(days=40 + 60 * a),
                            title=f"{spec['title']} 第{a + 1}回",
                            participants=12 + 5 * a + d_index,
                            volunteer_hours=20 + 4 * a,
                            description="ふれあい推進員と地区担当職員が参加。参加者の声を記録した。",
                            kind=ACTIVITY_KINDS.get(spec["category"], ActivityKind.OTHER),
                            staff_ids=tuple(town.staff[district_id]),
                        ),
                    )
            if spec["status"] == "verified":
                projects.add_evaluation(
                    db,
                    prj.id,
                    projects.EvaluationInput(
                        fiscal_year=start.year,
                        achievements="延べ参加者が目標を上回った。新しい担い手が3名加わった。",
                        issues_found="担い手の高齢化。平日の人手が足りない。",
                        next_steps="高校生ボランティアとの連携を試す。",
                        rating=4,
                        evaluated_on=date(start.year + 1, 5, 15),
                        achieved=True,
                        indicator_contribution=(
                            f"{'⑬ 小学校区協働事業' if spec['kind'] == 'district_collaboration' else '⑭ コミュニティ事業'}"
                            "として1件に計上。延べ参加者数の目標達成に寄与した。"
                        ),
                    ),
                )
    return {"地域課題": n_issues, "協働事業": n_projects, "補助金申請": n_grants}


def _equipment(db: Database, town: DemoTown, content: dict) -> int:
    from sakae_council.services import equipment

    items = []
    for name, code, qty, place in content["equipment"]:
        items.append(
            equipment.create_equipment(
                db,
                equipment.EquipmentInput(
                    name=name, code=code, quantity=qty, storage_place=place, condition="良好"
                ),
            )
        )
    n = 0
    plans = [
        (0, 2, DEMO_TODAY - timedelta(days=120), 3, "returned"),
        (2, 3, DEMO_TODAY - timedelta(days=40), 2, "returned"),
        (1, 1, DEMO_TODAY - timedelta(days=20), 7, "lent"),  # 期限切れ
        (4, 10, DEMO_TODAY - timedelta(days=2), 5, "lent"),
        (3, 1, DEMO_TODAY + timedelta(days=14), 2, "reserved"),
    ]
    for k, (item, qty, lent_on, days, state) in enumerate(plans):
        district_id = town.district_ids[k % len(town.district_ids)]
        loan = equipment.lend(
            db,
            equipment.LoanInput(
                equipment_id=items[item].id,
                quantity=qty,
                lent_on=lent_on,
                due_on=lent_on + timedelta(days=days),
                borrower_organisation_id=town.organisations[district_id][0],
                district_id=district_id,
                notes="ごみゼロ・草ゼロで使用" if item == 2 else "",
            ),
            reserve=state == "reserved",
            today=DEMO_TODAY,
        )
        if state == "returned":
            condition = "良好" if k % 2 else "破損あり: テントの幕に小さな裂け目（修理を依頼済み）"
            equipment.return_loan(db, loan.id, lent_on + timedelta(days=days), condition=condition)
        n += 1
    return n


AGENDA = (
    (
        "report",
        "前回からの活動報告",
        "事務局",
        "ごみゼロ・草ゼロ活動に延べ{n}名が参加したことが報告された。参加者から「若い世代の参加が増えた」との声があった。",
        "none",
    ),
    (
        "deliberation",
        "{project}の進め方について",
        "地区担当職員",
        "実施日と役割分担を協議した。送迎車両の保険について質問があり、町が加入手続きを確認することとなった。",
        "unanimous",
    ),
    (
        "deliberation",
        "補助金の申請について",
        "会計",
        "申請額と収支予算を説明。備品購入費を減額する修正意見があり、修正のうえ採決した。",
        "majority",
    ),
    (
        "other",
        "地域課題の整理",
        "会長",
        "住民から寄せられた課題を分類し、連絡会で共有するものを選んだ。",
        "continued",
    ),
)


def _meetings(db: Database, town: DemoTown) -> int:
    from dataclasses import replace
    from datetime import time

    from sakae_council.services import meetings, minutes
    from sakae_council.services.meetings import AttendeeCategory

    bodies = {b.district_id: b for b in meetings.list_bodies(db)}
    content = load_content()
    n = 0
    dated: list[tuple[date, int | None, int]] = []
    for d_index, district_id in enumerate(town.district_ids):
        established = content["districts"][d_index]["status"] == "established"
        count = 10 if established else 2
        for k in range(count):
            held = date(2025, 5, 17) + timedelta(days=63 * k + 3 * d_index)
            dated.append((held, district_id, k))
    for k in range(5):
        dated.append((date(2025, 7, 10) + timedelta(days=120 * k), None, k))
    dated.sort(key=lambda x: x[0])
    for held, body_district, k in dated:
        body = bodies[body_district]
        place = (
            content["districts"][town.district_ids.index(body_district)]["place"]
            if body_district is not None
            else "栄町役場 大会議室"
        )
        detail = meetings.create_meeting(
            db,
            meetings.MeetingInput(
                body_id=body.id, held_on=held, start_time=time(19, 0), end_time=time(20, 30), place=place
            ),
        )
        n += 1
        if held > DEMO_TODAY:
            continue  # an upcoming meeting: prepared, no minutes yet
        base = minutes.minutes_input_from(detail)
        # The meeting was held: its attendance is entered (every roster row starts 未確認).
        attendance = [replace(a, status=AttendanceStatus.PRESENT) for a in base.attendance]
        members = [i for i, a in enumerate(attendance) if a.category == "member"]
        if len(members) > 5:
            attendance[members[-1]] = replace(attendance[members[-1]], status=AttendanceStatus.ABSENT)
            attendance[members[-2]] = replace(
                attendance[members[-2]], status=AttendanceStatus.PROXY, proxy_name="田村 美紀"
            )
        attendance.append(
            minutes.AttendanceInput(
                name="社会福祉協議会 担当者",
                category=AttendeeCategory.GUEST,
                affiliation="栄町社会福祉協議会",
            )
        )
        present = [a for a in attendance if a.person_id and a.status != "absent"]
        chair = present[0].person_id
        staff = [a.person_id for a in attendance if a.category == "staff"]
        recorder = staff[0] if staff else present[-1].person_id
        sign = [a.person_id for a in present if a.category == "member" and a.person_id != chair][:2]
        if len(sign) < 2:
            sign = [a.person_id for a in present if a.person_id != chair][:2]
        project = "ふれあい送迎ボランティア" if k % 2 == 0 else "放課後ひろば「さかえっ子」"
        items = []
        for kind, title, presenter, discussion, result in AGENDA[: 2 + k % 3]:
            votes = (7, 2) if result == "majority" else (None, None)
            items.append(
                minutes.AgendaItemInput(
                    title=title.format(project=project),
                    kind=AgendaKind(kind),
                    presenter=presenter,
                    discussion=discussion.format(n=30 + 7 * k),
                    result=AgendaResult(result),
                    votes_for=votes[0],
                    votes_against=votes[1],
                )
            )
        data = replace(
            base,
            attendance=tuple(attendance),
            chair_id=chair,
            recorder_id=recorder,
            signatory1_id=sign[0],
            signatory2_id=sign[1],
            observers=k % 3,
            handouts=("次第", f"資料1 {project} 実施計画（案）", "資料2 収支予算書"),
            agenda_items=tuple(items),
            decisions=(f"{project}を計画どおり実施する。", "次回までに役割分担表を事務局が作成する。"),
            action_items=(
                minutes.ActionItemInput(
                    content="役割分担表の作成", assignee="事務局", due_on=held + timedelta(days=21)
                ),
                minutes.ActionItemInput(
                    content="送迎車両の保険の確認", assignee="地区担当職員", due_on=held + timedelta(days=30)
                ),
            ),
            next_meeting=f"{(held + timedelta(days=63)).month}月中旬（日程は事務局から連絡）",
        )
        detail = minutes.save_minutes(db, detail.id, data, detail.version)
        if held + timedelta(days=60) < DEMO_TODAY:
            detail = minutes.approve_minutes(db, detail.id, held + timedelta(days=30), detail.version)
            for item in detail.action_items[:1]:
                minutes.complete_action_item(db, item.id, held + timedelta(days=20))
    return n


def load_demo(db: Database) -> dict[str, int]:
    """Fill an empty database with the demo town; returns counts per kind of record.

    One transaction: a load killed midway leaves the file as empty as it was, so ``check`` and a second
    ``init --demo`` see the truth."""
    from sakae_council.services.setup import ensure_seeded

    rng = random.Random(SEED)
    content = load_content()
    town = DemoTown()
    counts: dict[str, int] = {}
    with db.batch():
        counts["団体"] = _districts_and_orgs(db, town, content)
        counts["学区"] = len(town.district_ids)
        counts["名簿"] = _people(db, town, content, rng)
        counts["会則・役員改選"] = load_general_meeting_demo(db, town.members, content)
        ensure_seeded(db)
        counts.update(_issues_and_projects(db, town, content))
        counts["資機材の貸出"] = _equipment(db, town, content)
        counts["会議"] = _meetings(db, town)
        counts["出納帳の記帳"] = demo_accounts.load(db, town.district_ids)
        counts["出欠回答"] = demo_notices.load(db, town.district_ids, town.members, town.staff, DEMO_TODAY)
        counts["マニュアル・職員記録"] = _manual_and_staff(db, town)
        counts["生活支援（⑫）"] = _life_support(db, town, rng)
    return counts
