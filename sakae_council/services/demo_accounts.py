"""デモデータ: every district council's books — 令和7年度 closed, 令和8年度 open up to the demo's "today".

Believable for a 小学校区 council: a town 交付金 of ¥300,000, 自治会 contributions as 会費, the grants the
demo's projects hold (received into the bank, spent through the year, the settled ones with their 差額
returned), meetings' tea, stamps, the 会報's printing, an event's sales, a bank interest of a few yen.
令和8年度 has about 150 entries, a 補正予算, one grant's 収支精算 recorded, a 訂正, an overspend with its
reason and a cash count whose small 差異 is explained. Deterministic (seeded), built through the services.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AccountBook, AccountSubject, CollaborativeProject, GrantApplication
from sakae_council.domain.enums import GrantStatus
from sakae_council.services import accounts, grants
from sakae_council.services.accounts import BudgetLineInput, CashCountInput, EntryInput
from sakae_council.services.accounts.core import reserve_vouchers
from sakae_council.services.accounts.entries import insert_entry
from sakae_council.services.grants import GrantDTO

SEED = 20261207
#: Entries of the open year are laid out up to this day (the demo town's "today").
OPEN_UNTIL = date(2026, 11, 28)

#: 自治会 paying the council's 会費 (their 負担金), per district: a share of these names.
PAYERS = (
    "第一区自治会",
    "第二区自治会",
    "東町自治会",
    "西町自治会",
    "南台自治会",
    "ニュータウン自治会",
    "中央区",
    "北区",
)
SHOPS = (
    "栄町商店（文具）",
    "ホームセンター安食店",
    "印刷工房さかえ",
    "郵便局",
    "酒直商店",
    "ドラッグストア栄店",
)


class _Writer:
    """Enters one book's lines in one transaction through the service's own entry code."""

    def __init__(self, db: Database, book_id: int) -> None:
        self.db = db
        self.book_id = book_id
        self.lines: list[tuple[date, int, str, int, int, str, str, int | None, int | None, str]] = []

    def add(
        self,
        day: date,
        subject: int,
        text: str,
        income: int = 0,
        expense: int = 0,
        account: str = "cash",
        counterparty: str = "",
        grant: int | None = None,
        project: int | None = None,
        reason: str = "",
    ) -> None:
        self.lines.append(
            (day, subject, text, income, expense, account, counterparty, grant, project, reason)
        )

    def flush(self) -> int:
        self.lines.sort(key=lambda line: line[0])
        with self.db.transaction() as s:
            first = reserve_vouchers(s, self.book_id, len(self.lines))
            book = s.get(AccountBook, self.book_id)
            assert book is not None
            # Held here so the session's (weak) identity map keeps them: each line's checks then find them
            # without another SELECT.
            held = [
                *s.scalars(select(AccountSubject).where(AccountSubject.district_id == book.district_id)),
                *s.scalars(
                    select(CollaborativeProject).where(CollaborativeProject.district_id == book.district_id)
                ),
                *s.scalars(
                    select(GrantApplication)
                    .join(CollaborativeProject)
                    .where(CollaborativeProject.district_id == book.district_id)
                ),
            ]
            for number, (
                day,
                subject,
                text,
                income,
                expense,
                account,
                party,
                grant,
                project,
                reason,
            ) in enumerate(self.lines, start=first):
                # The lines are laid out within the budget (a test of the demo checks it): the per-line
                # overspend check is left to the few entered with a reason, which keeps loading quick.
                insert_entry(
                    s,
                    self.db.user,
                    book,
                    EntryInput(day, subject, text, income, expense, account, party, project, grant, reason),
                    check_budget=bool(reason),
                    voucher_no=number,
                )
            del held
        n = len(self.lines)
        self.lines = []
        return n


def _first_weekday(year: int, month: int, weekday: int, nth: int = 1) -> date:
    d = date(year, month, 1)
    d += timedelta(days=(weekday - d.weekday()) % 7)
    return d + timedelta(days=7 * (nth - 1))


def _months(fy: int, until: date) -> list[tuple[int, int]]:
    out = []
    for i in range(12):
        year, month = (fy, 4 + i) if i < 9 else (fy + 1, i - 8)
        if date(year, month, 1) <= until:
            out.append((year, month))
    return out


def _year(
    db: Database,
    book_id: int,
    ids: dict[str, int],
    fy: int,
    until: date,
    scale: int,
    rng: random.Random,
    year_grants: Sequence[GrantDTO],
    event_project: int | None,
    settled: int | None = None,
) -> int:
    """The year's ordinary life (dues, 交付金, meetings, stamps, printing, an event) and its grants."""
    w = _Writer(db, book_id)
    payers = PAYERS[: 4 + scale % 4]
    for i, payer in enumerate(payers):
        w.add(
            date(fy, 5, 8 + i),
            ids["会費"],
            f"{fy - 2018}年度会費（{payer}）",
            income=6000 + 1000 * (i % 3),
            counterparty=payer,
        )
    w.add(
        date(fy, 5, 20),
        ids["町交付金"],
        "地域まちづくり協議会交付金",
        income=300000,
        account="bank",
        counterparty="栄町",
    )
    for g in year_grants:
        if g.amount_granted is None or g.decided_on is None:
            continue
        received = max(g.decided_on + timedelta(days=80), date(fy, 5, 25))
        w.add(
            received,
            ids["補助金"],
            f"{g.scheme}（{g.project_title}）",
            income=g.amount_granted,
            account="bank",
            counterparty="栄町",
            grant=g.id,
            project=g.project_id,
        )
    for year, month in _months(fy, until):
        meeting = _first_weekday(year, month, 1, 2)  # 第2火曜 役員会
        w.add(
            meeting,
            ids["会議費"],
            "役員会 お茶・菓子代",
            expense=1200 + 100 * rng.randrange(0, 12),
            counterparty=rng.choice(SHOPS[:2]),
        )
        w.add(
            meeting + timedelta(days=3),
            ids["通信運搬費"],
            "会議案内の切手代",
            expense=110 * (8 + rng.randrange(0, 6)),
            counterparty="郵便局",
        )
        if month in (4, 7, 10, 1):
            w.add(
                date(year, month, 18),
                ids["印刷製本費"],
                f"会報「まちづくり通信」{month}月号 印刷",
                expense=8800 + 1100 * scale,
                account="bank",
                counterparty="印刷工房さかえ",
            )
        if month in (5, 9, 12, 2):
            w.add(
                date(year, month, 22),
                ids["消耗品費"],
                rng.choice(("コピー用紙・トナー", "文具（ファイル・ペン）", "模造紙・マーカー")),
                expense=2000 + 350 * rng.randrange(0, 10),
                counterparty=rng.choice(SHOPS),
            )
        if month in (6, 11):
            w.add(
                date(year, month, 6),
                ids["事業費"],
                "地区清掃のごみ袋・軍手",
                expense=4200 + 300 * scale,
                counterparty="ホームセンター安食店",
                project=event_project,
            )
        if month in (4, 6, 9, 11, 1):
            w.add(
                date(year, month, 25),
                ids["会議費"],
                "部会 会場使用料（公民館）",
                expense=1500,
                counterparty="栄町公民館",
            )
        if fy >= 2026:  # since 令和8年度 the 事務局 has a phone, and copies are made at the 公民館
            w.add(
                date(year, month, 27),
                ids["通信運搬費"],
                "事務局 携帯電話料金",
                expense=1980,
                account="bank",
                counterparty="携帯電話会社",
            )
            w.add(
                date(year, month, 12),
                ids["消耗品費"],
                "公民館コピー代",
                expense=10 * (20 + rng.randrange(0, 60)),
                counterparty="栄町公民館",
            )
            w.add(
                _first_weekday(year, month, 4, 4),
                ids["会議費"],
                "福祉部会 お茶代",
                expense=600 + 100 * rng.randrange(0, 8),
                counterparty=rng.choice(SHOPS[:2]),
            )
        if fy < 2026 and month not in (5, 8, 11, 2):
            continue  # the salon met every quarter in 令和7年度, monthly since
        salon = _first_weekday(year, month, 3, 3)  # 第3木曜 ふれあいサロン
        guests = 12 + rng.randrange(0, 10)
        w.add(
            salon,
            ids["事業収入"],
            f"ふれあいサロン参加費（{guests}名）",
            income=200 * guests,
            project=event_project,
        )
        w.add(
            salon - timedelta(days=1),
            ids["事業費"],
            "ふれあいサロン お茶・菓子",
            expense=2500 + 100 * rng.randrange(0, 15),
            counterparty=rng.choice(SHOPS[:2]),
            project=event_project,
        )
        w.add(
            salon + timedelta(days=7),
            ids["事業費"],
            "ふれあいサロン 材料（手芸・体操）",
            expense=1800 + 100 * rng.randrange(0, 12),
            counterparty="栄町商店（文具）",
            project=event_project,
        )
        if fy >= 2026 and month != 8:  # 放課後ひろば opened in 令和8年度 (closed in August)
            for week in (1, 2, 3, 4):
                w.add(
                    _first_weekday(year, month, 2, week),
                    ids["事業費"],
                    "放課後ひろば おやつ代",
                    expense=900 + 50 * rng.randrange(0, 10),
                    counterparty="ドラッグストア栄店",
                    project=event_project,
                )
    if date(fy, 6, 1) <= until:
        w.add(
            date(fy, 6, 3),
            ids["保険料"],
            "ボランティア行事保険（年間）",
            expense=16500 + 1500 * (scale % 3),
            account="bank",
            counterparty="社会福祉協議会",
        )
    if date(fy, 10, 20) <= until:
        fest = date(fy, 10, 19)
        w.add(
            fest - timedelta(days=10),
            ids["事業費"],
            "ふれあい祭り 模擬店材料",
            expense=38000 + 2000 * scale,
            counterparty="酒直商店",
            project=event_project,
        )
        w.add(
            fest - timedelta(days=8),
            ids["謝礼"],
            "ふれあい祭り 出演者謝礼",
            expense=10000,
            counterparty="栄太鼓保存会",
        )
        w.add(
            fest,
            ids["事業収入"],
            "ふれあい祭り 模擬店売上",
            income=52000 + 3000 * scale,
            project=event_project,
        )
        w.add(
            fest + timedelta(days=2),
            ids["寄付金"],
            "ふれあい祭りへの寄付",
            income=10000,
            counterparty="安食商工会",
        )
    if date(fy, 8, 25) <= until:
        w.add(
            date(fy, 8, 1),
            ids["事業費"],
            "夏休みラジオ体操 参加賞",
            expense=24000 + 1000 * scale,
            counterparty="酒直商店",
            project=event_project,
        )
        w.add(
            date(fy, 8, 23),
            ids["事業費"],
            "納涼のつどい 飲み物・テント設営",
            expense=46000 + 2000 * scale,
            account="bank",
            counterparty="ホームセンター安食店",
            project=event_project,
        )
    if date(fy, 12, 10) <= until:
        w.add(
            date(fy, 12, 10), ids["謝礼"], "防災講座 講師謝礼", expense=10000, counterparty="元消防署員 講師"
        )
    if date(fy + 1, 3, 25) <= until:
        w.add(
            date(fy + 1, 3, 20),
            ids["雑収入"],
            "普通預金利息",
            income=3 + scale,
            account="bank",
            counterparty="千葉銀行",
        )
        w.add(
            date(fy + 1, 3, 15),
            ids["会議費"],
            "総会資料・会場準備",
            expense=5600,
            counterparty="栄町商店（文具）",
        )
    for month in (5, 8, 11, 2):
        year = fy if month >= 4 else fy + 1
        if date(year, month, 28) <= until:
            w.add(
                date(year, month, 28),
                ids["消耗品費"],
                "電池・ガムテープ等",
                expense=800 + 100 * rng.randrange(0, 9),
                counterparty="ドラッグストア栄店",
            )
    for g in year_grants:
        if g.amount_granted is None or g.decided_on is None:
            continue
        target = g.amount_spent if g.amount_spent is not None else g.amount_granted * 6 // 10
        days = [date(fy, 6, 12), date(fy, 8, 21), date(fy, 11, 14), date(fy + 1, 2, 10)]
        if g.id == settled:  # a short project, finished and settled within the year so far
            target = g.amount_granted - 4000
            days = [date(fy, 6, 12), date(fy, 7, 21), date(fy, 9, 2), date(fy, 10, 14)]
        parts = [target * 3 // 10, target * 3 // 10, target * 2 // 10]
        parts.append(target - sum(parts))
        texts = ("材料費", "講師謝礼・保険", "会場使用料・消耗品", "報告会資料・記録写真")
        for day, amount, text in zip(days, parts, texts, strict=True):
            if day <= until and amount > 0:
                w.add(
                    day,
                    ids["事業費"],
                    f"{g.project_title} {text}",
                    expense=amount,
                    account="bank",
                    counterparty=rng.choice(SHOPS),
                    grant=g.id,
                    project=g.project_id,
                )
    return w.flush()


def _cash_needs(db: Database, book_id: int, until: date) -> None:
    """預金引出し at the start of a month whenever the cash box would run low during it."""
    fy = accounts.get_book(db, book_id).fiscal_year
    for year, month in _months(fy, until):
        start = date(year, month, 1)
        lines = accounts.list_entries(db, book_id, account="cash")
        before = [e.balance for e in lines if e.entry_date < start]
        low = min(
            [e.balance for e in lines if e.entry_date >= start and month_of(e.entry_date) == (year, month)],
            default=before[-1] if before else 0,
        )
        if low < 5000:
            amount = ((5000 - low) // 10000 + 2) * 10000
            day = start - timedelta(days=1) if (year, month) != (fy, 4) else start  # the day before the month
            accounts.add_transfer(db, book_id, day, "bank", amount, "預金引出し（小口現金）")


def month_of(d: date) -> tuple[int, int]:
    return d.year, d.month


def _budget(scale: int, carry: int, grants_total: int, ids: dict[str, int]) -> list[BudgetLineInput]:
    income = {
        "前年度繰越金": carry,
        "会費": 40000 + 7000 * (scale % 4),
        "町交付金": 300000,
        "補助金": grants_total,
        "事業収入": 100000,
        "寄付金": 10000,
        "雑収入": 10,
    }
    expense = {
        "会議費": 45000,
        "事業費": 250000 + grants_total,
        "消耗品費": 40000,
        "印刷製本費": 40000 + 4400 * scale,
        "通信運搬費": 40000,
        "保険料": 20000,
        "謝礼": 30000,
        "補助金返還金": 0,
    }
    expense["予備費"] = sum(income.values()) - sum(expense.values())
    return [BudgetLineInput(ids[k], v) for k, v in {**income, **expense}.items()]


def load(db: Database, district_ids: Sequence[int]) -> int:
    """Both years' books for every district; returns how many 出納帳 entries were made."""
    made = 0
    for scale, district_id in enumerate(district_ids, start=1):
        rng = random.Random(SEED + district_id)
        ids = {s.name: s.id for s in accounts.ensure_starter_subjects(db, district_id)}
        district_grants = grants.list_grants(db, district_id=district_id)
        projects_of = [g.project_id for g in district_grants]
        event_project = projects_of[0] if projects_of else None

        # 令和7年度: a first book, its opening typed by the treasurer, closed after the 総会
        old = accounts.open_book(db, district_id, 2025)
        old = accounts.set_opening_balances(
            db, old.id, 21000 + 1000 * scale, 180000 + 15000 * scale, old.version
        )
        old_grants = [
            g for g in district_grants if g.fiscal_year == 2025 and g.status in grants.AWARDED_OR_LATER
        ]
        accounts.set_budget(
            db,
            old.id,
            date(2025, 4, 26),
            _budget(scale, old.opening_total, sum(g.amount_granted or 0 for g in old_grants), ids),
            "令和7年度 定期総会",
        )
        made += _year(db, old.id, ids, 2025, date(2026, 3, 31), scale, rng, old_grants, event_project)
        for g in old_grants:
            settlement = accounts.grant_settlement(db, g.id)
            if settlement.return_due and g.status is GrantStatus.SETTLED:
                accounts.add_entry(
                    db,
                    old.id,
                    EntryInput(
                        date(2026, 3, 24),
                        ids["補助金返還金"],
                        f"{g.scheme} 返還金（{g.project_title}）",
                        0,
                        settlement.return_due,
                        "bank",
                        "栄町",
                        g.project_id,
                        overspend_reason="補助金の精算による返還（予算外の支出として役員会で承認）",
                    ),
                )
                made += 1
        _cash_needs(db, old.id, date(2026, 3, 31))
        for year, month in _months(2025, date(2026, 3, 31)):
            accounts.check_month(db, old.id, date(year, month, 1), date(year, month, 1) + timedelta(days=40))
        accounts.close_year(db, old.id, date(2026, 4, 25))

        # 令和8年度: open, carried over, a 補正予算, one grant's 収支精算, a 訂正, a cash count
        book = accounts.open_book(db, district_id, 2026)
        new_grants = [
            g for g in district_grants if g.fiscal_year == 2026 and g.status in grants.AWARDED_OR_LATER
        ]
        total = sum(g.amount_granted or 0 for g in new_grants)
        accounts.set_budget(
            db,
            book.id,
            date(2026, 4, 25),
            _budget(scale, book.opening_total, total, ids),
            "令和8年度 定期総会",
        )
        settled = new_grants[0].id if new_grants else None
        made += _year(db, book.id, ids, 2026, OPEN_UNTIL, scale, rng, new_grants, event_project, settled)
        reserve = next(r for r in accounts.budget_vs_actual(db, book.id) if r.label == "予備費")
        accounts.add_budget_revision(
            db,
            book.id,
            date(2026, 9, 15),
            "防災訓練の追加実施（9月役員会で議決）",
            [
                BudgetLineInput(
                    ids["事業費"],
                    next(r.budget for r in accounts.budget_vs_actual(db, book.id) if r.label == "事業費")
                    + 30000,
                ),
                BudgetLineInput(ids["予備費"], reserve.budget - 30000),
            ],
        )
        drill = accounts.add_entry(
            db,
            book.id,
            EntryInput(
                date(2026, 9, 27),
                ids["事業費"],
                "防災訓練 炊き出し材料・保険",
                0,
                27500,
                "cash",
                "酒直商店",
                event_project,
            ),
        )
        wrong = accounts.add_entry(
            db,
            book.id,
            EntryInput(
                date(2026, 11, 4),
                ids["消耗品費"],
                "防災倉庫の懐中電灯",
                0,
                6980,
                "cash",
                "ホームセンター安食店",
            ),
        )
        accounts.cancel_entry(db, wrong.id, date(2026, 11, 6), "金額の誤り（レシートは6,890円）")
        accounts.add_entry(
            db,
            book.id,
            EntryInput(
                date(2026, 11, 6),
                ids["消耗品費"],
                "防災倉庫の懐中電灯",
                0,
                6890,
                "cash",
                "ホームセンター安食店",
            ),
        )
        budget_left = next(r for r in accounts.budget_vs_actual(db, book.id) if r.label == "会議費").remaining
        accounts.add_entry(
            db,
            book.id,
            EntryInput(
                date(2026, 11, 20),
                ids["会議費"],
                "地区懇談会 会場・茶菓",
                0,
                max(budget_left, 0) + 3200,
                "cash",
                "栄町公民館",
                overspend_reason="町との地区懇談会を追加開催（11月役員会で承認、予備費から充当予定）",
            ),
        )
        made += 4 + len([drill])
        _cash_needs(db, book.id, OPEN_UNTIL)
        if settled is not None:
            accounts.record_grant_settlement(db, settled)
        for year, month in _months(2026, date(2026, 10, 31)):
            accounts.check_month(db, book.id, date(year, month, 1), date(year, month, 1) + timedelta(days=40))
        cash = accounts.balances(db, book.id, as_of=date(2026, 10, 31))[0].closing
        accounts.record_cash_count(
            db,
            book.id,
            CashCountInput(
                date(2026, 10, 31),
                "cash",
                cash - 50 * scale,
                "10月の切手代の釣銭の受け取り漏れ（郵便局に確認済み）",
            ),
        )
        bank = accounts.balances(db, book.id, as_of=date(2026, 10, 31))[1].closing
        accounts.record_cash_count(db, book.id, CashCountInput(date(2026, 10, 31), "bank", bank))
    return made
