"""The program's heap on glibc (Linux): fewer malloc arenas, and freed memory given back to the system.

glibc keeps what a long paper or a preview freed for reuse, so without asking, a peak stays the program's
resident size for the rest of the session (:func:`trim_heap`). And it gives each thread an arena of its
own (up to eight per CPU): the database and papers lanes each left their own heap in pieces, which no
trim gives back whole (:func:`limit_arenas`). Elsewhere (Windows, macOS, musl) both do nothing.
"""

from __future__ import annotations

import functools
import sys
from typing import Any

#: mallopt's parameter for the most arenas (glibc's malloc.h).
_M_ARENA_MAX = -8
#: Two arenas: the GUI thread's and one the worker lanes share. Python holds the GIL while it allocates, so
#: the lanes seldom wait for each other's arena; at stress (every page visited, each paper printed once)
#: the peak went 292 → 287 MB (``python -m bench --only memory``; 281 with the limit from the process's
#: start, MALLOC_ARENA_MAX=2, which a program cannot set for itself once running).
ARENAS = 2


def trim_heap() -> None:
    """``malloc_trim`` returns the free heap it can to the system (~1 ms); nothing where there is none."""
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


@functools.cache
def limit_arenas() -> bool:
    """At most :data:`ARENAS` malloc arenas from now on: call before the worker threads start (once is
    enough; later calls do nothing). True where glibc took the limit."""
    libc = _libc()
    return libc is not None and libc.mallopt(_M_ARENA_MAX, ARENAS) == 1


@functools.cache
def _libc() -> Any:
    """glibc, where the program runs on it (found by its name: ``ctypes.util.find_library`` runs a
    subprocess, ~20 ms on the way to the first data shown)."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        libc.malloc_trim, libc.mallopt  # noqa: B018 - musl and others have neither
    except (OSError, AttributeError):
        return None
    return libc
