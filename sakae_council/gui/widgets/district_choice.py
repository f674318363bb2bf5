"""The 学区 field of an editor: districts in use, plus the record's own district when it has since been merged."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from sakae_council.db.engine import Database
from sakae_council.gui.widgets.choice import ChoiceCombo
from sakae_council.services.districts import DistrictDTO, list_districts

T = TypeVar("T")


def with_districts(
    db: Database, get: Callable[[Database, int], T], record_id: int | None
) -> tuple[T | None, list[DistrictDTO]]:
    """``get(db, record_id)`` (None for a new record) and every district, for an editor with a 学区 field
    (call it on the database worker)."""
    return (get(db, record_id) if record_id is not None else None), list_districts(db)


class DistrictChoice(ChoiceCombo):
    """A ChoiceCombo of district ids out of ``every`` district (read by the editor's opener on the database
    worker); ``none_text`` adds a first (none_text, None) item."""

    def __init__(
        self,
        every: Sequence[DistrictDTO],
        current: int | None = None,
        *,
        none_text: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        items: list[tuple[str, int | None]] = [(none_text, None)] if none_text is not None else []
        items += [(d.name, d.id) for d in every if d.active or d.id == current]
        super().__init__(items, parent)
        if current is not None:
            self.set_value(current)
        elif none_text is None:
            # 全学区 is shown: no district is the right guess, so none is pre-chosen.
            self.start_empty(self.tr("学区を選んでください"))
