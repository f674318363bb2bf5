"""Giving freed memory back to the system: glibc keeps what a long paper or a preview freed for reuse, so
without asking, a peak stays the program's resident size for the rest of the session."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from typing import Any


def trim_heap() -> None:
    """``malloc_trim`` returns the free heap it can to the system (~1 ms); nothing where there is none."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@functools.cache
def _malloc_trim() -> Any:
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
