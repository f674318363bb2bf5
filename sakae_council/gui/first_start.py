"""The work behind each choice of the first start (gui/welcome.py): the data file made with its reference data
and, when asked, the demo town; a backup put where the data file goes; whether the welcome is needed.

No Qt here: the welcome runs this on the database worker (``gui/ops.py``), with 中止 for the demo town.
"""

from __future__ import annotations

import getpass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from sakae_council.cancel import Cancelled
from sakae_council.db.backup import has_history


def data_file(target: str) -> Path | None:
    """The data file ``target`` names, or None for a server: for a plain path without SQLAlchemy, which
    the start does not need before the main window has painted."""
    if "://" not in target:
        return Path(target).expanduser().resolve()
    from sakae_council.db.engine import sqlite_path

    return sqlite_path(target)


def create_file(target: str, *, with_demo: bool) -> str:
    """Create the data file with its reference data (and the demo town); returns ``target``."""
    from sakae_council.db.engine import open_database
    from sakae_council.services import demo
    from sakae_council.services.setup import ensure_seeded

    path = data_file(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    made_here = path is not None and not path.exists()
    db = open_database(target, create=True, user=getpass.getuser())
    try:
        ensure_seeded(db)
        if with_demo and demo.is_empty(db):
            demo.load_demo(db)
    except Cancelled:
        db.close()
        if made_here and path is not None:  # 中止: the file this start made goes again, nothing is left
            for leftover in (path, *(path.with_name(path.name + s) for s in ("-wal", "-shm", "-journal"))):
                leftover.unlink(missing_ok=True)
        raise
    finally:
        db.close()
    return target


def restore_into(target: str, backup: Path) -> str:
    """Put a backup's data where the new data file goes; returns ``target``."""
    from sakae_council.services.backups import restore_backup

    path = data_file(target)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    restore_backup(target, backup)
    return target


def needs_welcome(target: str) -> bool:
    """True when ``target`` is a data file that never existed (a server URL never needs it).

    A missing file that has backups (or a damaged copy set aside) is the user's data gone missing: that goes
    to the open-time recovery offer (restore the newest backup), not to the first-start welcome.
    """
    path = data_file(target)
    return path is not None and not path.exists() and not has_history(path)


def without_password(url: str) -> str:
    """The URL with any password taken out, fit to be remembered."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    user = f"{parts.username}@" if parts.username else ""
    return urlunsplit((parts.scheme, user + host, parts.path, parts.query, parts.fragment))
