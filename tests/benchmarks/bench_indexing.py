"""Photo indexing end to end vs the torch pipeline people run instead (full decode + fp32 eager).

    .venv/bin/python tests/benchmarks/bench_indexing.py [--photos 200] [--repeats 5] [--out reports]

Generates 12-megapixel JPEGs with EXIF (200 by default: a folder's worth, so the ~0.5 s of
start-up -- walking, loading the image tower, the final compaction -- weighs as it would for a
user; a run of a few dozen photos mostly measures that start-up), builds an int8 pack with ViT-B/32's architecture and
RANDOM weights (speed only; quality is never claimed from it), then in one run, repeated in
interleaved rounds (the machine is shared; each round's share pairs figures taken seconds apart,
and the report gives the median and the spread):
  - `trove index` on the folder (photos only; the first pass, with the later OCR pass switched
    off): images/s, peak RSS, index size per photo;
  - the baseline: every photo decoded at full size, EXIF-rotated, preprocessed, and encoded by
    torch fp32 eager in batches of 8 with the same thread count;
  - per-image decode (draft mode) and int8 encode times on ONE core, the physical bound
    cores / (decode + encode) they imply, and the share of it the pipeline reaches.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import ROOT, cpu_facts, median, run_child, versions, write_report

BASELINE = r"""
import json, sys, time, glob, torch
from PIL import Image, ImageOps
from transformers import CLIPVisionModelWithProjection
from desktop_app.core.embed.preprocess import preprocess_image
torch.set_num_threads(int(sys.argv[3]))
pre = json.loads(sys.argv[2])
m = CLIPVisionModelWithProjection.from_pretrained(sys.argv[1]).eval()
files = sorted(glob.glob(sys.argv[4] + "/*.jpg"))
t0 = time.perf_counter()
batch = []
with torch.no_grad():
    for f in files:
        im = ImageOps.exif_transpose(Image.open(f)).convert("RGB")  # full-size decode
        batch.append(torch.from_numpy(preprocess_image(im, pre)))
        if len(batch) == 8:
            m(pixel_values=torch.stack(batch)); batch = []
    if batch:
        m(pixel_values=torch.stack(batch))
print(json.dumps({"images_per_s": len(files) / (time.perf_counter() - t0)}))
"""

ONE_CORE = r"""
import json, sys, time, glob
import numpy as np
from pathlib import Path
from desktop_app.core.packs import PackManager
enc = PackManager([Path(sys.argv[1])], threads=1).image_encoder()
files = sorted(glob.glob(sys.argv[2] + "/*.jpg"))
t0 = time.perf_counter(); px = [enc.load_pixels(f) for f in files]; decode = (time.perf_counter() - t0) / len(files)
b = np.stack(px[:8]); enc.encode_pixels(b)
t0 = time.perf_counter(); n = 0
while time.perf_counter() - t0 < 4:
    enc.encode_pixels(b); n += 8
encode = (time.perf_counter() - t0) / n
print(json.dumps({"decode_s": decode, "encode_s": encode}))
"""


def make_photos(folder: Path, n: int) -> None:
    from tests.fixtures import make_photo

    for i in range(n):
        make_photo(
            folder / f"photo{i:03d}.jpg",
            seed=i,
            size=(4000, 3000),
            orientation=6 if i % 4 == 0 else None,
            taken="2024:05:01 10:00:00",
            camera=("Canon", "Canon EOS R6"),
            quality=90,
        )


def run_index(home: Path, folder: Path) -> dict[str, Any]:
    import psutil

    env = dict(os.environ, TROVE_HOME=str(home))
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
    size = sum(f.stat().st_size for f in (home / "data" / "index").rglob("*") if f.is_file())
    return {"summary": out, "wall_s": wall, "peak_rss_mb": peak / 1e6, "index_bytes": size}


def fresh_home(work: Path, packs: Path, n: int) -> Path:
    """An empty TROVE_HOME with the int8 pack installed and OCR (a later pass of its own) off."""
    import shutil

    home = work / f"home{n}"
    (home / "data" / "packs").mkdir(parents=True)
    shutil.copytree(packs / "vitb32-int8", home / "data" / "packs" / "vitb32-int8")
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text('{"schema_version": 1, "ocr": false}')
    return home


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=200)
    ap.add_argument(
        "--repeats",
        type=int,
        default=5,
        help="interleaved rounds of (trove index, one-core times); medians are reported",
    )
    ap.add_argument("--out", default="reports")
    args = ap.parse_args()
    cores = os.cpu_count() or 1
    rounds: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        from tests.benchmarks.bench_encoders import build

        src, packs, _ = build(work)
        photos = work / "photos"
        make_photos(photos, args.photos)
        pre = json.loads((packs / "vitb32-int8" / "manifest.json").read_text())["preprocessing"]
        base = None
        for n in range(args.repeats):
            # Each round pairs a run of the pipeline with the one-core times taken right after it,
            # so a round's share compares figures from the same few seconds of a shared machine.
            home = fresh_home(work, packs, n)
            trove = run_index(home, photos)
            one = run_child(ONE_CORE, str(home / "data" / "packs"), str(photos), threads=1)
            elapsed = trove["summary"].get("elapsed_s") or trove["wall_s"]
            bound = cores / (one["decode_s"] + one["encode_s"])
            rounds.append(
                {
                    "images_per_s": args.photos / elapsed,
                    "wall_s_with_startup": trove["wall_s"],
                    "decode_ms_one_core": one["decode_s"] * 1000,
                    "encode_ms_one_core": one["encode_s"] * 1000,
                    "physical_bound_images_per_s": bound,
                    "share_of_bound": args.photos / elapsed / bound,
                    "peak_rss_mb": trove["peak_rss_mb"],
                    "index_bytes_per_photo": trove["index_bytes"] / args.photos,
                }
            )
            if base is None:  # the slow baseline once, between the first and second round
                base = run_child(
                    BASELINE, str(src), json.dumps(pre), str(cores), str(photos), threads=cores
                )
    assert base is not None

    def med(key: str) -> float:
        return median([r[key] for r in rounds])

    def spread(key: str, scale: float = 1.0, fmt: str = ".1f") -> str:
        xs = [r[key] * scale for r in rounds]
        return f"{min(xs):{fmt}}–{max(xs):{fmt}}" if len(xs) > 1 else "one round"

    rate = med("images_per_s")
    res = {
        "machine": cpu_facts(),
        "versions": versions(),
        "photos": args.photos,
        "repeats": args.repeats,
        "rounds": rounds,
        "trove_images_per_s": rate,
        "trove_wall_s_with_startup": med("wall_s_with_startup"),
        "baseline_images_per_s": base["images_per_s"],
        "ratio": rate / base["images_per_s"],
        "decode_ms_one_core": med("decode_ms_one_core"),
        "encode_ms_one_core": med("encode_ms_one_core"),
        "physical_bound_images_per_s": med("physical_bound_images_per_s"),
        "share_of_bound": med("share_of_bound"),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in rounds),
        "index_bytes_per_photo": med("index_bytes_per_photo"),
    }
    md = "\n".join(
        [
            "# Photo indexing (12 MP JPEGs, ViT-B/32 shape with random weights)",
            "",
            f"Medians of {args.repeats} interleaved rounds (spread: lowest–highest round).",
            "",
            "| figure | value | spread |",
            "|---|---|---|",
            f"| trove index | {rate:.1f} images/s | {spread('images_per_s')} |",
            f"| baseline: full decode + torch fp32 eager, batch 8 | {base['images_per_s']:.1f} images/s | one run |",
            f"| ratio | {res['ratio']:.1f}× | |",
            f"| decode (draft) / int8 encode, one core | {res['decode_ms_one_core']:.1f} ms / "
            f"{res['encode_ms_one_core']:.1f} ms | {spread('decode_ms_one_core')} / {spread('encode_ms_one_core')} |",
            f"| physical bound, {cores} cores | {res['physical_bound_images_per_s']:.1f} images/s | "
            f"{spread('physical_bound_images_per_s')} |",
            f"| share of the bound reached (per round, then median) | {res['share_of_bound'] * 100:.0f} % | "
            f"{spread('share_of_bound', 100, '.0f')} % |",
            f"| peak RSS while indexing | {res['peak_rss_mb']:.0f} MB | highest round |",
            f"| index size per photo | {res['index_bytes_per_photo'] / 1024:.1f} KB | |",
            "",
        ]
    )
    write_report(Path(args.out), "indexing", res, md)
    print(md)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
