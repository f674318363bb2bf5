"""地域課題 (regional issues) and their dated status history."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned, utcnow
from sakae_council.db.models.people import District


class IssueCategory(Versioned, Base):
    """課題の分類; the defaults are seeded, users add more."""

    __tablename__ = "issue_category"
    __table_args__ = (UniqueConstraint("name"),)

    name: Mapped[str] = mapped_column(String(100), nullable=False)
    display_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)


class RegionalIssue(Versioned, Base):
    """地域課題 — from first mention to resolution."""

    __tablename__ = "regional_issue"
    __table_args__ = (
        Index("ix_regional_issue_district_status", "district_id", "status"),
        Index("ix_regional_issue_category", "category_id"),
        Index("ix_regional_issue_raised_on", "raised_on"),
    )

    title: Mapped[str] = mapped_column(String(400), nullable=False)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), nullable=False)
    category_id: Mapped[int] = mapped_column(ForeignKey("issue_category.id"), nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="raised")
    priority: Mapped[str] = mapped_column(String(10), nullable=False, default="medium")
    source: Mapped[str] = mapped_column(String(20), nullable=False, default="meeting")
    raised_on: Mapped[date] = mapped_column(Date, nullable=False)
    shared_with_liaison: Mapped[bool] = mapped_column(Boolean, nullable=False, default=False)
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    district: Mapped[District] = relationship()
    category: Mapped[IssueCategory] = relationship()
    history: Mapped[list[IssueStatusChange]] = relationship(
        back_populates="issue", cascade="all, delete-orphan", order_by="IssueStatusChange.id"
    )


class IssueStatusChange(Base):
    """One dated step in an issue's life; never edited, only appended."""

    __tablename__ = "issue_status_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    issue_id: Mapped[int] = mapped_column(
        ForeignKey("regional_issue.id", ondelete="CASCADE"), nullable=False, index=True
    )
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20), nullable=False)
    changed_on: Mapped[date] = mapped_column(Date, nullable=False)
    changed_at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    comment: Mapped[str] = mapped_column(Text, nullable=False, default="")
    changed_by: Mapped[str] = mapped_column(String(100), nullable=False, default="")

    issue: Mapped[RegionalIssue] = relationship(back_populates="history")
