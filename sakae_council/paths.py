"""Where things live: the user's data directory, the default database, bundled resources.

``platformdirs`` is imported only when a user folder is asked for: ``sakae-council --db FILE`` paints its
window without it (its import costs a few ms, and the start must not wait for what it does not need).
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from types import ModuleType

APP_NAME = "sakae_council"
APP_AUTHOR = "SakaeTown"
ENV_DB = "SAKAE_COUNCIL_DB"


def _platformdirs() -> ModuleType:
    import platformdirs

    return platformdirs


def data_dir() -> Path:
    """The per-user data directory (created on demand)."""
    path = Path(_platformdirs().user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    """The local SQLite file used when neither --db nor SAKAE_COUNCIL_DB names one."""
    return data_dir() / "sakae_council.db"


def resolve_database(arg: str | None) -> str:
    """--db, else $SAKAE_COUNCIL_DB, else the default file — as a path or a URL string."""
    if arg:
        return arg
    env = os.environ.get(ENV_DB)
    if env:
        return env
    return str(default_database_path())


def resources_dir() -> Path:
    """The bundled ``resources/`` folder, in a source checkout or a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def fonts_dir() -> Path:
    """Bundled TrueType fonts (BIZ UD Gothic / Mincho)."""
    return resources_dir() / "fonts"


def log_dir() -> Path:
    """Where log files (with tracebacks) are written: a folder only its owner can enter (0700)."""
    path = Path(_platformdirs().user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        path.chmod(0o700)  # a folder an older version made 0755
    return path


def cache_dir() -> Path:
    """Where rebuildable caches live (parsed font tables): $SAKAE_CACHE_DIR, else the user's cache folder."""
    env = os.environ.get("SAKAE_CACHE_DIR")
    path = Path(env) if env else Path(_platformdirs().user_cache_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path
