"""One meaning of a search on every list: words split on spaces, each must match, in any order, with kana,
width and case folded — the same 30 queries through every list, checked against one reference rule."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import pytest

from sakae_council.db.engine import Database
from sakae_council.domain.text import fold_for_search
from sakae_council.services import (
    equipment,
    issues,
    manual,
    manual_search,
    meeting_bodies,
    meeting_list,
    meetings,
    organisations,
    people,
    projects,
)
from sakae_council.services.districts import DistrictInput, create_district

SUBJECTS = [
    "田中花子",
    "山田 太郎",
    "見守りボランティア",
    "スマホ教室ABC",
    "𠮷田会館",
    "ふれあいサロン",
    "ＮＰＯ法人さくら",
    "防災 倉庫 A-1",
]

QUERIES = [
    "",
    "   ",
    "田中",
    "花子 田中",
    "田中　花子",  # a 全角 space between the words
    "田中 次郎",
    "ぼらんてぃあ",
    "ﾎﾞﾗﾝﾃｨｱ",
    "ボランティア 見守り",
    "すまほ",
    "abc",
    "ＡＢＣ",
    "教室 abc",
    "𠮷田",
    "吉田",
    "フレアイ",
    "サロン ふれあい",
    "npo",
    "ｎｐｏ さくら",
    "サクラ",
    "防災",
    "倉庫 防災",
    "a-1",
    "Ａ－１",
    "山田太郎",
    "太郎 山田",
    "会館 𠮷",
    "%",
    "_",
    "田中 %",
]


def reference(query: str, fields: tuple[str, ...]) -> bool:
    """The rule every list must follow, written plainly (not with the code under test)."""
    words = [fold_for_search(w) for w in query.replace("\u3000", " ").split(" ") if fold_for_search(w)]
    folded = [fold_for_search(f) for f in fields]
    return all(any(w in f for f in folded) for w in words)


@dataclass
class ListUnderTest:
    name: str
    add: Callable[[str], None]  # a record whose main text is the subject
    search: Callable[[str], list[str]]  # the subjects the list shows for a query
    fields: Callable[[str], tuple[str, ...]]  # what the list searches for a record of that subject


@pytest.fixture()
def lists(db: Database) -> list[ListUnderTest]:
    district = create_district(
        db, DistrictInput(name="安食小学校区", council_name="安食小学校区まちづくり協議会")
    ).id
    with db.transaction() as s:
        issues.seed_categories(s)
    category = issues.list_categories(db)[0]
    meeting_bodies.ensure_district_bodies(db)
    body = next(b for b in meeting_bodies.list_bodies(db) if b.district_id == district)
    held = iter(range(1, 40))
    by_title: dict[str, str] = {}

    def add_meeting(subject: str) -> None:
        m = meetings.create_meeting(
            db, meetings.MeetingInput(body.id, date(2026, 5, next(held)), place=subject)
        )
        by_title[fold_for_search(m.place)] = m.title

    return [
        ListUnderTest(
            "名簿",
            lambda t: people.create_person(db, people.PersonInput(name=t)) and None,
            lambda q: [p.name for p in people.list_people(db, q)],
            lambda t: (t,),
        ),
        ListUnderTest(
            "地域課題",
            lambda t: (
                issues.create_issue(
                    db,
                    issues.IssueInput(
                        title=t, district_id=district, category_id=category.id, raised_on=date(2026, 4, 1)
                    ),
                )
                and None
            ),
            lambda q: [i.title for i in issues.list_issues(db, issues.IssueFilter(query=q))],
            lambda t: (t, category.name),
        ),
        ListUnderTest(
            "協働事業",
            lambda t: (
                projects.create_project(db, projects.ProjectInput(title=t, district_id=district)) and None
            ),
            lambda q: [p.title for p in projects.list_projects(db, projects.ProjectFilter(query=q))],
            lambda t: (t,),
        ),
        ListUnderTest(
            "会議",
            add_meeting,
            lambda q: [m.place for m in meeting_list.list_meetings(db, meeting_list.MeetingFilter(query=q))],
            lambda t: (t, by_title[fold_for_search(t)]),
        ),
        ListUnderTest(
            "団体",
            lambda t: organisations.create_organisation(db, organisations.OrganisationInput(name=t)) and None,
            lambda q: [o.name for o in organisations.list_organisations(db, query=q)],
            lambda t: (t,),
        ),
        ListUnderTest(
            "資機材",
            lambda t: equipment.create_equipment(db, equipment.EquipmentInput(name=t)) and None,
            lambda q: [e.name for e in equipment.list_equipment(db, q)],
            lambda t: (t,),
        ),
        ListUnderTest(
            "協働マニュアル",
            lambda t: manual.create_section(db, None, t) and None,
            lambda q: [h.title for h in manual_search.search_manual(db, q)] if q.strip() else list(SUBJECTS),
            lambda t: (t,),
        ),
    ]


def test_the_same_queries_mean_the_same_on_every_list(lists: list[ListUnderTest]) -> None:
    for under_test in lists:
        for subject in SUBJECTS:
            under_test.add(subject)
    for under_test in lists:
        stored = {s: under_test.fields(s) for s in SUBJECTS}
        for query in QUERIES:
            want = sorted(s for s in SUBJECTS if reference(query, stored[s]))
            got = sorted(fold_back(under_test.search(query)))
            assert got == want, f"{under_test.name}: 「{query}」"


def fold_back(shown: list[str]) -> list[str]:
    """The subjects as typed (a list may show them normalised, e.g. ＮＰＯ as NPO)."""
    by_norm = {fold_for_search(s): s for s in SUBJECTS}
    return [by_norm[fold_for_search(x)] for x in shown]


def test_the_roster_finds_given_name_then_family_name(db: Database) -> None:
    people.create_person(db, people.PersonInput(name="田中 花子", furigana="タナカ ハナコ"))
    people.create_person(db, people.PersonInput(name="田中 一郎", furigana="タナカ イチロウ"))
    assert [p.name for p in people.list_people(db, "花子 田中")] == ["田中 花子"]
    assert [p.name for p in people.list_people(db, "はなこ　たなか")] == ["田中 花子"]
