"""デモデータ: one year of a council's 出納帳 — the ordinary life of a 小学校区 council, month by month.

Used by :mod:`services.demo_accounts`; written through the entry services' own code (:func:`insert_entry`),
one transaction per book, with the 証憑番号 reserved by one UPDATE.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import AccountBook, AccountSubject, CollaborativeProject, GrantApplication
from sakae_council.services import accounts
from sakae_council.services.accounts import EntryInput
from sakae_council.services.accounts.core import checked_months, reserve_vouchers
from sakae_council.services.accounts.entries import insert_entry
from sakae_council.services.grants import GrantDTO

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
            checked = checked_months(s, book.id)  # read once: no month is checked while the lines go in
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
                    checked=checked,
                )
            del held
        n = len(self.lines)
        self.lines = []
        return n


def _first_weekday(year: int, month: int, weekday: int, nth: int = 1) -> date:
    d = date(year, month, 1)
    d += timedelta(days=(weekday - d.weekday()) % 7)
    return d + timedelta(days=7 * (nth - 1))


def months(fy: int, until: date) -> list[tuple[int, int]]:
    out = []
    for i in range(12):
        year, month = (fy, 4 + i) if i < 9 else (fy + 1, i - 8)
        if date(year, month, 1) <= until:
            out.append((year, month))
    return out


def enter_year(
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
    for year, month in months(fy, until):
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
        if fy >= 2026:  # since 令和8年度 the council collects paper and cans each month for a little income
            w.add(
                _first_weekday(year, month, 5, 1),
                ids["事業収入"],
                "資源回収 売上金（古紙・アルミ缶）",
                income=1500 + 250 * rng.randrange(0, 12),
                counterparty="栄町リサイクル協同組合",
            )
            if month in (8, 2):
                w.add(
                    date(year, month, 20),
                    ids["雑収入"],
                    "普通預金 利息",
                    income=3 + rng.randrange(0, 20),
                    account="bank",
                    counterparty="銀行",
                )
            if month in (5, 9, 11):
                w.add(
                    date(year, month, 15),
                    ids["事業費"],
                    "見守り隊 飲み物（朝の立ち番）",
                    expense=1000 + 100 * rng.randrange(0, 6),
                    counterparty=rng.choice(SHOPS[:2]),
                    project=event_project,
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


def top_up_cash(db: Database, book_id: int, until: date) -> None:
    """預金引出し at the start of a month whenever the cash box would run low during it."""
    fy = accounts.get_book(db, book_id).fiscal_year
    for year, month in months(fy, until):
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
