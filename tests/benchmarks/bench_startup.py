"""Start-up and memory of the desktop app: process start -> window shown and accepting input.

    .venv/bin/python tests/benchmarks/bench_startup.py [--runs 5] [--binary dist/trove/trove]

Runs the app offscreen in fresh processes (TROVE_HOME in a temporary folder with the MiniLM
pack if one is installed in yours), and reports median time to a visible window with a
focused search field, time until the engine (lancedb, onnxruntime) is open, and idle RSS.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import cpu_facts

CHILD = r"""
import os, sys, time, json
t0 = float(sys.argv[1])
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop_app.core.engine import EngineConfig
from desktop_app.paths import Paths
from desktop_app.settings import Settings
from desktop_app.ui.main_window import MainWindow
from desktop_app.workers.engine_host import EngineHost
app = QApplication([])
paths = Paths.from_env(); paths.ensure()
host = EngineHost(EngineConfig(paths.index_dir, (paths.packs_dir,)))
win = MainWindow(paths, Settings(welcome_done=True), host)
win.show(); win.focus_search()
app.processEvents()
shown = time.time() - t0
accepts = win.search.field.hasFocus() and win.search.field.isEnabled()
host.start(watch=False)
out = {"window_s": shown, "accepts_input": accepts}
def opened():
    out["engine_open_s"] = time.time() - t0
    QTimer.singleShot(3000, finish)
def finish():
    import psutil
    out["idle_rss_mb"] = psutil.Process().memory_info().rss / 1e6
    print(json.dumps(out)); host.shutdown(); app.quit()
host.opened.connect(opened)
app.exec()
"""


def frozen(binary: Path, runs: int) -> int:
    """Process start of the packaged app -> its window shown and taking input, offscreen."""
    import time

    times = []
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / "probe.json"
        env = dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            TROVE_HOME=str(Path(tmp) / "home"),
            TROVE_STARTUP_PROBE=str(probe),
        )
        for _ in range(runs):
            probe.unlink(missing_ok=True)
            t0 = time.time()
            subprocess.run([str(binary)], env=env, capture_output=True, check=True, timeout=120)
            shown = json.loads(probe.read_text())
            if not shown["accepts_input"]:
                raise SystemExit("the window was not visible")
            times.append(shown["shown_at"] - t0)
    print(
        json.dumps(
            {
                "binary": str(binary),
                "runs": runs,
                "window_s_median": statistics.median(times),
                "min_max": (min(times), max(times)),
            },
            indent=2,
        )
    )
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument(
        "--binary",
        help="a packaged trove executable (e.g. dist/trove/trove): time its window instead",
    )
    args = ap.parse_args()
    if args.binary:
        return frozen(Path(args.binary), args.runs)
    root = Path(__file__).resolve().parents[2]
    rows = []
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TROVE_HOME=home, PYTHONPATH=str(root))
        for _ in range(args.runs):
            import time

            out = subprocess.run(
                [sys.executable, "-c", CHILD, repr(time.time())],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            )
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    med = {
        k: statistics.median(r[k] for r in rows)
        for k in ("window_s", "engine_open_s", "idle_rss_mb")
    }
    spread = {k: (min(r[k] for r in rows), max(r[k] for r in rows)) for k in med}
    print(
        json.dumps(
            {
                "machine": cpu_facts(),
                "runs": args.runs,
                "median": med,
                "min_max": spread,
                "accepts_input": all(r["accepts_input"] for r in rows),
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
