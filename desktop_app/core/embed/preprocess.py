"""Preprocessing exactly as the source image processor defines it (decoding: core/imaging)."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt


def preprocess_image(image: Any, pre: dict[str, Any]) -> npt.NDArray[np.float32]:
    """Resize shortest side, centre-crop, rescale, normalise -> (3, H, W) float32."""
    from PIL import Image

    resample = (
        Image.Resampling.BICUBIC
        if pre.get("resample", "bicubic") == "bicubic"
        else Image.Resampling.BILINEAR
    )
    short = int(pre["resize_shortest"])
    crop = int(pre["crop"])
    w, h = image.size
    if pre.get("resize") == "square":  # SigLIP: straight to a square, no crop
        sq = image.resize((crop, crop), resample=resample)
        px: npt.NDArray[np.float32] = np.asarray(sq, dtype=np.float32) * np.float32(
            pre.get("rescale", 1 / 255)
        )
        mean = np.asarray(pre["mean"], dtype=np.float32)
        std = np.asarray(pre["std"], dtype=np.float32)
        return np.ascontiguousarray(((px - mean) / std).transpose(2, 0, 1), dtype=np.float32)
    if w <= h:
        nw, nh = short, int(short * h / w)
    else:
        nw, nh = int(short * w / h), short
    im = image.resize((max(nw, 1), max(nh, 1)), resample=resample)
    left = round((im.width - crop) / 2.0)
    top = round((im.height - crop) / 2.0)
    im = im.crop((left, top, left + crop, top + crop))
    arr = np.asarray(im, dtype=np.float32) * float(pre.get("rescale", 1 / 255))
    mean = np.asarray(pre["mean"], dtype=np.float32)
    std = np.asarray(pre["std"], dtype=np.float32)
    arr = (arr - mean) / std
    return np.ascontiguousarray(arr.transpose(2, 0, 1), dtype=np.float32)


CLIP_DEFAULT_PRE: dict[str, Any] = {
    "resize_shortest": 224,
    "crop": 224,
    "resample": "bicubic",
    "rescale": 1 / 255,
    "mean": [0.48145466, 0.4578275, 0.40821073],
    "std": [0.26862954, 0.26130258, 0.27577711],
}
_RESAMPLE = {2: "bilinear", 3: "bicubic"}


def hf_preprocessing(raw: dict[str, Any] | None, family: str, image_size: int) -> dict[str, Any]:
    """A pack's preprocessing from transformers' ``preprocessor_config.json`` (or defaults).

    CLIP: resize the shortest side, centre-crop, bicubic, OpenAI's mean/std. SigLIP: straight
    to a square (no crop), bilinear, mean/std 0.5.
    """
    raw = raw or {}
    if family == "siglip":
        pre: dict[str, Any] = {
            "resize": "square",
            "resize_shortest": image_size,
            "crop": image_size,
            "resample": "bilinear",
            "rescale": 1 / 255,
            "mean": [0.5, 0.5, 0.5],
            "std": [0.5, 0.5, 0.5],
        }
        size = raw.get("size", {})
        if isinstance(size, dict) and "height" in size:
            pre["resize_shortest"] = pre["crop"] = int(size["height"])
        default_resample = 2
    else:
        pre = dict(CLIP_DEFAULT_PRE)
        pre["resize_shortest"] = pre["crop"] = image_size
        if raw:
            size = raw.get("size", image_size)
            pre["resize_shortest"] = int(
                size.get("shortest_edge", image_size) if isinstance(size, dict) else size
            )
            crop = raw.get("crop_size", image_size)
            pre["crop"] = int(crop.get("height", image_size) if isinstance(crop, dict) else crop)
        default_resample = 3
    if raw:
        pre["mean"] = [float(x) for x in raw.get("image_mean", pre["mean"])]
        pre["std"] = [float(x) for x in raw.get("image_std", pre["std"])]
        pre["rescale"] = float(raw.get("rescale_factor", pre["rescale"]))
        pre["resample"] = _RESAMPLE.get(int(raw.get("resample", default_resample)), pre["resample"])
    return pre


def open_clip_preprocessing(raw: dict[str, Any]) -> dict[str, Any]:
    """A pack's preprocessing from open_clip's ``preprocess_cfg.json`` (Immich's exports)."""
    size = raw.get("size", 224)
    side = int(size[0] if isinstance(size, list) else size)
    pre: dict[str, Any] = {
        "resize_shortest": side,
        "crop": side,
        "resample": "bilinear"
        if str(raw.get("interpolation", "bicubic")) == "bilinear"
        else "bicubic",
        "rescale": 1 / 255,
        "mean": [float(x) for x in raw.get("mean", CLIP_DEFAULT_PRE["mean"])],
        "std": [float(x) for x in raw.get("std", CLIP_DEFAULT_PRE["std"])],
    }
    mode = str(raw.get("resize_mode", "shortest"))
    if mode == "squash":
        pre["resize"] = "square"
    elif mode != "shortest":
        raise ValueError(f"unsupported resize_mode {mode!r} in preprocess_cfg.json")
    return pre
