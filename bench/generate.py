"""Deterministic scale data: the town's real size and a stress size ~100× larger.

Rows are written with SQLAlchemy Core in large batches (the services would take hours at the stress
size), but every derived column — search_text, kana_key — comes from the same functions the services
use, so searches behave exactly as on real data.

    python -m bench.generate --size town|stress -o FILE.db
"""

from __future__ import annotations

import argparse
import random
import time
from array import array
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as dtime
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from bench.generate_books import write_books
from bench.generate_lending import write_lending
from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import (
    AgendaItem,
    Attendance,
    CollaborativeProject,
    District,
    IssueCategory,
    IssueStatusChange,
    Meeting,
    MeetingBody,
    Membership,
    Person,
    RegionalIssue,
)
from sakae_council.db.models.search import (
    KIND_ISSUE,
    KIND_PERSON,
    SEARCH_GRAM,
    issue_order,
    person_order,
    text_grams,
)
from sakae_council.domain.enums import DEFAULT_ISSUE_CATEGORIES, ISSUE_TRANSITIONS, IssueStatus, ProjectStatus
from sakae_council.domain.search_text import issue_search_text, meeting_search_text, person_search_text
from sakae_council.domain.text import kana_sort_key
from sakae_council.domain.wareki import fiscal_year


@dataclass(frozen=True)
class Size:
    name: str
    districts: int
    people: int
    issues: int
    projects: int
    meetings: int
    agenda_per_meeting: int
    #: 資機材 of the town and their 貸出 over five years.
    equipment: int
    loans: int
    #: Ordinary 出納帳 lines of a council's full year (besides its grants' and the 振替), and its 補助金 a
    #: year with the expense lines of each.
    entries: int
    grants: int
    grant_lines: int


SIZES = {
    "tiny": Size("tiny", 3, 60, 80, 20, 30, 3, 8, 30, 60, 1, 3),
    "town": Size("town", 6, 300, 500, 200, 400, 4, 40, 300, 300, 2, 6),
    "stress": Size("stress", 100, 100_000, 200_000, 20_000, 50_000, 10, 400, 30_000, 4500, 3, 20),
}

SURNAMES = [
    ("佐藤", "サトウ"),
    ("鈴木", "スズキ"),
    ("髙橋", "タカハシ"),
    ("田中", "タナカ"),
    ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"),
    ("山本", "ヤマモト"),
    ("中村", "ナカムラ"),
    ("小林", "コバヤシ"),
    ("加藤", "カトウ"),
    ("𠮷田", "ヨシダ"),
    ("山田", "ヤマダ"),
    ("佐々木", "ササキ"),
    ("山口", "ヤマグチ"),
    ("松本", "マツモト"),
    ("井上", "イノウエ"),
    ("木村", "キムラ"),
    ("林", "ハヤシ"),
    ("斎藤", "サイトウ"),
    ("清水", "シミズ"),
    ("山﨑", "ヤマザキ"),
    ("森", "モリ"),
    ("池田", "イケダ"),
    ("橋本", "ハシモト"),
]
GIVEN = [
    ("一郎", "イチロウ"),
    ("和子", "カズコ"),
    ("茂", "シゲル"),
    ("幸子", "サチコ"),
    ("博", "ヒロシ"),
    ("節子", "セツコ"),
    ("勝", "マサル"),
    ("洋子", "ヨウコ"),
    ("清", "キヨシ"),
    ("恵子", "ケイコ"),
    ("隆", "タカシ"),
    ("京子", "キョウコ"),
    ("修", "オサム"),
    ("美智子", "ミチコ"),
    ("進", "ススム"),
    ("久美子", "クミコ"),
    ("誠", "マコト"),
    ("由美子", "ユミコ"),
]
ISSUE_WORDS = [
    "通院",
    "見守り",
    "防犯灯",
    "通学路",
    "草刈り",
    "不法投棄",
    "子育て広場",
    "体操教室",
    "避難訓練",
    "ごみ出し",
    "空き家",
    "買い物",
    "交差点",
    "公園",
    "自治会",
    "集会所",
    "防災倉庫",
    "高齢者",
    "放課後",
    "送迎",
]
ROLES = ["suishin", "suishin", "public_post", "staff", "npo", "business", "school", "other"]
POSTS = ["chair", "vice_chair", "treasurer", "auditor", "secretariat"]
BATCH = 5000


def body_name(n: int) -> str:
    """The name of the generated district council ``n`` (1-based)."""
    return f"第{n}小学校区地域まちづくり協議会"


def _batches(rows: Iterator[dict[str, Any]], size: int = BATCH) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _write(db: Database, model: Any, rows: Iterator[dict[str, Any]]) -> int:
    n = 0
    with db.engine.begin() as conn:
        for batch in _batches(rows):
            conn.execute(insert(model), batch)
            n += len(batch)
    return n


def _write_postings(db: Database) -> int:
    """The n-gram index for every person and issue, written in key order (a B-tree append, not a shuffle)."""
    table = SEARCH_GRAM
    n = 0
    with db.engine.begin() as conn:
        for kind, stmt, order_of in (
            (
                KIND_PERSON,
                select(Person.id, Person.search_text, Person.kana_key).where(Person.deleted_at.is_(None)),
                person_order,
            ),
            (
                KIND_ISSUE,
                select(RegionalIssue.id, RegionalIssue.search_text, RegionalIssue.raised_on),
                issue_order,
            ),
        ):
            # Two flat arrays per gram (places and ids): 14 million postings as tuples would take a gigabyte.
            by_gram: dict[str, tuple[array[int], array[int]]] = defaultdict(lambda: (array("q"), array("i")))
            for record_id, text, key in conn.execute(stmt):
                order = order_of(key)
                for gram in text_grams(text):
                    places, ids = by_gram[gram]
                    places.append(order)
                    ids.append(record_id)
            batch: list[dict[str, Any]] = []
            for gram in sorted(by_gram):
                batch.extend(
                    {"kind": kind, "gram": gram, "ord": o, "record_id": r}
                    for o, r in sorted(zip(*by_gram.pop(gram), strict=True))
                )
                if len(batch) >= 50_000:
                    conn.execute(insert(table), batch)
                    n += len(batch)
                    batch = []
            if batch:
                conn.execute(insert(table), batch)
                n += len(batch)
    return n


def generate(
    target: str | Path, size: Size, *, seed: int = 4, today: date = date(2026, 11, 28)
) -> dict[str, int]:
    """Create a new database at ``target`` filled to ``size``; returns row counts."""
    rng = random.Random(seed)
    db = open_database(target, user="bench")
    now = datetime(2026, 11, 28, 9, 0)
    stamp = {"version": 1, "created_at": now, "updated_at": now}
    counts: dict[str, int] = {}
    try:
        counts["district"] = _write(
            db,
            District,
            (
                {
                    "id": i + 1,
                    "name": f"第{i + 1}小学校区",
                    "council_name": f"第{i + 1}小学校区地域まちづくり協議会",
                    "council_status": "established" if i % 3 else "preparing",
                    "display_order": i,
                    "active": True,
                    "notes": "",
                    **stamp,
                }
                for i in range(size.districts)
            ),
        )
        counts["issue_category"] = _write(
            db,
            IssueCategory,
            (
                {"id": i + 1, "name": n, "display_order": i, **stamp}
                for i, n in enumerate(DEFAULT_ISSUE_CATEGORIES)
            ),
        )

        def people() -> Iterator[dict[str, Any]]:
            for i in range(size.people):
                sn, gn = SURNAMES[rng.randrange(len(SURNAMES))], GIVEN[rng.randrange(len(GIVEN))]
                name, furigana = f"{sn[0]} {gn[0]}{i % 97 if i >= 400 else ''}", f"{sn[1]} {gn[1]}"
                notes = "送迎ボランティア経験あり" if i % 13 == 0 else ""
                yield {
                    "id": i + 1,
                    "name": name,
                    "furigana": furigana,
                    "kana_key": kana_sort_key(furigana),
                    "postal_code": "270-1516",
                    "address": f"印旛郡栄町安食{i % 3000 + 1}",
                    "phone": f"0476-95-{i % 10000:04d}",
                    "email": "",
                    "notes": notes,
                    "search_text": person_search_text(name, furigana, "", notes),
                    **stamp,
                }

        counts["person"] = _write(db, Person, people())

        def memberships() -> Iterator[dict[str, Any]]:
            for i in range(size.people):
                district = i % size.districts + 1
                role = ROLES[i % len(ROLES)]
                officer = i // size.districts < len(POSTS)
                # left at the 令和7年度 改選 (the day before the new terms began); the officers stayed on
                ended = i % 17 == 0 and not officer
                yield {
                    "id": i + 1,
                    "person_id": i + 1,
                    "district_id": district,
                    "role": role,
                    "public_post": "民生委員・児童委員" if role == "public_post" else "",
                    "officer_post": POSTS[i // size.districts] if officer else "member",
                    "term_start": date(2025, 4, 1) if not ended else date(2023, 4, 1),
                    "term_end": date(2027, 3, 31) if not ended else date(2025, 3, 31),
                    "ended_on": date(2025, 3, 31) if ended else None,
                    **stamp,
                }

        counts["membership"] = _write(db, Membership, memberships())

        statuses = [s for s in IssueStatus]

        def issues() -> Iterator[dict[str, Any]]:
            for i in range(size.issues):
                cat = i % len(DEFAULT_ISSUE_CATEGORIES)
                title = f"{ISSUE_WORDS[i % len(ISSUE_WORDS)]}の{ISSUE_WORDS[(i * 7) % len(ISSUE_WORDS)]}について（{i + 1}）"
                desc = f"{ISSUE_WORDS[(i * 3) % len(ISSUE_WORDS)]}に関する住民の声。"
                yield {
                    "id": i + 1,
                    "title": title,
                    "description": desc,
                    "district_id": i % size.districts + 1,
                    "category_id": cat + 1,
                    "status": statuses[i % len(statuses)].value,
                    "priority": ("high", "medium", "low")[i % 3],
                    "source": ("meeting", "resident", "staff", "liaison")[i % 4],
                    "raised_on": today - timedelta(days=i % 3650),
                    "shared_with_liaison": i % 5 == 0,
                    "search_text": issue_search_text(title, desc, DEFAULT_ISSUE_CATEGORIES[cat]),
                    **stamp,
                }

        counts["regional_issue"] = _write(db, RegionalIssue, issues())
        assert ISSUE_TRANSITIONS  # history rows below follow the first legal step only
        counts["issue_status_change"] = _write(
            db,
            IssueStatusChange,
            (
                {
                    "issue_id": i + 1,
                    "from_status": None,
                    "to_status": "raised",
                    "changed_on": today - timedelta(days=i % 3650),
                    "changed_at": now,
                    "comment": "",
                    "changed_by": "bench",
                }
                for i in range(size.issues)
            ),
        )
        pstat = [s.value for s in ProjectStatus]
        counts["collaborative_project"] = _write(
            db,
            CollaborativeProject,
            (
                {
                    "id": i + 1,
                    "title": f"協働事業{i + 1}",
                    "purpose": "地域の課題を協働で解決する。",
                    "district_id": i % size.districts + 1,
                    "kind": "community" if i % 3 == 0 else "district_collaboration",
                    "status": pstat[i % len(pstat)],
                    "start_on": date(2017 + i % 10, 4, 1),
                    "end_on": date(2018 + i % 10, 3, 31),
                    "launched_on": date(2017 + i % 10, 5, 1)
                    if pstat[i % len(pstat)] in ("granted", "running", "completed", "verified")
                    else None,
                    "search_text": "",
                    **stamp,
                }
                for i in range(size.projects)
            ),
        )
        counts["meeting_body"] = _write(
            db,
            MeetingBody,
            (
                {
                    "id": i + 1,
                    "kind": "district_council",
                    "name": body_name(i + 1),
                    "district_id": i + 1,
                    "display_order": i,
                    **stamp,
                }
                for i in range(size.districts)
            ),
        )
        per_body: dict[tuple[int, int], int] = {}

        def meetings() -> Iterator[dict[str, Any]]:
            for i in range(size.meetings):
                body = i % size.districts + 1
                held = today - timedelta(days=(i * 3650) // max(size.meetings, 1) % 3650)
                fy = fiscal_year(held)
                per_body[(body, fy)] = per_body.get((body, fy), 0) + 1
                yield {
                    "id": i + 1,
                    "body_id": body,
                    "fiscal_year": fy,
                    "number": per_body[(body, fy)],
                    "held_on": held,
                    "start_time": dtime(19, 0),
                    "end_time": dtime(20, 30),
                    "place": "公民館",
                    "search_text": meeting_search_text(fy, per_body[(body, fy)], body_name(body), "公民館"),
                    "observers": 0,
                    "next_meeting": "",
                    "status": "approved" if held < today - timedelta(days=60) else "draft",
                    "revision": 0,
                    "notes": "",
                    **stamp,
                }

        counts["meeting"] = _write(db, Meeting, meetings())
        counts["agenda_item"] = _write(
            db,
            AgendaItem,
            (
                {
                    "meeting_id": m + 1,
                    "position": k,
                    "kind": ("report", "deliberation", "other")[k % 3],
                    "title": f"議題{k + 1} {ISSUE_WORDS[(m + k) % len(ISSUE_WORDS)]}について",
                    "presenter": "事務局",
                    "discussion": "説明の後、意見交換を行った。" * 3,
                    "result": ("approved", "unanimous", "none")[k % 3],
                }
                for m in range(size.meetings)
                for k in range(size.agenda_per_meeting)
            ),
        )
        counts["attendance"] = _write(
            db,
            Attendance,
            (
                {
                    "meeting_id": m + 1,
                    "person_id": (m * 5 + k) % size.people + 1,
                    "name": "出席者",
                    "affiliation": "",
                    "category": "member",
                    "status": "present",
                    "proxy_name": "",
                    "position": k,
                }
                for m in range(size.meetings)
                for k in range(5)
            ),
        )
        counts.update(write_lending(db, size, today, stamp, _write))
        counts.update(write_books(db, size, today, stamp))
        counts["search_gram"] = _write_postings(db)
        with db.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE") if db.is_sqlite else None
    finally:
        db.close()
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=sorted(SIZES), default="town")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args(argv)
    out = Path(args.output)
    if out.exists():
        out.unlink()
    start = time.perf_counter()
    counts = generate(out, SIZES[args.size])
    print(f"{args.size}: {counts} in {time.perf_counter() - start:.1f}s -> {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
