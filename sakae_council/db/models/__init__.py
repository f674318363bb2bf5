"""All ORM models; importing this package registers every table on ``Base.metadata`` (and nothing else:
the listeners that keep derived data are registered per database, by :func:`keep_derived_data`)."""

from sqlalchemy.orm import Session, sessionmaker

from sakae_council.db.base import Base
from sakae_council.db.models.accounts import (
    AccountBook,
    AccountBudgetLine,
    AccountBudgetRevision,
    AccountCashCount,
    AccountCloseRevision,
    AccountEntry,
    AccountImportProfile,
    AccountMonthCheck,
    AccountSubject,
)
from sakae_council.db.models.general_meeting import Bylaws, BylawsRevision, GeneralMeetingText
from sakae_council.db.models.indicators import (
    BusinessStartup,
    Consultation,
    Course,
    CourseAttendee,
    Indicator,
    IndicatorValue,
)
from sakae_council.db.models.issues import IssueCategory, IssueStatusChange, RegionalIssue
from sakae_council.db.models.manual import (
    ManualEdition,
    ManualRevision,
    ManualSection,
    StaffActivity,
    StaffTraining,
)
from sakae_council.db.models.meetings import (
    ActionItem,
    AgendaItem,
    Attendance,
    Decision,
    Handout,
    Meeting,
    MeetingBody,
    MeetingReply,
    MinutesRevision,
    keep_meeting_search_text,
)
from sakae_council.db.models.people import District, Membership, Organisation, Person
from sakae_council.db.models.projects import (
    ActivityRecord,
    ActivityStaff,
    CollaborativeProject,
    Equipment,
    EquipmentLoan,
    GrantApplication,
    GrantDocument,
    Milestone,
    ProjectEvaluation,
    ProjectPartner,
    ProjectStaff,
    project_issue,
)
from sakae_council.db.models.search import SearchGram, keep_search_index
from sakae_council.db.models.system import AppSetting, AppUser, AuditEntry, app_user_district

__all__ = [
    "AccountBook",
    "AccountBudgetLine",
    "AccountBudgetRevision",
    "AccountCashCount",
    "AccountCloseRevision",
    "AccountEntry",
    "AccountImportProfile",
    "AccountMonthCheck",
    "AccountSubject",
    "ActionItem",
    "ActivityRecord",
    "ActivityStaff",
    "AgendaItem",
    "AppSetting",
    "AppUser",
    "Attendance",
    "AuditEntry",
    "Base",
    "Bylaws",
    "BylawsRevision",
    "BusinessStartup",
    "CollaborativeProject",
    "Consultation",
    "Course",
    "CourseAttendee",
    "Decision",
    "District",
    "Equipment",
    "EquipmentLoan",
    "GeneralMeetingText",
    "GrantApplication",
    "GrantDocument",
    "Handout",
    "Indicator",
    "IndicatorValue",
    "IssueCategory",
    "IssueStatusChange",
    "ManualEdition",
    "ManualRevision",
    "ManualSection",
    "Meeting",
    "MeetingBody",
    "MeetingReply",
    "Membership",
    "Milestone",
    "MinutesRevision",
    "Organisation",
    "Person",
    "ProjectEvaluation",
    "ProjectPartner",
    "ProjectStaff",
    "RegionalIssue",
    "SearchGram",
    "StaffActivity",
    "StaffTraining",
    "app_user_district",
    "keep_derived_data",
    "project_issue",
]


def keep_derived_data(sessions: sessionmaker[Session]) -> None:
    """Register on ``sessions`` (one database's session factory) the flush listeners that keep derived
    data in step: meetings' search text and the n-gram search index. ``open_database`` calls it for
    every database it opens; a session made any other way keeps nothing."""
    keep_meeting_search_text(sessions)
    keep_search_index(sessions)
