"""Image decoding and preprocessing exactly as the source image processor defines it."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

from desktop_app.core.embed.errors import ImageDecodeError

MAX_PIXELS = 200_000_000  # larger images are refused as possible decompression bombs
JPEG_ONE_READ = 32 << 20  # JPEGs up to this size go to the decoder in one piece (see load_image)


def load_image(path: str, target: int) -> Any:
    """Decode at reduced size (JPEG draft), convert to RGB, apply EXIF orientation."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    _register_heif()
    source, raw_orientation = _source(path)
    try:
        with Image.open(source) as im:
            if im.width * im.height > MAX_PIXELS:
                raise ImageDecodeError(
                    f"image is too large to open safely ({im.width * im.height // 1_000_000} megapixels)"
                )
            orientation = raw_orientation or im.getexif().get(0x0112, 1)
            if im.format == "JPEG":
                # DCT scaling: decode at >= target size, 5-7x cheaper on 12 MP photos.
                im.draft("RGB", (target, target))
                # The whole file in one read and one decoder call, not one per 64 KB: the
                # decoder then gives up the GIL once per photo instead of ~50 times, and two
                # decoding threads stop queueing for it (2 threads: 16.1 -> 14.9 ms a photo).
                size = _byte_size(source)
                if size <= JPEG_ONE_READ:
                    im.decodermaxblock = max(im.decodermaxblock, size)
            rgb = im.convert("RGB")
            rgb.load()
    except ImageDecodeError:
        raise
    except Image.DecompressionBombError as exc:
        raise ImageDecodeError("image is too large to open safely (decompression bomb)") from exc
    except UnidentifiedImageError as exc:
        raise ImageDecodeError("not a readable image (unknown or corrupt format)") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ImageDecodeError(f"image is damaged or truncated ({exc})") from exc
    if orientation and orientation != 1:
        rgb.getexif()[0x0112] = orientation
        rgb.info["exif"] = rgb.getexif().tobytes()
        rgb = ImageOps.exif_transpose(rgb)
    return rgb


def _byte_size(source: Any) -> int:
    import io
    import os

    return source.getbuffer().nbytes if isinstance(source, io.BytesIO) else os.path.getsize(source)


def _source(path: str) -> tuple[Any, int | None]:
    """What Pillow opens: the file, or for camera RAW its embedded JPEG preview (with the
    RAW's own orientation, which the preview usually lacks)."""
    from desktop_app.core.scan.kinds import is_raw

    if not is_raw(path):
        return path, None
    import io

    from desktop_app.core.extract import ExtractError
    from desktop_app.core.extract.raw import raw_preview

    try:
        data, orientation = raw_preview(path)
    except ExtractError as exc:
        raise ImageDecodeError(str(exc)) from exc
    return io.BytesIO(data), orientation


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


_heif_done = False


def _register_heif() -> None:
    global _heif_done
    if _heif_done:
        return
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC stays unsupported; other formats still work
        pass
    _heif_done = True


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
