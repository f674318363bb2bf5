"""出欠回答 and the people a 開催通知 goes to: who is invited, what they answered, where they live.

A meeting's invitees are its roster rows (委員 and 地区担当職員 with a person on the roster) as the
meeting was prepared; each may have one reply (domain.replies.Reply) from the 出欠票 of the notice.
Addresses are read only when asked for (``with_addresses``): printing them is a deliberate act of the
notice and label windows, never something a list of replies carries along.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Attendance,
    District,
    Meeting,
    MeetingBody,
    MeetingReply,
    Membership,
    Person,
)
from sakae_council.domain.council import Quorum
from sakae_council.domain.enums import AttendanceStatus, BodyKind, MinutesStatus, OfficerPost
from sakae_council.domain.errors import StaleVersionError, ValidationError, msg
from sakae_council.domain.replies import ExpectedQuorum, Reply, expected_quorum
from sakae_council.domain.terms import TermStatus, term_status
from sakae_council.domain.text import kana_sort_key
from sakae_council.domain.wareki import fiscal_year_label
from sakae_council.services.common import audit, check_day, get_or_raise, optional_text
from sakae_council.services.meetings import AttendeeCategory
from sakae_council.services.people import current_members

#: Who a notice goes to: everyone invited, or only those who have not answered yet.
PeopleChoice = Literal["all", "unreplied"]
#: Label order: by 郵便番号 (then 五十音), or by 五十音 (フリガナ).
LabelOrder = Literal["postal", "kana"]


@dataclass(frozen=True)
class InviteeDTO:
    """One person a meeting's notice goes to, with their reply (None: not answered yet)."""

    person_id: int
    name: str
    furigana: str
    #: 会長 / ふれあい推進員 / 地区担当職員 … as on the meeting's attendance.
    affiliation: str
    category: AttendeeCategory
    reply: Reply | None
    proxy_name: str
    received_on: date | None
    #: Filled only when read ``with_addresses``.
    postal_code: str = ""
    address: str = ""
    #: The reply's version as read (0: never answered); what a save names as the copy it changes.
    version: int = 0

    @property
    def has_address(self) -> bool:
        """A letter or label can be posted: there is an address (the 〒 alone is not enough)."""
        return bool(self.address.strip())

    @property
    def reply_text(self) -> str:
        """出席 / 欠席 / 委任（代理人: 田村 美紀） / 未回答."""
        if self.reply is None:
            return "未回答"
        if self.reply is Reply.PROXY and self.proxy_name:
            return f"{self.reply.label}（代理人: {self.proxy_name}）"
        return self.reply.label


@dataclass(frozen=True)
class RepliesDTO:
    """A meeting's invitees and their replies, with the counts and the expected quorum."""

    meeting_id: int
    meeting_title: str
    body_name: str
    number: int
    held_on: date
    status: MinutesStatus
    invitees: tuple[InviteeDTO, ...]

    @property
    def replied(self) -> int:
        """回答済: invitees who answered."""
        return sum(1 for i in self.invitees if i.reply is not None)

    @property
    def unreplied(self) -> int:
        """未回答."""
        return len(self.invitees) - self.replied

    @property
    def members(self) -> tuple[InviteeDTO, ...]:
        """The 委員 (who count for the quorum)."""
        return tuple(i for i in self.invitees if i.category is AttendeeCategory.MEMBER)

    def expected(self) -> tuple[Quorum, ExpectedQuorum]:
        """The quorum the members' replies promise (domain.replies.expected_quorum)."""
        return expected_quorum(i.reply for i in self.members)


@dataclass(frozen=True)
class ReplyInput:
    """One person's reply as read from the slip; ``reply=None`` clears it (未回答)."""

    person_id: int
    reply: Reply | None
    proxy_name: str = ""


@dataclass(frozen=True)
class SenderDTO:
    """Who a notice is from: the council and its 会長 on the day of issue."""

    council_name: str
    chair_post: str
    chair_name: str


@dataclass(frozen=True)
class Addressee:
    """One label's text: 〒, address and name (sorted by ``kana_key`` or the 郵便番号)."""

    name: str
    furigana: str
    postal_code: str
    address: str

    @property
    def has_address(self) -> bool:
        return bool(self.address.strip())


# --- reading -----------------------------------------------------------------------------------------


def _meeting_title(m: Meeting) -> str:
    return f"{fiscal_year_label(m.fiscal_year)} 第{m.number}回 {m.body.name}"


def _load(s: Session, meeting_id: int, with_addresses: bool) -> RepliesDTO:
    m = get_or_raise(s, Meeting, meeting_id, "会議")
    replies = {r.person_id: r for r in s.scalars(select(MeetingReply).where(MeetingReply.meeting_id == m.id))}
    rows = s.execute(
        select(Attendance, Person)
        .join(Person, Person.id == Attendance.person_id)
        .where(
            Attendance.meeting_id == m.id,
            Attendance.category.in_([AttendeeCategory.MEMBER.value, AttendeeCategory.STAFF.value]),
            Person.deleted_at.is_(None),
        )
        .order_by(Attendance.position, Attendance.id)
    ).all()
    invitees = []
    seen: set[int] = set()
    for a, p in rows:
        if p.id in seen:
            continue
        seen.add(p.id)
        r = replies.get(p.id)
        invitees.append(
            InviteeDTO(
                person_id=p.id,
                name=p.name,
                furigana=p.furigana,
                affiliation=a.affiliation,
                category=AttendeeCategory(a.category),
                reply=Reply(r.reply) if r is not None and r.reply else None,
                proxy_name=r.proxy_name if r is not None else "",
                received_on=r.received_on if r is not None else None,
                postal_code=p.postal_code if with_addresses else "",
                address=p.address if with_addresses else "",
                version=r.version if r is not None else 0,
            )
        )
    return RepliesDTO(
        meeting_id=m.id,
        meeting_title=_meeting_title(m),
        body_name=m.body.name,
        number=m.number,
        held_on=m.held_on,
        status=MinutesStatus(m.status),
        invitees=tuple(invitees),
    )


def get_replies(db: Database, meeting_id: int, *, with_addresses: bool = False) -> RepliesDTO:
    """The meeting's invitees in the order of its roster, each with their reply (addresses only if asked)."""
    with db.reading() as s:
        return _load(s, meeting_id, with_addresses)


def notice_recipients(
    db: Database, meeting_id: int, people: PeopleChoice = "all", person_ids: Sequence[int] | None = None
) -> RepliesDTO:
    """The invitees a notice is printed for, with their addresses: everyone, those who have not
    answered (``unreplied``), or the people chosen (``person_ids``)."""
    if people not in ("all", "unreplied"):
        raise ValidationError("people", "宛先は「全員」か「未回答の方」を選んでください。")
    full = get_replies(db, meeting_id, with_addresses=True)
    chosen = [i for i in full.invitees if people == "all" or i.reply is None]
    if person_ids is not None:
        wanted = set(person_ids)
        chosen = [i for i in chosen if i.person_id in wanted]
    return RepliesDTO(
        meeting_id=full.meeting_id,
        meeting_title=full.meeting_title,
        body_name=full.body_name,
        number=full.number,
        held_on=full.held_on,
        status=full.status,
        invitees=tuple(chosen),
    )


def _running(m: Membership, on: date) -> bool:
    return term_status(m.term_start, m.term_end, m.ended_on, on) in (TermStatus.CURRENT, TermStatus.EXPIRING)


def notice_sender(db: Database, meeting_id: int, on: date) -> SenderDTO:
    """The council a meeting belongs to and its 会長 on ``on`` (the 連絡会: its 事務局, the town section)."""
    with db.reading() as s:
        m = get_or_raise(s, Meeting, meeting_id, "会議")
        body: MeetingBody = m.body
        if BodyKind(body.kind) is BodyKind.LIAISON or body.district_id is None:
            return SenderDTO(body.name, "事務局", "住民活動推進課")
        district = s.get(District, body.district_id)
        council = (
            body.name
            if BodyKind(body.kind) is BodyKind.DISTRICT_COUNCIL
            else (district.council_name if district is not None and district.council_name else body.name)
        )
        chairs = s.scalars(
            select(Membership)
            .join(Person, Person.id == Membership.person_id)
            .where(
                Membership.district_id == body.district_id,
                Membership.officer_post == OfficerPost.CHAIR.value,
                Person.deleted_at.is_(None),
            )
        ).all()
        chair = next((c for c in chairs if _running(c, on)), None)
        return SenderDTO(council, OfficerPost.CHAIR.label, chair.person.name if chair is not None else "")


def sort_addressees(items: Sequence[Addressee], order: LabelOrder) -> list[Addressee]:
    """By 郵便番号 (those without one last), then 五十音; or by 五十音 alone (フリガナ, then the name)."""
    if order not in ("postal", "kana"):
        raise ValidationError("order", "並べ方は「郵便番号順」か「五十音順」を選んでください。")

    def kana(a: Addressee) -> tuple[str, str]:
        return (kana_sort_key(a.furigana) or "\uffff", a.name)

    if order == "postal":
        return sorted(items, key=lambda a: (a.postal_code == "", a.postal_code, *kana(a)))
    return sorted(items, key=kana)


def meeting_addressees(db: Database, meeting_id: int, people: PeopleChoice = "all") -> list[Addressee]:
    """The labels of a meeting's notice: its invitees (all, or those who have not answered)."""
    chosen = notice_recipients(db, meeting_id, people)
    return [Addressee(i.name, i.furigana, i.postal_code, i.address) for i in chosen.invitees]


def district_addressees(db: Database, district_id: int, today: date) -> list[Addressee]:
    """The labels of a whole district: every member and 地区担当職員 whose term runs on ``today``."""
    return [
        Addressee(p.name, p.furigana, p.postal_code, p.address)
        for p in current_members(db, district_id, today)
    ]


# --- writing -----------------------------------------------------------------------------------------


_STALE = msg(
    "この会議の出欠回答は、あなたが開いた後に別の場所で保存されています。再読み込みしてから、もう一度保存してください。"
)


def record_replies(
    db: Database,
    meeting_id: int,
    replies: Sequence[ReplyInput],
    received_on: date | None = None,
    *,
    versions: Mapping[int, int] | None = None,
) -> RepliesDTO:
    """Record the replies read from the slips in one transaction (a changed reply gets ``received_on``).

    Only the people passed in change; ``reply=None`` clears a reply. 委任 needs the proxy's name.
    ``versions`` (person id → ``InviteeDTO.version`` as read) guards each reply like any editable record:
    when someone else saved one of them since, nothing is written and StaleVersionError names whose."""
    check_day(received_on, "received_on", "受付日")
    with db.transaction() as s:
        return _record(s, db.user, meeting_id, replies, received_on, versions)


def _record(
    s: Session,
    user: str,
    meeting_id: int,
    replies: Sequence[ReplyInput],
    received_on: date | None,
    versions: Mapping[int, int] | None,
) -> RepliesDTO:
    current = _load(s, meeting_id, False)
    m = get_or_raise(s, Meeting, meeting_id, "会議")
    if current.status is MinutesStatus.APPROVED:
        raise ValidationError(
            "replies",
            "議事録が確定した会議には出欠の回答を入力できません。出欠は議事録の「修正」で直してください。",
        )
    invited = {i.person_id: i for i in current.invitees}
    stored = {r.person_id: r for r in s.scalars(select(MeetingReply).where(MeetingReply.meeting_id == m.id))}
    if versions is not None:
        stale = [
            invited[p].name
            for p, seen in versions.items()
            if p in invited and (stored[p].version if p in stored else 0) != seen
        ]
        if stale:
            raise StaleVersionError(
                msg(
                    "{names}さんの出欠回答は、あなたが開いた後に別の場所で保存されています。再読み込みしてから、もう一度保存してください。",
                    names="、".join(stale),
                )
            )
    changed: list[str] = []
    for index, item in enumerate(replies):
        who = invited.get(item.person_id)
        if who is None:
            raise ValidationError(
                f"replies[{index}]",
                "この方はこの会議の出欠の名簿にいません。会議の「出欠」に載っている方の回答だけを入力できます。",
            )
        reply = Reply(item.reply) if item.reply is not None else None
        proxy = optional_text(item.proxy_name, f"replies[{index}].proxy_name", "代理人の氏名", 100)
        if reply is Reply.PROXY and not proxy:
            raise ValidationError(
                f"replies[{index}].proxy_name",
                msg("{name}さんは「委任」です。代理人の氏名を入力してください。", name=who.name),
            )
        if reply is not Reply.PROXY:
            proxy = ""
        row = stored.get(item.person_id)
        if reply is None:
            # The row stays (reply ""), so its version keeps counting for whoever saw the old answer.
            if row is not None and row.reply:
                row.reply, row.proxy_name, row.received_on = "", "", None
                changed.append(f"{who.name}: 未回答に戻す")
            continue
        if row is None:
            s.add(
                MeetingReply(
                    meeting_id=m.id, person_id=item.person_id, reply=reply.value, proxy_name=proxy,
                    received_on=received_on,
                )
            )  # fmt: skip
        elif (row.reply, row.proxy_name) != (reply.value, proxy):
            row.reply, row.proxy_name, row.received_on = reply.value, proxy, received_on
        else:
            continue
        changed.append(f"{who.name}: {reply.label}" + (f"（代理人: {proxy}）" if proxy else ""))
    if changed:
        try:
            s.flush()
        except IntegrityError as exc:  # both added the first reply of the same person at once (the server)
            raise StaleVersionError(_STALE) from exc
        audit(
            s, user, "update", "meeting", m.id,
            f"「{_meeting_title(m)}」の出欠回答を記録（{len(changed)}件）: " + "、".join(changed),
        )  # fmt: skip
    return _load(s, meeting_id, False)


def attendance_from_replies(
    statuses: Sequence[tuple[int | None, AttendanceStatus, str]], replies: RepliesDTO
) -> list[tuple[AttendanceStatus, str]]:
    """On the day: the attendance rows ``(person_id, status, proxy_name)`` started from the replies.

    Only rows still 未確認 take their person's reply (出席 → 出席, 欠席 → 欠席, 委任 → 代理 with the
    proxy); rows already entered, and people who did not answer, stay as they are."""
    by_person = {i.person_id: i for i in replies.invitees if i.reply is not None}
    out = []
    for person_id, status, proxy in statuses:
        r = by_person.get(person_id) if person_id is not None else None
        if status is AttendanceStatus.UNCONFIRMED and r is not None and r.reply is not None:
            out.append((r.reply.attendance, r.proxy_name))
        else:
            out.append((status, proxy))
    return out


def reply_by_default(held_on: date, issued_on: date) -> date:
    """The 回答期限 a notice suggests: a week before the meeting, never before the day of issue (nor after
    the meeting)."""
    return min(held_on, max(issued_on, held_on - timedelta(days=7)))
