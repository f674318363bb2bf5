"""list_issues sorted in the database by each column of the 地域課題 list, paged with limit/offset."""

from __future__ import annotations

from datetime import date

import pytest

from sakae_council.services import issues as svc
from sakae_council.services import projects
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.issues import IssueFilter, IssueInput


@pytest.fixture()
def world(db) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with db.transaction() as s:
        svc.seed_categories(s)
    d = create_district(db, DistrictInput(name="安食", display_order=1)).id
    cat = svc.list_categories(db)[0].id

    def add(title: str, day: int, **kw: object) -> int:
        data = IssueInput(title=title, district_id=d, category_id=cat, raised_on=date(2026, 5, day), **kw)  # type: ignore[arg-type]
        return svc.create_issue(db, data).id

    ids = {"a": add("A", 1), "b": add("B", 2, shared_with_liaison=True), "c": add("C", 3), "d": add("D", 4)}
    projects.create_project(db, projects.ProjectInput(title="いきいき", district_id=d, issue_ids=(ids["a"],)))
    projects.create_project(db, projects.ProjectInput(title="あおぞら", district_id=d, issue_ids=(ids["c"],)))
    return ids


def titles(db, **sort: object) -> list[str]:  # type: ignore[no-untyped-def]
    return [i.title for i in svc.list_issues(db, IssueFilter(**sort))]  # type: ignore[arg-type]


def test_shared_ones_first_then_newest(world, db) -> None:  # type: ignore[no-untyped-def]
    assert titles(db, sort="shared", descending=False) == ["B", "D", "C", "A"]
    assert titles(db, sort="shared", descending=True) == ["D", "C", "A", "B"]


def test_issues_made_into_projects_first_by_the_project_title(world, db) -> None:  # type: ignore[no-untyped-def]
    assert titles(db, sort="projects", descending=False) == [
        "C",
        "A",
        "D",
        "B",
    ]  # あおぞら, いきいき, then none
    assert titles(db, sort="projects", descending=True) == ["D", "B", "A", "C"]


def test_pages_of_a_sorted_list_join_up(world, db) -> None:  # type: ignore[no-untyped-def]
    flt = IssueFilter(sort="title", descending=False)
    pages = [svc.list_issues(db, flt, limit=3, offset=o) for o in (0, 3)]
    assert [[i.title for i in p] for p in pages] == [["A", "B", "C"], ["D"]]
    assert svc.count_issues(db, flt) == 4
