"""予算: 当初予算 and dated 補正予算 (the original kept), 予算 vs 執行 per 科目, and the overspend check."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    AccountBook,
    AccountBudgetLine,
    AccountBudgetRevision,
    AccountEntry,
    AccountSubject,
)
from sakae_council.domain.accounts import SubjectKind, SubjectRole
from sakae_council.domain.errors import ValidationError, msg
from sakae_council.domain.money import parse_amount
from sakae_council.domain.wareki import to_wareki
from sakae_council.services.accounts.core import (
    SubjectInfo,
    load_book,
    locked_book,
    require_open,
    subject_infos,
)
from sakae_council.services.accounts.dto import (
    BudgetLineDTO,
    BudgetLineInput,
    BudgetRevisionDTO,
    BudgetUseRow,
    OverspendDTO,
)
from sakae_council.services.common import audit, check_day, long_text


def _revisions(s: Session, book_id: int) -> list[AccountBudgetRevision]:
    return list(
        s.scalars(
            select(AccountBudgetRevision)
            .where(AccountBudgetRevision.book_id == book_id)
            .order_by(AccountBudgetRevision.number)
            .options(selectinload(AccountBudgetRevision.lines))
        )
    )


def _revision_dto(r: AccountBudgetRevision, subjects: dict[int, SubjectInfo]) -> BudgetRevisionDTO:
    lines = sorted(
        r.lines, key=lambda line: list(subjects).index(line.subject_id) if line.subject_id in subjects else 0
    )
    return BudgetRevisionDTO(
        id=r.id,
        version=r.version,
        book_id=r.book_id,
        number=r.number,
        decided_on=r.decided_on,
        reason=r.reason,
        lines=tuple(
            BudgetLineDTO(
                line.subject_id, subjects[line.subject_id].label, subjects[line.subject_id].kind, line.amount
            )
            for line in lines
        ),
    )


def _lines(s: Session, book: AccountBook, lines: Sequence[BudgetLineInput]) -> dict[int, int]:
    subjects = subject_infos(s, book.district_id)
    amounts: dict[int, int] = {}
    for i, line in enumerate(lines):
        if line.subject_id not in subjects:
            raise ValidationError(f"lines[{i}]", msg("この協議会の科目を選んでください。"))
        if line.subject_id in amounts:
            raise ValidationError(
                f"lines[{i}]",
                msg(
                    "「{subject}」が二度入っています。一つにまとめてください。",
                    subject=subjects[line.subject_id].label,
                ),
            )
        amounts[line.subject_id] = parse_amount(
            line.amount, f"lines[{i}]", msg("{subject}の予算額", subject=subjects[line.subject_id].label)
        )
    return amounts


def _add_revision(
    s: Session,
    user: str,
    book: AccountBook,
    number: int,
    decided_on: date,
    reason: str,
    amounts: dict[int, int],
) -> AccountBudgetRevision:
    if not isinstance(decided_on, date):
        raise ValidationError("decided_on", msg("議決した日付を入力してください。"))
    check_day(decided_on, "decided_on", "議決日")
    revision = AccountBudgetRevision(
        book_id=book.id,
        number=number,
        decided_on=decided_on,
        reason=long_text(reason, "reason", "理由", 2000),
    )
    revision.lines = [AccountBudgetLine(subject_id=k, amount=v) for k, v in amounts.items()]
    s.add(revision)
    s.flush()
    title = "当初予算" if number == 0 else f"第{number}号補正予算"
    audit(
        s,
        user,
        "budget",
        "account_budget_revision",
        revision.id,
        f"{title}（{to_wareki(decided_on)}議決、{len(amounts)}科目）を登録",
        {str(k): (None, v) for k, v in amounts.items()},
    )
    return revision


def set_budget(
    db: Database, book_id: int, decided_on: date, lines: Sequence[BudgetLineInput], reason: str = ""
) -> BudgetRevisionDTO:
    """Set the 当初予算 (replaces it while no 補正予算 exists yet)."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        require_open(book)
        amounts = _lines(s, book, lines)
        revisions = _revisions(s, book.id)
        if any(r.number > 0 for r in revisions):
            raise ValidationError(
                "lines",
                msg(
                    "補正予算があるため、当初予算は変更できません。変更は新しい補正予算として登録してください。"
                ),
            )
        for r in revisions:
            audit(
                s,
                db.user,
                "delete",
                "account_budget_revision",
                r.id,
                "当初予算を置き換え",
                {str(line.subject_id): (line.amount, None) for line in r.lines},
            )
            s.delete(r)
        s.flush()
        revision = _add_revision(s, db.user, book, 0, decided_on, reason, amounts)
        return _revision_dto(revision, subject_infos(s, book.district_id))


def add_budget_revision(
    db: Database, book_id: int, decided_on: date, reason: str, lines: Sequence[BudgetLineInput]
) -> BudgetRevisionDTO:
    """Add the next 補正予算: the amounts it names replace the earlier ones, the rest stay."""
    with db.transaction() as s:
        book = locked_book(s, book_id)
        require_open(book)
        revisions = _revisions(s, book.id)
        if not revisions:
            raise ValidationError(
                "lines", msg("先に当初予算を登録してください。補正予算は当初予算を直すものです。")
            )
        if not long_text(reason, "reason", "理由", 2000):
            raise ValidationError("reason", msg("補正の理由を入力してください。"))
        amounts = _lines(s, book, lines)
        if not amounts:
            raise ValidationError("lines", msg("補正する科目と金額を入力してください。"))
        if decided_on < revisions[-1].decided_on:
            raise ValidationError(
                "decided_on",
                msg(
                    "議決日が前の予算（{date}）より前になっています。日付を確認してください。",
                    date=to_wareki(revisions[-1].decided_on),
                ),
            )
        revision = _add_revision(s, db.user, book, revisions[-1].number + 1, decided_on, reason, amounts)
        return _revision_dto(revision, subject_infos(s, book.district_id))


def list_budget_revisions(db: Database, book_id: int) -> list[BudgetRevisionDTO]:
    """当初予算 then each 補正予算, in order."""
    with db.reading() as s:
        book = load_book(s, book_id)
        subjects = subject_infos(s, book.district_id)
        return [_revision_dto(r, subjects) for r in _revisions(s, book.id)]


# --- 予算 vs 執行 -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figures:
    """Per subject id: 当初 and current budget as set (own lines only), and executed (own entries only)."""

    subjects: dict[int, SubjectInfo]
    original: dict[int, int]
    current: dict[int, int]
    executed: dict[int, int]
    has_budget: bool

    def children(self, subject_id: int) -> list[int]:
        return [k for k, v in self.subjects.items() if v.parent_id == subject_id]

    def budget_of(self, subject_id: int, table: dict[int, int] | None = None) -> int:
        """A 科目's budget: its own line, else the sum of its 細目' lines."""
        table = self.current if table is None else table
        if subject_id in table:
            return table[subject_id]
        return sum(table.get(c, 0) for c in self.children(subject_id))

    def executed_of(self, subject_id: int) -> int:
        return self.executed.get(subject_id, 0) + sum(
            self.executed.get(c, 0) for c in self.children(subject_id)
        )


def figures(s: Session, book: AccountBook, *, exclude_entry: int | None = None) -> Figures:
    subjects = subject_infos(s, book.district_id)
    original: dict[int, int] = {}
    current: dict[int, int] = {}
    revisions = _revisions(s, book.id)
    for r in revisions:
        for line in r.lines:
            if r.number == 0:
                original[line.subject_id] = line.amount
            current[line.subject_id] = line.amount
    stmt = select(
        AccountEntry.subject_id, AccountEntry.income, AccountEntry.expense, AccountEntry.cancels_id
    ).where(AccountEntry.book_id == book.id, AccountEntry.subject_id.is_not(None))
    if exclude_entry is not None:
        stmt = stmt.where(AccountEntry.id != exclude_entry)
    executed: dict[int, int] = {}
    for subject_id, income, expense, cancels in s.execute(stmt):
        info = subjects.get(subject_id) if subject_id is not None else None
        if subject_id is None or info is None:
            continue
        value = income - expense if info.kind is SubjectKind.INCOME else expense - income
        executed[subject_id] = executed.get(subject_id, 0) + (-value if cancels is not None else value)
    for sid, info in subjects.items():
        if info.role is SubjectRole.CARRYOVER:
            executed[sid] = book.opening_cash + book.opening_bank
    return Figures(subjects, original, current, executed, bool(revisions))


def use_rows(f: Figures) -> list[BudgetUseRow]:
    rows = []
    for sid, info in f.subjects.items():
        budget = f.budget_of(sid)
        executed = f.executed_of(sid)
        rows.append(
            BudgetUseRow(
                subject_id=sid,
                label=info.label,
                kind=info.kind,
                is_detail=info.parent_id is not None,
                original=f.budget_of(sid, f.original),
                budget=budget,
                executed=executed,
                remaining=budget - executed,
            )
        )
    return rows


def budget_vs_actual(db: Database, book_id: int) -> list[BudgetUseRow]:
    """予算 vs 執行 per 科目 and 細目 with the remaining amount, in statement order."""
    with db.reading() as s:
        return use_rows(figures(s, load_book(s, book_id)))


def _budget_by_subject(s: Session, book: AccountBook, subject_ids: Sequence[int]) -> dict[int, int]:
    """The current budget line of each subject that has one (the latest revision naming it wins)."""
    rows = s.execute(
        select(AccountBudgetLine.subject_id, AccountBudgetLine.amount)
        .join(AccountBudgetRevision, AccountBudgetRevision.id == AccountBudgetLine.revision_id)
        .where(AccountBudgetRevision.book_id == book.id, AccountBudgetLine.subject_id.in_(subject_ids))
        .order_by(AccountBudgetRevision.number)
    )
    return {sid: amount for sid, amount in rows}


def _spent(s: Session, book: AccountBook, subject_ids: Sequence[int], entry_id: int | None) -> int:
    """Net spending on these subjects (expense − income, 訂正 negated), leaving out ``entry_id``."""
    net = case(
        (AccountEntry.cancels_id.is_(None), AccountEntry.expense - AccountEntry.income),
        else_=AccountEntry.income - AccountEntry.expense,
    )
    stmt = select(func.coalesce(func.sum(net), 0)).where(
        AccountEntry.book_id == book.id, AccountEntry.subject_id.in_(subject_ids)
    )
    if entry_id is not None:
        stmt = stmt.where(AccountEntry.id != entry_id)
    return int(s.scalar(stmt) or 0)


def overspend(
    s: Session, book: AccountBook, subject_id: int, expense: int, *, entry_id: int | None = None
) -> OverspendDTO | None:
    """The overspend check in the caller's session: the 細目's own budget (if it has one), then its 科目.

    A few aggregate queries over the subjects concerned, so entering stays quick in a year of thousands."""
    if expense <= 0:
        return None
    subject = s.get(AccountSubject, subject_id)
    if (
        subject is None
        or subject.kind != SubjectKind.EXPENSE.value
        or subject.district_id != book.district_id
    ):
        return None
    if (
        s.scalar(select(AccountBudgetRevision.id).where(AccountBudgetRevision.book_id == book.id).limit(1))
        is None
    ):
        return None  # no budget at all yet: nothing to warn against
    parent = s.get(AccountSubject, subject.parent_id) if subject.parent_id is not None else None
    levels: list[AccountSubject] = [subject] if parent is None else [subject, parent]
    for level in levels:
        children = list(s.scalars(select(AccountSubject.id).where(AccountSubject.parent_id == level.id)))
        lines = _budget_by_subject(s, book, [level.id, *children])
        if level is subject and parent is not None and level.id not in lines:
            continue  # a 細目 without a budget of its own: its 科目's budget is what counts
        budget = lines[level.id] if level.id in lines else sum(lines.get(c, 0) for c in children)
        executed = _spent(s, book, [level.id, *children], entry_id)
        if executed + expense > budget:
            label = (
                level.name if level.parent_id is None else f"{parent.name if parent else ''}／{level.name}"
            )
            return OverspendDTO(
                subject_id=level.id,
                subject_label=label,
                budget=budget,
                executed=executed,
                this_entry=expense,
                over_by=executed + expense - budget,
            )
    return None


def check_overspend(
    db: Database, book_id: int, subject_id: int, expense: int, *, entry_id: int | None = None
) -> OverspendDTO | None:
    """Would this expense (replacing entry ``entry_id``) overspend its 科目? None if not."""
    with db.reading() as s:
        return overspend(s, load_book(s, book_id), subject_id, expense, entry_id=entry_id)
