"""Perceptual difference hash (dHash) of a decoded photo, and Hamming distances between hashes."""

from __future__ import annotations

from typing import Any

import numpy as np
import numpy.typing as npt

_SIGN = 1 << 63


def dhash(image: Any) -> int:
    """64-bit difference hash of a PIL image, as a signed int64 (the index's column type).

    The picture is reduced to 9x8 grey cells (an area average, so the decode size does not
    matter); each bit says whether a cell is brighter than its left neighbour. Resized,
    recompressed and lightly edited copies land within a few bits of each other.
    """
    from PIL import Image

    grey = image.convert("L").resize((9, 8), Image.Resampling.BOX)
    px = np.asarray(grey, dtype=np.int16)
    bits = (px[:, 1:] > px[:, :-1]).reshape(-1)
    value = int.from_bytes(np.packbits(bits).tobytes(), "big")
    return to_signed(value)


def to_signed(value: int) -> int:
    """An unsigned 64-bit hash as the signed int64 LanceDB stores."""
    return value - (1 << 64) if value >= _SIGN else value


def hamming(a: int, b: int) -> int:
    return int((a ^ b) & ((1 << 64) - 1)).bit_count()


def hamming_many(a: npt.NDArray[np.int64], b: npt.NDArray[np.int64]) -> npt.NDArray[np.uint8]:
    """Element-wise Hamming distances of two int64 arrays of hashes."""
    return np.bitwise_count(np.bitwise_xor(a, b).view(np.uint64)).astype(np.uint8)


def dhash_file(path: str) -> int:
    """The hash of a photo on disk, decoded cheaply (JPEG draft at 1/8 size is plenty for 9x8).

    Raises ``ImageDecodeError`` on files that cannot be read.
    """
    from desktop_app.core.imaging import load_image

    return dhash(load_image(path, 64))
