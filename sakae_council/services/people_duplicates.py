"""名簿の重複: who is already on the roster with the same 氏名 and フリガナ (a warning in the person editor
and at import, never a refusal: two people may share a name)."""

from __future__ import annotations

from sqlalchemy import func, select

from sakae_council.db.engine import Database
from sakae_council.db.models import (
    Person,
)
from sakae_council.db.models.search import KIND_PERSON
from sakae_council.domain.errors import ValidationError
from sakae_council.domain.text import fold_for_search, normalize_furigana, normalize_text
from sakae_council.services.people import PersonDTO, _person_options, to_dto
from sakae_council.services.search_plan import plan_search


def duplicate_key(name: str, furigana: str) -> tuple[str, str] | None:
    """What two people must share to be the same person: 氏名 and フリガナ, normalised, spaces ignored.
    None when nothing can match (no name, or a フリガナ that is not kana)."""
    wanted_name = normalize_text(name).replace(" ", "")
    if not wanted_name:
        return None
    try:
        return wanted_name, normalize_furigana(furigana).replace(" ", "")
    except ValidationError:
        return None


def stored_duplicate_key(name: str, furigana: str) -> tuple[str, str]:
    """duplicate_key of a stored row, compared as find_duplicates' SQL does (spaces removed, as stored)."""
    return name.replace(" ", ""), furigana.replace(" ", "")


def find_duplicates(
    db: Database, name: str, furigana: str, *, exclude_id: int | None = None
) -> list[PersonDTO]:
    """People on the roster with the same 氏名 and フリガナ (spaces ignored), to warn before a double entry."""
    key = duplicate_key(name, furigana)
    if key is None:
        return []
    wanted_name, wanted_kana = key
    with db.reading() as s:
        # Same 氏名 means the same folded name, so the n-gram index narrows the candidates to those
        # holding its rarest gram (an importer asks this for every row: no table scan each time).
        search = plan_search(s, KIND_PERSON, [fold_for_search(wanted_name)])
        if search is not None and search.impossible:
            return []
        narrow = search.driven_conditions(Person.id, Person.search_text)[:1] if search is not None else []
        stmt = (
            select(Person)
            .options(*_person_options())
            .where(
                Person.deleted_at.is_(None),
                *narrow,
                func.replace(Person.name, " ", "") == wanted_name,
                func.replace(Person.furigana, " ", "") == wanted_kana,
            )
            .order_by(Person.id)
        )
        if exclude_id is not None:
            stmt = stmt.where(Person.id != exclude_id)
        return [to_dto(p) for p in s.scalars(stmt)]
