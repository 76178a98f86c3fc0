"""The engine host's lanes: how long a job's answer takes to come back to the GUI thread.

    .venv/bin/python tests/benchmarks/bench_lanes.py [--against OTHER_CHECKOUT] [--rounds 5]

With an engine that answers at once, so what is timed is the lanes themselves: a small task's
round trip (run_task -> on_done on the GUI thread), a search's (request_search ->
results_ready), and a burst of 30 searches typed faster than they run until the newest one's
answer. ``--against`` times another checkout (e.g. ``git archive main``) in the same run,
alternating processes, and prints the ratios (this checkout / the other).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import machine_line

CHILD = r"""
import json, time, statistics
from pathlib import Path
from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication
import desktop_app
from desktop_app.core.engine import EngineConfig
from desktop_app.core.types import Query, SearchResult
from desktop_app.workers.engine_host import EngineHost

class Instant:
    def search(self, query, generation=0, **_kw):
        return SearchResult(query, (), 0.0, generation)
    def close(self):
        pass

app = QApplication([])
host = EngineHost(EngineConfig(Path("/nonexistent"), ()))
host.engine = Instant()
host.ready = True
getattr(host, "start_lanes", lambda: None)()
loop = QEventLoop()
answers = []
host.results_ready.connect(lambda r: (answers.append(r.generation), loop.quit()))

def task_round_trip():
    t0 = time.perf_counter()
    host.run_task(lambda: None, lambda _v: loop.quit())
    loop.exec()
    return time.perf_counter() - t0

def search_round_trip():
    t0 = time.perf_counter()
    host.request_search(Query(text="x"))
    loop.exec()
    return time.perf_counter() - t0

def burst():
    answers.clear()
    t0 = time.perf_counter()
    for _ in range(30):
        last = host.request_search(Query(text="x"))
    while not answers or answers[-1] != last:
        loop.exec()
    return time.perf_counter() - t0

for f in (task_round_trip, search_round_trip, burst):  # warm: threads started
    f()
out = {
    "code": str(Path(desktop_app.__file__).parents[1]),
    "task_us": statistics.median(task_round_trip() for _ in range(2000)) * 1e6,
    "search_us": statistics.median(search_round_trip() for _ in range(2000)) * 1e6,
    "burst_us": statistics.median(burst() for _ in range(200)) * 1e6,
}
host.shutdown()
print(json.dumps(out))
"""

KEYS = ("task_us", "search_us", "burst_us")


def run(code: Path) -> dict[str, float]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(code))
    out = subprocess.run(
        [sys.executable, "-c", CHILD],
        env=env,
        cwd=code,  # ``-c`` puts the working folder first on sys.path
        capture_output=True,
        text=True,
        check=True,
    )
    row: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    if Path(str(row.pop("code"))).resolve() != code.resolve():
        raise SystemExit(f"the child imported another checkout than {code}")
    return row


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--against", type=Path, help="another checkout to time in the same run")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    here = Path(__file__).resolve().parents[2]
    codes = [here] + ([args.against] if args.against else [])
    rows: dict[Path, list[dict[str, float]]] = {c: [] for c in codes}
    for _ in range(args.rounds):  # alternating: a busy spell of the machine hits both
        for code in codes:
            rows[code].append(run(code))
    print(machine_line())
    med = {c: {k: statistics.median(r[k] for r in rows[c]) for k in KEYS} for c in codes}
    for code in codes:
        print(code, json.dumps({k: round(v, 1) for k, v in med[code].items()}))
    if args.against:
        ratios = {k: round(med[here][k] / med[args.against][k], 2) for k in KEYS}
        print("ratio (this checkout / the other):", json.dumps(ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
