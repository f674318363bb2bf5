"""デモデータ: the demo town's regional issues, projects with their grants and parts, and equipment loans."""

from __future__ import annotations

from datetime import date, timedelta

from sakae_council.db.engine import Database
from sakae_council.domain.enums import (
    ActivityKind,
    IssueSource,
    Priority,
)
from sakae_council.services.demo import DEMO_TODAY, DemoTown

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


def add_issues_and_projects(db: Database, town: DemoTown, content: dict) -> dict[str, int]:
    """Issues along every status path, the projects they became, their grants and parts; counts per kind."""
    from sakae_council.services import grants, issues, project_parts, project_staff, projects

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
            project_parts.add_partner(
                db,
                prj.id,
                project_parts.PartnerInput(organisation_id=lead, role_description="会場の確保と住民への周知"),
            )
            project_parts.add_partner(
                db,
                prj.id,
                project_parts.PartnerInput(person_id=members[0], role_description="全体の取りまとめ"),
            )
            project_parts.add_partner(
                db,
                prj.id,
                project_parts.PartnerInput(
                    organisation_id=town.organisations[0][k % 4], role_description="専門的な助言と人手"
                ),
            )
            for sid in town.staff[district_id][:1]:
                project_staff.add_staff(db, prj.id, sid, "地区担当として連絡調整")
            project_parts.add_milestone(
                db,
                prj.id,
                project_parts.MilestoneInput(
                    title="実施計画の確定",
                    due_on=start + timedelta(days=30),
                    progress=100 if spec["status"] != "idea" else 40,
                ),
            )
            project_parts.add_milestone(
                db,
                prj.id,
                project_parts.MilestoneInput(
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
                    project_parts.add_activity(
                        db,
                        prj.id,
                        project_parts.ActivityInput(
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
                project_parts.add_evaluation(
                    db,
                    prj.id,
                    project_parts.EvaluationInput(
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


def add_equipment(db: Database, town: DemoTown, content: dict) -> int:
    """The town's equipment and its loans (returned, out, overdue); returns how many loans."""
    from sakae_council.services import equipment, equipment_loans

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
        loan = equipment_loans.lend(
            db,
            equipment_loans.LoanInput(
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
            equipment_loans.return_loan(db, loan.id, lent_on + timedelta(days=days), condition=condition)
        n += 1
    return n
