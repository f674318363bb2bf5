"""The audit log, users of the shared server, and small key/value settings."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Column, DateTime, ForeignKey, Index, Integer, String, Table, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned, utcnow
from sakae_council.db.models.people import District


class AuditEntry(Base):
    """監査ログ: who changed what, when. Appended, never edited."""

    __tablename__ = "audit_entry"
    __table_args__ = (
        Index("ix_audit_entry_entity", "entity", "entity_id"),
        Index("ix_audit_entry_at", "at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, nullable=False, default=utcnow)
    user: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    action: Mapped[str] = mapped_column(String(20), nullable=False)
    entity: Mapped[str] = mapped_column(String(50), nullable=False)
    entity_id: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    #: JSON {"field": [old, new]}
    changes: Mapped[str] = mapped_column(Text, nullable=False, default="")


app_user_district = Table(
    "app_user_district",
    Base.metadata,
    Column("user_id", ForeignKey("app_user.id", ondelete="CASCADE"), primary_key=True),
    Column("district_id", ForeignKey("district.id", ondelete="CASCADE"), primary_key=True),
)


class AppUser(Versioned, Base):
    """A user of the shared server: 管理者, 地区担当職員, 協議会事務局 or 閲覧のみ."""

    __tablename__ = "app_user"
    __table_args__ = (UniqueConstraint("login"),)

    login: Mapped[str] = mapped_column(String(100), nullable=False)
    display_name: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    role: Mapped[str] = mapped_column(String(30), nullable=False, default="viewer")

    districts: Mapped[list[District]] = relationship(secondary=app_user_district)


class AppSetting(Base):
    """Small settings stored with the data (last backup time, demo flag, ...)."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text, nullable=False, default="")
