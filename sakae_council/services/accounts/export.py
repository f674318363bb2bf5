"""Export of a council's 出納帳 (CSV or xlsx) and the name → book lookup the command line uses."""

from __future__ import annotations

from pathlib import Path

from sakae_council.db.engine import Database
from sakae_council.domain.errors import NotFoundError, ValidationError, msg
from sakae_council.domain.wareki import fiscal_year_label, parse_fiscal_year
from sakae_council.services import districts
from sakae_council.services.accounts.books import find_book, get_book
from sakae_council.services.accounts.core import load_book
from sakae_council.services.accounts.dto import BookDTO
from sakae_council.services.accounts.ledger import read_entries
from sakae_council.services.exporting import ExportTable, write_table

CASH_BOOK_HEADER = (
    "証憑番号",
    "日付",
    "科目",
    "摘要",
    "相手先",
    "口座",
    "収入",
    "支出",
    "残高",
    "訂正",
    "協働事業",
    "備考",
)


def book_by_names(db: Database, district: str, fiscal_year: str) -> BookDTO:
    """The book of a district named as typed and a 年度 like 令和8年度 (NotFound/Validation errors in Japanese)."""
    fy = parse_fiscal_year(fiscal_year, field="fiscal_year")
    try:
        district_id = districts.district_id_by_name(db, district)
    except NotFoundError as exc:
        raise ValidationError("district", exc.source_message) from exc
    book = find_book(db, district_id, fy)
    if book is None:
        raise NotFoundError(
            msg(
                "{district}の{year}の会計帳簿はまだありません。会計の画面で年度を開いてください。",
                district=district,
                year=fiscal_year_label(fy),
            )
        )
    return book


def cash_book_table(db: Database, book_id: int) -> ExportTable:
    """The 出納帳 as a table: 証憑番号, 日付, 科目, 摘要, 相手先, 口座, 収入, 支出, 残高, 訂正."""
    book = get_book(db, book_id)
    with db.reading() as s:
        entries = read_entries(s, load_book(s, book_id))
    rows = []
    for e in entries:
        if e.cancels_voucher_no is not None:
            mark = f"第{e.cancels_voucher_no}号を取消"
        elif e.cancelled_by_voucher_no is not None:
            mark = f"第{e.cancelled_by_voucher_no}号で取消"
        else:
            mark = ""
        rows.append(
            (
                str(e.voucher_no),
                e.entry_date.isoformat(),
                e.subject_name,
                e.description,
                e.counterparty,
                e.account.label,
                str(e.income) if e.income else "",
                str(e.expense) if e.expense else "",
                str(e.balance),
                mark,
                e.project_title,
                e.notes,
            )
        )
    return ExportTable(f"出納帳 {book.fiscal_year_label} {book.district_name}", CASH_BOOK_HEADER, tuple(rows))


def export_book(
    db: Database, book_id: int, destination: Path, *, fmt: str = "csv", encoding: str = "utf-8"
) -> int:
    """Write the 出納帳 to a CSV or xlsx file; returns the row count."""
    return write_table(cash_book_table(db, book_id), destination, fmt=fmt, encoding=encoding)
