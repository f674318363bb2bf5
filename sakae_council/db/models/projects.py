"""協働事業: projects, partners (役割分担), milestones, grants, equipment and loans, activities, evaluations.

Columns added after the first release carry a ``server_default`` as well: revision 0003 fills the rows
already on file with it, and a fresh file built by the migrations has the same default.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from sakae_council.db.base import Base, Versioned
from sakae_council.db.models.issues import RegionalIssue
from sakae_council.db.models.people import District, Organisation, Person

project_issue = Table(
    "project_issue",
    Base.metadata,
    Column("project_id", ForeignKey("collaborative_project.id", ondelete="CASCADE"), primary_key=True),
    Column("issue_id", ForeignKey("regional_issue.id", ondelete="CASCADE"), primary_key=True, index=True),
)


class CollaborativeProject(Versioned, Base):
    """協働事業 — 「みんなで力を合わせたまちづくり事業」 (⑬) or a 自治組織's community project (⑭)."""

    __tablename__ = "collaborative_project"
    __table_args__ = (Index("ix_collaborative_project_district_status", "district_id", "status"),)

    title: Mapped[str] = mapped_column(String(400), nullable=False)
    purpose: Mapped[str] = mapped_column(Text, nullable=False, default="")
    district_id: Mapped[int] = mapped_column(ForeignKey("district.id"), nullable=False)
    kind: Mapped[str] = mapped_column(String(30), nullable=False, default="district_collaboration")
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="idea")
    start_on: Mapped[date | None] = mapped_column(Date)
    end_on: Mapped[date | None] = mapped_column(Date)
    launched_on: Mapped[date | None] = mapped_column(Date)
    lead_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    search_text: Mapped[str] = mapped_column(Text, nullable=False, default="")

    district: Mapped[District] = relationship()
    issues: Mapped[list[RegionalIssue]] = relationship(secondary=project_issue)
    partners: Mapped[list[ProjectPartner]] = relationship(cascade="all, delete-orphan")
    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", order_by="Milestone.due_on"
    )
    staff: Mapped[list[ProjectStaff]] = relationship(cascade="all, delete-orphan")


class ProjectPartner(Versioned, Base):
    """A partner in a project — a person or an organisation — and its 役割分担."""

    __tablename__ = "project_partner"
    __table_args__ = (
        CheckConstraint(
            "(person_id IS NOT NULL) OR (organisation_id IS NOT NULL)", name="partner_is_person_or_org"
        ),
    )

    project_id: Mapped[int] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="CASCADE"), nullable=False, index=True
    )
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"))
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"))
    role_description: Mapped[str] = mapped_column(Text, nullable=False, default="")

    person: Mapped[Person | None] = relationship()
    organisation: Mapped[Organisation | None] = relationship()


class ProjectStaff(Base):
    """地区担当職員 taking part in a project."""

    __tablename__ = "project_staff"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id", ondelete="CASCADE"), primary_key=True)
    role_description: Mapped[str] = mapped_column(String(200), nullable=False, default="")

    person: Mapped[Person] = relationship()


class Milestone(Versioned, Base):
    """A step of a project with a due date and progress."""

    __tablename__ = "milestone"
    __table_args__ = (CheckConstraint("progress >= 0 AND progress <= 100", name="progress_range"),)

    project_id: Mapped[int] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    due_on: Mapped[date | None] = mapped_column(Date)
    progress: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    done_on: Mapped[date | None] = mapped_column(Date)


class GrantApplication(Versioned, Base):
    """補助金の申請 → 審査 → 交付決定/不採用 → 実績報告 → 確定. Amounts are integer yen."""

    __tablename__ = "grant_application"
    __table_args__ = (
        CheckConstraint("amount_requested >= 0", name="requested_non_negative"),
        CheckConstraint("amount_granted IS NULL OR amount_granted >= 0", name="granted_non_negative"),
        CheckConstraint("amount_spent IS NULL OR amount_spent >= 0", name="spent_non_negative"),
        Index("ix_grant_application_fiscal_year", "fiscal_year"),
    )

    project_id: Mapped[int] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="CASCADE"), nullable=False, index=True
    )
    scheme: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    fiscal_year: Mapped[int] = mapped_column(Integer, nullable=False)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="applied")
    amount_requested: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    amount_granted: Mapped[int | None] = mapped_column(Integer)
    amount_spent: Mapped[int | None] = mapped_column(Integer)
    applied_on: Mapped[date | None] = mapped_column(Date)
    reviewed_on: Mapped[date | None] = mapped_column(Date)
    decided_on: Mapped[date | None] = mapped_column(Date)
    reported_on: Mapped[date | None] = mapped_column(Date)
    settled_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    project: Mapped[CollaborativeProject] = relationship()
    documents: Mapped[list[GrantDocument]] = relationship(cascade="all, delete-orphan")


class GrantDocument(Base):
    """An attached document of a grant application (title and where the paper or file is)."""

    __tablename__ = "grant_document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    grant_id: Mapped[int] = mapped_column(
        ForeignKey("grant_application.id", ondelete="CASCADE"), nullable=False, index=True
    )
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    location: Mapped[str] = mapped_column(String(1000), nullable=False, default="")
    submitted_on: Mapped[date | None] = mapped_column(Date)


class Equipment(Versioned, Base):
    """資機材 — equipment the town lends to 自治組織 and councils."""

    __tablename__ = "equipment"

    name: Mapped[str] = mapped_column(String(200), nullable=False)
    code: Mapped[str] = mapped_column(String(50), nullable=False, default="")
    quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    storage_place: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    condition: Mapped[str] = mapped_column(String(200), nullable=False, default="")
    available: Mapped[bool] = mapped_column(Boolean, nullable=False, default=True)
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")


class EquipmentLoan(Versioned, Base):
    """資機材の貸付."""

    __tablename__ = "equipment_loan"
    __table_args__ = (
        CheckConstraint("quantity > 0", name="quantity_positive"),
        Index("ix_equipment_loan_status_due", "status", "due_on"),
    )

    equipment_id: Mapped[int] = mapped_column(ForeignKey("equipment.id"), nullable=False, index=True)
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="SET NULL"), index=True
    )
    borrower_organisation_id: Mapped[int | None] = mapped_column(
        ForeignKey("organisation.id", ondelete="SET NULL")
    )
    borrower_person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id", ondelete="SET NULL"))
    district_id: Mapped[int | None] = mapped_column(ForeignKey("district.id"), index=True)
    quantity: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
    status: Mapped[str] = mapped_column(String(20), nullable=False, default="reserved")
    lent_on: Mapped[date] = mapped_column(Date, nullable=False)
    due_on: Mapped[date] = mapped_column(Date, nullable=False)
    returned_on: Mapped[date | None] = mapped_column(Date)
    #: 返却時の状態 — what the equipment was like when it came back (良好 / 破損あり: …); "" until returned.
    return_condition: Mapped[str] = mapped_column(String(400), nullable=False, default="", server_default="")
    notes: Mapped[str] = mapped_column(Text, nullable=False, default="")

    equipment: Mapped[Equipment] = relationship()


class ActivityRecord(Versioned, Base):
    """活動記録 — one activity day of a project: participants, hours, what was done."""

    __tablename__ = "activity_record"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="CASCADE"), nullable=False, index=True
    )
    held_on: Mapped[date] = mapped_column(Date, nullable=False)
    title: Mapped[str] = mapped_column(String(400), nullable=False)
    #: 活動の種類 (domain.enums.ActivityKind code).
    kind: Mapped[str] = mapped_column(String(30), nullable=False, default="other", server_default="other")
    participants: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    volunteer_hours: Mapped[int] = mapped_column(Integer, nullable=False, default=0)
    description: Mapped[str] = mapped_column(Text, nullable=False, default="")

    #: 地区担当職員 who took part (written through this collection, which also marks the record changed).
    staff: Mapped[list[Person]] = relationship(
        secondary="activity_staff", order_by=lambda: (Person.kana_key, Person.id)
    )


class ActivityStaff(Base):
    """A 地区担当職員 who took part in one activity day — what 職員地域活動 is derived from."""

    __tablename__ = "activity_staff"

    activity_id: Mapped[int] = mapped_column(
        ForeignKey("activity_record.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("person.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ProjectEvaluation(Versioned, Base):
    """活性化事業の検証 — a yearly verification of a project's results."""

    __tablename__ = "project_evaluation"

    project_id: Mapped[int] = mapped_column(
        ForeignKey("collaborative_project.id", ondelete="CASCADE"), nullable=False, index=True
    )
    fiscal_year: Mapped[int] = mapped_column(Integer, nullable=False)
    achievements: Mapped[str] = mapped_column(Text, nullable=False, default="")
    issues_found: Mapped[str] = mapped_column(Text, nullable=False, default="")
    next_steps: Mapped[str] = mapped_column(Text, nullable=False, default="")
    rating: Mapped[int | None] = mapped_column(Integer)
    evaluated_on: Mapped[date | None] = mapped_column(Date)
    #: Whether the year's aims were achieved; None = 未判定.
    achieved: Mapped[bool | None] = mapped_column(Boolean)
    #: What the year contributed to the plan's indicators (指標への貢献).
    indicator_contribution: Mapped[str] = mapped_column(Text, nullable=False, default="", server_default="")
