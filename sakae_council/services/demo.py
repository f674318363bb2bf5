"""デモデータ: a believable, fictional 栄町 — deterministic, so tests and screenshots can rely on it.

Built through the same services the screens use, so every record passes the same validation.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select

from sakae_council import cancel
from sakae_council.db.engine import Database
from sakae_council.db.models import Person
from sakae_council.domain.enums import (
    CouncilStatus,
    MemberRole,
    OfficerPost,
    OrganisationKind,
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
    from sakae_council.services import manual_import, staff_records

    text = (resources_dir() / "manual" / "starter.md").read_text(encoding="utf-8")
    manual_import.import_markdown(db, text, summary="初版の原稿を取り込み")
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
                staff_records.create_training(
                    db,
                    staff_records.StaffTrainingInput(
                        person_id=person_id, held_on=held_on, title=title, organiser=organiser, hours=hours
                    ),
                )
                n += 1
            for held_on, title, hours in activities[k % 2 :]:
                staff_records.create_staff_activity(
                    db,
                    staff_records.StaffActivityInput(
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
    from sakae_council.services import lifesupport

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
            lifesupport.create_consultation(
                db,
                lifesupport.ConsultationInput(
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
        course = lifesupport.create_course(
            db, lifesupport.CourseInput(title=title, held_on=held, place="ふれあいプラザさかえ")
        )
        for pid in rng.sample(sum(town.members.values(), []), 8):
            lifesupport.add_attendee(db, course.id, person_id=pid)
        n += 1
    for started, founder, business, fld in (
        (date(2025, 11, 1), "相談者25-2", "まごころ家事サポート", "介護"),
        (date(2026, 4, 15), "相談者25-5", "あじき子ども学習室", "教育"),
    ):
        lifesupport.create_startup(
            db,
            lifesupport.StartupInput(
                founder_name=founder,
                started_on=started,
                business_name=business,
                field=fld,
                district_id=town.district_ids[0],
            ),
        )
        n += 1
    return n


def load_demo(db: Database) -> dict[str, int]:
    """Fill an empty database with the demo town; returns counts per kind of record.

    One transaction: a load killed midway, or stopped by 中止 (the current cancel token, checked between
    steps; it raises Cancelled), leaves the file as empty as it was, so ``check`` and a second
    ``init --demo`` see the truth."""
    from sakae_council.services.demo_meetings import add_meetings
    from sakae_council.services.demo_projects import add_equipment, add_issues_and_projects
    from sakae_council.services.setup import ensure_seeded

    rng = random.Random(SEED)
    content = load_content()
    town = DemoTown()
    counts: dict[str, int] = {}
    steps: list[Callable[[], object]] = [
        lambda: counts.update(
            {"団体": _districts_and_orgs(db, town, content), "学区": len(town.district_ids)}
        ),
        lambda: counts.update({"名簿": _people(db, town, content, rng)}),
        lambda: counts.update({"会則・役員改選": load_general_meeting_demo(db, town.members, content)}),
        lambda: ensure_seeded(db),
        lambda: counts.update(add_issues_and_projects(db, town, content)),
        lambda: counts.update({"資機材の貸出": add_equipment(db, town, content)}),
        lambda: counts.update({"会議": add_meetings(db, town)}),
        lambda: counts.update({"出納帳の記帳": demo_accounts.load(db, town.district_ids)}),
        lambda: counts.update(
            {"出欠回答": demo_notices.load(db, town.district_ids, town.members, town.staff, DEMO_TODAY)}
        ),
        lambda: counts.update({"マニュアル・職員記録": _manual_and_staff(db, town)}),
        lambda: counts.update({"生活支援（⑫）": _life_support(db, town, rng)}),
    ]
    # 中止 (the welcome screen's button) is honoured between steps: the batch then rolls back whole
    token = cancel.current()
    with db.batch():
        for done, step in enumerate(steps):
            token.progress(done, len(steps))
            step()
        token.progress(len(steps), len(steps))
    return counts
