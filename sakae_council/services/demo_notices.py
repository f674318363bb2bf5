"""デモデータ: members' addresses and the replies to the next meeting's notice (issue #22).

Addresses are fictional (made-up 番地) in 栄町's real 町名 and 郵便番号 — 安食 〒270-1516, 酒直 〒270-1513,
龍角寺 〒270-1506 — so labels sort and look as a secretary's would; every ninth member has none, so the
notice's list of the unaddressed has someone on it. The next meeting of 安食's council has replies from
most of its members (出席, 欠席 and a 委任), the rest 未回答.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from sakae_council.db.engine import Database
from sakae_council.db.models import Person
from sakae_council.domain.contact import normalize_postal_code
from sakae_council.domain.replies import Reply
from sakae_council.services import meeting_bodies, meeting_replies, meetings
from sakae_council.services.meeting_replies import ReplyInput

#: (町名, 郵便番号) the demo districts' members live in.
TOWNS = (("安食", "270-1516"), ("酒直", "270-1513"), ("龍角寺", "270-1506"))
#: District (by its place in the demo) → the 町名 of TOWNS its members live in.
DISTRICT_TOWN = (0, 0, 1, 1, 2, 0)
#: The replies of the next meeting's members in turn (None: 未回答).
REPLY_PATTERN = (
    Reply.PRESENT,
    Reply.PRESENT,
    Reply.ABSENT,
    Reply.PRESENT,
    None,
    Reply.PROXY,
    Reply.PRESENT,
    None,
)


def demo_address(district_index: int, index: int) -> tuple[str, str]:
    """A fictional address (〒, 住所) for the ``index``-th person of a demo district; ("", "") every ninth."""
    if index % 9 == 8:
        return "", ""
    name, code = TOWNS[DISTRICT_TOWN[district_index % len(DISTRICT_TOWN)]]
    number = 100 + (district_index * 331 + index * 47) % 2900
    building = f" さかえ荘{1 + index % 3}0{1 + index % 4}号室" if index % 7 == 3 else ""
    return normalize_postal_code(code), f"千葉県印旛郡栄町{name}{number}番地{1 + index % 5}{building}"


def _prepare_agenda(db: Database, meeting_id: int) -> None:
    """The agenda and handouts the secretary prepared for the notice (the minutes stay empty)."""
    from dataclasses import replace

    from sakae_council.domain.enums import AgendaKind
    from sakae_council.services import minutes

    detail = meetings.get_meeting(db, meeting_id)
    data = replace(
        minutes.minutes_input_from(detail),
        agenda_items=(
            minutes.AgendaItemInput(title="ふれあい送迎ボランティアの実施報告", kind=AgendaKind.REPORT),
            minutes.AgendaItemInput(title="令和9年度 事業計画（案）について", kind=AgendaKind.DELIBERATION),
            minutes.AgendaItemInput(title="令和9年度 役員の改選について", kind=AgendaKind.DELIBERATION),
            minutes.AgendaItemInput(title="その他", kind=AgendaKind.OTHER),
        ),
        handouts=("資料1 送迎ボランティア実施報告", "資料2 令和9年度 事業計画（案）", "筆記用具"),
    )
    minutes.save_minutes(db, meeting_id, data, detail.version)


def load(
    db: Database,
    district_ids: list[int],
    members: dict[int, list[int]],
    staff: dict[int, list[int]],
    today: date,
) -> int:
    """Give the demo people their addresses and the next meeting of the first council its replies;
    returns how many replies were recorded."""
    with db.transaction() as s:
        for d_index, district_id in enumerate(district_ids):
            ids = members.get(district_id, []) + staff.get(district_id, [])
            people = {p.id: p for p in s.scalars(select(Person).where(Person.id.in_(ids)))}
            for i, person_id in enumerate(ids):
                person = people[person_id]
                person.postal_code, person.address = demo_address(d_index, i)
    bodies = [b for b in meeting_bodies.list_bodies(db) if b.district_id == district_ids[0]]
    if not bodies:
        return 0
    upcoming = [m for m in meetings.list_meetings(db, body_id=bodies[0].id) if m.held_on > today]
    if not upcoming:
        return 0
    meeting = min(upcoming, key=lambda m: m.held_on)
    _prepare_agenda(db, meeting.id)
    invitees = meeting_replies.get_replies(db, meeting.id).members
    replies = [
        ReplyInput(p.person_id, reply, "田村 美紀" if reply is Reply.PROXY else "")
        for p, reply in zip(invitees, REPLY_PATTERN * (len(invitees) // len(REPLY_PATTERN) + 1), strict=False)
    ]
    done = meeting_replies.record_replies(db, meeting.id, replies, today)
    return done.replied
