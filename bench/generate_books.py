"""Deterministic scale data for the papers the base tables cannot make: 会計 (科目, a closed and an open
year's books with their 予算, 補正予算, 出納帳, 月次確認, 実査 and 決算), 補助金 with their entries, 自治会,
資機材 and their 貸出, and the 出欠回答 of the meetings not held yet.

Written by :func:`write_books` after the people, projects and meetings of :mod:`bench.generate`, with the
same Core batches. The books follow the program's rules (see ``services/accounts``): 当初予算 balances
(収入合計 = 支出合計, the 予備費 taking the difference), the accounts never go below zero (a 預金引出し 振替
— a pair of entries with no 科目 — comes before a cash payment the box cannot pay), each 訂正 carries the
amounts of the entry it cancels, the closed year's 次年度繰越金 is the open year's 前年度繰越, and a
grant's income and expenses are linked to it so its 収支精算書 adds up (a settled grant's 差額 returned).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Table, bindparam, insert, select, update

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    AccountBook,
    AccountBudgetLine,
    AccountBudgetRevision,
    AccountCashCount,
    AccountEntry,
    AccountMonthCheck,
    AccountSubject,
    CollaborativeProject,
    GrantApplication,
)
from sakae_council.domain.accounts import STARTER_SUBJECTS, SubjectRole
from sakae_council.domain.enums import ProjectStatus
from sakae_council.domain.wareki import fiscal_year, fiscal_year_label, fiscal_year_range

if TYPE_CHECKING:
    from bench.generate import Size

#: 細目 of 事業費 every generated council keeps (its grants' and events' expenses go to them).
EVENTS = ("夏祭り", "防災訓練", "見守り活動", "清掃活動")
JICHIKAI = (("東町自治会", "ヒガシマチジチカイ"), ("西町自治会", "ニシマチジチカイ"), ("南台自治会", "ミナミダイジチカイ"), ("中央区", "チュウオウク"))  # fmt: skip
SHOPS = (
    "栄町商店（文具）",
    "ホームセンター安食店",
    "印刷工房さかえ",
    "郵便局",
    "酒直商店",
    "ドラッグストア栄店",
)
AWARDED = {s.value for s in (ProjectStatus.GRANTED, ProjectStatus.RUNNING, ProjectStatus.COMPLETED, ProjectStatus.VERIFIED)}  # fmt: skip
#: Ordinary lines of a year: (科目, 摘要, income?, account, least, most, counterparties).
ORDINARY: tuple[tuple[str, str, bool, str, int, int, tuple[str, ...]], ...] = (
    ("会費", "年度会費", True, "cash", 5000, 12000, tuple(n for n, _ in JICHIKAI)),
    ("事業収入", "参加費", True, "cash", 1000, 30000, ("参加者",)),
    ("寄付金", "寄付金", True, "cash", 3000, 20000, ("地域の方",)),
    ("雑収入", "預金利息", True, "bank", 1, 50, ("千葉銀行",)),
    ("会議費", "役員会 お茶・菓子代", False, "cash", 800, 3000, SHOPS[:2]),
    ("会議費", "役員会 お茶・菓子代", False, "cash", 800, 3000, SHOPS[:2]),
    ("通信運搬費", "会議案内の切手代", False, "cash", 500, 2000, ("郵便局",)),
    ("消耗品費", "コピー用紙・文具", False, "cash", 300, 8000, SHOPS[:2]),
    ("印刷製本費", "会報の印刷", False, "bank", 10000, 40000, ("印刷工房さかえ",)),
    ("保険料", "行事保険料", False, "bank", 3000, 15000, ("栄町社会福祉協議会",)),
    ("謝礼", "講師謝礼", False, "cash", 5000, 20000, ("講師",)),
    ("事業費", "材料費", False, "cash", 2000, 30000, SHOPS),
    ("事業費", "材料費", False, "cash", 2000, 30000, SHOPS),
)


@dataclass
class _Line:
    """One 出納帳 line before its 証憑番号 and id are given (``cancels``: the line this 訂正 undoes)."""

    day: date
    subject: int | None
    text: str
    income: int
    expense: int
    account: str
    party: str = ""
    project: int | None = None
    grant: int | None = None
    cancels: _Line | None = None
    notes: str = ""
    transfer: bool = False
    id: int = 0
    voucher: int = 0


@dataclass
class _Ids:
    """The next id of each table written here."""

    next: dict[str, int] = field(default_factory=dict)

    def take(self, table: str, n: int = 1) -> int:
        first = self.next.get(table, 1)
        self.next[table] = first + n
        return first


def _days(first: date, last: date) -> int:
    return (last - first).days + 1


def _months(fy: int, until: date) -> list[date]:
    starts = [date(fy + (m < 4), m, 1) for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]
    return [m for m in starts if m <= until]


def _walk(lines: list[_Line], opening_cash: int) -> tuple[list[_Line], int, int, int]:
    """The lines in 出納帳 order with a 振替 wherever the cash box needs one; (lines, closing cash, the
    bank's net change, the bank's lowest point relative to its opening)."""
    out: list[_Line] = []
    cash, bank, low = opening_cash, 0, 0
    for line in sorted(lines, key=lambda x: (x.day, x.income == 0)):
        sign = -1 if line.cancels is not None else 1
        delta = sign * (line.income - line.expense)
        if line.account == "cash" and cash + delta < 0:
            amount = -(-max(30000, -(cash + delta)) // 10000) * 10000
            out += _transfer(line.day, "bank", amount)
            cash, bank = cash + amount, bank - amount
        elif line.account == "cash" and cash + delta > 150000:
            amount = (cash + delta - 50000) // 10000 * 10000
            out.append(line)
            cash += delta
            out += _transfer(line.day, "cash", amount)
            cash, bank = cash - amount, bank + amount
            low = min(low, bank)
            continue
        out.append(line)
        if line.account == "cash":
            cash += delta
        else:
            bank += delta
        low = min(low, bank)
    return out, cash, bank, low


def _transfer(day: date, source: str, amount: int) -> list[_Line]:
    text = "預金引出し" if source == "bank" else "預金預入れ"
    target = "cash" if source == "bank" else "bank"
    return [
        _Line(day, None, text, 0, amount, source, transfer=True),
        _Line(day, None, text, amount, 0, target, transfer=True),
    ]


class _Council:
    """One council's 科目 and the lines of its years."""

    def __init__(self, district: int, ids: _Ids, stamp: dict[str, Any]) -> None:
        self.district = district
        self.subjects: list[dict[str, Any]] = []
        self.by_name: dict[str, int] = {}
        for order, (kind, name, role) in enumerate(STARTER_SUBJECTS, start=1):
            sid = ids.take("subject")
            self.by_name[name] = sid
            self.subjects.append(
                {"id": sid, "district_id": district, "kind": kind.value, "name": name, "parent_id": None,
                 "role": role.value, "display_order": order * 10, "active": True, "notes": "", **stamp}
            )  # fmt: skip
        self.events: list[int] = []
        for order, name in enumerate(EVENTS, start=1):
            sid = ids.take("subject")
            self.events.append(sid)
            self.subjects.append(
                {"id": sid, "district_id": district, "kind": "expense", "name": name,
                 "parent_id": self.by_name["事業費"], "role": "", "display_order": order * 10, "active": True,
                 "notes": "", **stamp}
            )  # fmt: skip
        self.carryover = next(s["id"] for s in self.subjects if s["role"] == SubjectRole.CARRYOVER.value)
        self.reserve = next(s["id"] for s in self.subjects if s["role"] == SubjectRole.RESERVE.value)

    def ordinary(self, rng: random.Random, fy: int, until: date, n: int) -> list[_Line]:
        first = fiscal_year_range(fy)[0]
        span = _days(first, until)
        lines: list[_Line] = []
        for k in range(n):
            name, text, income, account, least, most, parties = ORDINARY[k % len(ORDINARY)]
            day = first + timedelta(days=rng.randrange(span))
            amount = rng.randrange(least, most + 1) // 10 * 10 or most
            subject = self.events[k % len(self.events)] if name == "事業費" else self.by_name[name]
            party = parties[k % len(parties)]
            label = f"{EVENTS[k % len(EVENTS)]} {text}" if name in ("事業費", "事業収入") else text
            lines.append(
                _Line(day, subject, label, amount if income else 0, 0 if income else amount, account, party)
            )
        spent = sum(x.expense for x in lines) - sum(x.income for x in lines)
        for part, day in ((0.55, date(fy, 5, 20)), (0.5, date(fy, 10, 20))):  # 交付金 in two payments
            if day <= until:
                grant = int(spent * part) // 1000 * 1000 + 150000
                lines.append(_Line(day, self.by_name["町交付金"], "地域まちづくり協議会交付金", grant, 0, "bank", "栄町"))  # fmt: skip
        for k in range(max(1, n // 200)):  # a few 訂正: the wrong line, its cancellation, the right one
            wrong = lines[(k * 37) % n]
            if wrong.expense == 0:
                continue
            fix = min(wrong.day + timedelta(days=2), until)
            lines.append(_Line(fix, wrong.subject, wrong.text, 0, wrong.expense, wrong.account, wrong.party,
                               cancels=wrong, notes="金額の誤り（レシートを確認）"))  # fmt: skip
            lines.append(_Line(fix, wrong.subject, wrong.text, 0, wrong.expense - 10, wrong.account, wrong.party))  # fmt: skip
        return lines

    def grant_lines(self, rng: random.Random, g: dict[str, Any], until: date, n: int) -> list[_Line]:
        received = min(g["decided_on"] + timedelta(days=30), until)
        lines = [_Line(received, self.by_name["補助金"], f"{g['scheme']}（交付）", g["amount_granted"], 0, "bank",
                       "栄町", g["project_id"], g["id"])]  # fmt: skip
        last = until if g["status"] != "settled" else date(g["fiscal_year"] + 1, 3, 20)
        span = max(1, _days(received, last))
        budget = g["amount_granted"] - (0 if g["id"] % 2 else 4000)  # every other grant leaves a 差額
        for k in range(n):
            share = budget // n // 10 * 10
            amount = share if k < n - 1 else budget - share * (n - 1)
            day = received + timedelta(days=rng.randrange(span))
            lines.append(_Line(day, self.events[k % len(self.events)], f"{EVENTS[k % len(EVENTS)]} 補助対象経費",
                               0, amount, "cash", SHOPS[k % len(SHOPS)], g["project_id"], g["id"]))  # fmt: skip
        if g["status"] == "settled" and budget < g["amount_granted"]:
            lines.append(_Line(date(g["fiscal_year"] + 1, 3, 24), self.by_name["補助金返還金"],
                               f"{g['scheme']} 返還金", 0, g["amount_granted"] - budget, "bank", "栄町",
                               g["project_id"], None))  # fmt: skip
        return lines

    def budget(self, lines: list[_Line], opening: int, months: int) -> dict[int, int]:
        """当初予算: each 科目 a little above what the year spends (extrapolated to 12 months), income a little
        below what it takes in, 前年度繰越金 the opening balance and 予備費 the difference."""
        actual: dict[int, int] = {}
        for x in lines:
            if x.subject is not None:
                sign = -1 if x.cancels is not None else 1
                actual[x.subject] = actual.get(x.subject, 0) + sign * (x.income + x.expense)
        scale = 12 / max(1, months)
        kinds = {s["id"]: s["kind"] for s in self.subjects}
        amounts: dict[int, int] = {self.carryover: opening}
        for sid, yen in actual.items():
            if sid in (self.carryover, self.reserve):
                continue
            per_year = yen * scale
            if kinds[sid] == "income":
                amounts[sid] = int(per_year * 0.97) // 1000 * 1000
            else:
                amounts[sid] = -(-int(per_year * 1.08) // 1000) * 1000
        income = sum(v for k, v in amounts.items() if kinds[k] == "income")
        expense = sum(v for k, v in amounts.items() if kinds[k] == "expense")
        if income - expense < 50000:
            amounts[self.by_name["町交付金"]] = (
                amounts.get(self.by_name["町交付金"], 0) + expense - income + 50000
            )
            income = expense + 50000
        amounts[self.reserve] = income - expense
        return amounts


def _entry_rows(book: int, lines: list[_Line], ids: _Ids, stamp: dict[str, Any]) -> Iterator[dict[str, Any]]:
    first = ids.take("entry", len(lines))
    for n, line in enumerate(lines):
        line.id, line.voucher = first + n, n + 1
    for n, line in enumerate(lines):
        ref = ""
        if line.transfer:
            out_leg = line if line.expense else lines[n - 1]
            ref = f"transfer:{book}-{out_leg.voucher}"
        yield {
            "id": line.id, "book_id": book, "voucher_no": line.voucher, "entry_date": line.day,
            "subject_id": line.subject, "description": line.text, "income": line.income, "expense": line.expense,
            "account": line.account, "counterparty": line.party, "project_id": line.project,
            "grant_id": line.grant, "cancels_id": line.cancels.id if line.cancels is not None else None,
            "overspend_reason": "", "close_revision_id": None, "import_ref": ref, "notes": line.notes, **stamp,
        }  # fmt: skip


def _balances(opening: tuple[int, int], lines: list[_Line], until: date) -> tuple[int, int]:
    cash, bank = opening
    for x in lines:
        if x.day > until:
            break
        delta = (-1 if x.cancels is not None else 1) * (x.income - x.expense)
        if x.account == "cash":
            cash += delta
        else:
            bank += delta
    return cash, bank


def _grants(s: Any, size: Size, fy: int, ids: _Ids, stamp: dict[str, Any]) -> list[dict[str, Any]]:
    """``size.grants`` 補助金 a year for each council, on its awarded projects: last year's settled (実績額
    recorded), this year's awarded."""
    awarded: dict[int, list[tuple[int, str]]] = {}
    for pid, district, kind, status in s.execute(
        select(CollaborativeProject.id, CollaborativeProject.district_id, CollaborativeProject.kind,
               CollaborativeProject.status).order_by(CollaborativeProject.id)
    ):  # fmt: skip
        if status in AWARDED:
            awarded.setdefault(district, []).append((pid, kind))
    rows = []
    for district, projects in sorted(awarded.items()):
        for back, year in enumerate((fy - 1, fy)):
            for j in range(size.grants):
                pid, kind = projects[(back * size.grants + j) % len(projects)]
                granted = 150000 + 50000 * ((district + j) % 6)
                settled = year < fy
                rows.append(
                    {"id": ids.take("grant"), "project_id": pid,
                     "scheme": "みんなで力を合わせたまちづくり事業補助金" if kind == "district_collaboration"
                     else "地域コミュニティ活動補助金",
                     "fiscal_year": year, "status": "settled" if settled else "awarded",
                     "amount_requested": granted + 20000, "amount_granted": granted, "amount_spent": None,
                     "applied_on": date(year, 4, 10), "reviewed_on": date(year, 4, 28),
                     "decided_on": date(year, 5, 15), "reported_on": date(year + 1, 4, 10) if settled else None,
                     "settled_on": date(year + 1, 4, 30) if settled else None,
                     "notes": "", "_district": district, **stamp}
                )  # fmt: skip
    return rows


def write_books(db: Database, size: Size, today: date, stamp: dict[str, Any]) -> dict[str, int]:
    """Every council's 科目, last year's closed book and this year's open one, with their grants."""
    rng = random.Random(20261128)
    fy = fiscal_year(today)
    ids = _Ids()
    counts: dict[str, int] = {}

    def put(conn: Any, model: Any, rows: list[dict[str, Any]]) -> None:
        if rows:
            conn.execute(insert(model), rows)
            counts[model.__tablename__] = counts.get(model.__tablename__, 0) + len(rows)

    with db.engine.begin() as conn:
        grants = _grants(conn, size, fy, ids, stamp)
        by_district: dict[int, list[dict[str, Any]]] = {}
        for g in grants:
            by_district.setdefault(g.pop("_district"), []).append(g)
        put(conn, GrantApplication, grants)
        spent_of: dict[int, int] = {}
        for district in range(1, size.districts + 1):
            council = _Council(district, ids, stamp)
            put(conn, AccountSubject, council.subjects)
            years: list[tuple[int, date, list[_Line]]] = []
            for year in (fy - 1, fy):
                until = min(fiscal_year_range(year)[1], today)
                months = len(_months(year, until))
                lines = council.ordinary(rng, year, until, size.entries * months // 12)
                for g in by_district.get(district, []):
                    if g["fiscal_year"] == year:
                        lines += council.grant_lines(rng, g, until, size.grant_lines)
                years.append((year, until, lines))
            # the closed year's opening bank covers both years' lowest points (the books never go negative)
            cash = 30000 + 1000 * district
            walked = []
            for year, until, lines in years:
                ordered, closing_cash, bank_net, bank_low = _walk(lines, cash)
                walked.append((year, until, ordered, cash, bank_net, bank_low))
                cash = closing_cash
            bank = max(200000, -walked[0][5], -(walked[0][4] + walked[1][5])) // 1000 * 1000 + 100000
            for year, until, ordered, opening_cash, _net, _low in walked:
                closed = year < fy
                book = ids.take("book")
                entries = list(_entry_rows(book, ordered, ids, stamp))
                closing = _balances((opening_cash, bank), ordered, until)
                put(conn, AccountBook, [
                    {"id": book, "district_id": district, "fiscal_year": year,
                     "status": "closed" if closed else "open", "opening_cash": opening_cash, "opening_bank": bank,
                     "last_voucher_no": len(ordered), "closed_on": date(year + 1, 4, 25) if closed else None,
                     "closed_by": "会計担当" if closed else "", "carryover": sum(closing) if closed else None,
                     **stamp}
                ])  # fmt: skip
                put(conn, AccountEntry, entries)
                for x in ordered:
                    if x.grant is not None and x.expense:
                        spent_of[x.grant] = spent_of.get(x.grant, 0) + x.expense
                checked = _months(year, until)[:-1] if not closed else _months(year, until)
                label = fiscal_year_label(year)
                amounts = council.budget(ordered, opening_cash + bank, len(_months(year, until)))
                first_rev = ids.take("revision")
                revisions = [{"id": first_rev, "book_id": book, "number": 0, "decided_on": date(year, 4, 26),
                              "reason": f"{label} 定期総会", **stamp}]  # fmt: skip
                budget_lines = [
                    {"revision_id": first_rev, "subject_id": k, "amount": v} for k, v in amounts.items()
                ]
                drill, reserve = council.events[1], council.reserve
                if not closed and date(year, 9, 15) <= today and amounts[reserve] >= 30000:
                    second = ids.take("revision")
                    revisions.append({"id": second, "book_id": book, "number": 1, "decided_on": date(year, 9, 15),
                                      "reason": "防災訓練の追加実施（9月役員会で議決）", **stamp})  # fmt: skip
                    budget_lines += [{"revision_id": second, "subject_id": drill, "amount": amounts.get(drill, 0) + 30000},
                              {"revision_id": second, "subject_id": reserve, "amount": amounts[reserve] - 30000}]  # fmt: skip
                put(conn, AccountBudgetRevision, revisions)
                put(conn, AccountBudgetLine, budget_lines)
                put(conn, AccountMonthCheck, [
                    {"book_id": book, "month_start": m, "checked_on": (m + timedelta(days=40)).replace(day=10),
                     "checked_by": "会計担当"} for m in checked
                ])  # fmt: skip
                if checked:
                    end = (checked[-1] + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                    at = _balances((opening_cash, bank), ordered, end)
                    put(conn, AccountCashCount, [
                        {"book_id": book, "counted_on": end, "account": "cash", "counted": max(0, at[0] - 50),
                         "book_balance": at[0], "explanation": "切手代の釣銭の受け取り漏れ（郵便局に確認済み）",
                         "counted_by": "監事", **stamp},
                        {"book_id": book, "counted_on": end, "account": "bank", "counted": at[1],
                         "book_balance": at[1], "explanation": "", "counted_by": "監事", **stamp},
                    ])  # fmt: skip
                opening_cash, bank = closing
        settled = [
            {"gid": g["id"], "spent": spent_of.get(g["id"], 0)} for g in grants if g["status"] == "settled"
        ]
        # 実績報告: the 実績額 the books show, recorded on the settled grants as record_grant_settlement does
        if settled:
            table = cast(Table, GrantApplication.__table__)
            conn.execute(
                update(table).where(table.c.id == bindparam("gid")).values(amount_spent=bindparam("spent")),
                settled,
            )
    return counts
