"""Freshness: time from a file written into a watched folder to it being searchable.

    .venv/bin/python tests/benchmarks/bench_freshness.py [--files 20] [--out reports]

Starts `trove watch` in its own process on a temporary TROVE_HOME (with the user's MiniLM pack
copied in when one is installed), writes files one at a time and polls a read-only store until
each one is indexed. Reports p50/p95 over the files.
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

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.store.index_store import IndexStore
from desktop_app.paths import Paths
from tests.benchmarks.common import cpu_facts, machine_line, versions, write_report


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=20)
    ap.add_argument("--out", default="reports")
    args = ap.parse_args()
    user_packs = Paths.from_env().packs_dir
    with tempfile.TemporaryDirectory() as tmp:
        home, root = Path(tmp) / "home", Path(tmp) / "watched"
        root.mkdir()
        (home / "data" / "packs").mkdir(parents=True)
        if (user_packs / "minilm-l6").is_dir():
            shutil.copytree(user_packs / "minilm-l6", home / "data" / "packs" / "minilm-l6")
        env = dict(os.environ, TROVE_HOME=str(home))
        subprocess.run(
            [sys.executable, "-m", "desktop_app", "index", str(root)],
            env=env,
            check=True,
            capture_output=True,
        )
        watch = subprocess.Popen(
            [sys.executable, "-m", "desktop_app", "watch"],
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert watch.stderr is not None
        while "Watching for changes" not in watch.stderr.readline():
            pass
        store = IndexStore(home / "data" / "index", read_only=True)
        store.open()
        lat = []
        try:
            for i in range(args.files):
                path = root / f"note{i}.txt"
                t0 = time.perf_counter()
                path.write_text(
                    f"Freshly written note number {i} about the harbour and its boats.\n"
                )
                while not store.files.known(paths=[str(path)]):
                    time.sleep(0.02)
                lat.append(time.perf_counter() - t0)
                time.sleep(0.2)
        finally:
            watch.terminate()
            watch.wait(timeout=30)
            store.close()
    lat.sort()
    res = {
        "p50_s": lat[len(lat) // 2],
        "p95_s": lat[int(len(lat) * 0.95) - 1],
        "files": len(lat),
        "machine": cpu_facts(),
        "versions": versions(),
    }
    md = f"# Freshness\n\n{machine_line(res['machine'])}.\n\nFile written → searchable: p50 {res['p50_s']:.2f} s, p95 {res['p95_s']:.2f} s over {len(lat)} files.\n"
    write_report(Path(args.out), "freshness", res, md)
    print(md)
    print(json.dumps({k: res[k] for k in ("p50_s", "p95_s", "files")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
