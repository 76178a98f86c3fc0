"""Does a pack's int8 tower still agree with its fp32 original on *this* computer?

The same int8 graph can be faithful on one CPU and not on another: without VNNI, onnxruntime's
uint8 x int8 kernels add pairs of products in 16 bits, which can saturate. So every pack carries
reference inputs and the fp32 tower's output for them (``manifest["reference"]``); the first
time a tower loads on a machine (and again when the CPU or onnxruntime changes) its output is
compared with them. The verdict is remembered per pack, machine and runtime version.

The reference images are drawn here from closed-form patterns (integer hashing for the grain,
no random generator), so the build and every later check feed the tower the same pixels.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import platform
import threading
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

REFERENCE_VERSION = 1
REFERENCE_IMAGES = 4  # ViT-B/32 int8 on 2 AVX2 cores: ~0.15 s for four
# Agreement (cosine with the fp32 output) a tower must keep. Real weights: what a pack must
# keep for search to rank as with fp32; random-weight test and benchmark models are far more
# fragile under int8 and get a looser line.
LINE_REAL = (0.99, 0.97)  # (mean, min)
LINE_RANDOM = (0.95, 0.90)
REFERENCE_TEXTS = (
    "receipt from the hardware store",
    "kids playing on the beach at sunset",
    "how to bake sourdough bread",
    "a black cat asleep on a sofa",
    "train timetable to Lisbon",
    "tax return deadline",
    "Revenue for the third quarter grew eight percent compared with the previous quarter, "
    "while costs stayed flat in most regions and the board approved the dividend.",
    "To create an archive, give the -c option with -f and the archive's name, then the files "
    "to put in it; -v lists each file as it is added, and -z compresses the result with gzip.",
)

# The CPU features onnxruntime's int8 kernels dispatch on: a change means a new check.
_INT8_FLAGS = (
    "avx2",
    "avx512f",
    "avx512bw",
    "avx512_vnni",
    "avx_vnni",
    "amx_tile",
    "amx_int8",
    "asimddp",
    "i8mm",
    "sve",
)


@dataclass(frozen=True)
class Fidelity:
    """One tower's agreement with its fp32 reference on this machine."""

    pack_id: str
    tower: str  # 'vision' | 'text'
    cosine_mean: float
    cosine_min: float
    passed: bool
    runs: str = "int8"  # which graph answers: 'int8', or 'fp32' when the int8 one failed


def line_for(manifest: dict[str, Any]) -> tuple[float, float]:
    return LINE_RANDOM if "weights" in manifest else LINE_REAL


def compare(
    reference: npt.NDArray[np.float32], output: npt.NDArray[np.float32]
) -> tuple[float, float]:
    """(mean, min) cosine between matching rows."""
    a = _l2(reference)
    b = _l2(output)
    cos = np.sum(a * b, axis=1)
    return float(cos.mean()), float(cos.min())


def passes(mean: float, low: float, line: tuple[float, float]) -> bool:
    return mean >= line[0] and low >= line[1]


def reference_images(size: int, count: int = REFERENCE_IMAGES) -> list[npt.NDArray[np.uint8]]:
    """Photo-like pictures (colour gradients, discs, sensor grain) as (size, size, 3) uint8."""
    y, x = np.mgrid[0:size, 0:size].astype(np.float64) / max(size - 1, 1)
    xi, yi = np.mgrid[0:size, 0:size].astype(np.int64)
    out = []
    for i in range(count):
        k = i + 1
        img = np.empty((size, size, 3), dtype=np.float64)
        for c in range(3):  # a different slant and colour per channel and picture
            img[..., c] = 255 * (0.15 + 0.7 * ((k * x + (c + 1) * y / k + 0.2 * c) % 1.0))
        for d in range(5):  # discs of flat colour, like objects in a scene
            cx = ((37 * k + 53 * d) % 97) / 97
            cy = ((61 * k + 29 * d) % 89) / 89
            r = 0.08 + ((13 * k + 7 * d) % 11) / 60
            inside = (x - cx) ** 2 + (y - cy) ** 2 < r * r
            img[inside] = [(71 * k + 40 * d) % 256, (29 * k + 90 * d) % 256, (150 + 17 * d) % 256]
        h = (xi * 73856093) ^ (yi * 19349663) ^ (k * 83492791)
        grain = ((h >> 3) & 31).astype(np.float64) - 15.5  # +-16 levels, like sensor noise
        img += grain[..., None]
        out.append(np.clip(img, 0, 255).astype(np.uint8))
    return out


def reference_pixels(pre: dict[str, Any]) -> npt.NDArray[np.float32]:
    """The reference images through the pack's own preprocessing: (n, 3, H, W)."""
    from PIL import Image

    from desktop_app.core.embed.preprocess import preprocess_image

    size = int(pre["resize_shortest"])
    return np.stack(
        [preprocess_image(Image.fromarray(a), pre) for a in reference_images(size)]
    ).astype(np.float32)


def make_reference(
    manifest: dict[str, Any],
    run_vision: Callable[[npt.NDArray[np.float32]], npt.NDArray[np.float32]] | None,
    run_text: Callable[[Sequence[str]], npt.NDArray[np.float32]] | None,
) -> dict[str, Any]:
    """The manifest's ``reference`` block: the inputs and the fp32 towers' outputs for them."""
    ref: dict[str, Any] = {"version": REFERENCE_VERSION}
    if run_vision is not None:
        ref["images"] = REFERENCE_IMAGES
        ref["vision"] = _rounded(run_vision(reference_pixels(manifest["preprocessing"])))
    if run_text is not None:
        ref["texts"] = list(REFERENCE_TEXTS)
        ref["text"] = _rounded(run_text(list(REFERENCE_TEXTS)))
    return ref


def reference_inputs(manifest: dict[str, Any], tower: str) -> Any:
    """What to feed ``tower`` for the check: pixels, or texts; None when the pack has none."""
    ref = manifest.get("reference")
    if not isinstance(ref, dict) or int(ref.get("version", 0)) != REFERENCE_VERSION:
        return None
    if tower not in ref:
        return None
    if tower == "vision":
        return reference_pixels(manifest["preprocessing"])
    return [str(t) for t in ref["texts"]]


def reference_outputs(manifest: dict[str, Any], tower: str) -> npt.NDArray[np.float32]:
    return np.asarray(manifest["reference"][tower], dtype=np.float32)


def machine_key() -> str:
    """The CPU model, the int8-relevant instruction sets and the onnxruntime version."""
    import onnxruntime as ort

    model = platform.processor() or platform.machine()
    flags: set[str] = set()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            key, _, value = line.partition(":")
            key = key.strip()
            if key in ("flags", "Features") and not flags:
                flags = set(value.split())
            elif key in ("model name", "CPU part") and model in ("", platform.machine()):
                model = value.strip()
    except OSError:  # not Linux: the processor string and the machine type stand in
        pass
    wanted = sorted(f for f in _INT8_FLAGS if f in flags)
    text = f"{platform.machine()}|{model}|{','.join(wanted)}|ort {ort.__version__}"
    return hashlib.sha256(text.encode()).hexdigest()[:16]


class FidelityLog:
    """Verdicts per (pack, tower) for this machine, remembered in ``path`` across runs.

    Thread-safe: towers load on whichever thread first needs them.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._machine: str | None = None
        self._seen: dict[str, Fidelity] = {}  # this process's verdicts, for notices

    def _key(self, pack_id: str, tower: str) -> str:
        if self._machine is None:
            self._machine = machine_key()
        return f"{self._machine}/{pack_id}/{tower}"

    def remembered(self, pack_id: str, tower: str) -> Fidelity | None:
        with self._lock:
            seen = self._seen.get(f"{pack_id}/{tower}")
            if seen is not None:
                return seen
            raw = self._read().get(self._key(pack_id, tower))
            if not isinstance(raw, dict):
                return None
            try:
                verdict = Fidelity(**raw)
            except TypeError:  # written by another version of Trove
                return None
            self._seen[f"{pack_id}/{tower}"] = verdict
            return verdict

    def record(self, verdict: Fidelity) -> None:
        with self._lock:
            self._seen[f"{verdict.pack_id}/{verdict.tower}"] = verdict
            if self.path is None:
                return
            data = self._read()
            data[self._key(verdict.pack_id, verdict.tower)] = asdict(verdict)
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                tmp = self.path.with_suffix(".tmp")
                tmp.write_text(json.dumps(data, indent=1), encoding="utf-8")
                os.replace(tmp, self.path)
            except OSError as exc:  # a read-only cache: the check simply runs again next time
                log.warning("could not remember the pack check in %s: %s", self.path, exc)

    def verdicts(self) -> list[Fidelity]:
        with self._lock:
            return list(self._seen.values())

    def _read(self) -> dict[str, Any]:
        if self.path is None or not self.path.is_file():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}


def notice(verdict: Fidelity, pack_name: str) -> str | None:
    """The sentence a person reads about a failed check, or None when the tower is fine."""
    if verdict.passed:
        return None
    what = "image" if verdict.tower == "vision" else "text"
    found = "photos" if verdict.tower == "vision" else "documents"
    agreement = f"agreement {verdict.cosine_mean:.3f} with the original"
    if verdict.runs == "fp32":
        return (
            f"Model pack {pack_name}: its 8-bit {what} model is inaccurate on this processor "
            f"({agreement}), so Trove uses the full-precision one it ships with (slower)."
        )
    return (
        f"Model pack {pack_name}: its 8-bit {what} model is inaccurate on this processor "
        f"({agreement}) and the pack has no full-precision copy, so {found} may be ranked "
        f"less well. A pack built or downloaded on this computer keeps that copy when it "
        f"needs one."
    )


def _rounded(x: npt.NDArray[np.float32]) -> list[list[float]]:
    return [[round(float(v), 6) for v in row] for row in _l2(x)]


def _l2(x: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    x = np.asarray(x, dtype=np.float32)
    return np.asarray(x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12), np.float32)
