"""The schema revisions this program knows, read from the migration files without importing Alembic.

Opening a file whose schema is already the newest happens at every start, and Alembic (with Mako and
Pygments behind it) costs a large part of a second to import. So the revision ids are read from the
``revision = "…"`` / ``down_revision = …`` lines of ``migrations/versions/*.py`` and the stamp from the
``alembic_version`` table with one query; Alembic is imported only to upgrade. When the files cannot be
read that way (a bundle holding only compiled files, a merge revision written in another form) the
answer comes from Alembic itself, so it is never wrong, only slower.
"""

from __future__ import annotations

import ast
import re
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

VERSION_TABLE = "alembic_version"

_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]+)?=\s*(.+?)\s*$", re.MULTILINE)


class Unreadable(Exception):
    """The migration files are not in the simple form this module reads: ask Alembic."""


def _parse(folder: Path) -> dict[str, tuple[str, ...]]:
    """revision id -> the ids it revises, for every migration file in ``folder``."""
    graph: dict[str, tuple[str, ...]] = {}
    files = sorted(p for p in folder.glob("*.py") if p.name != "__init__.py")
    if not files:
        raise Unreadable(f"no migration sources in {folder}")
    for path in files:
        found: dict[str, str] = {m[1]: m[2] for m in _ASSIGNMENT.finditer(path.read_text(encoding="utf-8"))}
        if set(found) != {"revision", "down_revision"}:
            raise Unreadable(path.name)
        try:
            revision = ast.literal_eval(found["revision"])
            down = ast.literal_eval(found["down_revision"])
        except (ValueError, SyntaxError) as exc:
            raise Unreadable(path.name) from exc
        if down is None:
            down = ()
        elif isinstance(down, str):
            down = (down,)
        if not isinstance(revision, str) or not all(isinstance(d, str) for d in down) or revision in graph:
            raise Unreadable(path.name)
        graph[revision] = tuple(down)
    if any(d not in graph for downs in graph.values() for d in downs):
        raise Unreadable("a revision revises one that is not shipped")
    return graph


@lru_cache(maxsize=4)
def _graph(folder: Path) -> dict[str, tuple[str, ...]] | None:
    try:
        return _parse(folder)
    except (OSError, UnicodeDecodeError, Unreadable):
        return None


def _alembic_scripts():  # type: ignore[no-untyped-def]
    from alembic.script import ScriptDirectory

    from sakae_council.db.engine import alembic_config

    return ScriptDirectory.from_config(alembic_config())


# ``folder`` is the ``versions`` folder of the migrations ``engine.alembic_config()`` points at, which is
# what Alembic reads when the files cannot be read here.


def known_revisions(folder: Path) -> set[str]:
    """Every revision id in the migrations in ``folder``."""
    graph = _graph(folder)
    if graph is None:
        return {rev.revision for rev in _alembic_scripts().walk_revisions()}
    return set(graph)


def head_revision(folder: Path) -> str:
    """The newest revision in ``folder``."""
    graph = _graph(folder)
    if graph is not None:
        revised = {d for downs in graph.values() for d in downs}
        heads = [r for r in graph if r not in revised]
        if len(heads) == 1:
            return heads[0]
    head = _alembic_scripts().get_current_head()  # several heads: Alembic says what is wrong
    assert head is not None
    return str(head)


def stamped_revision(conn: Connection) -> str | None:
    """The revision stamped in the database on ``conn`` (None for an empty one), as Alembic reads it."""
    from sqlalchemy import inspect, text

    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = [row[0] for row in conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))]
    if len(rows) > 1:
        raise ValueError(f"{VERSION_TABLE} holds several revisions: {', '.join(rows)}")
    return rows[0] if rows else None
