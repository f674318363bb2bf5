"""A council meeting with everything filled in, for the PDF and CLI tests (real services, real database)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, time
from pathlib import Path

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.enums import AgendaKind, AgendaResult, AttendanceStatus, MemberRole, OfficerPost
from sakae_council.services import districts, meeting_bodies, meetings, minutes, minutes_approval, people
from sakae_council.services.meetings import AttendeeCategory, MeetingDetailDTO, MeetingInput
from sakae_council.services.minutes import (
    ActionItemInput,
    AgendaItemInput,
    AttendanceInput,
    minutes_input_from,
)

KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホ"
MARKUP = "<b>太字</b> & <font name='x'>"

RESULTS = [
    (AgendaResult.NONE, None, None),
    (AgendaResult.APPROVED, None, None),
    (AgendaResult.UNANIMOUS, None, None),
    (AgendaResult.MAJORITY, 15, 4),
    (AgendaResult.CONTINUED, None, None),
    (AgendaResult.APPROVED, None, None),
    (AgendaResult.MAJORITY, 12, 7),
    (AgendaResult.NONE, None, None),
]


@dataclass
class Council:
    district: int
    body: int
    people: dict[str, int]


def person(db: Database, district: int, name: str, kana: str, **kw: object) -> int:
    m = people.MembershipInput(
        district_id=district,
        role=kw.pop("role", MemberRole.SUISHIN),  # type: ignore[arg-type]
        officer_post=kw.pop("post", OfficerPost.MEMBER),  # type: ignore[arg-type]
        term_start=date(2025, 4, 1),
        term_end=date(2027, 3, 31),
    )
    return people.create_person(db, people.PersonInput(name=name, furigana=kana, memberships=(m,))).id


def council(db: Database, members: int = 22) -> Council:
    """安食 with a 会長 (髙), a 副会長 (𠮷), a member with markup in the name, ``members`` more, 2 staff."""
    d = districts.create_district(
        db,
        districts.DistrictInput(
            name="安食小学校区", council_name="安食小学校区まちづくり協議会", display_order=1
        ),
    ).id
    meeting_bodies.ensure_district_bodies(db)
    body = next(b.id for b in meeting_bodies.list_bodies(db) if b.district_id == d)
    ids = {
        "chair": person(db, d, "髙橋 一郎", "タカハシ イチロウ", post=OfficerPost.CHAIR),
        "vice": person(db, d, "𠮷田 花子", "ヨシダ ハナコ", post=OfficerPost.VICE_CHAIR),
        "odd": person(db, d, "<山本> & 榮", "ヤマモト サカエ"),
        "staff": person(db, d, "加藤 京子", "カトウ キョウコ", role=MemberRole.STAFF),
        "staff2": person(db, d, "前田 和子", "マエダ カズコ", role=MemberRole.STAFF),
    }
    for i in range(members):
        ids[f"m{i}"] = person(
            db, d, f"委員{i:02d} 太郎", f"{KANA[i % len(KANA)]}{KANA[i // len(KANA)]} タロウ"
        )
    return Council(d, body, ids)


def discussion(i: int, paragraphs: int = 1) -> str:
    text = (
        f"議題{i}について説明があり、質疑応答を行った。参加者から「地域の見守り活動を広げたい」との意見があった。"
        f"<script>&amp; は文字どおり印刷される。"
    )
    return "\n\n".join(f"{text}（第{p + 1}段）" for p in range(paragraphs))


def full_meeting(db: Database, c: Council, *, paragraphs: int = 1, agenda: int = 8) -> MeetingDetailDTO:
    """A draft with 8 agenda items, 25+ attendees, a proxy, an absence, a guest, handouts, decisions, actions."""
    m = meetings.create_meeting(
        db,
        MeetingInput(
            c.body, date(2026, 11, 28), time(19), time(20, 30), place="安食ふれあいセンター 2階 <会議室A>"
        ),
    )
    rows = []
    for a in minutes_input_from(m).attendance:
        a = replace(a, status=AttendanceStatus.PRESENT)  # entered from the sign-in sheet (rows start 未確認)
        if a.person_id == c.people["m0"]:
            a = replace(a, status=AttendanceStatus.PROXY, proxy_name="代理 𠮷川")
        elif a.person_id == c.people["m1"]:
            a = replace(a, status=AttendanceStatus.ABSENT)
        rows.append(a)
    rows.append(
        AttendanceInput(name="社協 担当者", category=AttendeeCategory.GUEST, affiliation="栄町社会福祉協議会")
    )
    items = tuple(
        AgendaItemInput(
            title=f"議題{i} 放課後ひろば「さかえっ子」{MARKUP if i == 1 else ''}",
            kind=(AgendaKind.REPORT, AgendaKind.DELIBERATION, AgendaKind.OTHER)[i % 3],
            presenter="事務局" if i % 2 else "髙橋会長",
            discussion=discussion(i, paragraphs),
            result=RESULTS[i % len(RESULTS)][0],
            votes_for=RESULTS[i % len(RESULTS)][1],
            votes_against=RESULTS[i % len(RESULTS)][2],
        )
        for i in range(1, agenda + 1)
    )
    data = replace(
        minutes_input_from(m),
        attendance=tuple(rows),
        chair_id=c.people["chair"],
        recorder_id=c.people["staff"],
        signatory1_id=c.people["vice"],
        signatory2_id=c.people["odd"],
        observers=3,
        handouts=("次第", "資料1 実施計画(案) <別紙>"),
        agenda_items=items,
        decisions=("放課後ひろばを計画どおり実施する。", "役割分担表を事務局が作る & 配る。"),
        action_items=(ActionItemInput("送迎車両の保険の確認", "地区担当職員", date(2026, 12, 20)),),
        next_meeting="令和9年1月中旬（日程は事務局から連絡）",
    )
    return minutes.save_minutes(db, m.id, data, m.version)


def revised_and_draft(path: Path) -> tuple[int, int]:
    """A new file at ``path``, closed when done, with a council, one meeting 確定 and then revised (its 次回予定)
    and a later draft; (revised id, draft id)."""
    db = open_database(path, user="テスト担当")
    try:
        c = council(db, members=8)
        first = full_meeting(db, c, agenda=3)
        first = minutes_approval.approve_minutes(db, first.id, date(2026, 12, 1), first.version)
        changed = replace(minutes_input_from(first), next_meeting="令和9年2月・会場変更あり")
        minutes_approval.revise_minutes(db, first.id, changed, "次回予定の訂正", first.version)
        draft = full_meeting(db, c, agenda=2)
    finally:
        db.close()
    return first.id, draft.id
