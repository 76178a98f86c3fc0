"""Image facts from the header and EXIF only: size, date taken, camera, GPS, orientation."""

from __future__ import annotations

import calendar
import time
from typing import Any

from desktop_app.core.extract import ExtractError
from desktop_app.core.imaging import MAX_PIXELS, ImageDecodeError, raw_preview, register_heif
from desktop_app.core.scan.kinds import is_raw
from desktop_app.core.types import ImageFacts

_DATETIME_ORIGINAL = 0x9003
_EXIF_IFD = 0x8769
_GPS_IFD = 0x8825


def read_image_facts(path: str) -> ImageFacts:
    from PIL import Image, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    register_heif()
    try:
        with Image.open(path) as im:
            w, h = im.size
            if w * h > MAX_PIXELS:
                raise ExtractError(
                    f"image is too large to open safely ({w * h // 1_000_000} megapixels)"
                )
            exif = im.getexif()
            # TIFF-based files (camera RAW) read nested IFDs from the open file
            sub, gps = exif.get_ifd(_EXIF_IFD), exif.get_ifd(_GPS_IFD)
    except ExtractError:
        raise
    except Image.DecompressionBombError as exc:
        raise ExtractError("image is too large to open safely (decompression bomb)") from exc
    except UnidentifiedImageError as exc:
        raise ExtractError("not a readable image (unknown or corrupt format)") from exc
    except (OSError, ValueError, SyntaxError) as exc:
        raise ExtractError(f"image is damaged or truncated ({exc})") from exc
    if is_raw(path):  # IFD0 holds the EXIF; the picture's size is the preview's
        w, h = _raw_preview_size(path)
    orientation = int(exif.get(0x0112, 1) or 1)
    if orientation in (5, 6, 7, 8):
        w, h = h, w
    taken = _parse_date(sub.get(_DATETIME_ORIGINAL) or exif.get(0x0132))
    make = str(exif.get(0x010F, "") or "").strip("\x00 ")
    model = str(exif.get(0x0110, "") or "").strip("\x00 ")
    camera = model if make and model.startswith(make) else f"{make} {model}".strip()
    lat, lon = _gps(gps)
    return ImageFacts(w, h, taken, camera, lat, lon, orientation)


def _raw_preview_size(path: str) -> tuple[int, int]:
    import io

    from PIL import Image

    try:
        data, _ = raw_preview(path)
    except ImageDecodeError as exc:
        raise ExtractError(str(exc)) from exc
    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except (OSError, ValueError, SyntaxError) as exc:
        raise ExtractError(f"the embedded preview is damaged ({exc})") from exc


def _parse_date(value: Any) -> float | None:
    if not value:
        return None
    try:
        st = time.strptime(str(value).strip("\x00 ")[:19], "%Y:%m:%d %H:%M:%S")
    except ValueError:
        return None
    return float(calendar.timegm(st))


def _gps(gps: Any) -> tuple[float | None, float | None]:
    try:
        lat = _dms(gps[2]) * (-1 if str(gps.get(1, "N")).upper().startswith("S") else 1)
        lon = _dms(gps[4]) * (-1 if str(gps.get(3, "E")).upper().startswith("W") else 1)
    except (KeyError, TypeError, ValueError, ZeroDivisionError, IndexError):
        return None, None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return None, None
    return lat, lon


def _dms(v: Any) -> float:
    d, m, s = (float(x) for x in v)
    return d + m / 60 + s / 3600


def open_image(path: str, max_side: int | None = None) -> Any:
    """Decode for display or encoding: JPEG draft at the target size, EXIF orientation applied."""

    from desktop_app.core.imaging import load_image

    if max_side is None:
        return load_image(path, 1 << 30)  # full size: no draft reduction
    im = load_image(path, max_side)
    im.thumbnail((max_side, max_side))
    return im
