"""協働事業の詳細's 取り組む地域課題: with none linked, a line says so and what to do (it was a large empty table
with no word); once an issue is linked, the table lists it and the line is gone."""

from __future__ import annotations

from datetime import date

from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.gui.main_window import MainWindow
from sakae_council.services import issues, projects
from sakae_council.services.projects import ProjectInput

from .test_projects_page import open_detail, projects_page, world  # noqa: F401 — world: a fixture


def test_a_project_without_issues_says_so_and_what_to_do(  # type: ignore[no-untyped-def]
    qtbot: QtBot,
    db: Database,
    world,  # noqa: F811 — the fixture of test_projects_page
    window: MainWindow,
) -> None:
    detail = open_detail(qtbot, projects_page(window), world["salon"])
    assert detail.no_issues.isVisible() and not detail.issue_table.isVisible()
    assert detail.no_issues.text() == (
        "この事業につながる地域課題はまだありません。\n「基本情報を編集…」で、取り組む地域課題を選んでください。"
    )

    with db.transaction() as s:
        issues.seed_categories(s)
    category = issues.list_categories(db)[0].id
    issue = issues.create_issue(db, issues.IssueInput("居場所がない", world["b"], category, date(2026, 4, 1)))
    salon = projects.get_project(db, world["salon"]).project
    linked = ProjectInput(
        title=salon.title, district_id=salon.district_id, kind=salon.kind, issue_ids=(issue.id,)
    )
    projects.update_project(db, salon.id, linked, salon.version)
    detail.reload()
    wait_idle()
    qtbot.waitUntil(lambda: detail.issues_model.rowCount() == 1)
    assert detail.issue_table.isVisible() and not detail.no_issues.isVisible()
    row = [detail.issues_model.index(0, c).data() for c in range(detail.issues_model.columnCount())]
    assert "居場所がない" in row, row
