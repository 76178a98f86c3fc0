"""Exact top-k over a resident float32 matrix, with the rows proposed by an 8-bit pre-scan.

numpy's float32 matrix-vector product is bound by memory bandwidth (100k x 512 floats: 200 MB
read per query: 7-8 ms here on two threads, 14 ms on one) and numpy has no 8-bit product.
onnxruntime's MatMulIntegerToFloat reads a pre-packed 8-bit copy, a quarter of the bytes: 1.5 ms
when it sits in cache, 3-5 ms from memory in a real query. The copy costs ~1.3 KB per row of 512
(the 8-bit matrix and onnxruntime's packed one). Its scores are off by an
amount this module bounds per row, so they only choose candidates: every row whose 8-bit score
plus that bound still reaches the k-th best float32 score is re-scored in float32, which keeps
the top k exactly what the float32 product alone would give.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

GRAPH = Path(__file__).with_name("int8_scan.onnx")  # built by models/scan_graph.py
MIN_ROWS = 20_000  # below this numpy's float32 product takes ~1 ms: nothing to win
# Both sides unsigned (values + 128): onnxruntime's uint8 x int8 kernel adds pairs of products in
# 16 bits on CPUs without VNNI, which saturates; its uint8 x uint8 kernel widens first.
LEVELS = 127
ZERO = 128
_CHUNK = 16_384  # rows quantized at a time: the float temporaries stay small
# A filter's rows, fewer than 1/FEW of the matrix: their float32 product reads fewer bytes than
# the 8-bit scan of every row does
FEW = 8


def top_k(scores: npt.NDArray[np.float32], k: int) -> npt.NDArray[np.intp]:
    """Positions of the k highest scores, best first."""
    k = min(k, scores.shape[0])
    if k <= 0:
        return np.zeros(0, dtype=np.intp)
    part = np.argpartition(-scores, k - 1)[:k]
    return part[np.argsort(-scores[part], kind="stable")]


class Int8Scan:
    """A pre-packed 8-bit copy of a matrix's rows and, per row, how far its score can stray."""

    def __init__(self, vectors: npt.NDArray[np.float32], threads: int = 0) -> None:
        import onnxruntime as ort

        from desktop_app.core.embed.runtime import new_session, session_options

        n, dim = vectors.shape
        self.rows = n
        self.dim = dim
        quantized = np.empty((n, dim), dtype=np.uint8)
        scale = np.empty(n, dtype=np.float32)
        self._residual = np.empty(n, dtype=np.float32)  # |v - v'| per row (v' the 8-bit row)
        self._norm = np.empty(n, dtype=np.float32)  # |v'| per row
        for s in range(0, n, _CHUNK):
            v = vectors[s : s + _CHUNK]
            peak = np.abs(v).max(axis=1)
            sc = np.where(peak > 0, peak / LEVELS, 1.0).astype(np.float32)
            levels = np.rint(v / sc[:, None])
            approx = levels * sc[:, None]
            quantized[s : s + _CHUNK] = (levels + ZERO).astype(np.uint8)
            scale[s : s + _CHUNK] = sc
            self._residual[s : s + _CHUNK] = np.linalg.norm(v - approx, axis=1)
            self._norm[s : s + _CHUNK] = np.linalg.norm(approx, axis=1)
        # onnxruntime wants the matrix as K x N; these arrays back the session's initializers
        # and must live as long as it does
        self._arrays = (np.ascontiguousarray(quantized.T), scale, np.full(n, ZERO, dtype=np.uint8))
        del quantized
        opts = session_options(threads)
        opts.log_severity_level = 3  # the graph's placeholder shapes differ from the real ones
        self._values = [ort.OrtValue.ortvalue_from_numpy(a) for a in self._arrays]
        for name, value in zip(("matrix", "row_scale", "row_zero"), self._values, strict=True):
            opts.add_initializer(name, value)
        self._session: Any = new_session(GRAPH.read_bytes(), opts)

    def scores(
        self, q: npt.NDArray[np.float32]
    ) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
        """Every row's 8-bit score for q, and per row a bound on its distance from the float32
        score. With q' the 8-bit query and v' the 8-bit row, q.v - q'.v' = q.(v - v') + (q - q').v'
        so |error| <= |q| |v - v'| + |q - q'| |v'|; both norms are known exactly. A small slack
        covers float32 accumulation."""
        low, high = min(0.0, float(q.min())), max(0.0, float(q.max()))
        step = (high - low) / 255.0 or 1.0
        zero = round(-low / step)
        levels = np.clip(np.rint(q / step) + zero, 0, 255)
        q_err = float(np.linalg.norm(q - (levels - zero) * step))
        feeds = {
            "query": levels.astype(np.uint8).reshape(1, -1),
            "query_scale": np.array([step], dtype=np.float32),
            "query_zero": np.array([zero], dtype=np.uint8),
        }
        approx = np.asarray(self._session.run(None, feeds)[0], dtype=np.float32).reshape(-1)
        q_norm = float(np.linalg.norm(q))
        bound = q_norm * self._residual + q_err * self._norm + 1e-4 * (q_norm + 1.0)
        return approx, np.asarray(bound, dtype=np.float32)


def exact_top(
    vectors: npt.NDArray[np.float32],
    q: npt.NDArray[np.float32],
    k: int,
    rows: npt.NDArray[np.intp],
    scan: Int8Scan | None,
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]:
    """The k rows (of ``rows``) with the highest float32 inner product with q, best first,
    and their float32 scores. With a scan, only the rows it cannot rule out are scored.

    Why it is exact: ``floor``, the k-th best float32 score among the rows best by 8-bit score,
    is at most the true k-th best score. A row of the true top k scores at least ``floor`` in
    float32, so its 8-bit score plus its error bound reaches ``floor``: it is a candidate.
    """
    full = rows.shape[0] == vectors.shape[0]
    if scan is None or 2 * k >= rows.shape[0] or rows.shape[0] * FEW < vectors.shape[0]:
        scores = (vectors if full else vectors[rows]) @ q
        best = top_k(scores, k)
        return rows[best], scores[best]
    approx, bound = scan.scores(q)
    if not full:
        approx, bound = approx[rows], bound[rows]
    # twice k rows: the k-th best of them is a higher floor than the worst of k, fewer candidates
    first = top_k(approx, 2 * k)
    head = vectors[rows[first]] @ q
    floor = float(np.partition(head, head.shape[0] - k)[head.shape[0] - k])
    cand = np.flatnonzero(approx + bound >= floor)
    exact = vectors[rows[cand]] @ q
    best = top_k(exact, k)
    return rows[cand[best]], exact[best]


def self_check() -> bool:
    """Can this installation build a pre-scan, and does it give the float32 answer?"""
    rng = np.random.default_rng(0)
    v = rng.standard_normal((2000, 64)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    try:
        scan = Int8Scan(v, threads=1)
    except Exception:
        log.warning("the int8 pre-scan could not be built", exc_info=True)
        return False
    rows = np.arange(v.shape[0], dtype=np.intp)
    got, _ = exact_top(v, v[5], 10, rows, scan)
    want, _ = exact_top(v, v[5], 10, rows, None)
    return bool(got.tolist() == want.tolist())
