"""Query latency and recall at 10k / 100k (/ 1M with --million) vectors inserted through the store.

    .venv/bin/python tests/benchmarks/bench_query.py [--out reports] [--million]

Synthetic CLUSTERED 512-d vectors (uniform random vectors make every ANN index look broken),
written through IndexStore; text queries are perturbed copies of stored vectors. Compares the
store's path (resident exact matrix up to 200k, IVF_SQ + refine beyond) with LanceDB's flat
scan, reports p50/p95 and recall@10 against exact search.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.store.index_store import IndexStore
from tests.benchmarks.common import cpu_facts, versions, write_report

DIM = 512


def clustered(n: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(8, n // 500), DIM)).astype(np.float32)
    out = np.empty((n, DIM), dtype=np.float32)
    for s in range(0, n, 100_000):
        e = min(n, s + 100_000)
        out[s:e] = centres[rng.integers(0, len(centres), e - s)] + 0.35 * rng.standard_normal(
            (e - s, DIM)
        )
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out


def bench(n: int, work: Path, queries: int = 50) -> dict[str, Any]:
    vecs = clustered(n, seed=n)
    store = IndexStore(work / f"idx{n}")
    store.open()
    t0 = time.perf_counter()
    ids = [f"f{i}" for i in range(n)]
    from desktop_app.core.types import FileRecord, Kind

    for s in range(0, n, 50_000):
        store.upsert_files(
            [
                FileRecord(i, f"/bench/{i}.jpg", "/bench", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, i)
                for i in ids[s : s + 50_000]
            ]
        )
        store.write_image_vectors(ids[s : s + 50_000], vecs[s : s + 50_000], "p")
    store.maintain()
    build_s = time.perf_counter() - t0
    rng = np.random.default_rng(1)
    qs = vecs[rng.integers(0, n, queries)] + 0.1 * rng.standard_normal((queries, DIM)).astype(
        np.float32
    )
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    store.search_images(qs[0], 10, "p")  # warm: resident matrix / index cache
    ours, flat, recall = [], [], []
    table = store._table(f"images_{DIM}")
    for q in qs:
        t = time.perf_counter()
        got = [h.file_id for h in store.search_images(q, 10, "p")]
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        table.search(q).bypass_vector_index().distance_type("cosine").limit(10).select(
            ["file_id"]
        ).to_arrow()
        flat.append((time.perf_counter() - t) * 1000)
        exact = {f"f{i}" for i in np.argpartition(-(vecs @ q), 10)[:10]}
        recall.append(len(exact & set(got)) / 10)
    store.close()
    return {
        "n": n,
        "write_and_maintain_s": build_s,
        "ours_p50_ms": float(np.percentile(ours, 50)),
        "ours_p95_ms": float(np.percentile(ours, 95)),
        "flat_p50_ms": float(np.percentile(flat, 50)),
        "flat_p95_ms": float(np.percentile(flat, 95)),
        "recall_at_10": float(np.mean(recall)),
        "path": "exact resident" if n <= 200_000 else "IVF_SQ + refine",
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--million", action="store_true")
    args = ap.parse_args()
    sizes = [10_000, 100_000] + ([1_000_000] if args.million else [])
    with tempfile.TemporaryDirectory() as tmp:
        rows = [bench(n, Path(tmp)) for n in sizes]
    md = [
        "# Query latency (vector search only)",
        "",
        "| items | path | p50 ms | p95 ms | LanceDB flat p50 ms | speed-up | recall@10 |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        md.append(
            f"| {r['n']:,} | {r['path']} | {r['ours_p50_ms']:.1f} | {r['ours_p95_ms']:.1f} | "
            f"{r['flat_p50_ms']:.1f} | {r['flat_p50_ms'] / r['ours_p50_ms']:.1f}× | {r['recall_at_10']:.3f} |"
        )
    write_report(
        Path(args.out),
        "query",
        {"machine": cpu_facts(), "versions": versions(), "rows": rows},
        "\n".join(md),
    )
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
