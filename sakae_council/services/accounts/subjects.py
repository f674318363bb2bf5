"""科目 and 細目 of a council: the starter set, listing, adding and editing (the same rows across years)."""

from __future__ import annotations

from sakae_council.db.engine import Database
from sakae_council.services.accounts.dto import SubjectDTO, SubjectInput


def list_subjects(db: Database, district_id: int, *, include_inactive: bool = False) -> list[SubjectDTO]:
    """A council's 科目 and 細目, 収入 first, in display order (a 細目 right after its 科目)."""
    raise NotImplementedError


def ensure_starter_subjects(db: Database, district_id: int) -> list[SubjectDTO]:
    """Give a council with no 科目 yet the starter set (editable afterwards); returns its 科目."""
    raise NotImplementedError


def create_subject(db: Database, district_id: int, data: SubjectInput) -> SubjectDTO:
    """Add a 科目 or a 細目 to a council."""
    raise NotImplementedError


def update_subject(db: Database, subject_id: int, data: SubjectInput, expected_version: int) -> SubjectDTO:
    """Rename, reorder or retire a 科目 (its kind and parent stay: years must compare)."""
    raise NotImplementedError
