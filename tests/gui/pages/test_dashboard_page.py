"""The dashboard driven through its widgets: cards per district, clicking into pages, text sizes, demo counts."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from summary_town import Town

from gui.waiting import wait_idle
from sakae_council import cli
from sakae_council.db.engine import Database, open_database
from sakae_council.domain.council import is_member_seat
from sakae_council.domain.enums import (
    OPEN_ISSUE_STATUSES,
    IssueStatus,
    MemberRole,
    OfficerPost,
    ProjectStatus,
)
from sakae_council.domain.terms import TermStatus, term_status
from sakae_council.gui.app import prepare_application
from sakae_council.gui.context import AppContext
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.dashboard import DashboardPage
from sakae_council.gui.settings import app_settings
from sakae_council.gui.text_size import TextSize
from sakae_council.gui.widgets.district_card import DistrictCard

from ..helpers import TODAY, clipped_texts, type_text


def plain(text: str) -> str:
    """Card text as read: no-break space as a space, word joiners dropped."""
    return text.replace("\u00a0", " ").replace("\u2060", "")


def dashboard_page(qtbot: QtBot, window: MainWindow) -> DashboardPage:
    page = window.show_page("dashboard")
    wait_idle()
    assert isinstance(page, DashboardPage)
    qtbot.waitUntil(lambda: page.data is not None and page.refresh_button.isEnabled(), timeout=5000)
    return page


@pytest.fixture()
def town(db: Database) -> dict[str, int]:
    t = Town(db)
    a = t.district("安食小学校区", 1, council_status="established", established_on=date(2011, 6, 12))
    b = t.district("布鎌小学校区", 2)
    t.member("渡辺 花子", a, post=OfficerPost.CHAIR)
    t.member("相川 健", a)
    t.member("𠮷田 次郎", a, MemberRole.PUBLIC_POST)
    t.member("前 退子", a, term=(date(2021, 4, 1), date(2023, 3, 31)))
    for st in (IssueStatus.RAISED, IssueStatus.CONSIDERING, IssueStatus.RESOLVED):
        t.issue(a, st)
    t.project(a, ProjectStatus.RUNNING)
    t.project(a, ProjectStatus.IDEA)
    m = t.meeting(a, date(2026, 10, 3), 2)
    t.meeting(a, date(2026, 12, 5), 3)
    t.action(m, date(2026, 11, 1))
    t.loan(b, "lent", date(2026, 11, 20))
    return {"a": a, "b": b}


def test_one_card_per_district_with_its_figures(
    qtbot: QtBot, town: dict[str, int], window: MainWindow
) -> None:
    page = dashboard_page(qtbot, window)
    assert [c.title.text() for c in page.cards] == ["安食小学校区", "布鎌小学校区"]
    assert (
        page.context_label.text().replace("\u2060", "") == "令和8年11月28日（土）現在・2学区"
    )  # joined: wraps at ・
    a = page.card(town["a"])
    assert a.status_badge.text() == "設立済（平成23年6月12日）"
    assert a.line_text("chair") == "渡辺 花子"
    assert plain(a.line_text("members")) == "3名\nふれあい推進員 2名・町からの公職 1名"
    assert a.line_text("issues") == "未解決 2件"
    assert plain(a.line_text("projects")) == "構想 1件・実施中 1件"
    assert a.line_text("last_meeting") == "令和8年10月3日（土） 第2回（下書き）"
    assert a.line_text("next_meeting") == "令和8年12月5日（土） 第3回（下書き）"
    assert a.line_text("overdue_actions") == "期限切れ 1件"
    assert a.line_text("overdue_loans") == "期限切れはありません"
    b = page.card(town["b"])
    assert b.status_badge.text() == "準備中"
    assert b.line_text("chair") == "（未登録）"
    assert b.line_text("members") == "0名"
    assert b.line_text("projects") == "なし"
    assert b.line_text("last_meeting") == "予定はありません"
    assert b.line_text("overdue_loans") == "期限切れ 1件"
    # late lines are coloured and say 期限切れ in words
    late = a.lines["overdue_actions"]
    assert late.autoFillBackground() and "期限切れ" in late.text.text()
    assert not a.lines["overdue_loans"].autoFillBackground()


def test_clicking_a_line_opens_that_page_filtered_to_the_district(
    qtbot: QtBot, town: dict[str, int], window: MainWindow, ctx: AppContext
) -> None:
    page = dashboard_page(qtbot, window)
    line = page.card(town["b"]).lines["issues"]
    qtbot.mouseClick(line, Qt.MouseButton.LeftButton)
    wait_idle()
    assert ctx.district_id == town["b"]
    assert window.district_switcher.currentText() == "布鎌小学校区"
    assert window.stack.currentWidget() is window.page("issues")
    assert window.nav.currentItem().text() == "地域課題"

    window.show_page("dashboard")
    wait_idle()
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled())
    assert page.card(town["b"]).lineWidth() == 3  # the district in effect is marked
    assert page.card(town["a"]).lineWidth() == 1
    qtbot.mouseClick(page.card(town["a"]).lines["projects"], Qt.MouseButton.LeftButton)
    wait_idle()
    assert (ctx.district_id, window.current_page()) == (town["a"], window.page("projects"))


def test_clicking_the_card_opens_the_roster_and_lines_work_by_keyboard(
    qtbot: QtBot, town: dict[str, int], window: MainWindow, ctx: AppContext
) -> None:
    page = dashboard_page(qtbot, window)
    card = page.card(town["a"])
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(card.width() - 6, card.height() - 6))
    wait_idle()
    assert ctx.district_id == town["a"]
    assert window.current_page() is window.page("roster")
    assert window.page("roster").context_label.text() == "安食小学校区・4名"  # type: ignore[attr-defined]

    window.show_page("dashboard")
    wait_idle()
    qtbot.waitUntil(lambda: page.refresh_button.isEnabled())
    line = page.card(town["b"]).lines["overdue_loans"]
    line.setFocus()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    wait_idle()
    assert ctx.district_id == town["b"]
    assert window.current_page() is window.page("equipment")


def test_cards_follow_changes_made_elsewhere(
    qtbot: QtBot, db: Database, town: dict[str, int], window: MainWindow, ctx: AppContext
) -> None:
    page = dashboard_page(qtbot, window)
    Town(db).issue(town["b"], IssueStatus.RAISED)
    with qtbot.waitSignal(page.loaded, timeout=5000):
        ctx.notify("issues")
        wait_idle()
    assert page.card(town["b"]).line_text("issues") == "未解決 1件"


def test_no_districts_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    page = dashboard_page(qtbot, window)
    assert page.cards == []
    assert page.empty_label.isVisible()
    assert "学区" in page.empty_label.text()


def test_largest_text_size_lays_cards_out_without_clipping(
    qtbot: QtBot, town: dict[str, int], window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    page = dashboard_page(qtbot, window)
    window.resize(1280, 800)
    ctx.set_text_size(TextSize.XLARGE)
    qtbot.waitUntil(lambda: page.cards[0].title.fontMetrics().height() >= 26, timeout=3000)
    qtbot.wait(100)
    window.grab().save(str(tmp_path / "dashboard_xlarge.png"))
    assert clipped_texts(page) == []
    for card in page.cards:
        assert card.width() <= page.scroll_area.viewport().width()
        for key, line in card.lines.items():
            needed = line.text.heightForWidth(line.text.width())
            assert line.text.height() >= needed, (card.card.name, key)


# --- acceptance: the demo town, counts as `sakae-council list ... --json` reports them ---------------


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from sakae_council.services import demo
    from sakae_council.services.setup import ensure_seeded

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    db = open_database(path, user="demo")
    try:
        ensure_seeded(db)
        demo.load_demo(db)
    finally:
        db.close()
    return path


@pytest.fixture()
def demo_window(
    demo_template: Path, tmp_path: Path, qtbot: QtBot, qapp: QApplication
) -> Iterator[MainWindow]:
    path = tmp_path / "demo.db"
    shutil.copy(demo_template, path)
    db = open_database(path, user="テスト担当")
    settings = app_settings()
    ctx = AppContext(db, settings, font_family=prepare_application(qapp, settings), today=TODAY)
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    yield w
    w.close()
    db.close()


def list_json(capsys: pytest.CaptureFixture[str], db: Database, *args: str) -> list[dict]:
    capsys.readouterr()
    assert cli.main(["--db", str(db.path), "list", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_demo_cards_match_the_command_line_lists(
    qtbot: QtBot, demo_window: MainWindow, capsys: pytest.CaptureFixture[str]
) -> None:
    page = dashboard_page(qtbot, demo_window)
    db = demo_window.ctx.db
    districts = list_json(capsys, db, "districts")
    assert [c.title.text() for c in page.cards] == [d["name"] for d in districts]
    assert len(page.cards) == 6
    open_labels = {s.label for s in OPEN_ISSUE_STATUSES}
    for d in districts:
        card: DistrictCard = page.card(d["id"])
        dto = card.card
        assert card.status_badge.text().startswith(d["council_status"])

        members = list_json(capsys, db, "members", "--district", d["name"])
        seats = [
            (p["id"], m["role"])
            for p in members
            for m in p["memberships"]
            if m["district"] == d["name"]
            and term_status(_d(m["term_start"]), _d(m["term_end"]), _d(m["ended_on"]), TODAY)
            in (TermStatus.CURRENT, TermStatus.EXPIRING)
        ]
        # 委員: people with a running seat other than 地区担当職員 (domain.council), each once
        members_only = {pid for pid, role in seats if is_member_seat(MemberRole.parse(role))}
        assert dto.member_count == len(members_only)
        by_role = Counter(role for _person, role in set(seats))
        assert {r.label: n for r, n in dto.members_by_role} == dict(by_role)
        assert plain(card.line_text("members")).startswith(f"{len(members_only)}名")

        issues = list_json(capsys, db, "issues", "--district", d["name"])
        open_count = sum(1 for i in issues if i["status"] in open_labels)
        assert card.line_text("issues") == f"未解決 {open_count}件"

        projects = list_json(capsys, db, "projects", "--district", d["name"])
        assert {s.label: n for s, n in dto.projects_by_status} == dict(Counter(p["status"] for p in projects))

        meetings = list_json(capsys, db, "meetings", "--district", d["name"])
        past = [m for m in meetings if m["held_on"] < TODAY.isoformat()]
        future = [m for m in meetings if m["held_on"] >= TODAY.isoformat()]
        last = max(past, key=lambda m: (m["held_on"], m["id"])) if past else None
        upcoming = min(future, key=lambda m: (m["held_on"], m["id"])) if future else None
        assert (dto.last_meeting.id if dto.last_meeting else None) == (last["id"] if last else None)
        assert (dto.next_meeting.id if dto.next_meeting else None) == (upcoming["id"] if upcoming else None)


def _d(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def test_print_button_saves_the_summary_pdf(
    qtbot: QtBot, town: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from sakae_council.gui.dialogs.print_summary import PrintSummaryDialog

    page = dashboard_page(qtbot, window)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.findChild(PrintSummaryDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.year.currentText() == "令和8年度"
    assert dialog.suggested_name() == "連絡会まとめ_令和8年度.pdf"
    target = tmp_path / "まとめ.pdf"
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=30000)
    assert dialog.save_as(str(target))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(target).pages)
    assert "安食小学校区" in text and "布鎌小学校区" in text
    assert dialog.status.text() == f"保存しました: {target}"

    # A period with its last day emptied: said under the field, nothing to print or save.
    dialog.by_period.setChecked(True)
    wait_idle()
    dialog.date_to.setFocus()
    dialog.date_to.clear()
    QTest.keyClick(dialog.date_to, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.form.error_text("to") != "", timeout=5000)
    assert dialog.form.error_text("to") == "期間の最終日を入力してください（例: 2026-09-30）。"
    assert not dialog.save_button.isEnabled() and not dialog.print_button.isEnabled()
    type_text(qtbot, dialog.date_to, "令和8年9月30日")
    with qtbot.waitSignal(dialog.built, timeout=30000):
        QTest.keyClick(dialog.date_to, Qt.Key.Key_Return)
    assert dialog.form.error_text("to") == "" and dialog.save_button.isEnabled()
    assert dialog.suggested_name() == "連絡会まとめ_令和8年4月1日〜令和8年9月30日.pdf"
    dialog.close()
