"""The 8-bit pre-scan: its error bound holds, and the top k it finds are the float32 top k."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import desktop_app.core.store.int8scan as int8scan
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.store.int8scan import Int8Scan, exact_top, top_k
from desktop_app.core.store.memory import Resident


def _clustered(n: int, dim: int, seed: int, spread: float = 0.3) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 100), dim))
    v = centres[rng.integers(0, len(centres), n)] + spread * rng.standard_normal((n, dim))
    return (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)


def _queries(v: np.ndarray, seed: int) -> list[np.ndarray]:
    """Near a stored row, far from everything (a text query in an image space), and one with
    every coordinate positive (the 8-bit query's zero point at an end of its range)."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(12):
        if i % 3 == 0:
            q = v[rng.integers(len(v))] + 0.05 * rng.standard_normal(v.shape[1])
        elif i % 3 == 1:
            q = rng.standard_normal(v.shape[1])
        else:
            q = np.abs(rng.standard_normal(v.shape[1]))
        out.append((q / np.linalg.norm(q)).astype(np.float32))
    return out


def test_graph_file_is_the_one_the_tooling_builds() -> None:
    from models.scan_graph import GRAPH_PATH, build_graph

    assert GRAPH_PATH == int8scan.GRAPH
    assert int8scan.GRAPH.read_bytes() == build_graph()


@pytest.mark.parametrize("dim", [32, 512])
def test_error_bound_holds_for_every_row(dim: int) -> None:
    v = _clustered(3000, dim, seed=dim)
    v[7] = 0.0  # an empty row: scale 1, scores 0
    scan = Int8Scan(v, threads=1)
    for q in _queries(v, seed=1):
        approx, bound = scan.scores(q)
        err = np.abs(approx - v @ q)
        assert (err <= bound).all()
        assert err.max() > 0  # the 8-bit scores are not the float32 ones: the bound is needed
        assert float(bound.mean()) < 0.05  # and it is tight enough to rule most rows out


@pytest.mark.parametrize(
    ("k", "subset", "spread"),
    [(10, False, 0.6), (50, False, 0.6), (10, True, 0.6), (10, False, 0.003), (50, True, 0.003)],
)
def test_top_k_is_exactly_the_float32_top_k(k: int, subset: bool, spread: float) -> None:
    # spread 0.003: rows so close that 8-bit scores alone would rank them wrongly
    v = _clustered(4000, 64, seed=5, spread=spread)
    v[100:140] = v[99]  # exact ties
    scan = Int8Scan(v, threads=1)
    rows = np.arange(0, 4000, 3, dtype=np.intp) if subset else np.arange(4000, dtype=np.intp)
    for q in [*_queries(v, seed=2), v[99]]:
        got_rows, got_scores = exact_top(v, q, k, rows, scan)
        want_scores = np.sort(v[rows] @ q)[::-1][:k]
        assert np.allclose(got_scores, want_scores, atol=1e-6)
        assert np.allclose(v[got_rows] @ q, got_scores, atol=1e-6)  # scores are the rows' own
        assert set(got_rows.tolist()) <= set(rows.tolist())
        # where no tie straddles the k-th place, the very same rows
        exact = v[rows] @ q
        if np.sort(exact)[::-1][k - 1] > np.sort(exact)[::-1][k] + 1e-6:
            assert set(got_rows.tolist()) == set(rows[top_k(exact, k)].tolist())


def test_store_search_uses_the_prescan_and_stays_exact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(int8scan, "MIN_ROWS", 1000)
    store = IndexStore(tmp_path / "index")
    store.open()
    v = _clustered(3000, 32, seed=9)
    ids = [f"f{i}" for i in range(3000)]
    store.images.write(ids, v, "p")
    store.images.write(["other"], v[:1], "q")  # another pack's row never answers
    store.images.nearest(v[0], 10, "p")  # loads the matrix, starts the pre-scan's build
    resident = store.images.resident(v[0])
    assert resident is not None
    assert resident.wait_for_scan(60)
    calls = []
    real = Int8Scan.scores
    monkeypatch.setattr(Int8Scan, "scores", lambda self, q: calls.append(1) or real(self, q))
    for qi in (3, 1500, 2999):
        got = [h.file_id for h in store.images.nearest(v[qi], 10, "p")]
        assert got == [ids[i] for i in np.argsort(-(v @ v[qi]), kind="stable")[:10]]
    assert len(calls) == 3
    # a new version of the table replaces the matrix: the old one is retired, never scanned
    store.images.write(["late"], v[:1], "p")
    store.images.nearest(v[0], 10, "p")
    assert resident._retired and store.images.resident(v[0]) is not resident
    fresh = Resident(0, resident.ids, resident.packs, resident.vectors, None)
    fresh.retire()
    assert not fresh.wait_for_scan(60)
    store.close()


def test_a_failed_build_leaves_float32_answering(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(int8scan, "MIN_ROWS", 100)
    monkeypatch.setattr(int8scan, "GRAPH", tmp_path / "missing.onnx")
    store = IndexStore(tmp_path / "index")
    store.open()
    v = _clustered(500, 16, seed=4)
    store.images.write([f"f{i}" for i in range(500)], v, "p")
    store.images.nearest(v[0], 5, "p")
    resident = store.images.resident(v[0])
    assert resident is not None and not resident.wait_for_scan(60)
    got = [h.file_id for h in store.images.nearest(v[42], 5, "p")]
    assert got == [f"f{i}" for i in np.argsort(-(v @ v[42]))[:5]]
    store.close()
