"""What a shared library costs on this machine, for the README's scale design (run by hand):

1. building its indexes with lance-ray (distributed over 2 Ray workers, then merged): IVF_PQ
   on N clustered 512-d vectors and the full-text index on N files rows' words, at two sizes,
   so the growth per million rows can be extrapolated;
2. `trove cluster index` end to end on a local Ray (2 CPUs) over photo-like JPEGs with the
   tiny image pack: the pipeline's own cost per file (Ray Data, copying, writing), to add to
   the towers' measured cost per photo (MEASURED.md).

    .venv/bin/python tests/benchmarks/bench_cluster.py --sizes 100000,200000 --photos 300
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import machine_line


def clustered(n: int, dim: int = 512, centres: int = 1000, seed: int = 0):  # type: ignore[no-untyped-def]
    import numpy as np

    rng = np.random.default_rng(seed)
    c = rng.normal(size=(centres, dim)).astype(np.float32)
    v = c[rng.integers(0, centres, n)] + 0.3 * rng.normal(size=(n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def bench_indexes(sizes: list[int], root: Path) -> list[tuple[int, float, float]]:
    import lance
    import pyarrow as pa

    from desktop_app.cluster import indexes
    from desktop_app.core.store import schema

    words = "holiday beach lisbon camera canon report invoice river mountain night".split()
    out = []
    for n in sizes:
        vecs = clustered(n)
        uri = f"file://{root}/lib{n}"
        images = pa.table(
            {
                "file_id": [f"{i:032x}" for i in range(n)],
                "pack_id": ["bench"] * n,
                "vector": pa.FixedSizeListArray.from_arrays(pa.array(vecs.reshape(-1)), 512),
            },
            schema=schema.images_schema(512),
        )
        lance.write_dataset(images, f"{uri}/images_512.lance")
        t0 = time.perf_counter()
        indexes.build_indexes(uri)  # the vector index (IVF_PQ from 65,536 rows), merged
        vec_s = time.perf_counter() - t0
        shutil.rmtree(f"{root}/lib{n}/images_512.lance")
        text = [" ".join(words[(i * k) % len(words)] for k in range(1, 6)) for i in range(n)]
        files = pa.table({"file_id": [f"{i:032x}" for i in range(n)], "search_text": text})
        lance.write_dataset(files, f"{uri}/files.lance")
        t0 = time.perf_counter()
        indexes.build_indexes(uri)  # the full-text index of the files rows, merged
        fts_s = time.perf_counter() - t0
        out.append((n, vec_s, fts_s))
        print(f"  {n:>9,} rows: IVF_PQ {vec_s:6.1f} s, full text {fts_s:6.1f} s", flush=True)
    return out


def bench_pipeline(photos: int, root: Path) -> float:
    from desktop_app.cluster.job import JobOptions, run
    from models.export import build_pack
    from tests.conftest import _tiny_clip_dir
    from tests.fixtures import make_photo

    packs = root / "packs"
    packs.mkdir()
    build_pack("tiny-clip", _tiny_clip_dir(root / "tiny-src"), packs)
    src = root / "photos"
    for i in range(photos):
        make_photo(src / f"p{i:05d}.jpg", seed=i, size=(1024, 768))
    opts = JobOptions(
        source=str(src), to=str(root / "lib"), packs_dirs=(packs,), build_indexes=False
    )
    t0 = time.perf_counter()
    summary = run(opts)
    elapsed = time.perf_counter() - t0
    assert summary.written == photos, summary
    return elapsed


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="100000,200000")
    ap.add_argument("--photos", type=int, default=300)
    args = ap.parse_args()
    print(machine_line())
    os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")  # loopback only
    import ray

    root = Path(tempfile.mkdtemp(prefix="trove-bench-cluster-"))
    try:
        ray.init(num_cpus=2, log_to_driver=False, include_dashboard=False)
        print("index builds (2 Ray workers, segments merged):")
        rows = bench_indexes([int(s) for s in args.sizes.split(",")], root)
        (n0, v0, f0), (n1, v1, f1) = rows[0], rows[-1]
        if n1 > n0:
            per_m_v = (v1 - v0) / (n1 - n0) * 1e6
            per_m_f = (f1 - f0) / (n1 - n0) * 1e6
            print(
                f"  growth per million rows (extrapolated): IVF_PQ {per_m_v:.0f} s, "
                f"full text {per_m_f:.0f} s"
            )
        elapsed = bench_pipeline(args.photos, root)
        print(
            f"pipeline, {args.photos} 1024x768 JPEGs, tiny image pack, local Ray on 2 CPUs: "
            f"{elapsed:.1f} s, {elapsed / args.photos * 1000:.0f} ms per file "
            f"({args.photos / elapsed:.1f} files/s)"
        )
    finally:
        ray.shutdown()
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
