"""What the dated records kept as lists share — the ⑫ records (相談記録, 講座, 起業者) and the staff's
(研修, 職員地域活動): their district's name, the district check, and the list of one fiscal year.

Their saves are ``_crud.RecordKind``; this is the reading side, written once.
"""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ScalarResult, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from sakae_council.db.models import District
from sakae_council.domain.wareki import fiscal_year_range
from sakae_council.services.common import get_or_raise

R = TypeVar("R")


def district_names(s: Session) -> dict[int, str]:
    """Every district's name by its id, read in one statement."""
    return {did: name for did, name in s.execute(select(District.id, District.name))}


def district_name(names: dict[int, str], district_id: int | None) -> str:
    """The name of ``district_id`` in ``names`` (``district_names``); "" for a record of no district."""
    return names.get(district_id, "") if district_id else ""


def check_district(s: Session, district_id: int | None) -> None:
    """NotFoundError naming the 学区 when ``district_id`` is given and no district has it."""
    if district_id is not None:
        get_or_raise(s, District, district_id, "学区")


def dated_rows(
    s: Session,
    model: type[R],
    on: InstrumentedAttribute[date],
    fiscal_year: int | None,
    *options: Any,
    **equal: int | None,
) -> ScalarResult[R]:
    """The rows of ``model`` by the date ``on`` (then by id), of ``fiscal_year`` when one is given, whose
    columns named in ``equal`` hold the given values (a ``None`` value does not filter), with the relations
    ``options`` name (``selectinload(...)``) loaded."""
    stmt = select(model).options(*options).order_by(on, model.id)  # type: ignore[attr-defined]
    if fiscal_year is not None:
        first, last = fiscal_year_range(fiscal_year)
        stmt = stmt.where(on.between(first, last))
    for column, value in equal.items():
        if value is not None:
            stmt = stmt.where(getattr(model, column) == value)
    return s.scalars(stmt)
