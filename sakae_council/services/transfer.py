"""データの移行: copy everything from a local file into the town hall server, or from the server into a
local file for offline work.

The copy is complete (every table the schema has, ids and versions kept), read from one consistent
snapshot of the source, written in one transaction on the target, and verified by counting every
table on both sides before the target commits — and once more afterwards. A target that already holds
data is refused unless the caller says to replace it. Copying into a server needs 管理者 rights there
(or a server with no users registered yet).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.exc import DBAPIError

from sakae_council.db import shared
from sakae_council.db.engine import (
    Database,
    current_revision,
    open_database,
    sqlite_path,
    storage_error_from,
    to_url,
)
from sakae_council.db.models import Base
from sakae_council.db.permissions import ENTITY_LABELS
from sakae_council.domain.errors import ConflictError, DomainError, PermissionDeniedError, StorageError, msg

log = logging.getLogger(__name__)

BATCH = 1000
#: ``progress(table_label, tables_done, tables_total)``
Progress = Callable[[str, int, int], None]


class TargetNotEmptyError(ConflictError):
    """The target already holds data; ``counts`` says what (table → rows)."""

    def __init__(self, message: str, counts: dict[str, int]) -> None:
        super().__init__(message)
        self.counts = counts


class TransferCancelled(DomainError):
    """The user stopped the copy; the target was left as it was."""


@dataclass(frozen=True)
class TableCount:
    table: str
    label: str
    source: int
    target: int

    @property
    def ok(self) -> bool:
        return self.source == self.target


@dataclass(frozen=True)
class TransferReport:
    source: str
    target: str
    counts: tuple[TableCount, ...]
    replaced: bool
    #: Things the user should know (e.g. the server login is not among the copied users).
    warnings: tuple[str, ...] = ()

    @property
    def total_rows(self) -> int:
        return sum(c.target for c in self.counts)

    @property
    def verified(self) -> bool:
        return all(c.ok for c in self.counts)

    def summary(self) -> str:
        """One line for the user: 42表・3,512件をコピーし、すべての表の件数が一致しました。"""
        return (
            f"{len(self.counts)}表・{self.total_rows:,}件をコピーし、すべての表の件数が一致しました。"
            if self.verified
            else "コピー後の件数が一致しない表があります。"
        )


def tables() -> list[Table]:
    """Every table of the schema, parents before children."""
    return list(Base.metadata.sorted_tables)


def _label(table: Table) -> str:
    return ENTITY_LABELS.get(table.name, table.name)


def _deferred_columns(table: Table) -> list[str]:
    """Foreign keys that may point at a row inserted later: to the same table, or the edge of a cycle."""
    names = []
    for fk in table.foreign_keys:
        constraint_alter = fk.constraint is not None and fk.constraint.use_alter
        if (fk.column.table is table or fk.use_alter or constraint_alter) and fk.parent.nullable:
            names.append(fk.parent.name)
    return names


def count_rows(conn: Connection) -> dict[str, int]:
    """Rows per table, as ``conn``'s transaction sees them."""
    return {t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0) for t in tables()}


def _same_place(a: str, b: str) -> bool:
    pa, pb = sqlite_path(a), sqlite_path(b)
    if pa is not None or pb is not None:
        return pa is not None and pb is not None and pa.resolve() == pb.resolve()
    from sqlalchemy.engine import make_url

    ua, ub = make_url(a), make_url(b)
    return (ua.host, ua.port, ua.database, ua.query) == (ub.host, ub.port, ub.database, ub.query)


def _describe(db: Database) -> str:
    return db.describe()


@contextlib.contextmanager
def _snapshot(db: Database) -> Iterator[Connection]:
    """One read transaction over the whole source, so the copy is consistent even while others write."""
    with db.engine.connect() as conn:
        if db.engine.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            if db.engine.dialect.name == "postgresql":
                conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn


def _check_may_write(target: Database) -> None:
    state = shared.state_of(target)
    if state is None or not state.server:
        return
    policy = shared.current_policy(target)
    if not policy.can_manage_users:
        raise PermissionDeniedError(
            "サーバーへのデータの移行は管理者だけができます（サーバーのデータをまとめて置き換えるため）。管理者に依頼してください。"
        )


def _copy_table(
    src: Connection, dst: Connection, table: Table, check: Callable[[], None]
) -> list[dict[str, Any]]:
    """Insert every row of ``table``; returns the deferred foreign keys to set once all rows exist."""
    deferred = _deferred_columns(table)
    pk = list(table.primary_key.columns)
    later: list[dict[str, Any]] = []
    result = src.execution_options(yield_per=BATCH).execute(select(table).order_by(*pk))
    for partition in result.mappings().partitions(BATCH):
        check()
        rows = [dict(r) for r in partition]
        for row in rows:
            values = {c: row[c] for c in deferred if row[c] is not None}
            if values:
                later.append(
                    {**{f"pk_{c.name}": row[c.name] for c in pk}, **{f"v_{c}": v for c, v in values.items()}}
                )
                for c in values:
                    row[c] = None
        dst.execute(insert(table), rows)
    return later


def _set_deferred(dst: Connection, table: Table, later: list[dict[str, Any]]) -> None:
    pk = list(table.primary_key.columns)
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in later:
        cols = tuple(sorted(k[2:] for k in row if k.startswith("v_")))
        by_columns.setdefault(cols, []).append(row)
    # Columns with an ``onupdate`` (updated_at) keep their copied value: this is not an edit.
    keep = {c.name: c for c in table.columns if c.onupdate is not None}
    for cols, rows in by_columns.items():
        values: dict[str, Any] = {name: column for name, column in keep.items() if name not in cols}
        values.update({c: bindparam(f"v_{c}") for c in cols})
        stmt = update(table).where(*(c == bindparam(f"pk_{c.name}") for c in pk)).values(values)
        dst.execute(stmt, rows)


def _reset_sequences(dst: Connection) -> None:
    """PostgreSQL: the next id after the copied ones (ids were inserted explicitly)."""
    for table in tables():
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or not pk[0].autoincrement or pk[0].type.python_type is not int:
            continue
        seq = dst.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": table.name, "c": pk[0].name})
        if seq is None:
            continue
        top = dst.scalar(select(func.max(pk[0])))
        dst.execute(
            text("SELECT setval(:s, :v, :called)"), {"s": seq, "v": top or 1, "called": top is not None}
        )


def _clear(dst: Connection) -> None:
    for table in reversed(tables()):
        dst.execute(delete(table))


def _warnings(dst: Database) -> tuple[str, ...]:
    state = shared.state_of(dst)
    if state is None or not state.server:
        return ()
    policy = shared.current_policy(dst)
    if policy.can_manage_users:
        return ()
    return (
        f"コピーしたデータには利用者が登録されていますが、いま接続している「{state.login}」は管理者として含まれていません。"
        "サーバーでは、登録されている管理者のログイン名で接続してください。",
    )


def transfer(
    source: str | Path,
    target: str | Path,
    *,
    replace: bool = False,
    user: str = "",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> TransferReport:
    """Copy all data from ``source`` to ``target`` (a file path or a ``postgresql+psycopg://`` URL)."""
    src_url, dst_url = to_url(source), to_url(target)
    if _same_place(src_url, dst_url):
        raise StorageError("コピー元とコピー先が同じです。別の場所を指定してください。")
    dst_path = sqlite_path(dst_url)
    created = dst_path is not None and not dst_path.exists()
    src = open_database(source, read_only=True, upgrade=False, user=user)
    try:
        dst = open_database(target, create=True, user=user)
    except BaseException:
        src.close()
        raise
    ok = False
    try:
        report = _run(src, dst, replace=replace, progress=progress, cancelled=cancelled)
        ok = True
        return report
    finally:
        src.close()
        dst.close()
        if created and not ok and dst_path is not None:
            for suffix in ("", "-wal", "-shm", "-journal"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{dst_path}{suffix}").unlink()


def _run(
    src: Database,
    dst: Database,
    *,
    replace: bool,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> TransferReport:
    if current_revision(src.engine) != current_revision(dst.engine):
        raise StorageError(
            "コピー元とコピー先でデータの形式（版）が違います。両方を同じ版のプログラムで開いてから移行してください。"
        )
    _check_may_write(dst)

    def check() -> None:
        if cancelled is not None and cancelled():
            raise TransferCancelled("移行を中止しました。コピー先は元のままです。")

    all_tables = tables()
    try:
        with _snapshot(src) as sconn, dst.engine.begin() as dconn:
            existing = {k: v for k, v in count_rows(dconn).items() if v}
            if existing and not replace:
                shown = "、".join(f"{ENTITY_LABELS.get(k, k)} {v:,}件" for k, v in list(existing.items())[:4])
                raise TargetNotEmptyError(
                    msg(
                        "コピー先にはすでにデータがあります（{shown}など）。"
                        "置き換える場合は「置き換える」を選んでください（コピー先のデータはすべて消えます）。",
                        shown=shown,
                    ),
                    existing,
                )
            if existing:
                _clear(dconn)
            source_counts = count_rows(sconn)
            later: dict[str, list[dict[str, Any]]] = {}
            for done, table in enumerate(all_tables):
                if progress is not None:
                    progress(_label(table), done, len(all_tables))
                later[table.name] = _copy_table(sconn, dconn, table, check)
            for table in all_tables:
                if later[table.name]:
                    _set_deferred(dconn, table, later[table.name])
            if dst.engine.dialect.name == "postgresql":
                _reset_sequences(dconn)
            check()
            copied = count_rows(dconn)
            wrong = [t for t in all_tables if copied[t.name] != source_counts[t.name]]
            if wrong:  # raising here rolls the whole copy back
                raise StorageError(
                    msg(
                        "コピー後の件数が一致しないため、移行を取り消しました（{tables}）。",
                        tables="、".join(
                            f"{_label(t)}: {source_counts[t.name]}件→{copied[t.name]}件" for t in wrong
                        ),
                    )
                )
    except DBAPIError as exc:
        translated = storage_error_from(exc)
        log.exception("transfer failed")
        if translated is not None:
            raise translated from exc
        raise StorageError(
            msg(
                "データをコピー先に書き込めなかったため、移行を取り消しました（{error}）。"
                "コピー先は元のままです。",
                error=str(exc.orig).splitlines()[0],
            )
        ) from exc
    if progress is not None:
        progress("", len(all_tables), len(all_tables))
    with dst.engine.connect() as conn:  # what a new reader sees after the commit
        committed = count_rows(conn)
    counts = tuple(
        TableCount(t.name, _label(t), source_counts[t.name], committed[t.name]) for t in all_tables
    )
    report = TransferReport(_describe(src), _describe(dst), counts, bool(existing), _warnings(dst))
    if not report.verified:
        raise StorageError(
            "コピー後に件数を確かめたところ、一致しない表がありました。もう一度移行してください。"
        )
    return report
