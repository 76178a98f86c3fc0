"""The process's heap: how many arenas glibc's allocator may keep, set once at start."""

from __future__ import annotations

import ctypes
import sys

_M_ARENA_MAX = -8  # glibc's mallopt parameter
# glibc gives threads that allocate at the same time arenas of their own, up to 8 per core,
# and returns little of what a thread frees in one. LanceDB reads on a pool of threads:
# reading 1M 512-d vectors once left the process 352 MB larger (after malloc_trim, and after
# closing the table); with 4 arenas, 26 MB (2 cores, tests/benchmarks/bench_query.py).
ARENAS = 4


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Let the allocator keep at most ``arenas`` heaps (call before threads start; True when
    the C library took it: glibc only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return bool(ctypes.CDLL("libc.so.6").mallopt(_M_ARENA_MAX, arenas))
    except (OSError, AttributeError):  # a C library other than glibc (musl): nothing to do
        return False
