"""Search quality on real documents: Trove against full text only, vectors only and a fixed cutoff.

    .venv/bin/python tests/benchmarks/bench_quality.py [--out reports] [--sizes 1k,10k,100k]
        [--cache ~/.cache/trove-bench-quality] [--rebuild] [--pool FILE]

The corpus (tests/benchmarks/quality_corpus.py) is real text and pictures from Debian
packages, indexed by `trove index` exactly as a user's folder would be; distractors (more real
text from other packages) grow the index to ~10k and ~100k passages. The labels
(tests/benchmarks/quality/labels.json) were written before any tuning; every third query is
held out and reported apart. Built indexes are kept in the cache folder (100k passages take
about an hour to embed on two cores); --rebuild makes them again.

Systems, side by side on the same index in the same run:
- trove: `engine.search` as the window and `trove search` run it (fusion, calibration, filters);
- fulltext: LanceDB's BM25 over names and passages alone (one row per file, its best score);
- vectors: the document encoder's cosine alone (one row per file, its best passage);
- cutoff-0.25: vectors with a fixed cosine line of 0.25, what Lap ships: above it is a match.

Metrics: nDCG@10 (graded labels), hit@5, MRR; precision of the results marked strong; the
share of off-topic queries answered "No confident match" (no strong result; for full text, no
result at all); identifier top-1; the share of queries whose answer is in the top 5 and marked
strong. --pool FILE writes, per labelled query, the distractors any system ranks in its top 10,
to be judged by a person and added to the labels as "distractor:<name>".
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import ROOT, cpu_facts, versions, write_report
from tests.benchmarks.quality_corpus import build_core, write_distractors

LABELS = Path(__file__).with_name("quality") / "labels.json"
CORPUS_VERSION = "1"  # bump when the corpus or the way it is built changes
SIZES = {"1k": (), "10k": (9000,), "100k": (9000, 99000)}
LAYERS = (9000, 99000)
SYSTEMS = ("trove", "fulltext", "vectors", "cutoff-0.25")
LAP_CUTOFF = 0.25
K = 10


def load_labels() -> list[dict[str, Any]]:
    queries = json.loads(LABELS.read_text(encoding="utf-8"))["queries"]
    for i, q in enumerate(queries):
        q["id"] = f"q{i:03d}"
        q["split"] = "held-out" if i % 3 == 2 else "tuning"
    return queries


# --- the indexes -----------------------------------------------------------------------


def _trove(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, TROVE_HOME=str(home), PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def build_index(cache: Path, size: str, rebuild: bool) -> tuple[Path, dict[str, Any]]:
    """A TROVE_HOME whose index holds the core and the distractor layers of ``size``. A larger
    index starts as a copy of the next smaller one, so the core is embedded once."""
    core = cache / "corpus" / "core"
    if not (core / "COMPLETE").exists():
        shutil.rmtree(core, ignore_errors=True)
        build_core(core)
        (core / "COMPLETE").write_text("ok")
    home = cache / f"home-{size}-v{CORPUS_VERSION}"
    info_file = home / "bench-index.json"
    if info_file.exists() and not rebuild:
        return home, json.loads(info_file.read_text())
    order = list(SIZES)
    smaller = order[order.index(size) - 1] if order.index(size) else None
    shutil.rmtree(home, ignore_errors=True)
    if smaller is not None:
        base, _ = build_index(cache, smaller, False)
        shutil.copytree(base, home, symlinks=True)
        (home / "bench-index.json").unlink()
    else:
        home.mkdir(parents=True)
        shared = cache / "packs"
        if not (shared / "minilm-l6" / "manifest.json").exists():
            out = _trove(home, "models", "build", "minilm-l6", "--out", str(shared))
            if out.returncode != 0:
                raise RuntimeError(out.stderr[-2000:])
        shutil.copytree(shared, home / "data" / "packs", dirs_exist_ok=True)
    layers = write_distractors(cache / "corpus" / "distractors", LAYERS) if SIZES[size] else {}
    folders = [str(core)] + [str(layers[s]) for s in SIZES[size]]
    t0 = time.perf_counter()
    out = _trove(home, "index", *folders)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    info = {"seconds": time.perf_counter() - t0, "folders": folders, "output": out.stdout[-500:]}
    info_file.write_text(json.dumps(info, indent=1))
    return home, info


# --- the systems -----------------------------------------------------------------------


def _open(home: Path) -> Any:
    from desktop_app.core.engine import EngineConfig, TroveEngine

    data = home / "data"
    engine = TroveEngine(EngineConfig(data / "index", (data / "packs",)))
    engine.open(read_only=True)
    return engine


def _name_of(path: str, core: Path) -> str:
    p = Path(path)
    if p.is_relative_to(core):
        return str(p.relative_to(core))
    return f"distractor:{p.name}"


class Systems:
    def __init__(self, engine: Any, core: Path) -> None:
        self.engine = engine
        self.core = core
        self.text = engine.active_packs.text
        self.store = engine.store
        self._paths: dict[str, str] = {}

    def _names(self, file_ids: list[str]) -> list[str]:
        missing = [f for f in file_ids if f not in self._paths]
        if missing:
            for fid, rec in self.store.files.get(missing, brief=True).items():
                self._paths[fid] = _name_of(rec.path, self.core)
        return [self._paths[f] for f in file_ids if f in self._paths]

    def run(self, system: str, raw: str) -> tuple[list[str], list[bool], float]:
        """(ranked file names, strong flags, milliseconds)."""
        from desktop_app.core.search.query import parse_query

        q = parse_query(raw, limit=K * 2)
        t0 = time.perf_counter()
        if system == "trove":
            res = self.engine.search(q)
            ms = res.elapsed_ms
            names = [_name_of(h.path, self.core) for h in res.hits]
            return names, [h.strong for h in res.hits], ms
        if system == "fulltext":
            best: dict[str, float] = {}
            terms = " ".join(q.terms)
            words = self.store.files.search_words(terms, 200)
            for h in words + self.store.passages.search_words(terms, 200):
                best[h.file_id] = max(best.get(h.file_id, 0.0), h.score)
            ids = sorted(best, key=lambda f: -best[f])[: K * 2]
            names = self._names(ids)
            return names, [True] * len(names), (time.perf_counter() - t0) * 1000
        qv = self.text.encode_texts([q.text or raw])[0]
        seen: dict[str, float] = {}
        for h in self.store.passages.nearest(qv, 200, self.text.pack_id):
            if h.file_id not in seen:
                seen[h.file_id] = h.score
        ids = list(seen)[: K * 2]
        if system == "cutoff-0.25":
            ids = [f for f in ids if seen[f] >= LAP_CUTOFF]
        names = self._names(ids)
        strong = [system == "cutoff-0.25"] * len(names)
        return names, strong, (time.perf_counter() - t0) * 1000


# --- metrics ---------------------------------------------------------------------------


def _dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def score_query(rel: dict[str, int], names: list[str], strong: list[bool]) -> dict[str, Any]:
    gains = [rel.get(n, 0) for n in names[:K]]
    ideal = _dcg(sorted(rel.values(), reverse=True)[:K])
    first = next((i for i, n in enumerate(names) if rel.get(n, 0) > 0), None)
    answers = {n for n, g in rel.items() if g == 2}
    top5 = [(n, s) for n, s in zip(names[:5], strong[:5], strict=True)]
    return {
        "ndcg": _dcg(gains) / ideal if ideal else 0.0,
        "hit5": any(rel.get(n, 0) > 0 for n in names[:5]),
        "rr": 0.0 if first is None else 1.0 / (first + 1),
        "top1": bool(names) and names[0] in answers,
        "strong_relevant": sum(
            1 for n, s in zip(names, strong, strict=True) if s and rel.get(n, 0) > 0
        ),
        "strong_total": sum(strong),
        "answer_in_top5": any(n in answers for n, _ in top5),
        "answer_strong_in_top5": any(n in answers and s for n, s in top5),
        "any_strong": any(strong),
        "any_result": bool(names),
    }


def summarise(rows: list[dict[str, Any]], system: str) -> dict[str, Any]:
    on = [r for r in rows if r["kind"] != "offtopic"]
    off = [r for r in rows if r["kind"] == "offtopic"]
    ident = [r for r in on if r["kind"] == "identifier"]
    in5 = [r for r in on if r["answer_in_top5"]]
    strong_total = sum(r["strong_total"] for r in rows)
    mean = lambda xs: statistics.fmean(xs) if xs else float("nan")  # noqa: E731
    no_match = (
        [not r["any_result"] for r in off]
        if system == "fulltext"
        else [not r["any_strong"] for r in off]
    )
    return {
        "queries": len(on),
        "offtopic": len(off),
        "ndcg10": mean([r["ndcg"] for r in on]),
        "hit5": mean([float(r["hit5"]) for r in on]),
        "mrr": mean([r["rr"] for r in on]),
        "identifier_top1": mean([float(r["top1"]) for r in ident]),
        "strong_precision": (
            sum(r["strong_relevant"] for r in rows) / strong_total if strong_total else float("nan")
        ),
        "offtopic_no_match": mean([float(x) for x in no_match]),
        "strong_when_in_top5": mean([float(r["answer_strong_in_top5"]) for r in in5]),
        "ms_p50": statistics.median([r["ms"] for r in rows]) if rows else float("nan"),
        "by_kind": {
            k: mean([r["ndcg"] for r in on if r["kind"] == k])
            for k in sorted({r["kind"] for r in on})
        },
    }


def in_index(rel: dict[str, int], present: set[str]) -> dict[str, int]:
    """The judged files this index holds: distractors only from its own layers."""
    return {n: g for n, g in rel.items() if not n.startswith("distractor:") or n in present}


def present_distractors(cache: Path, size: str) -> set[str]:
    if not SIZES[size]:
        return set()
    layers = write_distractors(cache / "corpus" / "distractors", LAYERS)
    return {f"distractor:{f.name}" for s in SIZES[size] for f in layers[s].iterdir()}


def evaluate(
    home: Path,
    core: Path,
    labels: list[dict[str, Any]],
    pool: dict[str, set[str]] | None,
    present: set[str] = frozenset(),
) -> dict[str, Any]:
    engine = _open(home)
    try:
        systems = Systems(engine, core)
        per: dict[str, list[dict[str, Any]]] = {s: [] for s in SYSTEMS}
        for q in labels:
            for system in SYSTEMS:
                names, strong, ms = systems.run(system, q["q"])
                row = score_query(in_index(q["rel"], present), names, strong)
                row.update(id=q["id"], kind=q["kind"], split=q["split"], ms=ms, top=names[:5])
                per[system].append(row)
                if pool is not None and q["kind"] != "offtopic":
                    extra = {
                        n for n in names[:K] if n.startswith("distractor:") and n not in q["rel"]
                    }
                    pool.setdefault(q["id"], set()).update(extra)
        return {
            "systems": {
                s: {
                    split: summarise([r for r in rows if split == "all" or r["split"] == split], s)
                    for split in ("tuning", "held-out", "all")
                }
                for s, rows in per.items()
            },
            "rows": per,
            "count": engine.status().passages,
        }
    finally:
        engine.close()


def _fmt(x: float, pct: bool = True) -> str:
    if x != x:  # nan
        return "–"
    return f"{100 * x:.0f} %" if pct else f"{x:.3f}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--sizes", default="1k,10k,100k")
    ap.add_argument("--cache", default=str(Path.home() / ".cache" / "trove-bench-quality"))
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--pool", help="write the distractors to judge (pooling) to this JSON file")
    args = ap.parse_args()
    cache = Path(args.cache).expanduser()
    labels = load_labels()
    pool: dict[str, set[str]] | None = {} if args.pool else None
    results: dict[str, Any] = {}
    for size in args.sizes.split(","):
        home, info = build_index(cache, size, args.rebuild)
        res = evaluate(
            home, cache / "corpus" / "core", labels, pool, present_distractors(cache, size)
        )
        res["index"] = info
        results[size] = res
        print(f"{size}: {res['count']} passages", flush=True)
    if args.pool and pool is not None:
        by_id = {q["id"]: q for q in labels}
        Path(args.pool).write_text(
            json.dumps(
                {i: {"q": by_id[i]["q"], "candidates": sorted(c)} for i, c in pool.items() if c},
                indent=1,
            )
        )
    machine = cpu_facts()
    md = [
        "# Search quality on real documents",
        "",
        f"Machine: {machine['cpu']}, {machine['cores']} cores; AVX2 {machine['avx2']}, "
        f"AVX-512 VNNI {machine['avx512_vnni']}, AMX {machine['amx']}. Labels: "
        f"{sum(q['kind'] != 'offtopic' for q in labels)} queries with answers and "
        f"{sum(q['kind'] == 'offtopic' for q in labels)} off-topic ones; a third held out.",
        "",
    ]
    for size, res in results.items():
        md += [
            f"## {size} ({res['count']:,} passages)",
            "",
            "| split | system | nDCG@10 | hit@5 | MRR | identifier top-1 | strong precision | "
            "off-topic: no confident match | answer in top 5 marked strong | p50 ms |",
            "|---|---|---|---|---|---|---|---|---|---|",
        ]
        for split in ("tuning", "held-out"):
            for system in SYSTEMS:
                s = res["systems"][system][split]
                md.append(
                    f"| {split} | {system} | {_fmt(s['ndcg10'], False)} | {_fmt(s['hit5'])} | "
                    f"{_fmt(s['mrr'], False)} | {_fmt(s['identifier_top1'])} | "
                    f"{_fmt(s['strong_precision'])} | {_fmt(s['offtopic_no_match'])} | "
                    f"{_fmt(s['strong_when_in_top5'])} | {s['ms_p50']:.0f} |"
                )
        kinds = res["systems"]["trove"]["all"]["by_kind"]
        md += [
            "",
            "nDCG@10 by kind (both splits): "
            + ", ".join(f"{k} {_fmt(v, False)}" for k, v in kinds.items()),
            "",
        ]
    write_report(
        Path(args.out),
        "quality",
        {"machine": machine, "versions": versions(), "results": results},
        "\n".join(md),
    )
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
