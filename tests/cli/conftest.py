"""Fixtures of the command-line tests that run against a small real town."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from sakae_council.db.engine import open_database
from sakae_council.domain.enums import MemberRole
from sakae_council.services.districts import DistrictInput, create_district
from sakae_council.services.people import MembershipInput, PersonInput, create_person


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small town: one district, one person whose notes hold a control character."""
    path = tmp_path_factory.mktemp("hostile") / "template.db"
    db = open_database(path)
    try:
        district = create_district(db, DistrictInput(name="安食小学校区"))
        person = create_person(
            db,
            PersonInput(
                name="制御 文字",
                furigana="セイギョ モジ",
                memberships=(MembershipInput(district_id=district.id, role=MemberRole.SUISHIN),),
            ),
        )
    finally:
        db.close()
    # The form would have cleaned it; an old file or another program may still hold one.
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE person SET notes = ? WHERE id = ?", ("ベル\x07のあと", person.id))
    sqlite3.connect(path).close()
    return path


@pytest.fixture()
def town(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "town.db"
    shutil.copy(template, path)
    return path
