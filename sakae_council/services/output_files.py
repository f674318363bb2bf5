"""Files the program hands to the user — PDFs and exports: owner-only (0600) and complete or absent.

Every writer goes through :func:`replacing_file`: it checks the place first (a missing folder, a folder
given as the file, a folder that cannot be written to), gives the writer a temporary file in the same
folder created readable by its owner only, then makes it durable and renames it over the destination. A
writer that fails (no space, an error of its own) leaves the old file untouched and no partial one behind.
The problems a person can fix become :class:`ValidationError` with a Japanese message (field ``output``).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn

from sakae_council.db.backup import fsync_dir
from sakae_council.domain.errors import ValidationError, msg

__all__ = ["check_output_path", "output_error", "replacing_file"]

#: Errors that mean the place cannot hold the file, whoever raised them while writing.
_FULL = (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC))


def check_output_path(destination: str | Path) -> Path:
    """The destination as a Path, or a ValidationError saying why nothing can be saved there."""
    path = Path(destination)
    if path.is_dir():
        raise ValidationError(
            "output",
            msg("「{path}」はフォルダです。保存するファイルの名前まで指定してください。", path=path),
        )
    folder = path.parent
    if not folder.is_dir():
        raise ValidationError(
            "output",
            msg(
                "保存先のフォルダ「{folder}」がありません。フォルダを作るか、別の場所を指定してください。",
                folder=folder,
            ),
        )
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValidationError(
            "output",
            msg(
                "保存先のフォルダ「{folder}」には書き込めません（権限がありません）。別の場所を指定してください。",
                folder=folder,
            ),
        )
    return path


def output_error(exc: OSError, destination: Path) -> ValidationError | None:
    """The Japanese message for an OSError met while saving ``destination`` (None: not the place's fault)."""
    if exc.errno in _FULL:
        return ValidationError(
            "output",
            msg(
                "保存先「{folder}」の空き容量が足りないため、保存できませんでした。空きを作るか、別の場所に保存してください。",
                folder=destination.parent,
            ),
        )
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ValidationError(
            "output",
            msg(
                "保存先のフォルダ「{folder}」には書き込めません（権限がありません）。別の場所を指定してください。",
                folder=destination.parent,
            ),
        )
    if isinstance(exc, IsADirectoryError):
        return ValidationError(
            "output",
            msg("「{path}」はフォルダです。保存するファイルの名前まで指定してください。", path=destination),
        )
    return None


def _raise_for(exc: OSError, path: Path) -> NoReturn:
    error = output_error(exc, path)
    if error is None:
        raise exc
    raise error from exc


@contextmanager
def replacing_file(destination: str | Path) -> Iterator[Path]:
    """``with replacing_file(out) as tmp: write(tmp)`` — ``out`` appears (0600) only once ``tmp`` is complete."""
    path = check_output_path(destination)
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    except OSError as exc:
        _raise_for(exc, path)
    os.close(fd)
    partial = Path(name)
    try:
        yield partial
        with partial.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        _raise_for(exc, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
