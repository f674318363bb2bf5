"""データの移行: a local file into the server and the server into a local file — complete, verified by
counting every table, one transaction on the target, a non-empty target refused unless told."""

from __future__ import annotations

import argparse
import shutil
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from sakae_council.cli import transfer as cli_transfer
from sakae_council.db import shared
from sakae_council.db.engine import Database, open_database
from sakae_council.db.models import Organisation, Person
from sakae_council.domain.errors import PermissionDeniedError
from sakae_council.domain.roles import AccessPolicy, UserRole
from sakae_council.services import people, users
from sakae_council.services.transfer import TargetNotEmptyError, TransferCancelled, tables, transfer

from .conftest import PgSchemas
from .town import build_town, fill_every_table


@pytest.fixture(scope="module")
def source_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A local file with rows in every table (incl. a merged district, contact persons, users)."""
    path = tmp_path_factory.mktemp("transfer") / "source.db"
    db = open_database(path, user="準備担当")
    try:
        fill_every_table(db, build_town(db))
    finally:
        db.close()
    return path


def dump(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order, as Python values."""
    out = {}
    with db.engine.connect() as conn:
        for t in tables():
            out[t.name] = [tuple(r) for r in conn.execute(select(t).order_by(*t.primary_key.columns))]
    return out


def copy_of(source_file: Path, tmp_path: Path) -> Path:
    target = tmp_path / "copy-of-source.db"
    shutil.copy(source_file, target)
    return target


def test_file_to_server_and_back_is_complete_and_identical(
    source_file: Path, tmp_path: Path, pg_schemas: PgSchemas
) -> None:
    url = pg_schemas.new()
    steps: list[tuple[str, int, int]] = []
    up = transfer(source_file, url, user="移行担当", progress=lambda *a: steps.append(a))
    assert up.verified and not up.replaced
    assert len(up.counts) == len(tables())
    assert len([c for c in up.counts if c.source > 0]) >= 42  # the 42 tables of issue 9's time all hold rows
    assert (
        up.summary() == f"{len(tables())}表・{up.total_rows:,}件をコピーし、すべての表の件数が一致しました。"
    )
    assert steps[-1][1:] == (len(tables()), len(tables()))

    back_file = tmp_path / "offline.db"
    down = transfer(url, back_file, user="移行担当")
    assert [(c.table, c.source, c.target) for c in down.counts] == [
        (c.table, c.source, c.target) for c in up.counts
    ]

    src, server, back = (open_database(x, read_only=True) for x in (source_file, url, back_file))
    try:
        original = dump(src)
        assert dump(server) == original
        assert dump(back) == original
    finally:
        for d in (src, back):
            d.close()
    # the server goes on working: new ids follow the copied ones, deferred links were restored
    assert (
        up.warnings and "管理者として含まれていません" in up.warnings[0]
    )  # the copied users rule the server now
    db = open_database(url, user="kanri", permissions=AccessPolicy.for_role("kanri", UserRole.ADMIN))
    try:
        with db.reading() as s:
            top = s.scalar(select(func.max(Person.id)))
            linked = s.scalar(select(func.count()).where(Organisation.contact_person_id.is_not(None)))
        assert linked == 1
        created = people.create_person(db, people.PersonInput(name="新人 一郎", furigana="シンジン イチロウ"))
        assert created.id == (top or 0) + 1
    finally:
        db.close()
        server.close()


def test_a_non_empty_target_is_refused_unless_replace(source_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "target.db"
    first = transfer(source_file, target)
    before = open_database(target, read_only=True)
    try:
        snapshot = dump(before)
    finally:
        before.close()
    with pytest.raises(TargetNotEmptyError, match="コピー先にはすでにデータがあります") as refused:
        transfer(source_file, target)
    assert (
        refused.value.counts["person"] == first.counts[[c.table for c in first.counts].index("person")].source
    )
    again = open_database(target, read_only=True)
    try:
        assert dump(again) == snapshot  # untouched
    finally:
        again.close()
    replaced = transfer(source_file, target, replace=True)
    assert replaced.replaced and replaced.verified


def test_a_cancelled_copy_leaves_the_target_as_it_was(
    source_file: Path, tmp_path: Path, pg_schemas: PgSchemas
) -> None:
    url = pg_schemas.new()
    seen: list[str] = []

    def stop_halfway() -> bool:
        seen.append("x")
        return len(seen) > 20

    with pytest.raises(TransferCancelled, match="コピー先は元のままです"):
        transfer(source_file, url, cancelled=stop_halfway)
    db = open_database(url, read_only=True)
    try:
        assert sum(len(rows) for rows in dump(db).values()) == 0
    finally:
        db.close()
    new_file = tmp_path / "never.db"
    with pytest.raises(TransferCancelled):
        transfer(url, new_file, cancelled=lambda: True)
    assert not new_file.exists()  # a file created for the copy is removed again


def test_only_an_admin_may_copy_into_the_server(source_file: Path, pg_schemas: PgSchemas) -> None:
    url = pg_schemas.new()
    db = open_database(url, user="x")
    try:
        state = shared.state_of(db)
        assert state is not None
        login = state.login  # the server login
        me = users.create_user(db, users.UserInput(login=login, role=UserRole.ADMIN))
        users.create_user(db, users.UserInput(login="kanri2", role=UserRole.ADMIN))
        users.update_user(db, me.id, users.UserInput(login=login, role=UserRole.VIEWER), me.version)
    finally:
        db.close()
    with pytest.raises(PermissionDeniedError, match="管理者だけ"):
        transfer(source_file, url, replace=True)


def test_cli_transfer_prints_every_table_and_the_verdict(
    source_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db")
    sub = parser.add_subparsers(dest="command")
    cli_transfer.configure(sub.add_parser("transfer"))
    target = tmp_path / "cli.db"
    args = parser.parse_args(["--db", str(copy_of(source_file, tmp_path)), "transfer", "--to", str(target)])
    assert cli_transfer.run(args) == 0
    out = capsys.readouterr().out
    assert "名簿の人" in out and "一致" in out and "すべての表の件数が一致しました" in out
    assert cli_transfer.run(args) == 1  # now the target has data
    assert "--replace" in capsys.readouterr().err
    args = parser.parse_args(["--db", str(source_file), "transfer", "--to", str(target), "--replace"])
    assert cli_transfer.run(args) == 0
