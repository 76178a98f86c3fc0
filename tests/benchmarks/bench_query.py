"""Query latency and recall at 10k / 100k (/ 1M with --million) vectors inserted through the store.

    .venv/bin/python tests/benchmarks/bench_query.py [--out reports] [--million]

Synthetic CLUSTERED 512-d vectors (uniform random vectors make every ANN index look broken),
written through IndexStore; queries are perturbed copies of stored vectors. Compares the
store's path (resident exact matrix up to 200k -- scanned in 8 bits past 20k rows, the
candidates re-scored in float32, exact by a proven error bound --, IVF_SQ + refine beyond)
with LanceDB's flat
scan, reports p50/p95 and recall@10 against exact search. Then, at each size, whole queries
through the search engine as the app runs them: a text query (MiniLM and CLIP text towers,
vector and full-text search, fusion, file rows) and an image query (a 12-megapixel JPEG decoded
and encoded, then searched), with a ViT-B/32-shaped int8 pack of RANDOM weights (speed only).
Real vectors: passages encoded by the real MiniLM pack, searched with real query sentences.
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
PACK = "p"  # replaced by the random-weight image pack's id when whole queries are measured


def build_packs(work: Path) -> tuple[Any, Any]:
    """The int8 ViT-B/32-shaped image pack (random weights) and the real MiniLM pack."""
    global PACK
    from desktop_app.core.embed import PackManager
    from tests.benchmarks.bench_encoders import build

    _, packs, _ = build(work)
    pm = PackManager([packs], threads=2)
    image = pm.image_encoder("vitb32-int8")
    text = pm.document_encoder("minilm-l6")
    PACK = image.pack_id
    return text, image


def _pcts(ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


def whole_queries(store: IndexStore, encoders: tuple[Any, Any], runs: int = 30) -> dict[str, Any]:
    """Text and image queries end to end through SearchEngine (encode + search + fusion)."""
    from desktop_app.core.search.engine import SearchEngine
    from desktop_app.core.search.query import parse_query
    from tests.fixtures import make_photo

    text_enc, image_enc = encoders
    eng = SearchEngine(store, text_enc, image_enc)
    words = "red bicycle beach sunset receipt hardware store kids mountain lake dog".split()
    photo = make_photo(Path(store.index_dir).parent / "query.jpg", seed=99, size=(4000, 3000))
    eng.search(parse_query("warm up"))
    text_ms, image_ms = [], []
    for i in range(runs):
        t = time.perf_counter()
        eng.search(parse_query(f"{words[i % len(words)]} {words[(i * 3) % len(words)]} {i}"))
        text_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        eng.search(parse_query("", image_path=str(photo)))
        image_ms.append((time.perf_counter() - t) * 1000)
    (tp50, tp95), (ip50, ip95) = _pcts(text_ms), _pcts(image_ms)
    return {
        "text_query_p50_ms": tp50,
        "text_query_p95_ms": tp95,
        "image_query_p50_ms": ip50,
        "image_query_p95_ms": ip95,
    }


def real_passages(work: Path, text_enc: Any, n: int = 5000) -> dict[str, Any]:
    """Real MiniLM vectors: generated passages and query sentences, recall@10 vs exact."""
    import random

    from desktop_app.core.types import Chunk

    rng = random.Random(3)
    vocab = (
        "invoice garden holiday recipe engine budget river concert doctor school train castle "
        "violin harbour printer salary ticket forest museum coffee insurance contract kitchen "
        "bicycle mountain lake meeting report weather flight hotel"
    ).split()
    texts = [" ".join(rng.choice(vocab) for _ in range(40)) for _ in range(n)]
    t = time.perf_counter()
    vecs = np.concatenate([text_enc.encode_texts(texts[i : i + 64]) for i in range(0, n, 64)])
    encode_s = time.perf_counter() - t
    store = IndexStore(work / "passages")
    store.open()
    from desktop_app.core.types import FileRecord, Kind

    files = [
        FileRecord(f"d{i}", f"/b/d{i}.txt", "/b", f"d{i}.txt", Kind.DOCUMENT, "txt", 1, 1.0, str(i))
        for i in range(n)
    ]
    store.files.upsert(files)  # passages without a file row are dropped as orphans
    items = [
        (f"d{i}", [Chunk(texts[i], None, 0, len(texts[i]))], vecs[i : i + 1]) for i in range(n)
    ]
    for s in range(0, n, 1000):
        store.passages.replace(items[s : s + 1000], text_enc.pack_id)
    store.maintain()
    size = sum(f.stat().st_size for f in (work / "passages").rglob("*") if f.is_file())
    queries = [
        f"{rng.choice(vocab)} {rng.choice(vocab)} and {rng.choice(vocab)}" for _ in range(30)
    ]
    ms, recall = [], []
    for q in queries:
        t = time.perf_counter()
        qv = text_enc.encode_texts([q])[0]
        got = {h.file_id for h in store.passages.nearest(qv, 10, text_enc.pack_id)}
        ms.append((time.perf_counter() - t) * 1000)
        exact = {f"d{i}" for i in np.argpartition(-(vecs @ qv), 10)[:10]}
        recall.append(len(exact & got) / 10)
    store.close()
    p50, p95 = _pcts(ms)
    return {
        "passages": n,
        "passages_per_s": n / encode_s,
        "query_p50_ms": p50,
        "query_p95_ms": p95,
        "recall_at_10": float(np.mean(recall)),
        "index_bytes_per_passage": size / n,
    }


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


def bench(n: int, work: Path, queries: int = 50, engine: Any = None) -> dict[str, Any]:
    vecs = clustered(n, seed=n)
    store = IndexStore(work / f"idx{n}")
    store.open()
    t0 = time.perf_counter()
    ids = [f"f{i}" for i in range(n)]
    from desktop_app.core.types import FileRecord, Kind

    for s in range(0, n, 50_000):
        store.files.upsert(
            [
                FileRecord(i, f"/bench/{i}.jpg", "/bench", f"{i}.jpg", Kind.PHOTO, "jpg", 1, 1.0, i)
                for i in ids[s : s + 50_000]
            ]
        )
        store.images.write(ids[s : s + 50_000], vecs[s : s + 50_000], PACK)
    store.maintain()
    build_s = time.perf_counter() - t0
    rng = np.random.default_rng(1)
    qs = vecs[rng.integers(0, n, queries)] + 0.1 * rng.standard_normal((queries, DIM)).astype(
        np.float32
    )
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    store.warm(120)  # the resident matrix and its 8-bit pre-scan, as after a query or two
    store.images.nearest(qs[0], 10, PACK)  # warm: index cache
    ours, flat, recall = [], [], []
    import lancedb  # LanceDB's own flat search, for comparison

    table = lancedb.connect(str(store.index_dir)).open_table(f"images_{DIM}")
    for q in qs:
        t = time.perf_counter()
        got = [h.file_id for h in store.images.nearest(q, 10, PACK)]
        ours.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        table.search(q).bypass_vector_index().distance_type("cosine").limit(10).select(
            ["file_id"]
        ).to_arrow()
        flat.append((time.perf_counter() - t) * 1000)
        exact = {f"f{i}" for i in np.argpartition(-(vecs @ q), 10)[:10]}
        recall.append(len(exact & set(got)) / 10)
    whole = whole_queries(store, engine) if engine is not None else {}
    store.close()
    return {
        **whole,
        "n": n,
        "write_and_maintain_s": build_s,
        "ours_p50_ms": float(np.percentile(ours, 50)),
        "ours_p95_ms": float(np.percentile(ours, 95)),
        "flat_p50_ms": float(np.percentile(flat, 50)),
        "flat_p95_ms": float(np.percentile(flat, 95)),
        "recall_at_10": float(np.mean(recall)),
        "path": (
            "exact resident, float32"
            if n < 20_000
            else "exact resident, 8-bit pre-scan" if n <= 200_000 else "IVF_SQ + refine"
        ),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--million", action="store_true")
    args = ap.parse_args()
    sizes = [10_000, 100_000] + ([1_000_000] if args.million else [])
    with tempfile.TemporaryDirectory() as tmp:
        encoders = build_packs(Path(tmp) / "packs")
        rows = [bench(n, Path(tmp), engine=encoders) for n in sizes]
        real = real_passages(Path(tmp), encoders[0])
    md = [
        "# Query latency (vector search only)",
        "",
        "| items | path | p50 ms | p95 ms | LanceDB flat p50 ms | speed-up | recall@10 |",
        "|---|---|---|---|---|---|---|",
    ]
    whole = [
        "",
        "# Whole queries through the search engine (encode + search + fusion + rows)",
        "",
        "| items | text query p50 / p95 ms | image query (12 MP JPEG) p50 / p95 ms |",
        "|---|---|---|",
    ]
    for r in rows:
        md.append(
            f"| {r['n']:,} | {r['path']} | {r['ours_p50_ms']:.1f} | {r['ours_p95_ms']:.1f} | "
            f"{r['flat_p50_ms']:.1f} | {r['flat_p50_ms'] / r['ours_p50_ms']:.1f}× | {r['recall_at_10']:.3f} |"
        )
        whole.append(
            f"| {r['n']:,} | {r['text_query_p50_ms']:.1f} / {r['text_query_p95_ms']:.1f} | "
            f"{r['image_query_p50_ms']:.1f} / {r['image_query_p95_ms']:.1f} |"
        )
    md += whole + [
        "",
        f"Real vectors: {real['passages']:,} passages encoded by the real MiniLM pack "
        f"({real['passages_per_s']:.0f} passages/s); a sentence query (encode + search) "
        f"{real['query_p50_ms']:.1f} ms p50 / {real['query_p95_ms']:.1f} ms p95, recall@10 "
        f"{real['recall_at_10']:.3f}; index size {real['index_bytes_per_passage'] / 1024:.2f} KB per passage.",
    ]
    write_report(
        Path(args.out),
        "query",
        {"machine": cpu_facts(), "versions": versions(), "rows": rows, "real_passages": real},
        "\n".join(md),
    )
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
