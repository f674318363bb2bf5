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

Where a row belongs is worked out in :mod:`sakae_council.db.scopes` (re-exported here); this module holds
the check, the refusal message and the guards on flushes and bulk statements.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Table, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.sql.dml import Delete, Insert, Update
from sqlalchemy.sql.elements import TextClause

from sakae_council.db.models import District
from sakae_council.db.scopes import (
    ADMIN,
    ADMIN_TABLES,
    BOOKS_CHILD_TABLES,
    BOOKS_DISTRICT_TABLES,
    COVERED,
    DERIVED_TABLES,
    MEETING_CHILD_TABLES,
    NEUTRAL,
    OWN_DISTRICT_TABLES,
    PARENT_TYPES,
    PROJECT_CHILD_TABLES,
    SCOPE_KEYS,
    TOWN,
    TOWN_WIDE_TABLES,
    UNASSIGNED,
    Kind,
    Lookup,
    Scope,
    books_scope,
    district_scope,
    scope_of,
)
from sakae_council.domain.errors import PermissionDeniedError, msg
from sakae_council.domain.roles import AccessPolicy, UserRole

__all__ = [
    "ADMIN",
    "ADMIN_TABLES",
    "BOOKS_CHILD_TABLES",
    "BOOKS_DISTRICT_TABLES",
    "COVERED",
    "DERIVED_TABLES",
    "ENTITY_LABELS",
    "Kind",
    "Lookup",
    "MEETING_CHILD_TABLES",
    "NEUTRAL",
    "OWN_DISTRICT_TABLES",
    "PARENT_TYPES",
    "PROJECT_CHILD_TABLES",
    "SCOPE_KEYS",
    "Scope",
    "TOWN",
    "TOWN_WIDE_TABLES",
    "UNASSIGNED",
    "VERBS",
    "allowed",
    "books_scope",
    "check_flush",
    "check_statement",
    "district_scope",
    "refusal",
    "scope_of",
]

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
