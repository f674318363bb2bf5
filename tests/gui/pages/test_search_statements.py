"""A keystroke in the search field costs at most five statements, on 名簿 and 地域課題, with and without a
district chosen: the page's rows, their count and the title line are read in one read transaction, the
search is planned once (every gram counted in one statement), and a page's people come with their
memberships (an issue's with its projects) in one SELECT.

The database has a few thousand people and issues, so that a common term is common; every statement the
database runs between the keystroke and the table showing the answer is counted (BEGIN included).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event, insert

from gui.waiting import wait_idle
from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import RegionalIssue
from sakae_council.db.models.search import rebuild_search_index
from sakae_council.domain.enums import MemberRole
from sakae_council.domain.search_text import issue_search_text
from sakae_council.gui.context import AppContext
from sakae_council.gui.pages.issues import IssuesPage
from sakae_council.gui.pages.roster import RosterPage
from sakae_council.services import districts, issues
from sakae_council.services.people import MembershipInput, PersonInput, membership_values, person_values
from sakae_council.services.people_bulk import NewPerson, insert_people

#: The most statements one keystroke may cost (the target of issue 20).
MOST_STATEMENTS = 5
PEOPLE = 3000
ISSUES = 3000
SURNAMES = [
    ("田中", "タナカ"),
    ("山田", "ヤマダ"),
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("前田", "マエダ"),
]
GIVEN = [("一郎", "イチロウ"), ("花子", "ハナコ"), ("和子", "カズコ"), ("健太", "ケンタ"), ("美咲", "ミサキ")]
NOTES = ["", "送迎ボランティア", "見守り", "ボランティア（防犯）"]
TITLES = ["通院の送迎", "公園の草刈り", "高齢者の見守り", "ごみ出しの支援", "通学路の安全"]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A file with PEOPLE people in two districts and ISSUES issues, written in bulk (the postings too)."""
    path = tmp_path_factory.mktemp("statements") / "template.db"
    db = open_database(path, user="テスト担当")
    try:
        ids = [
            districts.create_district(db, districts.DistrictInput(name=name, display_order=n)).id
            for n, name in enumerate(("安食小学校区", "竜角寺台小学校区"), 1)
        ]
        with db.transaction() as s:
            issues.seed_categories(s)
        cat = issues.list_categories(db)[0]
        batch = []
        for n in range(PEOPLE):
            (sei, sei_kana), (mei, mei_kana) = SURNAMES[n % 5], GIVEN[(n // 5) % 5]
            person = person_values(
                PersonInput(name=f"{sei} {mei}{n}", furigana=f"{sei_kana} {mei_kana}", notes=NOTES[n % 4])
            )
            member = MembershipInput(
                district_id=ids[n % 2], role=MemberRole.SUISHIN, term_start=date(2025, 4, 1)
            )
            batch.append(NewPerson(person, (membership_values(member),)))
        with db.transaction() as s:
            insert_people(s, "テスト担当", batch)
        rows = [
            {
                "title": f"{TITLES[n % 5]}{n}",
                "description": "",
                "district_id": ids[n % 2],
                "category_id": cat.id,
                "status": "raised",
                "priority": "medium",
                "source": "meeting",
                "raised_on": date(2024, 4, 1) + timedelta(days=n % 700),
                "shared_with_liaison": False,
                "search_text": issue_search_text(f"{TITLES[n % 5]}{n}", "", cat.name),
                "version": 1,
            }
            for n in range(ISSUES)
        ]
        with db.engine.begin() as conn:
            conn.execute(insert(RegionalIssue), rows)
            rebuild_search_index(conn)
    finally:
        db.close()
    return path


@pytest.fixture()
def big(template: Path, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "big.db"
    shutil.copy(template, path)
    db = open_database(path, user="テスト担当", backup_dir=tmp_path / "backups")
    try:
        yield db
    finally:
        db.close()


@pytest.fixture()
def big_ctx(big: Database, qapp) -> AppContext:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from sakae_council.gui.app import prepare_application

    settings = QSettings()
    return AppContext(
        big, settings, font_family=prepare_application(qapp, settings), today=date(2026, 11, 28)
    )


class Statements:
    """Every statement the database runs (``before_cursor_execute``, BEGIN included), on any thread."""

    def __init__(self, db: Database) -> None:
        self.seen: list[str] = []
        event.listen(db.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement: str, *_rest) -> None:  # type: ignore[no-untyped-def]
        self.seen.append(" ".join(statement.split())[:120])


def keystrokes(qtbot: QtBot, page, counter: Statements, query: str) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    """Commit ``query`` into the emptied search field in one keystroke, as an input method commits a word
    (田中, ボランティア); the statements its search cost, and the rows shown."""
    page.search.clear()
    page.flush_search()
    wait_idle(qtbot)
    before = len(counter.seen)
    commit = QInputMethodEvent("", [])
    commit.setCommitString(query)
    QApplication.sendEvent(page.search, commit)
    page.flush_search()  # within the pause after the clear's search it would wait: run it now
    wait_idle(qtbot)
    assert page.search.text() == query and not page.search_waiting
    return page.model.rowCount(), counter.seen[before:]


QUERIES = ["田", "田中", "ボランティア", "田中 見守り", "zz"]
ISSUE_QUERIES = ["の", "通院", "高齢者", "公園 草刈り", "zz"]


@pytest.mark.parametrize("district", [None, 0])
def test_a_roster_keystroke_costs_at_most_five_statements(
    big_ctx: AppContext, qtbot: QtBot, district: int | None
) -> None:
    ids = [d.id for d in districts.list_districts(big_ctx.db)]
    big_ctx.set_district(None if district is None else ids[district])
    page = RosterPage(big_ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot)
    counter = Statements(big_ctx.db)
    shown, counted = {}, {}
    for q in QUERIES:
        rows, statements = keystrokes(qtbot, page, counter, q)
        shown[q] = rows
        counted[q] = int(page.context_label.text().split("・")[1].rstrip("名以上").replace(",", ""))
        assert len(statements) <= MOST_STATEMENTS, (q, statements)
    half = PEOPLE if district is None else PEOPLE // 2
    assert shown["田"] == min(page.model.first_batch(), half)  # a full first batch: the count was read too
    assert counted["田"] == half * 3 // 5  # 田中, 山田 and 前田: 3 of the 5 surnames
    assert shown["zz"] == 0
    assert 0 < counted["田中 見守り"] < counted["田中"]
    assert page.context_label.text().startswith("全学区" if district is None else "安食小学校区")


@pytest.mark.parametrize("district", [None, 0])
def test_an_issue_keystroke_costs_at_most_five_statements(
    big_ctx: AppContext, qtbot: QtBot, district: int | None
) -> None:
    ids = [d.id for d in districts.list_districts(big_ctx.db)]
    big_ctx.set_district(None if district is None else ids[district])
    page = IssuesPage(big_ctx)
    qtbot.addWidget(page)
    page.show()
    wait_idle(qtbot)
    counter = Statements(big_ctx.db)
    shown = {}
    for q in ISSUE_QUERIES:
        rows, statements = keystrokes(qtbot, page, counter, q)
        shown[q] = rows
        assert len(statements) <= MOST_STATEMENTS, (q, statements)
    assert shown["の"] == page.model.first_batch()
    assert shown["zz"] == 0
    assert 0 < shown["公園 草刈り"] <= 200
