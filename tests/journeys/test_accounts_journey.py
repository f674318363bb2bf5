"""Journey 5: a council's treasurer keeps the books for a month — the entries typed with the keyboard alone
(amounts as 12000, １２，０００ and 12,000円) after drawing petty cash from the bank, an expense past its
budget recorded with a reason, the cash counted against the book, then the 出納帳 and the 収支決算書 printed from the print window.

Driven as a person drives the program (keys, clicks, typing, closing windows) on the real main window
over a copy of the demo town; each step leaves a screenshot under tmp_path/shots. The database is read
back through the services only to check what was saved and what the papers must say.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from gui.helpers import type_text
from gui.waiting import wait_idle
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount, SubjectKind
from sakae_council.domain.money import format_yen
from sakae_council.gui.dialogs.account_entry import EntryDialog, subject_text
from sakae_council.gui.dialogs.account_steps import CashCountDialog, TransferDialog
from sakae_council.gui.dialogs.accounts_print import AccountsPrintDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.accounts import AccountsPage
from sakae_council.services import accounts, districts
from sakae_council.services.accounts import BudgetLineInput

from .conftest import Shots
from .steps import (
    SAVED,
    back_to,
    choose,
    click,
    click_row,
    closed_by_escape,
    ctrl,
    flat,
    key,
    modal,
    open_tab,
    pdf_text,
    preview_ready,
    print_dialog_prints_to,
    status_texts,
)

DISTRICT = "安食小学校区"
#: A month of receipts as a treasurer types them: (day, 摘要, amount as typed, yen).
MONTH = [
    (2, "11月役員会 お茶代", "1280", 1_280),
    (5, "コピー用紙 <A4> & トナー", "12000", 12_000),
    (9, "防犯パトロール 反射材", "１２，０００", 12_000),
    (12, "地域清掃 ごみ袋", "12,000円", 12_000),
    (16, "会議資料 印刷 𠮷田印刷 髙橋様", "3300", 3_300),
    (20, "ふれあいまつり 景品", "8,640", 8_640),
    (24, "11月定例会 お茶代", "950", 950),
]


def _enter(qtbot: QtBot, window: MainWindow, day: int, text: str, typed: str) -> EntryDialog:
    """Ctrl+N, the date typed over today's, Tab past the 科目 (the last one used), the 摘要, the amount; Enter."""
    ctrl(window, Qt.Key.Key_N)
    dialog = modal(qtbot, EntryDialog)
    assert dialog.date.hasFocus(), "the cursor starts in the date"
    assert dialog.date.value() == date(2026, 11, 28), "a new entry starts on today's date"
    key(dialog.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, dialog.date, f"R8.11.{day}")
    key(dialog, Qt.Key.Key_Tab)
    assert dialog.subject.hasFocus()
    key(dialog, Qt.Key.Key_Tab)
    assert dialog.description.hasFocus()
    type_text(qtbot, dialog.description, text)
    key(dialog, Qt.Key.Key_Tab)
    assert dialog.amount.hasFocus()
    type_text(qtbot, dialog.amount, typed)
    key(dialog.amount, Qt.Key.Key_Return)  # 保存 is the default button
    return dialog


def _saved(qtbot: QtBot, window: MainWindow, dialog: EntryDialog) -> None:
    """The entry window closes on 保存 — or, when the 科目's budget would be overspent, asks why: the
    treasurer writes the council's reason and presses Ctrl+S."""
    qtbot.waitUntil(lambda: not dialog.isVisible() or dialog.reason_row.isVisible(), timeout=5000)
    if dialog.isVisible():
        assert "超えます" in dialog.overspend.message()
        type_text(qtbot, dialog.reason, "役員会で承認済み")
        ctrl(dialog, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    back_to(qtbot, window)


def _books_of_the_demo(db: Database) -> None:
    """Set-up, through the services: the demo town's 安食 council keeps 令和8年度 books (made here only if
    the demo data has none), with a 消耗品費 budget a month of receipts fits in."""
    district = districts.district_id_by_name(db, DISTRICT)
    if accounts.find_book(db, district, 2026) is None:
        subjects = {s.name: s.id for s in accounts.ensure_starter_subjects(db, district)}
        book = accounts.open_book(db, district, 2026)
        book = accounts.set_opening_balances(db, book.id, 60_000, 300_000, book.version)
        accounts.set_budget(db, book.id, date(2026, 4, 10), [BudgetLineInput(subjects["消耗品費"], 80_000)])


def test_journey_5_a_treasurer_records_a_month_counts_the_cash_and_prints_the_books(
    qtbot: QtBot, window: MainWindow, shots: Shots, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = window.ctx.db
    _books_of_the_demo(db)
    # 会計 in the page list on the left (ten pages come before it, so it has no Ctrl+digit); the council
    # chosen in the switcher above the page.
    item = next(window.nav.item(i) for i in range(window.nav.count()) if window.nav.item(i).text() == "会計")
    qtbot.mouseClick(
        window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center()
    )
    page = window.current_page()
    assert isinstance(page, AccountsPage)
    choose(qtbot, window.district_switcher, DISTRICT)
    qtbot.waitUntil(lambda: page.book is not None)
    wait_idle(qtbot)  # the 出納帳 as it lands from the database worker
    book = page.book
    assert book is not None and book.fiscal_year == 2026 and not book.is_closed
    assert page.tabs.currentWidget() is page.cashbook
    model = page.cashbook.entries_model
    before = model.rowCount()
    shots("会計", window)

    # Petty cash for the month: 振替… from the bank, 50,000 typed, Enter.
    click(page.cashbook.transfer_button)
    transfer = modal(qtbot, TransferDialog)
    assert transfer.direction.value() is CashAccount.BANK  # 預金から引き出して現金に
    key(transfer.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, transfer.date, "R8.11.1")
    transfer.amount.setFocus()
    type_text(qtbot, transfer.amount, "50000")
    key(transfer.amount, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not transfer.isVisible(), timeout=5000)
    back_to(qtbot, window)

    # The first receipt: Ctrl+N, and the 科目 chosen with the arrow keys (消耗品費).
    subjects = [s for s in accounts.list_subjects(db, book.district_id) if s.active]
    supplies = next(s for s in subjects if s.name == "消耗品費")
    ctrl(window, Qt.Key.Key_N)
    first = modal(qtbot, EntryDialog)
    key(first.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, first.date, "R8.11.1")
    key(first, Qt.Key.Key_Tab)
    combo = first.subject
    target = combo.findText(subject_text(supplies))
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(target):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == subject_text(supplies)
    key(first, Qt.Key.Key_Tab)
    type_text(qtbot, first.description, "ボールペン")
    key(first, Qt.Key.Key_Tab)
    type_text(qtbot, first.amount, "500")
    shots("最初の記帳", first)
    key(first.amount, Qt.Key.Key_Return)
    _saved(qtbot, window, first)

    # The rest of the month: each starts on the 科目 used last.
    for day, text, typed, _yen in MONTH:
        dialog = _enter(qtbot, window, day, text, typed)
        assert dialog.subject.value() == supplies.id
        _saved(qtbot, window, dialog)
    qtbot.waitUntil(
        lambda: model.rowCount() == before + 2 + 1 + len(MONTH), timeout=5000
    )  # 振替 is two entries
    assert any(SAVED.fullmatch(t) for t in status_texts(window)), status_texts(window)
    shots("11月の記帳", window)

    # Read back through the service: every amount as ¥ in yen, whatever way it was typed, with its 証憑番号.
    saved = [
        e
        for e in accounts.list_entries(db, book.id)
        if e.entry_date.month == 11 and e.subject_id == supplies.id
    ]
    by_text = {e.description: e for e in saved}
    for _day, text, _typed, yen in MONTH:
        assert by_text[text].expense == yen and by_text[text].income == 0
        assert by_text[text].account is CashAccount.CASH
    vouchers = [e.voucher_no for e in saved]
    assert len(set(vouchers)) == len(vouchers)
    shown = [model.texts(e) for e in model.rows() if e.description in by_text]
    spent = model.headers().index("支出")
    assert sum(1 for cells in shown if cells[spent] == "¥12,000") == 3, (
        "12000, １２，０００ and 12,000円 all read ¥12,000"
    )

    # A projector from the bank account, past what is left of the 消耗品費 budget: a warning that asks why;
    # the reason typed, Ctrl+S saves it.
    left = next(r for r in accounts.budget_vs_actual(db, book.id) if r.subject_id == supplies.id).remaining
    price = max(left, 0) + 10_000
    ctrl(window, Qt.Key.Key_N)
    dialog = modal(qtbot, EntryDialog)
    key(dialog.date, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, dialog.date, "R8.11.26")
    for _ in range(2):
        key(dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.description, "プロジェクター購入")
    key(dialog, Qt.Key.Key_Tab)
    type_text(qtbot, dialog.amount, str(price))
    key(dialog, Qt.Key.Key_Tab)
    assert dialog.account.hasFocus()
    key(dialog.account, Qt.Key.Key_Down)
    assert dialog.account.value() is CashAccount.BANK
    key(dialog.account, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.reason_row.isVisible(), timeout=5000)
    assert dialog.isVisible(), "an overspend is a warning that waits for a reason"
    assert "超えます" in dialog.overspend.message()
    assert dialog.reason.hasFocus()
    shots("予算超過の注意", dialog)
    type_text(qtbot, dialog.reason, "役員会で購入を決定（11月定例会）")
    ctrl(dialog, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    back_to(qtbot, window)
    big = next(e for e in accounts.list_entries(db, book.id) if e.description == "プロジェクター購入")
    assert (
        big.expense == price
        and big.account is CashAccount.BANK
        and big.overspend_reason == "役員会で購入を決定（11月定例会）"
    )

    # The 集計 tab (a click on it) says 予算超過 for 消耗品費, with what remains (negative).
    open_tab(page.tabs, "集計（予算と執行）")
    use = page.use.use_model
    row = next(r for r in use.rows() if r.subject_id == supplies.id)
    assert row.over and row.remaining < 0
    assert use.texts(row)[-1] == "予算超過"
    shots("集計", window)
    open_tab(page.tabs, "出納帳")

    # 現金の実査: first a count that differs (差異 shown), then the book's balance, 差異 ¥0.
    cash = next(
        b for b in accounts.balances(db, book.id, as_of=date(2026, 11, 28)) if b.account is CashAccount.CASH
    )
    click(page.count_button)
    count = modal(qtbot, CashCountDialog)
    wait_idle(qtbot)  # the book's balance that day, read on the database worker
    assert count.book_balance.text() == format_yen(cash.closing)
    count.counted.setFocus()
    type_text(qtbot, count.counted, str(cash.closing - 100))
    assert "差異 -¥100" in count.difference.message()
    key(count.counted, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text(qtbot, count.counted, f"{cash.closing:,}円")
    assert "差異 ¥0" in count.difference.message()
    shots("現金の実査", count)
    key(count.counted, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not count.isVisible(), timeout=5000)
    back_to(qtbot, window)
    last = max(accounts.list_cash_counts(db, book.id), key=lambda c: c.id)
    assert last.account is CashAccount.CASH and last.counted == cash.closing and last.difference == 0
    assert "差異 ¥0" in page.balances.text()

    # The last entry clicked in the 出納帳, Ctrl+P: the print window on the 出納帳; printed to a file.
    click_row(page.cashbook.table, model.rowCount() - 1)
    printed = [tmp_path / "出納帳.pdf"]
    print_dialog_prints_to(monkeypatch, lambda: printed[-1])
    ctrl(window, Qt.Key.Key_P)
    paper = modal(qtbot, AccountsPrintDialog)
    assert paper.document.value() == "cashbook"
    preview_ready(qtbot, paper)
    shots("出納帳を印刷", paper)
    with qtbot.waitSignal(paper.printed, timeout=30_000):
        ctrl(paper, Qt.Key.Key_P)
    text = flat(pdf_text(printed[-1]))
    for _day, typed_text, _typed, _yen in MONTH:
        assert flat(typed_text) in text, typed_text
    assert "12,000" in text and "プロジェクター購入" in text
    closing = {b.account: b.closing for b in accounts.balances(db, book.id)}
    assert f"現金の残高{closing[CashAccount.CASH]:,}円" in text

    # Then the 収支決算書, chosen in the same window: its totals are the books'.
    printed.append(tmp_path / "収支決算書.pdf")
    choose(qtbot, paper.document, "収支決算書")
    preview_ready(qtbot, paper)
    shots("収支決算書を印刷", paper)
    with qtbot.waitSignal(paper.printed, timeout=30_000):
        ctrl(paper, Qt.Key.Key_P)
    closed_by_escape(qtbot, paper)
    back_to(qtbot, window)

    figures = accounts.settlement_statement(db, book.id)
    text = flat(pdf_text(printed[-1]))
    m = re.search(r"収入合計¥([\d,]+)−支出合計¥([\d,]+)＝次年度繰越金(△?)¥([\d,]+)", text)
    assert m is not None, text
    income, expense = int(m[1].replace(",", "")), int(m[2].replace(",", ""))
    balance = int(m[4].replace(",", "")) * (-1 if m[3] else 1)
    assert (income, expense, balance) == (
        figures.income_actual_total,
        figures.expense_actual_total,
        figures.carryover,
    )
    assert income - expense == balance
    assert any(r.kind is SubjectKind.EXPENSE for r in figures.expense_rows)
    assert QApplication.activeModalWidget() is None
