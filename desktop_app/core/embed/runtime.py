"""onnxruntime sessions made one way: thread-capped, no busy-waiting, no usage reports."""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any

_quiet = threading.Lock()
_quieted = False


def session_options(threads: int) -> Any:
    """Options every Trove session shares; ``threads`` caps the operators' own pool."""
    import onnxruntime as ort

    opts = ort.SessionOptions()
    # Capped so indexing leaves the laptop responsive (and the GUI thread free).
    opts.intra_op_num_threads = threads or max(1, min(2, os.cpu_count() or 1))
    opts.inter_op_num_threads = 1
    # No busy-waiting between operators: while indexing, the decode threads need those
    # cycles (measured: 33 -> 39 photos/s on 2 cores).
    opts.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return opts


def new_session(model: Path | bytes, opts: Any) -> Any:
    """An onnxruntime session on the CPU; the runtime's usage reports are switched off first.

    desktop_app/__init__.py sets ORT_DISABLE_TELEMETRY before onnxruntime can be imported;
    this covers a process that imported onnxruntime before Trove (tests, benchmarks).
    """
    global _quieted
    import onnxruntime as ort

    with _quiet:
        if not _quieted:
            ort.disable_telemetry_events()
            _quieted = True
    source = model if isinstance(model, bytes) else str(model)
    return ort.InferenceSession(source, sess_options=opts, providers=["CPUExecutionProvider"])
