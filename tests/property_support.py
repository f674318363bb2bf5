"""Property-based checks for the services (issue #8): any input ends in a clean record or a clear error.

``outcome(db, call)`` runs one service call and checks the contract every service promises:

* it returns, and every text in what it returned is normalised (no control characters, no zero-width
  characters, 全角英数 and 半角カナ already folded: ``normalize_text`` leaves it as it is); or
* it raises the services' own ValidationError / NotFoundError / ConflictError with a Japanese message —
  never another exception — and the database content (every table, the audit trail and the search
  index included) is exactly what it was before the call.

The strategies feed arbitrary text (empty, very long, 全角/半角 mixes, NUL and control characters, rare
name characters, markup), numbers (negative, huge, NaN where floats are taken), dates (far past and
future, end before start) and ids (missing, deleted, absurd).
"""

from __future__ import annotations

import dataclasses
import enum
import math
import os
import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from functools import partial
from typing import Any, TypeVar

from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from sqlalchemy import MetaData, select

from sakae_council.db.engine import Database
from sakae_council.domain.errors import (
    ConflictError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
)
from sakae_council.domain.text import normalize_text

T = TypeVar("T")

#: One database per test function, many examples against it: the contract does not depend on what
#: earlier examples left behind, and migrating a fresh file per example would cost a second each.
#: The examples are the same on every run (CI must not fail on a new random find); set
#: SAKAE_HYPOTHESIS_EXPLORE=1 to search new ones, and keep each bug found as an @example.
PROPERTY = settings(
    max_examples=int(os.environ.get("SAKAE_HYPOTHESIS_EXAMPLES", "40")),
    derandomize=not os.environ.get("SAKAE_HYPOTHESIS_EXPLORE"),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

#: The errors a service may raise for bad input (or, on a shared server, for a user who may not make the
#: change); anything else is a crash.
SERVICE_ERRORS = (ValidationError, NotFoundError, ConflictError, PermissionDeniedError)

_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")
_INVISIBLE = ("\u200b", "\ufeff")

# --- strategies --------------------------------------------------------------------------------

_NASTY_PIECES = [
    "山田",
    "髙橋",
    "𠮷野家",
    "﨑",
    "葛\U000e0100",  # 葛 with an ideographic variation selector
    "ﾔﾏﾀﾞ ﾀﾛｳ",
    "ヤマダ",
    "やまだ",
    "ＡＢＣ１２３",
    "abc",
    "０４７６－９５－１１１１",
    "<b>",
    "&amp;",
    "</font>",
    "\x00",
    "\x07",
    "\x1b[0m",
    "\t",
    "\n",
    "\r\n",
    "\u3000",
    "\u200b",
    "\ufeff",
    "\u2028",
    "ｶﾞ",
    "か\u3099",
    "゛",
    " ",
    "'; DROP TABLE person; --",
    "%_",
    "\\",
]

#: Unicode without surrogates (SQLite and PostgreSQL store any other scalar value).
_ANY_CHAR = st.characters(blacklist_categories=("Cs",))

nasty_text: st.SearchStrategy[str] = st.one_of(
    st.just(""),
    st.text(_ANY_CHAR, max_size=30),
    st.lists(st.sampled_from(_NASTY_PIECES), max_size=8).map("".join),
    st.builds(
        lambda piece, n: piece * n, st.sampled_from(["あ", "a", "𠮷", "ｱ", " "]), st.integers(90, 25000)
    ),
)


def mostly(*good: str | st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """Text that is usually fine (so that many examples get past the first check and reach the write),
    and anything at all about one time in seven."""
    fine = st.one_of(*[g if isinstance(g, st.SearchStrategy) else st.just(g) for g in good])
    return st.integers(0, 6).flatmap(lambda pick: nasty_text if pick == 0 else fine)


any_date: st.SearchStrategy[date] = st.one_of(
    st.dates(min_value=date(2019, 5, 1), max_value=date(2031, 3, 31)),
    st.sampled_from([date(1, 1, 1), date(1868, 1, 24), date(1989, 1, 7), date(9999, 12, 31)]),
    st.dates(),
)

optional_date: st.SearchStrategy[date | None] = st.one_of(st.none(), any_date)

any_int: st.SearchStrategy[int] = st.one_of(
    st.integers(-5, 200),
    st.sampled_from([-1, 0, 10**12, 10**12 + 1, 2**31, 2**63, -(2**63) - 1, 10**30]),
    st.integers(),
)

any_float: st.SearchStrategy[float] = st.one_of(
    st.floats(-1000, 100000, allow_nan=False),
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -0.0, 5e-324]),
    st.floats(),
)


def ids(*existing: int) -> st.SearchStrategy[int]:
    """An id that exists, or one that does not (never issued, deleted, zero, negative, absurd)."""
    absurd = st.sampled_from([0, -1, 999_999, 2**31, 2**63, 10**30])
    if not existing:
        return absurd
    return st.integers(0, 4).flatmap(lambda pick: absurd if pick == 0 else st.sampled_from(existing))


def optional_ids(*existing: int) -> st.SearchStrategy[int | None]:
    return st.one_of(st.none(), ids(*existing))


def sometimes(value: T, other: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``value`` three times in four, else anything ``other`` gives (a current version number, ...)."""
    return st.integers(0, 3).flatmap(lambda pick: other if pick == 0 else st.just(value))


def members(enum_type: type[enum.Enum]) -> st.SearchStrategy[Any]:
    return st.sampled_from(list(enum_type))


# --- the contract -------------------------------------------------------------------------------


_SCHEMAS: dict[str, MetaData] = {}


def snapshot(db: Database) -> dict[str, list[str]]:
    """Every row of every table, as sorted text (so two snapshots compare content, not row order)."""
    meta = _SCHEMAS.get(db.engine.dialect.name)
    if meta is None:  # every test database is migrated to the same head: reflect once per backend
        meta = _SCHEMAS[db.engine.dialect.name] = MetaData()
        meta.reflect(db.engine)
    with db.engine.connect() as conn:
        return {
            name: sorted(repr(tuple(row)) for row in conn.execute(select(table)))
            for name, table in sorted(meta.tables.items())
        }


def outcome(db: Database, call: Callable[[], T]) -> T | None:
    """Run ``call``; return its result, or None after checking it refused cleanly and wrote nothing."""
    before = snapshot(db)
    try:
        result = call()
    except SERVICE_ERRORS as exc:
        event(f"refused: {type(exc).__name__} {getattr(exc, 'field', '')}")
        assert exc.message and _JAPANESE.search(exc.message), f"unclear message: {exc.message!r}"
        assert "Traceback" not in exc.message and "sqlalchemy" not in exc.message.lower()
        after = snapshot(db)
        changed = [name for name in before if before[name] != after.get(name)]
        assert not changed, f"half-write: {type(exc).__name__}({exc.message}) changed {changed}"
        return None
    event("accepted")
    assert_clean(result)
    return result


def _is_clean_text(value: str) -> bool:
    return normalize_text(value, multiline=True) == value and not any(ch in value for ch in _INVISIBLE)


def _is_clean_markdown(value: str) -> bool:
    """Each line normalised after its leading indentation (spaces, tabs, 全角スペース), which is kept."""
    for line in value.split("\n"):
        rest = line.lstrip(" \t\u3000")
        if rest and normalize_text(rest) != rest:
            return False
        if not rest and line:
            return False
    return value == value.strip("\n") and not any(ch in value for ch in _INVISIBLE)


def assert_clean(value: Any, where: str = "result") -> None:
    """Every text in a DTO (at any depth) is normalised; every float is a real number."""
    if (
        isinstance(value, enum.Enum)
        or value is None
        or isinstance(value, bool | int | date | datetime | time)
    ):
        return
    if isinstance(value, timedelta):
        return
    if isinstance(value, str):
        assert _is_clean_text(value), f"{where} is not normalised: {value[:80]!r}"
        return
    if isinstance(value, float):
        assert math.isfinite(value), f"{where} is {value}"
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name == "body" and isinstance(item, str):  # マニュアル本文 (Markdown): indentation is kept
                assert _is_clean_markdown(item), f"{where}.body is not normalised: {item[:80]!r}"
                continue
            assert_clean(item, f"{where}.{f.name}")
        return
    if isinstance(value, list | tuple | set | frozenset):
        for i, item in enumerate(value):
            assert_clean(item, f"{where}[{i}]")
        return
    if isinstance(value, dict):
        for k, v in value.items():
            assert_clean(v, f"{where}[{k!r}]")
        return
    raise AssertionError(f"{where}: unexpected {type(value).__name__} in a DTO")


def one_line(value: str | None) -> str:
    """What a one-line field is stored as (the normalisation the services promise)."""
    return normalize_text(value)


def multi_line(value: str | None) -> str:
    """What a multi-line field (notes, 議事の経過) is stored as."""
    return normalize_text(value, multiline=True)


def call(func: Callable[..., Any], *args: Any, **kwargs: Any) -> st.SearchStrategy[Any]:
    """A strategy of ``functools.partial(func, <drawn args>)``: one service call waiting for its ``db``.

    The partial's repr names the function and every argument, so a failing example reads as the call
    that failed, and can be kept verbatim as an ``@example``.
    """
    return st.builds(partial, st.just(func), *args, **kwargs)


def versions() -> st.SearchStrategy[int | None]:
    """An expected version: usually none given (no check), else any number (mostly stale ones)."""
    return sometimes(None, any_int)


def run(db: Database, op: Callable[..., T], getters: dict[type, Callable[[Database, int], Any]]) -> T | None:
    """Run one drawn service call through :func:`outcome`; read what it saved back where a getter exists."""
    got = outcome(db, lambda: op(db))
    getter = getters.get(type(got))
    if getter is not None:
        assert getter(db, got.id) == got, "what the call returned is not what was stored"
    return got
