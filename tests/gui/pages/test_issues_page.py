"""The 地域課題 page through its widgets: list, kana search, filters, editor, lifecycle with comments and
refusals, 連絡会で共有, 事業にする, and the district × category matrix opening the filtered list."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import IssueSource, IssueStatus, Priority
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.issue_list import IssueHistoryModel, IssuesModel
from sakae_council.gui.models.issue_matrix import IssueMatrixModel
from sakae_council.gui.pages.issues import IssuesPage
from sakae_council.gui.palette import STATUS_STYLES
from sakae_council.gui.text_size import TextSize
from sakae_council.services import issue_matrix, issues, projects
from sakae_council.services.issues import IssueInput

from ..helpers import clipped_texts, type_text


@pytest.fixture()
def world(db: Database, two_districts: tuple[int, int]) -> dict[str, int]:
    a, b = two_districts
    with db.transaction() as s:
        issues.seed_categories(s)
    cats = {c.name: c.id for c in issues.list_categories(db)}

    def add(title: str, district: int, cat: str, raised: date, **kw: object) -> int:
        return issues.create_issue(
            db, IssueInput(title=title, district_id=district, category_id=cats[cat], raised_on=raised, **kw)
        ).id  # type: ignore[arg-type]

    ids = {
        "gomi": add(
            "ゴミ出し支援の要望",
            a,
            "見守り・助け合い",
            date(2026, 4, 10),
            description="高齢世帯のごみ出し",
            priority=Priority.HIGH,
        ),
        "michi": add(
            "通学路の見守りの空白時間",
            a,
            "防犯",
            date(2026, 5, 1),
            source=IssueSource.RESIDENT,
            shared_with_liaison=True,
        ),
        "bosai": add("防災倉庫の備蓄品の更新", b, "防災", date(2026, 6, 1)),
        "bosai2": add("避難行動要支援者の把握", b, "防災", date(2026, 6, 20)),
    }
    return {**ids, **{f"cat:{k}": v for k, v in cats.items()}, "a": a, "b": b}


def issues_page(window: MainWindow) -> IssuesPage:
    page = window.show_page("issues")
    wait_idle()
    assert isinstance(page, IssuesPage)
    return page


def titles(page: IssuesPage) -> list[str]:
    m = page.table.model()
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def select(page: IssuesPage, title: str) -> None:
    page.select_where(lambda i: i.title == title)
    assert page.current_item().title == title


def test_models_pass_the_model_tester(qtmodeltester, db: Database, world) -> None:  # type: ignore[no-untyped-def]
    m = IssuesModel()
    m.set_rows(issues.list_issues(db))
    qtmodeltester.check(m)
    h = IssueHistoryModel()
    h.set_rows(issues.get_issue_history(db, world["gomi"]))
    qtmodeltester.check(h)
    x = IssueMatrixModel()
    x.set_matrix(issue_matrix.issue_matrix(db))
    qtmodeltester.check(x)


def test_list_shows_the_columns_the_issue_asks_for(world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    m = page.table.model()
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert headers == [
        "課題名",
        "分類",
        "学区",
        "ステータス",
        "優先度",
        "提起日",
        "出どころ",
        "連絡会",
        "関連する事業",
    ]
    assert page.context_label.text() == "全学区・4件"
    assert titles(page)[0] == "避難行動要支援者の把握"  # newest raised first
    row = page.issues_model.row_of(lambda i: i.title == "通学路の見守りの空白時間")
    assert [m.index(row, c).data() for c in range(8)] == [
        "通学路の見守りの空白時間",
        "防犯",
        "安食小学校区",
        "提起",
        "中",
        "令和8年5月1日",
        "住民の声",
        "共有",
    ]
    # 提起 has the 下書き colour and says its status in words
    assert m.index(row, 3).data(Qt.ItemDataRole.BackgroundRole) == QColor(STATUS_STYLES["draft"].background)


def test_search_is_kana_and_width_insensitive(qtbot: QtBot, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    for text in ("ごみ", "ゴミ", "ｺﾞﾐ"):
        page.search.clear()
        type_text(qtbot, page.search, text)
        qtbot.waitUntil(lambda: titles(page) == ["ゴミ出し支援の要望"], timeout=2000)
        wait_idle()
    page.search.clear()
    type_text(
        qtbot, page.search, "ぼうさい"
    )  # the category's name in かな does not match 漢字, but its text does
    qtbot.waitUntil(lambda: not page.search_waiting, timeout=2000)
    wait_idle()
    page.search.clear()
    type_text(qtbot, page.search, "防災")
    qtbot.waitUntil(
        lambda: sorted(titles(page)) == ["避難行動要支援者の把握", "防災倉庫の備蓄品の更新"], timeout=2000
    )


def test_typing_a_search_keeps_the_column_widths(qtbot: QtBot, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Columns are fitted when the page opens, not again on every keystroke: they would jump while the
    user types, and a width the user dragged would be lost."""
    page = issues_page(window)
    header = page.table.horizontalHeader()
    header.resizeSection(0, 333)
    type_text(qtbot, page.search, "防災")
    qtbot.waitUntil(
        lambda: sorted(titles(page)) == ["避難行動要支援者の把握", "防災倉庫の備蓄品の更新"], timeout=2000
    )
    assert header.sectionSize(0) == 333
    page.on_shown()  # the page opened again fits the columns to what it shows
    wait_idle()
    assert header.sectionSize(0) != 333


def test_filters_and_district_switcher(world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    page.category_filter.set_value(world["cat:防災"])
    wait_idle()
    assert sorted(titles(page)) == ["避難行動要支援者の把握", "防災倉庫の備蓄品の更新"]
    page.category_filter.set_value(None)
    wait_idle()
    page.shared_filter.setChecked(True)
    wait_idle()
    assert titles(page) == ["通学路の見守りの空白時間"]
    page.shared_filter.setChecked(False)
    wait_idle()
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("布鎌小学校区"))
    wait_idle()
    assert page.context_label.text() == "布鎌小学校区・2件"


def test_create_an_issue_through_the_dialog(qtbot: QtBot, db: Database, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible() and dialog.form.error_text("title") == "課題名を入力してください。"
    type_text(qtbot, dialog.title_edit, "空き家の増加")
    dialog.category.set_value(world["cat:環境美化"])
    wait_idle()
    dialog.district.set_value(world["b"])
    wait_idle()
    dialog.shared.setChecked(True)
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    saved = [i for i in issues.list_issues(db) if i.title == "空き家の増加"]
    assert len(saved) == 1 and saved[0].status is IssueStatus.RAISED and saved[0].shared_with_liaison
    assert saved[0].raised_on == date(2026, 11, 28)  # today by default
    assert page.current_item().title == "空き家の増加"


def test_lifecycle_needs_a_comment_to_resolve_and_keeps_a_dated_history(
    qtbot: QtBot, db: Database, world, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    select(page, "防災倉庫の備蓄品の更新")
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    assert [dialog.target.itemText(i) for i in range(dialog.target.count())] == [
        "検討中",
        "取り下げ",
    ]  # only legal moves
    dialog.target.set_value(IssueStatus.CONSIDERING)
    wait_idle()
    dialog.day.setText("令和8年7月1日")
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert issues.get_issue(db, world["bosai"]).status is IssueStatus.CONSIDERING

    select(page, "防災倉庫の備蓄品の更新")
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    dialog.target.set_value(IssueStatus.RESOLVED)
    wait_idle()
    assert "必須" in dialog.form.row("comment").label.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.form.error_text("comment") == "「解決」にするときは、その理由をコメントに入力してください。"
    assert issues.get_issue(db, world["bosai"]).status is IssueStatus.CONSIDERING  # nothing written
    dialog.day.setText("令和8年6月2日")  # before the last step
    wait_idle()
    type_text(qtbot, dialog.comment, "町の予算で更新した")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "前回の記録（令和8年7月1日）より前" in dialog.form.error_text("changed_on")
    dialog.day.setText("令和8年8月1日")
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    history = issues.get_issue_history(db, world["bosai"])
    assert [(h.to_status, h.changed_on, h.comment) for h in history] == [
        (IssueStatus.RAISED, date(2026, 6, 1), ""),
        (IssueStatus.CONSIDERING, date(2026, 7, 1), ""),
        (IssueStatus.RESOLVED, date(2026, 8, 1), "町の予算で更新した"),
    ]
    # the editor shows the dated history
    page.edit_current()
    wait_idle()
    table = page.dialog.history
    rows = [[table.model().index(r, c).data() for c in range(3)] for r in range(table.model().rowCount())]
    assert rows[-1] == ["令和8年8月1日", "検討中 → 解決", "町の予算で更新した"]
    page.dialog.reject()


def test_projectizing_without_a_project_is_refused(
    qtbot: QtBot, db: Database, world, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    issues.change_issue_status(db, world["gomi"], IssueStatus.CONSIDERING, date(2026, 5, 1))
    page = issues_page(window)
    page.reload()
    wait_idle()
    select(page, "ゴミ出し支援の要望")
    qtbot.mouseClick(page.status_button, Qt.MouseButton.LeftButton)  # the dialog opens once the issue is read
    wait_idle()
    dialog = page.dialog
    dialog.target.set_value(IssueStatus.PROJECTIZED)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "先に協働事業の画面でこの課題を事業に結び付けて" in dialog.form.error_text("status")
    assert issues.get_issue(db, world["gomi"]).status is IssueStatus.CONSIDERING


def test_from_issue_to_a_new_project_to_projectized(
    qtbot: QtBot, db: Database, world, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    issues.change_issue_status(db, world["gomi"], IssueStatus.CONSIDERING, date(2026, 5, 1))
    page = issues_page(window)
    page.reload()
    wait_idle()
    select(page, "ゴミ出し支援の要望")
    qtbot.mouseClick(page.project_button, Qt.MouseButton.LeftButton)
    wait_idle()
    project_dialog = page.dialog
    assert project_dialog.title_edit.text() == "ゴミ出し支援の要望"
    assert project_dialog.issue_ids_checked() == {world["gomi"]}
    project_dialog.title_edit.setText("ごみ出しサポーター事業")
    wait_idle()
    qtbot.mouseClick(project_dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not project_dialog.isVisible())
    wait_idle()
    step = page.dialog
    assert step is not project_dialog and step.target.value() is IssueStatus.PROJECTIZED
    qtbot.mouseClick(step.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not step.isVisible())
    wait_idle()
    issue = issues.get_issue(db, world["gomi"])
    assert issue.status is IssueStatus.PROJECTIZED and issue.project_titles == ("ごみ出しサポーター事業",)
    project = projects.list_projects(db)[0]
    assert project.issue_ids == (world["gomi"],) and project.district_id == world["a"]
    row = page.issues_model.row_of(lambda i: i.id == world["gomi"])
    assert page.table.model().index(row, 8).data() == "ごみ出しサポーター事業"


def test_share_with_the_liaison_council(qtbot: QtBot, db: Database, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    select(page, "防災倉庫の備蓄品の更新")
    assert page.share_button.text() == "連絡会で共有"
    qtbot.mouseClick(page.share_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert issues.get_issue(db, world["bosai"]).shared_with_liaison
    assert page.share_button.text() == "連絡会での共有をやめる"
    row = page.issues_model.row_of(lambda i: i.id == world["bosai"])
    assert page.table.model().index(row, 7).data() == "共有"


def test_matrix_counts_and_a_click_opens_the_filtered_list(qtbot: QtBot, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    dialog = page.show_matrix()
    wait_idle()
    m = dialog.model
    rows = [m.headerData(r, Qt.Orientation.Vertical) for r in range(m.rowCount())]
    cols = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]
    assert rows == ["安食小学校区", "布鎌小学校区", "合計"] and cols[-1] == "合計"
    bosai = cols.index("防災")
    assert m.index(1, bosai).data() == "2" and m.index(0, bosai).data() == "·"
    assert m.index(2, len(cols) - 1).data() == "4"
    rect = dialog.view.visualRect(m.index(1, bosai))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert window.district_switcher.currentText() == "布鎌小学校区"
    assert page.category_filter.currentText() == "防災"
    assert sorted(titles(page)) == ["避難行動要支援者の把握", "防災倉庫の備蓄品の更新"]
    # the 合計 column of a district: every category of that district
    dialog = page.show_matrix()
    wait_idle()
    dialog.choose(dialog.model.index(0, len(cols) - 1))
    assert window.district_switcher.currentText() == "安食小学校区"
    assert page.category_filter.value() is None and len(titles(page)) == 2


def test_export_writes_what_the_list_shows(tmp_path, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from sakae_council.gui.widgets.export import export_model_to

    page = issues_page(window)
    out = export_model_to(page.model, tmp_path / "課題.csv", "地域課題")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("課題名,分類,学区,ステータス,優先度,提起日,出どころ,連絡会")
    assert "通学路の見守りの空白時間,防犯,安食小学校区,提起,中,令和8年5月1日,住民の声,共有," in lines
    import zipfile

    xlsx = export_model_to(page.model, tmp_path / "課題.xlsx", "地域課題")
    sheet = zipfile.ZipFile(xlsx).read("xl/worksheets/sheet1.xml").decode()
    assert "通学路の見守りの空白時間" in sheet and "関連する事業" in sheet


def test_largest_text_size_cuts_nothing(qtbot: QtBot, ctx, world, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = issues_page(window)
    ctx.set_text_size(TextSize.XLARGE)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: clipped_texts(page) == [], timeout=3000)
    wait_idle()
    page.grab().save(str(tmp_path / "issues_page_xlarge.png"))
