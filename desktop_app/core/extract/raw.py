"""Camera RAW files: the JPEG preview the camera embedded, found with tifffile.

TIFF-based RAW formats (DNG, NEF, CR2, ARW, PEF, SRW, ...) carry a JPEG rendering of the shot
next to the sensor data: in a SubIFD (NEF, DNG), as IFD0's strip (CR2) or through the
JPEGInterchangeFormat tags (ARW). Trove indexes and shows that preview; it never develops the
sensor data. EXIF (date, camera, GPS, orientation) sits in IFD0 as in any TIFF.
"""

from __future__ import annotations

from typing import Any

from desktop_app.core.extract import ExtractError

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
        raise ExtractError(f"not a readable camera RAW file ({exc})") from exc
    raise ExtractError("this camera RAW file has no embedded preview Trove can read")


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
