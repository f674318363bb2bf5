"""Role checks on every write: a ``before_flush`` / ``do_orm_execute`` guard on the shared server.

Every new, changed or deleted row is traced to where it belongs — one district, the whole town, or the
user administration — and refused with PermissionDeniedError when the signed-in user's role may not
write there (see :mod:`sakae_council.domain.roles`). The checks live here, not in each service, so a
service written tomorrow is covered too. Reads are never restricted.

Where a row belongs (its *scope*):

- District → itself; Membership, RegionalIssue, CollaborativeProject, Organisation, MeetingBody,
  EquipmentLoan → their ``district_id`` (none: town-wide);
- rows of a project, issue, grant, activity record or meeting → their parent's district (a Meeting through
  its body, the staff of an activity record through its project);
- Person → the districts of their memberships (editing needs one of them, deleting needs all of them;
  a person with no membership yet may be entered by any role that writes);
- indicators, the manual, equipment, categories, ⑫ records, staff records, settings → town-wide;
- users → 管理者 only; audit entries → written alongside the change they record (deleting them: 管理者).
- a council's books (会計: ``account_*`` tables) → its district, but only that council's 協議会事務局 and the
  管理者 write them (a 地区担当職員 reads them like everyone else): scope kind BOOKS.

A changed row is checked where it was and where it goes (moving an issue to another district needs both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from sqlalchemy import Table, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlalchemy.sql.elements import TextClause

from sakae_council.db.models import (
    AccountBook,
    AccountBudgetRevision,
    ActivityRecord,
    Bylaws,
    CollaborativeProject,
    District,
    GrantApplication,
    Meeting,
    MeetingBody,
    Membership,
    RegionalIssue,
)
from sakae_council.domain.errors import PermissionDeniedError, msg
from sakae_council.domain.roles import AccessPolicy, UserRole


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


#: What a table's rows are called in the refusal message.
ENTITY_LABELS: dict[str, str] = {
    "district": "学区",
    "person": "名簿の人",
    "membership": "委嘱（役割・任期）",
    "organisation": "団体",
    "regional_issue": "地域課題",
    "issue_status_change": "地域課題の経過",
    "issue_category": "課題の分類",
    "collaborative_project": "協働事業",
    "project_issue": "協働事業と地域課題のつながり",
    "project_partner": "協働事業の役割分担",
    "project_staff": "協働事業の担当職員",
    "milestone": "協働事業の工程",
    "grant_application": "補助金申請",
    "grant_document": "補助金申請の書類",
    "equipment": "資機材",
    "equipment_loan": "資機材の貸出",
    "activity_record": "活動記録",
    "activity_staff": "活動記録の参加職員",
    "project_evaluation": "事業の検証",
    "meeting_body": "会議体",
    "meeting": "会議・議事録",
    "attendance": "出欠",
    "handout": "配布資料",
    "agenda_item": "議題",
    "decision": "決定事項",
    "action_item": "宿題事項",
    "minutes_revision": "議事録の改訂",
    "indicator": "成果指標",
    "indicator_value": "成果指標の値",
    "consultation": "相談記録",
    "course": "講座",
    "course_attendee": "講座の参加者",
    "business_startup": "起業の記録",
    "manual_section": "協働マニュアル",
    "manual_revision": "協働マニュアルの改訂",
    "manual_edition": "協働マニュアルの版",
    "bylaws": "会則",
    "bylaws_revision": "会則の改正",
    "general_meeting_text": "総会議案書の文案",
    "staff_training": "研修記録",
    "staff_activity": "職員地域活動",
    "app_user": "利用者",
    "app_user_district": "利用者の担当学区",
    "app_setting": "設定",
    "audit_entry": "監査ログ",
    "search_gram": "検索用の索引",
    "account_subject": "会計の科目",
    "account_book": "会計帳簿",
    "account_budget_revision": "予算・補正予算",
    "account_budget_line": "予算額",
    "account_close_revision": "決算の修正",
    "account_entry": "出納帳の記帳",
    "account_month_check": "出納帳の月次確認",
    "account_cash_count": "現金・預金の実査",
    "account_import_profile": "通帳CSVの読み取り設定",
}

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


# --- the check ----------------------------------------------------------------------------------


def allowed(policy: AccessPolicy, scope: Scope) -> bool:
    if policy.unrestricted or scope.kind in (Kind.NEUTRAL, Kind.COVERED):
        return True
    if scope.kind is Kind.ADMIN:
        return policy.can_manage_users
    if not policy.can_write:
        return False
    if scope.kind is Kind.TOWN:
        return policy.can_write_town_wide
    if scope.kind is Kind.UNASSIGNED:
        return True
    if scope.kind is Kind.BOOKS:
        return policy.can_write_books(next(iter(scope.districts), None))
    checks = [policy.can_write_district(d) for d in scope.districts]
    return all(checks) if scope.need_all else any(checks)


VERBS = {"new": msg("登録"), "dirty": msg("変更"), "deleted": msg("削除")}  # msg(): translated in the message


def _district_names(session: Session, ids: Iterable[int]) -> str:
    names = []
    with session.no_autoflush:
        for d in sorted(ids):
            district = session.get(District, d)
            names.append(district.name if district is not None else f"学区ID {d}")
    return "・".join(names)


def refusal(
    session: Session, policy: AccessPolicy, table: str, scope: Scope, verb: str
) -> PermissionDeniedError:
    """The plain-Japanese reason a change is refused."""
    what = ENTITY_LABELS.get(table, "データ")
    action = VERBS.get(verb, VERBS["dirty"])
    if not policy.registered:
        return PermissionDeniedError(
            msg(
                "利用者「{login}」はこのサーバーに登録されていないため、閲覧だけができます。"
                "データを変更するには、管理者に利用者の登録を依頼してください。",
                login=policy.login,
            )
        )
    role = policy.role.label
    if policy.role is UserRole.VIEWER:
        return PermissionDeniedError(
            msg(
                "{role}の利用者は、データを変更できません（{what}の{action}）。変更が必要なときは、管理者に依頼してください。",
                role=role,
                what=what,
                action=action,
            )
        )
    if scope.kind is Kind.ADMIN:
        return PermissionDeniedError(
            msg(
                "{what}の{action}は管理者だけができます。管理者に依頼してください。", what=what, action=action
            )
        )
    if scope.kind is Kind.TOWN:
        return PermissionDeniedError(
            msg(
                "{role}の利用者は、町全体のデータ（{what}）を{action}できません。管理者か地区担当職員に依頼してください。",
                role=role,
                what=what,
                action=action,
            )
        )
    if scope.kind is Kind.BOOKS:
        return PermissionDeniedError(
            msg(
                "{what}の{action}は、その協議会の事務局と管理者だけができます（あなたは{role}です）。"
                "会計の担当者か管理者に依頼してください。",
                what=what,
                action=action,
                role=role,
            )
        )
    mine = _district_names(session, policy.district_ids) or msg("なし")
    theirs = _district_names(session, scope.districts - policy.district_ids)
    return PermissionDeniedError(
        msg(
            "{role}の利用者（担当: {mine}）は、{theirs}の{what}を{action}できません。"
            "担当の学区のデータだけを変更できます。必要なときは、その学区の担当者か管理者に依頼してください。",
            role=role,
            mine=mine,
            theirs=theirs,
            what=what,
            action=action,
        )
    )


class _Before:
    """The values a changed object had before this flush (for 'where it was' checks)."""

    def __init__(self, obj: Any, old: dict[str, Any]) -> None:
        self._obj = obj
        self._old = old

    def __getattr__(self, name: str) -> Any:
        if name in self._old:
            return self._old[name]
        return getattr(self._obj, name)


def _old_values(obj: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    state = inspect(obj)
    old: dict[str, Any] = {}
    for key in keys:
        if key not in state.attrs:
            continue
        history = state.attrs[key].history
        if history.deleted:
            old[key] = history.deleted[0]
    return old


def check_flush(session: Session, policy: AccessPolicy) -> None:
    """Refuse the flush when one of its new/changed/deleted objects is outside the user's rights."""
    if policy.unrestricted:
        return
    pending = [*session.new, *session.dirty, *session.deleted]
    if not pending:
        return
    lookup = Lookup(session, pending)
    for verb, objects in (("new", session.new), ("dirty", session.dirty), ("deleted", session.deleted)):
        for obj in objects:
            table = getattr(getattr(obj, "__table__", None), "name", None)
            if table is None:
                continue
            deleting = verb == "deleted"
            old = _old_values(obj, SCOPE_KEYS.get(table, ())) if verb == "dirty" else {}
            if table == "person" and "deleted_at" in old:
                deleting = True  # taking someone off the roster touches every district they are in
            scopes = [scope_of(table, obj, lookup, deleting=deleting)]
            if old:
                scopes.append(scope_of(table, _Before(obj, old), lookup, deleting=deleting))
            for scope in scopes:
                if not allowed(policy, scope):
                    raise refusal(session, policy, table, scope, verb)


# --- bulk statements (session.execute(update(...)) and friends) ---------------------------------


class _Values:
    """Column values of a row to be inserted, read like an object (missing columns are None)."""

    def __init__(self, values: dict[str, Any]) -> None:
        self._values = values

    def __getattr__(self, name: str) -> Any:
        return self._values.get(name)


def _dml_table(statement: Any) -> Table | None:
    table = getattr(statement, "table", None)
    return table if isinstance(table, Table) else None


def check_statement(state: ORMExecuteState, policy: AccessPolicy) -> None:
    """Refuse an INSERT/UPDATE/DELETE statement run through the session when it touches rows the
    user may not change (the rows it matches are read first, with the statement's own WHERE)."""
    if policy.unrestricted:
        return
    statement = state.statement
    if isinstance(statement, TextClause):
        verb = statement.text.lstrip().split(None, 1)[0].upper() if statement.text.strip() else ""
        if verb in {"INSERT", "UPDATE", "DELETE"} and not allowed(policy, TOWN):
            raise refusal(state.session, policy, "?", TOWN, "dirty")
        return
    if not isinstance(statement, Insert | Update | Delete):
        return
    table = _dml_table(statement)
    if table is None:
        return
    name = table.name
    session = state.session
    lookup = Lookup(session)
    verb = "new" if isinstance(statement, Insert) else "deleted" if isinstance(statement, Delete) else "dirty"
    rows: list[Any] = []
    if isinstance(statement, Insert):
        params: Any = state.parameters
        batches: list[Any] = list(params) if isinstance(params, list | tuple) else [params or {}]
        compiled = statement.compile().params
        rows = [_Values({**compiled, **dict(batch)}) for batch in batches]
    else:
        query = select(table)
        if statement.whereclause is not None:
            query = query.where(statement.whereclause)
        with session.no_autoflush:
            rows = list(session.execute(query))
        if isinstance(statement, Update):
            new_values = {
                k: v for k, v in statement.compile().params.items() if k in SCOPE_KEYS.get(name, ())
            }
            if new_values:
                rows += [_Values({**row._mapping, **new_values}) for row in rows]
    for row in rows:
        scope = scope_of(name, row, lookup, deleting=verb == "deleted")
        if not allowed(policy, scope):
            raise refusal(session, policy, name, scope, verb)
