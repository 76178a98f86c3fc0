"""How many threads numpy's BLAS may use: one, except around the large products that gain.

After every call OpenBLAS's workers spin for a while before they sleep. On a laptop's two
cores that spinning takes the CPU from onnxruntime and LanceDB, which size their own pools:
measured on a 100k-photo index, a whole text query took 30-32 ms p50 with BLAS on two threads
and 26-27 ms on one (tests/benchmarks/bench_query.py). The queries' own products are small
(the first stage's scan runs in FAISS), so one thread loses nothing there.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator

_lock = threading.Lock()
_limited = False


def single_threaded_blas() -> None:
    """Limit numpy's BLAS to one thread for this process (idempotent)."""
    global _limited
    with _lock:
        if _limited:
            return
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
        _limited = True


@contextlib.contextmanager
def blas_threads(n: int = 0) -> Iterator[None]:
    """Let a large matrix product use ``n`` threads (default: every core) meanwhile."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(n or os.cpu_count() or 1, user_api="blas"):
        yield
