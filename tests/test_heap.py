"""The program's heap on glibc (sakae_council/heap.py): the worker lanes share one malloc arena (issue 20:
memory at stress)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from sakae_council import heap

pytestmark = pytest.mark.skipif(heap._libc() is None, reason="glibc only (Linux); elsewhere both do nothing")

# Eight threads alive at once, each allocating (blocks over 512 bytes: glibc's malloc, not Python's small-object pool),
# then glibc's own account of its arenas (malloc_stats writes one 「Arena N:」 block each to stderr).
_THREADS = textwrap.dedent(
    """
    import ctypes, sys, threading
    from sakae_council import heap
    if sys.argv[1] == "limited":
        assert heap.limit_arenas()
    held, together = [], threading.Barrier(8)
    def work():
        held.append([bytearray(2000) for _ in range(500)])
        together.wait()  # all alive at once: a finished thread's arena is handed to the next one
    threads = [threading.Thread(target=work) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ctypes.CDLL("libc.so.6").malloc_stats()
    """
)


def _arenas(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _THREADS, mode], capture_output=True, text=True, check=True, timeout=60
    )
    return sum(1 for line in done.stderr.splitlines() if line.startswith("Arena "))


def test_threads_share_the_arenas_once_limited_as_the_worker_lanes_do() -> None:
    assert _arenas("limited") <= heap.ARENAS
    assert _arenas("glibc's default") > heap.ARENAS  # each thread's own arena, without the limit


def test_the_first_worker_lane_sets_the_limit_before_its_thread_starts(qapp: object) -> None:
    from sakae_council.gui.ops import SerialWorker

    heap.limit_arenas.cache_clear()
    worker = SerialWorker("test-lane")
    try:
        assert heap.limit_arenas.cache_info().currsize == 1  # called (and kept: later calls do nothing)
        assert heap.limit_arenas() is True
    finally:
        worker.shutdown()
