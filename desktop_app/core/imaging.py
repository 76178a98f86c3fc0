"""Decoding pictures: JPEG draft mode, HEIF, camera RAW previews, EXIF rotation, a size limit
against decompression bombs. Used by extract/ and embed/ alike; imports nothing above it."""

from __future__ import annotations

from typing import Any


class ImageDecodeError(Exception):
    """An image could not be decoded; the message says why in plain words."""


MAX_PIXELS = 200_000_000  # larger images are refused as possible decompression bombs
JPEG_ONE_READ = 32 << 20  # JPEGs up to this size go to the decoder in one piece (see load_image)


def load_image(path: str, target: int) -> Any:
    """Decode at reduced size (JPEG draft), convert to RGB, apply EXIF orientation."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    register_heif()
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

    data, orientation = raw_preview(path)
    return io.BytesIO(data), orientation


_heif_done = False


def register_heif() -> None:
    """Let Pillow open HEIC/HEIF when pillow-heif is installed (once)."""
    global _heif_done
    if _heif_done:
        return
    try:
        import pillow_heif

        pillow_heif.register_heif_opener()
    except ImportError:  # HEIC stays unsupported; other formats still work
        pass
    _heif_done = True


# --- camera RAW: the JPEG preview inside ---------------------------------------------------
# Camera RAW files: the JPEG preview the camera embedded, found with tifffile.
#
# TIFF-based RAW formats (DNG, NEF, CR2, ARW, PEF, SRW, ...) carry a JPEG rendering of the shot
# next to the sensor data: in a SubIFD (NEF, DNG), as IFD0's strip (CR2) or through the
# JPEGInterchangeFormat tags (ARW). Trove indexes and shows that preview; it never develops the
# sensor data. EXIF (date, camera, GPS, orientation) sits in IFD0 as in any TIFF.

_JPEG_IF, _JPEG_IF_LEN = 513, 514


def raw_preview(path: str) -> tuple[bytes, int]:
    """The largest embedded standalone JPEG and the RAW's EXIF orientation (1 when unset)."""
    import tifffile

    try:
        with tifffile.TiffFile(path) as tf:
            pages = list(_pages(tf.pages, depth=0))
            orientation = int(pages[0].tags.valueof(274, 1) or 1) if pages else 1
            fh = tf.filehandle
            for offset, length in sorted(
                {c for p in pages for c in _candidates(p)}, key=lambda c: -c[1]
            ):
                fh.seek(offset)
                data = fh.read(length)
                # a standalone JPEG: starts with SOI and carries its own quantisation tables
                if data[:2] == b"\xff\xd8" and b"\xff\xdb" in data[:4096]:
                    return bytes(data), orientation
    except (tifffile.TiffFileError, OSError, ValueError, TypeError, KeyError, IndexError) as exc:
        raise ImageDecodeError(f"not a readable camera RAW file ({exc})") from exc
    raise ImageDecodeError("this camera RAW file has no embedded preview Trove can read")


def _pages(pages: Any, depth: int) -> Any:
    for page in pages:
        yield page
        sub = getattr(page, "pages", None) if depth < 2 and page.subifds else None
        if sub is not None:
            yield from _pages(sub, depth + 1)


def _first(value: Any) -> int:
    """Tag values arrive as a number or a one-element tuple, depending on the writer."""
    if isinstance(value, (tuple, list)):
        value = value[0] if value else 0
    return int(value or 0)


def _candidates(page: Any) -> list[tuple[int, int]]:
    out = []
    off, length = _first(page.tags.valueof(_JPEG_IF)), _first(page.tags.valueof(_JPEG_IF_LEN))
    if off and length:
        out.append((off, length))
    if int(page.compression) in (6, 7) and len(page.dataoffsets) == 1:
        out.append((int(page.dataoffsets[0]), int(page.databytecounts[0])))
    return [c for c in out if c[1] > 0]
