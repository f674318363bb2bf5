"""Bank statement CSV (CP932 or UTF-8) → proposed 預金 entries to confirm; the columns are remembered.

The file is read by :mod:`services.table_reading` (encoding detected, title rows above the header allowed,
every line accounted for). Nothing is saved until :func:`confirm_import`, which enters the confirmed lines
in one transaction and remembers the column mapping for the council. A line already imported into the
book (same date, text, amounts and balance) is marked ``duplicate`` and never entered twice.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AccountBook, AccountEntry, AccountImportProfile
from sakae_council.domain.accounts import CashAccount
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import MAX_YEN, parse_yen
from sakae_council.domain.text import normalize_ascii, normalize_text
from sakae_council.domain.wareki import fiscal_year_label, fiscal_year_range, parse_wareki, to_wareki
from sakae_council.services.accounts.core import (
    book_dto,
    checked_months,
    fresh_book,
    load_book,
    lock_book,
)
from sakae_council.services.accounts.dto import (
    BookDTO,
    ColumnMapping,
    EntryDTO,
    EntryInput,
    ImportPreview,
    ImportProblem,
    ProposedEntry,
)
from sakae_council.services.accounts.entries import insert_entry
from sakae_council.services.accounts.ledger import read_entry
from sakae_council.services.common import audit
from sakae_council.services.table_reading import read_table

#: Heading words banks use, per field (matched after width folding, anywhere in the heading).
_HEADINGS: dict[str, tuple[str, ...]] = {
    "date": ("取引日", "年月日", "日付", "お取引日"),
    "description": ("摘要", "お取引内容", "取引内容", "内容", "お取引先"),
    "deposit": ("お預り", "お預かり", "預入", "入金", "預け入れ", "受入"),
    "withdrawal": ("お引出", "お支払", "引出", "払出", "出金", "支払"),
    "balance": ("残高",),
}
#: How many rows from the top the header is looked for (banks put a title and account number above it).
_HEADER_SEARCH = 10
_REF_PREFIX = "bank:"


def saved_mapping(db: Database, district_id: int) -> ColumnMapping | None:
    """The column mapping the council chose last time, if any."""
    with db.reading() as s:
        text = s.scalar(
            select(AccountImportProfile.mapping).where(AccountImportProfile.district_id == district_id)
        )
    if not text:
        return None
    try:
        return ColumnMapping(**json.loads(text))
    except (TypeError, ValueError):
        return None  # a mapping written by a different version: guess again


def _find(header: Sequence[str], words: tuple[str, ...], taken: set[int]) -> int | None:
    folded = [normalize_ascii(h).replace(" ", "") for h in header]
    for word in words:
        for i, h in enumerate(folded):
            if i not in taken and word in h:
                return i
    return None


def guess_mapping(header: Sequence[str], header_row: int = 0) -> ColumnMapping | None:
    """A mapping from usual heading words (日付, 摘要, お預り金額, お支払金額, 残高); None if unsure."""
    found: dict[str, int | None] = {}
    taken: set[int] = set()
    for key in ("date", "balance", "deposit", "withdrawal", "description"):
        index = _find(header, _HEADINGS[key], taken)
        found[key] = index
        if index is not None:
            taken.add(index)
    date_col, description, deposit, withdrawal = (
        found["date"],
        found["description"],
        found["deposit"],
        found["withdrawal"],
    )
    if date_col is None or description is None or deposit is None or withdrawal is None:
        return None
    return ColumnMapping(
        date=date_col,
        description=description,
        deposit=deposit,
        withdrawal=withdrawal,
        balance=found["balance"],
        header_row=header_row,
    )


def _guess_from_rows(rows: Sequence[Sequence[str]]) -> ColumnMapping | None:
    for i, row in enumerate(rows[:_HEADER_SEARCH]):
        mapping = guess_mapping(row, i)
        if mapping is not None:
            return mapping
    return None


def statement_header(path: Path) -> tuple[int, tuple[str, ...]]:
    """The likely header row of a statement (the widest of its first rows) and its cells, for choosing the
    columns by hand when the headings are not the usual words; nothing saved."""
    rows = read_table(Path(path)).rows[:_HEADER_SEARCH]
    if not rows:
        raise ValidationError(
            "file", msg("ファイルに明細の行がありません。銀行からダウンロードしたCSVを選んでください。")
        )
    widest = max(range(len(rows)), key=lambda i: (sum(1 for c in rows[i] if c.strip()), -i))
    return widest, tuple(rows[widest])


def _cell(row: Sequence[str], index: int | None) -> str:
    return row[index].strip() if index is not None and index < len(row) else ""


_AMOUNT_JUNK = re.compile(r"[\s*＊]")


def _amount(text: str, line: int, label: str) -> int:
    value = parse_yen(_AMOUNT_JUNK.sub("", text), "file")
    if value is None:
        return 0
    if value > MAX_YEN:
        raise ValidationError("file", msg("{line}行目の{label}が大きすぎます。", line=line, label=label))
    return value


def _ref(line_key: str, occurrence: int) -> str:
    digest = hashlib.sha256(line_key.encode("utf-8")).hexdigest()[:32]
    return f"{_REF_PREFIX}{digest}:{occurrence}"


def _subject_guesses(db: Database, district_id: int) -> dict[str, int]:
    """摘要 → the 科目 last used with it in this council's books."""
    with db.reading() as s:
        rows = s.execute(
            select(AccountEntry.description, AccountEntry.subject_id)
            .join(AccountBook, AccountBook.id == AccountEntry.book_id)
            .where(AccountBook.district_id == district_id, AccountEntry.subject_id.is_not(None))
            .order_by(AccountEntry.id)
        )
        return {d: sid for d, sid in rows if sid is not None}


def read_bank_statement(
    db: Database, book_id: int, path: Path, mapping: ColumnMapping | None = None
) -> ImportPreview:
    """Read a statement into proposals (nothing saved); the saved or guessed mapping when none is given."""
    book = _book(db, book_id)
    table = read_table(Path(path))
    rows = table.rows
    if not rows:
        raise ValidationError(
            "file", msg("ファイルに明細の行がありません。銀行からダウンロードしたCSVを選んでください。")
        )
    mapping = mapping or saved_mapping(db, book.district_id) or _guess_from_rows(rows)
    if mapping is None or mapping.header_row >= len(rows):
        raise ValidationError(
            "file",
            msg(
                "明細の見出し（日付・摘要・お預り金額・お支払金額）が見つかりません。"
                "列の割り当てを選んでから、もう一度読み込んでください。"
            ),
        )
    header = tuple(rows[mapping.header_row])
    first, last = fiscal_year_range(book.fiscal_year)
    guesses = _subject_guesses(db, book.district_id)
    with db.reading() as s:
        taken = set(
            s.scalars(
                select(AccountEntry.import_ref).where(
                    AccountEntry.book_id == book.id, AccountEntry.import_ref.like(f"{_REF_PREFIX}%")
                )
            )
        )
    proposals: list[ProposedEntry] = []
    problems = [ImportProblem(b.first_line, b.message) for b in table.broken]
    seen: dict[str, int] = {}
    for i in range(mapping.header_row + 1, len(rows)):
        row, line = rows[i], table.lines[i]
        if not any(c.strip() for c in row):
            continue
        try:
            day = parse_wareki(_cell(row, mapping.date), field="file")
            deposit = _amount(_cell(row, mapping.deposit), line, "お預り金額")
            withdrawal = _amount(_cell(row, mapping.withdrawal), line, "お支払金額")
            balance_text = _cell(row, mapping.balance)
            balance = _amount(balance_text, line, "残高") if balance_text else None
        except ValidationError as exc:
            problems.append(
                ImportProblem(line, msg("{line}行目を読めません: {why}", line=line, why=exc.source_message))
            )
            continue
        if deposit and withdrawal:
            problems.append(
                ImportProblem(
                    line,
                    msg(
                        "{line}行目に入金と出金の両方があります。通帳で確かめて手で記帳してください。",
                        line=line,
                    ),
                )
            )
            continue
        if not first <= day <= last:
            problems.append(
                ImportProblem(
                    line,
                    msg(
                        "{line}行目（{date}）は{year}の外のため取り込みません。",
                        line=line,
                        date=to_wareki(day),
                        year=fiscal_year_label(book.fiscal_year),
                    ),
                )
            )
            continue
        text = normalize_text(_cell(row, mapping.description))
        extra = normalize_text(_cell(row, mapping.counterparty))
        description = (f"{text} {extra}".strip() if extra else text)[:400] or msg("（摘要なし）")
        key = f"{day.isoformat()}|{text}|{extra}|{deposit}|{withdrawal}|{balance}"
        seen[key] = seen.get(key, 0) + 1
        ref = _ref(key, seen[key])
        proposals.append(
            ProposedEntry(
                line=line,
                entry_date=day,
                description=description,
                income=deposit,
                expense=withdrawal,
                statement_balance=balance,
                import_ref=ref,
                subject_id=guesses.get(description),
                duplicate=ref in taken,
            )
        )
    return ImportPreview(table.encoding or "", mapping, header, tuple(proposals), tuple(problems))


def _book(db: Database, book_id: int) -> BookDTO:
    with db.reading() as s:
        return book_dto(s, load_book(s, book_id))


def confirm_import(
    db: Database, book_id: int, proposals: Sequence[ProposedEntry], mapping: ColumnMapping
) -> list[EntryDTO]:
    """Enter the confirmed proposals (each with its 科目) in one transaction and remember the mapping.

    Duplicates are left out. The overspend warning is not asked line by line here (the bank has already
    paid): 予算 vs 執行 shows any 科目 the import took past its budget."""
    with db.transaction() as s:
        lock_book(s, book_id)
        book = fresh_book(s, book_id)
        taken = set(
            s.scalars(
                select(AccountEntry.import_ref).where(
                    AccountEntry.book_id == book.id, AccountEntry.import_ref != ""
                )
            )
        )
        made: list[AccountEntry] = []
        checked = checked_months(s, book.id)
        for p in proposals:
            if p.duplicate or p.import_ref in taken:
                continue
            if p.subject_id is None:
                raise ValidationError(
                    "subject_id",
                    msg("{line}行目（{text}）の科目を選んでください。", line=p.line, text=p.description),
                )
            data = EntryInput(
                p.entry_date,
                p.subject_id,
                p.description,
                p.income,
                p.expense,
                CashAccount.BANK,
                notes=msg("通帳CSVの{line}行目から取込", line=p.line),
            )
            try:
                made.append(
                    insert_entry(
                        s, db.user, book, data, check_budget=False, import_ref=p.import_ref, checked=checked
                    )
                )
            except ValidationError as exc:
                raise ValidationError(
                    exc.field, msg("{line}行目: {why}", line=p.line, why=exc.source_message)
                ) from exc
            taken.add(p.import_ref)
        profile = s.scalar(
            select(AccountImportProfile).where(AccountImportProfile.district_id == book.district_id)
        )
        text = json.dumps(asdict(mapping), ensure_ascii=False)
        if profile is None:
            profile = AccountImportProfile(district_id=book.district_id, mapping=text)
            s.add(profile)
        elif profile.mapping != text:
            profile.mapping = text
        s.flush()
        audit(
            s,
            db.user,
            "import",
            "account_import_profile",
            profile.id,
            f"通帳CSVから{len(made)}件を預金の出納帳に取り込み（列の割り当てを記憶）",
        )
        return [read_entry(s, book, e.id) for e in made]
