"""会計 page: the chosen council's book; Ctrl+N with the last 科目 and today's date; amounts typed three ways;
an overspend asks for a reason; a checked month is corrected, never deleted; 決算確定 asks first; the page
at 文字サイズ 中 and 特大 (screenshots under tmp_path/shots)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import SubjectKind
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_entry import EntryDialog
from sakae_council.gui.dialogs.account_steps import CorrectionDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.accounts import AccountsPage
from sakae_council.gui.text_size import TextSize, apply_text_size
from sakae_council.services import accounts, districts
from sakae_council.services.accounts import BudgetLineInput, EntryInput

from ..helpers import TODAY, answer_message_box, clipped_texts, type_text
from ..shown_pages import shown_accounts_page
from ..waiting import wait_idle


@pytest.fixture()
def book(db: Database) -> dict[str, int]:
    d = districts.create_district(
        db, districts.DistrictInput(name="安食小学校区", council_name="安食小学校区地域まちづくり協議会")
    ).id
    subjects = {s.name: s.id for s in accounts.ensure_starter_subjects(db, d)}
    b = accounts.open_book(db, d, 2026)
    accounts.set_budget(
        db,
        b.id,
        date(2026, 4, 10),
        [
            BudgetLineInput(subjects["会費"], 100_000),
            BudgetLineInput(subjects["会議費"], 50_000),
            BudgetLineInput(subjects["消耗品費"], 10_000),
        ],
    )
    accounts.add_entry(db, b.id, EntryInput(date(2026, 4, 20), subjects["会費"], "会費 4月分", income=60_000))
    accounts.add_entry(db, b.id, EntryInput(date(2026, 11, 2), subjects["会議費"], "お茶代", expense=1_200))
    return {"district": d, "book": b.id, **subjects}


@pytest.fixture()
def page(book: dict[str, int], window: MainWindow, qtbot: QtBot) -> AccountsPage:
    return shown_accounts_page(window, qtbot, book["district"])


def _new_entry(qtbot: QtBot, window: MainWindow) -> EntryDialog:
    window.activateWindow()  # (offscreen has no window manager to give the keys back after a dialog)
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EntryDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, EntryDialog)
    qtbot.waitUntil(dialog.isActiveWindow)  # in front, taking the keys (Ctrl+S is the window's shortcut)
    return dialog


def test_under_all_districts_the_page_asks_for_a_council(
    qtbot: QtBot, ctx: AppContext, book: dict[str, int], window: MainWindow
) -> None:
    ctx.set_district(None)
    p = window.show_page("accounts")
    wait_idle(qtbot)
    assert isinstance(p, AccountsPage) and p.book is None
    assert "学区を選んで" in p.notice.message()
    assert not p.cashbook.new_button.isEnabled()


def test_ctrl_n_starts_on_today_and_the_last_subject_and_reads_amounts_three_ways(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, book: dict[str, int], db: Database
) -> None:
    for typed in ("12000", "１２，０００", "12,000円"):
        dialog = _new_entry(qtbot, window)
        assert dialog.date.value() == TODAY
        assert dialog.subject.value() == book["会議費"], "the 科目 used last"
        type_text(qtbot, dialog.description, f"会議資料 {typed}")
        type_text(qtbot, dialog.amount, typed)
        qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dialog: not d.isVisible())  # type: ignore[misc]
    saved = [e for e in accounts.list_entries(db, book["book"]) if e.description.startswith("会議資料")]
    assert [e.expense for e in saved] == [12_000] * 3
    wait_idle(qtbot)  # the list reloads on the worker after each save
    spent = page.cashbook.entries_model.headers().index("支出")
    shown = [
        page.cashbook.entries_model.texts(e)[spent]
        for e in page.cashbook.entries_model.rows()
        if e.description.startswith("会議資料")
    ]
    assert shown == ["¥12,000"] * 3


def test_bad_amount_is_named_under_its_field(qtbot: QtBot, page: AccountsPage, window: MainWindow) -> None:
    dialog = _new_entry(qtbot, window)
    type_text(qtbot, dialog.description, "お茶代")
    type_text(qtbot, dialog.amount, "千二百円")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert dialog.isVisible()
    assert "金額として読み取れません" in dialog.form.error_text("amount")


def test_overspend_asks_for_a_reason_and_records_it(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, book: dict[str, int], db: Database
) -> None:
    dialog = _new_entry(qtbot, window)
    dialog.subject.set_value(book["消耗品費"])
    type_text(qtbot, dialog.description, "プロジェクター")
    type_text(qtbot, dialog.amount, "45000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    wait_idle(qtbot)  # the save answers from the database worker
    assert dialog.isVisible() and dialog.reason_row.isVisible()
    assert "超えます" in dialog.overspend.message()
    assert not [e for e in accounts.list_entries(db, book["book"]) if e.description == "プロジェクター"]
    type_text(qtbot, dialog.reason, "総会で承認")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # where the typing is
    qtbot.waitUntil(lambda: not dialog.isVisible())
    saved = next(e for e in accounts.list_entries(db, book["book"]) if e.description == "プロジェクター")
    assert saved.overspend_reason == "総会で承認"
    page.tabs.setCurrentWidget(page.use)
    wait_idle(qtbot)
    row = next(r for r in page.use.use_model.rows() if r.subject_id == book["消耗品費"])
    assert row.over and page.use.use_model.texts(row)[-1] == "予算超過"


def test_a_checked_month_is_corrected_not_deleted(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database, ctx: AppContext
) -> None:
    accounts.check_month(db, book["book"], date(2026, 4, 1), TODAY)
    ctx.notify("accounts")
    wait_idle(qtbot)
    table = page.cashbook.table
    page.cashbook.select_where(lambda e: e.description == "会費 4月分")
    table.setFocus()
    asked = answer_message_box(qtbot, "訂正する…")
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert asked and "削除できません" in asked[0]
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), CorrectionDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, CorrectionDialog)
    qtbot.waitUntil(dialog.isActiveWindow)
    type_text(qtbot, dialog.reason, "金額の誤り")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    entries = accounts.list_entries(db, book["book"])
    original = next(e for e in entries if e.description == "会費 4月分")
    assert original.cancelled_by_voucher_no is not None  # kept, and marked
    assert any(e.cancels_id == original.id for e in entries)
    wait_idle(qtbot)
    assert page.cashbook.entries_model.texts(original)[-1].endswith("で訂正済み")


def test_close_year_asks_naming_the_carry_over_then_locks(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database
) -> None:
    asked = answer_message_box(qtbot, "キャンセル")
    page.close_button.click()
    assert asked and "令和8年度" in asked[0] and "¥58,800" in asked[0]
    assert not accounts.get_book(db, book["book"]).is_closed
    asked = answer_message_box(qtbot, "決算を確定する")
    page.close_button.click()
    qtbot.waitUntil(lambda: page.book is not None and page.book.is_closed)
    wait_idle(qtbot)
    assert page.state.text().startswith("決算確定")
    assert not page.cashbook.new_button.isEnabled() and not page.close_button.isEnabled()


@pytest.mark.parametrize("size", [TextSize.MEDIUM, TextSize.XLARGE])
def test_page_at_text_sizes(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, tmp_path: Path, size: TextSize
) -> None:
    apply_text_size(size)
    window.resize(1366, 768)
    qtbot.wait(50)
    shots = tmp_path / "shots"
    shots.mkdir()
    for i in range(page.tabs.count()):
        page.tabs.setCurrentIndex(i)
        qtbot.wait(20)
        assert window.grab().save(str(shots / f"accounts-{size.name}-{i}.png"))
    top = [page.count_button, page.close_button, page.print_button, page.year]
    assert all(w.isVisible() and w.geometry().right() <= page.width() for w in top)
    assert clipped_texts(page) == []


def test_kinds_of_subjects_decide_income_or_expense(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, book: dict[str, int], db: Database
) -> None:
    dialog = _new_entry(qtbot, window)
    dialog.subject.set_value(book["会費"])
    assert dialog._kinds[book["会費"]] is SubjectKind.INCOME
    type_text(qtbot, dialog.description, "会費 11月分")
    type_text(qtbot, dialog.amount, "3000")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    e = next(e for e in accounts.list_entries(db, book["book"]) if e.description == "会費 11月分")
    assert (e.income, e.expense) == (3_000, 0)


def test_a_revised_budget_keeps_the_original(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, book: dict[str, int], db: Database
) -> None:
    from sakae_council.gui.dialogs.account_budget import BudgetDialog

    page.tabs.setCurrentWidget(page.budget)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), BudgetDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, BudgetDialog) and dialog.windowTitle() == "第1号補正予算"
    edit = dialog.amounts[book["消耗品費"]]
    assert edit.value() == 10_000
    edit.selectAll()
    type_text(qtbot, edit, "２５，０００")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert dialog.isVisible() and "補正の理由" in dialog.form.error_text("reason")
    type_text(qtbot, dialog.reason, "防災訓練の備品")
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    revisions = accounts.list_budget_revisions(db, book["book"])
    assert [r.number for r in revisions] == [0, 1]
    assert [(line.subject_id, line.amount) for line in revisions[1].lines] == [(book["消耗品費"], 25_000)]
    wait_idle(qtbot)
    row = next(r for r in page.budget.budget_model.rows() if r.subject_id == book["消耗品費"])
    assert page.budget.budget_model.texts(row)[1:4] == ["¥10,000", "¥15,000", "¥25,000"]


def test_enter_edits_an_unchecked_entry(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, book: dict[str, int], db: Database
) -> None:
    page.cashbook.select_where(lambda e: e.description == "お茶代")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.cashbook.table.setFocus()
    qtbot.keyClick(page.cashbook.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EntryDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, EntryDialog) and dialog.amount.text() == "¥1,200"
    dialog.amount.selectAll()
    type_text(qtbot, dialog.amount, "1,500円")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    e = next(e for e in accounts.list_entries(db, book["book"]) if e.description == "お茶代")
    assert e.expense == 1_500 and e.voucher_no == 2


def test_transfer_moves_money_between_cash_and_bank(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database
) -> None:
    from sakae_council.domain.accounts import CashAccount
    from sakae_council.gui.dialogs.account_steps import TransferDialog

    page.cashbook.transfer_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), TransferDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, TransferDialog)
    dialog.direction.set_value(CashAccount.CASH)  # 現金を預金に預け入れ
    type_text(qtbot, dialog.amount, "50,000")
    type_text(qtbot, dialog.description, "会費を預け入れ")
    qtbot.keyClick(dialog.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    closing = {b.account: b.closing for b in accounts.balances(db, book["book"])}
    assert closing == {CashAccount.CASH: 8_800, CashAccount.BANK: 50_000}
    wait_idle(qtbot)
    assert "現金残高 ¥8,800" in page.balances.text() and "預金残高 ¥50,000" in page.balances.text()


def test_a_council_adds_a_detail_subject_and_budgets_it(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database
) -> None:
    from sakae_council.gui.dialogs.account_budget import SubjectDialog

    page.tabs.setCurrentWidget(page.budget)
    page.budget.subject_button.click()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), SubjectDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SubjectDialog)
    type_text(qtbot, dialog.name, "夏祭り")
    dialog.parent_subject.set_value(book["事業費"])
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    added = next(s for s in accounts.list_subjects(db, book["district"]) if s.name == "夏祭り")
    assert added.parent_id == book["事業費"] and added.kind is SubjectKind.EXPENSE
    wait_idle(qtbot)
    assert any(r.subject_id == added.id and r.is_detail for r in page.budget.budget_model.rows())
