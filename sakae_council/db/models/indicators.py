"""成果指標 and the ⑫ records behind them (consultations, courses, start-ups)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned


class Indicator(Versioned, Base):
    """成果指標 of the plan; ``computed`` names the rule when its actual follows from the data.

    ``notes`` is the 資料の注記, printed under the indicator in the 連絡会まとめ; ``internal_notes`` (内部メモ)
    is for the people entering the figures and is never printed.
    """

    __tablename__ = "indicator"
    __table_args__ = (UniqueConstraint("code"),)

    code: Mapped[str] = mapped_column(String(50), nullable=False)
    name: Mapped[str] = mapped_column(String(200), nullable=False)
    unit: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    project: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    computed: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    display_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    internal_notes: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    values: Mapped[list[IndicatorValue]] = relationship(
        cascade="all, delete-orphan", order_by="IndicatorValue.fiscal_year"
    )


class IndicatorValue(Versioned, Base):
    """One figure of an indicator for a fiscal year: kind is base, target or actual.

    ``reason`` says why a computed actual was typed over (printed beside it); ``notes`` is a 資料の注記 on
    this figure (printed under the indicator's table); ``internal_notes`` is never printed.
    """

    __tablename__ = "indicator_value"
    __table_args__ = (UniqueConstraint("indicator_id", "fiscal_year", "kind", name="uq_indicator_value_key"),)

    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"), nullable=False)
    fiscal_year: Mapped[int] = mapped_column(Integer, nullable=False)
    kind: Mapped[str] = mapped_column(String(10), nullable=False)
    value: Mapped[float | None] = mapped_column(Float)
    is_override: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    entered_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    reason: Mapped[str] = mapped_column(Text, nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    internal_notes: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")


class Consultation(Versioned, Base):
    """相談記録 of the ⑫ consultation desk."""

    __tablename__ = "consultation"

    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    person_name: Mapped[str] = mapped_column(String(100), nullable=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))
    topic: Mapped[str] = mapped_column(Text, nullable=False, default="")
    follow_up: Mapped[str] = mapped_column(Text, nullable=False, default="")


class Course(Versioned, Base):
    """講座 of ⑫."""

    __tablename__ = "course"

    title: Mapped[str] = mapped_column(String(400), nullable=False)
    held_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    attendees: Mapped[list[CourseAttendee]] = relationship(cascade="all, delete-orphan")


class CourseAttendee(Base):
    """A participant of a course."""

    __tablename__ = "course_attendee"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course_id: Mapped[int] = mapped_column(
        ForeignKey("course.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    name: Mapped[str] = mapped_column(String(100), nullable=False)


class BusinessStartup(Versioned, Base):
    """起業者 — a life-support business started (⑫)."""

    __tablename__ = "business_startup"

    founder_name: Mapped[str] = mapped_column(String(100), nullable=False)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    business_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    field: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    started_on: Mapped[date] = mapped_column(Date, nullable=False, index=True)
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
