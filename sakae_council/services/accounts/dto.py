"""会計 — the frozen DTOs and inputs of the books' services (the contract the 会計 page and papers use).

Amounts are whole yen (int, 0…2,147,483,647 when stored). Inputs accept an amount as an int or as the text
a person typed (12000, １２，０００, 12,000円); the services read it with ``domain.money.parse_amount``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sakae_council.domain.accounts import BookStatus, CashAccount, SubjectKind, SubjectRole
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import format_yen

# --- inputs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectInput:
    """A 科目 (parent_id None) or a 細目 under the 科目 ``parent_id``; kind follows the parent for a 細目."""

    kind: SubjectKind | str
    name: str
    parent_id: int | None = None
    display_order: int = 0
    active: bool = True
    notes: str = ""


@dataclass(frozen=True)
class EntryInput:
    """One 出納帳 line as typed. Exactly one of ``income``/``expense`` is non-zero (both 0 is allowed).

    ``subject_id`` None is only for 振替 (use :func:`add_transfer`). ``overspend_reason``: why the council
    spends past the 科目's budget — required only when the entry would overspend (else OverspendWarning).
    """

    entry_date: date
    subject_id: int | None
    description: str
    income: int | str = 0
    expense: int | str = 0
    account: CashAccount | str = CashAccount.CASH
    counterparty: str = ""
    project_id: int | None = None
    grant_id: int | None = None
    overspend_reason: str = ""
    notes: str = ""


@dataclass(frozen=True)
class BudgetLineInput:
    """The amount a budget (当初 or 補正) sets for one 科目/細目."""

    subject_id: int
    amount: int | str


@dataclass(frozen=True)
class CashCountInput:
    """現金・預金の実査: what the treasurer counted on a day; ``explanation`` is required when it differs."""

    counted_on: date
    account: CashAccount | str
    counted: int | str
    explanation: str = ""


@dataclass(frozen=True)
class ColumnMapping:
    """How a bank statement CSV is read: 0-based column numbers of each field, and the header row.

    ``header_row`` is the 0-based index of the header line among the file's non-blank rows (title rows
    above it are skipped); rows below it are statement lines. ``balance``/``description2`` may be None.
    """

    date: int
    description: int
    deposit: int  # 預入 / お預り金額 → 収入
    withdrawal: int  # 払出 / お支払金額 → 支出
    balance: int | None = None
    header_row: int = 0
    #: A second text column appended to 摘要 (some banks split 摘要 and 取引先).
    counterparty: int | None = None


# --- results --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SubjectDTO:
    """科目 or 細目 of one council (the same row across years)."""

    id: int
    version: int
    district_id: int
    kind: SubjectKind
    name: str
    parent_id: int | None
    parent_name: str
    role: SubjectRole
    display_order: int
    active: bool
    notes: str

    @property
    def label(self) -> str:
        """「事業費／ふれあい祭り」 for a 細目, the name for a 科目."""
        return f"{self.parent_name}／{self.name}" if self.parent_id is not None else self.name

    @property
    def is_detail(self) -> bool:
        """True for a 細目."""
        return self.parent_id is not None


@dataclass(frozen=True)
class MonthCheckDTO:
    """月次確認 of one month (``month_start`` = its first day)."""

    month_start: date
    checked_on: date
    checked_by: str


@dataclass(frozen=True)
class CloseRevisionDTO:
    """決算の修正 — a numbered correction of a closed year, with its reason."""

    number: int
    reason: str
    made_on: date
    made_by: str
    carryover_before: int
    carryover_after: int


@dataclass(frozen=True)
class BookDTO:
    """One council's books for one 年度."""

    id: int
    version: int
    district_id: int
    district_name: str
    council_name: str
    fiscal_year: int
    fiscal_year_label: str  # 令和8年度
    status: BookStatus
    opening_cash: int
    opening_bank: int
    last_voucher_no: int
    closed_on: date | None
    closed_by: str
    #: 次年度繰越金 fixed at 決算確定 (and after each revision); None while open.
    carryover: int | None
    checked_months: tuple[MonthCheckDTO, ...] = ()
    revisions: tuple[CloseRevisionDTO, ...] = ()

    @property
    def is_closed(self) -> bool:
        return self.status is BookStatus.CLOSED

    @property
    def opening_total(self) -> int:
        """前年度繰越金: 現金 + 預金 at the start of the year."""
        return self.opening_cash + self.opening_bank


@dataclass(frozen=True)
class EntryDTO:
    """One 出納帳 line, with its account's running balance after it (``balance``)."""

    id: int
    version: int
    book_id: int
    voucher_no: int
    entry_date: date
    subject_id: int | None
    subject_name: str  # the label (科目／細目); 「振替」 for a transfer
    subject_kind: SubjectKind | None
    description: str
    income: int
    expense: int
    account: CashAccount
    counterparty: str
    project_id: int | None
    project_title: str
    grant_id: int | None
    cancels_id: int | None
    #: 証憑番号 of the entry this 訂正 cancels / of the 訂正 that cancels this entry (None: none).
    cancels_voucher_no: int | None
    cancelled_by_voucher_no: int | None
    overspend_reason: str
    close_revision_no: int | None
    import_ref: str
    notes: str
    #: Running balance of ``account`` after this entry (in 出納帳 order: date, then 証憑番号).
    balance: int
    #: The month is checked (月次確認) or the year closed: only a 訂正 can undo this entry.
    locked: bool

    @property
    def is_correction(self) -> bool:
        """A 訂正 entry (counts negatively)."""
        return self.cancels_id is not None

    @property
    def is_transfer(self) -> bool:
        return self.subject_id is None

    @property
    def net_income(self) -> int:
        """What this line adds to its account: income − expense, negated for a 訂正."""
        value = self.income - self.expense
        return -value if self.cancels_id is not None else value


@dataclass(frozen=True)
class BalanceDTO:
    """One account over a period: 前年度繰越 + 収入 − 支出 = 残高 (訂正 already netted in)."""

    account: CashAccount
    opening: int
    income: int
    expense: int
    closing: int


@dataclass(frozen=True)
class BudgetLineDTO:
    subject_id: int
    subject_label: str
    kind: SubjectKind
    amount: int


@dataclass(frozen=True)
class BudgetRevisionDTO:
    """当初予算 (number 0) or 第n号補正予算, with the amounts it set."""

    id: int
    version: int
    book_id: int
    number: int
    decided_on: date
    reason: str
    lines: tuple[BudgetLineDTO, ...]

    @property
    def title(self) -> str:
        return "当初予算" if self.number == 0 else f"第{self.number}号補正予算"


@dataclass(frozen=True)
class BudgetUseRow:
    """予算 vs 執行 for one 科目/細目 (a 科目's row includes its 細目' entries and budgets)."""

    subject_id: int
    label: str
    kind: SubjectKind
    is_detail: bool
    original: int  # 当初予算額
    budget: int  # 予算現額 (after every 補正)
    executed: int  # 収入済額 / 支出済額 (訂正 netted)
    remaining: int  # budget − executed (negative: over)

    @property
    def over(self) -> bool:
        """Spending past the budget (支出の部 only)."""
        return self.kind is SubjectKind.EXPENSE and self.executed > self.budget


@dataclass(frozen=True)
class OverspendDTO:
    """What an expense would do to its 科目: budget, spent so far, this entry, and how far over."""

    subject_id: int
    subject_label: str
    budget: int
    executed: int
    this_entry: int
    over_by: int

    def message(self) -> str:
        return msg(
            "この支出で「{subject}」の予算（{budget}）を{over}超えます（支出済 {executed}、今回 {this}）。"
            "協議会で決めた支出であれば、理由を入力して登録してください。",
            subject=self.subject_label,
            budget=format_yen(self.budget),
            over=format_yen(self.over_by),
            executed=format_yen(self.executed),
            this=format_yen(self.this_entry),
        )


class OverspendWarning(ValidationError):
    """An expense would overspend its 科目 and no reason was given: ask, then save again with the reason.

    A warning, not a refusal: the same entry with ``overspend_reason`` filled in is recorded.
    """

    def __init__(self, warning: OverspendDTO) -> None:
        super().__init__("overspend_reason", warning.message())
        self.warning = warning


@dataclass(frozen=True)
class CashCountDTO:
    """現金・預金の実査 against the book: 差異 = counted − book_balance (0, or explained)."""

    id: int
    version: int
    book_id: int
    counted_on: date
    account: CashAccount
    counted: int
    book_balance: int
    explanation: str
    counted_by: str

    @property
    def difference(self) -> int:
        return self.counted - self.book_balance


@dataclass(frozen=True)
class StatementRow:
    """A line of the 収支予算書 / 収支決算書.

    In a settlement (決算書): ``budget`` 予算額 (after 補正), ``actual`` 決算額, ``difference`` = actual − budget.
    In a budget statement (予算書): ``budget`` 本年度予算額, ``previous`` 前年度予算額 (0 if none),
    ``difference`` = budget − previous; ``actual`` is 0.
    """

    subject_id: int
    label: str
    kind: SubjectKind
    is_detail: bool
    budget: int
    actual: int
    previous: int
    difference: int
    note: str = ""


@dataclass(frozen=True)
class StatementDTO:
    """収支予算書 (``kind`` "budget") or 収支決算書 (``kind`` "settlement") figures of one book.

    Totals count 科目 rows only (a 細目 is already inside its 科目). ``carryover`` 次年度繰越金 =
    収入合計 − 支出合計 of the settlement's actual columns (for a budget: of the budget columns).
    """

    kind: str
    book_id: int
    district_name: str
    council_name: str
    fiscal_year: int
    fiscal_year_label: str
    closed: bool
    closed_on: date | None
    revision_no: int  # the latest 決算の修正 (0: none)
    budget_revision_no: int  # the latest 補正予算 (0: 当初予算 only)
    income_rows: tuple[StatementRow, ...]
    expense_rows: tuple[StatementRow, ...]
    income_budget_total: int
    income_actual_total: int
    income_previous_total: int
    expense_budget_total: int
    expense_actual_total: int
    expense_previous_total: int
    carryover: int
    closing_cash: int
    closing_bank: int


@dataclass(frozen=True)
class GrantSettlementDTO:
    """収支精算 of one grant from the entries linked to it, checked against the grant record.

    ``spent`` 実績額 = linked expenses (訂正 netted); ``difference`` 差額 = granted − spent;
    ``return_due`` 返還額 = max(0, difference) — and 0 when nothing was granted. ``problems`` lists
    disagreements with the grant record in plain Japanese (empty: it agrees).
    """

    grant_id: int
    grant_version: int
    district_id: int
    project_id: int
    project_title: str
    scheme: str
    fiscal_year: int
    status_label: str
    granted: int  # 交付決定額 (0 if none yet)
    received: int  # 収入 entries linked to the grant
    spent: int  # 実績額
    difference: int
    return_due: int
    recorded_spent: int | None  # what the grant record says was spent
    problems: tuple[str, ...]
    entries: tuple[EntryDTO, ...] = field(default=())

    @property
    def agrees(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class ProposedEntry:
    """A bank statement line read as a 預金 entry to confirm (nothing is saved until confirmed)."""

    line: int
    entry_date: date
    description: str
    income: int
    expense: int
    statement_balance: int | None
    import_ref: str
    #: Guessed from earlier entries with the same 摘要 (None: to be chosen).
    subject_id: int | None = None
    #: The same line was already imported into this book.
    duplicate: bool = False


@dataclass(frozen=True)
class ImportProblem:
    line: int
    message: str


@dataclass(frozen=True)
class ImportPreview:
    """What a bank statement file would add, before anything is saved."""

    encoding: str
    mapping: ColumnMapping
    header: tuple[str, ...]
    proposals: tuple[ProposedEntry, ...]
    problems: tuple[ImportProblem, ...]
