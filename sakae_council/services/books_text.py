"""The books (services.accounts) as text in the pack's format, for the 総会議案書 and the 引継ぎ資料.

The pack's text format: a line starting 「■」 is a heading, lines split by 「｜」 make a table (the first
such line is its head), any other line is a paragraph. The figures are the services' own (the same
statements the 収支決算書 and 収支予算書 print), so the pack and the account papers cannot disagree.
"""

from __future__ import annotations

from datetime import date

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount, SubjectKind
from sakae_council.domain.money import format_yen
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label, to_wareki
from sakae_council.services import accounts
from sakae_council.services.accounts.dto import StatementDTO, StatementRow

AUDIT_SENTENCE = "監事による監査の結果は、別紙「監査報告書」のとおりです。"


def _label(row: StatementRow) -> str:
    return f"　{row.label}" if row.is_detail else row.label


def _table(
    head: str, rows: tuple[StatementRow, ...], total: tuple[int, int, int], *, budget: bool
) -> list[str]:
    lines = [head]
    for r in rows:
        first, second = (r.budget, r.previous) if budget else (r.budget, r.actual)
        lines.append(f"{_label(r)}｜{format_yen(first)}｜{format_yen(second)}｜{_signed(r.difference)}")
    lines.append(f"合計｜{format_yen(total[0])}｜{format_yen(total[1])}｜{_signed(total[2])}")
    return lines


def _signed(n: int) -> str:
    return f"△{format_yen(-n)}" if n < 0 else format_yen(n)


def settlement_text(db: Database, district_id: int, fy: int) -> str | None:
    """第2号議案 収支決算報告・監査報告: the year's 収支決算書 figures; None when the year has no books."""
    book = accounts.find_book(db, district_id, fy)
    if book is None:
        return None
    st = accounts.settlement_statement(db, book.id)
    return "\n".join(_settlement_lines(st))


def _settlement_lines(st: StatementDTO) -> list[str]:
    state = (
        f"{to_wareki(st.closed_on)}に決算を確定しました。"
        if st.closed and st.closed_on
        else "決算は未確定のため、見込みの数字です。"
    )
    lines = [f"{st.fiscal_year_label}の収支決算を次のとおり報告します。{state}", ""]
    head = "科目｜予算額｜決算額｜増減"
    lines.append("■ 収入の部")
    lines += _table(
        head,
        st.income_rows,
        (st.income_budget_total, st.income_actual_total, st.income_actual_total - st.income_budget_total),
        budget=False,
    )
    lines.append("■ 支出の部")
    lines += _table(
        head,
        st.expense_rows,
        (st.expense_budget_total, st.expense_actual_total, st.expense_actual_total - st.expense_budget_total),
        budget=False,
    )
    lines.append("■ 差引")
    lines.append(
        f"収入合計 {format_yen(st.income_actual_total)} − 支出合計 {format_yen(st.expense_actual_total)}"
        f" ＝ 次年度繰越金 {format_yen(st.carryover)}"
        f"（うち現金 {format_yen(st.closing_cash)}、預金 {format_yen(st.closing_bank)}）"
    )
    lines.append("■ 監査報告")
    lines.append(AUDIT_SENTENCE)
    return lines


def budget_text(db: Database, district_id: int, fy: int) -> str | None:
    """第5号議案 収支予算（案）: the 年度 ``fy``'s 収支予算書 figures; None when that year has no book or
    no budget yet."""
    book = accounts.find_book(db, district_id, fy)
    if book is None or not accounts.list_budget_revisions(db, book.id):
        return None
    st = accounts.budget_statement(db, book.id)
    head = "科目｜本年度予算額｜前年度予算額｜増減"
    lines = [f"{st.fiscal_year_label}の収支予算（案）は次のとおりです。", "", "■ 収入の部"]
    lines += _table(
        head,
        st.income_rows,
        (st.income_budget_total, st.income_previous_total, st.income_budget_total - st.income_previous_total),
        budget=True,
    )
    lines.append("■ 支出の部")
    lines += _table(
        head,
        st.expense_rows,
        (
            st.expense_budget_total,
            st.expense_previous_total,
            st.expense_budget_total - st.expense_previous_total,
        ),
        budget=True,
    )
    return "\n".join(lines)


def budget_form_text(db: Database, district_id: int, fy: int) -> str:
    """第5号議案 while the 年度 ``fy`` has no 収支予算 in the program: what a council prints then.

    With this year's books (``fy`` - 1), the 収支予算書 form to be filled in: each 科目 with its 前年度予算額,
    the 本年度予算額 and 増減 blank for the 会計 to write in; without any books, the budget is a separate paper
    (別紙), as a council keeping its books on paper prints it."""
    label = fiscal_year_label(fy)
    book = accounts.find_book(db, district_id, fy - 1)
    if book is None:
        return f"{label}の収支予算（案）は、別紙「収支予算書（案）」のとおりです。"
    st = accounts.budget_statement(db, book.id)
    head = "科目｜本年度予算額｜前年度予算額｜増減"
    lines = [f"{label}の収支予算（案）は次のとおりです。", "", "■ 収入の部"]
    lines += _form(head, st.income_rows, st.income_budget_total)
    lines.append("■ 支出の部")
    lines += _form(head, st.expense_rows, st.expense_budget_total)
    return "\n".join(lines)


def _form(head: str, rows: tuple[StatementRow, ...], previous_total: int) -> list[str]:
    # 本年度予算額 and 増減 blank (a full-width space: the cell is drawn, empty, to be written in).
    blank = "\u3000"
    lines = [head] + [f"{_label(r)}｜{blank}｜{format_yen(r.budget)}｜{blank}" for r in rows]
    return [*lines, f"合計｜{blank}｜{format_yen(previous_total)}｜{blank}"]


def settlement_paper_text(fy: int) -> str:
    """第2号議案 while the 年度 ``fy`` has no books in the program: the 収支決算書 is a separate paper (別紙)."""
    return f"{fiscal_year_label(fy)}の収支決算は、別紙「収支決算書」のとおりです。{AUDIT_SENTENCE}"


def balances_text(db: Database, district_id: int, on: date) -> str | None:
    """引継ぎ資料: the 年度's balances on ``on`` and the 科目 in use; None when the council keeps no books."""
    fy = fiscal_year(on)
    book = accounts.find_book(db, district_id, fy)
    if book is None:
        return None
    names = {CashAccount.CASH: "現金", CashAccount.BANK: "預金"}
    lines = [
        f"■ {fiscal_year_label(fy)}の残高（{to_wareki(on)}現在・{'決算確定' if book.is_closed else '記帳中'}）",
        "口座｜前年度繰越｜収入｜支出｜残高",
    ]
    for b in accounts.balances(db, book.id, as_of=on):
        lines.append(
            f"{names.get(b.account, str(b.account))}｜{format_yen(b.opening)}｜{format_yen(b.income)}"
            f"｜{format_yen(b.expense)}｜{format_yen(b.closing)}"
        )
    subjects = [s for s in accounts.list_subjects(db, district_id) if s.parent_id is None]
    lines.append("■ 使っている科目")
    for kind, title in ((SubjectKind.INCOME, "収入"), (SubjectKind.EXPENSE, "支出")):
        lines.append(f"{title}: " + "、".join(s.name for s in subjects if s.kind is kind))
    return "\n".join(lines)
