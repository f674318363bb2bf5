"""The first figures of program start: the dashboard's cards and the district list, read from a SQLite file
with ``db.quick_read`` before SQLAlchemy is imported, so a person sees the data ~½ s sooner.

Only for a file the last session closed cleanly and nobody has open (``db.quick_read.first_look``); for
any other file, or a server, :func:`read_first_figures` returns None and the data comes with the full open.
"""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sakae_council.db import quick_read, stamps
from sakae_council.services.dashboard_cards import DashboardDTO, assemble

log = logging.getLogger(__name__)

#: What the full open and the first page need: imported by :func:`load_data_layer` after the first figures.
DATA_LAYER = (
    "sakae_council.db.engine",
    "sakae_council.db.models",
    "sakae_council.db.lock",
    "sakae_council.db.shared",
    "sakae_council.services.setup",
    "sakae_council.services.districts",
    "sakae_council.services.dashboard",
    "sakae_council.services.users",
    "sakae_council.services.backups",
)


@dataclass(frozen=True)
class FirstFigures:
    """What the window shows before the full open: the dashboard and the active districts (id, name) in the
    switcher's order; ``stamp``: the file's stamp when read (db/stamps.py), to tell later whether it changed."""

    path: Path
    dashboard: DashboardDTO
    districts: tuple[tuple[int, str], ...]
    stamp: list[int]


def read_first_figures(target: str, today: date) -> FirstFigures | None:
    """The first figures of the file ``target`` (a path; a URL gives None), or None when the file must be
    opened the full way first (see db.quick_read) or could not be read directly (logged, never raised:
    the full open then says what is wrong)."""
    if "://" in target:
        return None
    path = Path(target).expanduser().resolve()
    look = quick_read.first_look(path)
    if look is None:
        return None
    try:
        with quick_read.reading(look) as conn:
            rows = quick_read.dashboard_rows(conn, today)
    except (quick_read.ReadError, LookupError, OSError, ValueError) as exc:
        log.info("no first look at %s: %s", path.name, exc)
        return None
    dashboard = assemble(
        today,
        districts=rows.districts,
        role_rows=rows.role_rows,
        total_rows=rows.total_rows,
        chair_rows=rows.chair_rows,
        issue_rows=rows.issue_rows,
        project_rows=rows.project_rows,
        last_rows=rows.last_rows,
        upcoming_rows=rows.upcoming_rows,
        action_rows=rows.action_rows,
        loan_rows=rows.loan_rows,
    )
    districts = tuple((d[0], d[1]) for d in rows.districts)
    return FirstFigures(path=path, dashboard=dashboard, districts=districts, stamp=look.stamp)


def unchanged_since(figures: FirstFigures) -> bool:
    """Nothing has written to the file since ``figures`` were read from it (its stamp is the same)."""
    return stamps.file_stamp(figures.path) == figures.stamp


def load_data_layer() -> None:
    """Import SQLAlchemy, the models and the services the full open needs, and configure the mappers (the
    first ORM query would do it otherwise); safe in a background thread — nothing is opened or changed."""
    for name in DATA_LAYER:
        importlib.import_module(name)
    from sqlalchemy.orm import configure_mappers

    configure_mappers()
