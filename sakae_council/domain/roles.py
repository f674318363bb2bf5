"""利用者の権限 on the shared server: the four roles and what each may change.

Everyone may read everything. Writing depends on where a record belongs: one district (a 学区's
roster, issues, projects, meetings...), the whole town (indicators, the manual, equipment...), or the
user administration itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sakae_council.domain.enums import LabeledEnum


class UserRole(LabeledEnum):
    """利用者の役割 on the shared server."""

    ADMIN = "admin", "管理者"
    DISTRICT_STAFF = "district_staff", "地区担当職員"
    SECRETARIAT = "secretariat", "協議会事務局"
    VIEWER = "viewer", "閲覧のみ"


#: Roles that are tied to districts (the admin chooses which when registering the user).
ROLES_WITH_DISTRICTS = frozenset({UserRole.DISTRICT_STAFF, UserRole.SECRETARIAT})

ROLE_DESCRIPTIONS: dict[UserRole, str] = {
    UserRole.ADMIN: "すべてのデータと利用者の登録を変更できます。",
    UserRole.DISTRICT_STAFF: (
        "すべての学区を閲覧し、担当の学区と町全体のデータ（指標・マニュアルなど）を変更できます。協議会の会計は閲覧だけです。"
    ),
    UserRole.SECRETARIAT: "すべての学区を閲覧し、自分の協議会の学区のデータ（会計を含む）を変更できます。",
    UserRole.VIEWER: "閲覧だけができます。変更はできません。",
}


@dataclass(frozen=True)
class AccessPolicy:
    """What one signed-in user may change. ``registered`` is False for a login unknown to the server
    (treated as 閲覧のみ); ``unrestricted`` marks local single-user mode or a server with no users yet."""

    login: str
    role: UserRole
    district_ids: frozenset[int] = field(default_factory=frozenset)
    registered: bool = True
    unrestricted: bool = False

    @classmethod
    def local(cls, login: str = "") -> AccessPolicy:
        """Local single-user mode (a file on this computer): nothing is restricted."""
        return cls(login=login, role=UserRole.ADMIN, unrestricted=True)

    @classmethod
    def for_role(cls, login: str, role: UserRole | str, district_ids: Iterable[int] = ()) -> AccessPolicy:
        return cls(login=login, role=UserRole(role), district_ids=frozenset(district_ids))

    @property
    def can_write(self) -> bool:
        """True when the user may change anything at all."""
        return self.unrestricted or self.role is not UserRole.VIEWER

    @property
    def can_manage_users(self) -> bool:
        return self.unrestricted or self.role is UserRole.ADMIN

    @property
    def can_write_town_wide(self) -> bool:
        """Town-wide records: 成果指標, 協働マニュアル, 資機材, 課題の分類, ⑫ records, the 連絡会."""
        return self.unrestricted or self.role in (UserRole.ADMIN, UserRole.DISTRICT_STAFF)

    def can_write_books(self, district_id: int | None) -> bool:
        """May the user change this council's books (会計)? Its 協議会事務局 and the 管理者 only."""
        if self.unrestricted or self.role is UserRole.ADMIN:
            return True
        return (
            self.role is UserRole.SECRETARIAT and district_id is not None and district_id in self.district_ids
        )

    def can_write_district(self, district_id: int | None) -> bool:
        """May the user change a record of this district (None: a town-wide record)?"""
        if district_id is None:
            return self.can_write_town_wide
        if self.unrestricted or self.role is UserRole.ADMIN:
            return True
        if self.role in ROLES_WITH_DISTRICTS:
            return district_id in self.district_ids
        return False
