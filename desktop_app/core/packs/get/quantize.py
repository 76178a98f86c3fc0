"""Turning an fp32 tower into int8 with onnxruntime alone: one recipe for every CPU.

Used by pack builds (models/export.py) and by packs assembled from ready-made graphs; needs
onnxruntime's quantization tools (and the onnx package they import), never torch.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Recipe:
    """Dynamic int8 quantisation settings (weights int8 at build time, activations at run time)."""

    name: str
    weight_type: str  # 'QInt8' | 'QUInt8'
    per_channel: bool
    reduce_range: bool  # 7-bit weights: no 16-bit saturation in u8 x s8 kernels without VNNI


RECIPES = {
    r.name: r
    for r in (
        # What packs were built with before: full-range int8 weights. Without VNNI (most
        # laptops), onnxruntime multiplies u8 activations by s8 weights with vpmaddubsw,
        # which adds pairs of products into a signed 16-bit lane and saturates: a tiny SigLIP
        # vision tower fell to cosine 0.94 vs fp32 on an AVX2 CPU (passes with VNNI).
        Recipe("s8-full", "QInt8", per_channel=True, reduce_range=False),
        # 7-bit weights: a pair of products stays within 16 bits, so the u8 x s8 kernels are
        # exact on every CPU, and VNNI/AMX machines keep their fast u8 x s8 path.
        Recipe("s8-reduced", "QInt8", per_channel=True, reduce_range=True),
        # Both sides unsigned: no saturation either (the kernel widens to 16 bits first).
        Recipe("u8u8", "QUInt8", per_channel=True, reduce_range=False),
    )
}
RECIPE = RECIPES["s8-reduced"]  # chosen by tests/benchmarks/bench_quantization.py (README)


def quantize_tower(src: Path, dest: Path, tower: str, recipe: Recipe = RECIPE) -> None:
    """Write the int8 version of the fp32 graph ``src`` to ``dest``.

    Vision towers quantise MatMul/Gemm only: an int8 patch Conv becomes a slow ConvInteger.
    """
    from onnxruntime.quantization import QuantType, quantize_dynamic

    root = logging.getLogger()
    root.addFilter(_no_preprocessing_advice)
    try:
        quantize_dynamic(
            str(src),
            str(dest),
            weight_type=getattr(QuantType, recipe.weight_type),
            per_channel=recipe.per_channel,
            reduce_range=recipe.reduce_range,
            op_types_to_quantize=["MatMul", "Gemm"] if tower == "vision" else None,
        )
    finally:
        root.removeFilter(_no_preprocessing_advice)


def _no_preprocessing_advice(record: logging.LogRecord) -> bool:
    # onnxruntime's quantiser advises its shape pre-processing on the root logger every time;
    # dynamic quantisation needs none, and a person getting an image model should not read it.
    return not str(record.msg).startswith("Please consider to run pre-processing")
