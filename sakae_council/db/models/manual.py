"""協働マニュアル (sections, revisions, editions) and the staff's training and activity records."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned, utcnow
from sakae_council.db.models.people import Person


class ManualSection(Versioned, Base):
    """A chapter (no parent) or section of the manual; body in Markdown."""

    __tablename__ = "manual_section"

    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("manual_section.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    children: Mapped[list[ManualSection]] = relationship(
        cascade="all, delete-orphan", order_by="ManualSection.position"
    )


class ManualRevision(Base):
    """Every save of a section: who, when, a one-line summary, and the text as saved."""

    __tablename__ = "manual_revision"
    __table_args__ = (UniqueConstraint("section_id", "number", name="uq_manual_revision_section_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    section_id: Mapped[int] = mapped_column(
        ForeignKey("manual_section.id", ondelete="CASCADE"), nullable=False
    )
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    body: Mapped[str] = mapped_column(Text, nullable=False, default="")
    summary: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    author: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)


class ManualEdition(Base):
    """第N版 — a published edition; ``snapshot`` freezes the whole manual as JSON."""

    __tablename__ = "manual_edition"
    __table_args__ = (UniqueConstraint("number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[int] = mapped_column(Integer, nullable=False)
    published_on: Mapped[date] = mapped_column(Date, nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    published_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    snapshot: Mapped[str] = mapped_column(Text, nullable=False)


class StaffTraining(Versioned, Base):
    """研修記録 of a 地区担当職員."""

    __tablename__ = "staff_training"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    organiser: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    hours: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    person: Mapped[Person] = relationship()


class StaffActivity(Versioned, Base):
    """職員地域活動 — a staff member joining a district's activity (ごみゼロ・草ゼロ, ...)."""

    __tablename__ = "staff_activity"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    hours: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    person: Mapped[Person] = relationship()
