"""The log file, and what may go into it: no personal data.

A failed save is logged (for the staff who look into problems) with the error's kind and the SQL
statement — never the values it carried, which are names, addresses and phone numbers. The engine is
made with ``hide_parameters=True`` (db/engine.py); this module also rewrites, in every log line and
traceback, a database error's text to its kind, error code and statement (a PostgreSQL error's DETAIL
repeats the values: 「Key (name)=(…) already exists」). The file is readable by its owner only (0600) in
a folder only its owner can enter (0700).

Kept free of SQLAlchemy imports: the window's first paint must not wait for them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from pathlib import Path
from typing import Any

LOG_NAME = "sakae_council.log"
_DB_ERROR_MODULES = ("sqlite3", "psycopg", "psycopg2", "_sqlite3")


def _is_db_error(exc: BaseException) -> bool:
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and isinstance(exc, sa_exc.StatementError):
        return True
    return type(exc).__module__.split(".")[0] in _DB_ERROR_MODULES


def _code(exc: BaseException | None) -> str:
    if exc is None:
        return ""
    for attr in ("sqlite_errorname", "sqlstate", "pgcode"):
        value = getattr(exc, attr, None)
        if value:
            return str(value)
    return ""


def safe_text(exc: BaseException) -> str:
    """A database error as the log may hold it: its kind, the driver's error kind and code, and the
    statement — without values and without the driver's message (which may quote them)."""
    orig = getattr(exc, "orig", None)
    inner = orig if isinstance(orig, BaseException) else (exc if not hasattr(exc, "statement") else None)
    parts = [type(exc).__name__]
    if inner is not None and inner is not exc:
        parts.append(f"({type(inner).__module__}.{type(inner).__name__})")
    code = _code(inner)
    if code:
        parts.append(code)
    statement = getattr(exc, "statement", None)
    if statement:
        parts.append(f"[SQL: {' '.join(str(statement).split())}]")
    return " ".join(parts)


def _scrub_traceback(te: traceback.TracebackException, seen: set[int]) -> None:
    if id(te) in seen:
        return
    seen.add(id(te))
    exc_type = te.exc_type
    if exc_type is not None and _type_is_db_error(exc_type):
        te._str = "(details hidden: may hold personal data) " + getattr(te, "_safe", "")  # type: ignore[attr-defined]
    for nxt in (te.__cause__, te.__context__):
        if nxt is not None:
            _scrub_traceback(nxt, seen)


def _type_is_db_error(exc_type: type[BaseException]) -> bool:
    sa_exc = sys.modules.get("sqlalchemy.exc")
    if sa_exc is not None and issubclass(exc_type, sa_exc.StatementError):
        return True
    return exc_type.__module__.split(".")[0] in _DB_ERROR_MODULES


def _attach_safe_texts(te: traceback.TracebackException, exc: BaseException | None, seen: set[int]) -> None:
    if exc is None or id(exc) in seen:
        return
    seen.add(id(exc))
    if _is_db_error(exc):
        te._safe = safe_text(exc)  # type: ignore[attr-defined]
    if te.__cause__ is not None:
        _attach_safe_texts(te.__cause__, exc.__cause__, seen)
    if te.__context__ is not None:
        _attach_safe_texts(te.__context__, exc.__context__, seen)


class NoPersonalData(logging.Filter):
    """Rewrites database errors in a record's arguments to :func:`safe_text` (keeps every record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                safe_text(a) if isinstance(a, BaseException) and _is_db_error(a) else a for a in record.args
            )
        elif isinstance(record.args, dict):
            record.args = {
                k: safe_text(v) if isinstance(v, BaseException) and _is_db_error(v) else v
                for k, v in record.args.items()
            }
        if isinstance(record.msg, BaseException) and _is_db_error(record.msg):
            record.msg = safe_text(record.msg)
        return True


class NoPersonalDataFormatter(logging.Formatter):
    """A formatter whose tracebacks show a database error's kind and statement, never its values."""

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's name
        kind, value, tb = ei
        if value is None:
            return super().formatException(ei)
        te = traceback.TracebackException(kind, value, tb)
        _attach_safe_texts(te, value, set())
        _scrub_traceback(te, set())
        return "".join(te.format()).rstrip("\n")


def owner_only_rotating_handler(path: Path, **options: Any) -> logging.FileHandler:
    """A rotating log file created readable by its owner only (each new file after a rotation too);
    ``options`` as RotatingFileHandler's. ``logging.handlers`` (with socket, pickle and queue) is imported
    only here: the window's first paint does not wait for it."""
    from logging.handlers import RotatingFileHandler

    class OwnerOnlyRotatingFileHandler(RotatingFileHandler):
        def _open(self):  # type: ignore[no-untyped-def]
            fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            with contextlib.suppress(OSError):
                os.fchmod(fd, 0o600)  # a file an older version left 0644
            return os.fdopen(fd, self.mode, encoding=self.encoding, errors=self.errors)

    return OwnerOnlyRotatingFileHandler(path, **options)


def owner_only_folder(path: Path) -> Path:
    """``path`` created if needed and made 0700 (the log folder may hold what a user would not share)."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path


def protect(
    handler: logging.Handler, fmt: str = "%(asctime)s %(levelname)s %(name)s: %(message)s"
) -> logging.Handler:
    """Give ``handler`` the filter and formatter that keep personal data out of what it writes."""
    handler.addFilter(NoPersonalData())
    handler.setFormatter(NoPersonalDataFormatter(fmt))
    return handler


def protect_root_handlers() -> None:
    """Apply :func:`protect` to every handler of the root logger, keeping each one's format."""
    for handler in logging.getLogger().handlers:
        fmt = handler.formatter._fmt if handler.formatter is not None else None  # noqa: SLF001
        protect(handler, fmt or "%(levelname)s %(name)s: %(message)s")


def setup_file_logging(folder: Path) -> Path | None:
    """Log to ``folder``/sakae_council.log (0600, rotated, in a 0700 folder); the file's path, or None
    when it cannot be written (the program still runs)."""
    try:
        owner_only_folder(folder)
        handler = owner_only_rotating_handler(
            folder / LOG_NAME, maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    logging.getLogger().addHandler(protect(handler))
    return folder / LOG_NAME
