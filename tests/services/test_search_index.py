"""The n-gram search index (search_gram): kept exact by every write, and searched alike on both paths.

Each scenario writes through the services (create / update / soft delete / restore / erase, an
organisation rename, issue create / update / delete), then searches with 1-, 2- and 3+-character
queries, and finally checks that the postings equal a rebuild from scratch — the invariant the
count shortcut relies on. The "dense" variants force the plan a common term takes at stress size.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import SearchGram
from sakae_council.db.models import search as search_index
from sakae_council.domain.enums import MemberRole
from sakae_council.services import districts, organisations, people, search_plan
from sakae_council.services import issues as svc
from sakae_council.services.issues import IssueFilter, IssueInput
from sakae_council.services.people import MembershipInput, PersonInput, RosterFilter

TODAY = date(2026, 11, 28)


@pytest.fixture(params=["selective", "common"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Run each test with both kinds of term: a rare one (its postings drive) and a common one (with a
    district chosen, the district's rows are tested instead)."""
    if request.param == "common":
        monkeypatch.setattr(search_plan, "SELECTIVE_POSTINGS", 1)
    yield request.param


def paged(fetch, size: int = 2) -> list:  # type: ignore[no-untyped-def]
    """Everything ``fetch(limit, offset)`` returns, page by page (the way the GUI reads a list)."""
    out: list = []
    while True:
        page = fetch(size, len(out))
        out += page
        if len(page) < size:
            return out


def postings(db: Database) -> set[tuple[int, str, int, int]]:
    """Every posting with its place in the list (``ord``), which a rebuild must reproduce too."""
    with db.reading() as s:
        return {
            (k, g, o, r)
            for k, g, o, r in s.execute(
                select(SearchGram.kind, SearchGram.gram, SearchGram.ord, SearchGram.record_id)
            )
        }


def assert_index_matches_rebuild(db: Database) -> None:
    live = postings(db)
    with db.engine.begin() as conn:
        search_index.rebuild_search_index(conn)
    assert postings(db) == live


# --- people -------------------------------------------------------------------------------------


@pytest.fixture()
def district_id(db: Database) -> int:
    return districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id


def add(db: Database, district_id: int, name: str, furigana: str, **kw: object) -> people.PersonDTO:
    member = MembershipInput(district_id=district_id, role=MemberRole.SUISHIN, term_start=date(2025, 4, 1))
    return people.create_person(db, PersonInput(name=name, furigana=furigana, memberships=(member,), **kw))  # type: ignore[arg-type]


def roster(db: Database, query: str, **kw: object) -> list[str]:
    flt = RosterFilter(query=query, today=TODAY, include_without_membership=True, **kw)  # type: ignore[arg-type]
    found = [p.name for p in people.list_members(db, flt)]
    assert people.count_members(db, flt) == len(found)
    assert [p.name for p in paged(lambda n, o: people.list_members(db, flt, limit=n, offset=o))] == found
    return found


def test_people_are_found_by_one_two_and_longer_queries(db: Database, district_id: int, plan: str) -> None:
    add(db, district_id, "田中 一郎", "タナカ イチロウ")
    add(db, district_id, "山田 和子", "ヤマダ カズコ", notes="送迎ボランティア")
    add(db, district_id, "𠮷田 茂", "ヨシダ シゲル")
    assert roster(db, "田") == ["田中 一郎", "山田 和子", "𠮷田 茂"]  # 五十音順: タナカ, ヤマダ, ヨシダ
    assert roster(db, "田中") == ["田中 一郎"]
    assert roster(db, "𠮷") == ["𠮷田 茂"]
    assert roster(db, "ﾀﾅｶ") == ["田中 一郎"]  # half-width katakana folds to the same hiragana
    assert roster(db, "ボランティア") == ["山田 和子"]
    assert roster(db, "いちろう") == ["田中 一郎"]
    assert roster(db, "田中一郎") == ["田中 一郎"]  # spaces are not part of the folded text
    assert roster(db, "ぞ") == []
    assert roster(db, "%") == []
    # With a district chosen, its memberships drive the query; the answer is the same.
    assert [
        p.name
        for p in people.list_members(db, RosterFilter(district_id=district_id, query="田", today=TODAY))
    ] == [
        "田中 一郎",
        "山田 和子",
        "𠮷田 茂",
    ]


def test_counts_stop_at_the_cap_only_where_rows_must_be_read(
    db: Database, district_id: int, plan: str
) -> None:
    for n in range(3):
        add(db, district_id, f"送迎 {'一二三'[n]}", f"ソウゲイ {'イニサ'[n]}", notes="送迎ボランティア")
    flt = RosterFilter(query="ボランティア", today=TODAY, include_without_membership=True)
    assert people.count_members(db, flt) == 3
    assert people.count_members(db, flt, at_most=2) == 2  # 3+ characters: counting reads rows, so it stops
    assert people.count_members(db, flt, at_most=5) == 3
    two = RosterFilter(query="送迎", today=TODAY, include_without_membership=True)
    assert people.count_members(db, two, at_most=2) == 3  # the postings of 送迎 are the exact answer
    everyone = RosterFilter(today=TODAY, include_without_membership=True)
    assert people.count_members(db, everyone, at_most=2) == 3  # no search: never capped


def test_bigrams_in_another_order_do_not_match(db: Database, district_id: int, plan: str) -> None:
    add(db, district_id, "栄 花子", "サカエ ハナコ", notes="とうさと")  # has さと and とう, not さとう
    assert roster(db, "さとう") == []
    assert roster(db, "うさと") == ["栄 花子"]


def test_update_moves_a_person_between_searches(db: Database, district_id: int, plan: str) -> None:
    p = add(db, district_id, "田中 一郎", "タナカ イチロウ")
    kept = tuple(
        MembershipInput(district_id=m.district_id, role=m.role, term_start=m.term_start, id=m.id)
        for m in p.memberships
    )
    people.update_person(
        db, p.id, PersonInput(name="鈴木 一郎", furigana="スズキ イチロウ", memberships=kept), p.version
    )
    assert roster(db, "田中") == []
    assert roster(db, "田") == []
    assert roster(db, "鈴木") == ["鈴木 一郎"]
    assert roster(db, "一郎") == ["鈴木 一郎"]
    assert_index_matches_rebuild(db)


def test_a_new_furigana_moves_a_person_in_the_searched_list(
    db: Database, district_id: int, plan: str
) -> None:
    """The postings are kept in 五十音順: a changed フリガナ moves every posting of the person."""
    p = add(db, district_id, "田中 一郎", "タナカ イチロウ")
    add(db, district_id, "田中 和子", "タナカ カズコ")
    assert roster(db, "田中") == ["田中 一郎", "田中 和子"]
    kept = tuple(
        MembershipInput(district_id=m.district_id, role=m.role, term_start=m.term_start, id=m.id)
        for m in p.memberships
    )
    people.update_person(
        db, p.id, PersonInput(name="田中 一郎", furigana="ワタナカ イチロウ", memberships=kept), p.version
    )
    assert roster(db, "田中") == ["田中 和子", "田中 一郎"]
    assert roster(db, "田中", descending=True) == ["田中 一郎", "田中 和子"]
    assert_index_matches_rebuild(db)


def test_soft_delete_restore_and_erase(db: Database, district_id: int, plan: str) -> None:
    p = add(db, district_id, "田中 一郎", "タナカ イチロウ")
    add(db, district_id, "田中 和子", "タナカ カズコ")
    deleted = people.delete_person(db, p.id, p.version)
    assert roster(db, "田中") == ["田中 和子"]
    assert roster(db, "田中", deleted=True) == ["田中 一郎"]  # the 削除した人 view still searches
    assert_index_matches_rebuild(db)
    restored = people.restore_person(db, p.id)
    assert roster(db, "田中") == ["田中 一郎", "田中 和子"]
    assert_index_matches_rebuild(db)
    people.erase_person(db, p.id, restored.version)
    assert roster(db, "田中") == ["田中 和子"]
    assert not [row for row in postings(db) if row[3] == p.id and row[0] == search_index.KIND_PERSON]
    assert deleted.deleted_at is not None


def test_organisation_rename_reaches_its_members(db: Database, district_id: int, plan: str) -> None:
    org = organisations.create_organisation(db, organisations.OrganisationInput(name="あじき見守り隊"))
    add(db, district_id, "田中 一郎", "タナカ イチロウ", organisation_id=org.id)
    assert roster(db, "見守り") == ["田中 一郎"]
    organisations.update_organisation(
        db, org.id, organisations.OrganisationInput(name="安食防犯パトロール"), org.version
    )
    assert roster(db, "見守り") == []
    assert roster(db, "防犯") == ["田中 一郎"]
    assert roster(db, "パトロール") == ["田中 一郎"]
    assert_index_matches_rebuild(db)


# --- issues -------------------------------------------------------------------------------------


@pytest.fixture()
def world(db: Database) -> tuple[int, int, dict[str, int]]:
    with db.transaction() as s:
        svc.seed_categories(s)
    d1 = districts.create_district(db, districts.DistrictInput(name="安食", display_order=1))
    d2 = districts.create_district(db, districts.DistrictInput(name="布鎌", display_order=2))
    return d1.id, d2.id, {c.name: c.id for c in svc.list_categories(db)}


def issue(db: Database, world: tuple[int, int, dict[str, int]], title: str, **kw: object) -> svc.IssueDTO:
    d1, _, cats = world
    values: dict = {
        "title": title,
        "district_id": d1,
        "category_id": cats["防犯"],
        "raised_on": date(2026, 5, 10),
    }
    values.update(kw)
    return svc.create_issue(db, IssueInput(**values))


def found(db: Database, query: str, **kw: object) -> list[str]:
    flt = IssueFilter(query=query, **kw)  # type: ignore[arg-type]
    titles = [i.title for i in svc.list_issues(db, flt)]
    assert svc.count_issues(db, flt) == len(titles)
    assert [i.title for i in paged(lambda n, o: svc.list_issues(db, flt, limit=n, offset=o))] == titles
    return titles


def test_issues_search_through_create_update_delete(db: Database, world, plan: str) -> None:
    a = issue(db, world, "通学路の見守り", raised_on=date(2026, 5, 1))
    issue(db, world, "通院の送迎", raised_on=date(2026, 6, 1), description="高齢者の通院")
    assert found(db, "通") == ["通院の送迎", "通学路の見守り"]  # newest raised first
    assert found(db, "通院") == ["通院の送迎"]
    assert found(db, "見守り") == ["通学路の見守り"]
    assert found(db, "通 見守り") == ["通学路の見守り"]  # every word must match
    assert found(db, "防犯") == ["通院の送迎", "通学路の見守り"]  # the category's name is searched too
    assert found(db, "守リ") == ["通学路の見守り"]  # katakana folds to hiragana
    d1, d2, cats = world
    svc.update_issue(
        db,
        a.id,
        IssueInput(title="公園の草刈り", district_id=d2, category_id=cats["防犯"], raised_on=a.raised_on),
        a.version,
    )
    assert found(db, "見守り") == []
    assert found(db, "草刈") == ["公園の草刈り"]
    assert found(db, "草", district_id=d2) == ["公園の草刈り"]
    assert found(db, "草", district_id=d1) == []
    assert_index_matches_rebuild(db)
    svc.delete_issue(db, a.id)
    assert found(db, "草刈") == []
    assert found(db, "の") == ["通院の送迎"]
    assert_index_matches_rebuild(db)


def test_a_new_date_moves_an_issue_in_the_searched_list(db: Database, world, plan: str) -> None:
    """The postings are kept by date raised: a changed date moves every posting of the issue."""
    a = issue(db, world, "通学路の見守り", raised_on=date(2026, 5, 1))
    issue(db, world, "通院の送迎", raised_on=date(2026, 6, 1))
    issue(db, world, "通院の付き添い", raised_on=date(2026, 6, 1))  # the same day: newest id first
    assert found(db, "通") == ["通院の付き添い", "通院の送迎", "通学路の見守り"]
    values = {"title": a.title, "district_id": a.district_id, "category_id": a.category_id}
    svc.update_issue(db, a.id, IssueInput(**values, raised_on=date(2026, 7, 1)), a.version)  # type: ignore[arg-type]
    assert found(db, "通") == ["通学路の見守り", "通院の付き添い", "通院の送迎"]
    assert found(db, "通", descending=False) == ["通院の送迎", "通院の付き添い", "通学路の見守り"]
    assert_index_matches_rebuild(db)


def test_issue_counts_stop_at_the_cap_for_longer_words(db: Database, world, plan: str) -> None:
    for n in range(3):
        issue(db, world, f"通学路の見守り{n}", raised_on=date(2026, 5, 1 + n))
    assert svc.count_issues(db, IssueFilter(query="見守り")) == 3
    assert svc.count_issues(db, IssueFilter(query="見守り"), at_most=2) == 2
    assert svc.count_issues(db, IssueFilter(query="通 見守り"), at_most=2) == 2
    assert (
        svc.count_issues(db, IssueFilter(query="見守"), at_most=2) == 3
    )  # 2 characters: the postings decide
    assert svc.count_issues(db, IssueFilter(), at_most=2) == 3  # no search: never capped


def test_issue_paging_and_sorting(db: Database, world, plan: str) -> None:
    for n in range(7):
        issue(db, world, f"課題{n}の見守り", raised_on=date(2026, 4, 1 + n), priority=("high", "low")[n % 2])
    everything = svc.list_issues(db, IssueFilter(query="見守り"))
    assert [i.title for i in everything] == [f"課題{n}の見守り" for n in reversed(range(7))]
    pages = [svc.list_issues(db, IssueFilter(query="見守り"), limit=3, offset=o) for o in (0, 3, 6)]
    assert [len(p) for p in pages] == [3, 3, 1]
    assert [i.id for p in pages for i in p] == [i.id for i in everything]
    assert svc.count_issues(db, IssueFilter(query="見守り")) == 7
    assert svc.count_issues(db, IssueFilter()) == 7
    oldest = svc.list_issues(db, IssueFilter(descending=False), limit=1)
    assert oldest[0].title == "課題0の見守り"
    by_priority = svc.list_issues(db, IssueFilter(sort="priority", descending=False))
    assert [i.priority.value for i in by_priority] == ["high"] * 4 + ["low"] * 3
    by_title = svc.list_issues(db, IssueFilter(sort="title", descending=False))
    assert [i.title for i in by_title] == sorted(i.title for i in everything)
