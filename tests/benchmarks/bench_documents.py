"""Documents: the MiniLM pack on real passages, sentence-transformers beside it, and `trove index`.

    .venv/bin/python tests/benchmarks/bench_documents.py [--pages 120] [--rounds 3] [--out reports]

Real documents nobody here wrote: manual pages rendered by man-db (tests/benchmarks/common.py
MAN_PAGES, then more of the machine's pages up to --pages), written as text files. Trove's own
chunker cuts them into passages (~550 characters, ~200 tokens). In one run, rounds interleaved,
each contender in its own process:
  - the int8 MiniLM pack alone on those passages, in slices and length-sorted batches as
    `trove index` encodes them (indexing/passes/meaning.py);
  - sentence-transformers (torch fp32), what a user would otherwise run, on the same passages;
  - `trove index` on the folder (OCR off; documents only): passages/s end to end, the share of
    the encoder's own rate it reaches, and peak RSS.
Every figure is a median over rounds; ratios are taken per round. The report names the CPU's
AVX2 / AVX-512 VNNI / AMX.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import (
    MAN_PAGES,
    PASSAGES_INT8,
    PASSAGES_SENTENCE_TRANSFORMERS,
    ROOT,
    cpu_facts,
    man_page_texts,
    median,
    run_child,
    versions,
    write_report,
)

# Where `trove index`'s time goes, from its own progress: opening the engine (imports, the
# index), the first stage (walk, read, chunk, write words), the second (encode passages,
# write vectors), and the upkeep after it (compaction, full-text and vector indexes).
BREAKDOWN = r"""
import json, sys, time
t0 = time.perf_counter()
from desktop_app.commands.engine_cmds import open_engine
from desktop_app.core.types import Stage
engine, _, _ = open_engine(read_only=False, roots=[sys.argv[1]])
t_open = time.perf_counter()
marks = {}
def progress(p):
    now = time.perf_counter()
    key = "meaning" if p.stage == Stage.MEANING else "files"
    marks.setdefault(key + "_first", now)
    marks[key + "_last"] = now
engine.index([sys.argv[1]], progress=progress)
t_end = time.perf_counter()
engine.close()
files_end = marks.get("files_last", t_open)
meaning_end = marks.get("meaning_last", files_end)
print(json.dumps({
    "open_s": t_open - t0,
    "words_stage_s": files_end - t_open,
    "meaning_stage_s": meaning_end - files_end,
    "upkeep_s": t_end - meaning_end,
    "total_s": t_end - t0,
}))
"""


def write_pages(folder: Path, pages: int) -> None:
    extra = tuple(sorted({f.name.split(".")[0] for f in Path("/usr/share/man/man1").iterdir()}))
    names = list(dict.fromkeys(MAN_PAGES + extra))
    texts: dict[str, str] = {}
    for start in range(0, len(names), 20):
        texts.update(man_page_texts(tuple(names[start : start + 20])))
        if len(texts) >= pages:
            break
    folder.mkdir(parents=True)
    for name in list(texts)[:pages]:
        (folder / f"{name}.txt").write_text(texts[name], encoding="utf-8")


def run_index(home: Path, folder: Path) -> dict[str, Any]:
    import psutil

    env = dict(os.environ, TROVE_HOME=str(home), PYTHONPATH=str(ROOT))
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "desktop_app", "index", str(folder), "--json"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=str(ROOT),
    )
    peak = 0
    ps = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            peak = max(peak, ps.memory_info().rss)
        except psutil.Error:
            break
        time.sleep(0.05)
    wall = time.perf_counter() - t0
    out = json.loads(proc.stdout.read()) if proc.stdout else {}
    return {"summary": out, "wall_s": wall, "peak_rss_mb": peak / 1e6}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-breakdown", action="store_true", help="skip the per-stage run")
    args = ap.parse_args()

    from desktop_app.core.extract.chunking import chunk_pages
    from desktop_app.core.extract.documents import extract_document
    from models.export import build_pack, resolve_source

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        docs = work / "docs"
        write_pages(docs, args.pages)
        passages = [
            c.text
            for f in sorted(docs.iterdir())
            for c in chunk_pages(extract_document(str(f)).pages)
        ]
        (work / "passages.json").write_text(json.dumps(passages))
        name, src, label = resolve_source("minilm-l6", None)
        packs = work / "packs"
        build_pack(name, src, packs, source_label=label)
        rounds: list[dict[str, Any]] = []
        for i in range(args.rounds):
            home = work / f"home{i}"
            shutil.copytree(packs, home / "data" / "packs")
            (home / "config").mkdir(parents=True)
            (home / "config" / "settings.json").write_text('{"schema_version": 1, "ocr": false}')
            r = {
                "int8": run_child(PASSAGES_INT8, str(packs), str(work / "passages.json")),
                "torch": run_child(
                    PASSAGES_SENTENCE_TRANSFORMERS, str(src), str(work / "passages.json")
                ),
                "index": run_index(home, docs),
            }
            r["index"]["passages_per_s"] = len(passages) / r["index"]["wall_s"]
            rounds.append(r)
            print(
                json.dumps(
                    {
                        k: (
                            v
                            if k != "index"
                            else {x: v[x] for x in ("wall_s", "peak_rss_mb", "passages_per_s")}
                        )
                        for k, v in r.items()
                    }
                ),
                flush=True,
            )
        breakdown = None
        if not args.no_breakdown:
            home = work / "home-breakdown"
            shutil.copytree(packs, home / "data" / "packs")
            (home / "config").mkdir(parents=True)
            (home / "config" / "settings.json").write_text('{"schema_version": 1, "ocr": false}')
            os.environ["TROVE_HOME"] = str(home)
            breakdown = run_child(BREAKDOWN, str(docs))
            print(json.dumps({"breakdown": breakdown}), flush=True)
    n = len(passages)
    tokens = rounds[0]["int8"]["tokens"]
    res = {
        "machine": cpu_facts(),
        "versions": versions(("onnxruntime", "torch", "sentence-transformers", "lancedb")),
        "pages": args.pages,
        "passages": n,
        "mean_chars": sum(map(len, passages)) / n,
        "mean_tokens": tokens / n,
        "rounds": rounds,
        "breakdown": breakdown,
        "summary": {
            "int8_passages_per_s": median([r["int8"]["passages_per_s"] for r in rounds]),
            "int8_tokens_per_s": median([r["int8"]["tokens_per_s"] for r in rounds]),
            "torch_passages_per_s": median([r["torch"]["passages_per_s"] for r in rounds]),
            "ratio_vs_torch": median(
                [r["int8"]["passages_per_s"] / r["torch"]["passages_per_s"] for r in rounds]
            ),
            "index_passages_per_s": median([r["index"]["passages_per_s"] for r in rounds]),
            "index_share_of_encoder": median(
                [r["index"]["passages_per_s"] / r["int8"]["passages_per_s"] for r in rounds]
            ),
            "peak_rss_mb": max(r["index"]["peak_rss_mb"] for r in rounds),
        },
    }
    s, m = res["summary"], res["machine"]
    md = [
        "# Documents: encoder on real passages, and trove index",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores; AVX2 {m['avx2']}, AVX-512 VNNI "
        f"{m['avx512_vnni']}, AMX {m['amx']}. {args.pages} manual pages → {n:,} passages "
        f"(Trove's chunker; {res['mean_chars']:.0f} characters, {res['mean_tokens']:.0f} "
        f"tokens on average); {args.rounds} interleaved rounds, medians; 2 threads.",
        "",
        "| what | figure |",
        "|---|---|",
        f"| MiniLM int8 pack alone | {s['int8_passages_per_s']:.1f} passages/s "
        f"({s['int8_tokens_per_s']:,.0f} tokens/s) |",
        f"| sentence-transformers fp32 (torch) | {s['torch_passages_per_s']:.1f} passages/s |",
        f"| int8 / sentence-transformers | {s['ratio_vs_torch']:.2f}× |",
        f"| `trove index` end to end | {s['index_passages_per_s']:.1f} passages/s "
        f"({100 * s['index_share_of_encoder']:.0f} % of the encoder alone) |",
        f"| peak RSS while indexing | {s['peak_rss_mb']:.0f} MB |",
        "",
    ]
    if breakdown:
        md += [
            "Where one `trove index` run's time goes: "
            + ", ".join(
                f"{k.removesuffix('_s').replace('_', ' ')} {v:.1f} s" for k, v in breakdown.items()
            )
            + ".",
            "",
        ]
    write_report(Path(args.out), "documents", res, "\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
