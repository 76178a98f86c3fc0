"""Generators for fixture files: photos with EXIF, PDFs with text pages, DOCX, ODT; and real
text in many languages from Debian's manual pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PIL import Image, ImageDraw

if TYPE_CHECKING:
    from desktop_app.core.engine import TroveEngine


def run_trove(
    *args: str, env: dict[str, str], timeout: float = 600
) -> subprocess.CompletedProcess[str]:
    """The `trove` command in a process of its own, as a person runs it."""
    return subprocess.run(
        [sys.executable, "-m", "desktop_app", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def open_engine(home: Path, root: Path, **config: object) -> TroveEngine:
    """An engine over the index and packs under ``home`` (TROVE_HOME), watching ``root``."""
    from desktop_app.core.config import EngineConfig
    from desktop_app.core.engine import TroveEngine

    engine = TroveEngine(
        EngineConfig(
            home / "data" / "index",
            (home / "data" / "packs",),
            roots=(str(root),),
            **config,  # type: ignore[arg-type]
        )
    )
    engine.open()
    return engine


def make_photo(
    path: Path,
    seed: int = 0,
    size: tuple[int, int] = (640, 480),
    *,
    orientation: int | None = None,
    gps: tuple[float, float] | None = None,
    taken: str | None = None,
    camera: tuple[str, str] | None = None,
    quality: int = 90,
) -> Path:
    """A photo-like picture (gradient + shapes) with optional EXIF orientation, GPS and date."""
    rng = np.random.default_rng(seed)
    w, h = size
    base = np.linspace(0, 255, w, dtype=np.float32)[None, :, None] * rng.random(3)[None, None, :]
    arr = np.broadcast_to(base, (h, w, 3)).copy() + rng.normal(0, 10, (h, w, 3))
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8))
    d = ImageDraw.Draw(im)
    for _ in range(6):
        x0, y0 = int(rng.integers(0, w - 40)), int(rng.integers(0, h - 40))
        d.ellipse(
            (x0, y0, x0 + int(rng.integers(20, w // 2)), y0 + int(rng.integers(20, h // 2))),
            fill=tuple(int(c) for c in rng.integers(0, 255, 3)),
        )
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    if camera:
        exif[0x010F], exif[0x0110] = camera
    if taken:
        exif[0x0132] = taken
        exif.get_ifd(0x8769)[0x9003] = taken
    if gps:
        lat, lon = gps

        def dms(x: float) -> tuple[float, float, float]:
            x = abs(x)
            d_ = int(x)
            m = int((x - d_) * 60)
            return (float(d_), float(m), round((x - d_ - m / 60) * 3600, 4))

        g = exif.get_ifd(0x8825)
        g[1], g[2] = ("N" if lat >= 0 else "S"), dms(lat)
        g[3], g[4] = ("E" if lon >= 0 else "W"), dms(lon)
    path.parent.mkdir(parents=True, exist_ok=True)
    fmt = "JPEG" if path.suffix.lower() in (".jpg", ".jpeg") else None
    kwargs = {"quality": quality} if fmt == "JPEG" else {}
    im.save(path, format=fmt, exif=exif.tobytes(), **kwargs)
    return path


def make_pdf(path: Path, pages: list[str]) -> Path:
    """A minimal valid PDF with one text line block per page (Helvetica)."""
    objs: list[bytes] = []
    n = len(pages)
    kids = " ".join(f"{3 + 2 * i} 0 R" for i in range(n))
    objs.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objs.append(f"<< /Type /Pages /Kids [{kids}] /Count {n} >>".encode())
    font_id = 3 + 2 * n
    for i, text in enumerate(pages):
        lines = [text[j : j + 80] for j in range(0, len(text), 80)] or [""]
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
        for line in lines:
            esc = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({esc}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1", "replace")
        objs.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents {4 + 2 * i} 0 R "
            f"/Resources << /Font << /F1 {font_id} 0 R >> >> >>".encode()
        )
        objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objs.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(out))
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    for p in paragraphs:
        d.add_paragraph(p)
    path.parent.mkdir(parents=True, exist_ok=True)
    d.save(str(path))
    return path


def make_odt(path: Path, paragraphs: list[str]) -> Path:
    from odf.opendocument import OpenDocumentText
    from odf.text import P

    doc = OpenDocumentText()
    for p in paragraphs:
        doc.text.addElement(P(text=p))
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def make_raw(
    path: Path,
    seed: int = 0,
    preview_size: tuple[int, int] = (640, 480),
    *,
    orientation: int = 1,
    taken: str = "2023:07:14 18:30:00",
    camera: tuple[str, str] = ("NIKON CORPORATION", "NIKON Z 6"),
    gps: tuple[float, float] | None = None,
) -> Path:
    """A camera-RAW-shaped TIFF as NEF and DNG lay it out: a small uncompressed thumbnail in
    IFD0 (with Make, Model, Orientation, the Exif and GPS IFDs) and, in a SubIFD, the camera's
    JPEG preview (old-style JPEG: JPEGInterchangeFormat/Length). The sensor data is left out."""
    import io
    import struct

    preview = io.BytesIO()
    make_photo(path.with_suffix(".tmp.jpg"), seed, preview_size)
    preview.write(path.with_suffix(".tmp.jpg").read_bytes())
    path.with_suffix(".tmp.jpg").unlink()
    jpeg = preview.getvalue()
    thumb = bytes(range(64))  # 8 x 8 grey

    body = bytearray(b"II*\x00\x00\x00\x00\x00")  # IFD0 offset patched below
    pending: list[tuple[int, bytes]] = []  # (where the offset goes, data placed later)

    def ifd(entries: list[tuple[int, int, int, bytes]]) -> int:
        """entries: (tag, type, count, value bytes); values over 4 bytes go after the IFD."""
        at = len(body)
        body.extend(struct.pack("<H", len(entries)))
        for tag, typ, count, value in sorted(entries):
            body.extend(struct.pack("<HHI", tag, typ, count))
            if len(value) <= 4:
                body.extend(value.ljust(4, b"\x00"))
            else:
                pending.append((len(body), value))
                body.extend(b"\x00\x00\x00\x00")
        body.extend(b"\x00\x00\x00\x00")  # no next IFD
        for where, value in pending:
            struct.pack_into("<I", body, where, len(body))
            body.extend(value + (b"\x00" if len(value) % 2 else b""))
        pending.clear()
        return at

    def ascii_(s: str) -> tuple[int, bytes]:
        b = s.encode() + b"\x00"
        return len(b), b

    def short(v: int) -> bytes:
        return struct.pack("<H", v)

    def long(v: int) -> bytes:
        return struct.pack("<I", v)

    def rationals(vals: tuple[float, ...]) -> bytes:
        return b"".join(struct.pack("<II", round(v * 10000), 10000) for v in vals)

    def dms(x: float) -> tuple[float, float, float]:
        x = abs(x)
        d = int(x)
        m = int((x - d) * 60)
        return float(d), float(m), (x - d - m / 60) * 3600

    exif_at = ifd([(0x9003, 2, *ascii_(taken))])
    gps_at = None
    if gps:
        lat, lon = gps
        gps_at = ifd(
            [
                (1, 2, 2, b"N\x00" if lat >= 0 else b"S\x00"),
                (2, 5, 3, rationals(dms(lat))),
                (3, 2, 2, b"E\x00" if lon >= 0 else b"W\x00"),
                (4, 5, 3, rationals(dms(lon))),
            ]
        )
    jpeg_at = len(body)
    body.extend(jpeg)
    w, h = preview_size
    sub_at = ifd(
        [
            (254, 4, 1, long(1)),
            (256, 4, 1, long(w)),
            (257, 4, 1, long(h)),
            (259, 3, 1, short(6)),
            (513, 4, 1, long(jpeg_at)),
            (514, 4, 1, long(len(jpeg))),
        ]
    )
    thumb_at = len(body)
    body.extend(thumb)
    entries = [
        (254, 4, 1, long(1)),
        (256, 4, 1, long(8)),
        (257, 4, 1, long(8)),
        (258, 3, 1, short(8)),
        (259, 3, 1, short(1)),
        (262, 3, 1, short(1)),
        (271, 2, *ascii_(camera[0])),
        (272, 2, *ascii_(camera[1])),
        (273, 4, 1, long(thumb_at)),
        (274, 3, 1, short(orientation)),
        (277, 3, 1, short(1)),
        (278, 4, 1, long(8)),
        (279, 4, 1, long(len(thumb))),
        (306, 2, *ascii_(taken)),
        (330, 4, 1, long(sub_at)),
        (34665, 4, 1, long(exif_at)),
    ]
    if gps_at is not None:
        entries.append((34853, 4, 1, long(gps_at)))
    ifd0 = ifd(entries)
    struct.pack_into("<I", body, 4, ifd0)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(body))
    return path


# --- real text in many languages (Debian's manual pages) --------------------------------

MAN_DIRS = {"en": "", "de": "de", "fr": "fr", "es": "es", "ja": "ja", "zh": "zh_CN", "ru": "ru"}
# Debian packages the pages and manuals come from: .ci/run installs them; a test that needs
# them fails (never skips) when they are missing
MAN_PACKAGES = (
    "man-db manpages manpages-de manpages-fr manpages-es manpages-ja manpages-zh manpages-ru"
)


def man_page(lang: str, command: str) -> str:
    """The manual page of ``command`` in ``lang`` as ``man`` shows it (80 columns, plain)."""
    import gzip
    import subprocess

    base = Path("/usr/share/man") / MAN_DIRS[lang] / "man1"
    page = base / f"{command}.1.gz"
    if not page.is_file():
        raise AssertionError(f"{page} is missing: apt-get install {MAN_PACKAGES}")
    raw = gzip.decompress(page.read_bytes())
    out = subprocess.run(
        ["man", "-l", "-P", "cat", "-"],
        input=raw,
        capture_output=True,
        env={**os.environ, "MANWIDTH": "80", "LC_ALL": "C.UTF-8", "MAN_KEEP_FORMATTING": ""},
        check=True,
    ).stdout.decode("utf-8", "replace")
    # no backspace overstrikes (what `col -b` does)
    while "\b" in out:
        out = re.sub(r".\x08", "", out)
    return out


def bzip2_manual(dest: Path) -> Path:
    """bzip2's PDF manual (Debian's bzip2-doc), unpacked to ``dest``."""
    import gzip

    src = Path("/usr/share/doc/bzip2/manual.pdf.gz")
    if not src.is_file():
        raise AssertionError(f"{src} is missing: apt-get install bzip2-doc")
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_bytes(gzip.decompress(src.read_bytes()))
    return dest
