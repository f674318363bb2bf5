"""All ORM models; importing this package registers every table on ``Base.metadata``."""

from sakae_council.db.base import Base
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
from sakae_council.db.models.search import SearchGram
from sakae_council.db.models.system import AppSetting, AppUser, AuditEntry, app_user_district

__all__ = [
    "ActionItem", "ActivityRecord", "ActivityStaff", "AgendaItem", "AppSetting", "AppUser", "Attendance", "AuditEntry",
    "Base", "Bylaws", "BylawsRevision", "BusinessStartup", "CollaborativeProject", "Consultation", "Course",
    "CourseAttendee",
    "Decision", "District", "Equipment", "EquipmentLoan", "GeneralMeetingText", "GrantApplication", "GrantDocument",
    "Handout",
    "Indicator", "IndicatorValue", "IssueCategory", "IssueStatusChange", "ManualEdition", "ManualRevision",
    "ManualSection", "Meeting", "MeetingBody", "MeetingReply", "Membership", "Milestone", "MinutesRevision", "Organisation",
    "Person", "ProjectEvaluation", "ProjectPartner", "ProjectStaff", "RegionalIssue", "SearchGram", "StaffActivity",
    "StaffTraining", "app_user_district", "project_issue",
]
