"""The registry of personal data covers the models: a new text column or a new link to a person must be
declared (what erasure does with it, or why it holds no personal data) before the tests pass."""

from __future__ import annotations

from sqlalchemy import String

from sakae_council.db.base import Base
from sakae_council.db.models import Person  # noqa: F401 - registers every table
from sakae_council.db.personal_data import NOT_PERSONAL, PERSON_LINKS, PERSONAL_COLUMNS


def _text_columns() -> set[tuple[str, str]]:
    return {
        (t.name, c.name) for t in Base.metadata.sorted_tables for c in t.columns if isinstance(c.type, String)
    }


def _person_links() -> set[tuple[str, str]]:
    return {
        (t.name, c.name)
        for t in Base.metadata.sorted_tables
        for c in t.columns
        if any(fk.column.table.name == "person" for fk in c.foreign_keys)
    }


def test_every_text_column_is_declared_personal_or_not() -> None:
    personal = {(c.table, c.column) for c in PERSONAL_COLUMNS}
    not_personal = {(t, c) for t, cols in NOT_PERSONAL.items() for c in cols}
    undeclared = _text_columns() - personal - not_personal
    assert undeclared == set(), f"declare these in sakae_council/db/personal_data.py: {sorted(undeclared)}"
    assert personal & not_personal == set()
    assert (personal | not_personal) - _text_columns() == set(), "the registry names columns the models lack"


def test_no_column_is_registered_twice() -> None:
    keys = [(c.table, c.column, c.how) for c in PERSONAL_COLUMNS]
    assert len(keys) == len(set(keys))
    assert len({(c.table, c.column) for c in PERSONAL_COLUMNS}) == len(PERSONAL_COLUMNS)


def test_every_link_to_a_person_is_declared() -> None:
    declared = {(link.table, link.column) for link in PERSON_LINKS}
    assert declared == _person_links()


def test_a_new_column_would_be_caught() -> None:
    from sqlalchemy import Column, MetaData, Text

    copy = MetaData()
    for t in Base.metadata.sorted_tables:
        t.to_metadata(copy)
    copy.tables["attendance"].append_column(Column("guest_phone", Text))
    columns = {(t.name, c.name) for t in copy.sorted_tables for c in t.columns if isinstance(c.type, String)}
    declared = {(c.table, c.column) for c in PERSONAL_COLUMNS} | {
        (t, c) for t, cols in NOT_PERSONAL.items() for c in cols
    }
    assert columns - declared == {("attendance", "guest_phone")}
