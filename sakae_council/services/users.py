"""利用者 of the shared server: registering people with a role (and districts), and who is signed in now.

The login is the user name the town's IT staff created on the PostgreSQL server, so the role follows
the person who actually authenticated. Only 管理者 may change users (enforced by the write guard in
:mod:`sakae_council.db.permissions`, like every other right). The first user registered must be a 管理者
— the one connected now — and the last 管理者 cannot be removed or demoted, so nobody is locked out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from sakae_council.db import shared
from sakae_council.db.engine import Database
from sakae_council.db.models import AppUser, District
from sakae_council.db.permissions import ADMIN, refusal
from sakae_council.domain.errors import ConflictError, ValidationError, msg
from sakae_council.domain.roles import ROLES_WITH_DISTRICTS, AccessPolicy, UserRole
from sakae_council.domain.text import normalize_ascii
from sakae_council.services._crud import change, current, insert, load_with, remove
from sakae_council.services.common import get_or_raise, optional_text

LOGIN_PATTERN = re.compile(r"^[a-z0-9_][a-z0-9_.@-]{0,99}$")


@dataclass(frozen=True)
class UserInput:
    login: str
    display_name: str = ""
    role: UserRole = UserRole.VIEWER
    district_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class UserDTO:
    id: int
    version: int
    login: str
    display_name: str
    role: UserRole
    district_ids: tuple[int, ...]
    district_names: tuple[str, ...]

    @property
    def label(self) -> str:
        """渡辺 花子（watanabe）"""
        return f"{self.display_name}（{self.login}）" if self.display_name else self.login


@dataclass(frozen=True)
class CurrentUserDTO:
    """Who has the database open and what they may change (pages enable buttons from this; the
    services enforce the same rules regardless)."""

    login: str
    display_name: str
    role: UserRole
    district_ids: frozenset[int]
    district_names: tuple[str, ...]
    #: Connected to the town hall server (False: a file on this computer, nothing restricted).
    shared: bool
    #: The login has an app_user row (False on a server that has users: treated as 閲覧のみ).
    registered: bool
    #: A server with no users registered yet: whoever connects may do everything, to register the first.
    setup_mode: bool
    policy: AccessPolicy

    @property
    def can_write(self) -> bool:
        return self.policy.can_write

    @property
    def can_manage_users(self) -> bool:
        return self.policy.can_manage_users

    @property
    def can_write_town_wide(self) -> bool:
        return self.policy.can_write_town_wide

    def can_write_district(self, district_id: int | None) -> bool:
        return self.policy.can_write_district(district_id)

    def describe(self) -> str:
        """For the status bar: 渡辺 花子（協議会事務局・安食小学校区）."""
        if not self.shared:
            return "このパソコンのファイル（制限なし）"
        name = self.display_name or self.login
        if self.setup_mode:
            return f"{name}（利用者が未登録のため、すべての操作ができます）"
        if not self.registered:
            return f"{name}（未登録の利用者: 閲覧のみ）"
        extra = "・".join(self.district_names) if self.role in ROLES_WITH_DISTRICTS else ""
        return f"{name}（{self.role.label}{'・' + extra if extra else ''}）"


def _to_dto(u: AppUser) -> UserDTO:
    ds = sorted(u.districts, key=lambda d: (d.display_order, d.id))
    return UserDTO(
        id=u.id,
        version=u.version,
        login=u.login,
        display_name=u.display_name,
        role=_role(u.role),
        district_ids=tuple(d.id for d in ds),
        district_names=tuple(d.name for d in ds),
    )


def _role(code: str) -> UserRole:
    try:
        return UserRole(code)
    except ValueError:
        return UserRole.VIEWER


def _load(s: Session, user_id: int) -> AppUser:
    return load_with(s, AppUser, user_id, "利用者", selectinload(AppUser.districts))


def _admin_count(s: Session, exclude_id: int | None = None) -> int:
    stmt = select(func.count()).select_from(AppUser).where(AppUser.role == UserRole.ADMIN.value)
    if exclude_id is not None:
        stmt = stmt.where(AppUser.id != exclude_id)
    return int(s.scalar(stmt) or 0)


def _require_admin(s: Session, db: Database, verb: str) -> None:
    """Refuse early (before validation says anything about other users) when the caller is no 管理者;
    the write guard would refuse the flush anyway."""
    state = shared.state_of(db)
    if state is None:
        return
    policy = shared.session_policy(s, state)
    if not policy.can_manage_users:
        raise refusal(s, policy, "app_user", ADMIN, verb)


def _validate(
    s: Session, db: Database, data: UserInput, exclude_id: int | None
) -> tuple[dict, list[District]]:
    login = normalize_ascii(data.login).lower()
    if not login:
        raise ValidationError("login", "ログイン名を入力してください（サーバーの利用者名と同じにします）。")
    if not LOGIN_PATTERN.match(login):
        raise ValidationError(
            "login",
            "ログイン名は半角の英小文字・数字と「_ . @ -」で、100文字までにしてください（例: sato_hanako）。",
        )
    clash = s.scalar(select(AppUser.id).where(AppUser.login == login))
    if clash is not None and clash != exclude_id:
        raise ValidationError("login", msg("ログイン名「{login}」はすでに登録されています。", login=login))
    role = UserRole(data.role)
    districts: list[District] = []
    if role in ROLES_WITH_DISTRICTS:
        if not data.district_ids:
            raise ValidationError(
                "district_ids", msg("{role}が担当する学区を選んでください。", role=role.label)
            )
        districts = [get_or_raise(s, District, d, "学区") for d in dict.fromkeys(data.district_ids)]
    if exclude_id is not None:
        state = shared.state_of(db)
        own = s.get(AppUser, exclude_id)
        if state is not None and state.server and own is not None and own.login == state.login != login:
            # the login must stay the server's user name, or whoever renamed themselves is locked out
            raise ValidationError(
                "login",
                msg(
                    "いま接続している利用者「{login}」のログイン名は変更できません"
                    "（サーバーの利用者名と違う名前にすると、あなたが変更できなくなります）。",
                    login=state.login,
                ),
            )
    if exclude_id is None and not s.scalar(select(func.count()).select_from(AppUser)):
        if role is not UserRole.ADMIN:
            raise ValidationError(
                "role",
                "最初に登録する利用者は管理者にしてください（管理者がいないと、利用者を登録・変更できなくなります）。",
            )
        state = shared.state_of(db)
        if state is not None and state.server and state.policy is None and login != state.login:
            raise ValidationError(
                "login",
                msg(
                    "最初の管理者は、いま接続している利用者「{login}」で登録してください。"
                    "別の名前で登録すると、あなたが変更できなくなります。",
                    login=state.login,
                ),
            )
    elif exclude_id is not None and role is not UserRole.ADMIN and _admin_count(s, exclude_id) == 0:
        raise ValidationError(
            "role", "管理者が一人もいなくなるため、役割を変更できません。先に別の管理者を登録してください。"
        )
    values = {
        "login": login,
        "display_name": optional_text(data.display_name, "display_name", "表示名", 100),
        "role": role.value,
    }
    return values, districts


def list_users(db: Database) -> list[UserDTO]:
    """Every registered user, 管理者 first, then by login."""
    order = {r.value: i for i, r in enumerate(UserRole)}
    with db.reading() as s:
        users = s.scalars(select(AppUser).options(selectinload(AppUser.districts))).all()
        return [_to_dto(u) for u in sorted(users, key=lambda u: (order.get(u.role, 9), u.login))]


def get_user(db: Database, user_id: int) -> UserDTO:
    """One user with their districts."""
    with db.reading() as s:
        return _to_dto(_load(s, user_id))


def create_user(db: Database, data: UserInput) -> UserDTO:
    """Register a user (管理者 only; the first one must be the 管理者 connected now)."""
    with db.transaction() as s:
        _require_admin(s, db, "new")
        values, districts = _validate(s, db, data, None)
        user = AppUser(**values)
        user.districts = districts
        insert(s, db.user, user, "app_user", f"利用者「{user.login}」を{_role(user.role).label}として登録")
        return _to_dto(user)


def update_user(db: Database, user_id: int, data: UserInput, expected_version: int) -> UserDTO:
    """Change a user's name, role or districts (管理者 only); the last 管理者 stays a 管理者."""
    with db.transaction() as s:
        _require_admin(s, db, "dirty")
        user = current(s, AppUser, user_id, expected_version, "利用者", load=_load)
        values, districts = _validate(s, db, data, user.id)
        old_ids = sorted(d.id for d in user.districts)
        new_ids = sorted(d.id for d in districts)
        linked: dict[str, tuple[Any, Any]] = {}
        if old_ids != new_ids:
            user.districts = districts
            linked["districts"] = (old_ids, new_ids)
        change(s, db.user, user, values, "app_user", lambda u: f"利用者「{u.login}」を変更", extra=linked)
        return _to_dto(user)


def delete_user(db: Database, user_id: int, expected_version: int | None = None) -> None:
    """Remove a user's registration (their server login then reads only)."""
    with db.transaction() as s:
        _require_admin(s, db, "deleted")
        user = current(s, AppUser, user_id, expected_version, "利用者", load=_load)
        if user.role == UserRole.ADMIN.value and _admin_count(s, user.id) == 0:
            raise ConflictError("最後の管理者は削除できません。先に別の管理者を登録してください。")
        remove(s, db.user, user, "app_user", f"利用者「{user.login}」の登録を削除")


def current_user(db: Database) -> CurrentUserDTO:
    """Who has ``db`` open, with the rights the services will apply to them."""
    state = shared.state_of(db)
    policy = shared.current_policy(db)
    server = state is not None and state.server
    login = policy.login or db.user
    with db.reading() as s:
        row = s.scalar(select(AppUser).where(AppUser.login == login)) if server else None
        display = row.display_name if row is not None else ""
        ids = policy.district_ids
        names = (
            tuple(
                s.scalars(
                    select(District.name)
                    .where(District.id.in_(ids))
                    .order_by(District.display_order, District.id)
                )
            )
            if ids
            else ()
        )
    return CurrentUserDTO(
        login=login,
        display_name=display,
        role=policy.role,
        district_ids=ids,
        district_names=names,
        shared=server,
        registered=policy.registered,
        setup_mode=server and policy.unrestricted,
        policy=policy,
    )
