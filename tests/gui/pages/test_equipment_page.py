"""The 資機材 page: loans with overdue ones standing out, lend/reserve/hand over/return/cancel through the
dialogs, an overlapping loan refused with the clash named, inventory, availability, and the 貸出票 PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from gui.waiting import wait_idle
from sakae_council.db.engine import Database
from sakae_council.domain.enums import LoanStatus
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.models.equipment_list import AvailabilityModel, EquipmentModel, LoansModel
from sakae_council.gui.pages.equipment import EquipmentPage
from sakae_council.gui.palette import STATUS_STYLES
from sakae_council.gui.text_size import TextSize
from sakae_council.services import equipment, equipment_loans, organisations
from sakae_council.services.equipment import EquipmentInput
from sakae_council.services.equipment_loans import LoanInput
from sakae_council.services.organisations import OrganisationInput

from ..helpers import TODAY, answer_message_box, clipped_texts, close_discarding, type_text


@pytest.fixture()
def world(db: Database, two_districts: tuple[int, int]) -> dict[str, int]:
    a, b = two_districts
    org = organisations.create_organisation(db, OrganisationInput(name="酒直第一自治会", district_id=a)).id
    org2 = organisations.create_organisation(db, OrganisationInput(name="布鎌𠮷野会", district_id=b)).id
    gen = equipment.create_equipment(
        db, EquipmentInput(name="発電機", code="EQ-002", quantity=2, storage_place="役場倉庫A")
    ).id
    tent = equipment.create_equipment(
        db, EquipmentInput(name="テント（３間×２間）", code="EQ-001", quantity=3)
    ).id
    late = equipment_loans.lend(
        db,
        LoanInput(gen, 1, date(2026, 11, 8), date(2026, 11, 15), borrower_organisation_id=org),
        today=date(2026, 11, 8),
    ).id
    booked = equipment_loans.lend(
        db,
        LoanInput(tent, 2, date(2026, 12, 12), date(2026, 12, 14), borrower_organisation_id=org2),
        reserve=True,
        today=TODAY,
    ).id
    return {
        "a": a,
        "b": b,
        "org": org,
        "org2": org2,
        "gen": gen,
        "tent": tent,
        "late": late,
        "booked": booked,
    }


def equipment_page(window: MainWindow) -> EquipmentPage:
    page = window.show_page("equipment")
    wait_idle()
    assert isinstance(page, EquipmentPage)
    return page


def column(model, c: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_models_pass_the_model_tester(qtmodeltester, db: Database, world) -> None:  # type: ignore[no-untyped-def]
    loans = LoansModel(TODAY)
    loans.set_rows(equipment_loans.list_loans(db, today=TODAY))
    qtmodeltester.check(loans)
    items = EquipmentModel()
    items.set_rows(equipment.list_equipment(db))
    qtmodeltester.check(items)
    spans = AvailabilityModel()
    spans.set_rows(list(equipment.availability(db, world["gen"], TODAY, date(2026, 12, 31), TODAY).spans))
    qtmodeltester.check(spans)


def test_overdue_loan_stands_out_in_words_and_colour(world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window).loans
    m = page.table.model()
    assert page.context_label.text() == "全学区・2件（うち期限切れ 1件）"
    row = page.loans_model.row_of(lambda x: x.id == world["late"])
    assert m.index(row, 7).data() == "期限切れ（13日超過）"
    assert m.index(row, 7).data(Qt.ItemDataRole.BackgroundRole) == QColor(STATUS_STYLES["overdue"].background)
    assert m.index(row, 5).data(Qt.ItemDataRole.BackgroundRole) == QColor(STATUS_STYLES["overdue"].background)
    assert row == 0  # overdue first
    page.status_filter.set_value("overdue")
    wait_idle()
    assert column(m, 0) == ["発電機"]


def test_lend_and_see_an_overlapping_loan_refused(
    qtbot: QtBot, db: Database, world, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window).loans
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    dialog.item.set_value(world["tent"])
    wait_idle()
    dialog.lent_on.setText("令和8年12月13日")
    wait_idle()
    dialog.due_on.setText("令和8年12月15日")
    wait_idle()
    dialog.due_on.editingFinished.emit()
    wait_idle()
    assert dialog.free.text() == "この期間に貸し出せる数: 1個（全3個）"
    dialog.quantity.setValue(2)
    wait_idle()
    dialog.organisation.set_value(world["org"])
    wait_idle()
    before = len(equipment_loans.list_loans(db, today=TODAY))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert dialog.isVisible()
    message = dialog.form.error_text("quantity")
    assert "ほかの貸出・予約と重なり" in message and "令和8年12月13日〜令和8年12月14日は残り1個" in message
    assert len(equipment_loans.list_loans(db, today=TODAY)) == before
    dialog.quantity.setValue(1)
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    made = [x for x in equipment_loans.list_loans(db, today=TODAY) if x.lent_on == date(2026, 12, 13)]
    assert (
        len(made) == 1
        and made[0].status is LoanStatus.LENT
        and made[0].borrower_organisation_name == "酒直第一自治会"
    )
    assert page.current_item().id == made[0].id


def test_the_overdue_generator_is_not_free_again(
    qtbot: QtBot, db: Database, world, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window).loans
    page.new_item()
    wait_idle()
    dialog = page.dialog
    dialog.item.set_value(world["gen"])
    wait_idle()
    dialog.quantity.setValue(2)
    wait_idle()
    dialog.organisation.set_value(world["org2"])
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "残り1個" in dialog.form.error_text("quantity")
    close_discarding(qtbot, dialog)


def test_reserve_hand_over_return_and_cancel(
    qtbot: QtBot, db: Database, world, window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window).loans
    page.select_where(lambda x: x.id == world["booked"])
    assert page.hand_over_button.isEnabled() and not page.return_button.isEnabled()
    qtbot.mouseClick(page.hand_over_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert equipment_loans.get_loan(db, world["booked"], TODAY).status is LoanStatus.LENT

    page.select_where(lambda x: x.id == world["late"])
    qtbot.mouseClick(page.return_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    dialog.day.setText("令和8年11月1日")  # before it was lent
    wait_idle()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "貸出日（令和8年11月8日）より前" in dialog.form.error_text("returned_on")
    dialog.day.setText("")
    wait_idle()
    type_text(qtbot, dialog.day, "R8.11.28")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the condition is not filled in yet
    wait_idle()
    assert "返却時の状態を入力してください" in dialog.form.error_text("return_condition")
    assert equipment_loans.get_loan(db, world["late"], TODAY).status is LoanStatus.LENT
    condition = dialog.form.row("return_condition").editor
    condition.setCurrentIndex(condition.findText("破損あり: "))
    wait_idle()
    type_text(qtbot, condition.lineEdit(), "燃料キャップの紛失")
    dialog.grab().save(str(tmp_path / "act-return-dialog.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not dialog.isVisible())
    back = equipment_loans.get_loan(db, world["late"], TODAY)
    assert (back.status, back.returned_on, back.overdue) == (LoanStatus.RETURNED, TODAY, False)
    assert back.return_condition == "破損あり: 燃料キャップの紛失"
    page.status_filter.set_value(LoanStatus.RETURNED)
    wait_idle()
    assert column(page.table.model(), 8) == ["破損あり: 燃料キャップの紛失"]
    page.status_filter.set_value("active")
    wait_idle()
    assert "期限切れ" not in page.context_label.text()

    page.select_where(lambda x: x.id == world["booked"])
    seen = answer_message_box(qtbot, "取り消す")
    qtbot.mouseClick(page.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert seen and "「テント（3間×2間）」2個（布鎌𠮷野会" in seen[0]
    assert equipment_loans.get_loan(db, world["booked"], TODAY).status is LoanStatus.CANCELLED


def test_inventory_shows_todays_free_count_and_availability(
    qtbot: QtBot, db: Database, world, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window)
    page.tabs.setCurrentIndex(1)
    wait_idle()
    inv = page.inventory
    assert column(inv.table.model(), 1) == ["テント（3間×2間）", "発電機"]
    assert column(inv.table.model(), 3) == ["3", "1"]  # one generator is still out (overdue)
    inv.select_where(lambda e: e.id == world["tent"])
    dialog = inv.show_availability()
    dialog.end.setText("令和8年12月31日")
    wait_idle()
    dialog.reload()
    wait_idle()
    spans = [[dialog.model.index(r, c).data() for c in range(3)] for r in range(dialog.model.rowCount())]
    assert spans == [
        ["令和8年11月28日〜令和8年12月11日", "0", "3"],
        ["令和8年12月12日〜令和8年12月14日", "2", "1"],
        ["令和8年12月15日〜令和8年12月31日", "0", "3"],
    ]
    assert "ずっと空いているのは1個" in dialog.summary.text()
    dialog.reject()
    # register a new item through the editor
    qtbot.mouseClick(inv.new_button, Qt.MouseButton.LeftButton)
    wait_idle()
    editor = inv.dialog
    type_text(qtbot, editor.name, "長机")
    editor.code.setText("EQ-001")  # already used
    wait_idle()
    editor.quantity.setValue(10)
    wait_idle()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    assert "管理番号「EQ-001」はほかの資機材に使われています" in editor.form.error_text("code")
    editor.code.setText("EQ-005")
    wait_idle()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    wait_idle()
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert [e.name for e in equipment.list_equipment(db, "長机")] == ["長机"]
    assert "長机" in column(page.loans.item_filter.model(), 0)


def test_loan_slip_pdf(qtbot: QtBot, tmp_path, world, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window).loans
    page.select_where(lambda x: x.id == world["late"])
    qtbot.mouseClick(page.slip_button, Qt.MouseButton.LeftButton)
    wait_idle()
    dialog = page.dialog
    out = tmp_path / "貸出票.pdf"
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=20000)
    assert dialog.save_as(str(out))
    assert dialog.pages_label.text() == "全1ページ"
    reader = PdfReader(str(out))
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    for expected in (
        "資機材貸出票",
        "発電機",
        "EQ-002",
        "酒直第一自治会",
        "令和8年11月15日",
        "期限切れ",
        "返却時の確認",
    ):
        assert expected in text, expected
    fonts = {
        f["/BaseFont"]
        for f in (
            reader.pages[0]["/Resources"]["/Font"][k].get_object()
            for k in reader.pages[0]["/Resources"]["/Font"]
        )
    }
    assert fonts and all("+" in str(f) for f in fonts)  # subset-embedded fonts only


def test_largest_text_size_cuts_nothing(qtbot: QtBot, ctx, world, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = equipment_page(window)
    ctx.set_text_size(TextSize.XLARGE)
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: clipped_texts(page.loans) == [], timeout=3000)
    page.grab().save(str(tmp_path / "equipment_page_xlarge.png"))
    page.tabs.setCurrentIndex(1)
    wait_idle()
    qtbot.waitUntil(lambda: clipped_texts(page.inventory) == [], timeout=3000)
