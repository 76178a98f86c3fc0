"""Browsing without words: how long the window waits for the newest 300 files at 10k / 100k
indexed files, with no filter and with each kind of filter (type, folder, place, date).

    .venv/bin/python tests/benchmarks/bench_browse.py [--out reports] [--sizes 10000 100000]

Rows written through IndexStore (a realistic mix: 70 % photos with dates taken, 30 %
documents with text previews, in a few hundred folders); each measure is the median of runs
through core.search.browse.recent, as the engine's ``recent`` runs it on the search lane.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop_app.core.search.browse import recent
from desktop_app.core.search.query import parse_query
from desktop_app.core.store.index_store import IndexStore
from desktop_app.core.types import FileRecord, Kind
from tests.benchmarks.common import cpu_facts, median, versions, write_report

QUERIES = {
    "no filter": "",
    "type:photo": "type:photo",
    "type:pdf": "type:pdf",
    "in:folder": "in:folder-7",
    "place:lisbon": "place:lisbon",
    "after:2023-06": "after:2023-06",
}


def fill(store: IndexStore, n: int) -> None:
    start = time.mktime((2020, 1, 1, 0, 0, 0, 0, 0, -1))
    rows = []
    for i in range(n):
        photo = i % 10 < 7
        folder = f"/lib/folder-{i % 300}"
        name = f"file-{i}.{'jpg' if photo else ('pdf' if i % 3 else 'md')}"
        when = start + (i * 7919 % n) * (4 * 365 * 86400 / n)
        rows.append(
            FileRecord(
                f"id{i}",
                f"{folder}/{name}",
                "/lib",
                name,
                Kind.PHOTO if photo else Kind.DOCUMENT,
                name.rsplit(".", 1)[1],
                100_000,
                when,
                f"h{i}",
                taken_at=when - 3600 if photo else None,
                place="Lisbon, Lisbon, Portugal" if photo and i % 50 == 0 else "",
                text_preview="" if photo else "Lorem ipsum dolor sit amet " * 10,
                width=4000 if photo else 0,
                height=3000 if photo else 0,
            )
        )
        if len(rows) == 5000:
            store.files.upsert(rows, new=True)
            rows = []
    if rows:
        store.files.upsert(rows, new=True)
    store.maintain()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=Path("reports"))
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--runs", type=int, default=9)
    args = ap.parse_args()
    results: dict[str, dict[str, float]] = {}
    for n in args.sizes:
        with tempfile.TemporaryDirectory(prefix="trove-browse-") as tmp:
            store = IndexStore(Path(tmp) / "index")
            store.open()
            fill(store, n)
            results[str(n)] = {}
            for label, text in QUERIES.items():
                q = parse_query(text)
                recent(store.files, q, 300)  # warm: the first read opens the table's files
                ms = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    got = recent(store.files, q, 300)
                    ms.append((time.perf_counter() - t0) * 1000)
                results[str(n)][label] = round(median(ms), 1)
                print(f"{n:>7} files  {label:14s} {median(ms):7.1f} ms  ({got.total} match)")
            store.close()
    lines = [
        "# Browse (the newest 300 files, no words)",
        "",
        "| files | " + " | ".join(QUERIES) + " |",
    ]
    lines.append("|" + "---|" * (len(QUERIES) + 1))
    for n, row in results.items():
        lines.append(f"| {int(n):,} | " + " | ".join(f"{row[k]} ms" for k in QUERIES) + " |")
    write_report(
        args.out,
        "browse",
        {"cpu": cpu_facts(), "versions": versions(), "median_ms": results},
        "\n".join(lines) + "\n",
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
