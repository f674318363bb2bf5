"""Deterministic scale data for the 貸出票 and the 開催通知: each council's 自治会, the town's 資機材 and
five years of their 貸出 (returned, out, overdue, reserved, a few cancelled), and the 出欠回答 already
received for the meetings not yet held. Written by :func:`write_lending` after :mod:`bench.generate`'s
people, projects and meetings, in the same Core batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from bench.generate_books import JICHIKAI
from sakae_council.db.engine import Database
from sakae_council.db.models import Attendance, Equipment, EquipmentLoan, Meeting, MeetingReply, Organisation
from sakae_council.domain.enums import LoanStatus, OrganisationKind
from sakae_council.domain.text import kana_sort_key

if TYPE_CHECKING:
    from bench.generate import Size

Write = Callable[[Database, Any, Iterator[dict[str, Any]]], int]

#: (name, pieces, where it is kept) of the town's 資機材; a stress town has many of each (番号 after the name).
EQUIPMENT = (
    ("イベント用テント（3間×2間）", 4, "防災倉庫（安食）"),
    ("長机", 20, "ふれあいプラザさかえ"),
    ("パイプ椅子", 60, "ふれあいプラザさかえ"),
    ("発電機", 2, "防災倉庫（安食）"),
    ("投光器", 4, "防災倉庫（安食）"),
    ("拡声器", 3, "住民活動推進課"),
    ("炊き出し用大鍋", 3, "防災倉庫（酒直）"),
    ("綿菓子機", 1, "住民活動推進課"),
    ("草刈り機", 5, "防災倉庫（酒直）"),
    ("プロジェクター", 2, "住民活動推進課"),
)
#: Organisations per council (its 自治会).
PER_DISTRICT = len(JICHIKAI)


def _loan(k: int, size: Size, today: date, stamp: dict[str, Any]) -> dict[str, Any]:
    """Loan ``k`` (0: the newest): spread over five years back from ten days ahead."""
    item = (k * 7) % size.equipment
    pieces = EQUIPMENT[item % len(EQUIPMENT)][1]
    district = k % size.districts + 1
    lent = today + timedelta(days=10 - (k * 1825) // max(size.loans, 1))
    due = lent + timedelta(days=3 + k % 5)
    if k % 50 == 7:
        status = LoanStatus.CANCELLED
    elif lent > today:
        status = LoanStatus.RESERVED
    elif lent >= today - timedelta(days=30) and (k // size.districts) % 3:
        status = LoanStatus.LENT  # out this month; those due before today show as 期限切れ
    else:
        status = LoanStatus.RETURNED
    returned = status is LoanStatus.RETURNED
    # a council's member (person i+1 sits on council i % districts + 1) or one of its 自治会
    person = district + size.districts * (k % max(1, size.people // size.districts - 1))
    return {
        "id": k + 1,
        "equipment_id": item + 1,
        "project_id": None,
        "borrower_organisation_id": (district - 1) * PER_DISTRICT + k % PER_DISTRICT + 1 if k % 2 else None,
        "borrower_person_id": None if k % 2 else min(person, size.people),
        "district_id": district,
        "quantity": 1 + k % pieces,
        "status": status.value,
        "lent_on": lent,
        "due_on": due,
        "returned_on": due - timedelta(days=k % 2) if returned else None,
        "return_condition": ("破損あり: 脚が1本曲がっていた" if k % 20 == 3 else "良好") if returned else "",
        "notes": "夏祭りで使用" if k % 4 == 0 else "",
        **stamp,
    }


def write_lending(
    db: Database, size: Size, today: date, stamp: dict[str, Any], write: Write
) -> dict[str, int]:
    """自治会, 資機材 and 貸出, and the replies of the meetings not held yet; returns row counts."""
    counts: dict[str, int] = {}
    counts["organisation"] = write(
        db,
        Organisation,
        (
            {
                "id": (d - 1) * PER_DISTRICT + j + 1,
                "name": f"第{d}学区 {name}",
                "furigana": furigana,
                "kana_key": kana_sort_key(furigana),
                "kind": OrganisationKind.NEIGHBOURHOOD.value,
                "district_id": d,
                "contact_person_id": None,
                "phone": f"0476-95-{(d * 10 + j) % 10000:04d}",
                "address": f"印旛郡栄町安食{d * 10 + j}",
                "notes": "",
                **stamp,
            }
            for d in range(1, size.districts + 1)
            for j, (name, furigana) in enumerate(JICHIKAI)
        ),
    )
    counts["equipment"] = write(
        db,
        Equipment,
        (
            {
                "id": i + 1,
                "name": name if i < len(EQUIPMENT) else f"{name} {i // len(EQUIPMENT) + 1}",
                "code": f"E-{i + 1:04d}",
                "quantity": pieces,
                "storage_place": place,
                "condition": "良好" if i % 9 else "一部破損（使用可）",
                "available": i % 23 != 22,
                "notes": "",
                **stamp,
            }
            for i in range(size.equipment)
            for name, pieces, place in (EQUIPMENT[i % len(EQUIPMENT)],)
        ),
    )
    counts["equipment_loan"] = write(
        db, EquipmentLoan, (_loan(k, size, today, stamp) for k in range(size.loans))
    )
    with (
        db.engine.connect() as conn
    ):  # the invitees of the meetings still ahead (下書き) answer as slips come back
        invited = conn.execute(
            select(Attendance.meeting_id, Attendance.person_id, Attendance.position)
            .join(Meeting, Meeting.id == Attendance.meeting_id)
            .where(Meeting.status == "draft", Attendance.person_id.is_not(None))
            .order_by(Attendance.meeting_id, Attendance.position)
        ).all()
    answers = ("present", "absent", "proxy")
    counts["meeting_reply"] = write(
        db,
        MeetingReply,
        (
            {
                "meeting_id": m,
                "person_id": p,
                "reply": answers[pos % 3],
                "proxy_name": "代理 太郎" if answers[pos % 3] == "proxy" else "",
                "received_on": today - timedelta(days=7 - pos),
                "version": 1,
            }
            for m, p, pos in invited
            if pos < 3  # the first three of each meeting answered; the rest have not yet
        ),
    )
    return counts
