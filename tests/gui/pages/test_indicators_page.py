"""The 指標 page driven through its widgets: the table of indicators × years, overrides with who and why,
targets for a later year, charts, and the ⑫ records (相談記録, 講座 and 受講者, 起業者)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import IndicatorValue
from sakae_council.domain.enums import ProjectKind, ProjectStatus
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.indicator_editor import IndicatorDialog
from sakae_council.gui.dialogs.indicator_value import IndicatorValueDialog
from sakae_council.gui.dialogs.lifesupport_consultation import ConsultationDialog
from sakae_council.gui.dialogs.lifesupport_course import CourseDialog
from sakae_council.gui.dialogs.lifesupport_startup import StartupDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.indicator_lifesupport import (
    AttendeesModel,
    ConsultationsModel,
    CoursesModel,
    StartupsModel,
)
from sakae_council.gui.models.indicator_table import IndicatorTableModel
from sakae_council.gui.models.table import DtoTableModel
from sakae_council.gui.pages.indicators import IndicatorsPage
from sakae_council.gui.palette import STATUS_STYLES
from sakae_council.gui.text_size import TextSize
from sakae_council.services import indicator_rules, indicator_values, indicators, lifesupport
from sakae_council.services.liaison import table_years
from sakae_council.services.lifesupport import ConsultationInput, CourseInput, StartupInput

from ..helpers import TODAY, answer_message_box, clipped_texts, type_text
from ..waiting import wait_idle


@pytest.fixture()
def seeded(db: Database, two_districts: tuple[int, int]) -> dict[str, int]:
    with db.transaction() as s:
        indicator_rules.seed_plan_indicators(s)
    for day in (5, 6):
        lifesupport.create_consultation(
            db,
            ConsultationInput(
                held_on=date(2026, 6, day), person_name=f"相談者{day}", district_id=two_districts[0]
            ),
        )
    return {i.code: i.id for i in indicators.list_indicators(db)}


def indicators_page(window: MainWindow) -> IndicatorsPage:
    page = window.show_page("indicators")
    assert isinstance(page, IndicatorsPage)
    wait_idle()  # the table is read on the database worker
    return page


def cell(page: IndicatorsPage, name_part: str, kind: str, year_label: str) -> str:
    wait_idle()  # what the person sees once the screen has caught up
    model = page.indicators_tab.model
    row = row_of(page, name_part, kind)
    col = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())].index(
        year_label
    )
    return model.index(row, col).data()


def row_of(page: IndicatorsPage, name_part: str, kind: str) -> int:
    wait_idle()
    model = page.indicators_tab.model
    return model.row_of(lambda line: name_part in line.row.name and line.kind.label == kind)


def open_cell(qtbot: QtBot, page: IndicatorsPage, name_part: str, kind: str, fy: int) -> IndicatorValueDialog:
    tab = page.indicators_tab
    index = tab.model.index(row_of(page, name_part, kind), tab.model.column_of_year(fy))
    tab.table.setCurrentIndex(index)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    wait_idle()
    dialog = tab.dialog
    assert isinstance(dialog, IndicatorValueDialog)
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def test_table_shows_indicators_by_year_with_the_source_of_each_actual(
    seeded: dict[str, int], window: MainWindow
) -> None:
    page = indicators_page(window)
    model = page.indicators_tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["指標", "区分", "平成21年度", "平成22年度", "平成27年度"]
    assert headers[-1] == "令和8年度"
    assert model.rowCount() == 12
    assert model.index(0, 0).data() == "⑫ 生活支援ビジネスの相談者数（人）"
    assert cell(page, "相談者数", "目標値", "平成27年度") == "23"
    assert cell(page, "立ち上げ数", "現状値", "平成22年度") == "4"
    assert cell(page, "相談者数", "実績値", "令和8年度") == "2（自動）"
    assert "相談記録の件数" in model.index(
        row_of(page, "相談者数", "実績値"), headers.index("令和8年度")
    ).data(Qt.ItemDataRole.ToolTipRole)
    assert page.context_label.text() == "4指標・平成21年度〜令和8年度"
    # the chart follows the current line
    tab = page.indicators_tab
    assert tab.chart.row is not None and tab.chart.row.name == "生活支援ビジネスの相談者数"
    tab.table.setCurrentIndex(model.index(row_of(page, "コミュニティ事業数", "目標値"), 2))
    assert tab.chart.row.name == "コミュニティ事業数"
    assert "平成27年度: 目標値 10" in tab.chart.describe()
    assert tab.chart_title.text() == "グラフ: コミュニティ事業数（実績値と目標値）"
    assert len(page.charts_tab.charts) == 4


def test_override_needs_a_reason_records_who_and_can_be_undone(
    qtbot: QtBot, db: Database, seeded: dict[str, int], window: MainWindow
) -> None:
    page = indicators_page(window)
    dialog = open_cell(qtbot, page, "相談者数", "実績値", 2026)
    assert "記録からの集計: 2" in dialog.about.text()
    type_text(qtbot, dialog.value, "７")  # 全角 digits are fine
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible()
    assert dialog.form.error_text("reason").startswith(
        "「生活支援ビジネスの相談者数」の実績値は記録から自動で集計されます。"
    )
    type_text(qtbot, dialog.reason, "窓口外の相談を含めるため")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()

    assert cell(page, "相談者数", "実績値", "令和8年度") == "7（上書き）"
    model = page.indicators_tab.model
    index = model.index(row_of(page, "相談者数", "実績値"), model.column_of_year(2026))
    assert index.data(Qt.ItemDataRole.BackgroundRole) == STATUS_STYLES["override"].background_color
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "手入力で上書き（テスト担当）: 窓口外の相談を含めるため" in tip and "記録からの集計は 2" in tip
    with db.reading() as s:
        row = s.scalar(
            select(IndicatorValue).where(
                IndicatorValue.indicator_id == seeded["consultations"], IndicatorValue.fiscal_year == 2026
            )
        )
        assert row is not None
        assert (row.value, row.is_override, row.entered_by, row.reason) == (
            7.0,
            True,
            "テスト担当",
            "窓口外の相談を含めるため",
        )

    dialog = open_cell(qtbot, page, "相談者数", "実績値", 2026)
    assert dialog.reason.text() == "窓口外の相談を含めるため"
    assert dialog.clear_button.text() == "上書きを解除" and dialog.clear_button.isEnabled()
    answer_message_box(qtbot, "上書きを解除")
    qtbot.mouseClick(dialog.clear_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert cell(page, "相談者数", "実績値", "令和8年度") == "2（自動）"


def test_targets_for_a_later_year_and_a_hand_kept_indicator(
    qtbot: QtBot, db: Database, seeded: dict[str, int], window: MainWindow
) -> None:
    page = indicators_page(window)
    tab = page.indicators_tab
    assert tab.add_year_text("令和12年度")
    wait_idle()
    assert tab.model.headerData(tab.model.columnCount() - 1, Qt.Orientation.Horizontal) == "令和12年度"
    dialog = open_cell(qtbot, page, "コミュニティ事業数", "目標値", 2030)
    assert not dialog.form.has_field("reason")
    type_text(qtbot, dialog.value, "abc")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.form.error_text("value") == "値は数字で入力してください（例: 23）。"
    dialog.value.setText("12")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert cell(page, "コミュニティ事業数", "目標値", "令和12年度") == "12"
    assert 2030 in table_years(db, 2026)  # a stored figure keeps its year on the table

    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    editor = tab.dialog
    assert isinstance(editor, IndicatorDialog)
    type_text(qtbot, editor.name, "ふれあい推進員の人数")
    type_text(qtbot, editor.code, "suishin")
    type_text(qtbot, editor.unit, "人")
    assert editor.computed.value() == ""  # 手入力 by default
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not editor.isVisible())
    wait_idle()
    assert page.indicators_tab.model.rowCount() == 15
    dialog = open_cell(qtbot, page, "ふれあい推進員の人数", "実績値", 2026)
    assert dialog.about.text() == "この指標の実績値は手入力で記録します。"
    type_text(qtbot, dialog.value, "48")
    qtbot.keyClick(dialog.value, Qt.Key.Key_Return)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert cell(page, "ふれあい推進員の人数", "実績値", "令和8年度") == "48（手入力）"

    tab.table.setCurrentIndex(tab.model.index(row_of(page, "ふれあい推進員の人数", "現状値"), 0))
    answer_message_box(qtbot, "削除")
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    wait_idle()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 12)
    assert [i.code for i in indicators.list_indicators(db)] == [
        "consultations",
        "startups",
        "launched_districts",
        "community_projects",
    ]


def test_projects_elsewhere_move_the_computed_actuals(
    qtbot: QtBot,
    db: Database,
    seeded: dict[str, int],
    two_districts: tuple[int, int],
    window: MainWindow,
    ctx: AppContext,
) -> None:
    from sakae_council.db.models import CollaborativeProject

    page = indicators_page(window)
    assert cell(page, "立ち上げ数", "実績値", "令和8年度") == "—"  # no launch on file yet: 未集計, not 0
    with db.transaction() as s:
        s.add(
            CollaborativeProject(
                title="見守り隊",
                district_id=two_districts[0],
                status=ProjectStatus.RUNNING.value,
                kind=ProjectKind.DISTRICT_COLLABORATION.value,
                launched_on=date(2026, 5, 1),
            )
        )
    ctx.notify("projects")
    assert cell(page, "立ち上げ数", "実績値", "令和8年度") == "1（自動）"


def test_consultation_course_and_startup_records(
    qtbot: QtBot, db: Database, seeded: dict[str, int], window: MainWindow
) -> None:
    page = indicators_page(window)
    page.tabs.setCurrentWidget(page.consultations)
    wait_idle()
    consultations = page.consultations
    assert consultations.context_label.text() == "全学区・2件"
    qtbot.mouseClick(consultations.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = consultations.dialog
    assert isinstance(dialog, ConsultationDialog)
    assert dialog.held_on.text() == "令和8年11月28日"
    type_text(qtbot, dialog.person_name, "栄 太郎")
    dialog.district.set_value(None)
    type_text(qtbot, dialog.topic, "配食サービスを始めたい")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()
    assert consultations.context_label.text() == "全学区・3件"
    assert [consultations.records.index(r, 1).data() for r in range(3)] == ["相談者5", "相談者6", "栄 太郎"]
    assert cell(page, "相談者数", "実績値", "令和8年度") == "3（自動）"  # the indicator recounted
    consultations.search.setText("配食")
    consultations.flush_search()
    wait_idle()
    assert consultations.records.rowCount() == 1

    page.tabs.setCurrentWidget(page.courses)
    wait_idle()
    courses = page.courses
    qtbot.mouseClick(courses.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    course_dialog = courses.dialog
    assert isinstance(course_dialog, CourseDialog)
    assert not course_dialog.attendee_name.isEnabled()
    type_text(qtbot, course_dialog.title, "生活支援ビジネス入門講座")
    course_dialog.place.setText("ふれあいプラザさかえ")
    qtbot.mouseClick(course_dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert course_dialog.isVisible()  # stays open for the attendees
    assert course_dialog.attendee_hint.text() == "講座を登録しました。続けて受講者を追加できます。"
    assert course_dialog.cancel_button.text() == "閉じる"
    wait_idle()
    assert courses.records.rowCount() == 1
    for name in ("栄 太郎", "𠮷田 花子"):
        type_text(qtbot, course_dialog.attendee_name, name)
        qtbot.keyClick(course_dialog.attendee_name, Qt.Key.Key_Return)
        wait_idle()
    assert course_dialog.attendees.model.rowCount() == 2
    course_dialog.attendee_name.setText("栄　太郎")  # the same name again (全角 space)
    qtbot.mouseClick(course_dialog.add_attendee_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert (
        course_dialog.attendees.error.message() == "「栄 太郎」さんはすでにこの講座の受講者に入っています。"
    )
    type_text(qtbot, course_dialog.attendee_name, "")
    course_dialog.attendee_name.setText("前 退子")
    qtbot.mouseClick(course_dialog.add_attendee_button, Qt.MouseButton.LeftButton)
    wait_idle()
    course_dialog.attendees.table.select_row(2)
    qtbot.mouseClick(course_dialog.attendees.remove_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert [a.name for a in lifesupport.list_courses(db)[0].attendees] == ["栄 太郎", "𠮷田 花子"]
    qtbot.mouseClick(course_dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert courses.records.index(0, 3).data() == "2名"
    assert courses.context_label.text() == "町全体・1講座"

    page.tabs.setCurrentWidget(page.startups)
    wait_idle()
    startups = page.startups
    qtbot.mouseClick(startups.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    startup_dialog = startups.dialog
    assert isinstance(startup_dialog, StartupDialog)
    type_text(qtbot, startup_dialog.founder_name, "栄 太郎")
    qtbot.mouseClick(startup_dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert startup_dialog.form.error_text("started_on") == "起業日（開業日）を入力してください。"
    type_text(qtbot, startup_dialog.started_on, "R8.10.1")
    startup_dialog.field.setCurrentText("介護")
    qtbot.mouseClick(startup_dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not startup_dialog.isVisible())
    wait_idle()
    assert [startups.records.index(0, c).data() for c in (0, 1, 3)] == ["令和8年10月1日", "栄 太郎", "介護"]
    assert cell(page, "起業者数", "実績値", "令和8年度") == "1（自動）"

    startups.table.select_row(0)
    answer_message_box(qtbot, "削除")
    qtbot.keyClick(startups.table, Qt.Key.Key_Delete)
    wait_idle()
    qtbot.waitUntil(lambda: startups.records.rowCount() == 0)
    assert lifesupport.list_startups(db) == []


def test_district_switcher_filters_the_consultations(
    qtbot: QtBot, seeded: dict[str, int], two_districts: tuple[int, int], window: MainWindow
) -> None:
    page = indicators_page(window)
    page.tabs.setCurrentWidget(page.consultations)
    wait_idle()
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("布鎌小学校区"))
    wait_idle()
    assert page.consultations.records.rowCount() == 0
    assert page.consultations.context_label.text() == "布鎌小学校区・0件"
    window.district_switcher.setCurrentIndex(window.district_switcher.findText("安食小学校区"))
    wait_idle()
    assert page.consultations.records.rowCount() == 2


def test_largest_text_size_nothing_clipped(
    qtbot: QtBot, seeded: dict[str, int], window: MainWindow, ctx: AppContext, tmp_path: Path
) -> None:
    page = indicators_page(window)
    window.resize(1280, 800)
    ctx.set_text_size(TextSize.XLARGE)
    qtbot.waitUntil(lambda: page.indicators_tab.table.fontMetrics().height() >= 22, timeout=3000)
    for index in range(page.tabs.count()):
        page.tabs.setCurrentIndex(index)
        qtbot.wait(50)
        window.grab().save(str(tmp_path / f"indicators_{index}.png"))
        assert clipped_texts(page) == [], page.tabs.tabText(index)
    tab = page.indicators_tab
    assert tab.table.columnWidth(0) <= tab.table.fontMetrics().horizontalAdvance("あ") * 16
    assert tab.chart.height() >= tab.chart.minimumSizeHint().height() - 1


def test_models_pass_the_model_tester(qtmodeltester, db: Database, seeded: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    table = IndicatorTableModel()
    years = table_years(db, 2026)
    table.set_table(indicator_values.indicator_table(db, years, today=TODAY), years)
    qtmodeltester.check(table)
    assert table.year_of_column(2) == 2009 and table.year_of_column(1) is None

    lifesupport.create_course(db, CourseInput(title="講座", held_on=date(2026, 7, 1)))
    course = lifesupport.list_courses(db)[0]
    course = lifesupport.add_attendee(db, course.id, name="栄 太郎")
    lifesupport.create_startup(db, StartupInput(founder_name="栄 花子", started_on=date(2026, 8, 1)))
    checks: list[tuple[DtoTableModel[Any], list[Any]]] = [
        (ConsultationsModel(), lifesupport.list_consultations(db)),
        (CoursesModel(), lifesupport.list_courses(db)),
        (AttendeesModel(), list(course.attendees)),
        (StartupsModel(), lifesupport.list_startups(db)),
    ]
    for model, rows in checks:
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)
    QApplication.processEvents()


def test_every_computed_rule_is_offered_for_translation() -> None:
    from sakae_council.gui.models.indicator_table import _RULE_TEXTS, rule_text
    from sakae_council.services.indicator_rules import COMPUTED_RULES

    assert [text for text, _count in COMPUTED_RULES.values()] == list(_RULE_TEXTS)
    assert rule_text("consultations") == "相談記録の件数（年度内）" and rule_text("") == ""


def test_a_year_before_any_record_shows_a_dash_and_a_gap_in_the_chart(
    qtbot: QtBot, seeded: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    """未集計 vs 0 on screen: consultations are on file from 令和8年度 and start-ups not at all."""
    page = indicators_page(window)
    tab = page.indicators_tab
    model = tab.model
    assert cell(page, "相談者数", "実績値", "令和8年度") == "2（自動）"
    for year in ("平成21年度", "平成27年度", "令和7年度"):
        assert cell(page, "相談者数", "実績値", year) == "—"
        assert cell(page, "起業者数", "実績値", year) == "—"
    assert cell(page, "起業者数", "実績値", "令和8年度") == "—"  # no start-up on file at all
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    tip = model.index(row_of(page, "相談者数", "実績値"), headers.index("令和7年度")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "未集計" in tip and "0ではありません" in tip
    # the chart of the current line: a bar for 令和8年度 only, none for the years never counted
    tab.table.setCurrentIndex(model.index(row_of(page, "相談者数", "実績値"), 2))
    actual_bars = [(fy, h) for fy, kind, h in tab.chart.bars() if kind == "actual"]
    assert actual_bars == [(2026, 2.0)]
    assert "令和7年度: 実績値 —（未集計）" in tab.chart.describe()
    startups = next(c for c in page.charts_tab.charts if c.row is not None and "起業者数" in c.row.name)
    assert [b for b in startups.bars() if b[1] == "actual"] == []
    tab.chart.grab().save(str(tmp_path / "chart.png"))


def test_the_two_notes_are_labelled_and_only_the_one_for_paper_prints(
    qtbot: QtBot, db: Database, seeded: dict[str, int], window: MainWindow, tmp_path: Path
) -> None:
    from pypdf import PdfReader

    from sakae_council.reports.liaison_summary import build_summary_pdf
    from sakae_council.services.liaison import Period

    page = indicators_page(window)
    tab = page.indicators_tab
    tab.table.setCurrentIndex(tab.model.index(row_of(page, "コミュニティ事業数", "現状値"), 0))
    qtbot.mouseClick(tab.edit_button, Qt.MouseButton.LeftButton)
    wait_idle()
    editor = tab.dialog
    assert isinstance(editor, IndicatorDialog)
    qtbot.waitUntil(editor.isVisible)
    assert editor.form.row("notes").label.text() == "資料の注記（印刷されます）"
    assert editor.form.row("internal_notes").label.text() == "内部メモ（印刷されません）"
    type_text(qtbot, editor.notes, "目標値は計画書（平成23年）による。")
    type_text(qtbot, editor.internal_notes, "担当メモ：原本を確認中")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not editor.isVisible())
    wait_idle()

    dialog = open_cell(qtbot, page, "コミュニティ事業数", "目標値", 2015)
    assert dialog.form.row("notes").label.text() == "資料の注記（印刷されます）"
    assert dialog.form.row("internal_notes").label.text() == "内部メモ（印刷されません）"
    type_text(qtbot, dialog.notes, "計画書の表による")
    type_text(qtbot, dialog.internal_notes, "入力者メモ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wait_idle()

    # read back through the services (setup/verification only), then on paper
    ind = indicators.get_indicator(db, seeded["community_projects"])
    assert (ind.notes, ind.internal_notes) == ("目標値は計画書（平成23年）による。", "担当メモ：原本を確認中")
    assert (ind.values[-1].notes, ind.values[-1].internal_notes) == ("計画書の表による", "入力者メモ")
    name_tip = tab.model.index(row_of(page, "コミュニティ事業数", "現状値"), 0).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "内部メモ（印刷されません）: 担当メモ：原本を確認中" in name_tip
    pdf = build_summary_pdf(db, Period.for_fiscal_year(2026), tmp_path / "s.pdf", today=TODAY)
    text = "".join("".join((p.extract_text() or "").split()) for p in PdfReader(pdf).pages)
    assert "注記:目標値は計画書（平成23年）による。" in text and "計画書の表による" in text
    assert "担当メモ" not in text and "入力者メモ" not in text and "原本で確認" not in text


def test_indicators_open_at_the_top_left_with_the_names_in_view(
    qtbot: QtBot, seeded: dict[str, int], window: MainWindow
) -> None:
    window.resize(800, 600)
    page = window.show_page("indicators")
    assert isinstance(page, IndicatorsPage)
    table = page.indicators_tab.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 3)
    qtbot.wait(50)
    assert table.horizontalScrollBar().maximum() > 0  # the years do not all fit: scrolling is possible
    assert table.horizontalScrollBar().value() == 0
    assert table.rowAt(0) == 0  # the first indicator's first row is the top row
    name = table.model().index(0, 0)
    assert table.model().data(name)  # its name (shown on that row)…
    assert table.viewport().rect().contains(table.visualRect(name).topLeft())  # …in view
