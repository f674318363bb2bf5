"""No query on the GUI thread on the 会計 page: its load, its three tabs, every editor it opens (記帳, 訂正, 振替,
月次確認, 実査, 予算, 科目, 通帳CSVの取込, 補助金の収支精算, 監査報告の文言, 決算確定, 決算の修正) and its print
window, driven as a person drives them while every statement the test's database receives is checked for
the thread it runs on (thread_guard.py). Set-up and read-back go through the services outside the block."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from journeys.steps import (
    back_to,
    choose,
    choose_containing,
    click,
    closed_by_escape,
    ctrl,
    modal,
    open_tab,
    preview_ready,
)
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_budget import BudgetDialog, SubjectDialog, SubjectEditDialog
from sakae_council.gui.dialogs.account_closing import (
    AuditWordingDialog,
    CloseRevisionDialog,
    GrantSettlementDialog,
)
from sakae_council.gui.dialogs.account_entry import EntryDialog
from sakae_council.gui.dialogs.account_import import SUBJECT, BankImportDialog
from sakae_council.gui.dialogs.account_steps import CashCountDialog, MonthCheckDialog, TransferDialog
from sakae_council.gui.dialogs.accounts_print import AccountsPrintDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.accounts import AccountsPage
from sakae_council.services import accounts, districts, grants
from sakae_council.services.accounts import BudgetLineInput, EntryInput
from sakae_council.services.projects import ProjectInput, create_project

from .helpers import answer_message_box, type_text
from .thread_guard import queries_off_gui_thread
from .waiting import wait_idle


def _books(db: Database) -> dict[str, int]:
    d = districts.create_district(
        db, districts.DistrictInput(name="安食小学校区", council_name="安食の会")
    ).id
    subjects = {s.name: s.id for s in accounts.ensure_starter_subjects(db, d)}
    b = accounts.open_book(db, d, 2026)
    b = accounts.set_opening_balances(db, b.id, 100_000, 100_000, b.version)
    accounts.set_budget(
        db,
        b.id,
        date(2026, 4, 10),
        [BudgetLineInput(subjects["会議費"], 50_000), BudgetLineInput(subjects["事業費"], 90_000)],
    )
    accounts.add_entry(db, b.id, EntryInput(date(2026, 4, 20), subjects["会費"], "会費 4月分", income=60_000))
    project = create_project(db, ProjectInput("ふれあいサロン", d)).id
    g = grants.create_grant(
        db,
        grants.GrantInput(
            project_id=project, fiscal_year=2026, scheme="公募制補助金", amount_requested=50_000
        ),
    )
    grants.change_grant_status(db, g.id, "reviewing", date(2026, 4, 30))
    grants.change_grant_status(db, g.id, "awarded", date(2026, 5, 10), amount_granted=40_000)
    return {"district": d, "book": b.id, "grant": g.id, **subjects}


def test_the_accounts_page_runs_no_query_on_the_gui_thread(
    qtbot: QtBot, ctx: AppContext, db: Database, window: MainWindow, tmp_path: Path
) -> None:
    ids = _books(db)
    csv = tmp_path / "meisai.csv"
    csv.write_bytes(
        "取引日,摘要,お預り金額,お支払金額,残高\n2026/11/02,振込 会費,3000,,3000\n".encode("cp932")
    )
    ctx.set_district(ids["district"])  # (the switcher's own reading is not the page's)
    wait_idle(qtbot)

    with queries_off_gui_thread(db):
        page = window.show_page("accounts")
        assert isinstance(page, AccountsPage)
        qtbot.waitUntil(lambda: page.book is not None)
        wait_idle(qtbot)
        assert page.cashbook.entries_model.rowCount() == 1

        # 記帳 with Ctrl+N: the editor's choices read, the entry linked to the grant, saved on the worker
        ctrl(window, Qt.Key.Key_N)
        entry = modal(qtbot, EntryDialog)
        choose(qtbot, entry.subject, "支出：事業費")
        type_text(qtbot, entry.description, "サロン 茶菓")
        type_text(qtbot, entry.amount, "4,000")
        choose_containing(qtbot, entry.grant, "公募制補助金")
        ctrl(entry, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not entry.isVisible())
        wait_idle(qtbot)
        assert page.cashbook.entries_model.rowCount() == 2

        # Enter edits it (read fresh), Esc closes
        back_to(qtbot, window)
        page.cashbook.select_where(lambda e: e.description == "サロン 茶菓")
        page.cashbook.table.setFocus()
        QTest.keyClick(page.cashbook.table, Qt.Key.Key_Return)
        closed_by_escape(qtbot, modal(qtbot, EntryDialog))

        # 振替, 実査, 月次確認, then 訂正 of the checked month's entry
        back_to(qtbot, window)
        click(page.cashbook.transfer_button)
        transfer = modal(qtbot, TransferDialog)
        type_text(qtbot, transfer.amount, "10000")
        ctrl(transfer, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not transfer.isVisible())
        back_to(qtbot, window)
        click(page.count_button)
        count = modal(qtbot, CashCountDialog)
        wait_idle(qtbot)
        count.counted.setFocus()
        type_text(qtbot, count.counted, count.book_balance.text())
        ctrl(count, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not count.isVisible())
        back_to(qtbot, window)
        click(page.cashbook.check_button)
        check = modal(qtbot, MonthCheckDialog)
        ctrl(check, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not check.isVisible())
        wait_idle(qtbot)
        back_to(qtbot, window)
        page.cashbook.select_where(lambda e: e.description == "会費 4月分")
        page.cashbook.table.setFocus()
        answer_message_box(qtbot, "訂正する…")
        QTest.keyClick(page.cashbook.table, Qt.Key.Key_Delete)
        from sakae_council.gui.dialogs.account_steps import CorrectionDialog

        correction = modal(qtbot, CorrectionDialog)
        type_text(qtbot, correction.reason, "金額の誤り")
        ctrl(correction, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not correction.isVisible())

        # 通帳CSVの取込
        back_to(qtbot, window)
        click(page.cashbook.import_button)
        importing = modal(qtbot, BankImportDialog)
        click(importing.path)
        type_text(qtbot, importing.path, str(csv))
        QTest.keyClick(importing.path, Qt.Key.Key_Return)
        wait_idle(qtbot)
        choose(qtbot, importing.table.cellWidget(0, SUBJECT), "収入：会費")
        ctrl(importing, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not importing.isVisible())

        # 予算: 補正, 科目の追加, 科目の修正
        back_to(qtbot, window)
        open_tab(page.tabs, "予算")
        wait_idle(qtbot)
        ctrl(window, Qt.Key.Key_N)
        budget = modal(qtbot, BudgetDialog)
        edit = budget.amounts[ids["会議費"]]
        edit.setFocus()
        edit.selectAll()
        type_text(qtbot, edit, "60000")
        type_text(qtbot, budget.reason, "会場費の値上がり")
        ctrl(budget, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not budget.isVisible())
        back_to(qtbot, window)
        click(page.budget.subject_button)
        adding = modal(qtbot, SubjectDialog)
        type_text(qtbot, adding.name, "防災訓練費")
        ctrl(adding, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not adding.isVisible())
        back_to(qtbot, window)
        click(page.budget.edit_subject_button)
        renaming = modal(qtbot, SubjectEditDialog)
        closed_by_escape(qtbot, renaming)

        # 集計: 補助金の精算 (recorded, its 収支精算書 previewed), 監査報告の文言
        back_to(qtbot, window)
        open_tab(page.tabs, "集計（予算と執行）")
        wait_idle(qtbot)
        click(page.use.grant_button)
        settling = modal(qtbot, GrantSettlementDialog)
        wait_idle(qtbot)
        click(settling.print_button)
        printer = modal(qtbot, AccountsPrintDialog)
        preview_ready(qtbot, printer)
        closed_by_escape(qtbot, printer)
        click(settling.save_button)
        qtbot.waitUntil(lambda: not settling.isVisible())
        back_to(qtbot, window)
        click(page.use.wording_button)
        wording = modal(qtbot, AuditWordingDialog)
        type_text(qtbot, wording.wording, "{year}の会計を監査しました。")
        ctrl(wording, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not wording.isVisible())

        # the print window from the page (another paper chosen: collected on the worker again)
        back_to(qtbot, window)
        click(page.print_button)
        papers = modal(qtbot, AccountsPrintDialog)
        preview_ready(qtbot, papers)
        choose_containing(qtbot, papers.document, "監査報告書")
        preview_ready(qtbot, papers)
        closed_by_escape(qtbot, papers)

        # 決算確定, then 決算の修正
        back_to(qtbot, window)
        answer_message_box(qtbot, "決算を確定する")
        click(page.close_button)
        qtbot.waitUntil(lambda: page.book is not None and page.book.is_closed)
        wait_idle(qtbot)
        click(page.revise_button)
        revision = modal(qtbot, CloseRevisionDialog)
        type_text(qtbot, revision.reason, "監査の指摘")
        choose(qtbot, revision.subject, "支出：会議費")
        type_text(qtbot, revision.description, "記帳漏れ")
        type_text(qtbot, revision.amount, "500")
        ctrl(revision, Qt.Key.Key_S)
        qtbot.waitUntil(lambda: not revision.isVisible())
        wait_idle(qtbot)
        assert "第1号修正" in page.state.text()

    # read back through the services (outside the guard)
    book = accounts.get_book(db, ids["book"])
    assert book.is_closed and [r.number for r in book.revisions] == [1]
    assert grants.get_grant(db, ids["grant"]).amount_spent == 4_000
    assert accounts.get_audit_wording(db, ids["district"]).wording == "{year}の会計を監査しました。"
    assert [r.number for r in accounts.list_budget_revisions(db, ids["book"])] == [0, 1]
