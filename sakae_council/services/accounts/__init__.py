"""会計 — a council's books: 科目, 予算 and 補正予算, the 出納帳 with 証憑番号, 実査, 決算確定, 収支精算.

Use it as ``from sakae_council.services import accounts`` and call ``accounts.<function>``. Every call is
one short transaction; results are the frozen DTOs of :mod:`.dto`; errors are the domain's typed errors
(ValidationError with the field, NotFoundError, ConflictError on a stale ``expected_version``,
PermissionDeniedError on the shared server for anyone but the council's 事務局 and the 管理者), plus
:class:`OverspendWarning` (a ValidationError on ``overspend_reason``: save again with a reason).
Every change is audited and names the tables ``account_*``, whose change notices are
``Area.ACCOUNTS`` (the 会計 page refreshes on it). Amounts accept an int or typed text (12000, １２，０００, 12,000円).

科目 (subjects.py)
  list_subjects(db, district_id, *, include_inactive=False) -> list[SubjectDTO]   収入 first, 細目 after its 科目
  ensure_starter_subjects(db, district_id) -> list[SubjectDTO]                  the starter set if none yet
  create_subject(db, district_id, SubjectInput) -> SubjectDTO
  update_subject(db, subject_id, SubjectInput, expected_version) -> SubjectDTO

Books per 年度 (books.py)
  open_book(db, district_id, fiscal_year) -> BookDTO        made if missing; 前年度繰越 from last year's close
  find_book(db, district_id, fiscal_year) -> BookDTO | None
  get_book(db, book_id) -> BookDTO                            with checked months and 決算の修正
  list_books(db, district_id=None) -> list[BookDTO]          newest year first
  set_opening_balances(db, book_id, cash, bank, expected_version) -> BookDTO   a first year only
  check_month(db, book_id, month_start, checked_on) -> BookDTO                 月次確認
  close_year(db, book_id, closed_on, expected_version=None) -> BookDTO        決算確定 + carry-over
  revise_closed_year(db, book_id, reason, made_on, *, add=[EntryInput], cancel=[entry ids]) -> BookDTO

予算 (budget.py)
  set_budget(db, book_id, decided_on, [BudgetLineInput], reason="") -> BudgetRevisionDTO     当初予算
  add_budget_revision(db, book_id, decided_on, reason, [BudgetLineInput]) -> BudgetRevisionDTO   補正予算
  list_budget_revisions(db, book_id) -> list[BudgetRevisionDTO]
  budget_vs_actual(db, book_id) -> list[BudgetUseRow]        original, budget, executed, remaining, over
  check_overspend(db, book_id, subject_id, expense, *, entry_id=None) -> OverspendDTO | None

出納帳 (entries.py)
  add_entry(db, book_id, EntryInput) -> EntryDTO              next 証憑番号; OverspendWarning without a reason
  update_entry(db, entry_id, EntryInput, expected_version) -> EntryDTO     unchecked month, open year only
  delete_entry(db, entry_id, expected_version) -> None                      unchecked month, open year only
  cancel_entry(db, entry_id, on, reason) -> EntryDTO          訂正 (a new entry naming the one it cancels)
  add_transfer(db, book_id, on, from_account, amount, description="") -> (EntryDTO, EntryDTO)   振替
  get_entry(db, entry_id) -> EntryDTO
  list_entries(db, book_id, *, account=None, month_start=None) -> list[EntryDTO]   with running balance
  balances(db, book_id, *, as_of=None) -> list[BalanceDTO]   [現金, 預金]
  last_used_subject(db, book_id) -> int | None

実査 (reconcile.py)
  record_cash_count(db, book_id, CashCountInput) -> CashCountDTO   差異 ≠ 0 needs an explanation
  list_cash_counts(db, book_id) -> list[CashCountDTO]

Papers' figures (statements.py)
  budget_statement(db, book_id) -> StatementDTO       収支予算書 (本年度, 前年度, 増減)
  settlement_statement(db, book_id) -> StatementDTO   収支決算書 (予算額, 決算額, 増減, 合計, 次年度繰越金)
  grant_settlement(db, grant_id) -> GrantSettlementDTO    交付決定額, 実績額, 差額, 返還額, problems
  record_grant_settlement(db, grant_id, expected_version=None) -> GrantSettlementDTO

Bank statement import (bank_import.py)
  saved_mapping(db, district_id) -> ColumnMapping | None
  guess_mapping(header, header_row=0) -> ColumnMapping | None
  read_bank_statement(db, book_id, path, mapping=None) -> ImportPreview    nothing saved
  statement_header(path) -> (header_row, cells)              for choosing the columns by hand
  confirm_import(db, book_id, [ProposedEntry with subject_id], mapping) -> list[EntryDTO]

監査報告の文言 (wording.py)
  get_audit_wording(db, district_id) -> AuditWordingDTO      "" prints the standard sentence
  set_audit_wording(db, district_id, wording, expected_version=None) -> AuditWordingDTO

Export (export.py)
  book_by_names(db, district, fiscal_year_text) -> BookDTO
  cash_book_table(db, book_id) -> ExportTable
  export_book(db, book_id, destination, *, fmt="csv", encoding="utf-8") -> int
"""

from sakae_council.domain.accounts import BookStatus, CashAccount, SubjectKind, SubjectRole
from sakae_council.services.accounts.bank_import import (
    confirm_import,
    guess_mapping,
    read_bank_statement,
    saved_mapping,
    statement_header,
)
from sakae_council.services.accounts.books import (
    check_month,
    close_year,
    find_book,
    get_book,
    list_books,
    open_book,
    revise_closed_year,
    set_opening_balances,
)
from sakae_council.services.accounts.budget import (
    add_budget_revision,
    budget_vs_actual,
    check_overspend,
    list_budget_revisions,
    set_budget,
)
from sakae_council.services.accounts.dto import (
    BalanceDTO,
    BookDTO,
    BudgetLineDTO,
    BudgetLineInput,
    BudgetRevisionDTO,
    BudgetUseRow,
    CashCountDTO,
    CashCountInput,
    CloseRevisionDTO,
    ColumnMapping,
    EntryDTO,
    EntryInput,
    GrantSettlementDTO,
    ImportPreview,
    ImportProblem,
    MonthCheckDTO,
    OverspendDTO,
    OverspendWarning,
    ProposedEntry,
    StatementDTO,
    StatementRow,
    SubjectDTO,
    SubjectInput,
)
from sakae_council.services.accounts.entries import (
    add_entry,
    add_transfer,
    balances,
    cancel_entry,
    delete_entry,
    get_entry,
    last_used_subject,
    list_entries,
    update_entry,
)
from sakae_council.services.accounts.export import book_by_names, cash_book_table, export_book
from sakae_council.services.accounts.reconcile import list_cash_counts, record_cash_count
from sakae_council.services.accounts.statements import (
    budget_statement,
    grant_settlement,
    record_grant_settlement,
    settlement_statement,
)
from sakae_council.services.accounts.subjects import (
    create_subject,
    ensure_starter_subjects,
    list_subjects,
    update_subject,
)
from sakae_council.services.accounts.wording import (
    AuditWordingDTO,
    get_audit_wording,
    set_audit_wording,
)

__all__ = [
    "AuditWordingDTO",
    "BalanceDTO",
    "BookDTO",
    "BookStatus",
    "BudgetLineDTO",
    "BudgetLineInput",
    "BudgetRevisionDTO",
    "BudgetUseRow",
    "CashAccount",
    "CashCountDTO",
    "CashCountInput",
    "CloseRevisionDTO",
    "ColumnMapping",
    "EntryDTO",
    "EntryInput",
    "GrantSettlementDTO",
    "ImportPreview",
    "ImportProblem",
    "MonthCheckDTO",
    "OverspendDTO",
    "OverspendWarning",
    "ProposedEntry",
    "StatementDTO",
    "StatementRow",
    "SubjectDTO",
    "SubjectInput",
    "SubjectKind",
    "SubjectRole",
    "add_budget_revision",
    "add_entry",
    "add_transfer",
    "balances",
    "book_by_names",
    "budget_statement",
    "budget_vs_actual",
    "cancel_entry",
    "cash_book_table",
    "check_month",
    "check_overspend",
    "close_year",
    "confirm_import",
    "create_subject",
    "delete_entry",
    "ensure_starter_subjects",
    "export_book",
    "find_book",
    "get_audit_wording",
    "get_book",
    "get_entry",
    "grant_settlement",
    "guess_mapping",
    "last_used_subject",
    "list_books",
    "list_budget_revisions",
    "list_cash_counts",
    "list_entries",
    "list_subjects",
    "open_book",
    "read_bank_statement",
    "record_cash_count",
    "record_grant_settlement",
    "revise_closed_year",
    "saved_mapping",
    "set_audit_wording",
    "set_budget",
    "set_opening_balances",
    "settlement_statement",
    "statement_header",
    "update_entry",
    "update_subject",
]
