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

from sakae_council.db.engine import Database
from sakae_council.domain.enums import GrantStatus
from sakae_council.services import accounts, grants
from sakae_council.services.accounts import BudgetLineInput, CashCountInput, EntryInput
from sakae_council.services.demo_accounts_year import enter_year, months, top_up_cash

SEED = 20261207
#: Entries of the open year are laid out up to this day (the demo town's "today").
OPEN_UNTIL = date(2026, 11, 28)


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
        made += enter_year(db, old.id, ids, 2025, date(2026, 3, 31), scale, rng, old_grants, event_project)
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
        top_up_cash(db, old.id, date(2026, 3, 31))
        for year, month in months(2025, date(2026, 3, 31)):
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
        made += enter_year(db, book.id, ids, 2026, OPEN_UNTIL, scale, rng, new_grants, event_project, settled)
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
        top_up_cash(db, book.id, OPEN_UNTIL)
        if settled is not None:
            accounts.record_grant_settlement(db, settled)
        for year, month in months(2026, date(2026, 10, 31)):
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
