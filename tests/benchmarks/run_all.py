"""Run every benchmark side by side and write one Markdown and one JSON report.

    .venv/bin/python tests/benchmarks/run_all.py OUT_DIR [--million] [--quick]

Each benchmark generates its own data and runs its contenders in separate processes; the
report states the machine (cores, AVX2 / AVX-512 VNNI / AMX) and the package versions.
Figures from random-weight models are speed figures only. The quality benchmark needs the
Debian documentation packages its corpus comes from (tests/benchmarks/quality_corpus.py) and
keeps its built indexes in ~/.cache/trove-bench-quality: the first full run embeds ~100k
passages (about an hour on two cores).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tests.benchmarks.common import ROOT, cpu_facts, versions

HERE = Path(__file__).resolve().parent


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--million", action="store_true", help="also measure queries at 1M items")
    ap.add_argument("--quick", action="store_true", help="fewer rounds and photos")
    args = ap.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    rounds = "1" if args.quick else "3"
    runs = [
        ("encoders", ["bench_encoders.py", "--rounds", rounds]),
        ("quantization", ["bench_quantization.py", "--rounds", rounds]),
        ("quality", ["bench_quality.py", "--sizes", "1k" if args.quick else "1k,10k,100k"]),
        ("documents", ["bench_documents.py", "--rounds", rounds]),
        (
            "indexing",
            [
                "bench_indexing.py",
                "--photos",
                "48" if args.quick else "200",
                "--repeats",
                "1" if args.quick else "5",
            ],
        ),
        ("query", ["bench_query.py"] + (["--million"] if args.million else [])),
        ("freshness", ["bench_freshness.py"]),
        ("browse", ["bench_browse.py", "--runs", "3" if args.quick else "9"]),
        ("startup", ["bench_startup.py", "--runs", rounds]),
    ]
    summary = {
        "machine": cpu_facts(),
        "versions": versions(),
        "started": time.strftime("%Y-%m-%d %H:%M"),
        "results": {},
    }
    md = [
        "# Trove benchmark report",
        "",
        f"Machine: {summary['machine']}",
        "",
        f"Versions: {summary['versions']}",
        "",
    ]
    for name, cmd in runs:
        extra = ["--out", str(out)] if name != "startup" else []
        proc = subprocess.run(
            [sys.executable, str(HERE / cmd[0]), *cmd[1:], *extra],
            cwd=str(ROOT),
            capture_output=True,
            text=True,
        )
        if proc.returncode != 0:
            md += [f"## {name}: FAILED", "", "```", proc.stderr[-1500:], "```", ""]
            summary["results"][name] = {"error": proc.stderr[-1500:]}
            continue
        if name == "startup":
            data = json.loads(proc.stdout[proc.stdout.index("{") :])
            summary["results"][name] = data
            med = data["median"]
            md += [
                "# Start-up and memory",
                "",
                f"Window shown and accepting input {med['window_s']:.2f} s, engine open {med['engine_open_s']:.2f} s, "
                f"idle RSS {med['idle_rss_mb']:.0f} MB (median of {data['runs']}).",
                "",
            ]
        else:
            summary["results"][name] = json.loads((out / f"{name}.json").read_text())
            md += [(out / f"{name}.md").read_text(), ""]
    (out / "REPORT.md").write_text("\n".join(md), encoding="utf-8")
    (out / "REPORT.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print("\n".join(md))
    print(f"\nReports: {out / 'REPORT.md'} and {out / 'REPORT.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
