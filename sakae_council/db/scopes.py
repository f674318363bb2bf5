"""Where a row belongs, for the write guard of :mod:`sakae_council.db.permissions`: its *scope* — one or more
districts, the whole town, the user administration, a council's books, or nothing to check (an audit entry,
a new child whose parent is in the same flush) — found from the row itself or through its parent
(:class:`Lookup` reads a parent's district, also from the rows pending in the flush). The rules are listed in
that module's docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sakae_council.db.models import (
    AccountBook,
    AccountBudgetRevision,
    ActivityRecord,
    Bylaws,
    CollaborativeProject,
    GrantApplication,
    Meeting,
    MeetingBody,
    Membership,
    RegionalIssue,
)


class Kind(Enum):
    NEUTRAL = "neutral"  # audit entries written with the change they record
    TOWN = "town"  # town-wide records
    ADMIN = "admin"  # user administration
    DISTRICTS = "districts"  # belongs to these districts
    UNASSIGNED = "unassigned"  # a person with no membership yet: any role that writes
    COVERED = "covered"  # a new child whose parent is in the same flush (the parent is checked)
    BOOKS = "books"  # a council's books: its 事務局 and the 管理者 only


@dataclass(frozen=True)
class Scope:
    kind: Kind
    districts: frozenset[int] = frozenset()
    #: Deleting a person needs every district they belong to; editing needs one.
    need_all: bool = True


NEUTRAL = Scope(Kind.NEUTRAL)
TOWN = Scope(Kind.TOWN)
ADMIN = Scope(Kind.ADMIN)
UNASSIGNED = Scope(Kind.UNASSIGNED)
COVERED = Scope(Kind.COVERED)


def books_scope(district_id: int | None) -> Scope:
    # A book whose district cannot be found (a parent pending in the same flush) is checked as the
    # careful default: only the unrestricted and the 管理者 pass an empty district set.
    return Scope(Kind.BOOKS, frozenset() if district_id is None else frozenset({district_id}))


def district_scope(district_id: int | None) -> Scope:
    return TOWN if district_id is None else Scope(Kind.DISTRICTS, frozenset({district_id}))


TOWN_WIDE_TABLES = frozenset(
    {
        "issue_category",
        "equipment",
        "indicator",
        "indicator_value",
        "consultation",
        "course",
        "course_attendee",
        "business_startup",
        "manual_section",
        "manual_revision",
        "manual_edition",
        "staff_training",
        "staff_activity",
        "app_setting",
    }
)
ADMIN_TABLES = frozenset({"app_user", "app_user_district"})
#: Indexes the ORM keeps in step with the records they index: they follow the change that caused them.
DERIVED_TABLES = frozenset({"search_gram"})
#: Tables whose rows carry their own ``district_id``.
OWN_DISTRICT_TABLES = frozenset(
    {
        "membership",
        "regional_issue",
        "collaborative_project",
        "organisation",
        "meeting_body",
        "bylaws",
        "general_meeting_text",
    }
)
PROJECT_CHILD_TABLES = frozenset(
    {
        "project_partner",
        "project_staff",
        "milestone",
        "grant_application",
        "activity_record",
        "project_evaluation",
        "project_issue",
    }
)
MEETING_CHILD_TABLES = frozenset(
    {"attendance", "handout", "agenda_item", "decision", "action_item", "minutes_revision"}
)
#: A council's books: tables carrying ``district_id`` and those hanging from a book (``book_id``).
BOOKS_DISTRICT_TABLES = frozenset({"account_subject", "account_book", "account_import_profile"})
BOOKS_CHILD_TABLES = frozenset(
    {
        "account_budget_revision",
        "account_close_revision",
        "account_entry",
        "account_month_check",
        "account_cash_count",
    }
)
#: The attributes a table's scope is computed from (a change of one of them is checked before and after).
SCOPE_KEYS: dict[str, tuple[str, ...]] = {
    **{t: ("district_id",) for t in OWN_DISTRICT_TABLES},
    **{t: ("project_id",) for t in PROJECT_CHILD_TABLES},
    **{t: ("meeting_id",) for t in MEETING_CHILD_TABLES},
    "issue_status_change": ("issue_id",),
    "grant_document": ("grant_id",),
    "activity_staff": ("activity_id",),
    "meeting": ("body_id",),
    "bylaws_revision": ("bylaws_id",),
    "equipment_loan": ("district_id", "project_id"),
    "person": ("deleted_at",),
    **{t: ("district_id",) for t in BOOKS_DISTRICT_TABLES},
    **{t: ("book_id",) for t in BOOKS_CHILD_TABLES},
    "account_budget_line": ("revision_id",),
}
#: Which mapped class a child's missing parent would be (for COVERED).
PARENT_TYPES: dict[str, type] = {
    **{t: CollaborativeProject for t in PROJECT_CHILD_TABLES},
    **{t: Meeting for t in MEETING_CHILD_TABLES},
    "issue_status_change": RegionalIssue,
    "grant_document": GrantApplication,
    "activity_staff": ActivityRecord,
    "meeting": MeetingBody,
    "bylaws_revision": Bylaws,
    **{t: AccountBook for t in BOOKS_CHILD_TABLES},
    "account_budget_line": AccountBudgetRevision,
}


class Lookup:
    """Parent rows for scope rules, read in the flushing session without triggering another flush."""

    def __init__(self, session: Session, pending: Iterable[Any] = ()) -> None:
        self.session = session
        self.pending_types = {type(o) for o in pending}
        self._cache: dict[tuple[type, int], int | None] = {}

    def _district_of(self, model: type, key: int, via: Callable[[Any], int | None]) -> int | None:
        hit = (model, key)
        if hit not in self._cache:
            with self.session.no_autoflush:
                row = self.session.get(model, key)
            self._cache[hit] = via(row) if row is not None else None
        return self._cache[hit]

    def project(self, project_id: int) -> int | None:
        return self._district_of(CollaborativeProject, project_id, lambda p: p.district_id)

    def issue(self, issue_id: int) -> int | None:
        return self._district_of(RegionalIssue, issue_id, lambda i: i.district_id)

    def grant(self, grant_id: int) -> int | None:
        return self._district_of(GrantApplication, grant_id, lambda g: self.project(g.project_id))

    def activity(self, activity_id: int) -> int | None:
        return self._district_of(ActivityRecord, activity_id, lambda a: self.project(a.project_id))

    def body(self, body_id: int) -> int | None:
        return self._district_of(MeetingBody, body_id, lambda b: b.district_id)

    def bylaws(self, bylaws_id: int) -> int | None:
        return self._district_of(Bylaws, bylaws_id, lambda b: b.district_id)

    def meeting(self, meeting_id: int) -> int | None:
        return self._district_of(Meeting, meeting_id, lambda m: self.body(m.body_id))

    def book(self, book_id: int) -> int | None:
        return self._district_of(AccountBook, book_id, lambda b: b.district_id)

    def budget_revision(self, revision_id: int) -> int | None:
        return self._district_of(AccountBudgetRevision, revision_id, lambda r: self.book(r.book_id))

    def person_districts(self, person_id: int) -> frozenset[int]:
        with self.session.no_autoflush:
            ids = self.session.scalars(
                select(Membership.district_id).where(Membership.person_id == person_id)
            )
            return frozenset(ids)


def _parent_scope(
    table: str, parent_id: int | None, lookup: Lookup, resolve: Callable[[int], int | None]
) -> Scope:
    if parent_id is None:
        # A child appended to its parent's collection gets its key during the flush: the parent is checked.
        parent_type = PARENT_TYPES.get(table)
        return COVERED if parent_type in lookup.pending_types else TOWN
    return district_scope(resolve(parent_id))


def scope_of(table: str, row: Any, lookup: Lookup, *, deleting: bool = False) -> Scope:
    """Where ``row`` (an ORM object, a Row or a namespace of column values) of ``table`` belongs."""
    if table == "audit_entry":
        return ADMIN if deleting else NEUTRAL
    if table in DERIVED_TABLES:
        return NEUTRAL
    if table in ADMIN_TABLES:
        return ADMIN
    if table in TOWN_WIDE_TABLES:
        return TOWN
    if table == "district":
        return district_scope(getattr(row, "id", None))
    if table in BOOKS_DISTRICT_TABLES:
        return books_scope(row.district_id)
    if table in BOOKS_CHILD_TABLES or table == "account_budget_line":
        parent_id, resolve = (
            (row.revision_id, lookup.budget_revision)
            if table == "account_budget_line"
            else (row.book_id, lookup.book)
        )
        if parent_id is None:
            return COVERED if PARENT_TYPES[table] in lookup.pending_types else books_scope(None)
        return books_scope(resolve(parent_id))
    if table in OWN_DISTRICT_TABLES:
        return district_scope(row.district_id)
    if table in PROJECT_CHILD_TABLES:
        return _parent_scope(table, row.project_id, lookup, lookup.project)
    if table in MEETING_CHILD_TABLES:
        return _parent_scope(table, row.meeting_id, lookup, lookup.meeting)
    if table == "issue_status_change":
        return _parent_scope(table, row.issue_id, lookup, lookup.issue)
    if table == "grant_document":
        return _parent_scope(table, row.grant_id, lookup, lookup.grant)
    if table == "activity_staff":
        return _parent_scope(table, row.activity_id, lookup, lookup.activity)
    if table == "bylaws_revision":
        return _parent_scope(table, row.bylaws_id, lookup, lookup.bylaws)
    if table == "meeting":
        return _parent_scope(table, row.body_id, lookup, lookup.body)
    if table == "equipment_loan":
        if row.district_id is not None:
            return district_scope(row.district_id)
        if row.project_id is not None:
            return district_scope(lookup.project(row.project_id))
        return TOWN
    if table == "person":
        memberships = getattr(row, "memberships", None)
        if memberships is not None:
            ids = frozenset(m.district_id for m in memberships if m.district_id is not None)
        else:
            ids = lookup.person_districts(row.id) if getattr(row, "id", None) is not None else frozenset()
        if not ids:
            return UNASSIGNED
        return Scope(Kind.DISTRICTS, ids, need_all=deleting)
    return TOWN  # a table this module does not know yet: the careful default
