"""The name of the district chosen in the switcher, for title lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from sakae_council.domain.errors import NotFoundError
from sakae_council.gui.context import AppContext

if TYPE_CHECKING:
    from sakae_council.db.engine import Database


def all_districts_label() -> str:
    return QCoreApplication.translate("District", "全学区")


def district_label(ctx: AppContext) -> str:
    """「安食小学校区」, or 「全学区」 when no district is chosen (or it no longer exists)."""
    if ctx.district_id is None:
        return all_districts_label()
    return district_name(ctx.db, ctx.district_id)


def district_name(db: Database, district_id: int | None) -> str:
    """The same, read from ``db`` (safe on the database worker: a list load reads it with its rows)."""
    if district_id is None:
        return all_districts_label()
    # Not at import: the main window paints before the database (and so the services) is there.
    from sakae_council.services import districts

    try:
        return districts.get_district(db, district_id).name
    except NotFoundError:
        return all_districts_label()
