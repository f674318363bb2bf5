"""地域課題 service: categories, CRUD, lifecycle with dated history, search, matrix — on a real SQLite file."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, insert, select, update

from sakae_council.db.models import (
    AuditEntry,
    CollaborativeProject,
    District,
    IssueCategory,
    IssueStatusChange,
    RegionalIssue,
    project_issue,
)
from sakae_council.domain.enums import DEFAULT_ISSUE_CATEGORIES, IssueSource, IssueStatus, Priority
from sakae_council.domain.errors import ConflictError, NotFoundError, ValidationError
from sakae_council.services import issues as svc
from sakae_council.services.districts import DistrictInput, create_district, merge_districts
from sakae_council.services.issue_matrix import issue_matrix
from sakae_council.services.issues import IssueFilter, IssueInput


def count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


@pytest.fixture()
def world(db):
    with db.transaction() as s:
        svc.seed_categories(s)
    d1 = create_district(db, DistrictInput(name="安食", display_order=1))
    d2 = create_district(db, DistrictInput(name="布鎌", display_order=2))
    cats = {c.name: c.id for c in svc.list_categories(db)}
    return d1.id, d2.id, cats


def make(db, world, **kw) -> svc.IssueDTO:
    d1, _, cats = world
    values = {
        "title": "通学路の見守りが足りない",
        "district_id": d1,
        "category_id": cats["防犯"],
        "raised_on": date(2026, 5, 10),
    }
    values.update(kw)
    return svc.create_issue(db, IssueInput(**values))


def link_project(db, issue_id: int, district_id: int) -> int:
    """A project linked to the issue, written directly so this test does not depend on the projects service."""
    with db.transaction() as s:
        p = CollaborativeProject(title="見守り隊", district_id=district_id)
        s.add(p)
        s.flush()
        s.execute(insert(project_issue).values(project_id=p.id, issue_id=issue_id))
        return p.id


# --- categories ---------------------------------------------------------------------------------


def test_seed_categories_is_idempotent_and_ordered(db):
    with db.transaction() as s:
        assert svc.seed_categories(s) == len(DEFAULT_ISSUE_CATEGORIES)
    with db.transaction() as s:
        assert svc.seed_categories(s) == 0
    assert [c.name for c in svc.list_categories(db)] == list(DEFAULT_ISSUE_CATEGORIES)


def test_seed_categories_adds_only_missing_ones(db):
    with db.transaction() as s:
        s.add(IssueCategory(name="防犯", display_order=99))
    with db.transaction() as s:
        assert svc.seed_categories(s) == len(DEFAULT_ISSUE_CATEGORIES) - 1
    assert count(db, IssueCategory) == len(DEFAULT_ISSUE_CATEGORIES)


def test_add_category_goes_last_and_is_audited(world, db):
    c = svc.add_category(db, "  空き家対策 ")
    assert c.name == "空き家対策"
    assert svc.list_categories(db)[-1] == c
    with db.reading() as s:
        assert s.scalar(select(AuditEntry.summary).where(AuditEntry.entity == "issue_category")) == (
            "課題の分類「空き家対策」を追加"
        )


@pytest.mark.parametrize("name", ["", "   ", "防犯", "x" * 101])
def test_add_category_rejects_empty_duplicate_and_long(world, db, name):
    before = count(db, IssueCategory)
    with pytest.raises(ValidationError) as err:
        svc.add_category(db, name)
    assert err.value.field == "name"
    assert count(db, IssueCategory) == before


# --- create / update / delete -------------------------------------------------------------------


def test_create_issue_writes_first_history_row(world, db):
    issue = make(db, world, priority=Priority.HIGH, source=IssueSource.RESIDENT, shared_with_liaison=True)
    assert issue.status is IssueStatus.RAISED
    assert issue.priority is Priority.HIGH and issue.source is IssueSource.RESIDENT
    assert issue.district_name == "安食" and issue.category_name == "防犯"
    assert issue.project_ids == ()
    [first] = svc.get_issue_history(db, issue.id)
    assert (first.from_status, first.to_status, first.changed_on) == (
        None,
        IssueStatus.RAISED,
        date(2026, 5, 10),
    )
    assert first.changed_by == "テスト担当"


def test_text_is_normalised_and_markup_kept_literally(world, db):
    issue = make(
        db, world, title="ＡＥＤ　<b>&設置</b>　２か所", description="第１行 <script>\n\n２行目 &amp;"
    )
    assert issue.title == "AED <b>&設置</b> 2か所"
    assert issue.description == "第1行 <script>\n\n2行目 &amp;"
    assert svc.get_issue(db, issue.id).title == "AED <b>&設置</b> 2か所"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "　 "}, "title"),
        ({"title": "あ" * 401}, "title"),
        ({"description": "い" * 4001}, "description"),
        ({"raised_on": None}, "raised_on"),
        ({"priority": "urgent"}, "priority"),
        ({"source": "噂"}, "source"),
    ],
)
def test_create_issue_validation(world, db, change, field):
    with pytest.raises(ValidationError) as err:
        make(db, world, **change)
    assert err.value.field == field
    assert count(db, RegionalIssue) == 0
    assert count(db, IssueStatusChange) == 0
    assert count(db, AuditEntry) == 2  # the two districts of the fixture only


def test_create_issue_accepts_labels_for_enums(world, db):
    issue = make(db, world, priority="低", source="連絡会")
    assert issue.priority is Priority.LOW and issue.source is IssueSource.LIAISON


def test_create_issue_unknown_category_is_not_found(world, db):
    with pytest.raises(NotFoundError):
        make(db, world, category_id=9999)
    assert count(db, RegionalIssue) == 0


def test_update_issue_and_stale_version(world, db):
    _, d2, cats = world
    issue = make(db, world)
    updated = svc.update_issue(
        db,
        issue.id,
        IssueInput(
            title="通学路の安全", district_id=d2, category_id=cats["交通"], raised_on=date(2026, 5, 1)
        ),
        issue.version,
    )
    assert updated.version == issue.version + 1
    assert (updated.district_name, updated.category_name) == ("布鎌", "交通")
    # search text follows the new category name
    assert [i.id for i in svc.list_issues(db, IssueFilter(query="交通"))] == [issue.id]
    with pytest.raises(ConflictError):
        svc.update_issue(
            db,
            issue.id,
            IssueInput(title="上書き", district_id=d2, category_id=cats["交通"], raised_on=date(2026, 5, 1)),
            issue.version,
        )
    assert svc.get_issue(db, issue.id).title == "通学路の安全"


def test_update_cannot_move_raised_on_after_first_change(world, db):
    d1, _, cats = world
    issue = make(db, world)
    moved = svc.change_issue_status(
        db, issue.id, IssueStatus.CONSIDERING, date(2026, 6, 1), "", issue.version
    )
    with pytest.raises(ValidationError) as err:
        svc.update_issue(
            db,
            issue.id,
            IssueInput(title="x", district_id=d1, category_id=cats["防犯"], raised_on=date(2026, 7, 1)),
            moved.version,
        )
    assert err.value.field == "raised_on"
    assert svc.get_issue(db, issue.id).raised_on == date(2026, 5, 10)


def test_delete_issue_and_refusal_when_linked(world, db):
    d1, _, _ = world
    a, b = make(db, world), make(db, world, title="ごみ出し")
    link_project(db, b.id, d1)
    with pytest.raises(ValidationError) as err:
        svc.delete_issue(db, b.id, b.version)
    assert err.value.field == "issue" and "見守り隊" in err.value.message
    with pytest.raises(ConflictError):
        svc.delete_issue(db, a.id, a.version + 5)
    svc.delete_issue(db, a.id, a.version)
    assert [i.id for i in svc.list_issues(db)] == [b.id]
    assert count(db, IssueStatusChange) == 1  # a's history went with it


# --- lifecycle ----------------------------------------------------------------------------------


def test_full_lifecycle_history_is_dated_ordered_and_signed(world, db):
    d1, _, _ = world
    issue = make(db, world)
    issue = svc.change_issue_status(
        db, issue.id, IssueStatus.CONSIDERING, date(2026, 6, 1), "部会で検討", issue.version
    )
    link_project(db, issue.id, d1)
    issue = svc.change_issue_status(db, issue.id, "事業化", date(2026, 7, 1), "", issue.version)
    assert issue.status is IssueStatus.PROJECTIZED and issue.project_titles == ("見守り隊",)
    issue = svc.change_issue_status(
        db, issue.id, IssueStatus.RESOLVED, date(2026, 7, 1), "見守り隊が発足", issue.version
    )
    history = svc.get_issue_history(db, issue.id)
    assert [(h.from_status, h.to_status) for h in history] == [
        (None, IssueStatus.RAISED),
        (IssueStatus.RAISED, IssueStatus.CONSIDERING),
        (IssueStatus.CONSIDERING, IssueStatus.PROJECTIZED),
        (IssueStatus.PROJECTIZED, IssueStatus.RESOLVED),
    ]
    assert [h.changed_on for h in history] == [
        date(2026, 5, 10),
        date(2026, 6, 1),
        date(2026, 7, 1),
        date(2026, 7, 1),
    ]
    assert history[3].comment == "見守り隊が発足"
    assert {h.changed_by for h in history} == {"テスト担当"}
    with db.reading() as s:
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "regional_issue")).all()
    assert actions.count("status") == 3


@pytest.mark.parametrize(
    ("path", "target"),
    [
        ((), IssueStatus.PROJECTIZED),
        ((), IssueStatus.RESOLVED),
        ((), IssueStatus.CONTINUING),
        ((IssueStatus.WITHDRAWN,), IssueStatus.RESOLVED),
        ((IssueStatus.CONSIDERING, IssueStatus.RESOLVED), IssueStatus.WITHDRAWN),
    ],
)
def test_illegal_moves_are_refused_with_the_transition_message(world, db, path, target):
    issue = make(db, world)
    for step in path:
        issue = svc.change_issue_status(db, issue.id, step, date(2026, 6, 1), "理由", issue.version)
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, target, date(2026, 6, 2), "理由", issue.version)
    assert err.value.field == "status"
    assert f"「{issue.status.label}」から「{target.label}」へは変更できません" in err.value.message
    assert svc.get_issue(db, issue.id).status is issue.status
    assert len(svc.get_issue_history(db, issue.id)) == len(path) + 1


def test_same_status_is_refused(world, db):
    issue = make(db, world)
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, IssueStatus.RAISED, date(2026, 6, 1), "", issue.version)
    assert err.value.field == "status"


@pytest.mark.parametrize("target", [IssueStatus.RESOLVED, IssueStatus.WITHDRAWN])
@pytest.mark.parametrize("comment", ["", "  \n "])
def test_resolving_or_withdrawing_needs_a_comment(world, db, target, comment):
    issue = make(db, world)
    issue = svc.change_issue_status(
        db, issue.id, IssueStatus.CONSIDERING, date(2026, 6, 1), "", issue.version
    )
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, target, date(2026, 6, 2), comment, issue.version)
    assert err.value.field == "comment"
    assert svc.get_issue(db, issue.id).status is IssueStatus.CONSIDERING
    assert len(svc.get_issue_history(db, issue.id)) == 2


def test_projectized_needs_a_linked_project(world, db):
    issue = make(db, world)
    issue = svc.change_issue_status(
        db, issue.id, IssueStatus.CONSIDERING, date(2026, 6, 1), "", issue.version
    )
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, IssueStatus.PROJECTIZED, date(2026, 6, 2), "", issue.version)
    assert err.value.field == "status" and "結び付け" in err.value.message
    assert svc.get_issue(db, issue.id).status is IssueStatus.CONSIDERING


def test_status_change_date_checks(world, db):
    issue = make(db, world)
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, IssueStatus.CONSIDERING, date(2026, 5, 9), "", issue.version)
    assert err.value.field == "changed_on" and "令和8年5月10日" in err.value.message
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, IssueStatus.CONSIDERING, None, "", issue.version)
    assert err.value.field == "changed_on"
    assert len(svc.get_issue_history(db, issue.id)) == 1


def test_status_change_with_stale_version_is_a_conflict(world, db):
    issue = make(db, world)
    svc.update_issue(
        db,
        issue.id,
        IssueInput(
            title="別の人が変更",
            district_id=issue.district_id,
            category_id=issue.category_id,
            raised_on=issue.raised_on,
        ),
        issue.version,
    )
    with pytest.raises(ConflictError):
        svc.change_issue_status(db, issue.id, IssueStatus.CONSIDERING, date(2026, 6, 1), "", issue.version)
    saved = svc.get_issue(db, issue.id)
    assert saved.status is IssueStatus.RAISED and saved.title == "別の人が変更"
    assert len(svc.get_issue_history(db, issue.id)) == 1


def test_reopen_after_resolution(world, db):
    issue = make(db, world)
    issue = svc.change_issue_status(
        db, issue.id, IssueStatus.WITHDRAWN, date(2026, 6, 1), "重複", issue.version
    )
    issue = svc.change_issue_status(
        db, issue.id, IssueStatus.CONSIDERING, date(2026, 8, 1), "", issue.version
    )
    assert issue.status is IssueStatus.CONSIDERING and issue.is_open


# --- listing ------------------------------------------------------------------------------------


def test_list_filters_search_and_order(world, db):
    d1, d2, cats = world
    a = make(db, world, title="公園のゴミ", category_id=cats["環境美化"], raised_on=date(2026, 4, 1))
    b = make(
        db,
        world,
        title="独居高齢者の見守り",
        district_id=d2,
        category_id=cats["見守り・助け合い"],
        raised_on=date(2027, 3, 31),
        shared_with_liaison=True,
    )
    c = make(db, world, title="ｶｰﾌﾞﾐﾗｰ設置", category_id=cats["交通"], raised_on=date(2027, 4, 1))
    assert [i.id for i in svc.list_issues(db)] == [c.id, b.id, a.id]
    assert [i.id for i in svc.list_issues(db, IssueFilter(district_id=d2))] == [b.id]
    assert [i.id for i in svc.list_issues(db, IssueFilter(category_id=cats["交通"]))] == [c.id]
    assert [i.id for i in svc.list_issues(db, IssueFilter(shared_only=True))] == [b.id]
    assert [i.id for i in svc.list_issues(db, IssueFilter(fiscal_year=2026))] == [b.id, a.id]
    assert [i.id for i in svc.list_issues(db, IssueFilter(query="ごみ"))] == [a.id]  # カタカナ ⇔ ひらがな
    assert [i.id for i in svc.list_issues(db, IssueFilter(query="カーブみらー"))] == [c.id]  # 半角カナ
    assert [i.id for i in svc.list_issues(db, IssueFilter(query="見守り 高齢"))] == [b.id]  # every word
    assert svc.list_issues(db, IssueFilter(query="100%")) == []  # LIKE wildcards are literal
    svc.change_issue_status(db, a.id, IssueStatus.WITHDRAWN, date(2026, 5, 1), "解消済み", a.version)
    assert [i.id for i in svc.list_issues(db, IssueFilter(status=IssueStatus.WITHDRAWN))] == [a.id]
    assert [i.id for i in svc.list_issues(db, IssueFilter(open_only=True))] == [c.id, b.id]


def test_list_shows_linked_projects(world, db):
    d1, _, _ = world
    a, b = make(db, world), make(db, world, title="別の課題")
    pid = link_project(db, a.id, d1)
    rows = {i.id: i for i in svc.list_issues(db)}
    assert rows[a.id].project_ids == (pid,) and rows[a.id].project_titles == ("見守り隊",)
    assert rows[b.id].project_ids == ()


# --- matrix -------------------------------------------------------------------------------------


def test_issue_matrix_counts(world, db):
    d1, d2, cats = world
    make(db, world)
    make(db, world)
    make(db, world, district_id=d2, category_id=cats["子育て"])
    old = make(db, world, category_id=cats["子育て"], raised_on=date(2025, 6, 1))
    svc.change_issue_status(db, old.id, IssueStatus.WITHDRAWN, date(2025, 7, 1), "対象外", old.version)

    m = issue_matrix(db)
    assert [d.name for d in m.districts] == ["安食", "布鎌"]
    assert [c.name for c in m.categories] == list(DEFAULT_ISSUE_CATEGORIES)
    assert m.counts == {(d1, cats["防犯"]): 2, (d2, cats["子育て"]): 1, (d1, cats["子育て"]): 1}
    assert m.count(d1, cats["交通"]) == 0
    assert m.district_total(d1) == 3 and m.category_total(cats["子育て"]) == 2 and m.total == 4

    assert issue_matrix(db, open_only=True).counts == {(d1, cats["防犯"]): 2, (d2, cats["子育て"]): 1}
    assert issue_matrix(db, fiscal_year=2025).counts == {(d1, cats["子育て"]): 1}


def test_matrix_after_a_merge_counts_moved_issues_under_the_target(world, db):
    d1, d2, cats = world
    create_district(db, DistrictInput(name="酒直", display_order=3))
    issue = make(db, world, district_id=d2)
    merge_districts(db, d2, d1, date(2027, 4, 1))
    m = issue_matrix(db)
    assert [d.name for d in m.districts] == ["安食", "酒直"]  # 酒直 has no issues but is active; 布鎌 merged
    assert m.counts == {(d1, cats["防犯"]): 1}
    # the merge's history line keeps the status; a later change still has to be dated after it
    with pytest.raises(ValidationError) as err:
        svc.change_issue_status(db, issue.id, IssueStatus.CONSIDERING, date(2027, 3, 1), "", None)
    assert err.value.field == "changed_on"


def test_matrix_shows_an_inactive_district_only_while_it_has_issues(world, db):
    d1, d2, cats = world
    make(db, world, district_id=d2)
    with (
        db.transaction() as s
    ):  # an inactive district whose issues were not moved (data from before merges moved them)
        s.execute(update(RegionalIssue).values(district_id=d2))
        s.execute(
            update(District).where(District.id == d2).values(active=False, version=District.version + 1)
        )
    assert [d.name for d in issue_matrix(db).districts] == ["安食", "布鎌"]
    assert [d.name for d in issue_matrix(db, fiscal_year=2030).districts] == ["安食"]
