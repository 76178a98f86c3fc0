"""Query latency and recall at 10k / 100k (/ 1M with --million) vectors inserted through the store.

    .venv/bin/python tests/benchmarks/bench_query.py [--out reports] [--million]
        [--sizes 10k,100k] [--work DIR] [--runs 30] [--against OTHER_CHECKOUT [--rounds 3]]
        [--against-only]

Synthetic CLUSTERED 512-d vectors (uniform random vectors make every ANN index look broken),
written through IndexStore; queries are perturbed copies of stored vectors. Compares, on the
same queries in one run, the store's path (a resident float32 matrix below 20k rows, the first
stage beyond: sign bits in memory, the best candidates re-scored from a float16 copy), the
previous path (a resident float32 matrix up to 200k — its 8-bit pre-scan is gone from the
app, its figures are in the README —, LanceDB IVF_SQ + refine beyond), exact numpy float32, LanceDB IVF_SQ + refine and LanceDB's flat scan: p50/p95,
recall@10 against exact search, and the first stage's memory. Then, at each size, whole queries
through the search engine as the app runs them: a text query (MiniLM and CLIP text towers,
vector and full-text search, fusion, file rows) and an image query (a 12-megapixel JPEG decoded
and encoded, then searched), with a ViT-B/32-shaped int8 pack of RANDOM weights (speed only).
Real vectors: passages encoded by the real MiniLM pack, searched with real query sentences.

Where a whole text query's milliseconds go (SearchResult.timings, medians over the runs):
filters, each encoder, vector search, calibration, full text (on its own thread, beside the
encoders; "waiting for full text" is what the query still waited for it), fusion, file rows.

Filters inside retrieval: every 1,000th file is a rare one (a .png in /bench/rare, taken in
2019, in Lisbon) and every 50th a .gif; every file's name holds "holiday". A filtered query
("holiday type:png", "holiday in:rare", a date range, a place, "holiday type:gif") must return
every rare file up to its limit although 100k files hold the word; the report gives how many
it found and its p50. --work keeps the packs and indexes between runs (the first run builds
them; a changed bench needs a fresh folder).

--against OTHER_CHECKOUT (e.g. `git archive main | tar -x -C DIR`) times the whole queries of
this checkout and of the other in the same run, on the same kept indexes, alternating fresh
processes (A B A B ...: a busy spell of a shared machine hits both), and reports the medians of
each one's p50s with their ratio, and each process's resident memory; --against-only skips
everything else. The encoders get the app's thread counts (the image tower one thread per call,
as in core.packs.active).
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
from tests.benchmarks.common import cpu_facts, machine_line, versions, write_report

DIM = 512
PACK = "p"  # replaced by the random-weight image pack's id when whole queries are measured


def build_packs(work: Path) -> tuple[Any, Any]:
    """The int8 ViT-B/32-shaped image pack (random weights) and the real MiniLM pack, with the
    thread counts the app gives them (core.packs.active.new_pack_manager on two cores)."""
    global PACK
    from desktop_app.core.packs import PackManager
    from desktop_app.core.packs.registry import indexing_image_threads

    packs = work / "packs"
    if not (packs / "minilm-l6").is_dir():
        from tests.benchmarks.bench_encoders import build

        _, packs, _ = build(work)
    pm = PackManager([packs], 2, indexing_image_threads(2))
    image = pm.image_encoder("vitb32-int8")
    text = pm.document_encoder("minilm-l6")
    PACK = image.pack_id
    return text, image


def _pcts(ms: list[float]) -> tuple[float, float]:
    return float(np.percentile(ms, 50)), float(np.percentile(ms, 95))


RARE_EVERY, GIF_EVERY = 1000, 50
RARE_TAKEN = 1_560_000_000.0  # 2019-06-08
FILTERED = (  # (query, which files it admits)
    ("holiday type:png", "rare"),
    ("holiday in:rare", "rare"),
    ("holiday after:2019-01-01 before:2020", "rare"),
    ("holiday place:lisbon", "rare"),
    ("holiday type:gif", "gif"),
)


def file_row(i: int) -> Any:
    """The files row of the i-th benchmark photo (see the module's docstring)."""
    from desktop_app.core.types import FileRecord, Kind

    fid = f"f{i}"
    if i % RARE_EVERY == 0:
        return FileRecord(
            fid, f"/bench/rare/holiday-{i}.png", "/bench", f"holiday-{i}.png", Kind.PHOTO,
            "png", 1, 1.0, fid, taken_at=RARE_TAKEN, place="Lisbon, Portugal",
        )  # fmt: skip
    ext = "gif" if i % GIF_EVERY == 0 else "jpg"
    name = f"holiday-{i}.{ext}"
    return FileRecord(fid, f"/bench/all/{name}", "/bench", name, Kind.PHOTO, ext, 1, 1.0, fid)


def whole_queries(
    store: IndexStore, encoders: tuple[Any, Any], n: int, runs: int = 30
) -> dict[str, Any]:
    """Text and image queries end to end through SearchEngine (encode + search + fusion), where
    a text query's time goes, and filtered queries: how many of the files they admit they
    return."""
    from desktop_app.core.search.engine import SearchEngine
    from desktop_app.core.search.query import parse_query
    from tests.fixtures import make_photo

    text_enc, image_enc = encoders
    eng = SearchEngine(store, text_enc, image_enc)
    words = "red bicycle beach sunset receipt hardware store kids mountain lake dog".split()
    photo = make_photo(Path(store.index_dir).parent / "query.jpg", seed=99, size=(4000, 3000))
    eng.search(parse_query("warm up"))
    text_ms, image_ms = [], []
    parts: dict[str, list[float]] = {}
    for i in range(runs):
        t = time.perf_counter()
        res = eng.search(parse_query(f"{words[i % len(words)]} {words[(i * 3) % len(words)]} {i}"))
        text_ms.append((time.perf_counter() - t) * 1000)
        for name, ms in getattr(res, "timings", ()):  # older engines kept no timings
            parts.setdefault(name, []).append(ms)
        t = time.perf_counter()
        eng.search(parse_query("", image_path=str(photo)))
        image_ms.append((time.perf_counter() - t) * 1000)
    (tp50, tp95), (ip50, ip95) = _pcts(text_ms), _pcts(image_ms)
    admitted = {
        "rare": {f"f{i}" for i in range(0, n, RARE_EVERY)},
        "gif": {f"f{i}" for i in range(0, n, GIF_EVERY) if i % RARE_EVERY},
    }
    filtered = []
    for q, which in FILTERED:
        want = admitted[which]
        limit = min(200, len(want))
        ms, found = [], 0
        for _ in range(max(3, runs // 3)):
            t = time.perf_counter()
            res = eng.search(parse_query(q, limit=limit))
            ms.append((time.perf_counter() - t) * 1000)
            got = {h.file_id for h in res.hits}
            found = len(got & want) if got <= want else -len(got - want)  # < 0: wrong files
        filtered.append(
            {"query": q, "admitted": len(want), "limit": limit, "found": found,
             "p50_ms": _pcts(ms)[0]}
        )  # fmt: skip
    return {
        "text_query_p50_ms": tp50,
        "text_query_p95_ms": tp95,
        "image_query_p50_ms": ip50,
        "image_query_p95_ms": ip95,
        "text_query_parts_p50_ms": {k: float(np.median(v)) for k, v in parts.items()},
        "filtered": filtered,
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


def bench(
    n: int, work: Path, queries: int = 50, engine: Any = None, runs: int = 30
) -> dict[str, Any]:
    vecs = clustered(n, seed=n)
    built = work / f"idx{n}" / "built.json"
    store = IndexStore(work / f"idx{n}")
    store.open()
    t0 = time.perf_counter()
    ids = [f"f{i}" for i in range(n)]
    if built.exists():  # kept by --work from an earlier run
        build_s = float(built.read_text())
    else:
        for s in range(0, n, 50_000):
            store.files.upsert([file_row(i) for i in range(s, min(n, s + 50_000))], new=True)
            store.images.write(ids[s : s + 50_000], vecs[s : s + 50_000], PACK, new=True)
        store.maintain()
        build_s = time.perf_counter() - t0
        built.write_text(str(build_s))
    rng = np.random.default_rng(1)
    qs = vecs[rng.integers(0, n, queries)] + 0.1 * rng.standard_normal((queries, DIM)).astype(
        np.float32
    )
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    from desktop_app.core.threads import single_threaded_blas

    single_threaded_blas()  # as the search engine runs: spinning BLAS workers slow the rest
    store.warm(600)  # the first stage (or a small table's resident matrix), as after a query
    store.images.nearest(qs[0], 10, PACK)  # warm: index cache
    memory = store._conn.vectors.memory().get(f"images_{DIM}", (0, 0))[1]
    import lancedb  # LanceDB's own flat scan and IVF index, for comparison

    table = lancedb.connect(str(store.index_dir)).open_table(f"images_{DIM}")
    spaces = store._conn.vectors
    if not spaces.has_index(table):  # below EXACT_LIMIT the store builds none: one to compare
        table.create_index(
            metric="cosine", index_type="IVF_SQ", num_partitions=max(16, n // 4096),
            vector_column_name="vector", replace=True,
        )  # fmt: skip
    resident = n <= 200_000  # before: a resident float32 matrix up to 200k
    times: dict[str, list[float]] = {k: [] for k in ("ours", "previous", "exact", "ivf", "flat")}
    recall: dict[str, list[float]] = {k: [] for k in ("ours", "previous", "ivf")}

    def timed(name: str, fn: Any) -> Any:
        t = time.perf_counter()
        out = fn()
        times[name].append((time.perf_counter() - t) * 1000)
        return out

    for i, q in enumerate(qs):
        exact = {f"f{j}" for j in timed("exact", lambda q=q: top_k(vecs @ q, 10)).tolist()}
        ours = timed("ours", lambda q=q: [h.file_id for h in store.images.nearest(q, 10, PACK)])
        if resident:
            prev = [f"f{j}" for j in timed("previous", lambda q=q: top_k(vecs @ q, 10)).tolist()]
        else:  # before: IVF_SQ + refine past 200k
            prev = timed(
                "previous", lambda q=q: [r[1] for r in spaces._ann(table, q, 10, PACK, False)]
            )
        ivf = timed("ivf", lambda q=q: [r[1] for r in spaces._ann(table, q, 10, PACK, False)])
        if i < (50 if n <= 200_000 else 5):  # LanceDB's flat scan: ~3 s a query at 1M
            timed("flat", lambda q=q: table.search(q).bypass_vector_index().distance_type(
                "cosine").limit(10).select(["file_id"]).to_arrow())  # fmt: skip
        for name, got in (("ours", ours), ("previous", prev), ("ivf", ivf)):
            recall[name].append(len(exact & set(got)) / 10)
    whole = whole_queries(store, engine, n, runs) if engine is not None else {}
    store.close()
    return {
        **whole,
        "n": n,
        "write_and_maintain_s": build_s,
        **{f"{k}_p50_ms": float(np.percentile(v, 50)) for k, v in times.items() if v},
        **{f"{k}_p95_ms": float(np.percentile(v, 95)) for k, v in times.items() if v},
        **{f"{k}_recall_at_10": float(np.mean(v)) for k, v in recall.items() if v},
        "recall_at_10": float(np.mean(recall["ours"])),
        "first_stage_bytes": memory,
        "vectors_float32_bytes": int(vecs.nbytes),
        "path": "exact resident, float32"
        if n < 20_000
        else "first stage (bits) + float16 re-score",
        "previous_path": "resident float32" if n <= 200_000 else "IVF_SQ + refine",
    }


# Whole queries in a fresh process of a given checkout (PYTHONPATH): ``desktop_app`` comes from
# that checkout, the measuring code from this file, so two versions of the app are timed by the
# same code on the same kept index.
CHILD = r"""
import importlib.util, json, sys
from pathlib import Path
import desktop_app
spec = importlib.util.spec_from_file_location("bench_query_child", sys.argv[1])
bq = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bq)
out = bq.whole_in_process(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]))
out["code"] = str(Path(desktop_app.__file__).resolve().parents[1])
print(json.dumps(out))
"""


def whole_in_process(work: Path, n: int, runs: int) -> dict[str, Any]:
    """Whole queries on the kept index of ``n`` photos under ``work`` (built by an earlier run),
    as a freshly started app answers them once its first stage is built; with the process's
    resident memory after the queries."""
    from desktop_app.core.heap import limit_arenas
    from desktop_app.core.threads import single_threaded_blas

    limit_arenas()
    store = IndexStore(work / f"idx{n}")
    store.open()
    single_threaded_blas()
    store.warm(600)
    out = whole_queries(store, build_packs(work / "packs"), n, runs)
    store.close()
    out["rss_mb"] = _rss_mb()
    return out


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def against(work: Path, sizes: list[int], other: Path, rounds: int, runs: int) -> list[str]:
    """This checkout and ``other`` alternating (A B A B ...), each round a fresh process per
    checkout on the same kept index: medians over the rounds of each one's p50s."""
    import json
    import os
    import statistics
    import subprocess

    here = Path(__file__).resolve().parents[2]
    codes = {"this checkout": here, "other": other.resolve()}
    md = [
        "",
        f"# Whole queries, this checkout vs {other} (alternating processes, {rounds} rounds "
        f"of {runs} queries each; medians of the rounds' p50 ms, [lowest-highest round])",
    ]
    for n in sizes:
        rows: dict[str, list[dict[str, Any]]] = {k: [] for k in codes}
        for _ in range(rounds):
            for name, code in codes.items():
                env = dict(os.environ, PYTHONPATH=str(code))
                done = subprocess.run(
                    [sys.executable, "-c", CHILD, __file__, str(work), str(n), str(runs)],
                    env=env, cwd=code, capture_output=True, text=True, check=False,
                )  # fmt: skip
                if done.returncode != 0:
                    raise SystemExit(done.stderr[-3000:])
                row = json.loads(done.stdout.strip().splitlines()[-1])
                if Path(row["code"]) != code:
                    raise SystemExit(f"the child imported {row['code']}, not {code}")
                rows[name].append(row)

        def flat(r: dict[str, Any]) -> dict[str, float]:
            out = {"text query": r["text_query_p50_ms"], "image query": r["image_query_p50_ms"]}
            out |= {f"`{f['query']}` ({f['found']} found)": f["p50_ms"] for f in r["filtered"]}
            out |= {f"part: {k}": v for k, v in r["text_query_parts_p50_ms"].items()}
            out["resident memory MB"] = r["rss_mb"]
            return out

        per = {k: [flat(r) for r in v] for k, v in rows.items()}
        keys = list(dict.fromkeys(key for v in per.values() for r in v for key in r))
        md += [
            "",
            f"{n:,} photos",
            "",
            "| | " + " | ".join(codes) + " | ratio |",
            "|---|---|---|---|",
        ]
        for key in keys:
            cells, meds = [], []
            for name in codes:
                vals = [r[key] for r in per[name] if key in r]
                med = statistics.median(vals) if vals else float("nan")
                meds.append(med)
                cells.append(f"{med:.1f} [{min(vals):.1f}-{max(vals):.1f}]" if vals else "-")
            ratio = meds[0] / meds[1] if meds[1] else float("nan")
            md.append(f"| {key} | " + " | ".join(cells) + f" | {ratio:.2f} |")
    return md


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    part = np.argpartition(-scores, k)[:k]
    return part[np.argsort(-scores[part])]


def main() -> int:
    from desktop_app.core.heap import limit_arenas

    limit_arenas()  # as `trove` does at start
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--million", action="store_true")
    ap.add_argument("--sizes", default="10k,100k", help="e.g. 100k or 10k,100k,1M")
    ap.add_argument("--work", help="keep packs and indexes here between runs")
    ap.add_argument("--runs", type=int, default=30, help="whole queries per size")
    ap.add_argument("--no-real", action="store_true", help="skip the real-passages part")
    ap.add_argument(
        "--against", type=Path, help="time whole queries of another checkout too (needs --work)"
    )
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds with --against")
    ap.add_argument(
        "--against-only", action="store_true", help="only the alternating whole queries"
    )
    args = ap.parse_args()
    scale = {"k": 1_000, "M": 1_000_000}
    sizes = [int(s[:-1]) * scale[s[-1]] for s in args.sizes.split(",")]
    if args.million and 1_000_000 not in sizes:
        sizes.append(1_000_000)
    if args.against is not None and not args.work:
        raise SystemExit("--against times both checkouts on the indexes kept by --work")
    if args.against_only:
        ab = against(Path(args.work), sizes, args.against, args.rounds, args.runs)
        print("\n".join([machine_line(), *ab]))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        encoders = build_packs(work / "packs")
        rows = [bench(n, work, engine=encoders, runs=args.runs) for n in sizes]
        real = None if args.no_real else real_passages(Path(tmp), encoders[0])
    md = [
        "# Query latency (vector search only)",
        "",
        machine_line(),
        "",
        "p50 ms (recall@10 vs exact float32) of each path on the same queries, in one run;",
        "memory: the first stage's own arrays (its float16 copy is on disk, read by row)",
        "",
        "| items | first stage | previous path | exact numpy float32 | LanceDB IVF_SQ + refine "
        "| LanceDB flat | first stage memory MB | float32 vectors MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    whole = [
        "",
        "# Whole queries through the search engine (encode + search + fusion + rows)",
        "",
        "| items | text query p50 / p95 ms | image query (12 MP JPEG) p50 / p95 ms |",
        "|---|---|---|",
    ]
    for r in rows:
        mb = 1024 * 1024
        md.append(
            f"| {r['n']:,} | {r['ours_p50_ms']:.2f} ({r['ours_recall_at_10']:.3f}) | "
            f"{r['previous_p50_ms']:.2f} ({r['previous_recall_at_10']:.3f}; {r['previous_path']}) "
            f"| {r['exact_p50_ms']:.2f} | {r['ivf_p50_ms']:.2f} ({r['ivf_recall_at_10']:.3f}) | "
            f"{r['flat_p50_ms']:.0f} | {r['first_stage_bytes'] / mb:.0f} | "
            f"{r['vectors_float32_bytes'] / mb:.0f} |"
        )
        whole.append(
            f"| {r['n']:,} | {r['text_query_p50_ms']:.1f} / {r['text_query_p95_ms']:.1f} | "
            f"{r['image_query_p50_ms']:.1f} / {r['image_query_p95_ms']:.1f} |"
        )
    md += whole
    names = list(dict.fromkeys(k for r in rows for k in r.get("text_query_parts_p50_ms", {})))
    if names:
        md += [
            "",
            "# Where a text query's milliseconds go (p50 per part)",
            "",
            "| items | " + " | ".join(names) + " |",
            "|---|" + "---|" * len(names),
        ]
        for r in rows:
            p = r.get("text_query_parts_p50_ms", {})
            md.append(f"| {r['n']:,} | " + " | ".join(f"{p.get(k, 0.0):.1f}" for k in names) + " |")
    md += [
        "",
        "# Filters inside retrieval: files found of those admitted (up to the limit)",
        "",
        "| items | query | admitted | limit | found | p50 ms |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        for f in r.get("filtered", []):
            md.append(
                f"| {r['n']:,} | `{f['query']}` | {f['admitted']} | {f['limit']} | "
                f"{f['found']} | {f['p50_ms']:.1f} |"
            )
    if real is not None:
        md += [
            "",
            f"Real vectors: {real['passages']:,} passages encoded by the real MiniLM pack "
            f"({real['passages_per_s']:.0f} passages/s); a sentence query (encode + search) "
            f"{real['query_p50_ms']:.1f} ms p50 / {real['query_p95_ms']:.1f} ms p95, recall@10 "
            f"{real['recall_at_10']:.3f}; index size "
            f"{real['index_bytes_per_passage'] / 1024:.2f} KB per passage.",
        ]
    if args.against is not None:
        md += against(Path(args.work), sizes, args.against, args.rounds, args.runs)
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
