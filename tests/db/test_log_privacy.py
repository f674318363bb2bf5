"""A failed save logs the error's kind and statement, never the name, address or phone it carried; the log
file is 0600 in a 0700 folder."""

from __future__ import annotations

import logging
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import DBAPIError

from sakae_council.db.engine import Database, open_database
from sakae_council.domain.errors import StorageError
from sakae_council.logfile import LOG_NAME, setup_file_logging
from sakae_council.services import people
from sakae_council.services.people import PersonInput

PHONE = "090-8765-4321"
ADDRESS = "栄町竜角寺台5-6-7"
NAME = "記録 残子"


@pytest.fixture()
def log_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "state" / "log"
    root = logging.getLogger()
    before = list(root.handlers)
    assert setup_file_logging(folder) == folder / LOG_NAME
    try:
        yield folder
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
                h.close()


def _logged(folder: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return "".join(p.read_text(encoding="utf-8") for p in folder.iterdir())


def _person(db: Database) -> people.PersonDTO:
    return people.create_person(db, PersonInput(name="記録 太郎", furigana="キロク タロウ"))


def _save(db: Database, p: people.PersonDTO) -> None:
    people.update_person(
        db, p.id, PersonInput(name=NAME, furigana=p.furigana, phone=PHONE, address=ADDRESS), p.version
    )


def test_a_save_refused_by_the_database_logs_no_personal_data(tmp_path: Path, log_folder: Path) -> None:
    db = open_database(tmp_path / "data.db", user="テスト")
    try:
        p = _person(db)
        with db.engine.begin() as conn:  # the file itself refuses this save, as a damaged disk would
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse BEFORE UPDATE ON person BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END"
            )
        with pytest.raises(DBAPIError) as err:
            _save(db, p)
        # What the GUI's error dialog and an unexpected error in the CLI do with it.
        logging.getLogger("sakae_council.gui.widgets.messages").error("unexpected error", exc_info=err.value)
        logging.getLogger("test").warning("save failed: %s", err.value)
    finally:
        db.close()
    text = _logged(log_folder)
    assert "UPDATE person SET" in text and "IntegrityError" in text  # the kind and statement are there
    for secret in (PHONE, ADDRESS, NAME, "8765"):
        assert secret not in text
    assert PHONE not in str(err.value)  # hide_parameters: the exception's own text too


def test_a_busy_file_logs_no_personal_data(tmp_path: Path, log_folder: Path) -> None:
    db = open_database(tmp_path / "data.db", user="テスト")
    other = sqlite3.connect(tmp_path / "data.db", timeout=0)
    try:
        p = _person(db)
        other.execute("BEGIN EXCLUSIVE")
        with pytest.raises(StorageError, match="使用中"):
            _save(db, p)
    finally:
        other.rollback()
        other.close()
        db.close()
    text = _logged(log_folder)
    assert "transaction failed" in text and "UPDATE person SET" in text
    for secret in (PHONE, ADDRESS, NAME):
        assert secret not in text


def test_log_file_and_folder_are_owner_only(log_folder: Path) -> None:
    logging.getLogger("test").warning("hello")
    _logged(log_folder)
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((log_folder / LOG_NAME).stat().st_mode) == 0o600


def test_an_old_world_readable_log_is_made_owner_only(tmp_path: Path) -> None:
    folder = tmp_path / "log"
    folder.mkdir(mode=0o755)
    (folder / LOG_NAME).write_text("old\n", encoding="utf-8")
    (folder / LOG_NAME).chmod(0o644)
    folder.chmod(0o755)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        setup_file_logging(folder)
    finally:
        for h in root.handlers[:]:
            if h not in before:
                root.removeHandler(h)
                h.close()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((folder / LOG_NAME).stat().st_mode) == 0o600
