"""The 地域課題 list over more issues than one fetch: it loads a batch, more as it scrolls, sorts and
searches in the database over every row, exports every row, and keeps the user's place on a refresh."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database, open_database
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.issue_list import IssuesModel
from sakae_council.gui.pages.issues import IssuesPage
from sakae_council.services import districts, issues, projects
from sakae_council.services.issues import IssueInput

from ..helpers import click_header, opened_copy, scroll_to_end, type_text

BATCH = IssuesModel.BATCH
#: The first query's rows (a page opening, a search): fewer than a batch, more than a screen.
FIRST = IssuesModel.FIRST_BATCH or BATCH
#: More than the first query and one batch, so a third fetch is partial.
MANY = FIRST + BATCH + 50
FIRST_DAY = date(2024, 4, 1)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """A database file with MANY issues 課題0001… raised one a day (the highest number newest), plus an
    old one that sorts first by title, is shared with the liaison council and is linked to a project.
    Built once through the services; each test opens its own copy."""
    path = tmp_path_factory.mktemp("issues") / "template.db"
    db = open_database(path, user="テスト担当")
    try:
        a = districts.create_district(db, districts.DistrictInput(name="安食小学校区", display_order=1)).id
        with db.transaction() as s:
            issues.seed_categories(s)
        cat = issues.list_categories(db)[0].id
        for n in range(1, MANY + 1):
            issues.create_issue(
                db,
                IssueInput(
                    title=f"課題{n:04d}",
                    district_id=a,
                    category_id=cat,
                    raised_on=FIRST_DAY + timedelta(days=n),
                ),
            )
        old = issues.create_issue(
            db,
            IssueInput(
                title="あいさつ運動の担い手不足",
                district_id=a,
                category_id=cat,
                raised_on=FIRST_DAY,
                shared_with_liaison=True,
            ),
        ).id
        projects.create_project(
            db, projects.ProjectInput(title="あいさつ運動", district_id=a, issue_ids=(old,))
        )
    finally:
        db.close()
    return path, {"old": old, "a": a}


@pytest.fixture()
def db(template: tuple[Path, dict[str, int]], tmp_path: Path) -> Iterator[Database]:
    """This module's database: a private copy of the template (real SQLite, as everywhere)."""
    yield from opened_copy(template[0], tmp_path)


@pytest.fixture()
def many(template: tuple[Path, dict[str, int]], db: Database) -> dict[str, int]:
    return template[1]


def issues_page(window: MainWindow) -> IssuesPage:
    page = window.show_page("issues")
    wait_idle()
    assert isinstance(page, IssuesPage)
    return page


def titles(page: IssuesPage) -> list[str]:
    m = page.table.model()
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def test_the_list_loads_one_batch_and_more_as_it_scrolls(qtbot: QtBot, many, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    total = MANY + 1
    assert page.context_label.text() == f"全学区・{total}件"  # counted in SQL, not by loading
    assert page.issues_model.rowCount() == FIRST
    assert titles(page)[0] == f"課題{MANY:04d}"  # newest raised first
    scroll_to_end(qtbot, page)
    assert page.issues_model.rowCount() == FIRST + BATCH
    scroll_to_end(qtbot, page)
    assert page.issues_model.rowCount() == total
    assert not page.issues_model.canFetchMore()
    assert titles(page)[-1] == "あいさつ運動の担い手不足"


def test_a_header_click_sorts_every_row_in_the_database(qtbot: QtBot, many, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    assert "あいさつ運動の担い手不足" not in titles(page)  # the oldest is beyond the first batch
    click_header(qtbot, page, 0)  # 課題名
    assert page.issues_model.rowCount() == FIRST
    assert titles(page)[:3] == ["あいさつ運動の担い手不足", "課題0001", "課題0002"]
    click_header(qtbot, page, 0)  # again: descending
    assert titles(page)[:2] == [f"課題{MANY:04d}", f"課題{MANY - 1:04d}"]
    assert page.table.horizontalHeader().sortIndicatorOrder() is Qt.SortOrder.DescendingOrder
    click_header(qtbot, page, 7)  # 連絡会: the shared one first
    assert titles(page)[0] == "あいさつ運動の担い手不足"
    click_header(qtbot, page, 8)  # 関連する事業: issues made into projects first
    assert page.table.model().index(0, 8).data() == "あいさつ運動"
    assert page.context_label.text() == f"全学区・{MANY + 1}件"


def test_search_finds_issues_beyond_the_first_batch(qtbot: QtBot, many, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    type_text(qtbot, page.search, "あいさつ")
    qtbot.waitUntil(lambda: titles(page) == ["あいさつ運動の担い手不足"], timeout=3000)
    wait_idle()
    assert page.context_label.text() == "全学区・1件"
    assert not page.issues_model.canFetchMore()


def test_export_writes_every_matching_row_without_loading_them_into_the_list(
    qtbot: QtBot, tmp_path, many, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    from sakae_council.gui.widgets.export import export_model_to

    page = issues_page(window)
    click_header(qtbot, page, 0)  # 課題名, ascending
    out = export_model_to(page.model, tmp_path / "課題.csv", "地域課題")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][0] == "課題名" and len(rows) == 1 + MANY + 1
    assert [r[0] for r in rows[1:4]] == [
        "あいさつ運動の担い手不足",
        "課題0001",
        "課題0002",
    ]  # the list's order
    assert rows[-1][0] == f"課題{MANY:04d}"
    assert page.issues_model.rowCount() == FIRST  # the view still holds the first query's rows


def test_a_refresh_keeps_the_loaded_rows_and_the_selection(
    qtbot: QtBot, db: Database, many, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    scroll_to_end(qtbot, page)
    deep = titles(page).index("課題0100")
    assert deep >= FIRST
    page.select_where(lambda i: i.title == "課題0100")
    wait_idle()  # a view left at the end may fetch one batch more: the refresh keeps whatever was loaded
    loaded = page.issues_model.rowCount()
    assert loaded >= FIRST + BATCH
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)  # saves, then every page refreshes
    wait_idle()
    assert page.issues_model.rowCount() == loaded
    assert page.current_item().title == "課題0100" and page.current_item().shared_with_liaison
    assert page.table.model().index(deep, 7).data() == "共有"


def test_a_saved_issue_sorted_far_down_is_fetched_and_selected(
    qtbot: QtBot, db: Database, many, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    page.issues_model.sort(5, Qt.SortOrder.AscendingOrder)  # 提起日, oldest first: new issues come last
    wait_idle()
    assert page.issues_model.rowCount() == FIRST
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    type_text(qtbot, dialog.title_edit, "空き家の増加")
    dialog.category.set_value(issues.list_categories(db)[1].id)
    wait_idle()
    dialog.district.set_value(many["a"])
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert page.current_item().title == "空き家の増加"
    assert page.issues_model.rowCount() == MANY + 2


def test_a_long_search_counts_up_to_the_cap(qtbot: QtBot, many, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Counting a 3+ character search reads every matching row, so the title line stops at the cap;
    a 2-character search is answered exactly by the index."""
    import sakae_council.gui.pages.issues as issues_module
    import sakae_council.services.search_plan as search_plan

    monkeypatch.setattr(issues_module, "COUNT_AT_MOST", 250)
    monkeypatch.setattr(search_plan, "COUNT_AT_MOST", 250)
    page = issues_page(window)
    type_text(qtbot, page.search, "課題0")
    qtbot.waitUntil(lambda: page.context_label.text() == "全学区・250件以上", timeout=3000)
    wait_idle()
    page.search.clear()
    type_text(qtbot, page.search, "課題")
    qtbot.waitUntil(lambda: page.context_label.text() == f"全学区・{MANY}件", timeout=3000)
    wait_idle()
