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


# The int8 MiniLM pack on passages (argv: packs folder, passages JSON), in slices and
# length-sorted batches as `trove index` encodes them (indexing/passes/meaning.py).
PASSAGES_INT8 = r"""
import json, sys, time
from pathlib import Path
from desktop_app.core.packs import PackManager
from desktop_app.core.embed.encoders import tokenize
from desktop_app.core.indexing.passes.meaning import ENCODE_BATCH, SLICE_PASSAGES, encode_passages
passages = json.loads(Path(sys.argv[2]).read_text())
enc = PackManager([Path(sys.argv[1])], threads=2).document_encoder()
enc.encode_texts(passages[:ENCODE_BATCH])
t0 = time.perf_counter()
for i in range(0, len(passages), SLICE_PASSAGES):  # as trove index encodes them
    encode_passages(enc, passages[i : i + SLICE_PASSAGES])
dt = time.perf_counter() - t0
m = json.loads((Path(sys.argv[1]) / "minilm-l6" / "manifest.json").read_text())
tokens = int(tokenize(Path(sys.argv[1]) / "minilm-l6" / "tokenizer.json", m["tokenizer"], passages)["attention_mask"].sum())
print(json.dumps({"passages_per_s": len(passages) / dt, "tokens_per_s": tokens / dt, "tokens": tokens}))
"""

# sentence-transformers fp32 on torch, what a user would otherwise run (argv: model folder,
# passages JSON).
PASSAGES_SENTENCE_TRANSFORMERS = r"""
import json, sys, time, torch
from pathlib import Path
from sentence_transformers import SentenceTransformer
torch.set_num_threads(2)
passages = json.loads(Path(sys.argv[2]).read_text())
m = SentenceTransformer(sys.argv[1], device="cpu")
m.max_seq_length = 256
m.encode(passages[:32], batch_size=32)
t0 = time.perf_counter()
m.encode(passages, batch_size=32)
print(json.dumps({"passages_per_s": len(passages) / (time.perf_counter() - t0)}))
"""
