"""Shared helpers for benchmarks: machine facts, versions, timing in fresh processes, reports."""

from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def cpu_facts() -> dict[str, Any]:
    flags: set[str] = set()
    model = platform.processor()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("flags") and not flags:
                flags = set(line.split(":", 1)[1].split())
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
    except OSError:
        pass
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "avx2": "avx2" in flags,
        "avx512_vnni": "avx512_vnni" in flags,
        "amx": any(f.startswith("amx") for f in flags),
    }


def machine_line(m: dict[str, Any] | None = None) -> str:
    """One line naming the CPU and the instruction sets int8 speed depends on."""
    m = m or cpu_facts()
    return (
        f"Machine: {m['cpu']}, {m['cores']} cores; AVX2 {m['avx2']}, "
        f"AVX-512 VNNI {m['avx512_vnni']}, AMX {m['amx']}"
    )


def versions(
    names: tuple[str, ...] = (
        "onnxruntime",
        "torch",
        "numpy",
        "lancedb",
        "Pillow",
        "PySide6-Essentials",
    ),
) -> dict[str, str]:
    out = {"python": platform.python_version()}
    for n in names:
        try:
            out[n] = metadata.version(n)
        except metadata.PackageNotFoundError:
            out[n] = "not installed"
    return out


def run_child(code: str, *args: str, threads: int = 2) -> Any:
    """Run ``code`` in a fresh interpreter; it prints one JSON line last."""
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        OMP_NUM_THREADS=str(threads),
        MKL_NUM_THREADS=str(threads),
        TROVE_BENCH_THREADS=str(threads),
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, check=False
    )
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-2000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def median(xs: list[float]) -> float:
    return float(statistics.median(xs))


def write_report(out_dir: Path, name: str, data: dict[str, Any], markdown: str) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(data, indent=2), encoding="utf-8")
    (out_dir / f"{name}.md").write_text(markdown, encoding="utf-8")


# Commands whose manual pages a Debian machine has from its base packages; rendered by man-db.
MAN_PAGES = (
    "ls",
    "cp",
    "find",
    "grep",
    "tar",
    "sed",
    "bash",
    "dd",
    "mount",
    "ps",
    "chmod",
    "date",
    "sort",
    "ssh",
    "apt-get",
    "dpkg",
    "gzip",
    "xargs",
    "rsync",
    "curl",
    "git",
    "top",
    "awk",
)


def man_page_texts(names: tuple[str, ...] = MAN_PAGES) -> dict[str, str]:
    """Real documents nobody here wrote: manual pages rendered as plain text (80 columns)."""
    out: dict[str, str] = {}
    env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
    for name in names:
        proc = subprocess.run(
            ["man", "-P", "cat", name], env=env, capture_output=True, text=True, check=False
        )
        text = proc.stdout
        if proc.returncode == 0 and len(text) > 2000:
            # man's bold and underline arrive as backspace overstrikes
            out[name] = __import__("re").sub(r".\x08", "", text)
    if not out:
        raise RuntimeError("no manual pages could be rendered (is man-db installed?)")
    return out


def real_passages(n: int | None = None) -> list[str]:
    """Passages cut by Trove's own chunker from real manual pages, in a fixed order."""
    from desktop_app.core.extract.chunking import chunk_pages

    passages: list[str] = []
    for _name, text in sorted(man_page_texts().items()):
        passages += [c.text for c in chunk_pages([(None, text)])]
    if n is not None:
        step = max(1, len(passages) // n)
        passages = passages[::step][:n]
    return passages
