"""The account papers read from the books: the services' DTOs turned into the documents the papers draw.

:func:`collect` reads one paper's figures through ``services.accounts`` (on the caller's thread);
:func:`render` draws it (no database: safe off the GUI thread). The print window and ``print
budget|settlement|cashbook|audit`` share both, so the screen and the command line print the same paper.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.accounts import CashAccount
from sakae_council.domain.enums import OfficerPost
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.terms import TermStatus
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.reports.accounts_audit import AuditReport, render_audit
from sakae_council.reports.accounts_cashbook import Cashbook, CashbookAccount, CashbookLine, render_cashbook
from sakae_council.reports.accounts_grant import GrantEntry, GrantSettlement, render_grant_settlement
from sakae_council.reports.accounts_paper import BookOwner
from sakae_council.reports.accounts_statement import Statement, StatementLine, render_statement
from sakae_council.services import accounts, districts, people
from sakae_council.services.accounts import BookDTO, EntryDTO, GrantSettlementDTO, StatementDTO, StatementRow
from sakae_council.services.people import RosterFilter

Document = Statement | Cashbook | AuditReport | GrantSettlement
#: The papers by their command-line names.
KINDS = ("budget", "settlement", "cashbook", "audit", "grant")
#: Terms that make a person the council's 会長 or 監事 on the paper.
CURRENT = (TermStatus.CURRENT, TermStatus.EXPIRING)


# --- from DTOs ---------------------------------------------------------------------------------------


def owner_of(book: BookDTO | StatementDTO) -> BookOwner:
    return BookOwner(book.district_name, book.council_name, book.fiscal_year)


def _line(row: StatementRow, settlement: bool) -> StatementLine:
    if settlement:
        return StatementLine(row.label, row.budget, row.actual, row.note, row.is_detail)
    return StatementLine(row.label, row.previous, row.budget, row.note, row.is_detail)


def statement_document(s: StatementDTO, today: date) -> Statement:
    """A 収支予算書 or 収支決算書 from the service's figures (totals are recomputed from the same rows)."""
    settlement = s.kind == "settlement"
    if settlement:  # a closed year revised: the paper says which 決算の修正 its figures include
        revision = f"第{s.revision_no}号修正後" if s.revision_no else ""
    else:
        revision = f"第{s.budget_revision_no}号補正後" if s.budget_revision_no else ""
    holdings = (("現金", s.closing_cash), ("預金", s.closing_bank)) if settlement else ()
    return Statement(
        owner=owner_of(s),
        settlement=settlement,
        income=tuple(_line(r, settlement) for r in s.income_rows),
        expense=tuple(_line(r, settlement) for r in s.expense_rows),
        printed_on=today,
        closed=s.closed,
        revision_label=revision,
        holdings=holdings,
    )


def _correction_note(e: EntryDTO) -> str:
    if e.cancels_voucher_no is not None:
        return f"訂正: No.{e.cancels_voucher_no} を取り消し"
    if e.cancelled_by_voucher_no is not None:
        return f"No.{e.cancelled_by_voucher_no} で訂正済み"
    return ""


def cashbook_line(e: EntryDTO) -> CashbookLine:
    """One entry as the 出納帳 prints it; a 訂正 prints its amounts as negatives (△), as it counts."""
    sign = -1 if e.is_correction else 1
    return CashbookLine(
        on=e.entry_date,
        voucher=str(e.voucher_no),
        subject=e.subject_name,
        description=e.description,
        counterparty=e.counterparty,
        income=sign * e.income,
        expense=sign * e.expense,
        balance=e.balance,
        note=_correction_note(e),
    )


def cashbook_document(book: BookDTO, entries: list[EntryDTO], today: date) -> Cashbook:
    """Both accounts' pages: 現金 and 預金, each from its 前年度繰越."""
    opening = {CashAccount.CASH: book.opening_cash, CashAccount.BANK: book.opening_bank}
    parts = tuple(
        CashbookAccount(
            account.label,
            opening[account],
            tuple(cashbook_line(e) for e in entries if e.account is account),
        )
        for account in CashAccount
    )
    return Cashbook(owner_of(book), parts, today, closed=book.is_closed)


def grant_document(g: GrantSettlementDTO, owner: BookOwner, chair: str, today: date) -> GrantSettlement:
    """A grant's 収支精算書 from the entries linked to it (expenses positive, 訂正 negative)."""
    items = tuple(
        GrantEntry(
            e.entry_date, str(e.voucher_no), e.subject_name, e.description, e.counterparty, -e.net_income
        )
        for e in g.entries
        if e.expense
    )
    return GrantSettlement(
        owner, today, g.project_title, g.scheme, g.granted, items, chair_name=chair, problems=g.problems
    )


# --- from the database -------------------------------------------------------------------------------


def _officers(db: Database, district_id: int, post: OfficerPost, today: date) -> list[str]:
    """Names of the council's members holding ``post`` today (五十音順)."""
    found = []
    for person in people.list_members(db, RosterFilter(district_id=district_id, today=today)):
        if any(
            m.district_id == district_id and m.officer_post is post and m.status(today) in CURRENT
            for m in person.memberships
        ):
            found.append(person.name)
    return found


def _book(db: Database, district_id: int, fiscal_year: int) -> BookDTO:
    """The council's book of the year; printing never makes one (a year with no book says so)."""
    book = accounts.find_book(db, district_id, fiscal_year)
    if book is None:
        raise ValidationError(
            "fiscal_year",
            msg(
                "{district}の{year}の帳簿はまだありません。会計のページでこの年度を開いてから印刷してください。",
                district=districts.get_district(db, district_id).name,
                year=fiscal_year_label(fiscal_year),
            ),
        )
    return book


def _statement(db: Database, book_id: int, kind: str) -> StatementDTO:
    if kind == "budget":
        return accounts.budget_statement(db, book_id)
    return accounts.settlement_statement(db, book_id)


def collect(
    db: Database, kind: str, district_id: int, fiscal_year: int, *, today: date, grant_id: int | None = None
) -> Document:
    """Read the paper ``kind`` (budget, settlement, cashbook, audit, grant) of one council and 年度."""
    if kind in ("budget", "settlement"):
        book = _book(db, district_id, fiscal_year)
        return statement_document(_statement(db, book.id, kind), today)
    if kind == "cashbook":
        book = _book(db, district_id, fiscal_year)
        return cashbook_document(book, accounts.list_entries(db, book.id), today)
    if kind == "audit":
        book = _book(db, district_id, fiscal_year)
        s = accounts.settlement_statement(db, book.id)
        chair = _officers(db, district_id, OfficerPost.CHAIR, today)
        return AuditReport(
            owner_of(s),
            today,
            s.income_actual_total,
            s.expense_actual_total,
            chair_name=chair[0] if chair else "",
            auditors=tuple(_officers(db, district_id, OfficerPost.AUDITOR, today)[:2]),
            wording=accounts.get_audit_wording(db, district_id).wording,
            closed=s.closed,
        )
    if kind == "grant":
        if grant_id is None:
            raise ValidationError("grant", msg("補助金を選んでください。"))
        g = accounts.grant_settlement(db, grant_id)
        d = districts.get_district(db, g.district_id)
        chair = _officers(db, g.district_id, OfficerPost.CHAIR, today)
        owner = BookOwner(d.name, d.council_name, g.fiscal_year)
        return grant_document(g, owner, chair[0] if chair else "", today)
    raise ValidationError(
        "document",
        msg(
            "「{kind}」という帳票はありません。{kinds} から選んでください。",
            kind=kind,
            kinds="、".join(KINDS),
        ),
    )


def problems(doc: Document) -> tuple[str, ...]:
    """What to tell the user before printing besides missing characters: a grant's 出納帳 and its record
    disagreeing (the paper prints the 出納帳's figures)."""
    return doc.problems if isinstance(doc, GrantSettlement) else ()


def render(doc: Document, output: str | Path) -> Path:
    """Draw ``doc`` (from :func:`collect`) as its paper."""
    if isinstance(doc, Statement):
        return render_statement(doc, output)
    if isinstance(doc, Cashbook):
        return render_cashbook(doc, output)
    if isinstance(doc, AuditReport):
        return render_audit(doc, output)
    return render_grant_settlement(doc, output)
