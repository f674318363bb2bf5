"""Areas of the data: what a change notice names, and what a page listens for.

A save says which areas it changed (the page that saved, through ``AppContext.notify``; other users' saves,
through ``services.changes`` mapping the tables a transaction touched); each page refreshes for the areas
it shows. One vocabulary for both sides, so a notice cannot name an area no page knows.
"""

from __future__ import annotations

from enum import StrEnum


class Area(StrEnum):
    """An area of the data that pages refresh by (a ``str``, so it travels through Qt signals as is)."""

    PEOPLE = "people"  # 名簿: people and their memberships
    ORGANISATIONS = "organisations"
    DISTRICTS = "districts"
    ISSUES = "issues"
    PROJECTS = "projects"
    GRANTS = "grants"
    ACCOUNTS = "accounts"  # 会計: 科目, 予算, 出納帳, 実査, 決算
    EQUIPMENT = "equipment"
    MEETINGS = "meetings"
    MANUAL = "manual"  # 協働マニュアル: sections, revisions, editions
    STAFF = "staff"  # 職員の研修と地域活動
    INDICATORS = "indicators"  # 成果指標 and their yearly values
    LIFESUPPORT = "lifesupport"  # ⑫ 相談記録, 講座, 起業
    USERS = "users"
    SETTINGS = "settings"
    AUDIT = "audit"
    BACKUPS = "backups"  # a backup was taken on this computer (never from the server)
