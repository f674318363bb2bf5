"""Persistent user preferences (QSettings): window geometry, chosen district, text size, recent files.

Everything is stored in an INI file under organisation "SakaeTown", application "sakae_council", so
tests can redirect it with ``QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)``.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

ORGANISATION = "SakaeTown"
APPLICATION = "sakae_council"

KEY_GEOMETRY = "window/geometry"
KEY_WINDOW_STATE = "window/state"
KEY_PAGE = "window/page"
KEY_DISTRICT = "view/district_id"
KEY_TEXT_SIZE = "view/text_size"
#: 表示言語: "ja" (also when unset) or "en" (gui/i18n.py).
KEY_LANGUAGE = "view/language"
ENGLISH = "en"
KEY_RECENT = "file/recent"
MAX_RECENT = 8


def app_settings() -> QSettings:
    """The user's settings file."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


def read_int(settings: QSettings, key: str) -> int | None:
    """An integer setting, or None when unset or unreadable."""
    value = settings.value(key)
    if value in (None, ""):
        return None
    try:
        return int(str(value))
    except ValueError:
        return None


def read_list(settings: QSettings, key: str) -> list[str]:
    """A list-of-strings setting (QSettings returns a bare str for a one-element list in INI files)."""
    value = settings.value(key)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def add_recent_file(settings: QSettings, target: str) -> list[str]:
    """Put ``target`` first in 最近使ったファイル and return the new list."""
    items = [target, *(f for f in read_list(settings, KEY_RECENT) if f != target)][:MAX_RECENT]
    settings.setValue(KEY_RECENT, items)
    return items


def label_margin_key(sheet: int, side: str) -> str:
    """Where the 宛名ラベル window keeps a sheet's margin (``side``: top / left), per printer feed."""
    return f"print/labels{sheet}_{side}_mm"


def read_float(settings: QSettings, key: str) -> float | None:
    """A number setting, or None when unset or unreadable."""
    value = settings.value(key)
    if value in (None, ""):
        return None
    try:
        return float(str(value))
    except ValueError:
        return None
