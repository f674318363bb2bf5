"""会計 — the words of a council's books: 科目の区分, 現金/預金, the state of a year's books."""

from __future__ import annotations

from sakae_council.domain.enums import LabeledEnum


class SubjectKind(LabeledEnum):
    """科目の区分: 収入の部 or 支出の部."""

    INCOME = "income", "収入"
    EXPENSE = "expense", "支出"


class CashAccount(LabeledEnum):
    """Where the money is: 現金 (the treasurer's cash box) or 預金 (the council's bank account)."""

    CASH = "cash", "現金"
    BANK = "bank", "預金"


class BookStatus(LabeledEnum):
    """A year's books: 執行中 until 決算確定 locks them."""

    OPEN = "open", "執行中"
    CLOSED = "closed", "決算確定"


class SubjectRole(LabeledEnum):
    """A 科目 the program itself fills or balances ('' for every other 科目)."""

    NONE = "", "—"
    CARRYOVER = "carryover", "前年度繰越金"  # filled from the previous year's 次年度繰越金
    RESERVE = "reserve", "予備費"


#: The starter set of 科目 every council begins with (and may edit): (kind, name, role).
STARTER_SUBJECTS: tuple[tuple[SubjectKind, str, SubjectRole], ...] = (
    (SubjectKind.INCOME, "前年度繰越金", SubjectRole.CARRYOVER),
    (SubjectKind.INCOME, "会費", SubjectRole.NONE),
    (SubjectKind.INCOME, "町交付金", SubjectRole.NONE),
    (SubjectKind.INCOME, "補助金", SubjectRole.NONE),
    (SubjectKind.INCOME, "事業収入", SubjectRole.NONE),
    (SubjectKind.INCOME, "寄付金", SubjectRole.NONE),
    (SubjectKind.INCOME, "雑収入", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "会議費", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "事業費", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "消耗品費", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "印刷製本費", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "通信運搬費", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "保険料", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "謝礼", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "補助金返還金", SubjectRole.NONE),
    (SubjectKind.EXPENSE, "予備費", SubjectRole.RESERVE),
)
