"""会議・議事録: bodies, meetings, attendance, handouts, agenda items, decisions, action items, revisions."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
    event,
    inspect,
)
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship, sessionmaker

from sakae_council.db.base import Base, Versioned, utcnow
from sakae_council.db.models.people import District, Person
from sakae_council.domain.search_text import meeting_search_text


class MeetingBody(Versioned, Base):
    """会議体 — a district council, the 連絡会, or a 部会 (of a district or the town)."""

    __tablename__ = "meeting_body"
    __table_args__ = (UniqueConstraint("name"),)

    kind: Mapped[str] = mapped_column(String(30), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    display_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)

    district: Mapped[District | None] = relationship()


class Meeting(Versioned, Base):
    """A meeting of a body; 第N回 is numbered per body and fiscal year."""

    __tablename__ = "meeting"
    __table_args__ = (
        UniqueConstraint("body_id", "fiscal_year", "number", name="uq_meeting_body_fy_number"),
        Index("ix_meeting_held_on", "held_on"),
    )

    body_id: Mapped[int] = mapped_column(ForeignKey("meeting_body.id"), nullable=False)
    fiscal_year: Mapped[int] = mapped_column(Integer, nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    start_time: Mapped[time | None] = mapped_column(Time)
    end_time: Mapped[time | None] = mapped_column(Time)
    place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    chair_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    recorder_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    signatory1_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    signatory2_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    observers: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    next_meeting: Mapped[str] = mapped_column(Text, nullable=False, default="")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="draft")
    revision: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    approved_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: What the meetings list's search matches (see meeting_search_text); kept in step on every flush.
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    body: Mapped[MeetingBody] = relationship()
    chair: Mapped[Person | None] = relationship(foreign_keys=[chair_id])
    recorder: Mapped[Person | None] = relationship(foreign_keys=[recorder_id])
    signatory1: Mapped[Person | None] = relationship(foreign_keys=[signatory1_id])
    signatory2: Mapped[Person | None] = relationship(foreign_keys=[signatory2_id])
    attendance: Mapped[list[Attendance]] = relationship(
        cascade="all, delete-orphan", order_by="Attendance.position"
    )
    handouts: Mapped[list[Handout]] = relationship(cascade="all, delete-orphan", order_by="Handout.position")
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        cascade="all, delete-orphan", order_by="AgendaItem.position"
    )
    decisions: Mapped[list[Decision]] = relationship(
        cascade="all, delete-orphan", order_by="Decision.position"
    )
    revisions: Mapped[list[MinutesRevision]] = relationship(
        cascade="all, delete-orphan", order_by="MinutesRevision.number"
    )


#: The columns a meeting's search text is made from (besides its body's name, which never changes).
_SEARCHED = ("fiscal_year", "number", "body_id", "place")


def keep_meeting_search_text(sessions: sessionmaker[Session]) -> None:
    """Keep ``meeting.search_text`` in step with every flush of the sessions ``sessions`` makes
    (registered per database by ``open_database``, never on the global Session class)."""
    event.listen(sessions, "before_flush", _refresh_meeting_search_text)


def _refresh_meeting_search_text(session: Session, _context: Any, _instances: Any) -> None:
    """Set ``search_text`` of every meeting this flush inserts or whose name or place it changes, so
    that no service (create, update, minutes, a moved date) can forget it."""
    for obj in (*session.new, *session.dirty):
        if not isinstance(obj, Meeting):
            continue
        state = inspect(obj)
        if state.persistent and not any(state.attrs[a].history.has_changes() for a in _SEARCHED):
            continue
        body = obj.body if obj.body is not None and obj.body.id == obj.body_id else None
        if body is None:
            body = session.get(MeetingBody, obj.body_id)
        if body is not None and obj.fiscal_year is not None and obj.number is not None:
            obj.search_text = meeting_search_text(obj.fiscal_year, obj.number, body.name, obj.place or "")


class Attendance(Base):
    """出欠: a member, a town staff member, or a guest. Name is kept as printed at the time."""

    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"), index=True)
    name: Mapped[str] = mapped_column(String(100), nullable=False)
    affiliation: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    #: member / staff / guest
    category: Mapped[str] = mapped_column(String(10), nullable=False, default="member")
    #: present / absent / proxy / unknown (未確認: not entered yet — where every roster row starts)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="unknown")
    proxy_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class Handout(Base):
    """配布資料."""

    __tablename__ = "handout"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    title: Mapped[str] = mapped_column(String(400), nullable=False)


class AgendaItem(Base):
    """議題: kind, title, 説明者, 議事の経過 and result."""

    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    kind: Mapped[str] = mapped_column(String(20), nullable=False, default="deliberation")
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    presenter: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    discussion: Mapped[str] = mapped_column(Text, nullable=False, default="")
    result: Mapped[str] = mapped_column(String(20), nullable=False, default="none")
    votes_for: Mapped[int | None] = mapped_column(Integer)
    votes_against: Mapped[int | None] = mapped_column(Integer)
    votes_abstain: Mapped[int | None] = mapped_column(Integer)


class Decision(Base):
    """決定事項."""

    __tablename__ = "decision"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    text: Mapped[str] = mapped_column(Text, nullable=False)


class ActionItem(Versioned, Base):
    """宿題事項 (内容, 担当, 期限); carried to the body's next meetings until done."""

    __tablename__ = "action_item"
    __table_args__ = (Index("ix_action_item_status_due", "status", "due_on"),)

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    content: Mapped[str] = mapped_column(Text, nullable=False)
    assignee: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    due_on: Mapped[date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(10), nullable=False, default="open")
    done_on: Mapped[date | None] = mapped_column(Date)


class MinutesRevision(Base):
    """A frozen copy of approved minutes; changing approved minutes adds the next number."""

    __tablename__ = "minutes_revision"
    __table_args__ = (UniqueConstraint("meeting_id", "number", name="uq_minutes_revision_meeting_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    created_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: JSON of the whole minutes as approved.
    snapshot: Mapped[str] = mapped_column(Text, nullable=False)


class MeetingReply(Base):
    """出欠回答 — a member's reply on the 出欠票 of a 開催通知: 出席 / 欠席 / 委任 (with the proxy's name).

    What the person said they would do, kept apart from the attendance entered on the day. A reply taken
    back (未回答 again) keeps its row with ``reply`` empty, so ``version`` keeps counting: two people typing
    in the same meeting's slips cannot write over each other's answer for a person unseen (0012)."""

    __tablename__ = "meeting_reply"
    __table_args__ = (UniqueConstraint("meeting_id", "person_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    #: present / absent / proxy (domain.replies.Reply); "" once the reply was taken back (未回答)
    reply: Mapped[str] = mapped_column(String(10), nullable=False)
    proxy_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    received_on: Mapped[date | None] = mapped_column(Date)
    #: Optimistic concurrency: SQLAlchemy bumps it on every UPDATE and refuses one whose row changed meanwhile.
    version: Mapped[int] = mapped_column(Integer, nullable=False, server_default="1")

    __mapper_args__ = {"version_id_col": version}
