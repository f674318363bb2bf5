"""会則 (a council's bylaws, with revisions) and the 総会議案書's edited texts."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from sakae_council.db.base import Base, Versioned, utcnow


class Bylaws(Versioned, Base):
    """会則 — one text per district council; every save appends a BylawsRevision."""

    __tablename__ = "bylaws"
    __table_args__ = (UniqueConstraint("district_id", name="uq_bylaws_district_id"),)

    district_id: Mapped[int] = mapped_column(ForeignKey("district.id", ondelete="CASCADE"), nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")


class BylawsRevision(Base):
    """One save of a council's 会則: the text as saved, who, when, why and from when it applies (施行日)."""

    __tablename__ = "bylaws_revision"
    __table_args__ = (UniqueConstraint("bylaws_id", "number", name="uq_bylaws_revision_bylaws_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    bylaws_id: Mapped[int] = mapped_column(ForeignKey("bylaws.id", ondelete="CASCADE"), nullable=False)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    summary: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    effective_on: Mapped[date | None] = mapped_column(Date)
    author: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class GeneralMeetingText(Versioned, Base):
    """A part of one council's 総会議案書 for one 年度 as the secretary edited it (not the records)."""

    __tablename__ = "general_meeting_text"
    __table_args__ = (
        UniqueConstraint("district_id", "fiscal_year", "part", name="uq_general_meeting_text_part"),
    )

    district_id: Mapped[int] = mapped_column(ForeignKey("district.id", ondelete="CASCADE"), nullable=False)
    fiscal_year: Mapped[int] = mapped_column(Integer, nullable=False)
    part: Mapped[str] = mapped_column(String(30), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
