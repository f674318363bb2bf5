"""What an open database does for several users at once; installed on every open by ``open_database``.

- **Roles**: every flush and every INSERT/UPDATE/DELETE statement of a session is checked against the
  signed-in user's rights (:mod:`sakae_council.db.permissions`). On the server the rights come from the
  ``app_user`` row of the server login, re-read in each writing transaction, so a changed role applies
  at once; while no user is registered at all, whoever connects is treated as 管理者 (to register the
  first one). A local SQLite file is single-user: nothing is restricted unless a policy is passed.
- **Conflicts**: a stale UPDATE/DELETE (SQLAlchemy's version check, ``StaleDataError``) becomes
  :class:`StaleVersionError`, a ConflictError, wherever it happens — never a silent overwrite.
- **No hanging**: server connections get ``lock_timeout``, ``statement_timeout`` and
  ``idle_in_transaction_session_timeout``; a lock wait, deadlock or timeout arrives as BusyError.
- **Change notices**: each committed write sends ``NOTIFY sakae_council_changes`` naming the tables it
  touched, so other users' lists refresh (:mod:`sakae_council.services.changes` listens).
"""

from __future__ import annotations

import json
import logging
import re
import uuid
import weakref
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, event, func, select, text
from sqlalchemy.orm import ORMExecuteState, Session
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.sql.dml import Delete, Insert, Update

from sakae_council.db.models import AppUser, app_user_district
from sakae_council.db.permissions import ENTITY_LABELS, check_flush, check_statement
from sakae_council.domain.errors import StaleVersionError, StorageError, msg
from sakae_council.domain.roles import AccessPolicy, UserRole

if TYPE_CHECKING:
    from sakae_council.db.engine import Database

log = logging.getLogger(__name__)

CHANGE_CHANNEL = "sakae_council_changes"
#: Server-side limits per connection: nothing waits for a lock or runs forever, and a program that
#: froze in the middle of a transaction cannot hold its locks for longer than the last one.
SERVER_LIMITS: tuple[tuple[str, str], ...] = (
    ("lock_timeout", "10s"),
    ("statement_timeout", "2min"),
    ("idle_in_transaction_session_timeout", "10min"),
)
_KEPT = msg("入力した内容は消えていません。")
_BUSY = msg(
    "ほかの人が同じデータを保存している途中のため、保存できませんでした。{kept}少し待ってから、もう一度保存してください。",
    kept=_KEPT,
)
BUSY_SQLSTATES: dict[str, str] = {
    "55P03": _BUSY,  # lock_not_available (lock_timeout)
    "40P01": _BUSY,  # deadlock_detected
    "40001": _BUSY,  # serialization_failure
    "57014": msg(
        "サーバーでの処理に時間がかかりすぎたため中止しました。{kept}少し待ってから、もう一度操作してください。",
        kept=_KEPT,
    ),
    "25P03": "長い間操作がなかったため、サーバーとの処理が打ち切られました。もう一度操作してください。",
}
_POLICY_KEY = "sakae_policy"
_TABLE_IN_MESSAGE = re.compile(r"on table '([^']+)'")


@dataclass
class SharedState:
    """Per-engine state: who is signed in, which schema, and this program's notice origin."""

    server: bool
    policy: AccessPolicy | None
    login: str
    schema: str = ""
    origin: str = field(default_factory=lambda: uuid.uuid4().hex)


_STATES: weakref.WeakKeyDictionary[Engine, SharedState] = weakref.WeakKeyDictionary()


def state_of(db: Database) -> SharedState | None:
    """The shared-server state installed on ``db`` (None when open_database did not install it)."""
    return _STATES.get(db.engine)


class GuardedSession(Session):
    """A session whose stale writes surface as StaleVersionError (a ConflictError)."""

    def flush(self, objects: Any = None) -> None:
        try:
            super().flush(objects)
        except StaleDataError as exc:
            match = _TABLE_IN_MESSAGE.search(str(exc))
            what = ENTITY_LABELS.get(match.group(1), "データ") if match else "データ"
            raise StaleVersionError(
                msg(
                    "この{what}は、あなたが開いた後に別の場所で変更（または削除）されています。"
                    "再読み込みしてから、もう一度変更してください。",
                    what=what,
                )
            ) from exc


def install(db: Database, permissions: AccessPolicy | None = None) -> None:
    """Install roles, conflict translation, server limits and change notices on a just-opened database."""
    server = db.engine.dialect.name == "postgresql"
    state = SharedState(server=server, policy=permissions, login=db.user)
    if server:
        event.listen(db.engine, "connect", _apply_limits)
        event.listen(db.engine, "handle_error", _translate_busy)
        db.engine.dispose()  # connections of the schema check were opened before the limits
        with db.engine.connect() as conn:
            login, schema = conn.execute(text("SELECT session_user, current_schema()")).one()
        state.login, state.schema = str(login), str(schema or "")
    _STATES[db.engine] = state
    maker = db.session_factory  # this database's sessions only (open_database made them GuardedSession)

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        check_flush(session, session_policy(session, state))

    def on_execute(orm_state: ORMExecuteState) -> None:
        statement = orm_state.statement
        if isinstance(statement, Insert | Update | Delete) or not orm_state.is_select:
            check_statement(orm_state, session_policy(orm_state.session, state))
            if server and isinstance(statement, Insert | Update | Delete):
                table = getattr(statement, "table", None)
                name = getattr(table, "name", None)
                if name:
                    _notify(orm_state.session, state, {name})

    event.listen(maker, "before_flush", before_flush)
    event.listen(maker, "do_orm_execute", on_execute)
    if server:

        def after_flush(session: Session, _context: Any) -> None:
            tables = {
                o.__table__.name
                for o in chain(session.new, session.dirty, session.deleted)
                if getattr(o, "__table__", None) is not None
            }
            _notify(session, state, tables)

        event.listen(maker, "after_flush", after_flush)
        registered = _registered_login(db, state.login)
        if registered and permissions is None:
            db.user = state.login  # audit entries name the authenticated server login


def _registered_login(db: Database, login: str) -> bool:
    with db.engine.connect() as conn:
        return conn.scalar(select(func.count()).select_from(AppUser).where(AppUser.login == login)) == 1


def _apply_limits(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for name, value in SERVER_LIMITS:
            cursor.execute(f"SET {name} = '{value}'")
    finally:
        cursor.close()
    dbapi_connection.commit()  # a SET inside a transaction that is later rolled back would be undone


def _translate_busy(context: Any) -> None:
    code = getattr(context.original_exception, "sqlstate", None)
    message = BUSY_SQLSTATES.get(code or "")
    if message is None:
        return
    from sakae_council.db.engine import BusyError

    log.warning("server busy (%s): %s", code, context.original_exception)
    if code in ("55P03", "40P01", "40001"):
        raise BusyError(message)
    raise StorageError(message)


def _notify(session: Session, state: SharedState, tables: set[str]) -> None:
    if not tables:
        return
    payload = json.dumps({"s": state.schema, "o": state.origin, "t": sorted(tables)}, separators=(",", ":"))
    # Delivered by the server only if this transaction commits; repeats within it are merged.
    session.connection().exec_driver_sql("SELECT pg_notify(%s, %s)", (CHANGE_CHANNEL, payload))


# --- who is signed in ---------------------------------------------------------------------------


def session_policy(session: Session, state: SharedState) -> AccessPolicy:
    """The rights that apply to writes in ``session`` (read once per transaction)."""
    if state.policy is not None:
        return state.policy
    if not state.server:
        return AccessPolicy.local(state.login)
    transaction = session.get_transaction()
    cached = session.info.get(_POLICY_KEY)
    if cached is not None and cached[0] is transaction:
        return cached[1]
    with session.no_autoflush:
        policy = read_policy(session, state.login)
    session.info[_POLICY_KEY] = (transaction, policy)
    return policy


def read_policy(session: Session, login: str) -> AccessPolicy:
    """The rights of ``login`` from the app_user table (unregistered: 閲覧のみ; no users yet: everything)."""
    if not session.scalar(select(func.count()).select_from(AppUser)):
        return AccessPolicy(login=login, role=UserRole.ADMIN, unrestricted=True)
    row = session.execute(select(AppUser.id, AppUser.role).where(AppUser.login == login)).one_or_none()
    if row is None:
        return AccessPolicy(login=login, role=UserRole.VIEWER, registered=False)
    districts = session.scalars(
        select(app_user_district.c.district_id).where(app_user_district.c.user_id == row.id)
    )
    try:
        role = UserRole(row.role)
    except ValueError:
        role = UserRole.VIEWER  # an unknown role code (newer program?) grants nothing
    return AccessPolicy.for_role(login, role, districts)


def current_policy(db: Database) -> AccessPolicy:
    """The rights of whoever has ``db`` open, as the guard would apply them now."""
    state = state_of(db)
    if state is None:
        return AccessPolicy.local(db.user)
    with db.reading() as session:
        return session_policy(session, state)
