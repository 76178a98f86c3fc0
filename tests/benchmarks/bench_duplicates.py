"""Near-duplicate grouping time on synthetic photos inserted through the store.

    .venv/bin/python tests/benchmarks/bench_duplicates.py [--photos 20000] [--dim 512]

Clustered 512-d vectors (photos of the same few hundred scenes, so many pairs pass the cosine
threshold and the hashes have to settle them) plus planted copies (a resized/recompressed copy:
the vector nudged, 0-6 hash bits flipped) are written as files rows and image vectors through
IndexStore. Then timed as `trove duplicates` runs it: reading the photo rows and the vector
matrix from the store, and grouping (blocked similarity + hash check + union-find); and the
hash-only fallback (no image pack) on the same rows.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.extract.dhash import to_signed
from desktop_app.core.search.duplicates import find_duplicates
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import FileRecord, Kind, MatchReason, Origin, Source
from tests.benchmarks.common import machine_line


def build(store: IndexStore, n: int, dim: int, copies: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((max(2, n // 50), dim))
    v = centres[rng.integers(0, len(centres), n)] + 0.6 * rng.standard_normal((n, dim))
    hashes = rng.integers(-(1 << 63), (1 << 63) - 1, n, dtype=np.int64)
    src = rng.choice(n - copies, copies, replace=False)
    for k, i in enumerate(src):  # the last `copies` photos are copies of earlier ones
        j = n - copies + k
        v[j] = v[i] + 0.05 * rng.standard_normal(dim)
        flips = rng.choice(64, int(rng.integers(0, 7)), replace=False)
        hashes[j] = np.int64(
            to_signed(int(hashes[i].view(np.uint64)) ^ sum(1 << int(b) for b in flips))
        )
    v = (v / np.linalg.norm(v, axis=1, keepdims=True)).astype(np.float32)
    recs = [
        FileRecord(
            f"id{i:07d}",
            f"/photos/{i // 1000:03d}/IMG_{i:07d}.jpg",
            "/photos",
            f"IMG_{i:07d}.jpg",
            Kind.PHOTO,
            "jpg",
            2_000_000 + i,
            1.6e9 + i,
            f"c{i}",
            width=4000,
            height=3000,
            dhash=int(hashes[i]),
        )
        for i in range(n)
    ]
    for start in range(0, n, 5000):
        store.files.upsert(recs[start : start + 5000], new=True)
        store.images.write(
            [r.file_id for r in recs[start : start + 5000]], v[start : start + 5000], "pack"
        )
    store.maintain()


def main() -> int:
    print(machine_line())
    ap = argparse.ArgumentParser()
    ap.add_argument("--photos", type=int, default=20_000)
    ap.add_argument("--dim", type=int, default=512)
    ap.add_argument("--copies", type=int, default=500)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        store = IndexStore(Path(d) / "index")
        store.open()
        t0 = time.perf_counter()
        build(store, args.photos, args.dim, args.copies)
        print(f"built {args.photos} photos in {time.perf_counter() - t0:.1f} s")
        for run in range(2):
            t0 = time.perf_counter()
            records = store.files.photos()
            t1 = time.perf_counter()
            vectors = store.images.matrix("pack")
            t2 = time.perf_counter()
            report = find_duplicates(records, vectors)
            t3 = time.perf_counter()
            print(
                f"run {run + 1}: rows {1000 * (t1 - t0):.0f} ms, vectors {1000 * (t2 - t1):.0f} ms, "
                f"grouping {1000 * (t3 - t2):.0f} ms, total {1000 * (t3 - t0):.0f} ms: "
                f"{len(report.groups)} groups, {sum(len(g.files) for g in report.groups)} photos"
            )
        t0 = time.perf_counter()
        report = find_duplicates(records, None)
        print(
            f"hash only: grouping {1000 * (time.perf_counter() - t0):.0f} ms: "
            f"{len(report.groups)} groups"
        )
        # folding copies in a page of 200 search results (photos incl. planted copies)
        from desktop_app.core.search.duplicates import fold_duplicates
        from desktop_app.core.types import Hit

        class _Pack:
            pack_id = "pack"

        picks = [r for r in records if r.file_id >= f"id{args.photos - 100:07d}"][:100]
        picks += records[:100]
        hits = [
            Hit(
                r.path,
                Kind.PHOTO,
                1.0,
                MatchReason(Origin.IMAGE, Source.MEANING),
                file_id=r.file_id,
            )
            for r in picks
        ]
        for label in ("first", "warm"):
            t0 = time.perf_counter()
            folded = fold_duplicates(hits, store, _Pack())
            print(
                f"fold 200 hits ({label}): {1000 * (time.perf_counter() - t0):.1f} ms, "
                f"{len(folded)} left, {sum(len(h.stack) for h in folded)} stacked"
            )
        store.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
