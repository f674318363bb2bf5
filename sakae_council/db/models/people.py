"""小学校区, people, memberships (委嘱) and partner organisations."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned


class District(Versioned, Base):
    """小学校区 and its council (推進母体). Merged districts stay, pointing at the district they joined."""

    __tablename__ = "district"
    __table_args__ = (UniqueConstraint("name"),)

    name: Mapped[str] = mapped_column(String(100), nullable=False)
    council_name: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    council_status: Mapped[str] = mapped_column(String(20), nullable=False, default="preparing")
    established_on: Mapped[date | None] = mapped_column(Date)
    display_order: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    active: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"))
    merged_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: The council's wording of the remark its minutes print when a meeting had no quorum ("": standard).
    no_quorum_remark: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
    #: The council's sentence on its 監査報告書 ("": the standard 「…適正に処理されていることを認めます」).
    audit_wording: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")

    merged_into: Mapped[District | None] = relationship(remote_side="District.id")


class Person(Versioned, Base):
    """A person on a roster: member, staff or partner contact. Personal data — changes are audited."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_kana_key", "kana_key"),
        Index("ix_person_search_text", "search_text"),
    )

    name: Mapped[str] = mapped_column(String(100), nullable=False)
    furigana: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    kana_key: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    postal_code: Mapped[str] = mapped_column(String(10), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    phone: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    email: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"))
    #: fold_for_search() of name, furigana, organisation and notes, kept for incremental search.
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")
    #: Soft delete: set when removed from the roster, cleared by 元に戻す.
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)

    memberships: Mapped[list[Membership]] = relationship(
        back_populates="person", cascade="all, delete-orphan", order_by="Membership.term_start"
    )
    organisation: Mapped[Organisation | None] = relationship(foreign_keys=[organisation_id])


class Membership(Versioned, Base):
    """委嘱 — a person's seat in a district council: role, officer post and term."""

    __tablename__ = "membership"
    __table_args__ = (
        Index("ix_membership_district_role", "district_id", "role"),
        Index("ix_membership_term_end", "term_end"),
    )

    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), nullable=False, index=True
    )
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), nullable=False)
    role: Mapped[str] = mapped_column(String(30), nullable=False)
    #: For 町からの公職: the post's name (民生委員・児童委員, 自治会長...).
    public_post: Mapped[str] = mapped_column(String(100), nullable=False, default="")
    officer_post: Mapped[str] = mapped_column(String(30), nullable=False, default="member")
    commissioned_on: Mapped[date | None] = mapped_column(Date)
    term_start: Mapped[date | None] = mapped_column(Date)
    term_end: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)

    person: Mapped[Person] = relationship(back_populates="memberships")
    district: Mapped[District] = relationship()


class Organisation(Versioned, Base):
    """団体・協働パートナー: 自治会, NPO, ボランティア団体, 事業者, 学校."""

    __tablename__ = "organisation"
    __table_args__ = (Index("ix_organisation_kana_key", "kana_key"),)

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    furigana: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    kana_key: Mapped[str] = mapped_column(String(800), nullable=False, default="")
    kind: Mapped[str] = mapped_column(String(30), nullable=False, default="other")
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    contact_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("person.id", ondelete="SET NULL", use_alter=True)
    )
    phone: Mapped[str] = mapped_column(String(30), nullable=False, default="")
    address: Mapped[str] = mapped_column(String(400), nullable=False, default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)

    district: Mapped[District | None] = relationship()
    contact_person: Mapped[Person | None] = relationship(foreign_keys=[contact_person_id], post_update=True)
