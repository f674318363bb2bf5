"""The 会計 page's screens for what the books' services do: 通帳CSVの取込, 決算の修正, 補助金の収支精算, 科目の修正
(rename, 使わない), an entry linked to a 協働事業 and a grant, and the council's own 監査報告の文言 on the
監査報告書 — each driven with keys and clicks, closed by Esc or the window's ×, read back through the services
and, where it prints, from the PDF. Screenshots at 中 and 特大 go under tmp_path/shots."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from journeys.steps import (
    choose,
    choose_containing,
    click,
    click_row,
    closed_by_escape,
    closed_by_window_button,
    ctrl,
    flat,
    modal,
    open_tab,
    pdf_text,
    preview_ready,
)
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QStyle, QWidget
from pytestqt.qtbot import QtBot

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount
from sakae_council.gui.context import AppContext
from sakae_council.gui.dialogs.account_budget import SubjectEditDialog
from sakae_council.gui.dialogs.account_closing import (
    AuditWordingDialog,
    CloseRevisionDialog,
    GrantSettlementDialog,
)
from sakae_council.gui.dialogs.account_entry import EntryDialog
from sakae_council.gui.dialogs.account_import import CHECK, SUBJECT, BankImportDialog
from sakae_council.gui.dialogs.accounts_print import AccountsPrintDialog
from sakae_council.gui.main_window import MainWindow
from sakae_council.gui.pages.accounts import AccountsPage
from sakae_council.services import accounts, districts, grants
from sakae_council.services.accounts import BudgetLineInput, EntryInput
from sakae_council.services.projects import ProjectInput, create_project

from ..helpers import answer_message_box, type_text
from ..shown_pages import shown_accounts_page
from ..waiting import wait_idle

COUNCIL = "安食小学校区地域まちづくり協議会"

#: A bank's statement as its site gives it: two title rows, then the header, then the lines.
STATEMENT = (
    "普通預金 入出金明細\r\n"
    "口座番号,1234567\r\n"
    "取引日,摘要,お預り金額,お支払金額,残高\r\n"
    '2026/11/02,ｶｲﾋ ﾀﾅｶ <A&B>,"3,000",,"203,000"\r\n'
    '2026/11/05,振込 髙橋商店,,"1,280","201,720"\r\n'
    "2026/11/10,手数料,,110,201610\r\n"
    "2027/05/01,翌年度の払出,,100,201510\r\n"
    "2026/11/12,壊れた行,abc,,\r\n"
    "2026/11/13,大きすぎる額,99999999999,,\r\n"
)


@pytest.fixture()
def book(db: Database) -> dict[str, int]:
    d = districts.create_district(db, districts.DistrictInput(name="安食小学校区", council_name=COUNCIL)).id
    subjects = {s.name: s.id for s in accounts.ensure_starter_subjects(db, d)}
    b = accounts.open_book(db, d, 2026)
    accounts.set_opening_balances(db, b.id, 20_000, 200_000, b.version)
    accounts.set_budget(
        db,
        b.id,
        date(2026, 4, 10),
        [
            BudgetLineInput(subjects[name], amount)
            for name, amount in (
                ("会費", 100_000),
                ("事業費", 90_000),
                ("会議費", 50_000),
                ("通信運搬費", 10_000),
            )
        ],
    )
    accounts.add_entry(db, b.id, EntryInput(date(2026, 4, 20), subjects["会費"], "会費 4月分", income=60_000))
    accounts.add_entry(db, b.id, EntryInput(date(2026, 11, 2), subjects["会議費"], "お茶代", expense=1_200))
    return {"district": d, "book": b.id, **subjects}


@pytest.fixture()
def page(book: dict[str, int], window: MainWindow, qtbot: QtBot) -> AccountsPage:
    return shown_accounts_page(window, qtbot, book["district"])


def _tick(box: QCheckBox) -> None:
    """A click on the check box's square (the row may be wider than the box and its words)."""
    click(
        box, QPoint(box.style().pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) // 2 + 2, box.height() // 2)
    )


def _write(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def _open_import(qtbot: QtBot, page: AccountsPage) -> BankImportDialog:
    click(page.cashbook.import_button)
    return modal(qtbot, BankImportDialog)


def _read(qtbot: QtBot, dialog: BankImportDialog, path: Path | str) -> None:
    click(dialog.path)
    dialog.path.selectAll()
    type_text(qtbot, dialog.path, str(path))
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)  # Enter reads the file until one is read
    wait_idle(qtbot)


# --- 通帳CSVの取込 ----------------------------------------------------------------------------------------


def test_a_cp932_statement_is_read_confirmed_in_part_and_remembered(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database, tmp_path: Path
) -> None:
    csv = _write(tmp_path / "meisai.csv", STATEMENT, "cp932")
    dialog = _open_import(qtbot, page)
    _read(qtbot, dialog, csv)
    assert dialog.general_error.message() == ""
    assert dialog.table.rowCount() == 3 and "3件の明細" in dialog.summary.text()
    problems = dialog.problems.message()
    assert "令和8年度の外" in problems and "読めません" in problems and "大きすぎます" in problems
    assert dialog.table.item(0, 2).text() == "カイヒ タナカ <A&B>"  # 半角カナ folded, < and & as typed

    # every line needs its 科目: 取り込む without one names the line
    ctrl(dialog, Qt.Key.Key_S)
    wait_idle(qtbot)
    assert dialog.isVisible() and "科目を選んでください" in dialog.general_error.message()
    choose(qtbot, dialog.table.cellWidget(0, SUBJECT), "収入：会費")
    choose(qtbot, dialog.table.cellWidget(1, SUBJECT), "支出：消耗品費")
    # the bank's fee is left out: its row chosen, Space takes the mark off
    click_row(dialog.table, 2, CHECK)
    QTest.keyClick(dialog.table, Qt.Key.Key_Space)
    assert dialog.table.item(2, CHECK).checkState() == Qt.CheckState.Unchecked
    ctrl(dialog, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    bank = [e for e in accounts.list_entries(db, book["book"]) if e.account is CashAccount.BANK]
    assert [(e.entry_date, e.description, e.income, e.expense, e.subject_id) for e in bank] == [
        (date(2026, 11, 2), "カイヒ タナカ <A&B>", 3_000, 0, book["会費"]),
        (date(2026, 11, 5), "振込 髙橋商店", 0, 1_280, book["消耗品費"]),
    ]
    assert accounts.saved_mapping(db, book["district"]) is not None
    wait_idle(qtbot)
    assert "預金残高 ¥201,720" in page.balances.text()

    # the same file again: the columns remembered, the two lines shown as 取込済み and not offered
    again = _open_import(qtbot, page)
    _read(qtbot, again, csv)
    assert "前回の列の割り当て" in again.mapping_note.text() and "うち取込済み 2件" in again.summary.text()
    assert again.table.item(0, CHECK).text() == "取込済み"
    asked = answer_message_box(qtbot, "保存せずに閉じる")  # a file's name was typed: Esc asks first
    QTest.keyClick(again.focusWidget() or again, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert asked and "保存していない変更" in asked[0]


def test_broken_empty_and_unknown_files_say_what_to_do(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database, tmp_path: Path
) -> None:
    dialog = _open_import(qtbot, page)
    QTest.keyClick(dialog.path, Qt.Key.Key_Return)
    wait_idle(qtbot)
    assert "ファイルを選んでください" in dialog.general_error.message()
    _read(qtbot, dialog, tmp_path / "ない.csv")
    assert "見つかりません" in dialog.general_error.message()
    _read(qtbot, dialog, _write(tmp_path / "empty.csv", "", "utf-8"))
    assert "明細の行がありません" in dialog.general_error.message()
    garbage = tmp_path / "broken.csv"
    garbage.write_bytes(b"\x82\xa0\xff\xfe\x80\x81,\xff\xff\n" * 5)
    _read(qtbot, dialog, garbage)
    assert "文字コードを判別できません" in dialog.general_error.message()
    assert dialog.table.rowCount() == 0 and not dialog.save_button.isEnabled()

    # headings the program does not know: the columns are chosen by hand, then read again
    odd = _write(
        tmp_path / "odd.csv", "Date,Memo,In,Out,Bal\n2026-11-20,ＡＴＭ　入金,５，０００,,205000\n", "utf-8"
    )
    _read(qtbot, dialog, odd)
    assert "列の割り当て" in dialog.general_error.message()
    choose(qtbot, dialog.columns["date"], "1列目「Date」")
    choose(qtbot, dialog.columns["description"], "2列目「Memo」")
    choose(qtbot, dialog.columns["deposit"], "3列目「In」")
    click(dialog.reread_button)
    wait_idle(qtbot)
    assert "お支払の列" in dialog.general_error.message()  # one still missing: said, nothing read
    choose(qtbot, dialog.columns["withdrawal"], "4列目「Out」")
    click(dialog.reread_button)
    wait_idle(qtbot)
    assert dialog.general_error.message() == "" and dialog.table.rowCount() == 1
    assert dialog.table.item(0, 3).text() == "¥5,000"  # 全角 digits read
    choose(qtbot, dialog.table.cellWidget(0, SUBJECT), "収入：雑収入")
    # a 科目 chosen by hand would be lost: the window's × asks, and 戻る keeps it open
    asked = answer_message_box(qtbot, "戻る")
    handle = dialog.windowHandle()
    assert handle is not None
    handle.close()
    qtbot.waitUntil(lambda: bool(asked))
    assert dialog.isVisible()
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    made = [e for e in accounts.list_entries(db, book["book"]) if e.account is CashAccount.BANK]
    assert [(e.description, e.income) for e in made] == [("ATM 入金", 5_000)]
    assert accounts.saved_mapping(db, book["district"]).date == 0  # the columns chosen by hand, kept


# --- 決算の修正 --------------------------------------------------------------------------------------------


def test_a_closed_year_is_revised_with_a_reason_and_its_number_shows(
    qtbot: QtBot, page: AccountsPage, ctx: AppContext, book: dict[str, int], db: Database, tmp_path: Path
) -> None:
    accounts.close_year(db, book["book"], date(2027, 4, 20))  # set-up: the year was closed
    ctx.notify("accounts")
    wait_idle(qtbot)
    assert page.revise_button.isVisible() and not page.close_button.isVisible()
    click(page.revise_button)
    dialog = modal(qtbot, CloseRevisionDialog)
    assert dialog.windowTitle() == "決算の修正（第1号）"
    ctrl(dialog, Qt.Key.Key_S)
    wait_idle(qtbot)
    assert "理由" in dialog.form.error_text("reason")
    type_text(qtbot, dialog.reason, "監査で3月の通信費＆切手代の記帳漏れ<2件>が見つかった")
    choose(qtbot, dialog.subject, "支出：通信運搬費")
    type_text(qtbot, dialog.description, "切手代 <82円×10> & はがき")
    type_text(qtbot, dialog.amount, "99999999999")
    ctrl(dialog, Qt.Key.Key_S)
    wait_idle(qtbot)
    assert dialog.isVisible() and dialog.form.error_text("amount")
    assert not accounts.get_book(db, book["book"]).revisions  # nothing half-written
    dialog.amount.selectAll()
    type_text(qtbot, dialog.amount, "１，６２０円")
    choose_containing(qtbot, dialog.cancel_entry, "お茶代")
    ctrl(dialog, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    revised = accounts.get_book(db, book["book"])
    (revision,) = revised.revisions
    assert revision.number == 1 and revision.reason.startswith("監査で3月の通信費&切手代")  # 全角＆ folded
    assert revision.carryover_before - revision.carryover_after == 1_620 - 1_200
    entries = accounts.list_entries(db, book["book"])
    assert any(e.description == "切手代 <82円×10> & はがき" and e.expense == 1_620 for e in entries)
    assert next(e for e in entries if e.description == "お茶代").cancelled_by_voucher_no is not None
    wait_idle(qtbot)
    assert "第1号修正" in page.state.text()

    # the printed 収支決算書 names the revision and carries the new figure
    page.tabs.setCurrentWidget(page.use)
    click(page.print_button)
    printer = modal(qtbot, AccountsPrintDialog)
    preview_ready(qtbot, printer)
    assert printer.pdf_path is not None
    text = flat(pdf_text(printer.pdf_path))
    assert "収支決算書（第1号修正後）" in text and "1,620" in text
    closed_by_window_button(qtbot, printer)


# --- 科目の修正 --------------------------------------------------------------------------------------------


def test_a_subject_is_renamed_and_retired_but_old_entries_keep_it(
    qtbot: QtBot, page: AccountsPage, window: MainWindow, book: dict[str, int], db: Database, tmp_path: Path
) -> None:
    budget = open_tab(page.tabs, "予算")
    wait_idle(qtbot)
    row = next(i for i, r in enumerate(page.budget.budget_model.rows()) if r.subject_id == book["会議費"])
    click_row(page.budget.table, row)
    click(page.budget.edit_subject_button)
    dialog = modal(qtbot, SubjectEditDialog)
    assert budget is page.budget and dialog.name.text() == "会議費"
    click(dialog.name)
    dialog.name.selectAll()
    QTest.keyClick(dialog.name, Qt.Key.Key_Delete)
    ctrl(dialog, Qt.Key.Key_S)
    wait_idle(qtbot)
    assert "科目名" in dialog.form.error_text("name")
    type_text(qtbot, dialog.name, "会議費（役員会・𠮷野家 <茶菓> & 弁当）")
    _tick(dialog.active)  # 使わない
    assert not dialog.active.isChecked()
    ctrl(dialog, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not dialog.isVisible())

    subject = next(
        s
        for s in accounts.list_subjects(db, book["district"], include_inactive=True)
        if s.id == book["会議費"]
    )
    assert subject.name == "会議費（役員会・𠮷野家 <茶菓> & 弁当）" and not subject.active
    old = next(e for e in accounts.list_entries(db, book["book"]) if e.description == "お茶代")
    assert old.subject_id == book["会議費"] and "𠮷野家" in old.subject_name  # the old entry keeps it

    # a new entry is not offered the retired 科目; editing the old one still shows it
    open_tab(page.tabs, "出納帳")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl(window, Qt.Key.Key_N)
    entry = modal(qtbot, EntryDialog)
    assert book["会議費"] not in entry.subject.values()
    closed_by_escape(qtbot, entry)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.cashbook.select_where(lambda e: e.description == "お茶代")
    wait_idle(qtbot)
    page.cashbook.table.setFocus()
    QTest.keyClick(page.cashbook.table, Qt.Key.Key_Return)
    editing = modal(qtbot, EntryDialog)
    assert editing.subject.value() == book["会議費"]
    closed_by_window_button(qtbot, editing)

    # and it can be taken back into use
    open_tab(page.tabs, "予算")
    click(page.budget.edit_subject_button)
    again = modal(qtbot, SubjectEditDialog)
    choose_containing(qtbot, again.subject, "（使わない）")
    assert not again.active.isChecked()
    _tick(again.active)
    click(again.save_button)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert any(s.id == book["会議費"] for s in accounts.list_subjects(db, book["district"]))


# --- an entry linked to a 協働事業 and a grant; the grant's 収支精算 ------------------------------------------


@pytest.fixture()
def grant(db: Database, book: dict[str, int]) -> dict[str, int]:
    project = create_project(db, ProjectInput("ふれあいサロン <春> & 夏", book["district"])).id
    other = create_project(db, ProjectInput("防犯パトロール", book["district"])).id
    g = grants.create_grant(
        db,
        grants.GrantInput(
            project_id=project, fiscal_year=2026, scheme="公募制補助金", amount_requested=100_000
        ),
    )
    grants.change_grant_status(db, g.id, "reviewing", date(2026, 4, 30))
    grants.change_grant_status(db, g.id, "awarded", date(2026, 5, 10), amount_granted=80_000)
    accounts.add_entry(
        db,
        book["book"],
        EntryInput(date(2026, 5, 20), book["補助金"], "公募制補助金", 80_000, 0, "bank", grant_id=g.id),
    )
    return {"project": project, "other": other, "grant": g.id}


def test_an_entry_is_linked_to_a_project_and_a_grant_then_the_grant_is_settled(
    qtbot: QtBot,
    page: AccountsPage,
    window: MainWindow,
    book: dict[str, int],
    grant: dict[str, int],
    db: Database,
    tmp_path: Path,
) -> None:
    ctrl(window, Qt.Key.Key_N)
    entry = modal(qtbot, EntryDialog)
    choose(qtbot, entry.subject, "支出：事業費")
    type_text(qtbot, entry.description, "サロン 講師謝礼")
    type_text(qtbot, entry.amount, "30000")
    choose(qtbot, entry.project, "防犯パトロール")
    choose_containing(qtbot, entry.grant, "公募制補助金")
    ctrl(entry, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not entry.isVisible())
    saved = next(e for e in accounts.list_entries(db, book["book"]) if e.description == "サロン 講師謝礼")
    assert (saved.project_id, saved.grant_id) == (grant["other"], grant["grant"])

    # another entry: choosing the grant chooses its 事業
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    ctrl(window, Qt.Key.Key_N)
    second = modal(qtbot, EntryDialog)
    type_text(qtbot, second.description, "サロン 茶菓")
    type_text(qtbot, second.amount, "4,000")
    choose_containing(qtbot, second.grant, "公募制補助金")
    assert second.project.value() == grant["project"]
    ctrl(second, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not second.isVisible())
    tea = next(e for e in accounts.list_entries(db, book["book"]) if e.description == "サロン 茶菓")
    assert tea.project_title == "ふれあいサロン <春> & 夏"

    open_tab(page.tabs, "集計（予算と執行）")
    click(page.use.grant_button)
    dialog = modal(qtbot, GrantSettlementDialog)
    wait_idle(qtbot)
    assert dialog.figures["granted"].text() == "¥80,000"
    assert dialog.figures["spent"].text() == "¥34,000"
    assert dialog.figures["return_due"].text() == "¥46,000"
    assert dialog.figures["recorded"].text() == "（未記録）"
    assert "まだ補助金の記録にありません" in dialog.problems.message()
    click(dialog.save_button)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert grants.get_grant(db, grant["grant"]).amount_spent == 34_000

    # printed from the same window: the 収支精算書 with the figures the window showed
    click(page.use.grant_button)
    again = modal(qtbot, GrantSettlementDialog)
    wait_idle(qtbot)
    assert "一致しています" in again.agreement.text() and again.problems.message() == ""
    click(again.print_button)
    printer = modal(qtbot, AccountsPrintDialog)
    preview_ready(qtbot, printer)
    assert printer.pdf_path is not None
    text = flat(pdf_text(printer.pdf_path))
    assert "収支精算書" in text and "80,000" in text and "34,000" in text and "46,000" in text
    closed_by_escape(qtbot, printer)
    closed_by_escape(qtbot, again)


# --- 監査報告の文言 ----------------------------------------------------------------------------------------


def test_the_councils_own_audit_wording_is_printed(
    qtbot: QtBot, page: AccountsPage, book: dict[str, int], db: Database, tmp_path: Path
) -> None:
    open_tab(page.tabs, "集計（予算と執行）")
    click(page.use.wording_button)
    dialog = modal(qtbot, AuditWordingDialog)
    assert dialog.wording.text() == "" and "適正に処理されている" in dialog.wording.placeholderText()
    type_text(
        qtbot,
        dialog.wording,
        "{year}の会計を帳簿・通帳・領収書＜原本＞と照合し、A&B両名で監査しました。誤りはありません。",
    )
    ctrl(dialog, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    wording = accounts.get_audit_wording(db, book["district"]).wording
    assert wording.startswith("{year}の会計を帳簿")

    click(page.print_button)
    printer = modal(qtbot, AccountsPrintDialog)
    choose_containing(qtbot, printer.document, "監査報告書")
    preview_ready(qtbot, printer)
    assert printer.pdf_path is not None
    text = flat(pdf_text(printer.pdf_path))
    assert (
        flat("令和8年度の会計を帳簿・通帳・領収書＜原本＞と照合し、A&B両名で監査しました。誤りはありません。")
        in text
    )
    assert "適正に処理されていることを認めます" not in text
    import shutil

    shutil.copyfile(printer.pdf_path, tmp_path / "audit.pdf")  # to look at
    closed_by_escape(qtbot, printer)

    # unbalanced braces are refused with what to write; 標準の文言に戻す goes back to the standard
    click(page.use.wording_button)
    again = modal(qtbot, AuditWordingDialog)
    click(again.wording)
    type_text(qtbot, again.wording, "{period")
    ctrl(again, Qt.Key.Key_S)
    wait_idle(qtbot)
    assert "{year}" in again.form.error_text("wording")
    click(again.findChild(QWidget, "standardWordingButton"))
    assert again.wording.text() == ""
    ctrl(again, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: not again.isVisible())
    assert accounts.get_audit_wording(db, book["district"]).wording == ""
