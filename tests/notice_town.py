"""A council whose members have addresses (one without, one 𠮷), and its next meeting with an agenda —
for the notice, label and reply tests (real services, real database)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time

from sakae_council.db.engine import Database
from sakae_council.domain.enums import AgendaKind, MemberRole, OfficerPost
from sakae_council.services import districts, meeting_bodies, meetings, minutes, people
from sakae_council.services.meetings import MeetingInput
from sakae_council.services.minutes import AgendaItemInput, minutes_input_from

HELD_ON = date(2026, 12, 12)

#: (name, フリガナ, 〒, address, post, role)
MEMBERS = (
    ("髙橋 一郎", "タカハシ イチロウ", "270-1516", "千葉県印旛郡栄町安食3丁目12番地の4", OfficerPost.CHAIR, MemberRole.SUISHIN),
    ("𠮷田 花子", "ヨシダ ハナコ", "270-1513", "千葉県印旛郡栄町酒直123", OfficerPost.VICE_CHAIR, MemberRole.SUISHIN),
    ("相川 次郎", "アイカワ ジロウ", "270-1516", "千葉県印旛郡栄町安食1-2-3 さかえハイツ101号室", OfficerPost.MEMBER, MemberRole.PUBLIC_POST),
    ("上野 三郎", "ウエノ サブロウ", "270-1506", "千葉県印旛郡栄町龍角寺45", OfficerPost.MEMBER, MemberRole.SUISHIN),
    ("小川 幸子", "オガワ サチコ", "", "", OfficerPost.MEMBER, MemberRole.SUISHIN),
    ("木村 四郎", "キムラ シロウ", "270-1513", "千葉県印旛郡栄町酒直678", OfficerPost.MEMBER, MemberRole.NPO),
    ("加藤 京子", "カトウ キョウコ", "270-1592", "千葉県印旛郡栄町安食台1-2 栄町役場 住民活動推進課", OfficerPost.MEMBER, MemberRole.STAFF),
)  # fmt: skip


@dataclass
class NoticeTown:
    district: int
    body: int
    meeting: int
    people: dict[str, int]


def notice_town(db: Database, *, extra_members: int = 0) -> NoticeTown:
    """安食 with the members above (plus ``extra_members`` with addresses) and its meeting of 12 December."""
    d = districts.create_district(
        db,
        districts.DistrictInput(
            name="安食小学校区", council_name="安食小学校区まちづくり協議会", display_order=1
        ),
    ).id
    meeting_bodies.ensure_district_bodies(db)
    body = next(b.id for b in meeting_bodies.list_bodies(db) if b.district_id == d)
    rows = list(MEMBERS) + [
        (f"委員{i:02d} 太郎", f"イイン{'アイウエオカキクケコ'[i % 10]}{i:02d} タロウ", f"270-15{10 + i % 9:02d}",
         f"千葉県印旛郡栄町安食{i + 1}-{i % 7 + 1}", OfficerPost.MEMBER, MemberRole.SUISHIN)
        for i in range(extra_members)
    ]  # fmt: skip
    ids = {}
    for name, kana, postal, address, post, role in rows:
        m = people.MembershipInput(
            district_id=d, role=role, officer_post=post, term_start=date(2025, 4, 1), term_end=date(2027, 3, 31),
            public_post="民生委員・児童委員" if role is MemberRole.PUBLIC_POST else "",
        )  # fmt: skip
        ids[name] = people.create_person(
            db,
            people.PersonInput(
                name=name, furigana=kana, postal_code=postal, address=address, memberships=(m,)
            ),
        ).id
    detail = meetings.create_meeting(
        db,
        MeetingInput(
            body_id=body,
            held_on=HELD_ON,
            start_time=time(19, 0),
            end_time=time(20, 30),
            place="安食ふれあいセンター 会議室",
        ),
    )
    data = replace(
        minutes_input_from(detail),
        agenda_items=(
            AgendaItemInput(title="ふれあい送迎ボランティアの実施報告", kind=AgendaKind.REPORT),
            AgendaItemInput(title="令和9年度 事業計画（案）について", kind=AgendaKind.DELIBERATION),
            AgendaItemInput(title="その他", kind=AgendaKind.OTHER),
        ),
        handouts=("資料1 送迎ボランティア実施報告", "資料2 令和9年度 事業計画（案）"),
    )
    minutes.save_minutes(db, detail.id, data, detail.version)
    return NoticeTown(d, body, detail.id, ids)
